package ontology

// Prefix is a namespace prefix for readable output.
type Prefix struct {
	Name, IRI string
}

// Prefixes returns the prefixes kg writes, in a fixed order: the standard
// vocabularies, the ontology, and the namespaces minted under base.
func Prefixes(base string) []Prefix {
	return []Prefix{
		{"rdf", RDF},
		{"rdfs", RDFS},
		{"owl", OWL},
		{"xsd", XSD},
		{"skos", SKOS},
		{"dcterms", DCTERMS},
		{"dcat", DCAT},
		{"prov", PROV},
		{"org", ORG},
		{"eli", ELI},
		{"schema", SCHEMA},
		{"foaf", FOAF},
		{"void", VOID},
		{"vcard", VCARD},
		{"wd", WD},
		{"kgo", NS},
		{"kg", base + "id/"},
		{"report", base + "report/"},
		{"source", base + "source/"},
	}
}
