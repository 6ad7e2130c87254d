package summary

import (
	"context"
	"reflect"
	"testing"

	"kg/ingest"
	"kg/ontology"
	"kg/store"
	"kg/store/storetest"
	"kg/term"
)

func TestOf(t *testing.T) {
	base := "https://example.org/"
	id := func(s string) term.Term { return term.IRI(base + "id/" + s) }
	passage := term.IRI(base + "report/r/passage/3-1")
	typ := term.IRI(term.RDFType)
	quads := []term.Quad{
		{S: id("region-a"), P: typ, O: term.IRI(ontology.Region), G: passage},
		{S: id("region-a"), P: typ, O: term.IRI(ontology.Region)},
		{S: id("region-b"), P: typ, O: term.IRI(ontology.Region)},
		{S: id("fund"), P: typ, O: term.IRI(ontology.Fund)},
		{S: id("region-a"), P: term.IRI(ontology.PROV + "wasDerivedFrom"), O: passage},
		{S: id("region-a"), P: term.IRI(ontology.Finances), O: id("fund"), G: passage},
		{S: id("region-b"), P: term.IRI(ontology.Finances), O: id("fund")},
		{S: id("region-a"), P: term.IRI(ontology.OWL + "sameAs"), O: term.IRI("http://www.wikidata.org/entity/Q1")},
		{S: passage, P: term.IRI(ontology.Page), O: term.Literal("12", term.XSDInteger)},
	}
	s := Of(quads, base)
	if s.Quads != 9 || s.Triples != 8 || s.Graphs != 1 {
		t.Errorf("quads/triples/graphs = %d/%d/%d, want 9/8/1", s.Quads, s.Triples, s.Graphs)
	}
	if s.Entities != 3 || s.EntitiesWithProvenance != 1 {
		t.Errorf("entities %d with provenance %d, want 3 and 1", s.Entities, s.EntitiesWithProvenance)
	}
	if s.Relations != 2 || s.RelationsWithSource != 1 || s.RelationShare() != 0.5 {
		t.Errorf("relations %d with source %d", s.Relations, s.RelationsWithSource)
	}
	if len(s.Classes) != 2 || s.Classes[0] != (Count{ontology.Region, 2}) {
		t.Errorf("classes %v", s.Classes)
	}
	if len(s.Pages) != 1 || s.Pages[0] != (Count{"12", 1}) {
		t.Errorf("pages %v", s.Pages)
	}
	if len(s.Links) != 1 || s.Links[0].N != 1 {
		t.Errorf("links %v", s.Links)
	}
}

// TestOfIndex: the summary read from the index is the summary of every
// quad, on the graph built from ../seeds and on the quads of TestOf.
func TestOfIndex(t *testing.T) {
	ctx := context.Background()
	base := "https://w3id.org/regionalkg/"
	res, err := ingest.Build(ctx, []string{"../seeds"}, ingest.Options{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	id := func(s string) term.Term { return term.IRI(base + "id/" + s) }
	passage := term.IRI(base + "report/r/passage/3-1")
	quads := append(res.Quads,
		term.Quad{S: id("region-a"), P: term.IRI(ontology.Finances), O: id("fund"), G: passage},
		term.Quad{S: id("region-a"), P: term.IRI(ontology.Finances), O: id("fund"), G: id("g")},
		term.Quad{S: id("region-b"), P: term.IRI(ontology.Finances), O: id("fund")},
		term.Quad{S: passage, P: term.IRI(ontology.Page), O: term.Literal("12", term.XSDInteger)},
		term.Quad{S: passage, P: term.IRI(ontology.Page), O: term.String("12")},
	)
	st := storetest.With(t, "", quads)
	want := Of(quads, base)
	if want.Relations == 0 || want.RelationsWithSource == 0 || len(want.Links) == 0 || len(want.Pages) == 0 || want.EntitiesWithProvenance == 0 {
		t.Fatalf("the test graph misses a count: %+v", want)
	}
	if got := OfIndex(st.(store.Indexed).Index(), base); !reflect.DeepEqual(got, want) {
		t.Errorf("OfIndex:\n got %+v\nwant %+v", got, want)
	}
}
