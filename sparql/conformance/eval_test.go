package conformance

import (
	"context"
	"fmt"
	"slices"

	"kg/sparql/algebra"
	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/sparql/results"
	"kg/term"
)

// kgEvaluator runs queries with kg/sparql/parse and kg/sparql/eval over an
// eval.MemDataset.
type kgEvaluator struct{}

func (kgEvaluator) Execute(src, base string, d *dataset) (*answer, error) {
	q, err := parse.Query(src, parse.Options{Base: base})
	if err != nil {
		return nil, err
	}
	m := eval.NewMemDataset()
	have := map[term.Term]bool{}
	for _, x := range d.Quads {
		if !x.G.IsZero() && !have[x.G] {
			have[x.G] = true
			m.AddGraph(x.G)
		}
		m.Add(x)
	}
	var ds eval.Dataset = m
	if q.Dataset != nil {
		// FROM and FROM NAMED name documents: load those the manifest did
		// not already provide as named graphs, then let the query's
		// dataset clause pick the graphs.
		for _, g := range slices.Concat(q.Dataset.Default, q.Dataset.Named) {
			if have[g] {
				continue
			}
			ts, err := d.Load(g.Value)
			if err != nil {
				return nil, fmt.Errorf("loading %v: %v", g, err)
			}
			have[g] = true
			m.AddGraph(g)
			for _, t := range ts {
				m.Add(t.InGraph(g))
			}
		}
		ds = eval.Restrict(m, q.Dataset.Default, q.Dataset.Named)
	}
	r, err := eval.Query(context.Background(), ds, q, eval.Options{})
	if err != nil {
		return nil, err
	}
	a := &answer{}
	switch r.Form {
	case algebra.Select:
		a.Result = &results.Result{Vars: r.Vars, Rows: r.Rows}
		if conds := orderConds(q.Pattern); conds != nil {
			a.OrderKeys = orderKeys(conds)
		}
	case algebra.Ask:
		b := r.Bool
		a.Result = &results.Result{Boolean: &b}
	default:
		a.Graph = make([]term.Quad, 0, len(r.Triples))
		for _, t := range r.Triples {
			a.Graph = append(a.Graph, t.InGraph(term.Term{}))
		}
	}
	return a, nil
}

// orderConds finds the ORDER BY of the outermost query, under the solution
// modifiers that keep order (slice, reduced, distinct, project).
func orderConds(p algebra.Pattern) []algebra.OrderCond {
	for {
		switch n := p.(type) {
		case algebra.Slice:
			p = n.Inner
		case algebra.Reduced:
			p = n.Inner
		case algebra.Distinct:
			p = n.Inner
		case algebra.Project:
			p = n.Inner
		case algebra.OrderBy:
			return n.Conds
		default:
			return nil
		}
	}
}

// orderKeys computes the ORDER BY keys of a result row: a variable key is
// read from the row; any other expression is evaluated by the engine over
// a one-row VALUES table of the row's bindings.
func orderKeys(conds []algebra.OrderCond) func([]string, []term.Term) []term.Term {
	return func(vars []string, row []term.Term) []term.Term {
		keys := make([]term.Term, len(conds))
		for i, c := range conds {
			if v, ok := c.Expr.(algebra.VarExpr); ok {
				if j := slices.Index(vars, v.Name); j >= 0 {
					keys[i] = row[j]
				}
				continue
			}
			keys[i] = evalOnRow(c.Expr, vars, row)
		}
		return keys
	}
}

func evalOnRow(e algebra.Expr, vars []string, row []term.Term) term.Term {
	k := "orderkey"
	for slices.Contains(vars, k) {
		k += "_"
	}
	q := &algebra.Query{
		Form: algebra.Select,
		Vars: []string{k},
		Pattern: algebra.Project{
			Vars: []string{k},
			Inner: algebra.Extend{
				Inner: algebra.Table{Vars: vars, Rows: [][]term.Term{row}},
				Var:   k,
				Expr:  e,
			},
		},
	}
	r, err := eval.Query(context.Background(), eval.NewMemDataset(), q, eval.Options{})
	if err != nil || len(r.Rows) != 1 {
		return term.Term{} // an error orders like an unbound key
	}
	return r.Rows[0][0]
}

func init() { queryEvaluator = kgEvaluator{} }
