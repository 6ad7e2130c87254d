package eval

import (
	"context"
	"slices"
	"testing"

	"kg/term"
)

func TestMemDatasetMatch(t *testing.T) {
	m := NewMemDataset()
	ex := func(s string) term.Term { return term.IRI("http://ex/" + s) }
	g := ex("g")
	quads := []term.Quad{
		{S: ex("a"), P: ex("p"), O: ex("b")},
		{S: ex("a"), P: ex("p"), O: ex("c")},
		{S: ex("a"), P: ex("q"), O: ex("b")},
		{S: ex("b"), P: ex("p"), O: ex("c")},
		{S: ex("c"), P: ex("q"), O: term.Literal("01", term.XSDInteger)},
		{S: ex("a"), P: ex("p"), O: ex("b"), G: g},
	}
	for _, q := range quads {
		m.Add(q)
		m.Add(q) // duplicates are ignored
	}
	var z term.Term
	cases := []struct {
		s, p, o, g term.Term
		want       int
	}{
		{z, z, z, z, 5},
		{ex("a"), z, z, z, 3},
		{z, ex("p"), z, z, 3},
		{z, z, ex("c"), z, 2},
		{ex("a"), ex("p"), z, z, 2},
		{ex("a"), z, ex("b"), z, 2},
		{z, ex("p"), ex("c"), z, 2},
		{ex("a"), ex("p"), ex("b"), z, 1},
		{z, z, term.Literal("01", term.XSDInteger), z, 1},
		{z, z, term.Literal("1", term.XSDInteger), z, 0},
		{ex("zzz"), z, z, z, 0},
		{z, z, z, g, 1},
		{ex("b"), z, z, g, 0},
		{z, z, z, ex("nograph"), 0},
	}
	for _, c := range cases {
		var got []term.Quad
		err := m.Match(context.Background(), c.s, c.p, c.o, c.g, func(q term.Quad) bool {
			got = append(got, q)
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != c.want {
			t.Errorf("Match(%v %v %v %v): %d quads, want %d: %v", c.s, c.p, c.o, c.g, len(got), c.want, got)
		}
		for _, q := range got {
			if (!c.s.IsZero() && q.S != c.s) || (!c.p.IsZero() && q.P != c.p) || (!c.o.IsZero() && q.O != c.o) || q.G != c.g {
				t.Errorf("Match(%v %v %v %v) gave %v", c.s, c.p, c.o, c.g, q)
			}
		}
		if e := m.Estimate(c.s, c.p, c.o, c.g); e != c.want {
			t.Errorf("Estimate(%v %v %v %v) = %d, want %d", c.s, c.p, c.o, c.g, e, c.want)
		}
	}
	if m.Len() != 6 {
		t.Errorf("Len = %d, want 6", m.Len())
	}
	gs, _ := m.NamedGraphs(context.Background())
	if !slices.Equal(gs, []term.Term{g}) {
		t.Errorf("NamedGraphs = %v", gs)
	}
	// Adding after a query rebuilds the indexes.
	m.Add(term.Quad{S: ex("d"), P: ex("p"), O: ex("e")})
	if n := m.Estimate(z, ex("p"), z, z); n != 4 {
		t.Errorf("after Add: %d p-triples, want 4", n)
	}
}

func TestSortTriples(t *testing.T) {
	for _, maxID := range []uint32{1000, 1 << 20} {
		ts := make([]idTriple, 10000)
		x := uint32(12345)
		next := func() uint32 { x = x*1664525 + 1013904223; return x % maxID }
		for i := range ts {
			ts[i] = idTriple{next(), next() % 7, next()}
		}
		want := slices.Clone(ts)
		slices.SortFunc(want, compareTriples)
		sortTriples(ts, maxID)
		if !slices.Equal(ts, want) {
			t.Errorf("maxID %d: radix sort differs from comparison sort", maxID)
		}
	}
}
