package conformance

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"kg/rdfio"
	"kg/sparql/results"
	"kg/term"
)

// expected is the content of a test's mf:result file.
type expected struct {
	Format string          // "xml", "json", "tsv", "csv" or "rdf"
	Result *results.Result // solutions or boolean; nil for a graph
	Graph  []term.Quad     // the expected graph of CONSTRUCT or DESCRIBE
}

// loadExpected reads a result file: the four result formats by extension,
// and RDF files (.ttl, .nt, .rdf) either as a graph or, when they describe
// an rs:ResultSet, as solutions in the result-set vocabulary.
func loadExpected(path string) (*expected, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if f, ok := results.ByExtension(ext); ok && f.Read != nil {
		file, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		r, err := f.Read(file)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		return &expected{Format: f.Name, Result: r}, nil
	}
	quads, err := readRDF(path, "")
	if err != nil {
		return nil, err
	}
	if r, ok, err := resultSetFromGraph(quads); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	} else if ok {
		return &expected{Format: "rdf", Result: r}, nil
	}
	return &expected{Format: "rdf", Graph: quads}, nil
}

// readRDF parses an RDF file by its extension, with its file: IRI as
// base; blankPrefix keeps its blank nodes apart from other files'.
func readRDF(path string, blankPrefix string) ([]term.Quad, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	var parse func(io.Reader, rdfio.Options, func(term.Quad) error) error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ttl":
		parse = rdfio.ParseTurtle
	case ".nt":
		parse = rdfio.ParseNTriples
	case ".nq":
		parse = rdfio.ParseNQuads
	case ".trig":
		parse = rdfio.ParseTriG
	case ".rdf", ".owl":
		parse = rdfio.ParseRDFXML
	default:
		return nil, fmt.Errorf("%s: no RDF parser for this extension", path)
	}
	f, err := os.Open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var quads []term.Quad
	err = parse(f, rdfio.Options{Base: rdfio.FileIRI(abs), BlankPrefix: blankPrefix, File: path}, func(q term.Quad) error {
		quads = append(quads, q)
		return nil
	})
	return quads, err
}

// resultSetFromGraph converts a graph in the DAWG result-set vocabulary
// (rs:ResultSet, rs:solution, rs:binding, rs:boolean) into a Result. It
// reports false when the graph holds no rs:ResultSet.
func resultSetFromGraph(quads []term.Quad) (*results.Result, bool, error) {
	g := manifestGraph{}
	var set term.Term
	for _, q := range quads {
		m := g[q.S]
		if m == nil {
			m = map[string][]term.Term{}
			g[q.S] = m
		}
		m[q.P.Value] = append(m[q.P.Value], q.O)
		if q.P.Value == term.RDFType && q.O == term.IRI(rsNS+"ResultSet") {
			if !set.IsZero() && set != q.S {
				return nil, false, fmt.Errorf("more than one rs:ResultSet")
			}
			set = q.S
		}
	}
	if set.IsZero() {
		return nil, false, nil
	}
	if b := g.one(set, rsNS+"boolean"); !b.IsZero() {
		v, err := strconv.ParseBool(b.Value)
		if err != nil || b.Datatype != term.XSDBoolean {
			return nil, false, fmt.Errorf("rs:boolean %v is not a boolean", b)
		}
		return &results.Result{Boolean: &v}, true, nil
	}
	res := &results.Result{Vars: []string{}}
	index := map[string]int{}
	addVar := func(v string) int {
		if i, ok := index[v]; ok {
			return i
		}
		index[v] = len(res.Vars)
		res.Vars = append(res.Vars, v)
		return index[v]
	}
	for _, v := range g.all(set, rsNS+"resultVariable") {
		addVar(v.Value)
	}
	type solution struct {
		index    int
		bindings map[int]term.Term
	}
	var sols []solution
	for _, s := range g.all(set, rsNS+"solution") {
		sol := solution{index: -1, bindings: map[int]term.Term{}}
		if ix := g.one(s, rsNS+"index"); !ix.IsZero() {
			n, err := strconv.Atoi(ix.Value)
			if err != nil {
				return nil, false, fmt.Errorf("rs:index %v", ix)
			}
			sol.index = n
		}
		for _, b := range g.all(s, rsNS+"binding") {
			name := g.one(b, rsNS+"variable")
			value := g.one(b, rsNS+"value")
			if name.IsZero() || value.IsZero() {
				return nil, false, fmt.Errorf("rs:binding without rs:variable or rs:value")
			}
			sol.bindings[addVar(name.Value)] = value
		}
		sols = append(sols, sol)
	}
	slices.SortStableFunc(sols, func(a, b solution) int { return a.index - b.index })
	for _, s := range sols {
		row := make([]term.Term, len(res.Vars))
		for i, t := range s.bindings {
			row[i] = t
		}
		res.Rows = append(res.Rows, row)
	}
	return res, true, nil
}
