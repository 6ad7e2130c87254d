// Package ontology holds kg's OWL ontology of actors, mandates, laws and
// instruments (plus themes), embedded in the binary, and the IRIs of its
// terms as Go constants for the rest of kg.
//
// The ontology is the Turtle document ontology.ttl (namespace NS, prefix
// kgo), returned by Turtle. It declares every term named in vocab.go with
// Swedish and English labels and definitions, and aligns kg's classes and
// properties with W3C ORG, ELI, SKOS, DCTERMS, PROV-O, schema.org and FOAF
// by subclass and subproperty axioms. The themes themselves are data, a
// SKOS concept scheme that ingest makes, not part of the ontology.
//
// The first call to any lookup reads the embedded Turtle once into a small
// index: Classes and Properties list the terms, Labels, Definitions and
// Comments give their texts by language, SuperClasses, IsSubClassOf and
// Disjoint answer questions about the class hierarchy as the ontology
// states it (the aligned vocabularies are not imported), and WriteMarkdown
// prints the table the project's README shows.
package ontology
