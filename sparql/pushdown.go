package sparql

import (
	"context"

	"kg/sparql/eval"
	"kg/store"
	"kg/term"
)

// joinDataset is the view of a store that evaluates join groups itself
// (PostgreSQL): the evaluator hands it whole groups (eval.Joiner).
type joinDataset struct {
	storeDataset
	j store.Joiner
}

func (d *joinDataset) Join(ctx context.Context, g term.Term, j *eval.Join, yield func(row []term.Term) bool) error {
	sj := store.Join{Graph: g, Out: j.Out, Steps: make([]store.JoinStep, len(j.Steps)), Tables: make([]store.JoinTable, len(j.Tables))}
	for i, t := range j.Tables {
		sj.Tables[i] = store.JoinTable{Vars: t.Vars, Rows: t.Rows}
	}
	for i, st := range j.Steps {
		links := make([]store.JoinLink, len(st.Links))
		for k, l := range st.Links {
			links[k] = store.JoinLink{P: store.JoinSlot(l.P), Inverse: l.Inverse}
		}
		sj.Steps[i] = store.JoinStep{S: store.JoinSlot(st.S), O: store.JoinSlot(st.O), Links: links, Closure: st.Closure}
	}
	return d.j.Join(ctx, &sj, yield)
}
