package store

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"

	"kg/store/cayleydisk"
	"kg/term"
)

// toValue converts a term to Cayley's value type as every Cayley backend
// of kg stores it (cayleydisk.Value): typed literals stay
// quad.TypedString so their lexical form is never reinterpreted.
func toValue(t term.Term) quad.Value { return cayleydisk.Value(t) }

// fromValue converts back (cayleydisk.Term); nil is the zero term, and a
// value with no RDF form means the store holds what kg never wrote.
func fromValue(v quad.Value) (term.Term, error) {
	if v == nil {
		return term.Term{}, nil
	}
	if t, ok := cayleydisk.Term(v); ok {
		return t, nil
	}
	return term.Term{}, fmt.Errorf("%w: unexpected value %T in store", ErrCorrupt, v)
}

func toQuad(q term.Quad) quad.Quad {
	return quad.Quad{Subject: toValue(q.S), Predicate: toValue(q.P), Object: toValue(q.O), Label: toValue(q.G)}
}

func fromQuad(q quad.Quad) (term.Quad, error) {
	var out term.Quad
	var err error
	if out.S, err = fromValue(q.Subject); err != nil {
		return out, err
	}
	if out.P, err = fromValue(q.Predicate); err != nil {
		return out, err
	}
	if out.O, err = fromValue(q.Object); err != nil {
		return out, err
	}
	out.G, err = fromValue(q.Label)
	return out, err
}

// cayleyGraph implements the reading half of Store over any Cayley quad
// store.
type cayleyGraph struct {
	qs graph.QuadStore
	// allMu serialises the creation of iterators over all quads: Cayley's
	// memory store marks its quad list as being read there, a write that
	// concurrent readers would race on.
	allMu sync.Mutex
}

// allIterator returns an iterator over every quad.
func (c *cayleyGraph) allIterator() iterator.Shape {
	c.allMu.Lock()
	defer c.allMu.Unlock()
	return c.qs.QuadsAllIterator()
}

func (c *cayleyGraph) Match(ctx context.Context, p Pattern, fn func(term.Quad) bool) error {
	it, err := c.bestIterator(ctx, p)
	if err != nil {
		return err
	}
	if it == nil {
		return nil
	}
	sc := it.Iterate()
	defer sc.Close()
	for sc.Next(ctx) {
		cq, err := c.qs.Quad(sc.Result())
		if err != nil {
			return err
		}
		q, err := fromQuad(cq)
		if err != nil {
			return err
		}
		if !p.Matches(q) {
			continue
		}
		if !fn(q) {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// bestIterator picks the index of the bound position with the fewest quads;
// nil means a bound term is not in the store at all.
func (c *cayleyGraph) bestIterator(ctx context.Context, p Pattern) (iterator.Shape, error) {
	type cand struct {
		dir quad.Direction
		t   term.Term
	}
	var cands []cand
	for _, x := range []cand{{quad.Subject, p.S}, {quad.Object, p.O}, {quad.Predicate, p.P}, {quad.Label, p.G}} {
		if !x.t.IsZero() && !(x.dir == quad.Label && p.DefaultGraph) {
			cands = append(cands, x)
		}
	}
	if len(cands) == 0 {
		return c.allIterator(), nil
	}
	var best iterator.Shape
	bestSize := int64(-1)
	for _, x := range cands {
		ref, err := c.qs.ValueOf(toValue(x.t))
		if err != nil {
			return nil, err
		}
		if ref == nil {
			return nil, nil
		}
		size, err := c.qs.QuadIteratorSize(ctx, x.dir, ref)
		if err != nil {
			return nil, err
		}
		if bestSize < 0 || size.Value < bestSize {
			bestSize = size.Value
			best = c.qs.QuadIterator(x.dir, ref)
		}
	}
	return best, nil
}

func (c *cayleyGraph) Estimate(ctx context.Context, p Pattern) (int64, error) {
	var best int64 = -1
	for _, x := range []struct {
		dir quad.Direction
		t   term.Term
	}{{quad.Subject, p.S}, {quad.Predicate, p.P}, {quad.Object, p.O}, {quad.Label, p.G}} {
		if x.t.IsZero() || (x.dir == quad.Label && p.DefaultGraph) {
			continue
		}
		ref, err := c.qs.ValueOf(toValue(x.t))
		if err != nil {
			return 0, err
		}
		if ref == nil {
			return 0, nil
		}
		size, err := c.qs.QuadIteratorSize(ctx, x.dir, ref)
		if err != nil {
			return 0, err
		}
		if best < 0 || size.Value < best {
			best = size.Value
		}
	}
	if best < 0 {
		st, err := c.qs.Stats(ctx, false)
		if err != nil {
			return 0, err
		}
		best = st.Quads.Value
	}
	return best, nil
}

func (c *cayleyGraph) Stats(ctx context.Context) (Stats, error) {
	st, err := c.qs.Stats(ctx, true)
	if err != nil {
		return Stats{}, err
	}
	return Stats{Quads: st.Quads.Value, Nodes: st.Nodes.Value}, nil
}

func (c *cayleyGraph) Empty(ctx context.Context) (bool, error) {
	sc := c.allIterator().Iterate()
	defer sc.Close()
	return !sc.Next(ctx), sc.Err()
}

// write adds quads through the store's batch writer.
func write(ctx context.Context, qs graph.QuadStore, quads []term.Quad) error {
	w, err := qs.NewQuadWriter()
	if err != nil {
		return err
	}
	const batch = 10000
	buf := make([]quad.Quad, 0, batch)
	for i, q := range quads {
		buf = append(buf, toQuad(q))
		if len(buf) == batch || i == len(quads)-1 {
			if err := ctx.Err(); err != nil {
				w.Close()
				return err
			}
			if _, err := w.WriteQuads(buf); err != nil {
				w.Close()
				return err
			}
			buf = buf[:0]
		}
	}
	return w.Close()
}

// deltas turns quads into Cayley deltas for one transaction.
func deltas(quads []term.Quad, action graph.Procedure) []graph.Delta {
	out := make([]graph.Delta, len(quads))
	for i, q := range quads {
		out[i] = graph.Delta{Quad: toQuad(q), Action: action}
	}
	return out
}

func sortQuads(qs []term.Quad, cmp func(a, b term.Quad) int) {
	slices.SortFunc(qs, cmp)
}
