// Package store keeps kg's graph in a Cayley quad store behind one narrow
// interface, so the rest of kg never sees Cayley's types.
//
// Four backends share the interface: the default embedded store (a
// directory of generations, each a term dictionary and sorted id-triple
// orders in the format of package disk, memory-mapped and read in place,
// with a checksummed manifest), Cayley's
// Bolt key-value backend with the same generations ("bolt:DIR"), an
// in-memory store ("memory") and PostgreSQL or CockroachDB through
// Cayley's SQL backend ("postgres://…" or "postgresql://…" URLs). The
// embedded store is also registered with Cayley as the read-only backend
// "kgdisk" (package store/cayleydisk), for Cayley's own query languages.
//
// Replace is atomic on every backend: the embedded stores write a new
// generation beside the current one and switch a symbolic link to it, and
// the SQL backend swaps the content in one transaction. A failed or
// interrupted build leaves the previous graph as it was. Writers of a
// directory exclude each other with a lock (ErrLocked, never a wait);
// readers of the default store take no lock, and Changer tells them when a
// newer generation has been committed.
package store
