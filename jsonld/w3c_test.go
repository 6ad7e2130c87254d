package jsonld_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kg/jsonld"
	"kg/rdfio"
	"kg/term"
)

const testsIRI = "https://w3c.github.io/json-ld-api/tests/"

type manifestTest struct {
	ID              string         `json:"@id"`
	Type            []string       `json:"@type"`
	Name            string         `json:"name"`
	Input           string         `json:"input"`
	Expect          string         `json:"expect"`
	ExpectErrorCode string         `json:"expectErrorCode"`
	Option          map[string]any `json:"option"`
}

func (tc manifestTest) is(typ string) bool {
	for _, t := range tc.Type {
		if t == typ {
			return true
		}
	}
	return false
}

func readManifest(t *testing.T, dir, name string) []manifestTest {
	raw, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	var man struct {
		Sequence []manifestTest `json:"sequence"`
	}
	if err := json.Unmarshal(raw, &man); err != nil {
		t.Fatal(err)
	}
	return man.Sequence
}

// localLoader maps the test suite's IRIs onto its directory.
func localLoader(dir string) func(string) (any, error) {
	return func(u string) (any, error) {
		rest, ok := strings.CutPrefix(u, testsIRI)
		if !ok {
			return nil, fmt.Errorf("%s is outside the test suite", u)
		}
		if i := strings.IndexAny(rest, "?#"); i >= 0 {
			rest = rest[:i]
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(rest)))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return jsonld.Decode(f, rest)
	}
}

func testOptions(dir string, tc manifestTest) (jsonld.Options, error) {
	opt := jsonld.Options{Base: testsIRI + tc.Input, File: tc.Input, LoadDocument: localLoader(dir)}
	if b, ok := tc.Option["base"].(string); ok {
		opt.Base = b
	}
	opt.ProcessingMode, _ = tc.Option["processingMode"].(string)
	opt.RDFDirection, _ = tc.Option["rdfDirection"].(string)
	opt.ProduceGeneralizedRDF, _ = tc.Option["produceGeneralizedRdf"].(bool)
	if c, ok := tc.Option["expandContext"].(string); ok {
		doc, err := opt.LoadDocument(testsIRI + c)
		if err != nil {
			return opt, err
		}
		opt.ExpandContext = doc
	}
	return opt, nil
}

func readInput(dir string, tc manifestTest) (any, error) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(tc.Input)))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonld.Decode(f, tc.Input)
}

// checkError compares the outcome of a negative test with its expected
// error code.
func checkError(tc manifestTest, err error) error {
	if err == nil {
		return fmt.Errorf("no error, want %q", tc.ExpectErrorCode)
	}
	var e *jsonld.Error
	if errors.As(err, &e) && e.Code == tc.ExpectErrorCode {
		return nil
	}
	return fmt.Errorf("error %v, want code %q", err, tc.ExpectErrorCode)
}

type suiteResult struct{ passed, failed, skipped int }

func runSuite(t *testing.T, suite, manifest string, run func(dir string, tc manifestTest) error) {
	dir := jsonld.TestsDir(t)
	var r suiteResult
	for _, tc := range readManifest(t, dir, manifest) {
		if tc.Option["specVersion"] == "json-ld-1.0" {
			r.skipped++
			t.Logf("SKIP %s (%s): JSON-LD 1.0 only", tc.ID, tc.Name)
			continue
		}
		if err := run(dir, tc); err != nil {
			r.failed++
			t.Logf("FAIL %s (%s): %v", tc.ID, tc.Name, err)
		} else {
			r.passed++
		}
	}
	t.Logf("%s: %d passed, %d failed, %d skipped", suite, r.passed, r.failed, r.skipped)
	floor := readFloor(t, suite)
	if r.passed < floor {
		t.Errorf("%s: %d passed, below the floor of %d (testdata/floors.txt)", suite, r.passed, floor)
	}
}

// readFloor returns the minimum pass count recorded for a suite.
func readFloor(t *testing.T, suite string) int {
	f, err := os.Open(filepath.Join("testdata", "floors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 2 && fields[0] == suite {
			n, err := strconv.Atoi(fields[1])
			if err != nil {
				t.Fatalf("floors.txt: %v", err)
			}
			return n
		}
	}
	t.Fatalf("floors.txt has no floor for %s", suite)
	return 0
}

func TestW3CExpand(t *testing.T) {
	runSuite(t, "expand", "expand-manifest.jsonld", func(dir string, tc manifestTest) error {
		opt, err := testOptions(dir, tc)
		if err != nil {
			return err
		}
		doc, err := readInput(dir, tc)
		if err != nil {
			return err
		}
		got, err := jsonld.Expand(doc, opt)
		if tc.is("jld:NegativeEvaluationTest") {
			return checkError(tc, err)
		}
		if err != nil {
			return err
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(tc.Expect)))
		if err != nil {
			return err
		}
		defer f.Close()
		want, err := jsonld.Decode(f, tc.Expect)
		if err != nil {
			return err
		}
		if !jsonLDEqual(any(got), want, false) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			return fmt.Errorf("got\n%s\nwant\n%s", g, w)
		}
		return nil
	})
}

func TestW3CToRDF(t *testing.T) {
	runSuite(t, "toRdf", "toRdf-manifest.jsonld", func(dir string, tc manifestTest) error {
		opt, err := testOptions(dir, tc)
		if err != nil {
			return err
		}
		doc, err := readInput(dir, tc)
		if err != nil {
			return err
		}
		var got []term.Quad
		err = jsonld.ToRDF(doc, opt, func(q term.Quad) error {
			got = append(got, q)
			return nil
		})
		switch {
		case tc.is("jld:NegativeEvaluationTest"):
			return checkError(tc, err)
		case err != nil:
			return err
		case tc.is("jld:PositiveSyntaxTest"):
			return nil
		}
		want, err := readNQuads(filepath.Join(dir, filepath.FromSlash(tc.Expect)))
		if err != nil {
			return fmt.Errorf("expected output: %v", err)
		}
		if !rdfio.Isomorphic(got, want) {
			return fmt.Errorf("not isomorphic:\ngot:\n%swant:\n%s", dumpQuads(got), dumpQuads(want))
		}
		return nil
	})
}

// readNQuads reads an expected output file; files of generalized RDF may
// have blank node predicates.
func readNQuads(path string) ([]term.Quad, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []term.Quad
	err = rdfio.ParseGeneralizedNQuads(f, rdfio.Options{File: path}, func(q term.Quad) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

func dumpQuads(qs []term.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// jsonLDEqual is the test suite's JSON-LD object comparison: arrays are
// unordered except the values of @list, language tags compare without
// regard to case, numbers by value.
func jsonLDEqual(a, b any, ordered bool) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok {
				return false
			}
			if k == "@language" {
				vs, ok1 := v.(string)
				ws, ok2 := w.(string)
				if ok1 && ok2 && strings.EqualFold(vs, ws) {
					continue
				}
			}
			if !jsonLDEqual(v, w, k == "@list") {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		if ordered {
			for i := range x {
				if !jsonLDEqual(x[i], y[i], false) {
					return false
				}
			}
			return true
		}
		used := make([]bool, len(y))
	next:
		for _, v := range x {
			for j, w := range y {
				if !used[j] && jsonLDEqual(v, w, false) {
					used[j] = true
					continue next
				}
			}
			return false
		}
		return true
	}
	return jsonld.JSONEqual(a, b)
}
