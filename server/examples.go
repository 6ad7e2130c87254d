package server

import "strings"

// example is a query offered on the query page.
type example struct {
	ID    string
	Title string
	Query string
}

// examples returns the example queries with the prefixes of base.
func examples(base string) []example {
	prologue := "PREFIX kgo: <https://w3id.org/regionalkg/ontology#>\n" +
		"PREFIX kg: <" + base + "id/>\n" +
		"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" +
		"PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
	list := []example{
		{"erdf-regions", "Which regions run projects funded by the European Regional Development Fund?", `
SELECT DISTINCT ?region ?regionName ?project ?projectName WHERE {
  ?project kgo:fundedBy kg:eruf .
  ?region a kgo:Region .
  { ?region kgo:responsibleFor ?project }
  UNION { ?project kgo:fundedBy ?region }
  UNION { ?region kgo:participatesIn ?project }
  ?region skos:prefLabel ?regionName .
  ?project skos:prefLabel ?projectName .
  FILTER(lang(?regionName) = "sv" && lang(?projectName) = "sv")
}
ORDER BY ?regionName ?projectName`},
		{"laws-mandates", "Which laws confer which mandates, and where does the report say so?", `
SELECT ?law ?lawName ?sfs ?mandate ?mandateName ?page ?quote WHERE {
  GRAPH ?passage { ?law kgo:confers ?mandate }
  ?law skos:prefLabel ?lawName .
  ?mandate skos:prefLabel ?mandateName .
  OPTIONAL { ?law kgo:sfsNumber ?sfs }
  OPTIONAL { ?passage kgo:page ?page }
  ?passage kgo:quote ?quote .
  FILTER(lang(?lawName) = "sv" && lang(?mandateName) = "sv")
}
ORDER BY ?lawName`},
		{"skane-provenance", "Where does the report say what Region Skåne does?", `
SELECT ?property ?value ?page ?quote WHERE {
  GRAPH ?passage { kg:region-skane ?property ?value }
  ?passage kgo:quote ?quote .
  OPTIONAL { ?passage kgo:page ?page }
}
ORDER BY ?page`},
		{"counties", "Counties with their SCB, ISO and NUTS codes and Wikidata items", `
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?county ?name ?scb ?iso ?nuts ?wikidata WHERE {
  ?county a kgo:County ; skos:prefLabel ?name .
  FILTER(lang(?name) = "sv")
  OPTIONAL { ?county kgo:scbCountyCode ?scb }
  OPTIONAL { ?county kgo:iso3166_2 ?iso }
  OPTIONAL { ?county kgo:nutsCode ?nuts }
  OPTIONAL { ?county owl:sameAs ?wikidata }
}
ORDER BY ?scb`},
		{"classes", "How many things of each class does the graph hold?", `
SELECT ?class (COUNT(DISTINCT ?thing) AS ?count) WHERE {
  ?thing a ?class .
}
GROUP BY ?class
ORDER BY DESC(?count)`},
		{"examples-by-theme", "Worked examples of the report by theme", `
SELECT ?theme ?themeName (COUNT(?example) AS ?examples) WHERE {
  ?example a kgo:WorkedExample ; kgo:hasTheme ?theme .
  ?theme skos:prefLabel ?themeName .
  FILTER(lang(?themeName) = "sv")
}
GROUP BY ?theme ?themeName
ORDER BY DESC(?examples)`},
	}
	for i := range list {
		list[i].Query = prologue + strings.TrimLeft(list[i].Query, "\n")
	}
	return list
}
