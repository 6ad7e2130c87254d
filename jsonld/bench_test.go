package jsonld_test

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"kg/jsonld"
	"kg/rdfio"
	"kg/term"
)

const benchRegions = 3900 // about 1 MB

func BenchmarkToRDF(b *testing.B) {
	doc := jsonld.BenchDoc(benchRegions)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		n = 0
		v, err := jsonld.DecodeBytes(doc, "bench")
		if err != nil {
			b.Fatal(err)
		}
		err = jsonld.ToRDF(v, jsonld.Options{}, func(term.Quad) error {
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
	doc := jsonld.BenchDoc(benchRegions)
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
	doc := jsonld.BenchDoc(50)
	v, err := jsonld.DecodeBytes(doc, "bench")
	if err != nil {
		t.Fatal(err)
	}
	var got []term.Quad
	if err := jsonld.ToRDF(v, jsonld.Options{}, func(q term.Quad) error {
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
