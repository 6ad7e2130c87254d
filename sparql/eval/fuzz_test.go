package eval_test

import (
	"context"
	"testing"
	"time"

	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/term"
)

// fuzzDataset is a small graph with literals of several types, a
// language-tagged string, a blank node and a named graph.
func fuzzDataset() *eval.MemDataset {
	ds := eval.NewMemDataset()
	ex := func(s string) term.Term { return term.IRI("http://ex/" + s) }
	for _, q := range []term.Quad{
		{S: ex("a"), P: ex("p"), O: ex("b")},
		{S: ex("b"), P: ex("p"), O: ex("c")},
		{S: ex("c"), P: ex("p"), O: ex("a")},
		{S: ex("a"), P: ex("n"), O: term.Literal("7", term.XSDInteger)},
		{S: ex("b"), P: ex("n"), O: term.Literal("2.5", term.XSDDecimal)},
		{S: ex("c"), P: ex("name"), O: term.LangString("Skåne", "sv")},
		{S: term.Blank("x"), P: ex("name"), O: term.String("blank")},
		{S: ex("a"), P: ex("p"), O: ex("d"), G: ex("g")},
	} {
		ds.Add(q)
	}
	return ds
}

// FuzzEval evaluates whatever parses, under tight limits. No query may
// crash the evaluator, and what it answers must be well formed: every row
// as wide as the variables, every triple a valid RDF triple.
func FuzzEval(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	ds := fuzzDataset()
	f.Fuzz(func(t *testing.T, text string) {
		q, err := parse.Query(text, parse.Options{Base: "http://ex/"})
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		var view eval.Dataset = ds
		if q.Dataset != nil {
			view = eval.Restrict(ds, q.Dataset.Default, q.Dataset.Named)
		}
		res, err := eval.Query(ctx, view, q,
			eval.Options{MaxMemory: 8 << 20, MaxTermSize: 1 << 16, MaxTriples: 1000})
		if err != nil {
			return // a limit, the deadline or a refusal: an answer, not a crash
		}
		for _, row := range res.Rows {
			if len(row) != len(res.Vars) {
				t.Fatalf("%q: a row of %d terms for %d variables", text, len(row), len(res.Vars))
			}
		}
		for _, tr := range res.Triples {
			if err := (term.Quad{S: tr.S, P: tr.P, O: tr.O}).Check(); err != nil {
				t.Fatalf("%q: built an ill-formed triple %v: %v", text, tr, err)
			}
		}
	})
}

var fuzzSeeds = []string{
	`SELECT * { ?s ?p ?o }`,
	`PREFIX : <http://ex/> SELECT ?s (COUNT(*) AS ?n) { ?s :p+ ?o } GROUP BY ?s HAVING(?n > 1) ORDER BY DESC(?n)`,
	`SELECT * { ?s ?p ?o OPTIONAL { ?o ?q ?r } FILTER(!BOUND(?r) || ?r != ?s) } LIMIT 5`,
	`SELECT ?x { BIND(CONCAT("a", "a") AS ?y) BIND(CONCAT(?y, ?y) AS ?x) }`,
	`SELECT ?z { BIND(99999999999 AS ?x) BIND(?x * ?x * ?x * ?x AS ?z) }`,
	`CONSTRUCT { ?o ?p ?s } { ?s ?p ?o }`,
	`CONSTRUCT { ?s ?p "x"@sv . _:b ?p ?o } { ?s ?p ?o }`,
	`ASK { GRAPH ?g { ?s ?p ?o } MINUS { ?s ?p ?o } }`,
	`SELECT * { VALUES (?a ?b) { (1 2) (UNDEF "x") } ?s ?p ?o }`,
	`DESCRIBE ?s { ?s ?p ?o }`,
	`SELECT (GROUP_CONCAT(?o; separator=",") AS ?c) (SAMPLE(?o) AS ?x) { ?s ?p ?o FILTER EXISTS { ?o ?q ?r } }`,
	`SELECT * { ?a ?p ?b . ?b ?p ?c . ?c ?p ?d . ?d ?p ?e } ORDER BY ?e`,
	`SELECT (REPLACE(STR(?o), "(a|b)*", "$1$1") AS ?r) (REGEX(STR(?s), "^h") AS ?m) { ?s ?p ?o }`,
	`PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT (IRI(CONCAT("http://ex/", STR(?o))) AS ?i) (STRDT(STR(?o), xsd:date) AS ?d) { ?s ?p ?o }`,
}
