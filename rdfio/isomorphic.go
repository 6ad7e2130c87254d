package rdfio

import (
	"hash/fnv"
	"slices"
	"sort"

	"kg/term"
)

// Isomorphic reports whether two sets of quads are the same RDF dataset up
// to a renaming of blank nodes. Duplicate quads are ignored.
//
// Blank nodes are first coloured by iteratively hashing their
// neighbourhoods (colour refinement); where colours alone do not pin down
// a bijection, candidate pairings are tried with backtracking.
func Isomorphic(a, b []term.Quad) bool {
	a, b = dedupe(a), dedupe(b)
	if len(a) != len(b) {
		return false
	}
	ga, gb := &isoGraph{}, &isoGraph{}
	ga.init(a)
	gb.init(b)
	if len(ga.ground) != len(gb.ground) || len(ga.blanks) != len(gb.blanks) || len(ga.quads) != len(gb.quads) {
		return false
	}
	for q := range ga.ground {
		if _, ok := gb.ground[q]; !ok {
			return false
		}
	}
	if len(ga.blanks) == 0 {
		return true
	}
	ca := ga.refine(ga.initialColours())
	cb := gb.refine(gb.initialColours())
	return search(ga, gb, ca, cb)
}

func dedupe(qs []term.Quad) []term.Quad {
	seen := make(map[term.Quad]struct{}, len(qs))
	out := make([]term.Quad, 0, len(qs))
	for _, q := range qs {
		if _, ok := seen[q]; !ok {
			seen[q] = struct{}{}
			out = append(out, q)
		}
	}
	return out
}

type isoGraph struct {
	ground map[term.Quad]struct{}
	quads  []term.Quad        // quads with at least one blank node
	blanks map[string]int     // blank label -> index
	uses   [][]int            // blank index -> indexes into quads
	set    map[term.Quad]bool // quads, for the final check
}

func (g *isoGraph) init(qs []term.Quad) {
	g.ground = make(map[term.Quad]struct{})
	g.blanks = make(map[string]int)
	g.set = make(map[term.Quad]bool)
	for _, q := range qs {
		hasBlank := false
		for _, t := range [4]term.Term{q.S, q.P, q.O, q.G} {
			if t.Kind == term.KindBlank {
				hasBlank = true
				if _, ok := g.blanks[t.Value]; !ok {
					g.blanks[t.Value] = len(g.blanks)
					g.uses = append(g.uses, nil)
				}
			}
		}
		if !hasBlank {
			g.ground[q] = struct{}{}
			continue
		}
		i := len(g.quads)
		g.quads = append(g.quads, q)
		g.set[q] = true
		seen := map[int]bool{}
		for _, t := range [4]term.Term{q.S, q.P, q.O, q.G} {
			if t.Kind == term.KindBlank {
				bi := g.blanks[t.Value]
				if !seen[bi] {
					seen[bi] = true
					g.uses[bi] = append(g.uses[bi], i)
				}
			}
		}
	}
}

func (g *isoGraph) initialColours() []uint64 {
	return make([]uint64, len(g.blanks))
}

// refine iterates colour refinement until the number of colour classes
// stops growing.
func (g *isoGraph) refine(c []uint64) []uint64 {
	classes := countClasses(c)
	for {
		n := make([]uint64, len(c))
		for bi := range c {
			sigs := make([]uint64, 0, len(g.uses[bi]))
			for _, qi := range g.uses[bi] {
				sigs = append(sigs, g.quadSig(g.quads[qi], bi, c))
			}
			slices.Sort(sigs)
			h := fnv.New64a()
			writeU64(h, c[bi])
			for _, s := range sigs {
				writeU64(h, s)
			}
			n[bi] = h.Sum64()
		}
		nc := countClasses(n)
		c = n
		if nc == classes {
			return c
		}
		classes = nc
	}
}

type hash64 interface{ Write([]byte) (int, error) }

func writeU64(h hash64, v uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(v >> (8 * i))
	}
	h.Write(b[:])
}

// quadSig hashes a quad as seen from blank node self: ground terms by
// value, self by a marker, other blank nodes by their colour.
func (g *isoGraph) quadSig(q term.Quad, self int, c []uint64) uint64 {
	h := fnv.New64a()
	for _, t := range [4]term.Term{q.S, q.P, q.O, q.G} {
		switch t.Kind {
		case term.KindBlank:
			bi := g.blanks[t.Value]
			if bi == self {
				h.Write([]byte{'S'})
			} else {
				h.Write([]byte{'B'})
				writeU64(h, c[bi])
			}
		default:
			h.Write([]byte{byte('0' + t.Kind)})
			h.Write([]byte(t.Value))
			h.Write([]byte{0})
			h.Write([]byte(t.Datatype))
			h.Write([]byte{0})
			h.Write([]byte(t.Lang))
			h.Write([]byte{0})
		}
	}
	return h.Sum64()
}

func countClasses(c []uint64) int {
	m := make(map[uint64]struct{}, len(c))
	for _, v := range c {
		m[v] = struct{}{}
	}
	return len(m)
}

// search finds a colour-preserving bijection that maps every quad of a to
// a quad of b, distinguishing one pair of equally coloured nodes at a time.
func search(ga, gb *isoGraph, ca, cb []uint64) bool {
	classA := groupByColour(ca)
	classB := groupByColour(cb)
	if len(classA) != len(classB) {
		return false
	}
	var ambiguous uint64
	best := 0
	for col, members := range classA {
		if len(classB[col]) != len(members) {
			return false
		}
		if len(members) > 1 && (best == 0 || len(members) < best || len(members) == best && col < ambiguous) {
			best, ambiguous = len(members), col
		}
	}
	if best == 0 {
		return ga.mapsOnto(gb, ca, cb)
	}
	a0 := classA[ambiguous][0]
	for _, bCand := range classB[ambiguous] {
		na := slices.Clone(ca)
		nb := slices.Clone(cb)
		// Give the chosen pair a colour no other node has.
		mark := ambiguous*31 + 17
		na[a0], nb[bCand] = mark, mark
		if search(ga, gb, ga.refine(na), gb.refine(nb)) {
			return true
		}
	}
	return false
}

func groupByColour(c []uint64) map[uint64][]int {
	m := make(map[uint64][]int)
	for i, v := range c {
		m[v] = append(m[v], i)
	}
	for _, v := range m {
		sort.Ints(v)
	}
	return m
}

// mapsOnto checks the bijection given by unique colours.
func (g *isoGraph) mapsOnto(o *isoGraph, ca, cb []uint64) bool {
	byColour := make(map[uint64]string, len(cb))
	for label, i := range o.blanks {
		byColour[cb[i]] = label
	}
	m := make(map[string]string, len(ca))
	for label, i := range g.blanks {
		m[label] = byColour[ca[i]]
	}
	mapT := func(t term.Term) term.Term {
		if t.Kind == term.KindBlank {
			return term.Blank(m[t.Value])
		}
		return t
	}
	for _, q := range g.quads {
		if !o.set[term.Quad{S: mapT(q.S), P: mapT(q.P), O: mapT(q.O), G: mapT(q.G)}] {
			return false
		}
	}
	return true
}
