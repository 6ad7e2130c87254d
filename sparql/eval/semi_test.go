package eval

import (
	"strconv"
	"strings"
	"testing"

	"kg/term"
)

// TestExistsSemiJoin runs EXISTS filters over enough solutions that their
// hash sets get built, and requires the answers of substitution, which
// the generic Dataset path always uses.
func TestExistsSemiJoin(t *testing.T) {
	ds := genDataset(400) // 400 people in 8 groups, each knowing three
	p := func(i int) term.Term { return term.IRI("http://ex/p" + strconv.Itoa(i)) }
	knows := term.IRI("http://ex/knows")
	for i := range 100 {
		ds.Add(term.Quad{S: p(i), P: knows, O: p(i + 1), G: term.IRI("http://ex/ga")})
		if i%2 == 0 {
			ds.Add(term.Quad{S: p(i + 1), P: knows, O: p(i), G: term.IRI("http://ex/ga")})
		}
		ds.Add(term.Quad{S: p(i + 1), P: knows, O: p(i), G: term.IRI("http://ex/gb")})
	}
	queries := []string{
		// one shared variable, from the index range
		`SELECT ?p { ?p a :Person FILTER NOT EXISTS { ?p :knows :p7 } }`,
		`SELECT ?p { ?p a :Person FILTER EXISTS { :p7 :knows ?p } }`,
		// two shared variables
		`SELECT ?p ?q { ?p :knows ?q FILTER NOT EXISTS { ?q :knows ?p } }`,
		`SELECT ?p ?g { ?p :member ?g FILTER EXISTS { ?p :member ?g } }`,
		// none shared: one answer for every test
		`SELECT ?p { ?p a :Person FILTER EXISTS { ?x :member :g3 } }`,
		`SELECT ?p { ?p a :Person FILTER NOT EXISTS { ?x :member :nowhere } }`,
		// three shared variables: substitution
		`SELECT ?p ?k ?q { ?p ?k ?q FILTER EXISTS { ?p ?k ?q } }`,
		// a join group with a filter on its own variables
		`SELECT ?p { ?p a :Person FILTER NOT EXISTS { ?p :knows ?q . ?q :age ?a FILTER(?a > 70) } }`,
		// a filter reading an outer variable: substitution
		`SELECT ?p { ?p :age ?a FILTER NOT EXISTS { ?p :knows ?q . ?q :age ?b FILTER(?b > ?a) } }`,
		// the shared variable unbound in some tests
		`SELECT ?p ?q { ?p a :Person OPTIONAL { ?p :knows ?q FILTER(?q = :p5) } FILTER NOT EXISTS { ?q :member :g1 } }`,
		// values the dataset lacks
		`SELECT ?p ?x { ?p a :Person BIND(IRI(CONCAT(STR(?p), "x")) AS ?x) FILTER NOT EXISTS { ?x :knows ?y } }`,
		`SELECT ?p ?x { ?p :age ?a BIND(?a + 1 AS ?x) FILTER EXISTS { ?q :age ?x } }`,
		// a repeated variable, and a path: not from a set
		`SELECT ?p { ?p a :Person FILTER NOT EXISTS { ?p :knows ?p } }`,
		`SELECT ?p { ?p :member :g2 FILTER EXISTS { ?p :knows/:member :g3 } }`,
		// named graphs: one set per graph
		`SELECT ?g ?p { GRAPH ?g { ?p :knows ?q FILTER NOT EXISTS { ?q :knows ?p } } }`,
	}
	for _, q := range queries {
		got := sameAsGeneric(t, ds, q, false)
		if len(got) == 0 {
			t.Errorf("%s: no answer, the comparison shows little", q)
		}
	}
}

// TestExistsSetBuilt checks that the sets are built and used, with
// answers that can be told apart: half the people know p7. (COUNT
// DISTINCT keeps the first query from the join count of countjoin.go.)
func TestExistsSetBuilt(t *testing.T) {
	ds := genDataset(400)
	for _, q := range []string{
		`SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a :Person FILTER NOT EXISTS { ?p :member :g3 } }`,
		`SELECT (COUNT(*) AS ?n) { ?p a :Person FILTER NOT EXISTS { ?p :member ?g . ?g a :Group } }`,
	} {
		qq := mustParse(t, q)
		ev, root, err := prepare(t.Context(), ds, qq, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var n string
		root.run(ev, term.Term{}, make(solution, ev.nslots), func(s solution) bool {
			n = s[ev.comp.slot("n")].Value
			return true
		})
		if want := map[bool]string{true: "350", false: "0"}[strings.Contains(q, ":g3")]; n != want {
			t.Errorf("%s: %s, want %s", q, n, want)
		}
		c := findExists(root)
		if c == nil || len(c.sets) != 1 {
			t.Errorf("%s: no set was built", q)
		}
	}
}

func findExists(n node) *existsCache {
	if f, ok := n.(*filterNode); ok {
		for _, e := range f.conds {
			if x, ok := e.(existsExpr); ok {
				return x.cache
			}
		}
	}
	for _, c := range children(n) {
		if x := findExists(c); x != nil {
			return x
		}
	}
	return nil
}
