package summary

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"kg/catalog"
	"kg/ontology"
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
	s.Classes = counts(st.Classes)
	s.Properties = counts(st.Properties)
	s.Links = counts(links)
	s.Pages = counts(pages)
	slices.SortFunc(s.Pages, func(a, b Count) int {
		ai, _ := strconv.Atoi(a.Key)
		bi, _ := strconv.Atoi(b.Key)
		return cmp.Or(cmp.Compare(ai, bi), strings.Compare(a.Key, b.Key))
	})
	return s
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
