package rdfio

import (
	"strings"
	"testing"

	"kg/term"
)

// The fuzz targets check that no input makes a parser panic, hang or
// overflow its stack, that whatever a parser accepts is well-formed RDF
// (the store would refuse anything else), and that what the N-Triples
// parser accepts survives a round trip. Seeds include nesting past the
// limit in every shape a parser recurses on, and the ill-formed terms
// that once reached the store.

// deep repeats open n times, puts mid in the middle and close after.
func deep(open, mid, close string, n int) string {
	return strings.Repeat(open, n) + mid + strings.Repeat(close, n)
}

// wellFormed is an emit function that fails the fuzz run on a quad that
// is not well-formed RDF.
func wellFormed(t *testing.T) func(term.Quad) error {
	return func(q term.Quad) error {
		if err := q.Check(); err != nil {
			t.Fatalf("parser emitted %v: %v", q, err)
		}
		return nil
	}
}

func FuzzTurtle(f *testing.F) {
	for _, s := range []string{
		"@prefix : <http://e/> . :s :p :o, 1.5e3, \"x\"@en ; :q [ :r ( 1 2 ) ] .",
		"PREFIX e: <http://e/> e:a\\~b e:p.q '''x''' .",
		"<a> <b> <c> . _:b1 <p> \"\\u00e5\" .",
		"<a> <b> " + deep("(", "1", ")", 2000) + " .",
		"@prefix ex: <http://e/> . ex:a ex:b " + deep("[ ex:b ", "1", "]", 2000) + " .",
		deep("(", "", ")", 2000) + " <p> 1 .",
		"{ <a> <b> " + deep("[ <p> ", "1", " ]", 1100) + " }",
		"<a b> <c> <d> .",
		"<a> <b> \"x\"@en-abcdefghi .",
		"<a> <b> <%zz> .",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		for _, parse := range []ParseFunc{ParseTurtle, ParseTriG} {
			_ = parse(strings.NewReader(doc), Options{Base: "http://b/", MaxTermSize: 1 << 16}, wellFormed(t))
		}
	})
}

func FuzzNQuads(f *testing.F) {
	f.Add("<http://e/s> <http://e/p> \"o\\n\"@en <http://e/g> .\n_:a <http://e/p> \"1\"^^<http://e/t> .")
	f.Add("<http://e/a b> <http://e/p> <http://e/o> .")
	f.Add("<http://e/s> <http://e/p> \"x\"@abcdefghij .")
	f.Add("<http://e/s> <http://e/p> <http://e/%zz> <not-absolute> .")
	f.Fuzz(func(t *testing.T, doc string) {
		var got []term.Quad
		check := wellFormed(t)
		if err := ParseNQuads(strings.NewReader(doc), Options{}, func(q term.Quad) error {
			got = append(got, q)
			return check(q)
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
	const head = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">`
	f.Add(head + `<e:T rdf:about="a"><e:p rdf:parseType="Literal"><b>x</b></e:p></e:T></rdf:RDF>`)
	f.Add(head + deep("<e:T><e:p>", "", "</e:p></e:T>", 1000) + `</rdf:RDF>`)
	f.Add(head + `<e:T><e:p rdf:parseType="Literal">` + deep("<b>", "x", "</b>", 2000) + `</e:p></e:T></rdf:RDF>`)
	f.Add(head + `<e:T rdf:about="http://e/a b"/></rdf:RDF>`)
	f.Add(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e /"><e:T/></rdf:RDF>`)
	f.Add(head + `<e:T><e:p xml:lang="en us">x</e:p></e:T></rdf:RDF>`)
	f.Fuzz(func(t *testing.T, doc string) {
		_ = ParseRDFXML(strings.NewReader(doc), Options{Base: "http://b/"}, wellFormed(t))
	})
}

func FuzzJSONLD(f *testing.F) {
	f.Add(`{"@context": {"@vocab": "http://e/"}, "@id": "http://e/a", "p": [1, "x", {"@value": "y", "@language": "sv"}]}`)
	f.Add(deep("[", "", "]", 2000))
	f.Add(deep(`{"http://e/p": `, `"x"`, "}", 1100))
	f.Add(`{"@context": "file:///etc/passwd", "@id": "http://e/a"}`)
	f.Add(`{"@id": "http://e/a b", "http://e/p": {"@value": "x", "@language": "en us"}}`)
	f.Fuzz(func(t *testing.T, doc string) {
		_ = ParseJSONLD(strings.NewReader(doc), Options{Base: "http://b/"}, wellFormed(t))
	})
}
