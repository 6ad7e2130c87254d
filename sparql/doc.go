// Package sparql puts kg's SPARQL 1.1 engine together: it parses a query
// (package parse) into the algebra (package algebra), picks the dataset —
// the kg store, or RDF files loaded into memory — and evaluates it
// (package eval). The command line and the server both go through it.
//
// Over the kg store, the default graph is the union of all graphs (the
// passage graphs that carry provenance included) and every graph is also
// available by name through GRAPH.
package sparql
