// Package storetest opens stores filled with given quads, for the tests
// of the packages that read a store.
package storetest

import (
	"context"
	"testing"

	"kg/store"
	"kg/term"
)

// With opens the store at loc ("" for a new embedded store under the
// test's temporary directory), closed when the test ends, and replaces
// its content with quads.
func With(t testing.TB, loc string, quads []term.Quad) store.Store {
	t.Helper()
	if loc == "" {
		loc = t.TempDir()
	}
	ctx := context.Background()
	st, err := store.Open(ctx, loc, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Replace(ctx, quads); err != nil {
		t.Fatal(err)
	}
	return st
}
