package eval_test

import (
	"fmt"
	"strings"

	"kg/ingest/eval"
	"kg/ontology"
	"kg/term"
)

func Example() {
	gold, err := eval.ReadGold(strings.NewReader(`{
	  "source": "https://example.org/almi",
	  "entities": [
	    {"label": "Region Uppsala", "class": "Actor", "subclass": "Region", "aliases": []},
	    {"label": "Almi Företagspartner Uppsala AB", "class": "Actor", "subclass": "Company", "aliases": ["Almi Uppsala"]}],
	  "relations": [
	    {"s": "Region Uppsala", "p": "owns", "o": "Almi Företagspartner Uppsala AB",
	     "quote": "Region Uppsala äger 49 procent av Almi Uppsala."}],
	  "facts": [
	    {"s": "Region Uppsala", "what": "share", "value": "49 procent",
	     "quote": "Region Uppsala äger 49 procent av Almi Uppsala.", "o": "Almi Företagspartner Uppsala AB"}]}`),
		"almi.gold.json")
	if err != nil {
		fmt.Println(err)
		return
	}

	// The graph built from the text: one entity found, one spurious, the
	// relation missing.
	id := func(s string) term.Term { return term.IRI("https://w3id.org/regionalkg/id/" + s) }
	iri := term.IRI
	passage := iri("https://w3id.org/regionalkg/source/almi/1-1")
	var quads []term.Quad
	add := func(s, p, o term.Term) { quads = append(quads, term.Quad{S: s, P: p, O: o}) }
	add(id("region-uppsala"), iri(term.RDFType), iri(ontology.Region))
	add(id("region-uppsala"), iri(ontology.RDFS+"label"), term.LangString("Region Uppsala", "sv"))
	add(id("region-uppsala"), iri(ontology.PROV+"wasDerivedFrom"), passage)
	add(id("almi"), iri(term.RDFType), iri(ontology.Company))
	add(id("almi"), iri(ontology.RDFS+"label"), term.LangString("Almi", "sv"))
	add(id("almi"), iri(ontology.PROV+"wasDerivedFrom"), passage)

	r := eval.Score(quads, gold)
	p, _ := r.Entities.Precision()
	rec, _ := r.Entities.Recall()
	fmt.Printf("entities: precision %.2f, recall %.2f\n", p, rec)
	fmt.Printf("relations: %d of %d found\n", r.Relations.Found, r.Relations.Gold)
	for _, it := range r.Missed {
		fmt.Printf("missed %s %s: %s\n", it.Kind, it.Class, it.Text)
	}
	for _, it := range r.Spurious {
		fmt.Printf("spurious %s %s: %s\n", it.Kind, it.Class, it.Text)
	}
	// Output:
	// entities: precision 0.50, recall 0.50
	// relations: 0 of 1 found
	// missed entity Actor/Company: Almi Företagspartner Uppsala AB
	// missed relation owns: Region Uppsala -> Almi Företagspartner Uppsala AB
	// missed fact share: Region Uppsala: 49 procent
	// spurious entity Actor/Company: Almi
}
