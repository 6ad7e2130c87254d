// Package iri resolves IRI references as RFC 3986 section 5 defines, on
// strings: nothing is re-encoded or normalised beyond removing dot
// segments, unlike net/url, so IRIs keep their exact characters. It is the
// one resolver behind the RDF parsers, the SPARQL parser's BASE and
// relative IRIs, and the IRI()/URI() functions.
package iri
