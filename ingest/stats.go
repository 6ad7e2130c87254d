package ingest

import (
	"strings"

	"kg/ontology"
	"kg/term"
)

// Terms the statistics read.
const (
	rdfType     = ontology.RDF + "type"
	owlSameAs   = ontology.OWL + "sameAs"
	skosBroader = ontology.SKOS + "broader"
	skosExact   = ontology.SKOS + "exactMatch"
	provDerived = ontology.PROV + "wasDerivedFrom"
	foafPage    = ontology.FOAF + "page"
)

// relationProps are the properties counted as relations in Stats.
var relationProps = map[string]bool{
	ontology.Confers: true, ontology.HoldsMandate: true, ontology.Requires: true, ontology.Governs: true,
	ontology.ResponsibleFor: true, ontology.ParticipatesIn: true, ontology.Finances: true, ontology.FundedBy: true,
	ontology.Implements: true, ontology.PartOf: true, ontology.Owns: true, ontology.MemberOf: true,
	ontology.HasTheme: true, ontology.ServesCounty: true, ontology.SupervisedBy: true, ontology.Features: true,
	ontology.InvolvesRegion: true, foafPage: true, owlSameAs: true, skosBroader: true, skosExact: true,
}

// ComputeStats counts entities by class, relations by property and the
// share of both that carry provenance. Entities are subjects typed with an
// ontology class under an "/id/" IRI.
func ComputeStats(quads []term.Quad) Stats {
	st := Stats{Quads: len(quads), EntitiesByClass: map[string]int{}, ByProperty: map[string]int{}}
	isEntity := func(t term.Term) bool { return t.IsIRI() && strings.Contains(t.Value, "/id/") }
	typed := map[term.Term]map[string]bool{}
	prov := map[term.Term]bool{}
	rels := map[term.Triple]bool{}
	for _, q := range quads {
		switch {
		case q.P.Value == rdfType && isEntity(q.S) && strings.HasPrefix(q.O.Value, ontology.NS):
			if typed[q.S] == nil {
				typed[q.S] = map[string]bool{}
			}
			typed[q.S][strings.TrimPrefix(q.O.Value, ontology.NS)] = true
		case q.P.Value == provDerived:
			prov[q.S] = true
		case relationProps[q.P.Value] && q.O.IsIRI() && !strings.Contains(q.S.Value, "/source/"):
			t := q.Triple()
			if _, seen := rels[t]; !seen {
				rels[t] = false
				st.ByProperty[q.P.Value]++
			}
			if !q.G.IsZero() {
				rels[t] = true
			}
		}
	}
	for s, classes := range typed {
		st.Entities++
		for c := range classes {
			st.EntitiesByClass[c]++
		}
		if prov[s] {
			st.EntitiesWithProv++
		}
	}
	st.Relations = len(rels)
	for _, p := range rels {
		if p {
			st.RelationsWithProv++
		}
	}
	return st
}
