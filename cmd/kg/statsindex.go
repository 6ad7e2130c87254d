package main

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"kg/ontology"
	"kg/store/disk"
	"kg/summary"
	"kg/term"
)

// indexSummary computes what summary.Of computes from every quad, from
// the sorted orders of an embedded store's index instead: the union's
// triples are distinct and grouped by subject (SPO), by predicate and
// object (POS) and by object (OSP), so the counts are lengths of runs,
// and only the terms that name a count are decoded.
func indexSummary(ix *disk.Index, base string) *summary.Summary {
	u := ix.Union()
	s := &summary.Summary{Quads: int(ix.Quads()), Triples: len(u.SPO)}
	for _, g := range ix.Graphs() {
		if g.ID() != 0 {
			s.Graphs++
		}
	}
	prefix := base + "id/"
	isEntity := func(id uint32) bool { return ix.HasIRIPrefix(id, prefix) }
	entity := false
	for i, t := range u.SPO {
		if i == 0 || t[0] != u.SPO[i-1][0] {
			s.Subjects++
			if entity = isEntity(t[0]); entity {
				s.Entities++
			}
		}
		if entity && isEntity(t[2]) {
			s.Relations++
		}
	}
	for i, t := range u.OSP {
		if i == 0 || t[0] != u.OSP[i-1][0] {
			s.Objects++
		}
	}
	s.RelationsWithSource = relationsInNamedGraphs(ix, isEntity)
	s.Classes, s.Properties = classesAndProperties(ix)
	links := map[string]int{}
	for _, p := range []string{ontology.OWL + "sameAs", ontology.SKOS + "exactMatch", ontology.FOAF + "page", ontology.RDFS + "seeAlso"} {
		for _, t := range withPredicate(ix, p) {
			if isEntity(t[2]) {
				links[p]++
			}
		}
	}
	s.Links = countRows(links)
	withProv := map[uint32]bool{}
	for _, t := range withPredicate(ix, ontology.PROV+"wasDerivedFrom") {
		if isEntity(t[2]) {
			withProv[t[2]] = true
		}
	}
	s.EntitiesWithProvenance = len(withProv)
	pages := map[string]int{}
	forEachRun(withPredicate(ix, ontology.Page), 1, func(o uint32, n int) { pages[ix.Term(o).Value] += n })
	s.Pages = countRows(pages)
	slices.SortFunc(s.Pages, func(a, b summary.Count) int {
		ai, _ := strconv.Atoi(a.Key)
		bi, _ := strconv.Atoi(b.Key)
		return cmp.Or(cmp.Compare(ai, bi), strings.Compare(a.Key, b.Key))
	})
	return s
}

// withPredicate returns the union's triples with predicate iri, in POS
// order.
func withPredicate(ix *disk.Index, iri string) []disk.Triple {
	p, ok := ix.Lookup(term.IRI(iri))
	if !ok {
		return nil
	}
	rng, _ := ix.Union().Scan(0, p, 0)
	return rng
}

// forEachRun calls fn for each run of triples that share the id at
// position col, with its length; the triples are sorted by it.
func forEachRun(ts []disk.Triple, col int, fn func(id uint32, n int)) {
	for i := 0; i < len(ts); {
		j := i + 1
		for j < len(ts) && ts[j][col] == ts[i][col] {
			j++
		}
		fn(ts[i][col], j-i)
		i = j
	}
}

// classesAndProperties counts the distinct subjects of each class (an
// IRI object of rdf:type) and the triples of each predicate.
func classesAndProperties(ix *disk.Index) (classes, props []summary.Count) {
	typ, _ := ix.Lookup(term.IRI(term.RDFType))
	byClass, byProp := map[string]int{}, map[string]int{}
	forEachRun(ix.Union().POS, 0, func(p uint32, n int) { byProp[ix.Term(p).Value] += n })
	if typ != 0 {
		rng, _ := ix.Union().Scan(0, typ, 0)
		forEachRun(rng, 1, func(o uint32, n int) {
			if c := ix.Term(o); c.IsIRI() {
				byClass[c.Value] += n
			}
		})
	}
	return countRows(byClass), countRows(byProp)
}

// relationsInNamedGraphs counts the distinct triples between two
// entities that a named graph states.
func relationsInNamedGraphs(ix *disk.Index, isEntity func(uint32) bool) int {
	seen := map[disk.Triple]bool{}
	for _, g := range ix.Graphs() {
		if g.ID() == 0 {
			continue
		}
		for _, t := range g.SPO {
			if isEntity(t[0]) && isEntity(t[2]) {
				seen[t] = true
			}
		}
	}
	return len(seen)
}

// countRows turns counts into rows, most first, as summary.Of orders
// them.
func countRows(m map[string]int) []summary.Count {
	cs := make([]summary.Count, 0, len(m))
	for k, n := range m {
		cs = append(cs, summary.Count{Key: k, N: n})
	}
	slices.SortFunc(cs, func(a, b summary.Count) int {
		return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Key, b.Key))
	})
	return cs
}
