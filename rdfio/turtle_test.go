package rdfio

import (
	"strings"
	"testing"

	"kg/term"
)

func parseString(t *testing.T, parse ParseFunc, doc string, opt Options) []term.Quad {
	t.Helper()
	var out []term.Quad
	if err := parse(strings.NewReader(doc), opt, func(q term.Quad) error {
		out = append(out, q)
		return nil
	}); err != nil {
		t.Fatalf("parse %q: %v", doc, err)
	}
	return out
}

func nquads(t *testing.T, doc string) []term.Quad {
	t.Helper()
	return parseString(t, ParseNQuads, doc, Options{})
}

func TestTurtleFeatures(t *testing.T) {
	const pre = "@prefix : <http://e/> .\n"
	cases := []struct {
		name, doc, want string
	}{
		{"numbers keep lexical form", pre + ":s :p 1, -2.50, +1.0e3, .5, 1E0, true, false .",
			`<http://e/s> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://e/s> <http://e/p> "-2.50"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://e/s> <http://e/p> "+1.0e3"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://e/s> <http://e/p> ".5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
<http://e/s> <http://e/p> "1E0"^^<http://www.w3.org/2001/XMLSchema#double> .
<http://e/s> <http://e/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .
<http://e/s> <http://e/p> "false"^^<http://www.w3.org/2001/XMLSchema#boolean> .
`},
		{"integer before final dot", pre + ":s :p 7.", `<http://e/s> <http://e/p> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .` + "\n"},
		{"a and lists", pre + ":s a :C ; :l (1 (:x) []) .",
			`<http://e/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e/C> .
<http://e/s> <http://e/l> _:l1 .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:m1 .
_:m1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://e/x> .
_:m1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l3 .
_:l3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> _:anon .
_:l3 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
`},
		{"empty list", pre + ":s :p () .", "<http://e/s> <http://e/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n"},
		{"property list subject alone", pre + "[ :p :o ] .", "_:x <http://e/p> <http://e/o> .\n"},
		{"local name escapes and dots", pre + `:a\~b :p.q :c.d, :%20x, : .`,
			"<http://e/a~b> <http://e/p.q> <http://e/c.d> .\n<http://e/a~b> <http://e/p.q> <http://e/%20x> .\n<http://e/a~b> <http://e/p.q> <http://e/> .\n"},
		{"strings", pre + `:s :p """a "quoted" ""line""
next""", '''it's''', "\u00e5\U0001F600\t" .`,
			`<http://e/s> <http://e/p> "a \"quoted\" \"\"line\"\"\nnext" .
<http://e/s> <http://e/p> "it's" .
<http://e/s> <http://e/p> "å😀\t" .
`},
		{"language tags are lower-cased", pre + `:s :p "färg"@SV-se .`, `<http://e/s> <http://e/p> "färg"@sv-se .` + "\n"},
		{"datatypes", pre + `:s :p "x"^^:dt, "y"^^<http://e/dt2> .`,
			"<http://e/s> <http://e/p> \"x\"^^<http://e/dt> .\n<http://e/s> <http://e/p> \"y\"^^<http://e/dt2> .\n"},
		{"base and relative IRIs", "@base <http://a/b/c> . <d> <../p> <#f> . BASE <http://x/> PREFIX q: <y/> q:z <p> <> .",
			"<http://a/b/d> <http://a/p> <http://a/b/c#f> .\n<http://x/y/z> <http://x/p> <http://x/> .\n"},
		{"repeated semicolons", pre + ":s :p :o ;; :q :r ; .", "<http://e/s> <http://e/p> <http://e/o> .\n<http://e/s> <http://e/q> <http://e/r> .\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := parseString(t, ParseTurtle, c.doc, Options{})
			want := nquads(t, c.want)
			if !Isomorphic(got, want) {
				t.Errorf("got:\n%swant:\n%s", dump(got), dump(want))
			}
		})
	}
}

func TestTurtleSyntaxErrors(t *testing.T) {
	const pre = "@prefix : <http://e/> .\n"
	cases := []struct{ doc, msg string }{
		{pre + ":s :p :o", "expected '.'"},
		{pre + ":s :p .", "expected object"},
		{pre + ":s :p -. ", "expected digits"},
		{pre + ":s :p +x ", "expected digits"},
		{pre + `:s :p "a` + "\n" + `b" .`, "line break in short string"},
		{pre + ":s :p <a b> .", "not allowed in IRI"},
		{pre + `:s :p <\u0020> .`, "escaped character not allowed in IRI"},
		{pre + `:s :p "x"@ .`, "expected language tag"},
		{pre + ":s :p x:y .", "undefined prefix"},
		{pre + ":s :p bare .", "unexpected word 'bare'"},
		{pre + `:s :p :a\q .`, "bad escape in local name"},
		{pre + ":s :p :a%2 .", "two hexadecimal digits"},
		{pre + "_:b :p :o . :s _:b :o .", "expected predicate"},
		{pre + "\"lit\" :p :o .", "expected subject"},
		{pre + ":s :p :o . } ", "expected subject"},
		{"PREFIX : <http://e/> . :s :p :o .", "expected subject"},
		{pre + "{ :s :p :o }", "expected subject"},
	}
	for _, c := range cases {
		err := ParseTurtle(strings.NewReader(c.doc), Options{}, func(term.Quad) error { return nil })
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: got %v, want error containing %q", c.doc, err, c.msg)
		}
	}
}

func TestTriG(t *testing.T) {
	doc := `@prefix : <http://e/> .
:s :p :o .
:g { :s :p :o2 . :s :q :o3 }
GRAPH :h { [] :p ( 1 ) }
_:b { :s :p :o4 . }
{ :s :p :o5 }
[] { :s :p :o6 }`
	want := `<http://e/s> <http://e/p> <http://e/o> .
<http://e/s> <http://e/p> <http://e/o2> <http://e/g> .
<http://e/s> <http://e/q> <http://e/o3> <http://e/g> .
_:x <http://e/p> _:l <http://e/h> .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <http://e/h> .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> <http://e/h> .
<http://e/s> <http://e/p> <http://e/o4> _:b .
<http://e/s> <http://e/p> <http://e/o5> .
<http://e/s> <http://e/p> <http://e/o6> _:g .
`
	got := parseString(t, ParseTriG, doc, Options{})
	if !Isomorphic(got, nquads(t, want)) {
		t.Errorf("got:\n%swant:\n%s", dump(got), want)
	}
}

func TestBlankPrefixAndFreshLabels(t *testing.T) {
	doc := "_:x <http://e/p> [] . _:_1 <http://e/p> _:x ."
	got := parseString(t, ParseTurtle, doc, Options{BlankPrefix: "d7."})
	labels := map[string]bool{}
	for _, q := range got {
		for _, tm := range []term.Term{q.S, q.O} {
			if tm.IsBlank() {
				if !strings.HasPrefix(tm.Value, "d7.") {
					t.Errorf("label %q lacks the prefix", tm.Value)
				}
				labels[tm.Value] = true
			}
		}
	}
	// _:x, the fresh [] and _:_1 are three different nodes.
	if len(labels) != 3 || !labels["d7.x"] {
		t.Errorf("got labels %v", labels)
	}
}

func TestOnPrefix(t *testing.T) {
	var got []string
	doc := "@base <http://b/> . @prefix ex: <x#> . PREFIX : <http://e/> :a :b :c ."
	parseString(t, ParseTurtle, doc, Options{OnPrefix: func(p, iri string) { got = append(got, p+"="+iri) }})
	if strings.Join(got, " ") != "ex=http://b/x# =http://e/" {
		t.Errorf("got %v", got)
	}
}

func TestPrefixesCollector(t *testing.T) {
	var px Prefixes
	doc := "@prefix b: <http://b/> . @prefix a: <http://a/> . @prefix b: <http://b2/> . b:x a:y b:z ."
	got := parseString(t, ParseTriG, doc, Options{OnPrefix: px.Add})
	if len(got) != 1 || got[0].S.Value != "http://b2/x" {
		t.Fatalf("got %v", got)
	}
	if strings.Join(px.Names(), ",") != "b,a" || px.Len() != 2 {
		t.Errorf("names %v", px.Names())
	}
	if iri, ok := px.IRI("b"); !ok || iri != "http://b2/" || px.Map()["a"] != "http://a/" {
		t.Errorf("b = %q, map %v", iri, px.Map())
	}
}

func TestFileIRI(t *testing.T) {
	if got := FileIRI("/data/a b#1.ttl"); got != "file:///data/a%20b%231.ttl" {
		t.Errorf("FileIRI = %q", got)
	}
}
