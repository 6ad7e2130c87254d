package jsonld

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"kg/internal/testenv"
)

// Helpers shared by the package's own tests and its external tests (which
// use kg/rdfio, which imports this package).

// benchDoc builds a JSON-LD document of n regions shaped like kg's data: a
// shared context with prefixes, typed and language-tagged terms, a list,
// nested blank nodes, a type-scoped context and numbers.
func benchDoc(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"@context": {
  "@vocab": "http://example.org/kg/ontology#",
  "kg": "http://example.org/kg/resource/",
  "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "label": {"@id": "rdfs:label", "@language": "sv"},
  "partOf": {"@type": "@id"},
  "population": {"@type": "xsd:integer"},
  "area": {"@type": "xsd:double"},
  "neighbours": {"@container": "@list", "@type": "@id"},
  "Region": {"@id": "Region", "@context": {"code": {"@id": "regionCode"}}}
},
"@graph": [`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"@id": "kg:%d", "@type": "Region", "label": "Region nummer %d i Sverige",
  "code": "SE-%d", "population": %d, "area": %d.%d, "partOf": "kg:%d",
  "neighbours": ["kg:%d", "kg:%d"],
  "mentions": {"comment": "beskrivning %d", "score": %d.5}}`,
			i, i, i, 1000+i, i%5000, i%10, i/7, i+1, i+2, i, i%100)
	}
	b.WriteString("]}")
	return b.Bytes()
}

func testsDir(t testing.TB) string {
	return filepath.Join(testenv.W3CDir(t), "json-ld-api", "tests")
}

// BenchDoc and TestsDir are benchDoc and testsDir for the external tests.
var (
	BenchDoc  = benchDoc
	TestsDir  = testsDir
	JSONEqual = jsonEqual
)
