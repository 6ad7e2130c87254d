package ontology

import (
	"slices"
	"testing"

	"kg/term"
)

func TestEntailHandMade(t *testing.T) {
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	g := ex("entailed")
	q := func(s, p, o term.Term, gr term.Term) term.Quad { return term.Quad{S: s, P: p, O: o, G: gr} }
	typ := term.IRI(term.RDFType)
	quads := []term.Quad{
		q(ex("A"), subClassOf, ex("B"), ex("onto")),
		q(ex("B"), subClassOf, ex("C"), ex("onto")),
		q(ex("C"), subClassOf, ex("A"), ex("onto")), // a cycle ends
		q(ex("p"), subPropertyOf, ex("q"), ex("onto")),
		q(ex("x"), typ, ex("A"), term.Term{}),
		q(ex("x"), ex("p"), ex("y"), ex("passage")),
		q(ex("x"), typ, ex("C"), ex("other")), // stated: not entailed again
		q(ex("old"), typ, ex("B"), g),         // an earlier entailment stays in
	}
	got := Entail(g, quads[:3], quads[3:])
	want := []term.Quad{
		q(ex("A"), subClassOf, ex("C"), g),
		q(ex("B"), subClassOf, ex("A"), g),
		q(ex("C"), subClassOf, ex("B"), g),
		q(ex("old"), typ, ex("A"), g),
		q(ex("old"), typ, ex("C"), g),
		q(ex("x"), typ, ex("B"), g),
		q(ex("x"), ex("q"), ex("y"), g),
	}
	slices.SortFunc(want, term.CompareQuads)
	if !slices.Equal(got, want) {
		t.Errorf("Entail:\n got %v\nwant %v", got, want)
	}
	if Entail(g, quads[4:6]) != nil {
		t.Error("no hierarchy, yet something was entailed")
	}
}

func TestEntailWithTheOntology(t *testing.T) {
	base := "https://example.org/"
	skane := term.IRI(base + "id/region-skane")
	quads := append(NamedGraph(),
		term.Quad{S: skane, P: term.IRI(term.RDFType), O: term.IRI(Region)},
		term.Quad{S: skane, P: term.IRI(MemberOf), O: term.IRI(base + "id/reglab")},
	)
	g := term.IRI(EntailedGraph(base))
	got := Entail(g, quads)
	for _, want := range []term.Quad{
		{S: skane, P: term.IRI(term.RDFType), O: term.IRI(Actor), G: g},
		{S: term.IRI(CountyAdministrativeBoard), P: subClassOf, O: term.IRI(Actor), G: g},
		{S: skane, P: term.IRI(ORG + "memberOf"), O: term.IRI(base + "id/reglab"), G: g},
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %v", want)
		}
	}
	for _, q := range got {
		if q.P == subClassOf && q.S == q.O {
			t.Errorf("reflexive %v", q)
		}
	}
	if !slices.IsSortedFunc(got, term.CompareQuads) || !slices.IsSortedFunc(NamedGraph(), term.CompareQuads) {
		t.Error("not sorted")
	}
	for _, q := range NamedGraph() {
		if q.G != term.IRI(GraphName) {
			t.Fatalf("ontology quad outside its graph: %v", q)
		}
	}
}
