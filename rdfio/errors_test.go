package rdfio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/term"
)

// TestErrorPositions parses malformed fixtures and checks the exact
// position reported; columns count characters, so the fixtures put
// non-ASCII text before the error.
func TestErrorPositions(t *testing.T) {
	cases := []struct {
		file  string
		parse ParseFunc
		want  string // error text up to and including the message start
	}{
		{"undefined-prefix.ttl", ParseTurtle, "undefined-prefix.ttl:4:26: undefined prefix 'undefined:'"},
		{"unterminated.nt", ParseNTriples, "unterminated.nt:2:47: unterminated string"},
		{"nested-graph.trig", ParseTriG, "nested-graph.trig:4:7: expected predicate, found '{' (graphs cannot be nested)"},
		{"li-node.rdf", ParseRDFXML, "li-node.rdf:5:3: rdf:li is not allowed as a node element"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", c.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			err = c.parse(f, Options{File: c.file, Base: "http://example.org/doc"}, func(term.Quad) error { return nil })
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("want *SyntaxError, got %v", err)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got  %q\nwant %q", err.Error(), c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err.Error())
			}
		})
	}
}

func TestSyntaxErrorFormat(t *testing.T) {
	e := &SyntaxError{Line: 3, Col: 7, Msg: "bad"}
	if e.Error() != "3:7: bad" {
		t.Errorf("got %q", e.Error())
	}
	e.File = "x.ttl"
	if e.Error() != "x.ttl:3:7: bad" {
		t.Errorf("got %q", e.Error())
	}
}

// TestEmitErrorStops checks that an error returned by emit ends the parse
// and comes back unchanged.
func TestEmitErrorStops(t *testing.T) {
	stop := errors.New("stop")
	docs := []struct {
		parse ParseFunc
		doc   string
	}{
		{ParseNTriples, "<http://e/a> <http://e/p> <http://e/o> .\n<http://e/a> <http://e/p> <http://e/o2> .\n"},
		{ParseTurtle, "<http://e/a> <http://e/p> 1, 2, 3 ."},
		{ParseTriG, "{ <http://e/a> <http://e/p> 1, 2, 3 }"},
		{ParseRDFXML, `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/"><e:T/><e:T/></rdf:RDF>`},
	}
	for i, d := range docs {
		n := 0
		err := d.parse(strings.NewReader(d.doc), Options{}, func(term.Quad) error {
			n++
			return stop
		})
		if err != stop || n != 1 {
			t.Errorf("case %d: got %v after %d quads", i, err, n)
		}
	}
}
