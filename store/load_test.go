package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"kg/internal/testenv"
	"kg/term"
)

func loadQuads(n int, g string) []term.Quad {
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	var qs []term.Quad
	for i := range n {
		q := term.Quad{S: ex(fmt.Sprint("s", i%97)), P: ex(fmt.Sprint("p", i%5)), O: term.Literal(fmt.Sprint(i), term.XSDString)}
		if g != "" {
			q.G = ex(g)
		}
		qs = append(qs, q)
	}
	return qs
}

func stream(qs []term.Quad, failAt int) func(add func(term.Quad) error) error {
	return func(add func(term.Quad) error) error {
		for i, q := range qs {
			if i == failAt {
				return errors.New("line 1234: syntax error")
			}
			if err := add(q); err != nil {
				return err
			}
		}
		return nil
	}
}

// A load through sort runs that spill and merge stores what Add stores;
// one whose stream fails midway, or that holds an invalid quad, leaves
// the store as it was, with nothing left of the new generation.
func TestLoadStreams(t *testing.T) {
	ctx := context.Background()
	dirs := [2]string{t.TempDir(), t.TempDir()}
	var stores [2]*snapshot
	for i, dir := range dirs {
		s, err := Open(ctx, dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s.(*snapshot)
		stores[i].runRecords = 64
		if err := s.Add(ctx, loadQuads(500, "")); err != nil {
			t.Fatal(err)
		}
	}
	more := append(loadQuads(3000, "g"), loadQuads(700, "")...)
	if err := stores[0].Add(ctx, more); err != nil {
		t.Fatal(err)
	}
	n, err := stores[1].Load(ctx, Load{Quads: stream(more, -1)})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := All(ctx, stores[0], Pattern{}, term.CompareQuads)
	got, _ := All(ctx, stores[1], Pattern{}, term.CompareQuads)
	if !slices.Equal(got, want) || n != int64(len(want)) {
		t.Fatalf("loaded %d quads (%d said), added %d", len(got), n, len(want))
	}
	before := testenv.TreeSum(t, dirs[1], "LOCK")
	bad := slices.Clone(more)
	bad[2500].O = term.IRI("not an IRI")
	for _, l := range []Load{
		{Quads: stream(more, 2000)},
		{Quads: stream(bad, -1)},
	} {
		if _, err := stores[1].Load(ctx, l); err == nil {
			t.Fatal("a failed load succeeded")
		}
		if testenv.TreeSum(t, dirs[1], "LOCK") != before {
			entries, _ := os.ReadDir(dirs[1])
			t.Fatalf("a failed load changed the store: %v", entries)
		}
	}
	gens, _ := filepath.Glob(filepath.Join(dirs[1], genPrefix+"*", "*"))
	if len(gens) != 6 {
		t.Errorf("files of generations: %v", gens)
	}
}
