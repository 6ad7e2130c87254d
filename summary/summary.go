package summary

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"kg/catalog"
	"kg/ontology"
	"kg/store/disk"
	"kg/term"
)

// Count is one row of a count table.
type Count struct {
	Key string
	N   int
}

// Summary describes a graph.
type Summary struct {
	Quads    int // quads as stored (a triple in several graphs counts each time)
	Triples  int // distinct triples of the union graph
	Graphs   int // named graphs
	Subjects int
	Objects  int
	Entities int // subjects in the {base}id/ space: real-world things

	Classes    []Count // entities per rdf:type, most first
	Properties []Count // distinct triples per predicate, most first
	Pages      []Count // passages per printed page (kgo:page), in page order

	Links []Count // outgoing links per linking property (owl:sameAs, skos:exactMatch, foaf:page, rdfs:seeAlso)

	// Provenance coverage.
	EntitiesWithProvenance int // entities with prov:wasDerivedFrom
	Relations              int // distinct triples between two entities
	RelationsWithSource    int // of those, triples stated in at least one named graph
}

// EntityShare and RelationShare are the shares with provenance, 0 to 1.
func (s *Summary) EntityShare() float64   { return share(s.EntitiesWithProvenance, s.Entities) }
func (s *Summary) RelationShare() float64 { return share(s.RelationsWithSource, s.Relations) }

func share(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

var linkProps = map[string]bool{
	ontology.OWL + "sameAs":      true,
	ontology.SKOS + "exactMatch": true,
	ontology.FOAF + "page":       true,
	ontology.RDFS + "seeAlso":    true,
}

// Of summarises quads; base is the IRI base of the graph's minted IRIs.
// The numbers VoID also reports come from catalog.Counter, so that kg
// stats and the published descriptions agree.
func Of(quads []term.Quad, base string) *Summary {
	entityPrefix := base + "id/"
	isEntity := func(t term.Term) bool { return t.IsIRI() && strings.HasPrefix(t.Value, entityPrefix) }
	c := catalog.NewCounter(entityPrefix)
	inNamed := make(map[term.Triple]bool)
	for _, q := range quads {
		c.Add(q)
		if !q.G.IsZero() {
			inNamed[q.Triple()] = true
		}
	}
	st := c.Stats()
	s := &Summary{
		Quads: st.Quads, Triples: st.Triples, Graphs: st.Graphs,
		Subjects: st.Subjects, Objects: st.Objects, Entities: st.Entities,
	}
	links := map[string]int{}
	pages := map[string]int{}
	withProv := map[term.Term]bool{}
	for t := range c.Triples() {
		switch t.P.Value {
		case ontology.PROV + "wasDerivedFrom":
			if isEntity(t.S) {
				withProv[t.S] = true
			}
		case ontology.Page:
			pages[t.O.Value]++
		}
		if linkProps[t.P.Value] && isEntity(t.S) {
			links[t.P.Value]++
		}
		if isEntity(t.S) && isEntity(t.O) {
			s.Relations++
			if inNamed[t] {
				s.RelationsWithSource++
			}
		}
	}
	s.EntitiesWithProvenance = len(withProv)
	s.tables(st, links, pages)
	return s
}

// tables sets the count tables: classes and properties from st, links
// per linking property and passages per page.
func (s *Summary) tables(st catalog.Stats, links, pages map[string]int) {
	s.Classes = counts(st.Classes)
	s.Properties = counts(st.Properties)
	s.Links = counts(links)
	s.Pages = counts(pages)
	slices.SortFunc(s.Pages, func(a, b Count) int {
		ai, _ := strconv.Atoi(a.Key)
		bi, _ := strconv.Atoi(b.Key)
		return cmp.Or(cmp.Compare(ai, bi), strings.Compare(a.Key, b.Key))
	})
}

// OfIndex is Of of every quad of the graph in ix, read from the index's
// sorted orders instead of the quads (see catalog.CountIndex).
func OfIndex(ix *disk.Index, base string) *Summary {
	entityPrefix := base + "id/"
	st := catalog.CountIndex(ix, entityPrefix)
	s := &Summary{
		Quads: st.Quads, Triples: st.Triples, Graphs: st.Graphs,
		Subjects: st.Subjects, Objects: st.Objects, Entities: st.Entities,
	}
	entity := catalog.NewSubjects(ix, entityPrefix)
	u := ix.Union()
	// byPredicate returns the union's triples of a predicate in POS
	// order: predicate, object, subject.
	byPredicate := func(iri string) []disk.Triple {
		if id, ok := ix.Lookup(term.IRI(iri)); ok {
			rng, _ := u.Scan(0, id, 0)
			return rng
		}
		return nil
	}
	withProv := map[uint32]bool{}
	for _, t := range byPredicate(ontology.PROV + "wasDerivedFrom") {
		if entity.Entity(t[2]) {
			withProv[t[2]] = true
		}
	}
	s.EntitiesWithProvenance = len(withProv)
	pages := map[string]int{}
	for _, t := range byPredicate(ontology.Page) {
		pages[ix.Term(t[1]).Value]++
	}
	links := map[string]int{}
	for p := range linkProps {
		for _, t := range byPredicate(p) {
			if entity.Entity(t[2]) {
				links[p]++
			}
		}
	}
	s.relations(ix, entity)
	s.tables(st, links, pages)
	return s
}

// relations counts the union's triples between two entities and those of
// them that a named graph states.
func (s *Summary) relations(ix *disk.Index, entity *catalog.Subjects) {
	u := ix.Union()
	for _, t := range u.SPO {
		if entity.Entity(t[0]) && entity.Entity(t[2]) {
			s.Relations++
		}
	}
	sourced := make([]bool, len(u.SPO)) // by position in u.SPO
	for _, g := range ix.Graphs() {
		if g.ID() == 0 {
			continue
		}
		for _, t := range g.SPO {
			if !entity.Entity(t[0]) || !entity.Entity(t[2]) {
				continue
			}
			if i, ok := slices.BinarySearchFunc(u.SPO, t, compareTriples); ok && !sourced[i] {
				sourced[i] = true
				s.RelationsWithSource++
			}
		}
	}
}

func compareTriples(a, b disk.Triple) int {
	return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]), cmp.Compare(a[2], b[2]))
}

// counts turns a map into rows, most first.
func counts(m map[string]int) []Count {
	cs := make([]Count, 0, len(m))
	for k, n := range m {
		cs = append(cs, Count{k, n})
	}
	slices.SortFunc(cs, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Key, b.Key))
	})
	return cs
}
