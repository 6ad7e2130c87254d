package rdfio

import (
	"strings"
	"testing"

	"kg/term"
)

func TestNTriplesTerms(t *testing.T) {
	cases := []struct {
		line string
		want term.Quad
	}{
		{`<http://e/s> <http://e/p> <http://e/o> .`, term.Quad{S: term.IRI("http://e/s"), P: term.IRI("http://e/p"), O: term.IRI("http://e/o")}},
		{`_:b1 <http://e/p> "a\tb\u00E5\U0001F600\"" .`, term.Quad{S: term.Blank("b1"), P: term.IRI("http://e/p"), O: term.String("a\tbå😀\"")}},
		{`<http://e/\u00E5> <http://e/p> "x"@EN-gb .`, term.Quad{S: term.IRI("http://e/å"), P: term.IRI("http://e/p"), O: term.LangString("x", "en-GB")}},
		{`<http://e/s> <http://e/p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> . # comment`, term.Quad{S: term.IRI("http://e/s"), P: term.IRI("http://e/p"), O: term.Literal("01", term.XSDInteger)}},
		{"<http://e/s><http://e/p>_:o.", term.Quad{S: term.IRI("http://e/s"), P: term.IRI("http://e/p"), O: term.Blank("o")}},
	}
	for _, c := range cases {
		got := parseString(t, ParseNTriples, c.line, Options{})
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: got %v, want %v", c.line, got, c.want)
		}
	}
	q := parseString(t, ParseNQuads, "_:s <http://e/p> \"o\" <http://e/g> .\n_:s <http://e/p> \"o\" _:g .", Options{BlankPrefix: "f."})
	if len(q) != 2 || q[0].G != term.IRI("http://e/g") || q[1].G != term.Blank("f.g") || q[0].S != term.Blank("f.s") {
		t.Errorf("N-Quads: got %v", q)
	}
}

func TestNTriplesErrors(t *testing.T) {
	cases := []struct {
		doc  string
		want string
	}{
		{"<http://e/s> <http://e/p> <http://e/o>", "1:39: expected '.'"},
		{"<http://e/s> <http://e/p> <o> .", "1:27: relative IRI"},
		{"\n<http://e/s> <http://e/p> \"é\" <http://e/g> .", "2:31: expected '.'"},
		{"<http://e/s> <http://e/p> \"x\"@1 .", "1:31: bad language tag"},
		{"<http://e/s> <http://e/p> \"\\q\" .", "1:28: bad escape"},
		{"<http://e/s> <http://e/p> 12 .", "1:27: expected IRI, blank node or literal"},
		{"<http://e/s> <http://e/p> <http://e/o> . <http://e/s> <http://e/p> <http://e/o> .", "1:42: unexpected text after '.'"},
		{"<http://e/ s> <http://e/p> <http://e/o> .", "1:11: character not allowed in IRI"},
		{"_:a _:b <http://e/o> .", "1:5: expected IRI"},
	}
	for _, c := range cases {
		err := ParseNTriples(strings.NewReader(c.doc), Options{}, func(term.Quad) error { return nil })
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.doc, err, c.want)
		}
	}
	// A graph label is an error in N-Triples but not in N-Quads.
	doc := "<http://e/s> <http://e/p> <http://e/o> <http://e/g> ."
	if err := ParseNTriples(strings.NewReader(doc), Options{}, func(term.Quad) error { return nil }); err == nil {
		t.Error("N-Triples accepted a graph label")
	}
}

// TestNTriplesLongLine checks lines longer than the read buffer.
func TestNTriplesLongLine(t *testing.T) {
	long := strings.Repeat("ö", 200_000)
	doc := "<http://e/s> <http://e/p> \"" + long + "\" .\n<http://e/s> <http://e/p> \"short\" .\n"
	got := parseString(t, ParseNTriples, doc, Options{})
	if len(got) != 2 || got[0].O.Value != long || got[1].O.Value != "short" {
		t.Fatalf("got %d quads", len(got))
	}
}
