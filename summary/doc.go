// Package summary counts what a graph holds: entities per class, triples
// per property, passages per printed page, outgoing links, and how much of
// the graph carries provenance. `kg stats`, the dataset descriptions (VoID,
// DCAT) and the server's front page share it.
package summary
