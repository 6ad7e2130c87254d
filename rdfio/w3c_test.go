package rdfio

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kg/internal/testenv"
	"kg/term"
)

const (
	w3cIRI     = "https://w3c.github.io/"
	rdfNS      = term.RDFNS
	mfNS       = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	rdftNS     = "http://www.w3.org/ns/rdftest#"
	floorsFile = "testdata/conformance-floors.txt"
)

// localPath maps an upstream test IRI to the local copy.
func localPath(w3c, iri string) (string, bool) {
	if !strings.HasPrefix(iri, w3cIRI) {
		return "", false
	}
	return filepath.Join(w3c, filepath.FromSlash(strings.TrimPrefix(iri, w3cIRI))), true
}

type manifestTest struct {
	id, name, typ  string
	action, result string
}

// readManifest parses a suite's manifest.ttl with ParseTurtle and returns
// its mf:entries in order.
func readManifest(t testing.TB, w3c, rel string) []manifestTest {
	t.Helper()
	path := filepath.Join(w3c, filepath.FromSlash(rel))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	base := w3cIRI + rel
	props := map[term.Term]map[string][]term.Term{}
	err = ParseTurtle(f, Options{Base: base, File: path}, func(q term.Quad) error {
		m := props[q.S]
		if m == nil {
			m = map[string][]term.Term{}
			props[q.S] = m
		}
		m[q.P.Value] = append(m[q.P.Value], q.O)
		return nil
	})
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	one := func(s term.Term, p string) term.Term {
		if v := props[s][p]; len(v) > 0 {
			return v[0]
		}
		return term.Term{}
	}
	list := one(term.IRI(base), mfNS+"entries")
	var tests []manifestTest
	for list.Kind != term.KindNone && list.Value != term.RDFNil {
		e := one(list, term.RDFFirst)
		tests = append(tests, manifestTest{
			id:     e.Value,
			name:   one(e, mfNS+"name").Value,
			typ:    one(e, term.RDFType).Value,
			action: one(e, mfNS+"action").Value,
			result: one(e, mfNS+"result").Value,
		})
		list = one(list, term.RDFRest)
	}
	if len(tests) == 0 {
		t.Fatalf("%s: no entries", rel)
	}
	return tests
}

func parseFile(w3c, iri string, parse ParseFunc) ([]term.Quad, error) {
	path, ok := localPath(w3c, iri)
	if !ok {
		return nil, fmt.Errorf("no local copy of %s", iri)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []term.Quad
	err = parse(f, Options{Base: iri, File: filepath.Base(path), BlankPrefix: ""}, func(q term.Quad) error {
		out = append(out, q)
		return nil
	})
	return out, err
}

func readFloors(t testing.TB) map[string]int {
	t.Helper()
	f, err := os.Open(floorsFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	floors := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		name, num, ok := strings.Cut(line, " ")
		n, err := strconv.Atoi(strings.TrimSpace(num))
		if !ok || err != nil {
			t.Fatalf("%s: bad line %q", floorsFile, line)
		}
		floors[name] = n
	}
	return floors
}

func checkFloor(t *testing.T, suite string, passed, failed int) {
	t.Logf("%s: %d passed, %d failed", suite, passed, failed)
	floor, ok := readFloors(t)[suite]
	if !ok {
		t.Errorf("no floor recorded for %s in %s", suite, floorsFile)
		return
	}
	if passed < floor {
		t.Errorf("%s: %d passed, below the floor of %d", suite, passed, floor)
	}
}

func TestW3CRDFSyntaxSuites(t *testing.T) {
	w3c := testenv.W3CDir(t)
	suites := []struct {
		name, dir string
		parse     ParseFunc
	}{
		{"rdf-n-triples", "rdf-tests/rdf/rdf11/rdf-n-triples/", ParseNTriples},
		{"rdf-n-quads", "rdf-tests/rdf/rdf11/rdf-n-quads/", ParseNQuads},
		{"rdf-turtle", "rdf-tests/rdf/rdf11/rdf-turtle/", ParseTurtle},
		{"rdf-trig", "rdf-tests/rdf/rdf11/rdf-trig/", ParseTriG},
		{"rdf-xml", "rdf-tests/rdf/rdf11/rdf-xml/", ParseRDFXML},
	}
	for _, s := range suites {
		t.Run(s.name, func(t *testing.T) {
			tests := readManifest(t, w3c, s.dir+"manifest.ttl")
			passed, failed := 0, 0
			for _, tc := range tests {
				if err := runSyntaxTest(w3c, tc, s.parse); err != nil {
					failed++
					t.Logf("FAIL %s: %v", tc.name, err)
				} else {
					passed++
				}
			}
			checkFloor(t, s.name, passed, failed)
		})
	}
}

func runSyntaxTest(w3c string, tc manifestTest, parse ParseFunc) error {
	typ := strings.TrimPrefix(tc.typ, rdftNS)
	got, err := parseFile(w3c, tc.action, parse)
	switch {
	case strings.HasSuffix(typ, "PositiveSyntax"):
		return err
	case strings.HasSuffix(typ, "NegativeSyntax"):
		if err == nil {
			return fmt.Errorf("parsed without error, want a syntax error")
		}
		if _, ok := err.(*SyntaxError); !ok {
			return fmt.Errorf("error is not a *SyntaxError: %v", err)
		}
		return nil
	case strings.HasSuffix(typ, "Eval"):
		if err != nil {
			return err
		}
		expParse := ParseNTriples
		if strings.HasSuffix(tc.result, ".nq") {
			expParse = ParseNQuads
		}
		want, err := parseFile(w3c, tc.result, expParse)
		if err != nil {
			return fmt.Errorf("expected result: %v", err)
		}
		if !Isomorphic(got, want) {
			return fmt.Errorf("result not isomorphic to %s:\ngot:\n%s\nwant:\n%s", tc.result, dump(got), dump(want))
		}
		return nil
	}
	return fmt.Errorf("unknown test type %s", tc.typ)
}

func dump(qs []term.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	return b.String()
}
