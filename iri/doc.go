// Package iri resolves IRI references as RFC 3986 section 5 defines, on
// strings: nothing is re-encoded or normalised beyond removing dot
// segments, unlike net/url, so IRIs keep their exact characters. It is the
// one resolver behind the RDF parsers, the SPARQL parser's BASE and
// relative IRIs, and the IRI()/URI() functions.
//
// Check and CheckRef tell whether a string is an IRI (or an IRI
// reference) by the grammar of RFC 3987, which the RDF syntaxes require of
// every IRI in a graph; the parsers and the store use them so that nothing
// else is ever stored.
package iri
