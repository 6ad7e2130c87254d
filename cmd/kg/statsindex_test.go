package main

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"kg/store"
	"kg/summary"
	"kg/term"
)

// kg stats counts from the index what summary.Of counts from every quad:
// on a built graph (entities, provenance, pages, named graphs) with
// loaded data besides.
func TestIndexSummaryEqualsSummaryOf(t *testing.T) {
	dir := t.TempDir()
	mustKG(t, dir, "build")
	os.WriteFile(filepath.Join(dir, "schema.ttl"), []byte(loadSchema), 0o644)
	mustKG(t, dir, "load", "schema.ttl")
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, "data", "kg"), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	quads, err := store.All(ctx, st, store.Pattern{}, term.CompareQuads)
	if err != nil {
		t.Fatal(err)
	}
	base := "https://w3id.org/regionalkg/"
	want := summary.Of(quads, base)
	got := indexSummary(st.(store.Indexed).Index(), base)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("from the index:\n%+v\nfrom the quads:\n%+v", got, want)
	}
	if want.Graphs < 2 || want.Entities == 0 || want.EntitiesWithProvenance == 0 || want.RelationsWithSource == 0 || len(want.Pages) == 0 || len(want.Links) == 0 {
		t.Errorf("the graph does not exercise every count: %+v", want)
	}
}
