// Package parse reads SPARQL 1.1 query text and translates it into the
// algebra of kg/sparql/algebra (section 18 of the specification).
//
// Query parses the prologue (BASE, PREFIX), the query form (SELECT, ASK,
// CONSTRUCT including the short WHERE form, DESCRIBE), the dataset clause
// and the solution modifiers, and applies the static checks of the
// grammar: unknown prefixes, variables bound twice by BIND or SELECT
// expressions, ungrouped variables in aggregate queries, VALUES rows of the
// wrong length, blank node labels shared by two basic graph patterns.
// Errors are *Error values printed as one line "line:column: message".
package parse
