// Package term is kg's RDF data model: terms, triples and quads as small
// comparable values. It knows nothing of syntaxes or stores.
//
// A Term is a plain struct, so == is RDF term equality and terms can be map
// keys. Literals always carry a datatype: simple literals are xsd:string and
// language-tagged strings are rdf:langString, as in RDF 1.1. The lexical
// form of a literal is kept exactly as given ("01"^^xsd:integer is not
// "1"^^xsd:integer).
package term
