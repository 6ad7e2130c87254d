package cayleydisk

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"kg/store/disk"
	"kg/term"
)

const ex = "http://example.org/"

func iri(s string) term.Term { return term.IRI(ex + s) }

// fixture is a small graph with the cases a quad store must keep apart:
// one triple in the default graph and in two named graphs, a graph name
// that is also a subject, literals plain, typed and language-tagged,
// blank nodes, and a few hundred generated quads spread over the graphs.
func fixture() []term.Quad {
	alice, bob, carol, dave := iri("alice"), iri("bob"), iri("carol"), iri("dave")
	knows, name, age, typ, born := iri("knows"), iri("name"), iri("age"), iri("type"), iri("born")
	g1, g2, b1 := iri("g1"), iri("g2"), term.Blank("b1")
	qs := []term.Quad{
		{S: alice, P: knows, O: bob},
		{S: alice, P: knows, O: bob, G: g1},
		{S: alice, P: knows, O: bob, G: g2},
		{S: bob, P: knows, O: carol},
		{S: carol, P: knows, O: dave, G: g1},
		{S: dave, P: knows, O: alice, G: g2},
		{S: b1, P: knows, O: alice},
		{S: b1, P: name, O: term.String("anon")},
		{S: alice, P: name, O: term.LangString("Alice", "en")},
		{S: alice, P: name, O: term.LangString("Alicia", "es")},
		{S: dave, P: name, O: term.String("Dave"), G: g2},
		{S: alice, P: age, O: term.Literal("30", term.XSDInteger)},
		{S: bob, P: age, O: term.Literal("25", term.XSDInteger), G: g1},
		{S: carol, P: born, O: term.Literal("1990-05-01", term.XSDNS+"date")},
		{S: alice, P: typ, O: iri("Person")},
		{S: bob, P: typ, O: iri("Person")},
		{S: carol, P: typ, O: iri("Person"), G: g1},
		{S: g2, P: iri("source"), O: term.String("survey"), G: g1},
		{S: g1, P: typ, O: iri("Graph")},
	}
	for i := range 300 {
		s, o := iri(fmt.Sprint("n", i%60)), iri(fmt.Sprint("n", (i*7+3)%60))
		var g term.Term
		if i%4 != 0 {
			g = iri(fmt.Sprint("g", i%4))
		}
		qs = append(qs, term.Quad{S: s, P: knows, O: o, G: g})
		if i%9 == 0 {
			qs = append(qs, term.Quad{S: s, P: age, O: term.Literal(fmt.Sprint(i%50+10), term.XSDInteger), G: g})
		}
	}
	return qs
}

// buildDisk writes quads as a generation and opens it.
func buildDisk(t testing.TB, quads []term.Quad) *QuadStore {
	t.Helper()
	dir := t.TempDir()
	b := disk.NewBuilder(dir, 0)
	for _, q := range quads {
		if err := b.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Finish(context.Background()); err != nil {
		t.Fatal(err)
	}
	qs, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// cayleyQuads converts quads to Cayley's values.
func cayleyQuads(quads []term.Quad) []quad.Quad {
	out := make([]quad.Quad, len(quads))
	for i, q := range quads {
		out[i] = quad.Quad{Subject: Value(q.S), Predicate: Value(q.P), Object: Value(q.O), Label: Value(q.G)}
	}
	return out
}

// stores returns the fixture on disk and in Cayley's memory store.
func stores(t testing.TB, quads []term.Quad) (*QuadStore, graph.QuadStore) {
	return buildDisk(t, quads), memstore.New(cayleyQuads(quads)...)
}

// sortedStrings renders values and sorts them, keeping repeats.
func sortedStrings(vs []quad.Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = quad.StringOf(v)
	}
	slices.Sort(out)
	return out
}
