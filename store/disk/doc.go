// Package disk is the on-disk form of a graph generation that is also the
// query engine's index: a dictionary of terms and, for every graph and
// for the union of all graphs, the triples as term ids in three sorted
// orders (SPO, POS, OSP). The files are little-endian fixed-width arrays
// that are memory-mapped and read in place, so opening a generation costs
// what a query touches rather than the size of the graph.
//
// A Builder writes a generation from quads in bounded memory: terms are
// interned as they arrive and id records are sorted in runs that spill to
// temporary files (delta-encoded) and are merged at the end, with the
// orders of a stored generation it extends taken as they are. A
// Derivation (an entailment) reads the sorted POS order and the
// dictionary before the orders are final and adds to them. Every file's size and SHA-256
// are listed in the generation's MANIFEST; Open checks the manifest, the
// sizes and every file's header (a truncated or damaged file is
// ErrCorrupt, never a crash), and Verify recomputes the checksums.
package disk
