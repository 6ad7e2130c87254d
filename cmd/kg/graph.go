package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"kg/ontology"
	"kg/store"
	"kg/term"
)

// entailedByAdding returns what the hierarchies entail once added joins
// the quads already stored, for kg load: the loaded data may use the
// classes of the ontology in the store, or bring hierarchies of its own.
// kg load adds no ontology itself, so that a store of loaded data alone
// (a benchmark's) holds only that data.
func entailedByAdding(base string, stored, added []term.Quad) []term.Quad {
	return ontology.Entail(term.IRI(ontology.EntailedGraph(base)), stored, added)
}

// errNoGraph is the answer of a read-only command on a store that holds no
// graph: a mistyped --store must not look like an empty result.
func errNoGraph(location string) error {
	return fmt.Errorf("no graph at %s; run kg build", location)
}

// openBuilt opens the store named by --store for reading a built graph.
// The memory store lives only as long as this process, so its graph is
// built first. An empty store is an error, except that with
// buildDefault the default store is built from the seeds first (so that
// the README's first command works in a fresh clone).
func openBuilt(c *cli.Context, buildDefault bool) (store.Store, error) {
	loc := global(c, "store")
	if loc == "memory" {
		st, err := store.Open(c.Context, loc, store.Options{})
		if err != nil {
			return nil, err
		}
		if _, err := buildInto(c, st); err != nil {
			st.Close()
			return nil, err
		}
		return st, nil
	}
	m := newLogger(c).spinner("opening " + loc)
	st, err := openStore(c, true)
	m.Finish()
	if err != nil {
		return nil, err
	}
	empty, err := st.Empty(c.Context)
	if err != nil || !empty {
		if err != nil {
			st.Close()
			return nil, err
		}
		return st, nil
	}
	where := st.Location()
	st.Close()
	if !buildDefault || loc != defaultStore {
		return nil, errNoGraph(where)
	}
	newLogger(c).Notef("kg: the store %s is empty; building it from %s first", where, global(c, "seeds"))
	if _, err := runBuild(c); err != nil {
		return nil, err
	}
	return openStore(c, true)
}

// storedQuads returns every quad of the built graph in the given order
// (see openBuilt).
func storedQuads(c *cli.Context, order func(a, b term.Quad) int, buildDefault bool) ([]term.Quad, error) {
	st, err := openBuilt(c, buildDefault)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return store.All(c.Context, st, store.Pattern{}, order)
}
