// Package results reads and writes SPARQL 1.1 query results: the JSON, XML,
// CSV and TSV formats of the W3C recommendations, plus a plain text table for
// terminals.
//
// Writers stream: a Writer gets the variables once, then one row at a time,
// so a large result never has to be held in memory (the text table keeps a
// bounded number of rows to size its columns). Readers return a whole
// Result; they exist to read expected results in tests and answers from
// other endpoints.
//
// The formats differ in what they keep. JSON, XML and TSV keep every RDF
// term exactly (TSV writes integers, decimals and doubles in their short
// Turtle form when the lexical form allows it, which reads back to the same
// term). CSV keeps only strings: IRIs, lexical forms and blank node labels
// without types, and an empty field is both an unbound variable and an empty
// string. ReadCSV therefore returns blank nodes for "_:" values, leaves empty
// fields unbound and returns every other value as a simple literal, IRIs
// included: compare CSV results as text, not as terms.
//
// Formats, ByName, ByExtension and ByMediaType look formats up from one
// table, so content negotiation and file naming agree.
package results
