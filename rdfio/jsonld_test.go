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

// A document cannot make the parser read a file it names, and the error
// says so without quoting the file or naming Go fields.
func TestJSONLDFileContextRefused(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ctx := range []string{"file:///etc/passwd", "file://" + secret} {
		doc := `{"@context": "` + ctx + `", "@id": "http://ex.org/a", "name": "x"}`
		err := ParseJSONLD(strings.NewReader(doc), Options{File: "a.jsonld"}, func(term.Quad) error { return nil })
		if err == nil || !strings.Contains(err.Error(), "are not read") {
			t.Fatalf("%s: got %v", ctx, err)
		}
	}
	// Allowed explicitly, a file that is not JSON is reported by position.
	doc := `{"@context": "file://` + secret + `", "@id": "http://ex.org/a", "name": "x"}`
	err := ParseJSONLD(strings.NewReader(doc), Options{ReadFiles: true}, func(term.Quad) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "secret:1:1: not a JSON document") || strings.Contains(err.Error(), "'r'") {
		t.Fatalf("got %v", err)
	}
	// A mapped prefix does not reach outside its directory.
	// (JSON-LD resolves dot segments first; the loader checks anyway.)
	load := localLoader(Options{Documents: map[string]string{"https://ctx.example/": filepath.Join(dir, "sub")}})
	if _, err = load("https://ctx.example/../secret"); err == nil || !strings.Contains(err.Error(), "outside the directory") {
		t.Fatalf("got %v", err)
	}
}

func TestJSONLDRemoteErrorSpeaksToUsers(t *testing.T) {
	doc := `{"@context": "https://example.org/context.jsonld", "name": "x"}`
	err := ParseJSONLD(strings.NewReader(doc), Options{}, func(term.Quad) error { return nil })
	if err == nil || strings.Contains(err.Error(), "Options") || strings.Contains(err.Error(), "Documents") {
		t.Fatalf("got %v", err)
	}
}
