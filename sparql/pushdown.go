package sparql

import (
	"context"

	"kg/sparql/eval"
	"kg/store"
	"kg/term"
)

// joinDataset is the view of a store that evaluates join groups itself
// (PostgreSQL): the evaluator hands it whole groups (eval.Joiner), in the
// description both share (package store/join).
type joinDataset struct {
	storeDataset
	j store.Joiner
}

func (d *joinDataset) Join(ctx context.Context, g term.Term, j *eval.Join, yield func(row []term.Term) bool) error {
	in := *j // the joins inside read the graph of the outermost
	in.Graph = g
	return d.j.Join(ctx, &in, yield)
}
