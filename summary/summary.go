package summary

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

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
func Of(quads []term.Quad, base string) *Summary {
	s := &Summary{Quads: len(quads)}
	entityPrefix := base + "id/"
	isEntity := func(t term.Term) bool { return t.IsIRI() && strings.HasPrefix(t.Value, entityPrefix) }

	triples := make(map[term.Triple]bool, len(quads))
	inNamed := make(map[term.Triple]bool)
	graphs := map[term.Term]bool{}
	subjects := map[term.Term]bool{}
	objects := map[term.Term]bool{}
	for _, q := range quads {
		t := q.Triple()
		triples[t] = true
		if !q.G.IsZero() {
			graphs[q.G] = true
			inNamed[t] = true
		}
	}
	classes := map[string]map[term.Term]bool{}
	props := map[string]int{}
	links := map[string]int{}
	pages := map[string]int{}
	entities := map[term.Term]bool{}
	withProv := map[term.Term]bool{}
	for t := range triples {
		subjects[t.S] = true
		objects[t.O] = true
		props[t.P.Value]++
		if isEntity(t.S) {
			entities[t.S] = true
		}
		switch {
		case t.P.Value == term.RDFType && t.O.IsIRI():
			if classes[t.O.Value] == nil {
				classes[t.O.Value] = map[term.Term]bool{}
			}
			classes[t.O.Value][t.S] = true
		case t.P.Value == ontology.PROV+"wasDerivedFrom":
			withProv[t.S] = true
		case t.P.Value == ontology.Page:
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
	s.Triples = len(triples)
	s.Graphs = len(graphs)
	s.Subjects = len(subjects)
	s.Objects = len(objects)
	s.Entities = len(entities)
	for e := range entities {
		if withProv[e] {
			s.EntitiesWithProvenance++
		}
	}
	for c, m := range classes {
		s.Classes = append(s.Classes, Count{c, len(m)})
	}
	for p, n := range props {
		s.Properties = append(s.Properties, Count{p, n})
	}
	for p, n := range links {
		s.Links = append(s.Links, Count{p, n})
	}
	for p, n := range pages {
		s.Pages = append(s.Pages, Count{p, n})
	}
	byCount(s.Classes)
	byCount(s.Properties)
	byCount(s.Links)
	slices.SortFunc(s.Pages, func(a, b Count) int {
		ai, _ := strconv.Atoi(a.Key)
		bi, _ := strconv.Atoi(b.Key)
		return cmp.Or(cmp.Compare(ai, bi), strings.Compare(a.Key, b.Key))
	})
	return s
}

func byCount(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Key, b.Key))
	})
}
