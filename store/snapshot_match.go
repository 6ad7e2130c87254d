package store

import (
	"context"

	"kg/store/disk"
	"kg/term"
)

// selection resolves a pattern to term ids and the graphs it reads; ok is
// false when a bound term is not in the store, so nothing matches.
func selection(ix *disk.Index, p Pattern) (ids [3]uint32, graphs []disk.Graph, ok bool) {
	for i, t := range []term.Term{p.S, p.P, p.O} {
		if t.IsZero() {
			continue
		}
		if ids[i], ok = ix.Lookup(t); !ok {
			return ids, nil, false
		}
	}
	switch {
	case p.DefaultGraph:
		if g, ok := ix.Graph(0); ok {
			graphs = []disk.Graph{g}
		}
	case !p.G.IsZero():
		id, ok := ix.Lookup(p.G)
		if !ok {
			return ids, nil, false
		}
		if g, ok := ix.Graph(id); ok {
			graphs = []disk.Graph{g}
		}
	default:
		graphs = ix.Graphs()
	}
	return ids, graphs, true
}

func (s *snapshot) Match(ctx context.Context, p Pattern, fn func(term.Quad) bool) error {
	ix := s.Index()
	if ix == nil {
		return nil
	}
	ids, graphs, ok := selection(ix, p)
	if !ok {
		return nil
	}
	for _, g := range graphs {
		name := ix.Term(g.ID())
		rng, perm := g.Scan(ids[0], ids[1], ids[2])
		for i, t := range rng {
			if i&0xFFFF == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			var spo [3]uint32
			spo[perm[0]], spo[perm[1]], spo[perm[2]] = t[0], t[1], t[2]
			if !fn(term.Quad{S: ix.Term(spo[0]), P: ix.Term(spo[1]), O: ix.Term(spo[2]), G: name}) {
				return nil
			}
		}
	}
	return ctx.Err()
}

// Estimate is exact: the lengths of the matching ranges.
func (s *snapshot) Estimate(ctx context.Context, p Pattern) (int64, error) {
	ix := s.Index()
	if ix == nil {
		return 0, nil
	}
	ids, graphs, ok := selection(ix, p)
	if !ok {
		return 0, nil
	}
	var n int64
	for _, g := range graphs {
		rng, _ := g.Scan(ids[0], ids[1], ids[2])
		n += int64(len(rng))
	}
	return n, nil
}
