package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"kg/internal/testenv"
	"kg/term"
)

// invalidQuads are what issue 11 found committed by kg load: each must be
// refused by every backend, leaving what is stored as it was.
func invalidQuads() map[string]term.Quad {
	ex := term.IRI("http://example.org/x")
	return map[string]term.Quad{
		"space in IRI":      {S: term.IRI("http://ex.org/a b"), P: ex, O: ex},
		"space in type":     {S: ex, P: term.IRI(term.RDFType), O: term.IRI("http://ex .org/T")},
		"language tag":      {S: ex, P: ex, O: term.LangString("x", "en us")},
		"relative graph":    {S: ex, P: ex, O: ex, G: term.IRI("not an iri")},
		"braces graph":      {S: ex, P: ex, O: ex, G: term.IRI("{x}")},
		"literal subject":   {S: term.String("s"), P: ex, O: ex},
		"blank predicate":   {S: ex, P: term.Blank("p"), O: ex},
		"bad blank label":   {S: term.Blank("a b"), P: ex, O: ex},
		"datatype with gap": {S: ex, P: ex, O: term.Literal("1", "http://ex.org/a type")},
	}
}

func TestInvalidQuadsRefused(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open()
			defer s.Close()
			if err := s.Replace(ctx, sample()); err != nil {
				t.Fatal(err)
			}
			for what, q := range invalidQuads() {
				batch := append(sample()[:2], q)
				if err := s.Add(ctx, batch); !errors.Is(err, ErrInvalid) {
					t.Errorf("Add with %s: got %v, want ErrInvalid", what, err)
				}
				if err := s.Replace(ctx, batch); !errors.Is(err, ErrInvalid) {
					t.Errorf("Replace with %s: got %v, want ErrInvalid", what, err)
				}
			}
			got, err := All(ctx, s, Pattern{}, term.CompareQuads)
			if err != nil {
				t.Fatal(err)
			}
			want := sample()
			slices.SortFunc(want, term.CompareQuads)
			if !slices.Equal(got, want) {
				t.Errorf("store changed: %d quads, want %d", len(got), len(want))
			}
		})
	}
}

// A refused write leaves the store directory byte for byte as it was.
func TestInvalidQuadsLeaveDirectoryIdentical(t *testing.T) {
	ctx := context.Background()
	for _, kind := range []string{"", "bolt:"} {
		t.Run(kind+"dir", func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "kg")
			s, err := Open(ctx, kind+dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Replace(ctx, sample()); err != nil {
				t.Fatal(err)
			}
			before := testenv.TreeSum(t, dir)
			for what, q := range invalidQuads() {
				if err := s.Add(ctx, []term.Quad{q}); err == nil {
					t.Errorf("%s accepted", what)
				}
				if err := s.Replace(ctx, []term.Quad{q}); err == nil {
					t.Errorf("%s accepted", what)
				}
			}
			if after := testenv.TreeSum(t, dir); after != before {
				t.Errorf("store directory changed by refused writes")
			}
		})
	}
}

// The read-back check fails when the generation on disk is not the graph
// that was meant to be written.
func TestVerifySnapshot(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir()
	quads := sample()
	slices.SortFunc(quads, term.CompareQuads)
	if err := writeSnapshot(ctx, path, quads); err != nil {
		t.Fatal(err)
	}
	if err := verifySnapshot(ctx, path, quads); err != nil {
		t.Fatalf("a good generation: %v", err)
	}
	other := slices.Clone(quads)
	other[3].O = term.String("something else")
	if err := verifySnapshot(ctx, path, other); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a differing quad: got %v", err)
	}
	if err := verifySnapshot(ctx, path, quads[1:]); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a missing quad: got %v", err)
	}
	if err := verifySnapshot(ctx, path, append(slices.Clone(quads), quads[0])); !errors.Is(err, ErrCorrupt) {
		t.Errorf("an extra quad: got %v", err)
	}
}
