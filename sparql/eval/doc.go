// Package eval evaluates SPARQL 1.1 queries, given as kg/sparql/algebra
// values, against a Dataset.
//
// The Dataset interface is deliberately narrow — match quads by pattern,
// estimate a pattern's size, list the named graphs — so that the in-memory
// MemDataset of this package and the persistent store can both serve
// queries. MemDataset dictionary-encodes terms and keeps sorted SPO, POS
// and OSP indexes of every graph.
//
// The evaluator streams solutions where the algebra allows: basic graph
// patterns are evaluated as index nested-loop joins ordered by cardinality
// estimates, with FILTER conditions applied as soon as their variables are
// bound; joins whose right side depends only on the left side's bindings
// are evaluated by substitution, the others by hash join. ORDER BY, GROUP
// BY and the right side of MINUS are materialised. Cancelling the context
// stops a running query.
package eval
