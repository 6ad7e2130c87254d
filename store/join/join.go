// Package join describes a join group as a whole: the triple patterns,
// paths, VALUES tables, filters, OPTIONAL parts and counts of one group of
// a query, in terms of variable slots and terms. The SPARQL evaluator
// builds it (sparql/eval) and a store that plans joins itself (PostgreSQL,
// store) evaluates it in one request; both speak of the same value.
package join

import "kg/term"

// Slot is a position of a join step: the variable Var when Var >= 0,
// else the constant Term.
type Slot struct {
	Var  int
	Term term.Term
}

// Link is one way from a step's S to its O: a quad with predicate P
// from S to O, or from O to S when Inverse.
type Link struct {
	P       Slot
	Inverse bool
}

// Step matches the pairs (S, O) that one of its links connects; a
// pair connected by several links matches once per link, as in a SPARQL
// alternative path. A triple pattern is a step of one link.
type Step struct {
	S, O  Slot
	Links []Link
	// Closure makes the step the path of one or more links (P+): each
	// pair reachable once. One of its ends must be a constant.
	Closure bool
}

// Table is an inline table of values for Vars (a SPARQL VALUES block
// without UNDEF).
type Table struct {
	Vars []int
	Rows [][]term.Term
}

// Join is a conjunction of steps and tables in one graph: Graph, or the
// union default graph (each triple once) when Graph is zero. Conds filter
// its solutions and Optional extends them, as SPARQL's FILTER and OPTIONAL
// do; with Group its rows count groups of solutions instead.
type Join struct {
	Graph  term.Term
	Steps  []Step
	Tables []Table
	// Conds must all be true of a solution.
	Conds []Expr
	// Optional are joined to the solutions in order: a solution is
	// extended by each solution of an optional join that is compatible
	// with it (has the same values of the common variables the solution
	// binds) and meets its On conditions, or kept as it is when none is.
	// An optional join reads the enclosing join only through those
	// common variables (and, within an EXISTS, the variables of the joins
	// around it), and its Graph is the enclosing join's. A common
	// variable that a table binds must be bound in every solution.
	Optional []Optional
	// Out lists the variables whose values each solution carries, in
	// order; one that an optional join left unbound is the zero term.
	Out []int
	// Group, when set, makes each row one group of the solutions with
	// the same values of Out: those values, then the group's counts.
	Group *Group
}

// Optional is a join OPTIONAL joins, with the conditions of its
// FILTER, which read the variables of both sides.
type Optional struct {
	Join *Join
	On   []Expr
}

// Group lists the counts a grouped join gives for each group, as
// xsd:integer literals.
type Group struct {
	Counts []Count
}

// Count counts the solutions of a group (Var < 0) or the values of
// Var in them, each distinct value once when Distinct is set.
type Count struct {
	Var      int
	Distinct bool
}

// Op is the operator of a Expr.
type Op uint8

// The operators of conditions. Like a SPARQL filter, a condition is true,
// false or an error (an unbound value); a solution passes when it is
// true. ExprVar and ExprTerm stand only as operands of ExprSameTerm.
const (
	ExprVar      Op = iota // the value of Var: an error when unbound
	ExprTerm               // the term Term
	ExprTrue               // true
	ExprFalse              // false
	ExprError              // an error
	ExprSameTerm           // Args[0] and Args[1] are the same term
	ExprNot                // Args[0] is false
	ExprAnd                // every one of Args is true
	ExprOr                 // one of Args is true
	ExprBound              // Var is bound
	ExprExists             // Sub has a solution; see below
)

// Expr is a condition on the solutions of a join. ExprExists is true
// when Sub has a solution whose variables in common with the enclosing
// joins have their values there (as SPARQL substitutes them into an
// EXISTS pattern); one they leave unbound is free in Sub.
type Expr struct {
	Op   Op
	Args []Expr
	Var  int
	Term term.Term
	Sub  *Join
}
