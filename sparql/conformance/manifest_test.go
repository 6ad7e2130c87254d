// Package conformance runs the W3C SPARQL 1.1 query test suite
// (rdf-tests/sparql/sparql11) against kg's SPARQL engine and result
// formats. It holds tests only.
//
// Run everything with per-folder counts:
//
//	go test ./sparql/conformance -v -run TestSPARQL11
//
// One folder or one test (subtests are named folder/entry, the entry being
// the local name of the test's IRI in its manifest):
//
//	go test ./sparql/conformance -v -run 'TestSPARQL11/aggregates/agg01$' -diff
//
// -diff (or KG_SPARQL_DIFF=1) prints the query, the expected and the actual
// result of every failing test; -strict (or KG_SPARQL_STRICT=1) makes each
// failing test fail on its own instead of only counting it. Without
// -strict the suite fails when a folder passes fewer tests than its floor
// in testdata/floors.txt.
package conformance

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"kg/rdfio"
	"kg/term"
)

// Vocabularies of the test manifests.
const (
	mfNS    = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	qtNS    = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#"
	dawgtNS = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#"
	rdftNS  = "http://www.w3.org/ns/rdftest#"
	rsNS    = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
)

// testCase is one entry of a folder manifest.
type testCase struct {
	Folder   string   // folder of the manifest, e.g. "aggregates"
	ID       string   // local name of the entry IRI, e.g. "agg01"
	Name     string   // mf:name
	Type     string   // local name of the rdf:type, e.g. "QueryEvaluationTest"
	Approval string   // local name of dawgt:approval; "" when absent
	Requires []string // local names of mf:requires
	Lax      bool     // mf:resultCardinality mf:LaxCardinality
	Query    string   // path of the query file
	Data     []string // paths of qt:data files, merged into the default graph
	Graphs   []string // paths of qt:graphData files, each a named graph
	Result   string   // path of mf:result; "" for syntax tests
}

// Approved reports whether the test is marked dawgt:Approved.
func (tc *testCase) Approved() bool { return tc.Approval == "Approved" }

// manifestGraph indexes a parsed manifest by subject and predicate.
type manifestGraph map[term.Term]map[string][]term.Term

func (g manifestGraph) all(s term.Term, p string) []term.Term { return g[s][p] }

func (g manifestGraph) one(s term.Term, p string) term.Term {
	if o := g[s][p]; len(o) > 0 {
		return o[0]
	}
	return term.Term{}
}

// list reads an RDF collection.
func (g manifestGraph) list(head term.Term) ([]term.Term, error) {
	var out []term.Term
	for n := 0; head != term.IRI(term.RDFNil); n++ {
		if head.IsZero() || n > 1_000_000 {
			return nil, fmt.Errorf("malformed RDF list")
		}
		out = append(out, g.one(head, term.RDFFirst))
		head = g.one(head, term.RDFRest)
	}
	return out, nil
}

// readGraph parses a Turtle manifest with its file: IRI as base.
func readGraph(path string) (manifestGraph, string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, "", err
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	base := rdfio.FileIRI(abs)
	g := manifestGraph{}
	err = rdfio.ParseTurtle(f, rdfio.Options{Base: base, File: path}, func(q term.Quad) error {
		m := g[q.S]
		if m == nil {
			m = map[string][]term.Term{}
			g[q.S] = m
		}
		m[q.P.Value] = append(m[q.P.Value], q.O)
		return nil
	})
	return g, base, err
}

// filePath maps a file: IRI back to a local path.
func filePath(iri term.Term) (string, error) {
	if !iri.IsIRI() || !strings.HasPrefix(iri.Value, "file://") {
		return "", fmt.Errorf("%v is not a file IRI", iri)
	}
	p, err := url.PathUnescape(strings.TrimPrefix(iri.Value, "file://"))
	if err != nil {
		return "", err
	}
	return filepath.FromSlash(p), nil
}

func localName(iri term.Term) string {
	s := iri.Value
	if i := strings.LastIndexAny(s, "#/"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// loadSuite reads an aggregating manifest (mf:include) and every folder
// manifest it includes, in order.
func loadSuite(path string) ([]*testCase, error) {
	g, base, err := readGraph(path)
	if err != nil {
		return nil, err
	}
	var tests []*testCase
	for _, inc := range g.all(term.IRI(base), mfNS+"include") {
		manifests, err := g.list(inc)
		if err != nil {
			return nil, fmt.Errorf("%s: mf:include: %v", path, err)
		}
		for _, m := range manifests {
			p, err := filePath(m)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", path, err)
			}
			ts, err := loadManifest(p)
			if err != nil {
				return nil, err
			}
			tests = append(tests, ts...)
		}
	}
	if len(tests) == 0 {
		return nil, fmt.Errorf("%s: no tests found", path)
	}
	return tests, nil
}

// loadManifest reads the entries of one folder manifest.
func loadManifest(path string) ([]*testCase, error) {
	g, base, err := readGraph(path)
	if err != nil {
		return nil, err
	}
	folder := filepath.Base(filepath.Dir(path))
	var tests []*testCase
	for _, head := range g.all(term.IRI(base), mfNS+"entries") {
		entries, err := g.list(head)
		if err != nil {
			return nil, fmt.Errorf("%s: mf:entries: %v", path, err)
		}
		for _, e := range entries {
			tc, err := readEntry(g, folder, e)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %v", path, localName(e), err)
			}
			tests = append(tests, tc)
		}
	}
	return tests, nil
}

func readEntry(g manifestGraph, folder string, e term.Term) (*testCase, error) {
	tc := &testCase{Folder: folder, ID: localName(e), Name: g.one(e, mfNS+"name").Value}
	for _, t := range g.all(e, term.RDFType) {
		if strings.HasPrefix(t.Value, mfNS) {
			tc.Type = localName(t)
		}
	}
	if tc.Type == "" {
		return nil, fmt.Errorf("no mf: test type")
	}
	if a := g.one(e, dawgtNS+"approval"); !a.IsZero() {
		tc.Approval = localName(a)
	} else if a := g.one(e, rdftNS+"approval"); !a.IsZero() {
		tc.Approval = localName(a)
	}
	for _, r := range g.all(e, mfNS+"requires") {
		tc.Requires = append(tc.Requires, localName(r))
	}
	tc.Lax = localName(g.one(e, mfNS+"resultCardinality")) == "LaxCardinality"

	action := g.one(e, mfNS+"action")
	var err error
	switch {
	case action.IsZero():
		return nil, fmt.Errorf("no mf:action")
	case action.IsIRI():
		// Syntax tests name the query file directly.
		if tc.Query, err = filePath(action); err != nil {
			return nil, err
		}
	default:
		if tc.Query, err = filePath(g.one(action, qtNS+"query")); err != nil {
			return nil, fmt.Errorf("qt:query: %v", err)
		}
		for _, d := range g.all(action, qtNS+"data") {
			p, err := filePath(d)
			if err != nil {
				return nil, fmt.Errorf("qt:data: %v", err)
			}
			tc.Data = append(tc.Data, p)
		}
		for _, d := range g.all(action, qtNS+"graphData") {
			p, err := filePath(d)
			if err != nil {
				return nil, fmt.Errorf("qt:graphData: %v", err)
			}
			tc.Graphs = append(tc.Graphs, p)
		}
	}
	if r := g.one(e, mfNS+"result"); !r.IsZero() {
		if tc.Result, err = filePath(r); err != nil {
			return nil, fmt.Errorf("mf:result: %v", err)
		}
	}
	if (tc.Type == "QueryEvaluationTest" || tc.Type == "CSVResultFormatTest") && tc.Result == "" {
		return nil, fmt.Errorf("%s without mf:result", tc.Type)
	}
	return tc, nil
}
