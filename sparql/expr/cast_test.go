package expr

import (
	"fmt"
	"testing"

	"kg/term"
)

func TestCast(t *testing.T) {
	cases := []struct{ target, in, want string }{
		{"integer", `"1.5"`, errMark},
		{"integer", `" 13 "`, `13`},
		{"integer", `"+33"`, `33`},
		{"integer", `"-0"`, `0`},
		{"integer", `"1e0"`, errMark},
		{"integer", `""`, errMark},
		{"integer", `1.5`, `1`},
		{"integer", `-1.5`, `-1`},
		{"integer", `"-7.875"^^xsd:float`, `-7`},
		{"integer", `"1.25"^^xsd:float`, `1`},
		{"integer", `true`, `1`},
		{"integer", `false`, `0`},
		{"integer", `"1E0"^^xsd:double`, `1`},
		{"integer", `"1e20"^^xsd:double`, `100000000000000000000`},
		{"integer", `"NaN"^^xsd:double`, errMark},
		{"integer", `"INF"^^xsd:double`, errMark},
		{"integer", `"05"^^xsd:integer`, `5`},
		{"integer", `"5"^^xsd:byte`, `5`},
		{"integer", `<http://ex/a>`, errMark},
		{"integer", `_:b`, errMark},
		{"integer", `UNBOUND`, errMark},
		{"integer", `"abc"^^xsd:integer`, errMark},
		{"integer", `"2002-10-10T17:00:00Z"^^xsd:dateTime`, errMark},
		{"integer", `"x"^^<http://ex/unk>`, errMark},
		{"integer", `"12"@en`, errMark},

		{"decimal", `"+33.3300"`, `"33.33"^^xsd:decimal`},
		{"decimal", `"0"`, `"0"^^xsd:decimal`},
		{"decimal", `"1"`, `"1"^^xsd:decimal`},
		{"decimal", `".5"`, `"0.5"^^xsd:decimal`},
		{"decimal", `"5."`, `"5"^^xsd:decimal`},
		{"decimal", `"-0.0"`, `"0"^^xsd:decimal`},
		{"decimal", `"1E0"`, errMark},
		{"decimal", `"-10.2E3"`, errMark},
		{"decimal", `"INF"`, errMark},
		{"decimal", `true`, `"1"^^xsd:decimal`},
		{"decimal", `false`, `"0"^^xsd:decimal`},
		{"decimal", `13`, `"13"^^xsd:decimal`},
		{"decimal", `"1.25"^^xsd:float`, `"1.25"^^xsd:decimal`},
		{"decimal", `"0.1"^^xsd:double`, `"0.1"^^xsd:decimal`},
		{"decimal", `"0.1"^^xsd:float`, `"0.1"^^xsd:decimal`},
		{"decimal", `"1e-7"^^xsd:double`, `"0.0000001"^^xsd:decimal`},
		{"decimal", `"-7.875"^^xsd:float`, `"-7.875"^^xsd:decimal`},
		{"decimal", `"NaN"^^xsd:double`, errMark},
		{"decimal", `"-INF"^^xsd:float`, errMark},

		{"double", `"-10.2E3"`, `"-1.02E4"^^xsd:double`},
		{"double", `"+33.3300"`, `"3.333E1"^^xsd:double`},
		{"double", `"0.0"`, `"0.0E0"^^xsd:double`},
		{"double", `"0"`, `"0.0E0"^^xsd:double`},
		{"double", `"1.5"`, `"1.5E0"^^xsd:double`},
		{"double", `"13"`, `"1.3E1"^^xsd:double`},
		{"double", `"string"`, errMark},
		{"double", `"2002-10-10T17:00:00Z"`, errMark},
		{"double", `true`, `"1.0E0"^^xsd:double`},
		{"double", `false`, `"0.0E0"^^xsd:double`},
		{"double", `1`, `"1.0E0"^^xsd:double`},
		{"double", `-1.0`, `"-1.0E0"^^xsd:double`},
		{"double", `"INF"`, `"INF"^^xsd:double`},
		{"double", `"-INF"`, `"-INF"^^xsd:double`},
		{"double", `"NaN"`, `"NaN"^^xsd:double`},
		{"double", `"nan"`, errMark},
		{"double", `"1e400"`, `"INF"^^xsd:double`},
		{"double", `"1.25"^^xsd:float`, `"1.25E0"^^xsd:double`},
		{"double", `"0.1"^^xsd:float`, `"1.0000000149011612E-1"^^xsd:double`},
		{"double", `"0E1"^^xsd:double`, `"0.0E0"^^xsd:double`},
		{"double", `123456789012345678901234567890`, `"1.2345678901234568E29"^^xsd:double`},

		{"float", `"1.25"`, `"1.25E0"^^xsd:float`},
		{"float", `"0.1"`, `"1.0E-1"^^xsd:float`},
		{"float", `1`, `"1.0E0"^^xsd:float`},
		{"float", `"1e39"`, `"INF"^^xsd:float`},
		{"float", `0.1e0`, `"1.0E-1"^^xsd:float`},
		{"float", `"16777217"`, `"1.6777216E7"^^xsd:float`},
		{"float", `16777217`, `"1.6777216E7"^^xsd:float`},
		{"float", `true`, `"1.0E0"^^xsd:float`},
		{"float", `"x"`, errMark},

		{"boolean", `"1"`, `true`},
		{"boolean", `"0"`, `false`},
		{"boolean", `"true"`, `true`},
		{"boolean", `" false "`, `false`},
		{"boolean", `"TRUE"`, errMark},
		{"boolean", `"yes"`, errMark},
		{"boolean", `"1.5"`, errMark},
		{"boolean", `0`, `false`},
		{"boolean", `1`, `true`},
		{"boolean", `-1`, `true`},
		{"boolean", `2`, `true`},
		{"boolean", `0.0`, `false`},
		{"boolean", `"0E1"^^xsd:double`, `false`},
		{"boolean", `"NaN"^^xsd:double`, `false`},
		{"boolean", `"-7.875"^^xsd:float`, `true`},
		{"boolean", `"0"^^xsd:boolean`, `false`},
		{"boolean", `"2002-10-10T17:00:00Z"^^xsd:dateTime`, errMark},
		{"boolean", `<http://ex/a>`, errMark},

		{"string", `<http://ex/z>`, `"http://ex/z"`},
		{"string", `"string"`, `"string"`},
		{"string", `" padded "`, `" padded "`},
		{"string", `"0"^^xsd:boolean`, `"false"`},
		{"string", `true`, `"true"`},
		{"string", `1.0`, `"1"`},
		{"string", `-1.0`, `"-1"`},
		{"string", `1.25`, `"1.25"`},
		{"string", `"01"^^xsd:integer`, `"1"`},
		{"string", `"0E1"^^xsd:double`, `"0"`},
		{"string", `"1E0"^^xsd:double`, `"1"`},
		{"string", `"1.5E0"^^xsd:double`, `"1.5"`},
		{"string", `"1e6"^^xsd:double`, `"1.0E6"`},
		{"string", `"123456.5"^^xsd:double`, `"123456.5"`},
		{"string", `"1e-7"^^xsd:double`, `"1.0E-7"`},
		{"string", `"0.000001"^^xsd:double`, `"0.000001"`},
		{"string", `"-0.0E0"^^xsd:double`, `"-0"`},
		{"string", `"INF"^^xsd:double`, `"INF"`},
		{"string", `"NaN"^^xsd:float`, `"NaN"`},
		{"string", `"1.25"^^xsd:float`, `"1.25"`},
		{"string", `"0.1"^^xsd:float`, `"0.1"`},
		{"string", `"-7.875"^^xsd:float`, `"-7.875"`},
		{"string", `"abc"@en`, `"abc"`},
		{"string", `"x"^^<http://ex/unk>`, `"x"`},
		{"string", `"P1D"^^xsd:duration`, `"P1D"`},
		{"string", `"abc"^^xsd:integer`, errMark},
		{"string", `"2002-10-10T12:00:00.500-05:00"^^xsd:dateTime`, `"2002-10-10T12:00:00.5-05:00"`},
		{"string", `"2002-10-10T12:00:00+00:00"^^xsd:dateTime`, `"2002-10-10T12:00:00Z"`},
		{"string", `_:b`, errMark},

		{"dateTime", `"2002-10-10T17:00:00Z"`, `"2002-10-10T17:00:00Z"^^xsd:dateTime`},
		{"dateTime", `" 2002-10-10T17:00:00Z "`, `"2002-10-10T17:00:00Z"^^xsd:dateTime`},
		{"dateTime", `"2002-10-10T17:00:00.000+00:00"`, `"2002-10-10T17:00:00Z"^^xsd:dateTime`},
		{"dateTime", `"2002-10-10"`, errMark},
		{"dateTime", `"2002-02-29T00:00:00"`, errMark},
		{"dateTime", `"2000-02-29T00:00:00"`, `"2000-02-29T00:00:00"^^xsd:dateTime`},
		{"dateTime", `"2002-10-10"^^xsd:date`, `"2002-10-10T00:00:00"^^xsd:dateTime`},
		{"dateTime", `"2002-10-10-05:00"^^xsd:date`, `"2002-10-10T00:00:00-05:00"^^xsd:dateTime`},
		{"dateTime", `"2002-10-10T17:00:00-05:00"^^xsd:dateTime`, `"2002-10-10T17:00:00-05:00"^^xsd:dateTime`},
		{"dateTime", `"17:00:00"^^xsd:time`, errMark},
		{"dateTime", `1`, errMark},
		{"dateTime", `<http://ex/a>`, errMark},
		{"date", `"2002-10-10T17:00:00-05:00"^^xsd:dateTime`, `"2002-10-10-05:00"^^xsd:date`},
		{"date", `"2002-10-10"`, `"2002-10-10"^^xsd:date`},
		{"date", `"2002-13-10"`, errMark},
		{"time", `"2002-10-10T17:00:00Z"^^xsd:dateTime`, `"17:00:00Z"^^xsd:time`},
		{"time", `"17:00:00.10"`, `"17:00:00.1"^^xsd:time`},
		{"time", `"2002-10-10"^^xsd:date`, errMark},

		{"int", `"3000000000"`, errMark},
		{"int", `"-5"`, `"-5"^^xsd:int`},
		{"int", `2.9`, `"2"^^xsd:int`},
		{"byte", `127`, `"127"^^xsd:byte`},
		{"byte", `128`, errMark},
		{"short", `"-32769"`, errMark},
		{"unsignedByte", `-1`, errMark},
		{"unsignedByte", `"255"`, `"255"^^xsd:unsignedByte`},
		{"positiveInteger", `0`, errMark},
		{"nonNegativeInteger", `0`, `"0"^^xsd:nonNegativeInteger`},
		{"nonPositiveInteger", `"1"`, errMark},
		{"negativeInteger", `-1.9`, `"-1"^^xsd:negativeInteger`},
		{"long", `"9223372036854775808"`, errMark},
		{"unsignedLong", `"18446744073709551615"`, `"18446744073709551615"^^xsd:unsignedLong`},
		{"unsignedInt", `true`, `"1"^^xsd:unsignedInt`},
		{"gYear", `"2002"`, errMark},
		{"anyURI", `"http://ex/"`, errMark},
	}
	for _, c := range cases {
		got, err := Call(nil, term.XSDNS+c.target, terms(c.in))
		checkResult(t, fmt.Sprintf("xsd:%s(%s)", c.target, c.in), got, err, c.want)
	}
	if _, err := Call(nil, term.XSDInteger, terms(`1`, `2`)); err == nil {
		t.Error("cast with two arguments must fail")
	}
	if _, err := Call(nil, "http://ex/notACast", terms(`1`)); err == nil {
		t.Error("unknown function IRI must fail")
	}
	if !Known(term.XSDDouble) || Known("http://ex/f") || !Known("strlen") || Known("FOO") {
		t.Error("Known")
	}
}

func TestResolveIRI(t *testing.T) {
	// RFC 3986 resolution itself is tested in package iri; here the checks
	// IRI()/URI() add on top of it.
	if got, err := resolveIRI("http://a/b/c", "../d"); err != nil || got != "http://a/d" {
		t.Errorf("resolveIRI = %q, %v", got, err)
	}
	for _, c := range [][2]string{{"", "rel"}, {"", "a b"}, {"http://a/", "x y"}, {"http://a/", "<x>"}} {
		if got, err := resolveIRI(c[0], c[1]); err == nil {
			t.Errorf("resolveIRI(%q, %q) = %q, want an error", c[0], c[1], got)
		}
	}
}
