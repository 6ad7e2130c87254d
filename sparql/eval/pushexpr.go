package eval

import (
	"kg/store/join"
	"strings"

	"kg/sparql/expr"
)

// Filter conditions a Joiner evaluates: the logical operators, BOUND, and
// the comparisons whose result is term identity — "=", "!=", sameTerm and
// IN where one side is never a literal (an IRI or blank node constant, or
// a variable at the subject or predicate of a triple pattern), which kg
// compares by identity — and EXISTS. A condition on values the seed fixes
// is evaluated here. Anything else, such as comparisons of literals, whose
// value depends on their datatypes, stays with the evaluator.

// How a condition reads a variable.
const (
	readConst   = iota // the seed binds it
	readVar            // a join binds it: its value, or unbound
	readUnbound        // nothing binds it
)

func (p *planner) reads(v int, ce *condEnv) int {
	switch {
	case p.seeded(v):
		return readConst
	case ce.own[v], ce.env.outer[v], ce.env.maybe[v]:
		return readVar
	}
	return readUnbound
}

// expr translates a condition exactly, or reports that it cannot; free
// are the variables its EXISTS subjoins bind for themselves.
func (p *planner) expr(c cexpr, ce *condEnv) (JoinExpr, varSet, bool) {
	if x, ok := p.fold(c, ce); ok {
		return x, nil, true
	}
	switch c := c.(type) {
	case binaryExpr:
		switch c.op {
		case "&&", "||":
			l, lf, ok1 := p.expr(c.l, ce)
			r, rf, ok2 := p.expr(c.r, ce)
			if !ok1 || !ok2 {
				break
			}
			op := join.ExprAnd
			if c.op == "||" {
				op = join.ExprOr
			}
			return JoinExpr{Op: op, Args: []JoinExpr{l, r}}, lf.union(rf), true
		case "=", "!=":
			x, ok := p.identity(c.l, c.r, ce)
			if ok && c.op == "!=" {
				x = not(x)
			}
			return x, nil, ok
		}
	case unaryExpr:
		if c.op == "!" {
			x, free, ok := p.expr(c.x, ce)
			return not(x), free, ok
		}
	case callExpr:
		return p.call(c, ce)
	case inExpr:
		x, ok := p.in(c, ce)
		return x, nil, ok
	case existsExpr:
		return p.exists(c, ce)
	}
	return JoinExpr{}, nil, false
}

func not(x JoinExpr) JoinExpr { return JoinExpr{Op: join.ExprNot, Args: []JoinExpr{x}} }

// fold evaluates a condition that reads no variable a join binds.
func (p *planner) fold(c cexpr, ce *condEnv) (JoinExpr, bool) {
	vs := varSet{}
	if exprVars(c, vs) {
		return JoinExpr{}, false
	}
	for v := range vs {
		if k := p.reads(v, ce); k != readConst && k != readUnbound {
			return JoinExpr{}, false
		}
	}
	t, err := c.eval(p.ev, p.g, p.sol)
	if err != nil {
		return JoinExpr{Op: join.ExprError}, true
	}
	b, err := expr.EBV(t)
	switch {
	case err != nil:
		return JoinExpr{Op: join.ExprError}, true
	case b:
		return JoinExpr{Op: join.ExprTrue}, true
	}
	return JoinExpr{Op: join.ExprFalse}, true
}

// operand is a term a comparison reads: a constant or a variable (read),
// and whether it is never a literal.
type operand struct {
	x      JoinExpr
	read   int
	nonLit bool
}

func (p *planner) operand(c cexpr, ce *condEnv) (operand, bool) {
	switch c := c.(type) {
	case constExpr:
		return operand{x: JoinExpr{Op: join.ExprTerm, Term: c.t}, read: readConst, nonLit: !c.t.IsLiteral()}, true
	case varExpr:
		switch k := p.reads(c.slot, ce); k {
		case readConst:
			t := p.sol[c.slot]
			return operand{x: JoinExpr{Op: join.ExprTerm, Term: t}, read: k, nonLit: !t.IsLiteral()}, true
		case readVar:
			return operand{x: JoinExpr{Op: join.ExprVar, Var: c.slot}, read: k, nonLit: ce.nonLit[c.slot] || ce.env.nonLit[c.slot]}, true
		case readUnbound:
			return operand{read: k}, true
		}
	}
	return operand{}, false
}

// identity translates a = b (and sameTerm(a, b)) where one side is never
// a literal: then both are true exactly for the same term, and an unbound
// side is an error.
func (p *planner) identity(a, b cexpr, ce *condEnv) (JoinExpr, bool) {
	x, ok1 := p.operand(a, ce)
	y, ok2 := p.operand(b, ce)
	switch {
	case !ok1 || !ok2:
		return JoinExpr{}, false
	case x.read == readUnbound || y.read == readUnbound:
		return JoinExpr{Op: join.ExprError}, true
	case !x.nonLit && !y.nonLit:
		return JoinExpr{}, false
	}
	return JoinExpr{Op: join.ExprSameTerm, Args: []JoinExpr{x.x, y.x}}, true
}

func (p *planner) call(c callExpr, ce *condEnv) (JoinExpr, varSet, bool) {
	switch {
	case strings.EqualFold(c.name, "SAMETERM") && len(c.args) == 2:
		x, ok := p.identity(c.args[0], c.args[1], ce)
		return x, nil, ok
	case strings.EqualFold(c.name, "BOUND") && len(c.args) == 1:
		v, ok := c.args[0].(varExpr)
		if !ok {
			break
		}
		switch p.reads(v.slot, ce) {
		case readConst:
			return JoinExpr{Op: join.ExprTrue}, nil, true
		case readUnbound:
			return JoinExpr{Op: join.ExprFalse}, nil, true
		case readVar:
			if (ce.own[v.slot] && ce.certain[v.slot]) || ce.env.outer[v.slot] {
				return JoinExpr{Op: join.ExprTrue}, nil, true
			}
			return JoinExpr{Op: join.ExprBound, Var: v.slot}, nil, true
		}
	}
	return JoinExpr{}, nil, false
}

// in translates x IN (list) of constants where each comparison is one of
// identity: it is their disjunction, which errs only for an unbound x.
func (p *planner) in(c inExpr, ce *condEnv) (JoinExpr, bool) {
	x, ok := p.operand(c.x, ce)
	if !ok || len(c.list) == 0 {
		return JoinExpr{}, false
	}
	if x.read == readUnbound {
		return JoinExpr{Op: join.ExprError}, true
	}
	or := JoinExpr{Op: join.ExprOr}
	for _, m := range c.list {
		y, ok := p.operand(m, ce)
		if !ok || y.read != readConst || (!x.nonLit && !y.nonLit) {
			return JoinExpr{}, false
		}
		or.Args = append(or.Args, JoinExpr{Op: join.ExprSameTerm, Args: []JoinExpr{x.x, y.x}})
	}
	if c.not {
		return not(or), true
	}
	return or, true
}

// exists translates (NOT) EXISTS as a subjoin into which the solution's
// values are substituted; a variable it leaves unbound is free there.
func (p *planner) exists(c existsExpr, ce *condEnv) (JoinExpr, varSet, bool) {
	sub := planEnv{outer: varSet{}, maybe: varSet{}, nonLit: ce.env.nonLit.union(ce.nonLit)}
	for v := range ce.env.outer {
		sub.outer[v] = true
	}
	for v := range ce.env.maybe {
		sub.maybe[v] = true
	}
	for v := range ce.own {
		switch {
		case p.seeded(v):
		case ce.certain[v]:
			sub.outer[v] = true
		default:
			sub.maybe[v] = true
		}
	}
	sp, ok := p.plan(c.pattern, sub, false)
	if !ok {
		return JoinExpr{}, nil, false
	}
	free := sp.free
	for v := range c.pattern.scope() {
		if !p.seeded(v) && !sub.outer[v] && !sub.maybe[v] {
			free[v] = true
		}
	}
	x := JoinExpr{Op: join.ExprExists, Sub: sp.j}
	if c.not {
		x = not(x)
	}
	return x, free, true
}
