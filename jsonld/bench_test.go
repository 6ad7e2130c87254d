package jsonld

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"kg/rdfio"
	"kg/term"
)

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

const benchRegions = 3900 // about 1 MB

func BenchmarkToRDF(b *testing.B) {
	doc := benchDoc(benchRegions)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		n = 0
		v, err := DecodeBytes(doc, "bench")
		if err != nil {
			b.Fatal(err)
		}
		err = ToRDF(v, Options{}, func(term.Quad) error {
			n++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkJSONGoldToRDF runs the same document through json-gold, the
// processor kg used before, for comparison.
func BenchmarkJSONGoldToRDF(b *testing.B) {
	doc := benchDoc(benchRegions)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		n = 0
		ds, err := jsonGoldToRDF(doc)
		if err != nil {
			b.Fatal(err)
		}
		for _, g := range ds.Graphs {
			n += len(g)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}

func jsonGoldToRDF(doc []byte) (*ld.RDFDataset, error) {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return nil, err
	}
	res, err := ld.NewJsonLdProcessor().ToRDF(v, ld.NewJsonLdOptions(""))
	if err != nil {
		return nil, err
	}
	return res.(*ld.RDFDataset), nil
}

// TestAgreesWithJSONGold checks, on the benchmark document, that this
// processor and json-gold produce the same dataset.
func TestAgreesWithJSONGold(t *testing.T) {
	doc := benchDoc(50)
	v, err := DecodeBytes(doc, "bench")
	if err != nil {
		t.Fatal(err)
	}
	var got []term.Quad
	if err := ToRDF(v, Options{}, func(q term.Quad) error {
		got = append(got, q)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ds, err := jsonGoldToRDF(doc)
	if err != nil {
		t.Fatal(err)
	}
	var want []term.Quad
	for _, qs := range ds.Graphs {
		for _, q := range qs {
			want = append(want, term.Quad{S: goldTerm(q.Subject), P: goldTerm(q.Predicate), O: goldTerm(q.Object), G: goldTerm(q.Graph)})
		}
	}
	if len(got) != len(want) || !rdfio.Isomorphic(got, want) {
		t.Fatalf("datasets differ: %d quads here, %d from json-gold\n%s", len(got), len(want), firstLines(got, 20))
	}
}

func goldTerm(n ld.Node) term.Term {
	switch v := n.(type) {
	case ld.IRI:
		return term.IRI(v.Value)
	case *ld.IRI:
		return term.IRI(v.Value)
	case ld.BlankNode:
		return term.Blank(strings.TrimPrefix(v.Attribute, "_:"))
	case *ld.BlankNode:
		return term.Blank(strings.TrimPrefix(v.Attribute, "_:"))
	case ld.Literal:
		if v.Language != "" {
			return term.LangString(v.Value, v.Language)
		}
		return term.Literal(v.Value, v.Datatype)
	case *ld.Literal:
		if v.Language != "" {
			return term.LangString(v.Value, v.Language)
		}
		return term.Literal(v.Value, v.Datatype)
	}
	return term.Term{}
}

func firstLines(qs []term.Quad, n int) string {
	lines := make([]string, 0, len(qs))
	for _, q := range qs {
		lines = append(lines, q.String())
	}
	sort.Strings(lines)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
