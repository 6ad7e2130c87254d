package parse

import (
	"strings"
	"testing"

	"kg/sparql/algebra"
)

// FuzzQuery checks that no query text makes the parser panic, hang or
// overflow its stack, and that the algebra of any query it accepts can be
// walked (printed, its variables listed) by the recursive functions the
// evaluator shares. Seeds nest past the limit in every shape the parser
// recurses on.
func FuzzQuery(f *testing.F) {
	deep := func(open, mid, close string, n int) string {
		return strings.Repeat(open, n) + mid + strings.Repeat(close, n)
	}
	for _, s := range []string{
		"PREFIX : <http://ex/> SELECT ?s (COUNT(*) AS ?n) { ?s :p/:q* [ :r (1 2) ] OPTIONAL { ?s :t ?o FILTER(?o > 1) } } GROUP BY ?s HAVING (?n > 2) ORDER BY DESC(?n) LIMIT 5",
		"ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } MINUS { ?s a <http://ex/T> } BIND(STR(?s) AS ?x) VALUES ?x { \"a\" UNDEF } }",
		"CONSTRUCT WHERE { ?s ?p ?o }",
		"DESCRIBE * WHERE { ?s ?p ?o FILTER NOT EXISTS { ?s !(<p>|^<q>) ?o } }",
		"SELECT * { FILTER(" + deep("(", "true", ")", 1100) + ") }",
		"SELECT * { FILTER(" + strings.Repeat("!", 1100) + "true) }",
		"SELECT * " + deep("{", "", "}", 1100),
		"SELECT (" + strings.Repeat("1+", 1100) + "1 AS ?x) {}",
		"ASK { ?s " + deep("(", "<p>", ")", 1100) + " ?o }",
		"ASK { ?s <p> " + deep("[ <p> ", "1", " ]", 1100) + " }",
		"ASK { ?s <p> " + deep("(", "", ")", 1100) + " }",
		"SELECT (" + deep("STR(", "1", ")", 1100) + " AS ?x) {}",
		"ASK { " + strings.Repeat("OPTIONAL {} ", 1100) + "}",
		"ASK { {}" + strings.Repeat(" UNION {}", 1100) + " }",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		q, err := Query(src, Options{Base: "http://b/"})
		if err != nil {
			return
		}
		_ = algebra.Format(q.Pattern)
		_ = algebra.InScope(q.Pattern)
	})
}
