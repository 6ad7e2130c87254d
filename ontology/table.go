package ontology

import (
	"bufio"
	"io"
	"strings"
)

// compactPrefixes abbreviates IRIs in the Markdown table. The order
// matters only where one namespace is a prefix of another (none is).
var compactPrefixes = []struct{ prefix, ns string }{
	{"kgo", NS}, {"rdf", RDF}, {"rdfs", RDFS}, {"owl", OWL}, {"xsd", XSD},
	{"skos", SKOS}, {"dcterms", DCTERMS}, {"prov", PROV}, {"org", ORG},
	{"eli", ELI}, {"schema", SCHEMA}, {"foaf", FOAF}, {"vann", VANN},
}

// Compact writes iri as prefix:local when it is in one of the namespaces
// the ontology uses, and as <iri> otherwise.
func Compact(iri string) string {
	for _, p := range compactPrefixes {
		if local, ok := strings.CutPrefix(iri, p.ns); ok {
			return p.prefix + ":" + local
		}
	}
	return "<" + iri + ">"
}

// WriteMarkdown writes the ontology's classes and properties as two
// Markdown tables: name, Swedish and English label, and where each sits in
// the hierarchy and among the standard vocabularies.
func WriteMarkdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	b.WriteString("### Classes\n\n")
	b.WriteString("| Class | Swedish | English | Subclass of |\n")
	b.WriteString("| --- | --- | --- | --- |\n")
	for _, c := range Classes() {
		row(b, "`"+c.LocalName()+"`", c.Labels["sv"], c.Labels["en"], compactAll(c.Parents))
	}
	b.WriteString("\n### Properties\n\n")
	b.WriteString("| Property | Kind | Swedish | English | Domain | Range | Subproperty of |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, p := range Properties() {
		kind := map[Kind]string{
			KindObjectProperty:     "object",
			KindDatatypeProperty:   "datatype",
			KindAnnotationProperty: "annotation",
		}[p.Kind]
		row(b, "`"+p.LocalName()+"`", kind, p.Labels["sv"], p.Labels["en"],
			union(p.Domain), union(p.Range), compactAll(p.Parents))
	}
	return b.Flush()
}

func compactAll(iris []string) string {
	out := make([]string, len(iris))
	for i, s := range iris {
		out[i] = Compact(s)
	}
	return strings.Join(out, ", ")
}

func union(iris []string) string {
	out := make([]string, len(iris))
	for i, s := range iris {
		out[i] = Compact(s)
	}
	return strings.Join(out, " ∪ ")
}

func row(b *bufio.Writer, cells ...string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" ")
		b.WriteString(strings.ReplaceAll(c, "|", `\|`))
		b.WriteString(" |")
	}
	b.WriteString("\n")
}
