package algebra

import "kg/term"

// Node is a position in a triple pattern: a variable (Var != "") or an RDF
// term.
type Node struct {
	Var  string
	Term term.Term
}

// V returns the variable node named name.
func V(name string) Node { return Node{Var: name} }

// T returns the node for the constant t.
func T(t term.Term) Node { return Node{Term: t} }

// IsVar reports whether n is a variable.
func (n Node) IsVar() bool { return n.Var != "" }

// IsInternal reports whether a variable name was made by the translation
// (blank nodes of the query, path helpers, aggregate results) rather than
// written by the user.
func IsInternal(name string) bool { return len(name) > 1 && name[0] == '_' && name[1] == ':' }

// TriplePattern is a triple whose positions may be variables.
type TriplePattern struct {
	S, P, O Node
}

// Pattern is a graph pattern of the algebra.
type Pattern interface{ pattern() }

// BGP is a basic graph pattern.
type BGP struct{ Triples []TriplePattern }

// Path matches subject and object connected by a property path.
type Path struct {
	S    Node
	Path PathExpr
	O    Node
}

// Join is the join of two patterns.
type Join struct{ Left, Right Pattern }

// LeftJoin is OPTIONAL: Expr (nil for true) is the filter of the optional
// part, evaluated over the merged solution.
type LeftJoin struct {
	Left, Right Pattern
	Expr        Expr
}

// Filter keeps the solutions of Inner for which Expr is true.
type Filter struct {
	Expr  Expr
	Inner Pattern
}

// Union is the bag union of two patterns.
type Union struct{ Left, Right Pattern }

// Minus removes from Left the solutions compatible with, and sharing a
// variable with, a solution of Right.
type Minus struct{ Left, Right Pattern }

// Graph evaluates Inner in the named graph Name (an IRI or a variable).
type Graph struct {
	Name  Node
	Inner Pattern
}

// Extend binds Var to the value of Expr (BIND, SELECT expressions).
type Extend struct {
	Inner Pattern
	Var   string
	Expr  Expr
}

// Table is an inline table of solutions (VALUES); a zero term is UNDEF.
type Table struct {
	Vars []string
	Rows [][]term.Term
}

// Group groups the solutions of Inner by the values of the variables By
// and computes Aggregates per group. A query with aggregates but no GROUP
// BY has one group and no By variables.
type Group struct {
	Inner      Pattern
	By         []string
	Aggregates []AggregateBinding
}

// AggregateBinding binds Var to the value of an aggregate over a group.
type AggregateBinding struct {
	Var string
	Agg Aggregate
}

// Aggregate is a set function: COUNT, SUM, MIN, MAX, AVG, SAMPLE or
// GROUP_CONCAT. Arg is nil for COUNT(*).
type Aggregate struct {
	Name      string
	Distinct  bool
	Arg       Expr
	Separator string // GROUP_CONCAT only; " " by default
}

// Project keeps only Vars.
type Project struct {
	Inner Pattern
	Vars  []string
}

// Distinct removes duplicate solutions.
type Distinct struct{ Inner Pattern }

// Reduced may remove duplicate solutions.
type Reduced struct{ Inner Pattern }

// Slice is OFFSET/LIMIT; Limit < 0 means no limit.
type Slice struct {
	Inner         Pattern
	Offset, Limit int64
}

// OrderBy sorts the solutions of Inner.
type OrderBy struct {
	Inner Pattern
	Conds []OrderCond
}

// OrderCond is one ORDER BY key.
type OrderCond struct {
	Expr Expr
	Desc bool
}

func (BGP) pattern()      {}
func (Path) pattern()     {}
func (Join) pattern()     {}
func (LeftJoin) pattern() {}
func (Filter) pattern()   {}
func (Union) pattern()    {}
func (Minus) pattern()    {}
func (Graph) pattern()    {}
func (Extend) pattern()   {}
func (Table) pattern()    {}
func (Group) pattern()    {}
func (Project) pattern()  {}
func (Distinct) pattern() {}
func (Reduced) pattern()  {}
func (Slice) pattern()    {}
func (OrderBy) pattern()  {}

// Expr is an expression of the algebra.
type Expr interface{ expr() }

// VarExpr is a variable in an expression.
type VarExpr struct{ Name string }

// TermExpr is a constant.
type TermExpr struct{ Term term.Term }

// Binary is a binary operator: "||", "&&", "=", "!=", "<", ">", "<=", ">=",
// "+", "-", "*", "/".
type Binary struct {
	Op          string
	Left, Right Expr
}

// Unary is "!", "-" or "+".
type Unary struct {
	Op string
	X  Expr
}

// Call is a builtin call (Name is the upper-case keyword, e.g. "STRLEN",
// "IF", "COALESCE", "BOUND") or a function named by IRI (casts such as
// xsd:integer, extension functions).
type Call struct {
	Name string
	Args []Expr
}

// In is IN / NOT IN.
type In struct {
	X    Expr
	List []Expr
	Not  bool
}

// Exists is EXISTS / NOT EXISTS.
type Exists struct {
	Pattern Pattern
	Not     bool
}

func (VarExpr) expr()  {}
func (TermExpr) expr() {}
func (Binary) expr()   {}
func (Unary) expr()    {}
func (Call) expr()     {}
func (In) expr()       {}
func (Exists) expr()   {}

// PathExpr is a property path expression.
type PathExpr interface{ path() }

// Link is a single predicate IRI.
type Link struct{ IRI term.Term }

// Inverse is ^P.
type Inverse struct{ P PathExpr }

// Sequence is P1/P2.
type Sequence struct{ Left, Right PathExpr }

// Alternative is P1|P2.
type Alternative struct{ Left, Right PathExpr }

// ZeroOrMore is P*.
type ZeroOrMore struct{ P PathExpr }

// OneOrMore is P+.
type OneOrMore struct{ P PathExpr }

// ZeroOrOne is P?.
type ZeroOrOne struct{ P PathExpr }

// NegatedSet is !(iri1|...|^iriN): Forward lists the excluded forward
// predicates, Inverse the excluded inverse ones.
type NegatedSet struct {
	Forward, Inverse []term.Term
}

func (Link) path()        {}
func (Inverse) path()     {}
func (Sequence) path()    {}
func (Alternative) path() {}
func (ZeroOrMore) path()  {}
func (OneOrMore) path()   {}
func (ZeroOrOne) path()   {}
func (NegatedSet) path()  {}

// Form is the query form.
type Form uint8

// The query forms.
const (
	Select Form = iota
	Ask
	Construct
	Describe
)

func (f Form) String() string {
	return [...]string{"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}[f]
}

// Query is a parsed query.
type Query struct {
	Form     Form
	Base     string
	Prefixes []Prefix
	// Dataset is the FROM / FROM NAMED clause; nil when the query has none.
	Dataset *Dataset
	// Pattern is the whole algebra expression including solution modifiers
	// (for SELECT it ends in Project).
	Pattern Pattern
	// Vars are the result variables of a SELECT query, in order.
	Vars []string
	// Template is the CONSTRUCT template.
	Template []TriplePattern
	// Describe lists the resources of a DESCRIBE query; with DESCRIBE * it
	// holds every variable of the query.
	Describe []Node
}

// Prefix is a PREFIX declaration.
type Prefix struct{ Name, IRI string }

// Dataset is a FROM / FROM NAMED clause.
type Dataset struct {
	Default []term.Term
	Named   []term.Term
}
