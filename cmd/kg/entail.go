package main

import (
	"context"
	"maps"
	"slices"
	"sort"

	"kg/ontology"
	"kg/store/disk"
	"kg/term"
)

// entailer is what entailedByAdding computes, as a derivation over the
// term ids of the generation kg load writes: the rules of
// ontology.Entail over everything the store will hold, read from the
// sorted union instead of from quads in memory.
//
// ontology.Entail leaves out what a graph other than the entailed one
// states; here every triple already stored anywhere is left out. The
// store ends the same: a triple left out here that Entail keeps is one
// the entailed graph already holds.
func entailer(base string) *disk.Derivation {
	g := term.IRI(ontology.EntailedGraph(base))
	return &disk.Derivation{
		// Without a hierarchy nothing is entailed.
		Needs: []term.Term{term.IRI(ontology.RDFS + "subClassOf"), term.IRI(ontology.RDFS + "subPropertyOf")},
		Derive: func(ctx context.Context, v *disk.View, add func(g, s, p, o uint32) error) error {
			e := &idEntailment{v: v, u: v.Union(), graph: g, add: add}
			return e.run()
		},
	}
}

type idEntailment struct {
	v     *disk.View
	u     disk.Graph // the union, in POS order only
	graph term.Term
	gid   uint32 // the id of graph, once something is entailed
	add   func(g, s, p, o uint32) error
}

func (e *idEntailment) run() error {
	sc, okC := e.v.Lookup(term.IRI(ontology.RDFS + "subClassOf"))
	sp, okP := e.v.Lookup(term.IRI(ontology.RDFS + "subPropertyOf"))
	if !okC && !okP {
		return nil
	}
	supC, supP := ontology.Ancestors(e.hierarchy(sc)), ontology.Ancestors(e.hierarchy(sp))
	// The closure of both hierarchies.
	for _, h := range []struct {
		rel uint32
		sup map[uint32][]uint32
	}{{sc, supC}, {sp, supP}} {
		for _, c := range slices.Sorted(maps.Keys(h.sup)) {
			for _, d := range h.sup[c] {
				if e.has(c, h.rel, d) {
					continue
				}
				if err := e.emit(c, h.rel, d); err != nil {
					return err
				}
			}
		}
	}
	// Every superclass of a stated type: (s a c) entails (s a d).
	if typ, ok := e.v.Lookup(term.IRI(term.RDFType)); ok {
		for _, c := range slices.Sorted(maps.Keys(supC)) {
			from, _ := e.u.Scan(0, typ, c)
			for _, d := range supC[c] {
				to, _ := e.u.Scan(0, typ, d)
				err := missing(from, to, subjectKey, func(t disk.Triple) error { return e.emit(t[2], typ, d) })
				if err != nil {
					return err
				}
			}
		}
	}
	// Every superproperty of a stated property: (s p o) entails (s q o).
	for _, p := range slices.Sorted(maps.Keys(supP)) {
		from, _ := e.u.Scan(0, p, 0)
		for _, q := range supP[p] {
			to, _ := e.u.Scan(0, q, 0)
			err := missing(from, to, objectSubjectKey, func(t disk.Triple) error { return e.emit(t[2], q, t[1]) })
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// hierarchy collects the direct edges of rel between distinct IRIs.
func (e *idEntailment) hierarchy(rel uint32) map[uint32][]uint32 {
	m := map[uint32][]uint32{}
	if rel == 0 {
		return m
	}
	edges, _ := e.u.Scan(0, rel, 0)
	for _, t := range edges { // (rel, o, s)
		s, o := t[2], t[1]
		if s != o && e.v.Kind(s) == term.KindIRI && e.v.Kind(o) == term.KindIRI && !slices.Contains(m[s], o) {
			m[s] = append(m[s], o)
		}
	}
	return m
}

// has reports whether the union holds (s p o).
func (e *idEntailment) has(s, p, o uint32) bool {
	rng, _ := e.u.Scan(0, p, o)
	i := sort.Search(len(rng), func(i int) bool { return rng[i][2] >= s })
	return i < len(rng) && rng[i][2] == s
}

// emit adds (s p o) to the entailed graph, which it names in the
// dictionary first when it is new.
func (e *idEntailment) emit(s, p, o uint32) error {
	if e.gid == 0 {
		e.gid = e.v.Intern(e.graph)
	}
	return e.add(e.gid, s, p, o)
}

// subjectKey and objectSubjectKey are the sort keys of POS triples with
// one predicate and one object, and with one predicate.
func subjectKey(t disk.Triple) uint64       { return uint64(t[2]) }
func objectSubjectKey(t disk.Triple) uint64 { return uint64(t[1])<<32 | uint64(t[2]) }

// missing calls fn for each triple of from whose key no triple of to has;
// both are sorted by key. It steps through to by galloping, so that a
// short from costs little against a long to.
func missing(from, to []disk.Triple, key func(disk.Triple) uint64, fn func(disk.Triple) error) error {
	j := 0
	for _, t := range from {
		k := key(t)
		// Find the first j with key(to[j]) >= k: double the step, then
		// search the last step.
		step := 1
		for j+step < len(to) && key(to[j+step-1]) < k {
			step *= 2
		}
		hi := min(j+step, len(to))
		j += sort.Search(hi-j, func(i int) bool { return key(to[j+i]) >= k })
		if j < len(to) && key(to[j]) == k {
			continue
		}
		if err := fn(t); err != nil {
			return err
		}
	}
	return nil
}
