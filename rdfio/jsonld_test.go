package rdfio

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/internal/testenv"
	"kg/jsonld"
	"kg/term"
)

const jsonldTestsIRI = "https://w3c.github.io/json-ld-api/tests/"

type jsonldTest struct {
	ID              string         `json:"@id"`
	Type            []string       `json:"@type"`
	Name            string         `json:"name"`
	Input           string         `json:"input"`
	Expect          string         `json:"expect"`
	ExpectErrorCode string         `json:"expectErrorCode"`
	Option          map[string]any `json:"option"`
}

// TestW3CJSONLDToRDF runs the JSON-LD 1.1 toRdf suite through ParseJSONLD.
// JSON-LD 1.0-only tests do not apply to a 1.1 processor; they are counted
// and reported as skipped.
func TestW3CJSONLDToRDF(t *testing.T) {
	dir := filepath.Join(testenv.W3CDir(t), "json-ld-api", "tests")
	raw, err := os.ReadFile(filepath.Join(dir, "toRdf-manifest.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	var man struct {
		Sequence []jsonldTest `json:"sequence"`
	}
	if err := json.Unmarshal(raw, &man); err != nil {
		t.Fatal(err)
	}
	passed, failed, skipped := 0, 0, 0
	for _, tc := range man.Sequence {
		if tc.Option["specVersion"] == "json-ld-1.0" {
			skipped++
			t.Logf("SKIP %s (%s): JSON-LD 1.0 only", tc.ID, tc.Name)
			continue
		}
		if err := runJSONLDTest(dir, tc); err != nil {
			failed++
			t.Logf("FAIL %s (%s): %v", tc.ID, tc.Name, err)
		} else {
			passed++
		}
	}
	t.Logf("jsonld-toRdf: %d skipped (JSON-LD 1.0 only)", skipped)
	checkFloor(t, "jsonld-toRdf", passed, failed)
}

func hasType(tc jsonldTest, typ string) bool {
	for _, t := range tc.Type {
		if t == typ {
			return true
		}
	}
	return false
}

func runJSONLDTest(dir string, tc jsonldTest) error {
	base := jsonldTestsIRI + tc.Input
	if b, ok := tc.Option["base"].(string); ok {
		base = b
	}
	opt := Options{Base: base, File: tc.Input, Documents: map[string]string{jsonldTestsIRI: dir}}
	tune := func(o *jsonld.Options) {
		if m, ok := tc.Option["processingMode"].(string); ok {
			o.ProcessingMode = m
		}
		if g, ok := tc.Option["produceGeneralizedRdf"].(bool); ok {
			o.ProduceGeneralizedRDF = g
		}
		if d, ok := tc.Option["rdfDirection"].(string); ok {
			o.RDFDirection = d
		}
		if c, ok := tc.Option["expandContext"].(string); ok {
			o.ExpandContext = jsonldTestsIRI + c
		}
	}
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(tc.Input)))
	if err != nil {
		return err
	}
	defer f.Close()
	var got []term.Quad
	err = parseJSONLD(f, opt, func(q term.Quad) error {
		got = append(got, q)
		return nil
	}, tune)
	switch {
	case hasType(tc, "jld:NegativeEvaluationTest"):
		if err == nil {
			return fmt.Errorf("no error, want %s", tc.ExpectErrorCode)
		}
		var le *jsonld.Error
		if errors.As(err, &le) && le.Code == tc.ExpectErrorCode {
			return nil
		}
		return fmt.Errorf("error %v, want code %s", err, tc.ExpectErrorCode)
	case err != nil:
		return err
	case hasType(tc, "jld:PositiveSyntaxTest"):
		return nil
	}
	want, err := readNQuadsFile(filepath.Join(dir, filepath.FromSlash(tc.Expect)))
	if err != nil {
		return fmt.Errorf("expected output: %v", err)
	}
	if !Isomorphic(got, want) {
		return fmt.Errorf("not isomorphic:\ngot:\n%swant:\n%s", dump(got), dump(want))
	}
	return nil
}

func readNQuadsFile(path string) ([]term.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []term.Quad
	err = parseGeneralizedNQuads(f, Options{File: path}, func(q term.Quad) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

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
