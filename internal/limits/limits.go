// Package limits holds the bounds kg's readers put on the shape of their
// input, in one place. Every parser (SPARQL, Turtle and TriG, N-Triples
// and N-Quads, RDF/XML, JSON-LD) takes its own override in its Options and
// falls back to these defaults when the override is zero.
//
// The bounds are far above what real data reaches and far below what would
// exhaust the stack or memory: a document or query beyond them is refused
// with "FILE:LINE:COL: nesting deeper than N" (or "term longer than N
// bytes"), never a crash.
package limits

import "fmt"

// Depth is the default bound on nesting: parentheses, brackets, braces,
// nested elements, objects and arrays, and chains of operators that build
// a tree as deep as the chain is long (1+1+…+1, !!…!, a/b/…/z, a run of
// OPTIONAL or BIND in one group). Real queries and documents stay below a
// few dozen.
const Depth = 1000

// TermSize is the default bound, in bytes, on one IRI, blank node label or
// literal that a streaming parser reads, and on one line of N-Triples or
// N-Quads.
const TermSize = 64 << 20

// Or returns n when it is positive and def otherwise: how Options fields
// of the parsers fall back to the defaults.
func Or(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// DepthMessage is the message of every nesting error.
func DepthMessage(max int) string { return fmt.Sprintf("nesting deeper than %d", max) }

// SizeMessage is the message of every term size error.
func SizeMessage(max int) string { return fmt.Sprintf("term longer than %d bytes", max) }
