package emit_test

import (
	"fmt"

	"kg/ingest/doc"
	"kg/ingest/emit"
)

// A passage naming a project no register holds: what the text says of the
// project is in the passage's graph, its provenance in the default graph.
func ExampleEmit() {
	d := &doc.Doc{
		Meta:      doc.Meta{Slug: "r", Title: "Rapport"},
		Passages:  []doc.Passage{{ID: "1-1", Page: 1, N: 1, Chapter: -1, Text: "Projektet Kulturkraft."}},
		Sentences: []doc.Sentence{{Passage: 0, End: 22}},
		Mentions:  []doc.Mention{{Sentence: 0, Start: 10, End: 21, Text: "Kulturkraft", Name: "Kulturkraft", Class: "Project", Entity: 0}},
		Entities:  []doc.Entity{{ID: "kulturkraft", Class: "Project", Label: "Kulturkraft", Mentions: []int{0}}},
	}
	for _, q := range emit.Emit("http://ex.org/", []*doc.Doc{d}, nil) {
		if q.S.Value == emit.EntityIRI("http://ex.org/", "kulturkraft") {
			fmt.Println(q)
		}
	}
	// Output:
	// <http://ex.org/id/kulturkraft> <http://www.w3.org/ns/prov#wasDerivedFrom> <http://ex.org/report/r/passage/1-1> .
	// <http://ex.org/id/kulturkraft> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/regionalkg/ontology#Project> <http://ex.org/report/r/passage/1-1> .
	// <http://ex.org/id/kulturkraft> <http://www.w3.org/2000/01/rdf-schema#label> "Kulturkraft"@sv <http://ex.org/report/r/passage/1-1> .
	// <http://ex.org/id/kulturkraft> <http://www.w3.org/2004/02/skos/core#prefLabel> "Kulturkraft"@sv <http://ex.org/report/r/passage/1-1> .
}

func ExamplePassageIRI() {
	d := &doc.Doc{Meta: doc.Meta{Slug: "rapport"}, Passages: []doc.Passage{{ID: "12-3"}}}
	fmt.Println(emit.PassageIRI("https://w3id.org/regionalkg/", d, 0))
	// Output: https://w3id.org/regionalkg/report/rapport/passage/12-3
}
