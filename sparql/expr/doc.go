// Package expr evaluates SPARQL 1.1 operators and built-in functions
// (section 17 of the SPARQL 1.1 Query Language) over kg's RDF terms: the
// arithmetic and comparison operators with XPath numeric type promotion,
// effective boolean values, the ORDER BY ordering, the string, numeric,
// date, hash and constructor functions, and the XSD cast functions.
//
// The query evaluator calls Operator, Unary and Call with already evaluated
// arguments. Forms that need lazy evaluation (&&, ||, IF, COALESCE, IN,
// EXISTS) stay in the evaluator; And, Or and In give it the three-valued
// logic of 17.2 and 17.4.1.
//
// Every evaluation error is, or wraps, ErrType. A zero term.Term as an
// argument stands for an unbound variable (or an argument whose evaluation
// failed) and yields an error, except where the specification says
// otherwise (BOUND, COALESCE, IF's untaken branch).
//
// Numeric results use the XSD 1.0 canonical lexical forms: integers "3",
// decimals "1.5" and "2.0", doubles and floats "1.0E1". Literals given as
// input keep their lexical form; operators compare them by value.
package expr
