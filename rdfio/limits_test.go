package rdfio

import (
	"errors"
	"strings"
	"testing"

	"kg/term"
)

// The documents of issue 11 that overflowed the stack: each must give a
// syntax error at the place the nesting limit is crossed.
func TestNestingLimit(t *testing.T) {
	const n = 1_000_000
	xmlDoc := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">` + "\n" +
		strings.Repeat(`<e:T><e:p>`, n/2) + strings.Repeat(`</e:p></e:T>`, n/2) + `</rdf:RDF>`
	cases := []struct {
		name  string
		parse ParseFunc
		doc   string
		want  string
	}{
		{"turtle collections", ParseTurtle, "<http://e/s> <http://e/p> " + strings.Repeat("(", n) + strings.Repeat(")", n) + " .",
			"d.ttl:1:1027: nesting deeper than 1000"},
		{"turtle property lists", ParseTurtle, "@prefix ex: <http://e/> .\nex:a ex:b " + strings.Repeat("[ ex:b ", n/7) + "1" + strings.Repeat("]", n/7) + " .",
			"d.ttl:2:7011: nesting deeper than 1000"},
		{"turtle subject collections", ParseTurtle, strings.Repeat("(", n) + strings.Repeat(")", n) + " <http://e/p> 1 .",
			"d.ttl:1:1001: nesting deeper than 1000"},
		{"trig collections", ParseTriG, "<http://e/g> { <http://e/s> <http://e/p> " + strings.Repeat("(", n) + strings.Repeat(")", n) + " }",
			"d.ttl:1:1042: nesting deeper than 1000"},
		{"trig property lists", ParseTriG, "@prefix ex: <http://e/> .\n{ ex:a ex:b " + strings.Repeat("[ ex:b ", n/7) + "1" + strings.Repeat("]", n/7) + " }",
			"d.ttl:2:7013: nesting deeper than 1000"},
		{"rdf/xml elements", ParseRDFXML, xmlDoc, "d.ttl:2:4996: nesting deeper than 1000"},
		{"json-ld arrays", ParseJSONLD, strings.Repeat("[", n) + strings.Repeat("]", n), "d.ttl:1:1001: nesting deeper than 1000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.parse(strings.NewReader(c.doc), Options{File: "d.ttl", Base: "http://b/"}, func(term.Quad) error { return nil })
			var se *SyntaxError
			if !errors.As(err, &se) || err.Error() != c.want {
				t.Fatalf("got %v, want %s", err, c.want)
			}
		})
	}
}

// The limit leaves room for real documents and can be changed.
func TestNestingLimitAdmits(t *testing.T) {
	doc := "<http://e/s> <http://e/p> " + strings.Repeat("(", 999) + strings.Repeat(")", 999) + " ."
	count := func(opt Options) (int, error) {
		n := 0
		err := ParseTurtle(strings.NewReader(doc), opt, func(term.Quad) error { n++; return nil })
		return n, err
	}
	if n, err := count(Options{}); err != nil || n != 1+2*998 {
		t.Errorf("999 levels: %d quads, %v", n, err)
	}
	if _, err := count(Options{MaxDepth: 100}); err == nil || !strings.Contains(err.Error(), "nesting deeper than 100") {
		t.Errorf("MaxDepth 100: %v", err)
	}
}

func TestTermSizeLimit(t *testing.T) {
	long := strings.Repeat("x", 5000)
	cases := []struct {
		name  string
		parse ParseFunc
		doc   string
		want  string
	}{
		{"turtle string", ParseTurtle, `<http://e/s> <http://e/p> "` + long + `" .`, "1:4125: term longer than 4096 bytes"},
		{"turtle long string", ParseTurtle, `<http://e/s> <http://e/p> """` + long + `""" .`, "1:4127: term longer than 4096 bytes"},
		{"turtle IRI", ParseTurtle, `<http://e/s> <http://e/p> <http://e/` + long + `> .`, "1:4125: term longer than 4096 bytes"},
		{"turtle name", ParseTurtle, "@prefix e: <http://e/> . e:s e:p e:" + long + " .", "1:4133: term longer than 4096 bytes"},
		{"turtle blank node", ParseTurtle, "<http://e/s> <http://e/p> _:" + long + " .", "1:4126: term longer than 4096 bytes"},
		{"turtle number", ParseTurtle, "<http://e/s> <http://e/p> " + strings.Repeat("1", 5000) + " .", "1:4124: term longer than 4096 bytes"},
		{"turtle language tag", ParseTurtle, `<http://e/s> <http://e/p> "x"@en-` + long + " .", "1:4128: term longer than 4096 bytes"},
		{"n-triples line", ParseNTriples, "<http://e/s> <http://e/p> \"a\" .\n<http://e/s> <http://e/p> \"" + strings.Repeat(long, 20) + "\" .\n", "2:1: line longer than 4096 bytes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.parse(strings.NewReader(c.doc), Options{MaxTermSize: 4096}, func(term.Quad) error { return nil })
			if err == nil || err.Error() != c.want {
				t.Fatalf("got %v, want %s", err, c.want)
			}
		})
	}
}
