// Package jsonld reads JSON-LD 1.1: it expands documents and turns them
// into RDF quads, following the W3C JSON-LD 1.1 Processing Algorithms and
// API (context processing, IRI and value expansion, expansion, node map
// generation and deserialisation to RDF, with rdfDirection and JSON
// literals canonicalised per RFC 8785).
//
// Input is decoded JSON as produced by encoding/json with UseNumber, so
// that numbers keep their lexical form; Decode does that and reports
// syntax errors with line and column. Remote contexts are loaded only
// through Options.LoadDocument; without it every remote context is an
// error, so processing never touches the network by itself.
//
// Output is deterministic: the same input yields the same quads in the same
// order. Object members are visited in lexicographic key order (decoded
// JSON objects do not keep member order), array items in document order,
// and blank node labels are assigned in the order the node map algorithm
// meets them.
//
// Errors are *Error values whose Code is the error code the specification
// names. Two limits guard against hostile input: a chain of more than 32
// remote contexts fails with "context overflow" (a context that includes
// itself), and expansion deeper than Options.MaxDepth fails with
// CodeDepthExceeded.
package jsonld
