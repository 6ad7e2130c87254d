package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// A flipped byte that opening does not notice is found by Verify, and the
// store says which file.
func TestVerifyFindsFlippedByte(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg")
	s, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Replace(ctx, sample()); err != nil {
		t.Fatal(err)
	}
	if err := s.(Verifier).Verify(ctx); err != nil {
		t.Fatalf("a good generation: %v", err)
	}
	s.Close()
	gen, _ := os.Readlink(filepath.Join(dir, currentLink))
	path := filepath.Join(dir, gen, "osp.dat")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-1] ^= 0x01
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer r.Close()
	err = r.(Verifier).Verify(ctx)
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "osp.dat") {
		t.Errorf("verify: got %v, want ErrCorrupt naming osp.dat", err)
	}
}
