package expr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"kg/term"
)

// Test notation for terms, close to Turtle:
//
//	UNBOUND              the zero term
//	<http://ex/a>        IRI
//	_:b1                 blank node
//	"abc" "abc"@en "1"^^xsd:integer "x"^^<http://ex/t>   literals (Go escapes)
//	1  -1.5  1e0  true   Turtle shorthand for integer, decimal, double, boolean
//	ERR                  (as an expected value) any error wrapping ErrType
const errMark = "ERR"

func tt(s string) term.Term {
	t, err := parseTestTerm(s)
	if err != nil {
		panic(err)
	}
	return t
}

func parseTestTerm(s string) (term.Term, error) {
	switch {
	case s == "UNBOUND":
		return term.Term{}, nil
	case strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">"):
		return term.IRI(s[1 : len(s)-1]), nil
	case strings.HasPrefix(s, "_:"):
		return term.Blank(s[2:]), nil
	case s == "true" || s == "false":
		return term.Literal(s, term.XSDBoolean), nil
	case strings.HasPrefix(s, `"`):
		end := closingQuote(s)
		if end < 0 {
			return term.Term{}, fmt.Errorf("bad literal %s", s)
		}
		lex, err := strconv.Unquote(s[:end+1])
		if err != nil {
			return term.Term{}, fmt.Errorf("bad literal %s: %v", s, err)
		}
		rest := s[end+1:]
		switch {
		case rest == "":
			return term.String(lex), nil
		case strings.HasPrefix(rest, "@@"):
			// keeps the tag's case, for tests of case-insensitivity
			return term.Term{Kind: term.KindLiteral, Value: lex, Datatype: term.RDFLangString, Lang: rest[2:]}, nil
		case strings.HasPrefix(rest, "@"):
			return term.LangString(lex, rest[1:]), nil
		case strings.HasPrefix(rest, "^^<"):
			return term.Literal(lex, strings.TrimSuffix(rest[3:], ">")), nil
		case strings.HasPrefix(rest, "^^xsd:"):
			return term.Literal(lex, term.XSDNS+rest[6:]), nil
		case strings.HasPrefix(rest, "^^rdf:"):
			return term.Literal(lex, term.RDFNS+rest[6:]), nil
		}
		return term.Term{}, fmt.Errorf("bad literal suffix %s", s)
	case strings.ContainsAny(s, "eE"):
		return term.Literal(s, term.XSDDouble), nil
	case strings.Contains(s, "."):
		return term.Literal(s, term.XSDDecimal), nil
	}
	if _, ok := parseIntegerLex(s); ok {
		return term.Literal(s, term.XSDInteger), nil
	}
	return term.Term{}, fmt.Errorf("cannot read test term %q", s)
}

func closingQuote(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}

func terms(ss ...string) []term.Term {
	out := make([]term.Term, len(ss))
	for i, s := range ss {
		out[i] = tt(s)
	}
	return out
}

// checkResult compares a result with an expected term in test notation
// (exact term identity, so lexical forms are checked).
func checkResult(t *testing.T, what string, got term.Term, err error, want string) {
	t.Helper()
	if want == errMark {
		if err == nil {
			t.Errorf("%s = %s, want an error", what, got)
		} else if !errors.Is(err, ErrType) {
			t.Errorf("%s: error %v does not wrap ErrType", what, err)
		}
		return
	}
	if err != nil {
		t.Errorf("%s: unexpected error %v, want %s", what, err, want)
		return
	}
	if w := tt(want); got != w {
		t.Errorf("%s = %s, want %s", what, got, w)
	}
}

func TestParseTestTerm(t *testing.T) {
	cases := map[string]term.Term{
		`1`:                   term.Literal("1", term.XSDInteger),
		`-1.5`:                term.Literal("-1.5", term.XSDDecimal),
		`1e0`:                 term.Literal("1e0", term.XSDDouble),
		`"a\"b"@EN`:           term.LangString(`a"b`, "en"),
		`"x"^^<http://ex/t>`:  term.Literal("x", "http://ex/t"),
		`"1"^^xsd:int`:        term.Literal("1", XSDInt),
		`<http://ex/a>`:       term.IRI("http://ex/a"),
		`_:b`:                 term.Blank("b"),
		`UNBOUND`:             {},
		`"\u00e5"`:            term.String("å"),
		`"a"^^rdf:langString`: term.Literal("a", term.RDFLangString),
	}
	for in, want := range cases {
		if got := tt(in); got != want {
			t.Errorf("tt(%s) = %#v, want %#v", in, got, want)
		}
	}
}
