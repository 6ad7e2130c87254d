package export

import "kg/ontology"

// DefaultPrefixes returns the prefixes of kg's own and reused vocabularies,
// in the order the writers declare them.
func DefaultPrefixes() []Prefix {
	return []Prefix{
		{"kgo", ontology.NS},
		{"rdf", ontology.RDF},
		{"rdfs", ontology.RDFS},
		{"owl", ontology.OWL},
		{"xsd", ontology.XSD},
		{"skos", ontology.SKOS},
		{"dcterms", ontology.DCTERMS},
		{"dcat", ontology.DCAT},
		{"prov", ontology.PROV},
		{"org", ontology.ORG},
		{"foaf", ontology.FOAF},
		{"schema", ontology.SCHEMA},
		{"void", ontology.VOID},
		{"vcard", ontology.VCARD},
		{"adms", ontology.ADMS},
		{"eli", ontology.ELI},
		{"wd", ontology.WD},
	}
}
