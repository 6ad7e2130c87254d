package catalog_test

import (
	"context"
	"reflect"
	"testing"

	"kg/catalog"
	"kg/ingest"
	"kg/store"
	"kg/store/disk"
	"kg/store/storetest"
	"kg/term"
)

// IndexOf stores quads in a new embedded store under t.TempDir and
// returns its index.
func indexOf(t *testing.T, quads []term.Quad) *disk.Index {
	t.Helper()
	return storetest.With(t, "", quads).(store.Indexed).Index()
}

// countingQuads is the graph built from ../seeds and a few quads that
// reach the corners of the counts: a triple in several graphs, blank
// subjects, literal objects, the ontology's own axioms, links to a target
// from inside and outside the URI space.
func countingQuads(t *testing.T) []term.Quad {
	t.Helper()
	res, err := ingest.Build(context.Background(), []string{"../seeds"}, ingest.Options{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	ex := func(s string) term.Term { return term.IRI(base + "id/" + s) }
	g := func(s string) term.Term { return term.IRI(base + "graph/" + s) }
	wd := term.IRI("http://www.wikidata.org/entity/Q1")
	sameAs := term.IRI("http://www.w3.org/2002/07/owl#sameAs")
	class := term.IRI("https://w3id.org/regionalkg/ontology#Region")
	return append(res.Quads,
		term.Quad{S: ex("a"), P: sameAs, O: wd},
		term.Quad{S: ex("a"), P: sameAs, O: wd, G: g("1")},
		term.Quad{S: ex("a"), P: sameAs, O: wd, G: g("2")},
		term.Quad{S: ex("b"), P: sameAs, O: wd, G: g("2")},
		term.Quad{S: term.IRI("http://other.org/x"), P: sameAs, O: wd},
		term.Quad{S: term.IRI(catalog.OntologyIRI + "#X"), P: sameAs, O: wd},
		term.Quad{S: term.IRI(catalog.OntologyIRI + "#X"), P: term.IRI(rdfType), O: class},
		term.Quad{S: term.Blank("n"), P: term.IRI(rdfType), O: class},
		term.Quad{S: ex("a"), P: term.IRI(rdfType), O: term.String("not a class")},
		term.Quad{S: ex("0"), P: term.IRI(rdfType), O: class, G: g("1")},
	)
}

// TestCountIndex: the counts read from the index are those of a Counter
// given every quad, for any URI space.
func TestCountIndex(t *testing.T) {
	quads := countingQuads(t)
	ix := indexOf(t, quads)
	for _, space := range []string{base, base + "id/", "", "http://nowhere.example/"} {
		c := catalog.NewCounter(space)
		for _, q := range quads {
			c.Add(q)
		}
		want := c.Stats()
		if got := catalog.CountIndex(ix, space); !reflect.DeepEqual(got, want) {
			t.Errorf("uriSpace %q:\n got %+v\nwant %+v", space, got, want)
		}
	}
}

func TestCountIndexEmpty(t *testing.T) {
	ix := indexOf(t, []term.Quad{{S: term.IRI(base + "id/a"), P: term.IRI(rdfType), O: term.IRI(base + "C")}})
	got := catalog.CountIndex(ix, base)
	if got.Triples != 1 || got.Quads != 1 || got.Graphs != 0 || got.Entities != 1 || got.Classes[base+"C"] != 1 {
		t.Errorf("%+v", got)
	}
}
