package jsonld

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"kg/term"
)

func mustDecode(t *testing.T, s string) any {
	t.Helper()
	v, err := DecodeBytes([]byte(s), "test")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// nquads runs ToRDF and returns its output as N-Quads lines, in order.
func nquads(t *testing.T, doc string, opt Options) (string, error) {
	t.Helper()
	var b strings.Builder
	err := ToRDF(mustDecode(t, doc), opt, func(q term.Quad) error {
		b.WriteString(q.String())
		b.WriteByte('\n')
		return nil
	})
	return b.String(), err
}

func TestExpandIRI(t *testing.T) {
	tests := []struct {
		name, base, ctx, value string
		docRel, vocab          bool
		want                   string
		null                   bool
	}{
		{"keyword", "", `{}`, "@type", false, true, "@type", false},
		{"keyword form ignored", "", `{}`, "@foo", false, true, "", true},
		{"term", "", `{"name": "http://schema.org/name"}`, "name", false, true, "http://schema.org/name", false},
		{"term not used without vocab", "http://ex.org/doc", `{"name": "http://schema.org/name"}`, "name", true, false, "http://ex.org/name", false},
		{"compact IRI", "", `{"s": "http://schema.org/"}`, "s:name", false, true, "http://schema.org/name", false},
		{"prefix needs gen-delim", "", `{"s": "http://schema.org/x"}`, "s:name", false, true, "s:name", false},
		{"explicit prefix", "", `{"s": {"@id": "http://schema.org/x", "@prefix": true}}`, "s:name", false, true, "http://schema.org/xname", false},
		{"absolute IRI kept", "", `{"http": "http://other/"}`, "http://ex.org/a", false, true, "http://ex.org/a", false},
		{"blank node kept", "", `{"_": "http://other/"}`, "_:b1", false, true, "_:b1", false},
		{"vocab", "", `{"@vocab": "http://ex.org/v#"}`, "name", false, true, "http://ex.org/v#name", false},
		{"vocab not for @id", "http://ex.org/dir/doc", `{"@vocab": "http://ex.org/v#"}`, "name", true, false, "http://ex.org/dir/name", false},
		{"relative vocab resolves against base", "http://ex.org/dir/doc", `{"@vocab": "v/"}`, "name", false, true, "http://ex.org/dir/v/name", false},
		{"empty vocab is the base", "http://ex.org/dir/doc", `{"@vocab": ""}`, "name", false, true, "http://ex.org/dir/docname", false},
		{"@base overrides document base", "http://ex.org/doc", `{"@base": "http://other.org/x/"}`, "../a", true, false, "http://other.org/a", false},
		{"relative @base", "http://ex.org/a/b", `{"@base": "c/"}`, "d", true, false, "http://ex.org/a/c/d", false},
		{"null @base keeps relative", "http://ex.org/a/b", `{"@base": null}`, "d", true, false, "d", false},
		{"query and fragment", "http://ex.org/a/b?q", `{}`, "#f", true, false, "http://ex.org/a/b?q#f", false},
		{"null term", "", `{"@vocab": "http://ex.org/", "x": null}`, "x", false, true, "", true},
		{"alias of keyword", "", `{"id": "@id"}`, "id", false, true, "@id", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newProcessor(Options{Base: tc.base})
			ac := &context{terms: map[string]*termDef{}, base: tc.base, originalBase: tc.base}
			ac, err := p.processContext(ac, mustDecode(t, tc.ctx), tc.base, nil, false, true, true)
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := p.expandIRI(ac, tc.value, tc.docRel, tc.vocab, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if ok == tc.null || got != tc.want {
				t.Errorf("expandIRI(%q) = %q (ok %v), want %q (null %v)", tc.value, got, ok, tc.want, tc.null)
			}
		})
	}
}

func TestESNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{1, "1"},
		{-1.5, "-1.5"},
		{4.5, "4.5"},
		{0.002, "0.002"},
		{1e-6, "0.000001"},
		{1e-7, "1e-7"},
		{1e21, "1e+21"},
		{1e20, "100000000000000000000"},
		{123456789012345680000, "123456789012345680000"},
		{333333333.33333329, "333333333.3333333"},
		{1.7976931348623157e308, "1.7976931348623157e+308"},
		{5e-324, "5e-324"},
		{-1.25e-10, "-1.25e-10"},
	}
	for _, tc := range tests {
		if got := ESNumber(tc.in); got != tc.want {
			t.Errorf("ESNumber(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{`null`, `null`},
		{`[]`, `[]`},
		{`{"b": [1, 2.50, 1E3], "a": {"z": true, "y": null}}`, `{"a":{"y":null,"z":true},"b":[1,2.5,1000]}`},
		{`"tab\tquote\"nl\n\u0001é"`, `"tab\tquote\"nl\n\u0001é"`},
		// RFC 8785 section 3.2.3: members sorted by UTF-16 code units.
		{`{"\u20ac":1,"\r":2,"\ufb33":3,"1":4,"\ud83d\ude00":5,"\u0080":6,"\u00f6":7}`,
			"{\"\\r\":2,\"1\":4,\"\u0080\":6,\"ö\":7,\"€\":1,\"😀\":5,\"\ufb33\":3}"},
	}
	for _, tc := range tests {
		if got := Canonical(mustDecode(t, tc.in)); got != tc.want {
			t.Errorf("Canonical(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestCanonicalDouble(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{1.1, "1.1E0"},
		{0.1, "1.0E-1"},
		{5, "5.0E0"},
		{123.456, "1.23456E2"},
		{1e21, "1.0E21"},
		{-2.5e-5, "-2.5E-5"},
		{0.30000000000000004, "3.0E-1"},
	}
	for _, tc := range tests {
		if got := CanonicalDouble(tc.in); got != tc.want {
			t.Errorf("CanonicalDouble(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLiterals(t *testing.T) {
	const x = "^^<http://www.w3.org/2001/XMLSchema#"
	tests := []struct{ value, want string }{
		{`1`, `"1"` + x + `integer>`},
		{`1.0`, `"1"` + x + `integer>`},
		{`-0`, `"0"` + x + `integer>`},
		{`1.5`, `"1.5E0"` + x + `double>`},
		{`1e21`, `"1.0E21"` + x + `double>`},
		{`12345678901234567890`, `"12345678901234567890"` + x + `integer>`},
		{`true`, `"true"` + x + `boolean>`},
		{`{"@value": 5, "@type": "http://www.w3.org/2001/XMLSchema#double"}`, `"5.0E0"` + x + `double>`},
		{`{"@value": "chat", "@language": "FR"}`, `"chat"@fr`},
		{`{"@value": {"b": 1, "a": [1.0, "x"]}, "@type": "@json"}`, `"{\"a\":[1,\"x\"],\"b\":1}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON>`},
	}
	for _, tc := range tests {
		got, err := nquads(t, `{"@id": "http://ex.org/s", "http://ex.org/p": `+tc.value+`}`, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := "<http://ex.org/s> <http://ex.org/p> " + tc.want + " .\n"
		if got != want {
			t.Errorf("%s:\ngot  %swant %s", tc.value, got, want)
		}
	}
}

func TestListsAndBlankNodes(t *testing.T) {
	doc := `{"@context": {"@vocab": "http://ex.org/", "l": {"@container": "@list"}},
		"@id": "http://ex.org/s",
		"l": ["a", {"@id": "_:x", "name": "n"}, {"@list": []}],
		"empty": {"@list": []},
		"knows": {"@id": "_:x"}}`
	got, err := nquads(t, doc, Options{BlankPrefix: "f1_"})
	if err != nil {
		t.Fatal(err)
	}
	want := `<http://ex.org/s> <http://ex.org/empty> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
<http://ex.org/s> <http://ex.org/knows> _:f1_b0 .
<http://ex.org/s> <http://ex.org/l> _:f1_b1 .
_:f1_b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "a" .
_:f1_b1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:f1_b2 .
_:f1_b2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:f1_b0 .
_:f1_b2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:f1_b3 .
_:f1_b3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
_:f1_b3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
_:f1_b0 <http://ex.org/name> "n" .
`
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	doc := string(benchDoc(40))
	first, err := nquads(t, doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		again, err := nquads(t, doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if again != first {
			t.Fatal("output differs between runs on the same input")
		}
	}
}

func TestRDFDirection(t *testing.T) {
	doc := `{"@id": "http://ex.org/s", "http://ex.org/p": {"@value": "abc", "@language": "AR-eg", "@direction": "rtl"}}`
	tests := []struct{ mode, want string }{
		{"", `<http://ex.org/s> <http://ex.org/p> "abc"@ar-eg .` + "\n"},
		{"i18n-datatype", `<http://ex.org/s> <http://ex.org/p> "abc"^^<https://www.w3.org/ns/i18n#ar-eg_rtl> .` + "\n"},
		{"compound-literal", `<http://ex.org/s> <http://ex.org/p> _:b0 .
_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> "abc" .
_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#language> "ar-eg" .
_:b0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#direction> "rtl" .
`},
	}
	for _, tc := range tests {
		got, err := nquads(t, doc, Options{RDFDirection: tc.mode})
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%q:\ngot\n%swant\n%s", tc.mode, got, tc.want)
		}
	}
}

// selfLoader serves, for every IRI, a context that includes itself again.
func selfLoader(iri string) (any, error) {
	return map[string]any{"@context": []any{iri, map[string]any{"x": "http://ex.org/x"}}}, nil
}

func TestErrorCodes(t *testing.T) {
	deep := strings.Repeat(`{"http://ex.org/p": `, 150) + `"x"` + strings.Repeat("}", 150)
	tests := []struct {
		name, doc string
		opt       Options
		code      string
	}{
		{"cyclic term", `{"@context": {"a": "b:x", "b": "a:y"}, "a": 1}`, Options{}, CodeCyclicIRIMapping},
		{"keyword redefinition", `{"@context": {"@id": "http://ex.org/id"}}`, Options{}, CodeKeywordRedefinition},
		{"@id not a string", `{"@id": 5}`, Options{}, CodeInvalidIDValue},
		{"colliding keywords", `{"@context": {"id": "@id"}, "@id": "http://a/", "id": "http://b/"}`, Options{}, CodeCollidingKeywords},
		{"relative base without document base", `{"@context": {"@base": "rel/"}, "@id": "x"}`, Options{}, CodeInvalidBaseIRI},
		{"invalid container", `{"@context": {"p": {"@id": "http://ex.org/p", "@container": "@bag"}}}`, Options{}, CodeInvalidContainerMapping},
		{"protected term", `{"@context": [{"@protected": true, "p": "http://ex.org/p"}, {"p": "http://ex.org/q"}]}`, Options{}, CodeProtectedTermRedefinition},
		{"nulling protected context", `{"@context": [{"@protected": true, "p": "http://ex.org/p"}, null]}`, Options{}, CodeInvalidContextNullification},
		{"typed value with bad IRI", `{"http://ex.org/p": {"@value": "x", "@type": "not an iri"}}`, Options{}, CodeInvalidTypedValue},
		{"language on a number", `{"http://ex.org/p": {"@value": 1, "@language": "en"}}`, Options{}, CodeInvalidLanguageTaggedValue},
		{"conflicting indexes", `{"@graph": [{"@id": "http://ex.org/a", "@index": "1"}, {"@id": "http://ex.org/a", "@index": "2"}]}`, Options{}, CodeConflictingIndexes},
		{"1.1 feature in 1.0 mode", `{"@context": {"@version": 1.1}}`, Options{ProcessingMode: "json-ld-1.0"}, CodeProcessingModeConflict},
		{"no loader", `{"@context": "http://ex.org/ctx", "x": 1}`, Options{}, CodeLoadingRemoteContextFailed},
		{"loader error", `{"@context": "http://ex.org/ctx", "x": 1}`, Options{LoadDocument: func(string) (any, error) { return nil, errors.New("gone") }}, CodeLoadingRemoteContextFailed},
		{"remote context without @context", `{"@context": "http://ex.org/ctx"}`, Options{LoadDocument: func(string) (any, error) { return map[string]any{}, nil }}, CodeInvalidRemoteContext},
		{"context including itself", `{"@context": "http://ex.org/ctx", "x": 1}`, Options{LoadDocument: selfLoader}, CodeContextOverflow},
		{"pathological depth", deep, Options{MaxDepth: 100}, CodeDepthExceeded},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := nquads(t, tc.doc, tc.opt)
			var e *Error
			if !errors.As(err, &e) || e.Code != tc.code {
				t.Fatalf("got %v, want code %q", err, tc.code)
			}
		})
	}
}

func TestErrorNamesFile(t *testing.T) {
	_, err := Expand(mustDecode(t, `{"@id": 1}`), Options{File: "data.jsonld"})
	if err == nil || !strings.HasPrefix(err.Error(), "data.jsonld: json-ld: invalid @id value") {
		t.Fatalf("got %v", err)
	}
}

func TestDecodePosition(t *testing.T) {
	_, err := DecodeBytes([]byte("{\n  \"a\": 1,\n  \"b\": ]\n}"), "bad.jsonld")
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 3 || se.Col != 8 || se.File != "bad.jsonld" {
		t.Fatalf("got %v", err)
	}
	if _, err := DecodeBytes([]byte(`{} {}`), "two"); err == nil {
		t.Fatal("content after the document accepted")
	}
}

func TestEmitErrorStops(t *testing.T) {
	stop := fmt.Errorf("stop")
	n := 0
	err := ToRDF(mustDecode(t, string(benchDoc(5))), Options{}, func(term.Quad) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Fatalf("got %v after %d quads", err, n)
	}
}

// Nesting beyond the limit is found while decoding, with the position of
// the bracket that crosses it, before anything recurses: 1M nested arrays
// are refused at once; exactly the limit is accepted, through expansion.
func TestDecodeDepth(t *testing.T) {
	_, err := DecodeBytes([]byte("\n "+strings.Repeat("[", 1_000_000)), "deep.jsonld")
	if err == nil || err.Error() != "deep.jsonld:2:1002: nesting deeper than 1000" {
		t.Fatalf("got %v", err)
	}
	quoted := `["[[[[` + strings.Repeat("[", 2000) + `\"]"]`
	if _, err := DecodeBytes([]byte(quoted), "q"); err != nil {
		t.Errorf("brackets in a string counted: %v", err)
	}
	edge := strings.Repeat(`{"http://ex.org/p": `, 1000) + `"x"` + strings.Repeat("}", 1000)
	out, err := nquads(t, edge, Options{})
	if err != nil || strings.Count(out, "\n") != 1000 {
		t.Errorf("depth 1000: %d quads, %v", strings.Count(out, "\n"), err)
	}
	if _, err := DecodeBytesDepth([]byte(edge), "e", 999); err == nil || !strings.Contains(err.Error(), "nesting deeper than 999") {
		t.Errorf("MaxDepth 999: got %v", err)
	}
}
