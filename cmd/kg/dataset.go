package main

import (
	"github.com/urfave/cli/v2"

	"kg/catalog"
)

// datasetInfo describes the published dataset for the DCAT and VoID
// records. Dates come from the report, not the clock, so that exports of
// the same input are identical.
func datasetInfo(c *cli.Context, base string) catalog.Dataset {
	dump := func(name, mt string) catalog.Dump {
		return catalog.Dump{Format: name, MediaType: mt, URL: base + "dump/kg." + name}
	}
	return catalog.Dataset{
		Base: base,
		Title: map[string]string{
			"sv": "21 vägar till hållbar regional utveckling – kunskapsgraf",
			"en": "21 paths to sustainable regional development – knowledge graph",
		},
		Description: map[string]string{
			"sv": "Aktörer, mandat, lagar och instrument för regional utveckling i Sveriges 21 regioner, " +
				"med källhänvisning till sida och citat i SKR:s rapport 21 vägar till hållbar regional utveckling (2023).",
			"en": "Actors, mandates, laws and instruments of regional development in Sweden's 21 regions, " +
				"each traced to page and quote in SKR's report 21 vägar till hållbar regional utveckling (2023).",
		},
		ContactEmail: c.String("contact"),
		Issued:       "2023-03-01",
		Modified:     "2023-03-01",
		Source:       base + "report/21-vagar-till-hallbar-regional-utveckling",
		Dumps: []catalog.Dump{
			dump("ttl", "text/turtle"),
			dump("nt", "application/n-triples"),
			dump("nq", "application/n-quads"),
			dump("jsonld", "application/ld+json"),
		},
		SPARQLEndpoint: base + "sparql",
		Keywords: map[string][]string{
			"sv": {"regional utveckling", "regioner", "länsplanering", "folkhälsa", "kultur", "kompetensförsörjning"},
			"en": {"regional development", "regions", "Sweden", "public health", "culture", "skills supply"},
		},
	}
}
