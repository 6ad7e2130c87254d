// Package ontology holds kg's OWL ontology of actors, mandates, laws and
// instruments (plus themes), embedded in the binary, and the IRIs of its
// terms as Go constants for the rest of kg.
package ontology
