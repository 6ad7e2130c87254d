package eval

import (
	"slices"
	"strings"
	"testing"

	"kg/sparql/algebra"
	"kg/sparql/expr"
	"kg/term"
)

// sameAsGeneric runs query over ds and over the generic Dataset path,
// which has no id-based operators, and requires equal answers; it returns
// the rows.
func sameAsGeneric(t *testing.T, ds *MemDataset, query string, ordered bool) []string {
	t.Helper()
	got := rows(run(t, ds, query), ordered)
	want := rows(run(t, plainDataset{ds}, query), ordered)
	if !slices.Equal(got, want) {
		t.Errorf("%s\nid path:      %q\ngeneric path: %q", query, got, want)
	}
	return got
}

func TestRangeCount(t *testing.T) {
	ds := loadPeople(t)
	tests := []struct {
		query string
		want  []string
	}{
		// one run of POS per class
		{`SELECT ?c (COUNT(?s) AS ?n) { ?s a ?c } GROUP BY ?c`,
			[]string{`c=:Person n="3"^^xsd:integer`, `c=:Robot n="1"^^xsd:integer`}},
		// no index orders p, s: counted by id
		{`SELECT ?s (COUNT(*) AS ?n) { ?s :knows ?o } GROUP BY ?s`,
			[]string{`n="1"^^xsd:integer s=:bob`, `n="1"^^xsd:integer s=:carol`, `n="2"^^xsd:integer s=:alice`}},
		{`SELECT ?p (COUNT(?o) AS ?n) (COUNT(*) AS ?m) { :alice ?p ?o } GROUP BY ?p`,
			[]string{`m="1"^^xsd:integer n="1"^^xsd:integer p=:age`, `m="1"^^xsd:integer n="1"^^xsd:integer p=:city`,
				`m="1"^^xsd:integer n="1"^^xsd:integer p=:name`, `m="1"^^xsd:integer n="1"^^xsd:integer p=<http://www.w3.org/1999/02/22-rdf-syntax-ns#type`,
				`m="2"^^xsd:integer n="2"^^xsd:integer p=:knows`}},
		{`SELECT (COUNT(*) AS ?n) { ?s :knows ?o }`, []string{`n="4"^^xsd:integer`}},
		// no match: one group without GROUP BY, none with it
		{`SELECT (COUNT(*) AS ?n) { ?s :knows :nobody }`, []string{`n="0"^^xsd:integer`}},
		{`SELECT (COUNT(*) AS ?n) { ?s :unknown ?o }`, []string{`n="0"^^xsd:integer`}},
		{`SELECT ?s (COUNT(*) AS ?n) { ?s :unknown ?o } GROUP BY ?s`, nil},
		{`SELECT ?s (COUNT(*) AS ?n) { ?s :knows :nobody } GROUP BY ?s`, nil},
		// the seed binds the grouping variable
		{`SELECT ?s ?n { VALUES ?s { :alice :dave } { SELECT ?s (COUNT(*) AS ?n) { ?s :knows ?o } GROUP BY ?s } }`,
			[]string{`n="2"^^xsd:integer s=:alice`}},
		// named graphs
		{`SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s :likes ?o } } GROUP BY ?g`,
			[]string{`g=:g1 n="1"^^xsd:integer`, `g=:g2 n="1"^^xsd:integer`}},
		{`SELECT ?o (COUNT(?s) AS ?n) { GRAPH :g1 { ?s :likes ?o } } GROUP BY ?o`, []string{`n="1"^^xsd:integer o=:bob`}},
		// the general evaluation: a repeated variable, DISTINCT, other aggregates
		{`SELECT (COUNT(*) AS ?n) { ?s ?p ?s }`, []string{`n="0"^^xsd:integer`}},
		{`SELECT ?c (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c } GROUP BY ?c`,
			[]string{`c=:Person n="1"^^xsd:integer`, `c=:Robot n="1"^^xsd:integer`}},
		{`SELECT (SUM(?a) AS ?n) { ?s :age ?a }`, []string{`n="56"^^xsd:integer`}},
		// HAVING over counted groups
		{`SELECT ?s (COUNT(*) AS ?n) { ?s :knows ?o } GROUP BY ?s HAVING (COUNT(*) > 1)`,
			[]string{`n="2"^^xsd:integer s=:alice`}},
	}
	for _, tt := range tests {
		got := sameAsGeneric(t, ds, tt.query, false)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s\n got %q\nwant %q", tt.query, got, tt.want)
		}
	}
}

// TestCountPlan checks which groups the range count takes.
func TestCountPlan(t *testing.T) {
	tests := []struct {
		query string
		plan  bool
	}{
		{`SELECT ?c (COUNT(?s) AS ?n) { ?s a ?c } GROUP BY ?c`, true},
		{`SELECT (COUNT(*) AS ?n) { ?s a ?c }`, true},
		{`SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c`, false},
		{`SELECT ?c (COUNT(?x) AS ?n) { ?s a ?c } GROUP BY ?c`, false},
		{`SELECT ?c (SUM(?s) AS ?n) { ?s a ?c } GROUP BY ?c`, false},
		{`SELECT ?c (COUNT(*) AS ?n) { ?s a ?c FILTER(?s != :a) } GROUP BY ?c`, false},
		{`SELECT ?c (COUNT(*) AS ?n) { ?s a ?c ; :p ?o } GROUP BY ?c`, false},
		{`SELECT ?s ?c (COUNT(*) AS ?n) { ?s a ?c } GROUP BY ?s ?c`, false},
		{`SELECT ?x (COUNT(*) AS ?n) { ?s a ?c } GROUP BY ?x`, false},
	}
	for _, tt := range tests {
		g := compiledGroup(t, tt.query)
		if got := g.countPlan() != nil; got != tt.plan {
			t.Errorf("%s: range count %v, want %v", tt.query, got, tt.plan)
		}
	}
}

// compiledGroup compiles a query and returns its outermost group node.
func compiledGroup(t *testing.T, query string) *groupNode {
	t.Helper()
	q := mustParse(t, query)
	c := &compiler{slots: map[string]int{}}
	root, err := c.pattern(q.Pattern)
	if err != nil {
		t.Fatal(err)
	}
	g := findGroup(root)
	if g == nil {
		t.Fatalf("%s: no group", query)
	}
	return g
}

func findGroup(n node) *groupNode {
	if g, ok := n.(*groupNode); ok {
		return g
	}
	for _, c := range children(n) {
		if g := findGroup(c); g != nil {
			return g
		}
	}
	return nil
}

// TestOrderLimit checks that ORDER BY under a LIMIT, which keeps only the
// rows the limit reads, gives the leading rows of the full order, ties in
// the same order, with and without a projection or DISTINCT between.
func TestOrderLimit(t *testing.T) {
	ds := genDataset(2000) // 2000 people of ages 18..77, in 40 groups
	tests := []struct{ query, full string }{
		{`SELECT ?p ?a { ?p :age ?a } ORDER BY DESC(?a) LIMIT 25 OFFSET 130`,
			`SELECT ?p ?a { ?p :age ?a } ORDER BY DESC(?a)`},
		{`SELECT ?p { ?p :age ?a } ORDER BY ?a LIMIT 7`,
			`SELECT ?p { ?p :age ?a } ORDER BY ?a`},
		{`SELECT ?g ?a { ?p :age ?a ; :member ?g } ORDER BY ?g DESC(?a) LIMIT 300`,
			`SELECT ?g ?a { ?p :age ?a ; :member ?g } ORDER BY ?g DESC(?a)`},
		{`SELECT DISTINCT ?a { ?p :age ?a } ORDER BY ?a LIMIT 5 OFFSET 3`,
			`SELECT DISTINCT ?a { ?p :age ?a } ORDER BY ?a`},
		{`SELECT ?g (COUNT(?p) AS ?n) { ?p :member ?g } GROUP BY ?g ORDER BY DESC(?n) ?g LIMIT 3`,
			`SELECT ?g (COUNT(?p) AS ?n) { ?p :member ?g } GROUP BY ?g ORDER BY DESC(?n) ?g`},
	}
	for _, tt := range tests {
		q := mustParse(t, tt.query)
		full := rows(run(t, ds, tt.full), true)
		lo, hi := int(q.Pattern.(algebra.Slice).Offset), int(q.Pattern.(algebra.Slice).Limit)
		hi = min(lo+hi, len(full))
		got := rows(run(t, ds, tt.query), true)
		if !slices.Equal(got, full[lo:hi]) {
			t.Errorf("%s:\n got %q\nwant %q", tt.query, got, full[lo:hi])
		}
	}
	plan, err := Explain(mustParse(t, tests[0].query))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plan, "order (1 key), first 155") {
		t.Errorf("the order keeps all rows:\n%s", plan)
	}
	plan, err = Explain(mustParse(t, tests[3].query))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plan, "first") {
		t.Errorf("the order under DISTINCT drops rows:\n%s", plan)
	}
}

// TestGroupByID checks grouping over a MemDataset, where groups are found
// by term id, against the generic path: joins, values the dataset lacks,
// unbound keys, DISTINCT aggregates, errors in aggregates, no rows.
func TestGroupByID(t *testing.T) {
	ds := loadPeople(t)
	tests := []struct {
		query string
		want  []string
	}{
		{`SELECT ?c (COUNT(?o) AS ?n) { ?s a ?c ; :knows ?o } GROUP BY ?c`,
			[]string{`c=:Person n="4"^^xsd:integer`}},
		// ?c is unbound for dave; ?k is computed for some, a dataset term for others
		{`SELECT ?c (COUNT(*) AS ?n) { ?s a ?x OPTIONAL { ?s :city ?c } } GROUP BY ?c`,
			[]string{`c=:lund n="1"^^xsd:integer`, `n="3"^^xsd:integer`}},
		{`SELECT ?k (COUNT(?s) AS ?n) { ?s :name ?nm BIND(IF(?s = :alice, ?nm, CONCAT(?nm, "!")) AS ?k) } GROUP BY ?k`,
			[]string{`k="Alice" n="1"^^xsd:integer`, `k="Bob!" n="1"^^xsd:integer`, `k="Carol!" n="1"^^xsd:integer`, `k="Dave!" n="1"^^xsd:integer`}},
		{`SELECT ?c (COUNT(DISTINCT ?o) AS ?n) (COUNT(?o) AS ?m) { ?s a ?c ; :knows ?o } GROUP BY ?c`,
			[]string{`c=:Person m="4"^^xsd:integer n="3"^^xsd:integer`}},
		// SUM fails on a name; COUNT of an unbound variable counts nothing
		{`SELECT ?c (SUM(?v) AS ?sum) (COUNT(?none) AS ?n) (MAX(?v) AS ?mx) { ?s a ?c ; ?p ?v FILTER(?p IN (:age, :name)) } GROUP BY ?c`,
			[]string{`c=:Person mx="Carol"@sv n="0"^^xsd:integer`, `c=:Robot mx="Dave" n="0"^^xsd:integer`}},
		{`SELECT ?c (AVG(?a) AS ?avg) { ?s a ?c ; :age ?a } GROUP BY ?c`,
			[]string{`avg="1"^^xsd:decimal c=:Robot`, `avg="27.5"^^xsd:decimal c=:Person`}},
		// no rows: no group with GROUP BY, one without
		{`SELECT ?c (COUNT(*) AS ?n) { ?s a ?c ; :knows :nobody } GROUP BY ?c`, nil},
		{`SELECT (COUNT(*) AS ?n) (SUM(?o) AS ?sum) { ?s a ?c ; :knows ?o ; :knows :nobody }`,
			[]string{`n="0"^^xsd:integer sum="0"^^xsd:integer`}},
	}
	for _, tt := range tests {
		got := sameAsGeneric(t, ds, tt.query, false)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s\n got %q\nwant %q", tt.query, got, tt.want)
		}
	}
}

// TestCompareIntegers checks the integer comparison of HAVING against the
// general operators.
func TestCompareIntegers(t *testing.T) {
	lits := []string{"0", "-0", "+01", "15", "16", "-16", "999999999999999999", "-999999999999999999", "1000000000000000000", "1a", "", "+", "0015"}
	ops := []string{"<", ">", "<=", ">=", "=", "!="}
	fast := 0
	for _, x := range lits {
		for _, y := range lits {
			a, b := term.Literal(x, term.XSDInteger), term.Literal(y, term.XSDInteger)
			for _, op := range ops {
				v, ok := compareIntegers(op, a, b)
				if !ok {
					continue
				}
				fast++
				w, err := expr.Operator(op, a, b)
				if err != nil || w != expr.Bool(v) {
					t.Errorf("%q %s %q: %v, the operator gives %v (%v)", x, op, y, v, w, err)
				}
			}
		}
	}
	if fast == 0 {
		t.Error("no comparison took the integer path")
	}
	if _, ok := compareIntegers("<", term.Literal("1", term.XSDDecimal), term.Literal("2", term.XSDInteger)); ok {
		t.Error("a decimal took the integer path")
	}
}
