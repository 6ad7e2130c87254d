package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/graph"

	"kg/store/cayleydisk"
)

// The embedded store is also a Cayley backend, registered as
// cayleydisk.Backend ("kgdisk"): graph.NewQuadStore("kgdisk", DIR, nil)
// reads the live generation of the store directory DIR in place, so that
// Cayley's path API and query languages run on kg's graph. It is
// read-only; kg build and kg load write the store.
func init() {
	graph.RegisterQuadStore(cayleydisk.Backend, graph.QuadStoreRegistration{
		NewFunc:      openQuadStore,
		InitFunc:     func(string, graph.Options) error { return cayleydisk.ErrReadOnly },
		IsPersistent: true,
	})
}

// openQuadStore opens the live generation of dir as readers of the
// embedded store do, without a lock.
func openQuadStore(dir string, _ graph.Options) (graph.QuadStore, error) {
	s, err := openSnapshot(context.Background(), dir, Options{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	qs, ok := QuadStore(s)
	if !ok {
		return nil, fmt.Errorf("store %s: %w", dir, ErrNotBuilt)
	}
	return qs, nil
}

// QuadStore returns the graph of an embedded store as a read-only Cayley
// quad store over its mapped generation; ok is false for other stores
// and for an embedded store that holds no graph.
func QuadStore(st Store) (qs graph.QuadStore, ok bool) {
	in, ok := st.(Indexed)
	if !ok {
		return nil, false
	}
	ix := in.Index()
	if ix == nil {
		return nil, false
	}
	return cayleydisk.New(ix), true
}

// Embedded reports whether location, as Open takes it, names an embedded
// store (a directory): the one backend whose graph is a QuadStore. The
// memory, Bolt and PostgreSQL stores are Cayley's own backends, which
// kg writes in its own way and whose quad stores it does not expose.
func Embedded(location string) bool {
	switch {
	case location == "", location == "memory", strings.HasPrefix(location, "bolt:"),
		strings.HasPrefix(location, "postgres://"), strings.HasPrefix(location, "postgresql://"):
		return false
	}
	return true
}
