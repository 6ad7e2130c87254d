package parse

import (
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kg/internal/testenv"
	"kg/rdfio"
	"kg/term"
)

const (
	mfNS       = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	qtNS       = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
	floorsFile = "testdata/syntax-floor.txt"
)

type syntaxTest struct {
	name, typ, file string
}

// readManifest returns the syntax tests listed in mf:entries of one
// manifest, in order.
func readManifest(t *testing.T, path string) []syntaxTest {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props := map[term.Term]map[string][]term.Term{}
	err = rdfio.ParseTurtle(f, rdfio.Options{Base: rdfio.FileIRI(path), File: path}, func(q term.Quad) error {
		if props[q.S] == nil {
			props[q.S] = map[string][]term.Term{}
		}
		props[q.S][q.P.Value] = append(props[q.S][q.P.Value], q.O)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	one := func(s term.Term, p string) term.Term {
		if v := props[s][p]; len(v) > 0 {
			return v[0]
		}
		return term.Term{}
	}
	var tests []syntaxTest
	for _, list := range props[term.IRI(rdfio.FileIRI(path))][mfNS+"entries"] {
		for n := list; n.Value != term.RDFNil && !n.IsZero(); n = one(n, term.RDFRest) {
			e := one(n, term.RDFFirst)
			typ := strings.TrimPrefix(one(e, term.RDFType).Value, mfNS)
			action := one(e, mfNS+"action")
			switch typ {
			case "PositiveSyntaxTest11", "NegativeSyntaxTest11":
			case "QueryEvaluationTest", "CSVResultFormatTest":
				// The query of an evaluation test must parse.
				typ, action = "PositiveSyntaxTest11", one(action, qtNS+"query")
			default:
				continue
			}
			u, err := url.Parse(action.Value)
			if err != nil {
				t.Fatal(err)
			}
			tests = append(tests, syntaxTest{name: one(e, mfNS+"name").Value, typ: typ, file: u.Path})
		}
	}
	return tests
}

func TestW3CSyntax(t *testing.T) {
	dir := filepath.Join(testenv.W3CDir(t), "rdf-tests", "sparql", "sparql11")
	manifests, err := filepath.Glob(filepath.Join(dir, "*", "manifest.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	floors := readFloors(t)
	total := 0
	for _, m := range manifests {
		folder := filepath.Base(filepath.Dir(m))
		passed, failed := 0, 0
		for _, st := range readManifest(t, m) {
			src, err := os.ReadFile(st.file)
			if err != nil {
				t.Fatal(err)
			}
			_, perr := Query(string(src), Options{Base: rdfio.FileIRI(st.file)})
			ok := (perr == nil) == (st.typ == "PositiveSyntaxTest11")
			if ok {
				passed++
				continue
			}
			failed++
			t.Errorf("%s %s (%s): error %v", folder, filepath.Base(st.file), st.typ, perr)
		}
		if passed+failed == 0 {
			continue
		}
		t.Logf("%s: %d passed, %d failed", folder, passed, failed)
		total += passed
		if passed < floors[folder] {
			t.Errorf("%s: %d passed, below the floor of %d", folder, passed, floors[folder])
		}
	}
	if total < floors["total"] {
		t.Errorf("%d passed in all, below the floor of %d", total, floors["total"])
	}
	if total == 0 {
		t.Fatal("no syntax test found")
	}
}

// readFloors reads "folder count" lines.
func readFloors(t *testing.T) map[string]int {
	b, err := os.ReadFile(floorsFile)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]int{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) != 2 || strings.HasPrefix(line, "#") {
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			t.Fatalf("%s: %v", floorsFile, err)
		}
		m[f[0]] = n
	}
	return m
}
