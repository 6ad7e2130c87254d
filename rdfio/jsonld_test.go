package rdfio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/term"
)

func TestJSONLDRemoteContextRefused(t *testing.T) {
	doc := `{"@context": "https://example.org/context.jsonld", "@id": "http://ex.org/a", "name": "x"}`
	err := ParseJSONLD(strings.NewReader(doc), Options{}, func(term.Quad) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "not fetched") {
		t.Fatalf("want a clear error for a remote context, got %v", err)
	}
}

func TestJSONLDSyntaxErrorPosition(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "bad.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = ParseJSONLD(f, Options{File: "bad.jsonld"}, func(term.Quad) error { return nil })
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 3 {
		t.Fatalf("want a syntax error on line 3, got %v", err)
	}
}

func TestJSONLDLocalContext(t *testing.T) {
	dir := t.TempDir()
	ctx := `{"@context": {"name": "http://schema.org/name"}}`
	if err := os.WriteFile(filepath.Join(dir, "ctx.jsonld"), []byte(ctx), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := `{"@context": "https://ctx.example/ctx.jsonld", "@id": "http://ex.org/a", "name": "Malmö"}`
	var got []term.Quad
	err := ParseJSONLD(strings.NewReader(doc), Options{Documents: map[string]string{"https://ctx.example/": dir}}, func(q term.Quad) error {
		got = append(got, q)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].String() != `<http://ex.org/a> <http://schema.org/name> "Malmö" .` {
		t.Fatalf("got %v", got)
	}
}
