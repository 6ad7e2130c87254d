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
	sj := storeJoin(j)
	sj.Graph = g
	return d.j.Join(ctx, sj, yield)
}

// storeJoin is the store's form of a join and of the joins it holds.
func storeJoin(j *eval.Join) *store.Join {
	sj := &store.Join{Out: j.Out, Steps: make([]store.JoinStep, len(j.Steps)), Tables: make([]store.JoinTable, len(j.Tables))}
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
	sj.Conds = storeExprs(j.Conds)
	for _, o := range j.Optional {
		sj.Optional = append(sj.Optional, store.JoinOptional{Join: storeJoin(o.Join), On: storeExprs(o.On)})
	}
	if j.Group != nil {
		sj.Group = &store.JoinGroup{}
		for _, c := range j.Group.Counts {
			sj.Group.Counts = append(sj.Group.Counts, store.JoinCount(c))
		}
	}
	return sj
}

func storeExprs(es []eval.JoinExpr) []store.JoinExpr {
	if es == nil {
		return nil
	}
	out := make([]store.JoinExpr, len(es))
	for i, e := range es {
		out[i] = store.JoinExpr{Op: storeOps[e.Op], Args: storeExprs(e.Args), Var: e.Var, Term: e.Term}
		if e.Sub != nil {
			out[i].Sub = storeJoin(e.Sub)
		}
	}
	return out
}

// storeOps are the store's names of the operators of conditions.
var storeOps = map[eval.JoinOp]store.JoinOp{
	eval.ExprVar: store.ExprVar, eval.ExprTerm: store.ExprTerm,
	eval.ExprTrue: store.ExprTrue, eval.ExprFalse: store.ExprFalse, eval.ExprError: store.ExprError,
	eval.ExprSameTerm: store.ExprSameTerm, eval.ExprNot: store.ExprNot, eval.ExprAnd: store.ExprAnd,
	eval.ExprOr: store.ExprOr, eval.ExprBound: store.ExprBound, eval.ExprExists: store.ExprExists,
}
