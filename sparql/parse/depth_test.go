package parse

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"kg/internal/limits"
	"kg/sparql/algebra"
)

// Hostile queries: nesting or chains a million deep must give a syntax
// error at the place the limit is crossed, never overflow the stack of
// the parser or of whatever walks the algebra afterwards.
func TestNestingLimit(t *testing.T) {
	const n = 1_000_000
	cases := []struct {
		name, query string
	}{
		{"parentheses", "SELECT * WHERE { FILTER(" + strings.Repeat("(", n/2) + "true" + strings.Repeat(")", n/2) + ") }"},
		{"negations", "SELECT * WHERE { FILTER(" + strings.Repeat("!", n) + "true) }"},
		{"unary minus", "SELECT * WHERE { FILTER(" + strings.Repeat("- ", n/2) + "1) }"},
		{"groups", "SELECT * WHERE " + strings.Repeat("{", n) + strings.Repeat("}", n)},
		{"sum chain", "SELECT (" + strings.Repeat("1+", n) + "1 AS ?x) {}"},
		{"product chain", "SELECT (" + strings.Repeat("2*", n/2) + "1 AS ?x) {}"},
		{"or chain", "ASK { FILTER(" + strings.Repeat("?a||", n/4) + "?a) }"},
		{"function calls", "SELECT (" + strings.Repeat("STR(", n/4) + "1" + strings.Repeat(")", n/4) + " AS ?x) {}"},
		{"nested path", "ASK { ?s " + strings.Repeat("(", n/2) + "<p>" + strings.Repeat(")", n/2) + " ?o }"},
		{"path sequence", "ASK { ?s <p>" + strings.Repeat("/<p>", n/4) + " ?o }"},
		{"path alternative", "ASK { ?s <p>" + strings.Repeat("|<p>", n/4) + " ?o }"},
		{"blank node lists", "ASK { ?s <p> " + strings.Repeat("[ <p> ", n/8) + "1" + strings.Repeat("]", n/8) + " }"},
		{"collections", "ASK { ?s <p> " + strings.Repeat("(", n/2) + strings.Repeat(")", n/2) + " }"},
		{"optionals", "ASK { " + strings.Repeat("OPTIONAL{} ", n/11) + "}"},
		{"binds", "ASK { " + binds(n/16) + "}"},
		{"filters", "ASK { " + strings.Repeat("FILTER(true) ", n/16) + "}"},
		{"unions", "ASK { {}" + strings.Repeat(" UNION {}", n/10) + " }"},
		{"paths in one block", "ASK { " + strings.Repeat("?s <p>+ ?o . ", n/14) + "}"},
		{"select expressions", "SELECT" + strings.Repeat(" (1 AS ?x)", n/11) + " {}"},
		{"exists", "ASK { " + strings.Repeat("FILTER EXISTS { ", n/16) + strings.Repeat("}", n/16) + " }"},
		{"subqueries", "SELECT * { " + strings.Repeat("{ SELECT * { ", n/13) + strings.Repeat("} }", n/13) + " }"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Query(c.query, Options{Base: "http://ex/"})
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a syntax error", err)
			}
			if want := "nesting deeper than 1000"; pe.Msg != want {
				t.Fatalf("got %v, want %q", err, want)
			}
			if pe.Line != 1 || pe.Col < 10 || pe.Col > 20000 {
				t.Errorf("error at %d:%d, want the place the limit is crossed", pe.Line, pe.Col)
			}
		})
	}
}

// The limit leaves room for any real query, can be changed, and what it
// admits can be walked by the algebra's recursive functions.
func TestNestingLimitAdmits(t *testing.T) {
	deep := "SELECT (" + strings.Repeat("(", 900) + "1" + strings.Repeat(")", 900) + " AS ?x) { FILTER(" +
		strings.Repeat("!", 900) + "true) }"
	q, err := Query(deep, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := algebra.Format(q.Pattern); !strings.Contains(s, "(! (! ") {
		t.Errorf("unexpected algebra %.200s", s)
	}
	if _, err := Query(deep, Options{MaxDepth: 500}); err == nil || !strings.Contains(err.Error(), "nesting deeper than 500") {
		t.Errorf("MaxDepth 500: got %v", err)
	}
	chain := "SELECT (" + strings.Repeat("1+", 5000) + "1 AS ?x) {}"
	if _, err := Query(chain, Options{MaxDepth: 10000}); err != nil {
		t.Errorf("MaxDepth 10000: %v", err)
	}
	if limits.Depth != 1000 {
		t.Errorf("the default is documented as 1000, not %d", limits.Depth)
	}
}

func TestNestingErrorPosition(t *testing.T) {
	q := "ASK {\n  FILTER(" + strings.Repeat("(", 2000) + "1" + strings.Repeat(")", 2000) + ")\n}"
	_, err := Query(q, Options{})
	// The group is one level, FILTER another, its own '(' a third: the
	// 998th '(' inside, at column 9+998, is the 1001st level.
	if err == nil || err.Error() != "2:1007: nesting deeper than 1000" {
		t.Fatalf("got %v", err)
	}
}

func binds(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "BIND(1 AS ?x%d) ", i)
	}
	return b.String()
}
