package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"kg/rdfio"
	"kg/term"
)

// TestJSONLDNativeValues: canonical integers and booleans become JSON
// numbers and booleans, other forms stay strings, and the graph reads
// back the same; with ContextIRI the context is referred to, not embedded.
func TestJSONLDNativeValues(t *testing.T) {
	const base = "https://example.org/kg/"
	s := term.IRI(base + "id/x")
	lit := func(p, v, dt string) term.Quad {
		return term.Quad{S: s, P: term.IRI(p), O: term.Literal(v, dt)}
	}
	kgo := "https://w3id.org/regionalkg/ontology#"
	quads := []term.Quad{
		lit(kgo+"page", "37", term.XSDInteger),
		lit(kgo+"pdfPage", "007", term.XSDInteger),                           // not canonical
		lit("http://example.org/p#n", "-12", term.XSDInteger),                // no coercion in the context
		lit("http://example.org/p#big", "9007199254740993", term.XSDInteger), // beyond 2^53
		lit("http://example.org/p#b", "true", term.XSDBoolean),
		lit("http://example.org/p#b1", "1", term.XSDBoolean), // not canonical
		lit("http://example.org/p#d", "1.50", term.XSDNS+"decimal"),
	}
	for _, ctxIRI := range []string{"", ContextIRI(base)} {
		var b bytes.Buffer
		f, _ := ByName("jsonld")
		enc := f.New(&b, Options{Base: base, ContextIRI: ctxIRI})
		sorted := slices.Clone(quads)
		slices.SortFunc(sorted, term.CompareTriplesFirst)
		for _, q := range sorted {
			if err := enc.Encode(q); err != nil {
				t.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, want := range []string{`"page": 37`, `"pdfPage": "007"`, `: -12`, `: true`, `"9007199254740993"`, `"@value": "1"`, `"@value": "1.50"`} {
			if !strings.Contains(out, want) {
				t.Errorf("context %q: output lacks %s:\n%s", ctxIRI, want, out)
			}
		}
		var doc map[string]any
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if ctxIRI != "" {
			if c, _ := doc["@context"].([]any); len(c) != 2 || c[0] != ctxIRI || len(out) > 3000 {
				t.Errorf("@context %v; %d bytes", doc["@context"], len(out))
			}
		} else if _, ok := doc["@context"].(map[string]any); !ok {
			t.Errorf("self-contained: @context %T", doc["@context"])
		}
		var got []term.Quad
		err := rdfio.ParseJSONLD(strings.NewReader(out), rdfio.Options{Contexts: Contexts(base)}, func(q term.Quad) error {
			got = append(got, q)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !rdfio.Isomorphic(got, quads) {
			t.Errorf("context %q: reads back as\n%v", ctxIRI, got)
		}
	}
}
