package term

import "testing"

func TestString(t *testing.T) {
	cases := []struct {
		in   Term
		want string
	}{
		{IRI("http://ex.org/a b"), `<http://ex.org/a\u0020b>`},
		{Blank("b0"), `_:b0`},
		{String("say \"hi\"\n"), `"say \"hi\"\n"`},
		{LangString("Region Skåne", "SV"), `"Region Skåne"@sv`},
		{Literal("01", XSDInteger), `"01"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{Literal("x", ""), `"x"`},
		{Term{}, ``},
	}
	for _, c := range cases {
		if got := c.in.String(); got != c.want {
			t.Errorf("%#v: got %s, want %s", c.in, got, c.want)
		}
	}
}

func TestEqualityKeepsLexicalForm(t *testing.T) {
	if Literal("01", XSDInteger) == Literal("1", XSDInteger) {
		t.Fatal(`"01" and "1" must be different terms`)
	}
	if Literal("1", XSDInteger) == Literal("1", XSDDecimal) {
		t.Fatal("datatype must matter")
	}
	if String("a") != Literal("a", XSDString) {
		t.Fatal("simple literal is xsd:string")
	}
}

func TestCompareQuads(t *testing.T) {
	a := Quad{IRI("s"), IRI("p"), String("a"), Term{}}
	b := Quad{IRI("s"), IRI("p"), String("b"), Term{}}
	g := Quad{IRI("s"), IRI("p"), String("a"), IRI("g")}
	if CompareQuads(a, b) >= 0 || CompareQuads(b, g) >= 0 || CompareQuads(a, a) != 0 {
		t.Fatal("order is not graph, subject, predicate, object")
	}
}

func TestIsLangTag(t *testing.T) {
	for tag, want := range map[string]bool{
		"sv": true, "en-GB": true, "sv-SE-x-kg": true, "zh-Hant-TW": true, "de-1996": true, "i-klingon": true,
		"": false, "-sv": false, "sv-": false, "sv--se": false, "1sv": false, "abcdefghi": false, "sv_SE": false, "sv-ä": false,
	} {
		if got := IsLangTag(tag); got != want {
			t.Errorf("IsLangTag(%q) = %v, want %v", tag, got, want)
		}
	}
}
