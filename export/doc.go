// Package export writes RDF in the W3C syntaxes kg offers for download and
// content negotiation: Turtle, TriG, N-Triples, N-Quads, JSON-LD and
// RDF/XML, plus a DCAT-AP-SE catalogue record. Formats is the one table of
// them; the command line and the HTTP server look formats up there by name,
// file extension or media type.
//
// Output is deterministic: the same quads in the same order give the same
// bytes. Writers stream where the syntax allows it (N-Triples, N-Quads,
// Turtle, TriG, RDF/XML keep at most one subject's statements in memory);
// JSON-LD is compacted as a whole and so buffers the graph.
//
// # Input order
//
// Callers sort the quads before encoding:
//
//   - quad formats (nq, trig) take quads sorted by term.CompareQuads
//     (graph, subject, predicate, object) and keep graph names; TriG writes
//     the default graph first and then a "<g> { ... }" block per graph
//     name (without the optional GRAPH keyword, which Raptor 2.0.15 rejects);
//   - triple formats (nt, ttl, jsonld, rdfxml, dcat) take quads sorted by
//     term.CompareTriplesFirst (subject, predicate, object, graph) and write
//     the union of all graphs: they drop the graph and skip a triple equal
//     to the one before it.
//
// Other orders still give correct output, only less compact (a subject
// split over several blocks) and possibly with repeated triples.
//
// # What is rejected
//
// A value that no syntax can carry faithfully is an error rather than
// output a reader would reject or read differently: relative IRIs and IRIs
// with spaces, controls or <>"{}|^`\, invalid UTF-8, malformed language
// tags, rdf:langString without a tag; for RDF/XML also predicates that do
// not end in an XML name, rdf: syntax names as predicates and characters
// XML 1.0 cannot carry. Blank node labels that the target syntax does not
// allow are rewritten injectively (hex behind the prefix "u_").
//
// # Turtle and TriG
//
// Prefixes from Options.Prefixes are all declared first. IRIs become
// prefixed names only where the rest is a plain PN_LOCAL (no backslash
// escapes or %-sequences, which not every reader handles), else they are
// written in full; rdf:type is written "a" and comes first in each subject's
// predicate list; objects of one predicate are joined with ','. Numbers and
// booleans use the shorthand only when the lexical form fits the shorthand
// grammar, so "1"^^xsd:decimal, "1"^^xsd:double and "abc"^^xsd:integer keep
// their datatypes. Strings with line breaks use """long strings""".
// Term serialisation goes through github.com/knakk/rdf where that library
// is right, and is done here where it is not (see knakkTurtle); its
// TripleEncoder is not used because it declares prefixes in the middle of
// the document, treats "1"^^xsd:integer and "1"^^xsd:decimal as one term
// when removing duplicates and leaves typed literals unescaped.
//
// # JSON-LD
//
// JSON-LD output is the union graph, compacted with kg's own context
// (Context, embedded from context.jsonld and written inline, so nothing is
// fetched, ever). Literals keep their lexical form ({"@value": "01"}), never
// native JSON numbers. Labels and descriptions use language maps (with
// "@none" for strings without a tag, hence "@version": 1.1). The caller's
// prefixes join the inline context unless a term of that name exists, and
// Options.Base becomes the prefix "kg"; "@base" is not used because
// readers that resolve relative IRIs through net/url, json-gold among
// them, percent-encode non-ASCII characters and so change the IRIs. Named graphs are not written in JSON-LD: use TriG
// or N-Quads for a dataset. The writer needs github.com/piprate/json-gold
// and is built with the build tag "jsonld" (see jsonld_off.go).
//
// # RDF/XML
//
// One rdf:Description per subject, blank nodes as rdf:nodeID, literals with
// xml:lang or rdf:datatype. Each predicate is split into a namespace and
// the longest NCName at its end; namespaces not among the prefixes get
// generated names (ns1, ns2, ... in order of first use) declared on the
// property element itself, so the writer never looks ahead.
//
// # DCAT
//
// The dcat format counts the quads it receives and writes the DCAT-AP-SE
// record of Options.Catalog (see package catalog) as RDF/XML.
package export
