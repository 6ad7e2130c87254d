package eval

import (
	"testing"

	"kg/term"
)

// TestIntersect checks join groups where two triple patterns come to lack
// the same variable, whose ranges are merged, against the generic path.
func TestIntersect(t *testing.T) {
	ds := genDataset(800)
	queries := []string{
		`SELECT * { ?a :knows ?b . ?b :knows ?c . ?c :knows ?a }`,
		`SELECT * { ?a :knows ?b . ?b :knows ?c . ?a :knows ?c }`,
		`SELECT ?a ?x { :p1 :knows ?x . ?a :knows ?x . ?a :member ?g }`,
		`SELECT * { VALUES ?g { :g1 :g2 } ?a :member ?g . ?b :member ?g . ?a :knows ?b }`,
		`SELECT * { ?a :knows ?b . ?b :member ?g . ?a :member ?g }`,
	}
	for _, q := range queries {
		if got := sameAsGeneric(t, ds, q, false); len(got) == 0 {
			t.Errorf("%s: no answer, the comparison shows little", q)
		}
	}
}

// TestMergeRanges checks the merge of two ranges on one column: only the
// values in both are bound.
func TestMergeRanges(t *testing.T) {
	m := NewMemDataset()
	ex := func(s string) term.Term { return term.IRI("http://ex/" + s) }
	for _, o := range []string{"a", "b", "d", "f"} {
		m.Add(term.Quad{S: ex("x"), P: ex("p"), O: ex(o)})
	}
	for _, o := range []string{"b", "c", "d", "e", "f", "g"} {
		m.Add(term.Quad{S: ex("y"), P: ex("q"), O: ex(o)})
	}
	got := rows(run(t, m, `SELECT ?o { :x :p ?o . :y :q ?o }`), false)
	want := []string{"o=:b", "o=:d", "o=:f"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
