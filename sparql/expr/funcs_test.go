package expr

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"kg/term"
)

type callCase struct {
	fn   string
	args []string
	want string
}

func runCalls(t *testing.T, ctx *Context, cases []callCase) {
	t.Helper()
	for _, c := range cases {
		got, err := Call(ctx, c.fn, terms(c.args...))
		checkResult(t, fmt.Sprintf("%s(%s)", c.fn, strings.Join(c.args, ", ")), got, err, c.want)
	}
}

func TestTermFunctions(t *testing.T) {
	runCalls(t, &Context{Base: "http://example.org/"}, []callCase{
		{"STR", []string{`<http://ex/a>`}, `"http://ex/a"`},
		{"STR", []string{`"abc"@en`}, `"abc"`},
		{"STR", []string{`1`}, `"1"`},
		{"STR", []string{`"01"^^xsd:integer`}, `"01"`},
		{"STR", []string{`"x"^^<http://ex/t>`}, `"x"`},
		{"STR", []string{`_:b`}, errMark},
		{"STR", []string{`UNBOUND`}, errMark},
		{"STR", []string{}, errMark},
		{"STR", []string{`1`, `2`}, errMark},
		{"str", []string{`1`}, `"1"`},
		{"LANG", []string{`"abc"@en`}, `"en"`},
		{"LANG", []string{`"abc"@en-GB`}, `"en-gb"`},
		{"LANG", []string{`"abc"`}, `""`},
		{"LANG", []string{`1`}, `""`},
		{"LANG", []string{`<http://ex/a>`}, errMark},
		{"DATATYPE", []string{`"abc"`}, `<http://www.w3.org/2001/XMLSchema#string>`},
		{"DATATYPE", []string{`"abc"^^xsd:string`}, `<http://www.w3.org/2001/XMLSchema#string>`},
		{"DATATYPE", []string{`"abc"@en`}, `<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>`},
		{"DATATYPE", []string{`1`}, `<http://www.w3.org/2001/XMLSchema#integer>`},
		{"DATATYPE", []string{`"5"^^xsd:byte`}, `<http://www.w3.org/2001/XMLSchema#byte>`},
		{"DATATYPE", []string{`"x"^^<http://ex/t>`}, `<http://ex/t>`},
		{"DATATYPE", []string{`<http://ex/a>`}, errMark},
		{"DATATYPE", []string{`_:b`}, errMark},
		{"LANGMATCHES", []string{`"en"`, `"en"`}, `true`},
		{"LANGMATCHES", []string{`"en-US"`, `"en"`}, `true`},
		{"LANGMATCHES", []string{`"en"`, `"en-US"`}, `false`},
		{"LANGMATCHES", []string{`"EN-us"`, `"en"`}, `true`},
		{"LANGMATCHES", []string{`"en-us"`, `"EN-US"`}, `true`},
		{"LANGMATCHES", []string{`"eng"`, `"en"`}, `false`},
		{"LANGMATCHES", []string{`"fr"`, `"en"`}, `false`},
		{"LANGMATCHES", []string{`"sv"`, `"*"`}, `true`},
		{"LANGMATCHES", []string{`""`, `"*"`}, `false`},
		{"LANGMATCHES", []string{`""`, `""`}, `true`},
		{"LANGMATCHES", []string{`"de-DE-1996"`, `"de-de"`}, `true`},
		{"LANGMATCHES", []string{`"de-Deva"`, `"de-de"`}, `false`},
		{"LANGMATCHES", []string{`"en"@en`, `"en"`}, errMark},
		{"LANGMATCHES", []string{`"en"`, `1`}, errMark},
		{"langMatches", []string{`"sv-SE"`, `"sv"`}, `true`},
		{"SAMETERM", []string{`1`, `1.0`}, `false`},
		{"SAMETERM", []string{`1`, `1`}, `true`},
		{"SAMETERM", []string{`"01"^^xsd:integer`, `1`}, `false`},
		{"SAMETERM", []string{`"a"`, `"a"^^xsd:string`}, `true`},
		{"SAMETERM", []string{`"a"@en`, `"a"@@EN`}, `true`},
		{"SAMETERM", []string{`"a"@en`, `"a"`}, `false`},
		{"sameTerm", []string{`<http://ex/a>`, `<http://ex/a>`}, `true`},
		{"SAMETERM", []string{`_:a`, `_:b`}, `false`},
		{"SAMETERM", []string{`"x"^^<http://ex/t>`, `"x"^^<http://ex/t>`}, `true`},
		{"SAMETERM", []string{`UNBOUND`, `1`}, errMark},
		{"isIRI", []string{`<http://ex/a>`}, `true`},
		{"isURI", []string{`<http://ex/a>`}, `true`},
		{"ISIRI", []string{`"http://ex/a"`}, `false`},
		{"isIRI", []string{`_:b`}, `false`},
		{"isBlank", []string{`_:b`}, `true`},
		{"isBLANK", []string{`<http://ex/a>`}, `false`},
		{"isLiteral", []string{`1`}, `true`},
		{"isLITERAL", []string{`"a"@en`}, `true`},
		{"isLiteral", []string{`_:b`}, `false`},
		{"isLiteral", []string{`UNBOUND`}, errMark},
		{"isNumeric", []string{`12`}, `true`},
		{"isNumeric", []string{`"12"`}, `false`},
		{"isNumeric", []string{`"1200"^^xsd:byte`}, `false`},
		{"isNumeric", []string{`"12"^^xsd:byte`}, `true`},
		{"isNumeric", []string{`<http://ex/a>`}, `false`},
		{"isNumeric", []string{`UNBOUND`}, errMark},
		{"BOUND", []string{`UNBOUND`}, `false`},
		{"BOUND", []string{`1`}, `true`},
		{"IRI", []string{`"iri"`}, `<http://example.org/iri>`},
		{"URI", []string{`"uri"`}, `<http://example.org/uri>`},
		{"IRI", []string{`<http://ex/x>`}, `<http://ex/x>`},
		{"IRI", []string{`"http://a/b"`}, `<http://a/b>`},
		{"IRI", []string{`"http://a/b"^^xsd:string`}, `<http://a/b>`},
		{"IRI", []string{`"#frag"`}, `<http://example.org/#frag>`},
		{"IRI", []string{`"urn:isbn:123"`}, `<urn:isbn:123>`},
		{"IRI", []string{`"a b"`}, errMark},
		{"IRI", []string{`"<x>"`}, errMark},
		{"IRI", []string{`1`}, errMark},
		{"IRI", []string{`"x"@en`}, errMark},
		{"IRI", []string{`_:b`}, errMark},
		{"STRLANG", []string{`"chat"`, `"en"`}, `"chat"@en`},
		{"STRLANG", []string{`"chat"^^xsd:string`, `"en-US"`}, `"chat"@en-us`},
		{"STRLANG", []string{`"chat"`, `"sv-SE-1996"`}, `"chat"@sv-se-1996`},
		{"STRLANG", []string{`"chat"@en`, `"en"`}, errMark},
		{"STRLANG", []string{`"chat"`, `""`}, errMark},
		{"STRLANG", []string{`"chat"`, `"en US"`}, errMark},
		{"STRLANG", []string{`"chat"`, `"1en"`}, errMark},
		{"STRLANG", []string{`"chat"`, `"toolongtag"`}, errMark},
		{"STRLANG", []string{`"chat"`, `"en"@en`}, errMark},
		{"STRLANG", []string{`1`, `"en"`}, errMark},
		{"STRDT", []string{`"123"`, `<http://www.w3.org/2001/XMLSchema#integer>`}, `123`},
		{"STRDT", []string{`"iiii"`, `<http://ex/roman>`}, `"iiii"^^<http://ex/roman>`},
		{"STRDT", []string{`"abc"^^xsd:string`, `<http://www.w3.org/2001/XMLSchema#string>`}, `"abc"`},
		{"STRDT", []string{`"abc"`, `<http://www.w3.org/2001/XMLSchema#integer>`}, `"abc"^^xsd:integer`},
		{"STRDT", []string{`"a"@en`, `<http://www.w3.org/2001/XMLSchema#string>`}, errMark},
		{"STRDT", []string{`"a"`, `"b"`}, errMark},
		{"STRDT", []string{`1`, `<http://www.w3.org/2001/XMLSchema#string>`}, errMark},
		{"STRDT", []string{`"a"`, `<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString>`}, errMark},
		{"COALESCE", []string{`UNBOUND`, `1`}, `1`},
		{"COALESCE", []string{`<http://ex/a>`, `1`}, `<http://ex/a>`},
		{"COALESCE", []string{}, errMark},
		{"COALESCE", []string{`UNBOUND`}, errMark},
		{"IF", []string{`true`, `1`, `2`}, `1`},
		{"IF", []string{`false`, `1`, `2`}, `2`},
		{"IF", []string{`""`, `1`, `2`}, `2`},
		{"IF", []string{`"abc"^^xsd:integer`, `1`, `2`}, `2`},
		{"IF", []string{`<http://ex/a>`, `1`, `2`}, errMark},
		{"IF", []string{`UNBOUND`, `1`, `2`}, errMark},
		{"IF", []string{`true`, `UNBOUND`, `2`}, errMark},
		{"IF", []string{`false`, `UNBOUND`, `2`}, `2`},
		{"IN", []string{`2`, `1`, `2`, `3`}, `true`},
		{"IN", []string{`2`, `1`, `3`}, `false`},
		{"IN", []string{`2`}, `false`},
		{"IN", []string{`2`, `UNBOUND`, `2`}, `true`},
		{"IN", []string{`2`, `UNBOUND`, `3`}, errMark},
		{"NOT IN", []string{`2`}, `true`},
		{"NOT IN", []string{`2`, `UNBOUND`, `2`}, `false`},
		{"NOT IN", []string{`2`, `1`, `3`}, `true`},
		{"NOT IN", []string{`2`, `UNBOUND`}, errMark},
		{"NOSUCHFUNCTION", []string{`1`}, errMark},
		{"http://ex/f", []string{`1`}, errMark},
	})
}

func TestBNodeRandNow(t *testing.T) {
	labels := map[string]term.Term{}
	n := 0
	ctx := &Context{
		BNodes: func(l string) term.Term {
			if b, ok := labels[l]; ok {
				return b
			}
			n++
			labels[l] = term.Blank(fmt.Sprintf("b%d", n))
			return labels[l]
		},
		NewBlank: func() term.Term { n++; return term.Blank(fmt.Sprintf("f%d", n)) },
		Rand:     func() float64 { return 0.5 },
		Now:      time.Date(2024, 5, 6, 7, 8, 9, 500000000, time.FixedZone("", 2*3600)),
	}
	runCalls(t, ctx, []callCase{
		{"BNODE", []string{`"x"`}, `_:b1`},
		{"BNODE", []string{`"y"`}, `_:b2`},
		{"BNODE", []string{`"x"`}, `_:b1`},
		{"BNODE", []string{`"x"^^xsd:string`}, `_:b1`},
		{"BNODE", []string{}, `_:f3`},
		{"BNODE", []string{}, `_:f4`},
		{"BNODE", []string{`1`}, errMark},
		{"BNODE", []string{`"x"@en`}, errMark},
		{"RAND", []string{}, `"5.0E-1"^^xsd:double`},
		{"NOW", []string{}, `"2024-05-06T07:08:09.5+02:00"^^xsd:dateTime`},
	})
	runCalls(t, &Context{Now: time.Date(2011, 1, 10, 14, 45, 13, 0, time.UTC)}, []callCase{
		{"NOW", []string{}, `"2011-01-10T14:45:13Z"^^xsd:dateTime`},
		{"BNODE", []string{`"x"`}, errMark}, // no BNodes function supplied
	})
	// Defaults without a context.
	a, err1 := Call(nil, "BNODE", nil)
	b, err2 := Call(nil, "BNODE", nil)
	if err1 != nil || err2 != nil || !a.IsBlank() || a == b {
		t.Errorf("BNODE() without context: %v %v %v %v", a, b, err1, err2)
	}
	for i := 0; i < 100; i++ {
		r, err := Call(nil, "RAND", nil)
		if err != nil || r.Datatype != term.XSDDouble {
			t.Fatalf("RAND() = %v, %v", r, err)
		}
		v, _ := parseNumber(r)
		if v.f < 0 || v.f >= 1 {
			t.Fatalf("RAND() = %v outside [0, 1)", r)
		}
	}
	now, err := Call(nil, "NOW", nil)
	if err != nil || classify(now) != cDateTime {
		t.Errorf("NOW() = %v, %v", now, err)
	}
}

func TestUUID(t *testing.T) {
	uuidRE := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for i := 0; i < 50; i++ {
		u, err := Call(nil, "UUID", nil)
		if err != nil || !u.IsIRI() || !strings.HasPrefix(u.Value, "urn:uuid:") || !uuidRE.MatchString(u.Value[9:]) {
			t.Fatalf("UUID() = %v, %v", u, err)
		}
		s, err := Call(nil, "STRUUID", nil)
		if err != nil || s != term.String(s.Value) || !uuidRE.MatchString(s.Value) {
			t.Fatalf("STRUUID() = %v, %v", s, err)
		}
		if seen[u.Value] || seen[s.Value] {
			t.Fatal("UUID repeated")
		}
		seen[u.Value], seen["urn:uuid:"+s.Value] = true, true
	}
}

func TestNumericFunctions(t *testing.T) {
	runCalls(t, nil, []callCase{
		{"ABS", []string{`-2`}, `2`},
		{"ABS", []string{`2`}, `2`},
		{"ABS", []string{`"02"^^xsd:integer`}, `2`},
		{"ABS", []string{`-1.6`}, `"1.6"^^xsd:decimal`},
		{"ABS", []string{`1.0`}, `"1"^^xsd:decimal`},
		{"ABS", []string{`"-1.5"^^xsd:float`}, `"1.5E0"^^xsd:float`},
		{"ABS", []string{`"-0.0E0"^^xsd:double`}, `"0.0E0"^^xsd:double`},
		{"ABS", []string{`"-INF"^^xsd:double`}, `"INF"^^xsd:double`},
		{"ABS", []string{`"-5"^^xsd:int`}, `5`},
		{"ABS", []string{`-9223372036854775808`}, `9223372036854775808`},
		{"ABS", []string{`"a"`}, errMark},
		{"ABS", []string{`"abc"^^xsd:integer`}, errMark},
		{"ABS", []string{`<http://ex/a>`}, errMark},
		{"CEIL", []string{`1.1`}, `"2"^^xsd:decimal`},
		{"CEIL", []string{`-1.6`}, `"-1"^^xsd:decimal`},
		{"CEIL", []string{`2.5`}, `"3"^^xsd:decimal`},
		{"CEIL", []string{`-0.5`}, `"0"^^xsd:decimal`},
		{"CEIL", []string{`-2`}, `-2`},
		{"CEIL", []string{`"1.5e0"^^xsd:double`}, `"2.0E0"^^xsd:double`},
		{"CEIL", []string{`"-0.5"^^xsd:double`}, `"-0.0E0"^^xsd:double`},
		{"CEIL", []string{`"NaN"^^xsd:double`}, `"NaN"^^xsd:double`},
		{"CEIL", []string{`"1.2"^^xsd:float`}, `"2.0E0"^^xsd:float`},
		{"CEIL", []string{`"a"`}, errMark},
		{"FLOOR", []string{`1.1`}, `"1"^^xsd:decimal`},
		{"FLOOR", []string{`-1.6`}, `"-2"^^xsd:decimal`},
		{"FLOOR", []string{`-2.5e0`}, `"-3.0E0"^^xsd:double`},
		{"FLOOR", []string{`7`}, `7`},
		{"FLOOR", []string{`"7"^^xsd:short`}, `7`},
		{"FLOOR", []string{`"INF"^^xsd:double`}, `"INF"^^xsd:double`},
		{"FLOOR", []string{`true`}, errMark},
		{"ROUND", []string{`2.5`}, `"3"^^xsd:decimal`},
		{"ROUND", []string{`2.4999`}, `"2"^^xsd:decimal`},
		{"ROUND", []string{`-2.5`}, `"-2"^^xsd:decimal`},
		{"ROUND", []string{`-2.51`}, `"-3"^^xsd:decimal`},
		{"ROUND", []string{`-1.6`}, `"-2"^^xsd:decimal`},
		{"ROUND", []string{`1.1`}, `"1"^^xsd:decimal`},
		{"ROUND", []string{`-0.5`}, `"0"^^xsd:decimal`},
		{"ROUND", []string{`"-0.5"^^xsd:double`}, `"-0.0E0"^^xsd:double`},
		{"ROUND", []string{`"-0.3"^^xsd:double`}, `"-0.0E0"^^xsd:double`},
		{"ROUND", []string{`"2.5"^^xsd:double`}, `"3.0E0"^^xsd:double`},
		{"ROUND", []string{`"-2.5"^^xsd:double`}, `"-2.0E0"^^xsd:double`},
		{"ROUND", []string{`0.49999999999999994e0`}, `"0.0E0"^^xsd:double`},
		{"ROUND", []string{`"1.5"^^xsd:float`}, `"2.0E0"^^xsd:float`},
		{"ROUND", []string{`"1e20"^^xsd:double`}, `"1.0E20"^^xsd:double`},
		{"ROUND", []string{`"NaN"^^xsd:float`}, `"NaN"^^xsd:float`},
		{"ROUND", []string{`5`}, `5`},
		{"ROUND", []string{`"5"^^xsd:byte`}, `5`},
		{"ROUND", []string{`"5"`}, errMark},
	})
}

func TestStringFunctions(t *testing.T) {
	runCalls(t, nil, []callCase{
		{"STRLEN", []string{`"chat"`}, `4`},
		{"STRLEN", []string{`"chat"@en`}, `4`},
		{"STRLEN", []string{`"chat"^^xsd:string`}, `4`},
		{"STRLEN", []string{`"räksmörgås"`}, `10`},
		{"STRLEN", []string{`"Västra Götalands län"@sv`}, `20`},
		{"STRLEN", []string{`"食べ物"`}, `3`},
		{"STRLEN", []string{`"\U0001F46A"`}, `1`},
		{"STRLEN", []string{`"\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"`}, `7`},
		{"STRLEN", []string{`""`}, `0`},
		{"STRLEN", []string{`1`}, errMark},
		{"STRLEN", []string{`<http://ex/a>`}, errMark},
		{"STRLEN", []string{`"x"^^<http://ex/t>`}, errMark},

		{"SUBSTR", []string{`"foobar"`, `4`}, `"bar"`},
		{"SUBSTR", []string{`"foobar"`, `4`, `1`}, `"b"`},
		{"SUBSTR", []string{`"foobar"@en`, `4`, `1`}, `"b"@en`},
		{"SUBSTR", []string{`"foobar"^^xsd:string`, `4`, `1`}, `"b"`},
		{"SUBSTR", []string{`"motor car"`, `6`}, `" car"`},
		{"SUBSTR", []string{`"metadata"`, `4`, `3`}, `"ada"`},
		{"SUBSTR", []string{`"12345"`, `1.5`, `2.6`}, `"234"`},
		{"SUBSTR", []string{`"12345"`, `0`, `3`}, `"12"`},
		{"SUBSTR", []string{`"12345"`, `5`, `-3`}, `""`},
		{"SUBSTR", []string{`"12345"`, `-3`, `5`}, `"1"`},
		{"SUBSTR", []string{`"12345"`, `"NaN"^^xsd:double`, `3`}, `""`},
		{"SUBSTR", []string{`"12345"`, `1`, `"NaN"^^xsd:double`}, `""`},
		{"SUBSTR", []string{`"12345"`, `-42`, `"INF"^^xsd:double`}, `"12345"`},
		{"SUBSTR", []string{`"12345"`, `"-INF"^^xsd:double`, `"INF"^^xsd:double`}, `""`},
		{"SUBSTR", []string{`""`, `1`, `3`}, `""`},
		{"SUBSTR", []string{`"abc"`, `0`}, `"abc"`},
		{"SUBSTR", []string{`"abc"`, `4`}, `""`},
		{"SUBSTR", []string{`"abc"`, `2`, `0`}, `""`},
		{"SUBSTR", []string{`"abc"@en`, `9`}, `""@en`},
		{"SUBSTR", []string{`"räksmörgås"@sv`, `4`, `4`}, `"smör"@sv`},
		{"SUBSTR", []string{`"Malmö"`, `5`}, `"ö"`},
		{"SUBSTR", []string{`"\U0001F46Ax"`, `2`}, `"x"`},
		{"SUBSTR", []string{`"\U0001F468\u200D\U0001F469"`, `1`, `1`}, `"\U0001F468"`},
		{"SUBSTR", []string{`"abc"`, `"1"`}, errMark},
		{"SUBSTR", []string{`"abc"`, `1`, `"x"`}, errMark},
		{"SUBSTR", []string{`1`, `1`}, errMark},
		{"SUBSTR", []string{`"abc"`}, errMark},

		{"UCASE", []string{`"foo"`}, `"FOO"`},
		{"UCASE", []string{`"foo"@en`}, `"FOO"@en`},
		{"UCASE", []string{`"foo"^^xsd:string`}, `"FOO"`},
		{"UCASE", []string{`"räksmörgås åäö"@sv`}, `"RÄKSMÖRGÅS ÅÄÖ"@sv`},
		{"UCASE", []string{`"straße"@de`}, `"STRASSE"@de`},
		{"UCASE", []string{`"ﬁx"`}, `"FIX"`},
		{"UCASE", []string{`"\U0001F46A"`}, `"\U0001F46A"`},
		{"UCASE", []string{`1`}, errMark},
		{"LCASE", []string{`"BAR"`}, `"bar"`},
		{"LCASE", []string{`"ÅÄÖ GÖTEBORG"@sv`}, `"åäö göteborg"@sv`},
		{"LCASE", []string{`"BAR"^^xsd:string`}, `"bar"`},
		{"LCASE", []string{`"İ"`}, `"i\u0307"`},
		{"LCASE", []string{`<http://ex/A>`}, errMark},

		{"ENCODE_FOR_URI", []string{`"Los Angeles"`}, `"Los%20Angeles"`},
		{"ENCODE_FOR_URI", []string{`"Los Angeles"@en`}, `"Los%20Angeles"`},
		{"ENCODE_FOR_URI", []string{`"100%"`}, `"100%25"`},
		{"ENCODE_FOR_URI", []string{`"~bébé"`}, `"~b%C3%A9b%C3%A9"`},
		{"ENCODE_FOR_URI", []string{`"Göteborg"`}, `"G%C3%B6teborg"`},
		{"ENCODE_FOR_URI", []string{`"a/b?c#d&e=f"`}, `"a%2Fb%3Fc%23d%26e%3Df"`},
		{"ENCODE_FOR_URI", []string{`"A-Z_a.z~09"`}, `"A-Z_a.z~09"`},
		{"ENCODE_FOR_URI", []string{`"\U0001F46A"`}, `"%F0%9F%91%AA"`},
		{"ENCODE_FOR_URI", []string{`1`}, errMark},

		{"CONCAT", []string{`"foo"`, `"bar"`}, `"foobar"`},
		{"CONCAT", []string{`"foo"@en`, `"bar"@en`}, `"foobar"@en`},
		{"CONCAT", []string{`"foo"@en`, `"bar"@@EN`}, `"foobar"@en`},
		{"CONCAT", []string{`"foo"@en`, `"bar"`}, `"foobar"`},
		{"CONCAT", []string{`"foo"@en`, `"bar"@fr`}, `"foobar"`},
		{"CONCAT", []string{`"foo"^^xsd:string`, `"bar"^^xsd:string`}, `"foobar"`},
		{"CONCAT", []string{}, `""`},
		{"CONCAT", []string{`"a"@en`}, `"a"@en`},
		{"CONCAT", []string{`"a"`, `"b"`, `"c"@sv`}, `"abc"`},
		{"CONCAT", []string{`"Region "@sv`, `"Skåne"@sv`}, `"Region Skåne"@sv`},
		{"CONCAT", []string{`"a"`, `1`}, errMark},
		{"CONCAT", []string{`<http://ex/a>`}, errMark},
		{"CONCAT", []string{`"a"`, `UNBOUND`}, errMark},

		{"CONTAINS", []string{`"foobar"`, `"bar"`}, `true`},
		{"CONTAINS", []string{`"foobar"@en`, `"foo"@en`}, `true`},
		{"CONTAINS", []string{`"foobar"@en`, `"foo"`}, `true`},
		{"CONTAINS", []string{`"foobar"@en`, `"foo"^^xsd:string`}, `true`},
		{"CONTAINS", []string{`"foobar"`, `"foo"@en`}, errMark},
		{"CONTAINS", []string{`"foobar"@en`, `"foo"@fr`}, errMark},
		{"CONTAINS", []string{`"foobar"`, `""`}, `true`},
		{"CONTAINS", []string{`"foobar"`, `"x"`}, `false`},
		{"CONTAINS", []string{`"Jönköping"`, `"kö"`}, `true`},
		{"CONTAINS", []string{`"foobar"`, `1`}, errMark},
		{"CONTAINS", []string{`<http://ex/a>`, `"a"`}, errMark},
		{"STRSTARTS", []string{`"foobar"`, `"foo"`}, `true`},
		{"STRSTARTS", []string{`"foobar"`, `"bar"`}, `false`},
		{"STRSTARTS", []string{`"foobar"@en`, `"foo"@en`}, `true`},
		{"STRSTARTS", []string{`"foobar"`, `"foo"@en`}, errMark},
		{"STRSTARTS", []string{`"123"`, `"1"`}, `true`},
		{"STRSTARTS", []string{`123`, `"1"`}, errMark},
		{"STRENDS", []string{`"foobar"`, `"bar"`}, `true`},
		{"STRENDS", []string{`"foobar"`, `"foo"`}, `false`},
		{"STRENDS", []string{`"foobar"@en`, `"bar"`}, `true`},
		{"STRENDS", []string{`"foobar"^^xsd:string`, `"bar"@en`}, errMark},

		{"STRBEFORE", []string{`"abc"`, `"b"`}, `"a"`},
		{"STRBEFORE", []string{`"abc"@en`, `"bc"`}, `"a"@en`},
		{"STRBEFORE", []string{`"abc"@en`, `"b"@cy`}, errMark},
		{"STRBEFORE", []string{`"abc"^^xsd:string`, `""`}, `""`},
		{"STRBEFORE", []string{`"abc"`, `"xyz"`}, `""`},
		{"STRBEFORE", []string{`"abc"@en`, `"z"@en`}, `""`},
		{"STRBEFORE", []string{`"abc"@en`, `"z"`}, `""`},
		{"STRBEFORE", []string{`"abc"@en`, `""`}, `""@en`},
		{"STRBEFORE", []string{`"abc"@en`, `""@en`}, `""@en`},
		{"STRBEFORE", []string{`"abc"`, `""@en`}, errMark},
		{"STRBEFORE", []string{`"Göteborg"@sv`, `"borg"`}, `"Göte"@sv`},
		{"STRBEFORE", []string{`7`, `"s"`}, errMark},
		{"STRAFTER", []string{`"abc"`, `"b"`}, `"c"`},
		{"STRAFTER", []string{`"abc"@en`, `"ab"`}, `"c"@en`},
		{"STRAFTER", []string{`"abc"@en`, `"b"@cy`}, errMark},
		{"STRAFTER", []string{`"abc"^^xsd:string`, `""`}, `"abc"`},
		{"STRAFTER", []string{`"abc"`, `"xyz"`}, `""`},
		{"STRAFTER", []string{`"abc"@en`, `"z"@en`}, `""`},
		{"STRAFTER", []string{`"abc"@en`, `""`}, `"abc"@en`},
		{"STRAFTER", []string{`"abc"@en`, `""@en`}, `"abc"@en`},
		{"STRAFTER", []string{`"aXbXc"`, `"X"`}, `"bXc"`},
		{"STRAFTER", []string{`"abc"`, `<http://ex/b>`}, errMark},
	})
}

func TestDateFunctions(t *testing.T) {
	const dt = `"2011-01-10T14:45:13.815-05:00"^^xsd:dateTime`
	runCalls(t, nil, []callCase{
		{"YEAR", []string{dt}, `2011`},
		{"MONTH", []string{dt}, `1`},
		{"DAY", []string{dt}, `10`},
		{"HOURS", []string{dt}, `14`},
		{"MINUTES", []string{dt}, `45`},
		{"SECONDS", []string{dt}, `"13.815"^^xsd:decimal`},
		{"TIMEZONE", []string{dt}, `"-PT5H"^^xsd:dayTimeDuration`},
		{"TZ", []string{dt}, `"-05:00"`},
		{"TIMEZONE", []string{`"2010-06-21T11:28:01Z"^^xsd:dateTime`}, `"PT0S"^^xsd:dayTimeDuration`},
		{"TZ", []string{`"2010-06-21T11:28:01Z"^^xsd:dateTime`}, `"Z"`},
		{"TIMEZONE", []string{`"2010-12-21T15:38:02-08:00"^^xsd:dateTime`}, `"-PT8H"^^xsd:dayTimeDuration`},
		{"TIMEZONE", []string{`"2010-12-21T15:38:02+05:30"^^xsd:dateTime`}, `"PT5H30M"^^xsd:dayTimeDuration`},
		{"TIMEZONE", []string{`"2010-12-21T15:38:02-00:45"^^xsd:dateTime`}, `"-PT45M"^^xsd:dayTimeDuration`},
		{"TIMEZONE", []string{`"2010-12-21T15:38:02+00:00"^^xsd:dateTime`}, `"PT0S"^^xsd:dayTimeDuration`},
		{"TIMEZONE", []string{`"2011-02-01T01:02:03"^^xsd:dateTime`}, errMark},
		{"TZ", []string{`"2011-02-01T01:02:03"^^xsd:dateTime`}, `""`},
		{"TZ", []string{`"2010-12-21T15:38:02+00:00"^^xsd:dateTime`}, `"+00:00"`},
		{"TZ", []string{`"2010-12-21T15:38:02+14:00"^^xsd:dateTime`}, `"+14:00"`},
		{"SECONDS", []string{`"2011-02-01T01:02:03"^^xsd:dateTime`}, `"3"^^xsd:decimal`},
		{"SECONDS", []string{`"2011-02-01T01:02:00.000"^^xsd:dateTime`}, `"0"^^xsd:decimal`},
		{"SECONDS", []string{`"2011-02-01T01:02:59.5"^^xsd:dateTime`}, `"59.5"^^xsd:decimal`},
		{"YEAR", []string{`"-0044-03-15T12:00:00"^^xsd:dateTime`}, `-44`},
		{"YEAR", []string{`"12345-01-01T00:00:00"^^xsd:dateTime`}, `12345`},
		{"YEAR", []string{`"1999-12-31T24:00:00"^^xsd:dateTime`}, `2000`},
		{"MONTH", []string{`"1999-12-31T24:00:00"^^xsd:dateTime`}, `1`},
		{"DAY", []string{`"1999-12-31T24:00:00"^^xsd:dateTime`}, `1`},
		{"HOURS", []string{`"1999-12-31T24:00:00"^^xsd:dateTime`}, `0`},
		{"DAY", []string{`"2000-02-29T00:00:00"^^xsd:dateTime`}, `29`},
		{"DAY", []string{`"1900-02-29T00:00:00"^^xsd:dateTime`}, errMark},
		{"DAY", []string{`"2010-02-30T00:00:00"^^xsd:dateTime`}, errMark},
		{"HOURS", []string{`"2010-02-10T25:00:00"^^xsd:dateTime`}, errMark},
		{"HOURS", []string{`"2010-02-10T24:00:01"^^xsd:dateTime`}, errMark},
		{"HOURS", []string{`"2010-02-10T10:00:00+15:00"^^xsd:dateTime`}, errMark},
		{"HOURS", []string{`"2010-02-10T10:00"^^xsd:dateTime`}, errMark},
		{"YEAR", []string{`"0000-01-01T00:00:00"^^xsd:dateTime`}, `0`},
		{"YEAR", []string{`"01999-01-01T00:00:00"^^xsd:dateTime`}, errMark},
		{"YEAR", []string{`"2010-06-21"^^xsd:date`}, `2010`},
		{"DAY", []string{`"2010-06-21+02:00"^^xsd:date`}, `21`},
		{"TZ", []string{`"2010-06-21+02:00"^^xsd:date`}, `"+02:00"`},
		{"HOURS", []string{`"2010-06-21"^^xsd:date`}, errMark},
		{"HOURS", []string{`"13:20:00"^^xsd:time`}, `13`},
		{"SECONDS", []string{`"13:20:10.25Z"^^xsd:time`}, `"10.25"^^xsd:decimal`},
		{"YEAR", []string{`"13:20:00"^^xsd:time`}, errMark},
		{"YEAR", []string{`"2010"^^xsd:gYear`}, errMark},
		{"YEAR", []string{`"2010-06-21T11:28:01Z"`}, errMark},
		{"YEAR", []string{`<http://ex/a>`}, errMark},
		{"MONTH", []string{`1`}, errMark},
	})
}

func TestHashFunctions(t *testing.T) {
	runCalls(t, nil, []callCase{
		{"MD5", []string{`"abc"`}, `"900150983cd24fb0d6963f7d28e17f72"`},
		{"MD5", []string{`"abc"^^xsd:string`}, `"900150983cd24fb0d6963f7d28e17f72"`},
		{"MD5", []string{`""`}, `"d41d8cd98f00b204e9800998ecf8427e"`},
		{"MD5", []string{`"abc"@en`}, errMark},
		{"MD5", []string{`1`}, errMark},
		{"SHA1", []string{`"abc"`}, `"a9993e364706816aba3e25717850c26c9cd0d89d"`},
		{"SHA256", []string{`"abc"`}, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`},
		{"SHA384", []string{`"abc"`}, `"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"`},
		{"SHA512", []string{`"abc"`}, `"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"`},
		{"SHA1", []string{`<http://ex/a>`}, errMark},
	})
}
