// Package store keeps kg's graph in a Cayley quad store behind one narrow
// interface, so the rest of kg never sees Cayley's types.
//
// Three backends share the interface: an embedded persistent store (Cayley's
// Bolt key-value backend in a directory, the default), an in-memory store
// ("memory") and PostgreSQL or CockroachDB through Cayley's SQL backend
// ("postgres://…" or "postgresql://…" URLs).
//
// Replace is atomic on every backend: the embedded store builds a new
// generation beside the current one and switches a symbolic link to it, and
// the SQL backend swaps the content in one transaction. A failed or
// interrupted build leaves the previous graph as it was.
package store
