package rdfio

import (
	"strings"
	"testing"

	"kg/term"
)

// The fuzz targets check that no input makes a parser panic or hang, and
// that what the N-Triples parser accepts survives a round trip.

func FuzzTurtle(f *testing.F) {
	for _, s := range []string{
		"@prefix : <http://e/> . :s :p :o, 1.5e3, \"x\"@en ; :q [ :r ( 1 2 ) ] .",
		"PREFIX e: <http://e/> e:a\\~b e:p.q '''x''' .",
		"<a> <b> <c> . _:b1 <p> \"\\u00e5\" .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		for _, parse := range []ParseFunc{ParseTurtle, ParseTriG} {
			_ = parse(strings.NewReader(doc), Options{Base: "http://b/"}, func(term.Quad) error { return nil })
		}
	})
}

func FuzzNQuads(f *testing.F) {
	f.Add("<http://e/s> <http://e/p> \"o\\n\"@en <http://e/g> .\n_:a <http://e/p> \"1\"^^<http://e/t> .")
	f.Fuzz(func(t *testing.T, doc string) {
		var got []term.Quad
		if err := ParseNQuads(strings.NewReader(doc), Options{}, func(q term.Quad) error {
			got = append(got, q)
			return nil
		}); err != nil {
			return
		}
		var b strings.Builder
		for _, q := range got {
			b.WriteString(q.String() + "\n")
		}
		var again []term.Quad
		if err := ParseNQuads(strings.NewReader(b.String()), Options{}, func(q term.Quad) error {
			again = append(again, q)
			return nil
		}); err != nil {
			t.Fatalf("re-parse of %q: %v", b.String(), err)
		}
		if len(again) != len(got) {
			t.Fatalf("round trip changed %d quads into %d", len(got), len(again))
		}
		for i := range got {
			if got[i] != again[i] {
				t.Fatalf("round trip changed %v into %v", got[i], again[i])
			}
		}
	})
}

func FuzzRDFXML(f *testing.F) {
	f.Add(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/"><e:T rdf:about="a"><e:p rdf:parseType="Literal"><b>x</b></e:p></e:T></rdf:RDF>`)
	f.Fuzz(func(t *testing.T, doc string) {
		_ = ParseRDFXML(strings.NewReader(doc), Options{Base: "http://b/"}, func(term.Quad) error { return nil })
	})
}
