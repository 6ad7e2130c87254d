package sparql

import (
	"context"
	"errors"
	"testing"

	"kg/sparql/eval"
	"kg/sparql/parse"
)

// TestParseUnderDeadline: parsing counts against the query's deadline: a
// context that is done stops it with ErrCanceled; otherwise the query and
// the parser's own errors come through.
func TestParseUnderDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Parse(ctx, "SELECT * {}", parse.Options{}); !errors.Is(err, eval.ErrCanceled) || !errors.Is(err, context.Canceled) {
		t.Errorf("done context: err = %v, want ErrCanceled wrapping context.Canceled", err)
	}
	q, err := Parse(context.Background(), "SELECT ?x { ?x ?p ?o }", parse.Options{})
	if err != nil || len(q.Vars) != 1 {
		t.Errorf("Parse = %v, %v", q, err)
	}
	if _, err := Parse(context.Background(), "SELECT ?x {", parse.Options{}); err == nil || errors.Is(err, eval.ErrCanceled) {
		t.Errorf("syntax error: err = %v", err)
	}
}
