package jsonld_test

import (
	"fmt"
	"strings"

	"kg/jsonld"
	"kg/term"
)

func ExampleToRDF() {
	doc, err := jsonld.Decode(strings.NewReader(`{
	  "@context": {"@vocab": "http://schema.org/", "@language": "sv"},
	  "@id": "http://example.org/region/1",
	  "@type": "Place",
	  "name": "Norrbotten",
	  "population": 250000
	}`), "region.jsonld")
	if err != nil {
		fmt.Println(err)
		return
	}
	err = jsonld.ToRDF(doc, jsonld.Options{}, func(q term.Quad) error {
		fmt.Println(q)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// <http://example.org/region/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Place> .
	// <http://example.org/region/1> <http://schema.org/name> "Norrbotten"@sv .
	// <http://example.org/region/1> <http://schema.org/population> "250000"^^<http://www.w3.org/2001/XMLSchema#integer> .
}
