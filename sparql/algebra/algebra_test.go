package algebra

import (
	"slices"
	"strings"
	"testing"

	"kg/term"
)

func TestFormat(t *testing.T) {
	p := Project{Vars: []string{"s", "n"}, Inner: Extend{
		Var:  "n",
		Expr: Call{Name: "STRLEN", Args: []Expr{VarExpr{Name: "o"}}},
		Inner: LeftJoin{
			Left:  BGP{Triples: []TriplePattern{{S: V("s"), P: T(term.IRI("http://ex/p")), O: V("o")}}},
			Right: Path{S: V("s"), Path: OneOrMore{P: Inverse{P: Link{IRI: term.IRI("http://ex/q")}}}, O: T(term.String("x"))},
			Expr:  Binary{Op: "=", Left: VarExpr{Name: "o"}, Right: TermExpr{Term: term.Literal("1", term.XSDInteger)}},
		},
	}}
	want := `(project (?s ?n) (extend (?n (strlen ?o)) (leftjoin (bgp (triple ?s <http://ex/p> ?o)) (path ?s (path+ (reverse <http://ex/q>)) "x") (= ?o "1"^^<http://www.w3.org/2001/XMLSchema#integer>))))`
	if got := strings.Join(strings.Fields(Format(p)), " "); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestInScope(t *testing.T) {
	cases := []struct {
		p    Pattern
		want []string
	}{
		{BGP{Triples: []TriplePattern{{S: V("a"), P: V("b"), O: V("a")}}}, []string{"a", "b"}},
		{Minus{Left: BGP{Triples: []TriplePattern{{S: V("a"), P: V("b"), O: V("c")}}}, Right: Table{Vars: []string{"d"}}}, []string{"a", "b", "c"}},
		{Project{Vars: []string{"x"}, Inner: Table{Vars: []string{"x", "y"}}}, []string{"x"}},
		{Group{By: []string{"k"}, Aggregates: []AggregateBinding{{Var: "_:!agg1"}}, Inner: Table{Vars: []string{"z"}}}, []string{"k", "_:!agg1"}},
		{Graph{Name: V("g"), Inner: Extend{Var: "e", Inner: BGP{}}}, []string{"g", "e"}},
	}
	for _, c := range cases {
		if got := InScope(c.p); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", Format(c.p), got, c.want)
		}
	}
	if !IsInternal("_:!agg1") || IsInternal("x") {
		t.Error("IsInternal")
	}
}
