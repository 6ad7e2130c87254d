package store

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"kg/term"
)

// TestConcurrentFullScans: readers scanning every quad at once share the
// store safely (go test -race reports a data race on Cayley's memory store
// when its all-quads iterators are created unserialised).
func TestConcurrentFullScans(t *testing.T) {
	ctx := context.Background()
	for _, loc := range []string{"memory", filepath.Join(t.TempDir(), "kg")} {
		s, err := Open(ctx, loc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Replace(ctx, sample()); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		counts := make([]int, 8)
		for i := range counts {
			wg.Go(func() {
				s.Match(ctx, Pattern{}, func(term.Quad) bool { counts[i]++; return true })
			})
		}
		wg.Wait()
		for i, n := range counts {
			if n != len(sample()) {
				t.Errorf("%s: reader %d saw %d quads, want %d", loc, i, n, len(sample()))
			}
		}
		s.Close()
	}
}
