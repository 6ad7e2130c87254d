package expr

import (
	"errors"
	"fmt"
	"testing"

	"kg/term"
)

func TestOperator(t *testing.T) {
	cases := []struct{ a, op, b, want string }{
		// arithmetic, promotion and canonical results
		{`1`, "+", `2`, `3`},
		{`1`, "+", `2.0`, `"3"^^xsd:decimal`},
		{`1.5`, "+", `1.5`, `"3"^^xsd:decimal`},
		{`1`, "+", `1e0`, `"2.0E0"^^xsd:double`},
		{`"1"^^xsd:float`, "+", `1`, `"2.0E0"^^xsd:float`},
		{`"1"^^xsd:float`, "+", `1e0`, `"2.0E0"^^xsd:double`},
		{`"1.5"^^xsd:float`, "+", `1.5`, `"3.0E0"^^xsd:float`},
		{`"5"^^xsd:int`, "+", `"3"^^xsd:byte`, `8`},
		{`"5"^^xsd:int`, "*", `2.0`, `"10"^^xsd:decimal`},
		{`"5"^^xsd:unsignedShort`, "-", `"7"^^xsd:positiveInteger`, `-2`},
		{`7`, "/", `2`, `"3.5"^^xsd:decimal`},
		{`6`, "/", `3`, `"2"^^xsd:decimal`},
		{`1`, "/", `3`, `"0.333333333333333333333333"^^xsd:decimal`},
		{`2`, "/", `3`, `"0.666666666666666666666667"^^xsd:decimal`},
		{`-1`, "/", `3`, `"-0.333333333333333333333333"^^xsd:decimal`},
		{`-2`, "/", `3`, `"-0.666666666666666666666667"^^xsd:decimal`},
		{`1`, "/", `8`, `"0.125"^^xsd:decimal`},
		{`1`, "/", `0`, errMark},
		{`1.0`, "/", `0`, errMark},
		{`1.0`, "/", `0.0`, errMark},
		{`0`, "/", `0`, errMark},
		{`1e0`, "/", `0`, `"INF"^^xsd:double`},
		{`-1e0`, "/", `0`, `"-INF"^^xsd:double`},
		{`0e0`, "/", `0`, `"NaN"^^xsd:double`},
		{`"1"^^xsd:float`, "/", `0`, `"INF"^^xsd:float`},
		{`1`, "/", `"-0.0E0"^^xsd:double`, `"-INF"^^xsd:double`},
		{`9223372036854775807`, "+", `1`, `9223372036854775808`},
		{`-9223372036854775808`, "-", `1`, `-9223372036854775809`},
		{`9223372036854775807`, "*", `2`, `18446744073709551614`},
		{`-9223372036854775808`, "*", `-1`, `9223372036854775808`},
		{`18446744073709551616`, "-", `18446744073709551615`, `1`},
		{`18446744073709551616`, "/", `2`, `"9223372036854775808"^^xsd:decimal`},
		{`3`, "-", `5`, `-2`},
		{`0.1`, "+", `0.2`, `"0.3"^^xsd:decimal`},
		{`0.1e0`, "+", `0.2e0`, `"3.0000000000000004E-1"^^xsd:double`},
		{`1.10`, "-", `0.1`, `"1"^^xsd:decimal`},
		{`2`, "*", `-0.5`, `"-1"^^xsd:decimal`},
		{`1e300`, "*", `1e300`, `"INF"^^xsd:double`},
		{`"-0"^^xsd:integer`, "+", `0`, `0`},
		{`"+5"^^xsd:integer`, "+", `0`, `5`},
		{`"05"^^xsd:integer`, "*", `1`, `5`},
		{`".5"^^xsd:decimal`, "*", `2`, `"1"^^xsd:decimal`},
		{`"1."^^xsd:decimal`, "+", `0`, `"1"^^xsd:decimal`},
		{`10`, "*", `1e0`, `"1.0E1"^^xsd:double`},
		{`"1.5"^^xsd:double`, "*", `"100"^^xsd:double`, `"1.5E2"^^xsd:double`},
		{`"a"`, "+", `1`, errMark},
		{`"1"`, "+", `1`, errMark},
		{`"abc"^^xsd:integer`, "+", `1`, errMark},
		{`"1200"^^xsd:byte`, "+", `1`, errMark},
		{`<http://ex/a>`, "+", `1`, errMark},
		{`_:b`, "*", `1`, errMark},
		{`UNBOUND`, "+", `1`, errMark},
		{`true`, "+", `1`, errMark},
		{`"2002-10-10T17:00:00Z"^^xsd:dateTime`, "-", `1`, errMark},
		{`1`, "%", `1`, errMark},

		// equality by value
		{`1`, "=", `1.0`, `true`},
		{`1`, "=", `1e0`, `true`},
		{`"1"^^xsd:int`, "=", `1`, `true`},
		{`"01"^^xsd:integer`, "=", `1`, `true`},
		{`1`, "=", `2`, `false`},
		{`1`, "!=", `2`, `true`},
		{`1`, "!=", `1.0`, `false`},
		{`0.1`, "=", `"0.1"^^xsd:float`, `true`}, // decimal promoted to float
		{`0.1`, "=", `0.1e0`, `true`},
		{`"abc"`, "=", `"abc"^^xsd:string`, `true`},
		{`"abc"`, "=", `"abc"@en`, `false`},
		{`"abc"`, "!=", `"abc"@en`, `true`},
		{`"abc"@en`, "=", `"abc"@@EN`, `true`},
		{`"abc"@en`, "=", `"abc"@fr`, `false`},
		{`"abc"@en`, "=", `"abd"@en`, `false`},
		{`"a"`, "=", `"b"`, `false`},
		{`"a"`, "!=", `"b"`, `true`},
		{`true`, "=", `"1"^^xsd:boolean`, `true`},
		{`false`, "=", `"0"^^xsd:boolean`, `true`},
		{`false`, "!=", `true`, `true`},
		{`"2002-10-10T12:00:00-05:00"^^xsd:dateTime`, "=", `"2002-10-10T17:00:00Z"^^xsd:dateTime`, `true`},
		{`"2002-10-10T17:00:00Z"^^xsd:dateTime`, "=", `"2002-10-10T17:00:00"^^xsd:dateTime`, `true`},
		{`"2002-10-10T17:00:00.5Z"^^xsd:dateTime`, "=", `"2002-10-10T17:00:00.50Z"^^xsd:dateTime`, `true`},
		{`"2002-10-10T17:00:00.5Z"^^xsd:dateTime`, "=", `"2002-10-10T17:00:00.51Z"^^xsd:dateTime`, `false`},
		{`"2002-10-10T24:00:00Z"^^xsd:dateTime`, "=", `"2002-10-11T00:00:00Z"^^xsd:dateTime`, `true`},
		{`"2002-10-10"^^xsd:date`, "=", `"2002-10-10Z"^^xsd:date`, `true`},
		{`"2002-10-10"^^xsd:date`, "=", `"2002-10-10T00:00:00"^^xsd:dateTime`, `false`},
		{`"x"^^<http://ex/unk>`, "=", `"x"^^<http://ex/unk>`, `true`},
		{`"x"^^<http://ex/unk>`, "=", `"y"^^<http://ex/unk>`, errMark},
		{`"x"^^<http://ex/unk>`, "!=", `"y"^^<http://ex/unk>`, errMark},
		{`"x"^^<http://ex/unk>`, "=", `"x"`, errMark},
		{`"x"^^<http://ex/unk>`, "=", `<http://ex/x>`, `false`},
		{`"abc"^^xsd:integer`, "=", `"abc"^^xsd:integer`, `true`},
		{`"abc"^^xsd:integer`, "=", `1`, errMark},
		{`"abc"^^xsd:integer`, "!=", `"abd"^^xsd:integer`, errMark},
		{`1`, "=", `"1"`, `false`},
		{`1`, "!=", `"1"`, `true`},
		{`true`, "=", `"true"`, `false`},
		{`<http://ex/a>`, "=", `<http://ex/a>`, `true`},
		{`<http://ex/a>`, "=", `<http://ex/b>`, `false`},
		{`<http://ex/a>`, "!=", `<http://ex/b>`, `true`},
		{`<http://ex/a>`, "=", `"http://ex/a"`, `false`},
		{`_:b`, "=", `_:b`, `true`},
		{`_:a`, "=", `<http://ex/a>`, `false`},
		{`_:a`, "=", `"a"`, `false`},
		{`"NaN"^^xsd:double`, "=", `"NaN"^^xsd:double`, `false`},
		{`"NaN"^^xsd:double`, "!=", `"NaN"^^xsd:double`, `true`},
		{`"INF"^^xsd:double`, "=", `"INF"^^xsd:float`, `true`},
		{`"-0.0E0"^^xsd:double`, "=", `0`, `true`},
		{`UNBOUND`, "=", `1`, errMark},
		{`1`, "!=", `UNBOUND`, errMark},

		// ordering
		{`1`, "<", `2`, `true`},
		{`1`, "<", `1.5`, `true`},
		{`2`, "<", `1e0`, `false`},
		{`2`, ">", `1e0`, `true`},
		{`1`, ">=", `1.0`, `true`},
		{`1`, "<=", `1.0`, `true`},
		{`1`, ">", `1.0`, `false`},
		{`-1`, "<", `"-0.5"^^xsd:float`, `true`},
		{`"10"^^xsd:int`, ">", `"9"^^xsd:long`, `true`},
		{`99999999999999999999`, ">", `9223372036854775807`, `true`},
		{`"a"`, "<", `"b"`, `true`},
		{`"B"`, "<", `"a"`, `true`},
		{`"ä"`, "<", `"å"`, `true`}, // code point order, not Swedish collation
		{`"ab"`, "<", `"abc"`, `true`},
		{`"a"`, "<", `"a"^^xsd:string`, `false`},
		{`"a"`, "<=", `"a"^^xsd:string`, `true`},
		{`"b"`, ">=", `"a"`, `true`},
		{`"a"@en`, "<", `"b"@en`, errMark},
		{`"a"`, "<", `1`, errMark},
		{`false`, "<", `true`, `true`},
		{`true`, "<=", `true`, `true`},
		{`true`, ">", `"0"^^xsd:boolean`, `true`},
		{`"2010-06-21T11:28:01Z"^^xsd:dateTime`, "<", `"2010-12-21T15:38:02-08:00"^^xsd:dateTime`, `true`},
		{`"2010-06-21T11:28:01+02:00"^^xsd:dateTime`, "<", `"2010-06-21T10:28:00Z"^^xsd:dateTime`, `true`},
		{`"2010-06-21T11:28:01.1Z"^^xsd:dateTime`, ">", `"2010-06-21T11:28:01.09Z"^^xsd:dateTime`, `true`},
		{`"-0001-01-01T00:00:00Z"^^xsd:dateTime`, "<", `"0000-01-01T00:00:00Z"^^xsd:dateTime`, `true`},
		{`"2010-06-21"^^xsd:date`, "<", `"2010-06-22"^^xsd:date`, `true`},
		{`"12:00:00"^^xsd:time`, "<", `"13:00:00"^^xsd:time`, `true`},
		{`"2010-06-21"^^xsd:date`, "<", `"2010-06-22T00:00:00Z"^^xsd:dateTime`, errMark},
		{`"NaN"^^xsd:double`, "<", `1`, `false`},
		{`"NaN"^^xsd:double`, ">=", `"NaN"^^xsd:double`, `false`},
		{`"-INF"^^xsd:double`, "<", `-99999999999999999999`, `true`},
		{`<http://ex/a>`, "<", `<http://ex/b>`, errMark},
		{`_:a`, "<", `_:b`, errMark},
		{`"abc"^^xsd:integer`, "<", `1`, errMark},
		{`"x"^^<http://ex/t>`, "<", `"y"^^<http://ex/t>`, errMark},
		{`UNBOUND`, "<", `1`, errMark},
	}
	for _, c := range cases {
		got, err := Operator(c.op, tt(c.a), tt(c.b))
		checkResult(t, fmt.Sprintf("%s %s %s", c.a, c.op, c.b), got, err, c.want)
	}
}

func TestUnary(t *testing.T) {
	cases := []struct{ op, a, want string }{
		{"-", `1`, `-1`},
		{"-", `-1`, `1`},
		{"-", `1.5`, `"-1.5"^^xsd:decimal`},
		{"-", `0.0`, `"0"^^xsd:decimal`},
		{"-", `1e0`, `"-1.0E0"^^xsd:double`},
		{"-", `0e0`, `"-0.0E0"^^xsd:double`},
		{"-", `"2.5"^^xsd:float`, `"-2.5E0"^^xsd:float`},
		{"-", `"5"^^xsd:int`, `-5`},
		{"-", `-9223372036854775808`, `9223372036854775808`},
		{"-", `"a"`, errMark},
		{"-", `"abc"^^xsd:integer`, errMark},
		{"-", `<http://ex/a>`, errMark},
		{"-", `UNBOUND`, errMark},
		{"+", `"05"^^xsd:integer`, `"05"^^xsd:integer`},
		{"+", `"5"^^xsd:byte`, `"5"^^xsd:byte`},
		{"+", `"a"`, errMark},
		{"!", `true`, `false`},
		{"!", `false`, `true`},
		{"!", `""`, `true`},
		{"!", `"x"`, `false`},
		{"!", `0`, `true`},
		{"!", `"abc"^^xsd:integer`, `true`},
		{"!", `<http://ex/a>`, errMark},
		{"!", `UNBOUND`, errMark},
		{"~", `1`, errMark},
	}
	for _, c := range cases {
		got, err := Unary(c.op, tt(c.a))
		checkResult(t, c.op+c.a, got, err, c.want)
	}
}

func TestEBV(t *testing.T) {
	cases := []struct {
		in   string
		want string // "true", "false" or ERR
	}{
		{`true`, "true"},
		{`false`, "false"},
		{`"1"^^xsd:boolean`, "true"},
		{`"0"^^xsd:boolean`, "false"},
		{`"TRUE"^^xsd:boolean`, "false"},
		{`"yes"^^xsd:boolean`, "false"},
		{`""`, "false"},
		{`"a"`, "true"},
		{`"false"`, "true"},
		{`""^^xsd:string`, "false"},
		{`""@en`, "false"},
		{`"a"@en`, "true"},
		{`0`, "false"},
		{`1`, "true"},
		{`-1`, "true"},
		{`0.0`, "false"},
		{`0.1`, "true"},
		{`"0E0"^^xsd:double`, "false"},
		{`"-0.0E0"^^xsd:double`, "false"},
		{`"0"^^xsd:float`, "false"},
		{`"NaN"^^xsd:double`, "false"},
		{`"NaN"^^xsd:float`, "false"},
		{`"INF"^^xsd:double`, "true"},
		{`"-INF"^^xsd:float`, "true"},
		{`"abc"^^xsd:integer`, "false"},
		{`"1.5"^^xsd:integer`, "false"},
		{`"1200"^^xsd:byte`, "false"},
		{`"12"^^xsd:byte`, "true"},
		{`"0"^^xsd:nonNegativeInteger`, "false"},
		{`<http://ex/a>`, errMark},
		{`_:b`, errMark},
		{`UNBOUND`, errMark},
		{`"2002-10-10T17:00:00Z"^^xsd:dateTime`, errMark},
		{`"x"^^<http://ex/unk>`, errMark},
		{`"P1D"^^xsd:duration`, errMark},
	}
	for _, c := range cases {
		got, err := EBV(tt(c.in))
		switch {
		case c.want == errMark:
			if err == nil || !errors.Is(err, ErrType) {
				t.Errorf("EBV(%s) = %v, %v; want a type error", c.in, got, err)
			}
		case err != nil:
			t.Errorf("EBV(%s): %v", c.in, err)
		case fmt.Sprint(got) != c.want:
			t.Errorf("EBV(%s) = %v, want %s", c.in, got, c.want)
		}
	}
}

// tv is a three-valued truth value for the logic tables: T, F or E.
func tv(s byte) func() (bool, error) {
	return func() (bool, error) {
		switch s {
		case 'T':
			return true, nil
		case 'F':
			return false, nil
		}
		return false, ErrType
	}
}

func show(v bool, err error) string {
	switch {
	case err != nil:
		return "E"
	case v:
		return "T"
	}
	return "F"
}

func TestAndOr(t *testing.T) {
	// 17.2: A || B and A && B with errors.
	cases := []struct{ a, b, and, or byte }{
		{'T', 'T', 'T', 'T'},
		{'T', 'F', 'F', 'T'},
		{'F', 'T', 'F', 'T'},
		{'F', 'F', 'F', 'F'},
		{'T', 'E', 'E', 'T'},
		{'E', 'T', 'E', 'T'},
		{'F', 'E', 'F', 'E'},
		{'E', 'F', 'F', 'E'},
		{'E', 'E', 'E', 'E'},
	}
	for _, c := range cases {
		if got := show(And(tv(c.a), tv(c.b))); got != string(c.and) {
			t.Errorf("%c && %c = %s, want %c", c.a, c.b, got, c.and)
		}
		if got := show(Or(tv(c.a), tv(c.b))); got != string(c.or) {
			t.Errorf("%c || %c = %s, want %c", c.a, c.b, got, c.or)
		}
	}
	// Short circuit: the right side is not evaluated when the left decides.
	called := false
	right := func() (bool, error) { called = true; return true, nil }
	if v, err := And(tv('F'), right); v || err != nil || called {
		t.Error("false && x must not evaluate x")
	}
	if v, err := Or(tv('T'), right); !v || err != nil || called {
		t.Error("true || x must not evaluate x")
	}
}

func TestIn(t *testing.T) {
	e := errors.New("evaluation failed")
	cases := []struct {
		needle string
		list   []string
		errs   []error
		in     string // T, F, E
	}{
		{`2`, []string{`1`, `2`, `3`}, nil, "T"},
		{`2`, []string{`1`, `3`}, nil, "F"},
		{`2`, nil, nil, "F"},
		{`2`, []string{`2.0`}, nil, "T"},
		{`2`, []string{`"2"`}, nil, "F"},
		{`2`, []string{`1`, `2`}, []error{e, nil}, "T"},
		{`2`, []string{`1`, `3`}, []error{e, nil}, "E"},
		{`2`, []string{`"x"^^<http://ex/t>`}, nil, "E"}, // 2 = "x"^^<t> is an error
		{`"a"^^<http://ex/t>`, []string{`"b"^^<http://ex/t>`}, nil, "E"},
		{`"a"^^<http://ex/t>`, []string{`"b"^^<http://ex/t>`, `"a"^^<http://ex/t>`}, nil, "T"},
		{`<http://ex/a>`, []string{`<http://ex/b>`, `<http://ex/a>`}, nil, "T"},
		{`UNBOUND`, []string{`1`}, nil, "E"},
	}
	for _, c := range cases {
		list := terms(c.list...)
		in := show(In(nil, tt(c.needle), list, c.errs))
		notIn := show(NotIn(nil, tt(c.needle), list, c.errs))
		want := c.in
		wantNot := map[string]string{"T": "F", "F": "T", "E": "E"}[want]
		if in != want || notIn != wantNot {
			t.Errorf("%s IN %v (errs %v) = %s / NOT IN = %s, want %s / %s", c.needle, c.list, c.errs, in, notIn, want, wantNot)
		}
	}
}

func TestEqualMatchesOperator(t *testing.T) {
	pairs := [][2]string{{`1`, `1.0`}, {`"a"`, `"a"@en`}, {`"x"^^<http://ex/t>`, `"y"^^<http://ex/t>`}, {`<http://ex/a>`, `_:a`}}
	for _, p := range pairs {
		v, err := Equal(tt(p[0]), tt(p[1]))
		r, err2 := Operator("=", tt(p[0]), tt(p[1]))
		if (err == nil) != (err2 == nil) || (err == nil && Bool(v) != r) {
			t.Errorf("Equal(%s, %s) = %v, %v but Operator = %v, %v", p[0], p[1], v, err, r, err2)
		}
		v2, err3 := Equal(tt(p[1]), tt(p[0]))
		if v2 != v || (err3 == nil) != (err == nil) {
			t.Errorf("Equal(%s, %s) is not symmetric", p[0], p[1])
		}
	}
}

func TestIsNumeric(t *testing.T) {
	cases := map[string]bool{
		`12`: true, `"12"`: false, `"1200"^^xsd:byte`: false, `"12"^^xsd:byte`: true,
		`"1e5"^^xsd:double`: true, `"abc"^^xsd:integer`: false, `<http://ex/a>`: false,
		`"NaN"^^xsd:double`: true, `"INF"^^xsd:float`: true, `" 1"^^xsd:integer`: false,
		`"1.5"^^xsd:integer`: false, `"1."^^xsd:decimal`: true, `"."^^xsd:decimal`: false,
		`"1e"^^xsd:double`: false, `"0x1p-2"^^xsd:double`: false, `"inf"^^xsd:double`: false,
		`"Infinity"^^xsd:double`: false, `"1_000"^^xsd:integer`: false, `"+INF"^^xsd:double`: true,
		`"-0"^^xsd:nonPositiveInteger`: true, `"1"^^xsd:nonPositiveInteger`: false,
		`"0"^^xsd:negativeInteger`: false, `"18446744073709551615"^^xsd:unsignedLong`: true,
		`"18446744073709551616"^^xsd:unsignedLong`: false, `"-1"^^xsd:unsignedInt`: false,
		`"2147483648"^^xsd:int`: false, `"-32768"^^xsd:short`: true, `"256"^^xsd:unsignedByte`: false,
		`"0"^^xsd:positiveInteger`: false, `""^^xsd:integer`: false, `"+"^^xsd:integer`: false,
		`true`: false, `UNBOUND`: false,
	}
	for in, want := range cases {
		if got := IsNumeric(tt(in)); got != want {
			t.Errorf("IsNumeric(%s) = %v, want %v", in, got, want)
		}
	}
}

func TestCanonical(t *testing.T) {
	cases := map[string]string{
		`"01"^^xsd:integer`:                         `"1"^^xsd:integer`,
		`"+0"^^xsd:int`:                             `"0"^^xsd:int`,
		`"1.50"^^xsd:decimal`:                       `"1.5"^^xsd:decimal`,
		`"-.5"^^xsd:decimal`:                        `"-0.5"^^xsd:decimal`,
		`"100"^^xsd:double`:                         `"1.0E2"^^xsd:double`,
		`"0.001"^^xsd:float`:                        `"1.0E-3"^^xsd:float`,
		`"1"^^xsd:boolean`:                          `true`,
		`"2002-10-10T12:00:00-05:00"^^xsd:dateTime`: `"2002-10-10T17:00:00Z"^^xsd:dateTime`,
		`"2002-10-10T12:00:00.100"^^xsd:dateTime`:   `"2002-10-10T12:00:00.1"^^xsd:dateTime`,
		`"2002-10-10T23:00:00-05:00"^^xsd:dateTime`: `"2002-10-11T04:00:00Z"^^xsd:dateTime`,
		`"abc"^^xsd:integer`:                        `"abc"^^xsd:integer`,
		`"x"@en`:                                    `"x"@en`,
	}
	for in, want := range cases {
		if got := Canonical(tt(in)); got != tt(want) {
			t.Errorf("Canonical(%s) = %s, want %s", in, got, want)
		}
	}
	if !Valid(tt(`1`)) || Valid(tt(`"x"^^xsd:integer`)) || Valid(term.Term{}) {
		t.Error("Valid")
	}
}
