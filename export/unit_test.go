package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"kg/term"
)

const xsd = term.XSDNS

// ttlObject writes one triple with object o as Turtle and returns the text
// after the predicate.
func ttlObject(t *testing.T, o term.Term) string {
	t.Helper()
	var buf bytes.Buffer
	enc := newTurtle(&buf, Options{Prefixes: []Prefix{{Name: "xsd", IRI: xsd}, {Name: "ex", IRI: "http://example.org/"}}})
	if err := enc.Encode(term.Quad{S: term.IRI("http://example.org/s"), P: term.IRI("http://example.org/p"), O: o}); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	i := strings.Index(out, "ex:s ex:p ")
	if i < 0 {
		t.Fatalf("unexpected output:\n%s", out)
	}
	return strings.TrimSuffix(strings.TrimSpace(out[i+len("ex:s ex:p "):]), " .")
}

func TestTurtleTerms(t *testing.T) {
	tests := []struct {
		name string
		o    term.Term
		want string
	}{
		{"integer", term.Literal("42", xsd+"integer"), `42`},
		{"integer leading zero", term.Literal("01", xsd+"integer"), `01`},
		{"integer signed", term.Literal("+7", xsd+"integer"), `+7`},
		{"integer not a number", term.Literal("abc", xsd+"integer"), `"abc"^^xsd:integer`},
		{"integer with space", term.Literal(" 1", xsd+"integer"), `" 1"^^xsd:integer`},
		{"decimal", term.Literal("1.0", xsd+"decimal"), `1.0`},
		{"decimal without dot", term.Literal("1", xsd+"decimal"), `"1"^^xsd:decimal`},
		{"decimal trailing dot", term.Literal("1.", xsd+"decimal"), `"1."^^xsd:decimal`},
		{"decimal leading dot", term.Literal(".5", xsd+"decimal"), `.5`},
		{"double", term.Literal("1e0", xsd+"double"), `1e0`},
		{"double full", term.Literal("-1.5E+10", xsd+"double"), `-1.5E+10`},
		{"double without exponent", term.Literal("1.5", xsd+"double"), `"1.5"^^xsd:double`},
		{"double INF", term.Literal("INF", xsd+"double"), `"INF"^^xsd:double`},
		{"boolean", term.Literal("false", xsd+"boolean"), `false`},
		{"boolean digit", term.Literal("1", xsd+"boolean"), `"1"^^xsd:boolean`},
		{"boolean capital", term.Literal("True", xsd+"boolean"), `"True"^^xsd:boolean`},
		{"float is not a shorthand", term.Literal("1e0", xsd+"float"), `"1e0"^^xsd:float`},
		{"date", term.Literal("2024-01-31", xsd+"date"), `"2024-01-31"^^xsd:date`},
		{"dateTime escaped", term.Literal(`2024"`, xsd+"dateTime"), `"2024\""^^xsd:dateTime`},
		{"unknown datatype", term.Literal("x", "http://other.example/dt"), `"x"^^<http://other.example/dt>`},
		{"string", term.String("hej"), `"hej"`},
		{"string quotes", term.String(`a "b" c`), `"a \"b\" c"`},
		{"string backslash", term.String(`a\b`), `"a\\b"`},
		{"string tab", term.String("a\tb"), `"a\tb"`},
		{"string CR", term.String("a\rb"), `"a\rb"`},
		{"string control", term.String("a\x01b"), `"a\u0001b"`},
		{"string DEL", term.String("a\x7fb"), `"a\u007Fb"`},
		{"string beyond BMP", term.String("😀"), `"😀"`},
		{"empty string", term.String(""), `""`},
		{"long string", term.String("a\nb"), "\"\"\"a\nb\"\"\""},
		{"long string quotes", term.String("\"\"\"\n\""), "\"\"\"\\\"\\\"\\\"\n\\\"\"\"\""},
		{"long string backslash", term.String("\\\n"), "\"\"\"\\\\\n\"\"\""},
		{"lang", term.LangString("hej", "sv"), `"hej"@sv`},
		{"lang region", term.LangString("hej", "sv-SE"), `"hej"@sv-se`},
		{"lang three subtags", term.LangString("x", "en-GB-oxendict"), `"x"@en-gb-oxendict`},
		{"lang long", term.LangString("rad\nrad", "sv"), "\"\"\"rad\nrad\"\"\"@sv"},
		{"hand-built literal", term.Term{Kind: term.KindLiteral, Value: "x"}, `"x"`},
		{"hand-built lang", term.Term{Kind: term.KindLiteral, Value: "x", Lang: "SV"}, `"x"@sv`},
		{"prefixed", term.IRI("http://example.org/abc"), `ex:abc`},
		{"prefixed digits first", term.IRI("http://example.org/2020"), `ex:2020`},
		{"prefixed inner dot", term.IRI("http://example.org/a.b"), `ex:a.b`},
		{"prefixed non-ASCII", term.IRI("http://example.org/Malmö"), `ex:Malmö`},
		{"prefixed empty local", term.IRI("http://example.org/"), `ex:`},
		{"trailing dot", term.IRI("http://example.org/a."), `<http://example.org/a.>`},
		{"slash", term.IRI("http://example.org/a/b"), `<http://example.org/a/b>`},
		{"percent", term.IRI("http://example.org/a%20b"), `<http://example.org/a%20b>`},
		{"parens", term.IRI("http://example.org/a(b)"), `<http://example.org/a(b)>`},
		{"query", term.IRI("http://example.org/a?b=c"), `<http://example.org/a?b=c>`},
		{"leading dash", term.IRI("http://example.org/-a"), `<http://example.org/-a>`},
		{"blank", term.Blank("b0"), `_:b0`},
		{"blank with dot", term.Blank("f.b0"), `_:f.b0`},
		{"blank invalid", term.Blank("a b"), `_:u_612062`},
		{"blank trailing dot", term.Blank("a."), `_:u_612e`},
		{"blank like encoded", term.Blank("u_61"), `_:u_755f3631`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ttlObject(t, tt.o); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestKnakkWeaknesses pins down what github.com/knakk/rdf gets wrong, the
// reason the Turtle writer only hands it terms it serialises correctly. If
// a new version fixes one of these, the workaround can go.
func TestKnakkWeaknesses(t *testing.T) {
	integer, _ := rdf.NewIRI(xsd + "integer")
	decimal, _ := rdf.NewIRI(xsd + "decimal")
	dateTime, _ := rdf.NewIRI(xsd + "dateTime")
	one, oneDec := rdf.NewTypedLiteral("1", integer), rdf.NewTypedLiteral("1", decimal)
	if !rdf.TermsEqual(one, oneDec) {
		t.Log("knakk/rdf now tells 1^^xsd:integer from 1^^xsd:decimal")
	} else if got := oneDec.Serialize(rdf.Turtle); got != "1" {
		t.Errorf("decimal 1 serialises as %s", got)
	}
	if got := rdf.NewTypedLiteral("abc", integer).Serialize(rdf.Turtle); got != "abc" {
		t.Logf("knakk/rdf now writes an invalid integer as %s", got)
	}
	if got := rdf.NewTypedLiteral(`a"b`, dateTime).Serialize(rdf.Turtle); !strings.Contains(got, `a"b`) {
		t.Logf("knakk/rdf now escapes xsd:dateTime: %s", got)
	}
	if _, err := rdf.NewLangLiteral("x", "en-GB-oxendict"); err == nil {
		t.Log("knakk/rdf now accepts language tags with three subtags")
	}
	// The Turtle writer must not inherit any of it.
	for _, c := range []struct {
		o    term.Term
		want string
	}{
		{term.Literal("1", xsd+"decimal"), `"1"^^xsd:decimal`},
		{term.Literal("abc", xsd+"integer"), `"abc"^^xsd:integer`},
		{term.Literal(`a"b`, xsd+"dateTime"), `"a\"b"^^xsd:dateTime`},
		{term.LangString("x", "en-GB-oxendict"), `"x"@en-gb-oxendict`},
	} {
		if got := ttlObject(t, c.o); got != c.want {
			t.Errorf("%v: got %s, want %s", c.o, got, c.want)
		}
	}
	// Both literals survive de-duplication.
	var buf bytes.Buffer
	enc := newTurtle(&buf, Options{})
	s, p := term.IRI("http://example.org/s"), term.IRI("http://example.org/p")
	enc.Encode(term.Quad{S: s, P: p, O: term.Literal("1", xsd+"decimal")})
	enc.Encode(term.Quad{S: s, P: p, O: term.Literal("1", xsd+"integer")})
	enc.Close()
	if !strings.Contains(buf.String(), `"1"^^<`+xsd+`decimal>`) || !strings.Contains(buf.String(), " 1 .") {
		t.Errorf("decimal and integer 1 not both written:\n%s", buf.String())
	}
}

func TestTurtleLayout(t *testing.T) {
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	qs := []term.Quad{
		{S: ex("a"), P: ex("p"), O: ex("b")},
		{S: ex("a"), P: ex("p"), O: ex("c")},
		{S: ex("a"), P: ex("q"), O: term.String("x")},
		{S: ex("a"), P: term.IRI(term.RDFType), O: ex("T")},
		{S: ex("b"), P: ex("p"), O: ex("a"), G: ex("g")},
		{S: ex("b"), P: ex("p"), O: ex("a"), G: ex("h")}, // same triple, other graph
	}
	var buf bytes.Buffer
	enc := newTurtle(&buf, Options{Prefixes: []Prefix{{Name: "ex", IRI: "http://example.org/"}, {Name: "", IRI: "http://example.org/empty#"}}})
	for _, q := range qs {
		if err := enc.Encode(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	want := `@prefix ex: <http://example.org/> .
@prefix : <http://example.org/empty#> .

ex:a a ex:T ;
    ex:p ex:b , ex:c ;
    ex:q "x" .

ex:b ex:p ex:a .

`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}

	buf.Reset()
	enc = newTriG(&buf, Options{Prefixes: []Prefix{{Name: "ex", IRI: "http://example.org/"}}})
	for _, q := range []term.Quad{qs[0], qs[4], qs[5]} {
		if err := enc.Encode(q); err != nil {
			t.Fatal(err)
		}
	}
	enc.Close()
	want = `@prefix ex: <http://example.org/> .

ex:a ex:p ex:b .

ex:g {
    ex:b ex:p ex:a .
}

ex:h {
    ex:b ex:p ex:a .
}

`
	if buf.String() != want {
		t.Errorf("TriG: got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestErrors(t *testing.T) {
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	tests := []struct {
		name    string
		formats string // formats that must reject q; the others must accept it
		q       term.Quad
		msg     string
	}{
		{"relative IRI", "ttl trig nt nq rdfxml jsonld", term.Quad{S: term.IRI("rel/x"), P: ex("p"), O: ex("o")}, "not absolute"},
		{"IRI with space", "ttl trig nt nq rdfxml jsonld", term.Quad{S: ex("a b"), P: ex("p"), O: ex("o")}, "IRIs do not allow"},
		{"IRI with angle bracket", "ttl trig nt nq rdfxml jsonld", term.Quad{S: ex("a"), P: ex("p"), O: ex("o>")}, "IRIs do not allow"},
		{"literal subject", "ttl trig nt nq rdfxml jsonld", term.Quad{S: term.String("x"), P: ex("p"), O: ex("o")}, "subject"},
		{"blank predicate", "ttl trig nt nq rdfxml jsonld", term.Quad{S: ex("s"), P: term.Blank("p"), O: ex("o")}, "predicate"},
		{"missing object", "ttl trig nt nq rdfxml jsonld", term.Quad{S: ex("s"), P: ex("p")}, "object"},
		{"bad language tag", "ttl trig nt nq rdfxml jsonld", term.Quad{S: ex("s"), P: ex("p"), O: term.LangString("x", "sv_SE")}, "language tag"},
		{"langString without tag", "ttl trig nt nq rdfxml jsonld", term.Quad{S: ex("s"), P: ex("p"), O: term.Literal("x", term.RDFLangString)}, "no language tag"},
		{"invalid UTF-8", "ttl trig nt nq rdfxml jsonld", term.Quad{S: ex("s"), P: ex("p"), O: term.String("\xff")}, "UTF-8"},
		{"literal graph name", "trig nq", term.Quad{S: ex("s"), P: ex("p"), O: ex("o"), G: term.String("g")}, "graph name"},
		{"predicate ending in digits", "rdfxml", term.Quad{S: ex("s"), P: ex("123"), O: ex("o")}, "XML name"},
		{"predicate rdf:li", "rdfxml", term.Quad{S: ex("s"), P: term.IRI(term.RDFNS + "li"), O: ex("o")}, "rdf:li"},
		{"control character", "rdfxml", term.Quad{S: ex("s"), P: ex("p"), O: term.String("a\x01")}, "XML"},
	}
	for _, tt := range tests {
		for _, f := range Formats {
			if f.Parse == nil { // dataset descriptions, not serialisations
				continue
			}
			reject := strings.Contains(" "+tt.formats+" ", " "+f.Name+" ")
			var buf bytes.Buffer
			enc := f.New(&buf, Options{})
			err := enc.Encode(tt.q)
			if err == nil {
				err = enc.Close()
			}
			switch {
			case reject && err == nil:
				t.Errorf("%s/%s: accepted %v", tt.name, f.Name, tt.q)
			case reject && !strings.Contains(err.Error(), tt.msg):
				t.Errorf("%s/%s: error %q does not mention %q", tt.name, f.Name, err, tt.msg)
			case !reject && err != nil:
				t.Errorf("%s/%s: %v", tt.name, f.Name, err)
			}
			if reject {
				// The error sticks.
				if err2 := enc.Close(); err2 == nil {
					t.Errorf("%s/%s: Close after a failed Encode succeeded", tt.name, f.Name)
				}
			}
		}
	}
}

func TestClosed(t *testing.T) {
	for _, f := range Formats {
		if f.Parse == nil { // dataset descriptions, not serialisations
			continue
		}
		enc := f.New(&bytes.Buffer{}, Options{})
		if err := enc.Close(); err != nil {
			t.Fatalf("%s: empty Close: %v", f.Name, err)
		}
		q := term.Quad{S: term.IRI("http://x/s"), P: term.IRI("http://x/p"), O: term.IRI("http://x/o")}
		if err := enc.Encode(q); !errors.Is(err, errClosed) {
			t.Errorf("%s: Encode after Close: %v", f.Name, err)
		}
	}
}

// failWriter fails every write, to check that write errors are reported.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, f := range Formats {
		if f.Parse == nil { // dataset descriptions, not serialisations
			continue
		}
		enc := f.New(failWriter{}, Options{})
		q := term.Quad{S: term.IRI("http://x/s"), P: term.IRI("http://x/p"), O: term.IRI("http://x/o")}
		err := enc.Encode(q)
		if err == nil {
			err = enc.Close()
		}
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: write error not reported: %v", f.Name, err)
		}
	}
}

func TestInvalidPrefixes(t *testing.T) {
	for _, p := range []Prefix{{Name: "1a", IRI: "http://x/"}, {Name: "a.", IRI: "http://x/"}, {Name: "a b", IRI: "http://x/"}, {Name: "ok", IRI: "relative/"}} {
		enc := newTurtle(&bytes.Buffer{}, Options{Prefixes: []Prefix{p}})
		if err := enc.Close(); err == nil {
			t.Errorf("prefix %v accepted", p)
		}
	}
	enc := newTurtle(&bytes.Buffer{}, Options{Prefixes: []Prefix{{Name: "a", IRI: "http://x/"}, {Name: "a", IRI: "http://y/"}}})
	if err := enc.Close(); err == nil {
		t.Error("duplicate prefix accepted")
	}
}

func TestSplitQName(t *testing.T) {
	tests := []struct{ iri, ns, local string }{
		{"http://example.org/p", "http://example.org/", "p"},
		{"http://example.org/ns#p", "http://example.org/ns#", "p"},
		{"http://example.org/a-b.c_d", "http://example.org/", "a-b.c_d"},
		{"http://example.org/p1", "http://example.org/", "p1"},
		{"http://example.org/1p", "http://example.org/1", "p"},
		{"http://example.org/Malmö", "http://example.org/", "Malmö"},
		{"http://example.org/123", "", ""},
		{"http://example.org/", "", ""},
	}
	for _, tt := range tests {
		ns, local, ok := splitQName(tt.iri)
		if ns != tt.ns || local != tt.local || ok != (tt.ns != "") {
			t.Errorf("splitQName(%q) = %q, %q, %v", tt.iri, ns, local, ok)
		}
	}
}

func TestLookup(t *testing.T) {
	for _, c := range []struct {
		got  func() (Format, bool)
		want string
	}{
		{func() (Format, bool) { return ByName("ttl") }, "ttl"},
		{func() (Format, bool) { return ByName("TTL") }, ""},
		{func() (Format, bool) { return ByExtension(".TTL") }, "ttl"},
		{func() (Format, bool) { return ByExtension("nq") }, "nq"},
		{func() (Format, bool) { return ByExtension(".owl") }, "rdfxml"},
		{func() (Format, bool) { return ByExtension(".txt") }, ""},
		{func() (Format, bool) { return ByMediaType("text/turtle; charset=utf-8") }, "ttl"},
		{func() (Format, bool) { return ByMediaType("Application/LD+JSON") }, "jsonld"},
		{func() (Format, bool) { return ByMediaType("application/trig") }, "trig"},
		{func() (Format, bool) { return ByMediaType("text/html") }, ""},
	} {
		f, ok := c.got()
		if ok != (c.want != "") || f.Name != c.want {
			t.Errorf("lookup gave %q, %v; want %q", f.Name, ok, c.want)
		}
	}
	seen := map[string]bool{}
	for _, f := range Formats {
		if f.New == nil || f.Label == "" {
			t.Errorf("%s: incomplete entry", f.Name)
		}
		for _, k := range append(append([]string{"name:" + f.Name}, f.Extensions...), f.MediaTypes...) {
			if seen[k] {
				t.Errorf("%q listed twice", k)
			}
			seen[k] = true
		}
		if f.Quads != (f.Name == "nq" || f.Name == "trig") {
			t.Errorf("%s: Quads = %v", f.Name, f.Quads)
		}
	}
}

func TestDCATNeedsCatalog(t *testing.T) {
	f, _ := ByName("dcat")
	enc := f.New(&bytes.Buffer{}, Options{})
	if err := enc.Close(); err == nil || !strings.Contains(err.Error(), "Options.Catalog") {
		t.Errorf("dcat without a catalog: %v", err)
	}
}

func TestLookupAndForFile(t *testing.T) {
	for in, want := range map[string]string{
		"ttl": "ttl", "Turtle": "ttl", "text/turtle": "ttl", ".NT": "nt", "application/n-quads": "nq",
		"trig": "trig", "rdfxml": "rdfxml", "RDF/XML": "rdfxml", "jsonld": "jsonld",
	} {
		if f, ok := Lookup(in); !ok || f.Name != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", in, f.Name, ok, want)
		}
	}
	for in, want := range map[string]string{
		"data.ttl": "ttl", "x/y.NT": "nt", "onto.owl": "rdfxml", "doc.jsonld": "jsonld", "a.trig": "trig", "lubm.nt.gz": "nt",
	} {
		if f, ok := ForFile(in); !ok || f.Name != want || f.Parse == nil {
			t.Errorf("ForFile(%q) = %q, %v; want %q with a parser", in, f.Name, ok, want)
		}
	}
	for _, in := range []string{"x.docx", "noext", "dir.ttl/file"} {
		if _, ok := ForFile(in); ok {
			t.Errorf("ForFile(%q) matched", in)
		}
	}
}
