package eval

import (
	"fmt"

	"kg/sparql/algebra"
	"kg/sparql/expr"
	"kg/term"
)

// errUnbound is the error of reading an unbound variable.
var errUnbound = fmt.Errorf("%w: unbound variable", expr.ErrType)

// cexpr is a compiled expression.
type cexpr interface {
	eval(ev *evaluator, g term.Term, sol solution) (term.Term, error)
}

type varExpr struct{ slot int }

type constExpr struct{ t term.Term }

type binaryExpr struct {
	op   string
	l, r cexpr
}

type unaryExpr struct {
	op string
	x  cexpr
}

type callExpr struct {
	name string
	args []cexpr
}

type inExpr struct {
	x    cexpr
	list []cexpr
	not  bool
}

type existsExpr struct {
	pattern node
	not     bool
	cache   *existsCache
}

func (e varExpr) eval(_ *evaluator, _ term.Term, sol solution) (term.Term, error) {
	if t := sol[e.slot]; !t.IsZero() {
		return t, nil
	}
	return term.Term{}, errUnbound
}

func (e constExpr) eval(*evaluator, term.Term, solution) (term.Term, error) { return e.t, nil }

func (e binaryExpr) eval(ev *evaluator, g term.Term, sol solution) (term.Term, error) {
	switch e.op {
	case "&&", "||":
		l := func() (bool, error) { return ebv(ev, g, sol, e.l) }
		r := func() (bool, error) { return ebv(ev, g, sol, e.r) }
		var v bool
		var err error
		if e.op == "&&" {
			v, err = expr.And(l, r)
		} else {
			v, err = expr.Or(l, r)
		}
		if err != nil {
			return term.Term{}, err
		}
		return expr.Bool(v), nil
	}
	a, err := e.l.eval(ev, g, sol)
	if err != nil {
		return term.Term{}, err
	}
	b, err := e.r.eval(ev, g, sol)
	if err != nil {
		return term.Term{}, err
	}
	if v, ok := compareIntegers(e.op, a, b); ok {
		return expr.Bool(v), nil
	}
	return ev.computed(expr.Operator(e.op, a, b))
}

// compareIntegers compares two xsd:integer literals of up to 18 digits,
// as HAVING (COUNT(?x) > n) does for every group, without the general
// numeric machinery; ok is false for other operators and operands.
func compareIntegers(op string, a, b term.Term) (v, ok bool) {
	x, ok1 := smallInteger(a)
	y, ok2 := smallInteger(b)
	if !ok1 || !ok2 {
		return false, false
	}
	switch op {
	case "<":
		return x < y, true
	case ">":
		return x > y, true
	case "<=":
		return x <= y, true
	case ">=":
		return x >= y, true
	case "=":
		return x == y, true
	case "!=":
		return x != y, true
	}
	return false, false
}

// smallInteger reads a valid xsd:integer literal of at most 18 digits.
func smallInteger(t term.Term) (int64, bool) {
	s := t.Value
	if t.Kind != term.KindLiteral || t.Datatype != term.XSDInteger || len(s) == 0 {
		return 0, false
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg, s = s[0] == '-', s[1:]
	}
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

func ebv(ev *evaluator, g term.Term, sol solution, e cexpr) (bool, error) {
	t, err := e.eval(ev, g, sol)
	if err != nil {
		return false, err
	}
	return expr.EBV(t)
}

func (e unaryExpr) eval(ev *evaluator, g term.Term, sol solution) (term.Term, error) {
	if e.op == "!" {
		v, err := ebv(ev, g, sol, e.x)
		if err != nil {
			return term.Term{}, err
		}
		return expr.Bool(!v), nil
	}
	a, err := e.x.eval(ev, g, sol)
	if err != nil {
		return term.Term{}, err
	}
	return ev.computed(expr.Unary(e.op, a))
}

func (e callExpr) eval(ev *evaluator, g term.Term, sol solution) (term.Term, error) {
	switch e.name {
	case "BOUND":
		_, err := e.args[0].eval(ev, g, sol)
		return expr.Bool(err == nil), nil
	case "IF":
		c, err := ebv(ev, g, sol, e.args[0])
		if err != nil {
			return term.Term{}, err
		}
		if c {
			return e.args[1].eval(ev, g, sol)
		}
		return e.args[2].eval(ev, g, sol)
	case "COALESCE":
		for _, a := range e.args {
			if t, err := a.eval(ev, g, sol); err == nil && !t.IsZero() {
				return t, nil
			}
		}
		return term.Term{}, fmt.Errorf("%w: COALESCE found no value", expr.ErrType)
	}
	args := make([]term.Term, len(e.args))
	for i, a := range e.args {
		t, err := a.eval(ev, g, sol)
		if err != nil {
			return term.Term{}, err
		}
		args[i] = t
	}
	return ev.computed(expr.Call(ev.exprContext(), e.name, args))
}

func (e inExpr) eval(ev *evaluator, g term.Term, sol solution) (term.Term, error) {
	x, err := e.x.eval(ev, g, sol)
	if err != nil {
		return term.Term{}, err
	}
	list := make([]term.Term, len(e.list))
	errs := make([]error, len(e.list))
	for i, m := range e.list {
		list[i], errs[i] = m.eval(ev, g, sol)
	}
	var v bool
	if e.not {
		v, err = expr.NotIn(ev.exprContext(), x, list, errs)
	} else {
		v, err = expr.In(ev.exprContext(), x, list, errs)
	}
	if err != nil {
		return term.Term{}, err
	}
	return expr.Bool(v), nil
}

func (e existsExpr) eval(ev *evaluator, g term.Term, sol solution) (term.Term, error) {
	if e.cache != nil {
		if found, ok := e.cache.test(ev, e.pattern, g, sol); ok {
			return expr.Bool(found != e.not), nil
		}
	}
	found := false
	// EXISTS substitutes the current bindings into its pattern: evaluating
	// with the solution as seed does exactly that. The pattern restores
	// the solution before it returns.
	e.pattern.run(ev, g, sol, func(solution) bool {
		found = true
		return false
	})
	if ev.err != nil {
		return term.Term{}, ev.err
	}
	return expr.Bool(found != e.not), nil
}

// exprVars returns the slots an expression reads; exists is true when it
// contains EXISTS, whose reads are not tracked.
func exprVars(e cexpr, into varSet) (exists bool) {
	switch e := e.(type) {
	case varExpr:
		into[e.slot] = true
	case binaryExpr:
		a := exprVars(e.l, into)
		b := exprVars(e.r, into)
		return a || b
	case unaryExpr:
		return exprVars(e.x, into)
	case callExpr:
		for _, a := range e.args {
			if exprVars(a, into) {
				exists = true
			}
		}
		// Functions whose value differs between calls cannot move.
		switch e.name {
		case "RAND", "BNODE", "UUID", "STRUUID":
			exists = true
		}
	case inExpr:
		exists = exprVars(e.x, into)
		for _, a := range e.list {
			if exprVars(a, into) {
				exists = true
			}
		}
	case existsExpr:
		return true
	}
	return exists
}

func (c *compiler) expr(e algebra.Expr) (cexpr, error) {
	if err := c.enter(); err != nil {
		return nil, err
	}
	defer c.leave()
	switch e := e.(type) {
	case algebra.VarExpr:
		return varExpr{slot: c.slot(e.Name)}, nil
	case algebra.TermExpr:
		return constExpr{t: e.Term}, nil
	case algebra.Binary:
		l, err := c.expr(e.Left)
		if err != nil {
			return nil, err
		}
		r, err := c.expr(e.Right)
		if err != nil {
			return nil, err
		}
		return binaryExpr{op: e.Op, l: l, r: r}, nil
	case algebra.Unary:
		x, err := c.expr(e.X)
		if err != nil {
			return nil, err
		}
		return unaryExpr{op: e.Op, x: x}, nil
	case algebra.Call:
		ce := callExpr{name: e.Name}
		for _, a := range e.Args {
			x, err := c.expr(a)
			if err != nil {
				return nil, err
			}
			ce.args = append(ce.args, x)
		}
		return ce, nil
	case algebra.In:
		x, err := c.expr(e.X)
		if err != nil {
			return nil, err
		}
		ie := inExpr{x: x, not: e.Not}
		for _, a := range e.List {
			m, err := c.expr(a)
			if err != nil {
				return nil, err
			}
			ie.list = append(ie.list, m)
		}
		return ie, nil
	case algebra.Exists:
		p, err := c.pattern(e.Pattern)
		if err != nil {
			return nil, err
		}
		return existsExpr{pattern: p, not: e.Not, cache: &existsCache{}}, nil
	}
	return nil, fmt.Errorf("eval: unsupported expression %T", e)
}
