// Package algebra is the SPARQL 1.1 query algebra of section 18 of the
// specification: graph patterns (BGP, Join, LeftJoin, Filter, Union, Minus,
// Graph, Extend, Group, Table, Project, Distinct, Reduced, Slice, OrderBy),
// expressions, property paths and the query forms around them.
//
// The parser (kg/sparql/parse) produces these values and the evaluator
// (kg/sparql/eval) consumes them; neither knows about the other. String
// prints any pattern as an S-expression, which `kg query --explain` shows.
//
// Variables are plain names without the leading '?'. Blank nodes in query
// patterns and the helper variables the translation introduces get names
// that start with "_:", which no query can spell, so they never clash with
// user variables and SELECT * leaves them out.
package algebra
