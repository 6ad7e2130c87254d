package eval

import (
	"context"

	"kg/term"
)

// Dataset is what the evaluator needs from a store.
//
// In Match, Estimate and the graph argument g, the zero term.Term means the
// default graph; any other term names a named graph. In the pattern
// positions s, p, o the zero term.Term is a wildcard.
type Dataset interface {
	// Match calls yield for every quad of graph g matching s, p, o and
	// stops early when yield returns false. The quad's G is g.
	Match(ctx context.Context, s, p, o, g term.Term, yield func(term.Quad) bool) error
	// Estimate returns an estimate of the number of quads Match would
	// yield, used to order joins. It need not be exact.
	Estimate(s, p, o, g term.Term) int
	// NamedGraphs lists the names of the named graphs.
	NamedGraphs(ctx context.Context) ([]term.Term, error)
}

// Restrict returns the view of ds that a query's FROM and FROM NAMED
// clauses describe: the default graph is the merge of the graphs named by
// from (the store's default graph when from is empty and named is nil), the
// named graphs are those listed in named. Graphs the store does not have
// are empty.
func Restrict(ds Dataset, from, named []term.Term) Dataset {
	return &restricted{ds: ds, from: from, named: named}
}

type restricted struct {
	ds    Dataset
	from  []term.Term
	named []term.Term
}

func (r *restricted) isNamed(g term.Term) bool {
	for _, n := range r.named {
		if n == g {
			return true
		}
	}
	return false
}

func (r *restricted) Match(ctx context.Context, s, p, o, g term.Term, yield func(term.Quad) bool) error {
	if !g.IsZero() {
		if !r.isNamed(g) {
			return nil
		}
		return r.ds.Match(ctx, s, p, o, g, yield)
	}
	if len(r.from) == 0 {
		if r.named != nil {
			return nil
		}
		return r.ds.Match(ctx, s, p, o, g, yield)
	}
	if len(r.from) == 1 {
		return r.ds.Match(ctx, s, p, o, r.from[0], func(q term.Quad) bool {
			q.G = term.Term{}
			return yield(q)
		})
	}
	// The default graph is an RDF merge: a triple in several FROM graphs
	// appears once.
	seen := map[term.Triple]bool{}
	stopped := false
	for _, f := range r.from {
		err := r.ds.Match(ctx, s, p, o, f, func(q term.Quad) bool {
			t := q.Triple()
			if seen[t] {
				return true
			}
			seen[t] = true
			q.G = term.Term{}
			if !yield(q) {
				stopped = true
				return false
			}
			return true
		})
		if err != nil || stopped {
			return err
		}
	}
	return nil
}

func (r *restricted) Estimate(s, p, o, g term.Term) int {
	if !g.IsZero() {
		if !r.isNamed(g) {
			return 0
		}
		return r.ds.Estimate(s, p, o, g)
	}
	if len(r.from) == 0 {
		if r.named != nil {
			return 0
		}
		return r.ds.Estimate(s, p, o, g)
	}
	n := 0
	for _, f := range r.from {
		n += r.ds.Estimate(s, p, o, f)
	}
	return n
}

func (r *restricted) NamedGraphs(ctx context.Context) ([]term.Term, error) {
	return append([]term.Term(nil), r.named...), nil
}
