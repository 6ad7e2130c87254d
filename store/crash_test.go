package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"kg/store/disk"
	"kg/term"
)

// A process that dies while writing a generation leaves some of its files
// (in the order they are written), perhaps the new link not yet renamed
// over "current". Every such state reads as the previous graph, and the
// next write clears the leftovers.
func TestCrashLeavesPreviousGraph(t *testing.T) {
	ctx := context.Background()
	files := []string{"terms.dat", "spo.dat", "pos.dat", "osp.dat", "graphs.dat", disk.Manifest}
	for step := 0; step <= len(files)+1; step++ {
		dir := filepath.Join(t.TempDir(), "kg")
		first, second := sample()[:4], sample()
		s, err := Open(ctx, dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Replace(ctx, second); err != nil {
			t.Fatal(err)
		}
		full, _ := os.Readlink(filepath.Join(dir, currentLink))
		if err := s.Replace(ctx, first); err != nil {
			t.Fatal(err)
		}
		s.Close()
		// Rebuild the crashed writer's leftovers from a full generation
		// of the second graph, up to the step it reached.
		writeGeneration(t, filepath.Join(dir, full), second)
		for _, f := range files[min(step, len(files)):] {
			os.Remove(filepath.Join(dir, full, f))
		}
		if step > len(files) {
			os.Symlink(full, filepath.Join(dir, currentLink+".new"))
		}
		r, err := Open(ctx, dir, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		got, err := All(ctx, r, Pattern{}, term.CompareQuads)
		r.Close()
		want := slices.Clone(first)
		slices.SortFunc(want, term.CompareQuads)
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("step %d: read %d quads (%v), want the previous %d", step, len(got), err, len(want))
		}
		w, err := Open(ctx, dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Add(ctx, second); err != nil {
			t.Fatalf("step %d: write after the crash: %v", step, err)
		}
		w.Close()
		if gens, _ := filepath.Glob(filepath.Join(dir, genPrefix+"*")); len(gens) != 1 {
			t.Errorf("step %d: leftovers not cleared: %v", step, gens)
		}
	}
}

func writeGeneration(t *testing.T, path string, quads []term.Quad) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
	b := disk.NewBuilder(path, 0)
	for _, q := range quads {
		if err := b.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Finish(context.Background()); err != nil {
		t.Fatal(err)
	}
}
