// Package rdfio reads RDF documents into kg's data model: it parses
// N-Triples, N-Quads, Turtle, TriG, RDF/XML and JSON-LD into term.Quad
// values, handed one at a time to a callback. It is what `kg load`, the
// SPARQL engine's --data loading and the conformance tests use.
//
// All parsers share one signature (ParseFunc) and one Options struct: a
// base IRI for relative references, a prefix for blank node labels so that
// blank nodes of different documents never merge, and a file name for
// error messages. Syntax errors are *SyntaxError values that carry the
// 1-based line and column (in characters) of the offending token.
//
// The line-based and Turtle-family parsers stream: they hold one line or
// one token of lookahead, never the document. RDF/XML and JSON-LD documents
// are read whole, as their processing needs random access (XML byte offsets
// for positions, JSON-LD expansion).
//
// IRIs are resolved with package iri, an RFC 3986 section 5 resolver that
// works on strings and never re-encodes characters. Literals keep their
// exact lexical form; language tags are lower-cased as term.LangString does.
// Isomorphic compares parsed datasets up to blank node renaming, for tests.
//
// Every IRI is checked against RFC 3987 once resolved and every language
// tag against BCP 47's shape, so that what a parser accepts is well-formed
// RDF; nesting and term size are bounded (Options.MaxDepth and MaxTermSize,
// defaults in package limits), so that no input overflows the stack.
//
// JSON-LD goes through package jsonld (JSON-LD 1.1 expansion and toRdf)
// with a document loader that reads only local copies of contexts under
// prefixes mapped in Options.Documents, file: IRIs only when
// Options.ReadFiles allows it, and fails clearly on anything remote.
package rdfio
