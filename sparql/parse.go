package sparql

import (
	"context"
	"fmt"

	"kg/sparql/algebra"
	"kg/sparql/eval"
	"kg/sparql/parse"
)

// Parse parses a query under ctx, so that parsing counts against a
// query's deadline: once ctx is done it returns ctx's error wrapped in
// eval.ErrCanceled, without waiting for the parser, which finishes in the
// background and whose result is dropped.
func Parse(ctx context.Context, text string, opt parse.Options) (*algebra.Query, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", eval.ErrCanceled, err)
	}
	type parsed struct {
		q   *algebra.Query
		err error
	}
	done := make(chan parsed, 1)
	go func() {
		q, err := parse.Query(text, opt)
		done <- parsed{q, err}
	}()
	select {
	case p := <-done:
		return p.q, p.err
	case <-ctx.Done():
		return nil, fmt.Errorf("%w while parsing: %w", eval.ErrCanceled, ctx.Err())
	}
}
