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
// Computed numeric results (operators, functions, casts, SUM and AVG) use
// the XSD 1.1 canonical lexical forms, the datatypes RDF 1.1 refers to:
// integers "3"; decimals "1.5", "-0.25" and, when integral, "3" with no
// point (decimalCanonicalMap; XSD 1.0 wrote "3.0"); doubles and floats
// "1.0E1", "2.0E-1", "0.0E0", "-0.0E0", "INF", "NaN", with the fewest
// mantissa digits that read back as the same binary value. A quotient
// without a finite decimal expansion is rounded to 24 fraction digits.
// Casts to xsd:string follow XPath instead ("2100" for the double 2.1E3).
// Literals given as input keep their lexical form wherever a function
// returns them unchanged (MIN, MAX, SAMPLE, COALESCE, IF); operators
// compare them by value. Canonical maps any literal to its canonical form.
package expr
