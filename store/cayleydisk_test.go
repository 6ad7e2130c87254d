package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"kg/store/cayleydisk"
	"kg/term"
)

// TestCayleyBackend opens a built store through Cayley's registry and
// reads it with the path API.
func TestCayleyBackend(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg")
	if _, err := graph.NewQuadStore(cayleydisk.Backend, dir, nil); !errors.Is(err, ErrNotBuilt) {
		t.Errorf("a store never built: %v", err)
	}
	if err := graph.InitQuadStore(cayleydisk.Backend, dir, nil); !errors.Is(err, cayleydisk.ErrReadOnly) {
		t.Errorf("init: %v", err)
	}
	st, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Replace(ctx, sample()); err != nil {
		t.Fatal(err)
	}
	qs, err := graph.NewQuadStore(cayleydisk.Backend, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer qs.Close()
	a, p := quad.IRI("http://example.org/a"), quad.IRI("http://example.org/p")
	vals, err := path.StartPath(qs).Out(p).Is(quad.IRI("http://example.org/c")).Iterate(ctx).AllValues(qs)
	if err != nil || len(vals) != 2 { // in the default graph and in graph/1
		t.Errorf("a p c: %v, %v", vals, err)
	}
	vals, err = path.StartPath(qs, quad.BNode("b1")).Out(p).Iterate(ctx).AllValues(qs)
	if err != nil || !slices.Equal(vals, []quad.Value{a}) {
		t.Errorf("b1 p: %v, %v", vals, err)
	}
	if _, ok := QuadStore(st); !ok {
		t.Error("the embedded store is no quad store")
	}
	m, _ := Open(ctx, "memory", Options{})
	if _, ok := QuadStore(m); ok {
		t.Error("the memory store is a quad store of the disk format")
	}
}

// TestCayleyValues checks that terms of every kind survive the trip to
// Cayley's values and back, and that values with no RDF form are refused.
func TestCayleyValues(t *testing.T) {
	for _, q := range sample() {
		for _, x := range []term.Term{q.S, q.P, q.O, q.G} {
			if back, err := fromValue(toValue(x)); err != nil || back != x {
				t.Errorf("%v read back as %v, %v", x, back, err)
			}
		}
	}
	if _, err := fromValue(formless{}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a value with no RDF form: %v", err)
	}
}

// formless is a Cayley value that is no RDF term.
type formless struct{}

func (formless) String() string { return "formless" }
func (formless) Native() any    { return nil }

// TestEmbedded checks that Embedded names the locations whose stores
// are quad stores.
func TestEmbedded(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, loc := range []string{"memory", "bolt:" + filepath.Join(dir, "b"), filepath.Join(dir, "kg")} {
		st, err := Open(ctx, loc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Replace(ctx, sample()); err != nil {
			t.Fatal(err)
		}
		if _, ok := QuadStore(st); ok != Embedded(loc) {
			t.Errorf("%s: a quad store %v, embedded %v", loc, ok, Embedded(loc))
		}
		st.Close()
	}
	for _, loc := range []string{"", "postgres://h/kg", "postgresql://h/kg"} {
		if Embedded(loc) {
			t.Errorf("%q is embedded", loc)
		}
	}
}
