package expr

import (
	"errors"
	"math"
	"math/big"
	"strings"

	"kg/term"
)

// Operator applies a binary SPARQL operator (17.3) to evaluated operands:
// "+", "-", "*", "/" on numerics with XPath type promotion (derived
// integer types count as xsd:integer; integer division yields
// xsd:decimal), and "=", "!=", "<", ">", "<=", ">=" on numerics, strings,
// booleans and dates, with RDFterm-equal for other terms. Results are
// canonical literals.
func Operator(op string, a, b term.Term) (term.Term, error) {
	switch op {
	case "+", "-", "*", "/":
		x, ok1 := parseNumber(a)
		y, ok2 := parseNumber(b)
		if !ok1 || !ok2 {
			return term.Term{}, typeErr("%s needs numeric operands, got %s and %s", op, a, b)
		}
		n, err := arith(op[0], x, y)
		if err != nil {
			return term.Term{}, err
		}
		return n.term(), nil
	case "=":
		v, err := Equal(a, b)
		return boolResult(v, err)
	case "!=":
		v, err := Equal(a, b)
		if err != nil {
			return term.Term{}, err
		}
		// NaN is unequal to everything, itself included.
		return Bool(!v), nil
	case "<", ">", "<=", ">=":
		c, ok, err := compare(a, b)
		if err != nil {
			return term.Term{}, err
		}
		if !ok {
			return Bool(false), nil // unordered: a NaN
		}
		switch op {
		case "<":
			return Bool(c < 0), nil
		case ">":
			return Bool(c > 0), nil
		case "<=":
			return Bool(c <= 0), nil
		}
		return Bool(c >= 0), nil
	}
	return term.Term{}, typeErr("unknown operator %q", op)
}

func boolResult(v bool, err error) (term.Term, error) {
	if err != nil {
		return term.Term{}, err
	}
	return Bool(v), nil
}

// Unary applies "!" (negation of the effective boolean value), "-" or "+"
// (numeric) to an evaluated operand.
func Unary(op string, a term.Term) (term.Term, error) {
	switch op {
	case "!":
		v, err := EBV(a)
		if err != nil {
			return term.Term{}, err
		}
		return Bool(!v), nil
	case "-", "+":
		n, ok := parseNumber(a)
		if !ok {
			return term.Term{}, typeErr("unary %s needs a numeric operand, got %s", op, a)
		}
		if op == "+" {
			return a, nil // op:numeric-unary-plus returns its operand
		}
		return negate(n).term(), nil
	}
	return term.Term{}, typeErr("unknown unary operator %q", op)
}

func negate(n number) number {
	switch n.t {
	case tInteger:
		if n.bi == nil && n.i != math.MinInt64 {
			return number{t: tInteger, i: -n.i}
		}
		return intNumber(new(big.Int).Neg(n.bigInt()))
	case tDecimal:
		if n.r == nil && n.i != math.MinInt64 {
			return number{t: tDecimal, i: -n.i, sc: n.sc}
		}
		return number{t: tDecimal, r: new(big.Rat).Neg(n.rat())}
	}
	return number{t: n.t, f: -n.f}
}

// Equal is the "=" operator as a Go bool: numeric, string, boolean and
// date equality by value; RDFterm-equal otherwise. Two literals that are
// not the same term give an error when either has a datatype the package
// does not interpret (or an ill-typed lexical form), and false when both
// are known types with different values or disjoint value spaces.
func Equal(a, b term.Term) (bool, error) {
	if a.Kind == term.KindNone || b.Kind == term.KindNone {
		return false, typeErr("unbound operand of =")
	}
	if a.Kind != term.KindLiteral || b.Kind != term.KindLiteral {
		return sameTerm(a, b), nil
	}
	// Numbers first: the common case, parsed only once.
	if x, ok := parseNumber(a); ok {
		if y, ok := parseNumber(b); ok {
			c, ok := cmpNumbers(x, y)
			return ok && c == 0, nil
		}
	}
	ca, cb := classify(a), classify(b)
	if ca == cb {
		switch ca {
		case cString:
			return a.Value == b.Value, nil
		case cLang:
			return a.Value == b.Value && sameLang(a.Lang, b.Lang), nil
		case cBoolean:
			x, _ := parseBool(a.Value)
			y, _ := parseBool(b.Value)
			return x == y, nil
		case cDateTime, cDate, cTime:
			k := kindOfDT(datatypeOf(a))
			x, _ := parseDateTime(a.Value, k)
			y, _ := parseDateTime(b.Value, k)
			return cmpDateTime(x, y) == 0, nil
		}
	}
	if sameTerm(a, b) {
		return true, nil
	}
	if ca == cInvalid || cb == cInvalid || ca == cOther || cb == cOther {
		return false, typeErr("cannot compare %s and %s", a, b)
	}
	return false, nil
}

// compare orders two operands for <, >, <=, >=. ok is false when they are
// unordered (NaN). Only numerics, strings (simple literals and
// xsd:string), booleans and same-kind date/time values are comparable.
func compare(a, b term.Term) (c int, ok bool, err error) {
	if x, ok := parseNumber(a); ok {
		if y, ok := parseNumber(b); ok {
			c, ok = cmpNumbers(x, y)
			return c, ok, nil
		}
	}
	ca, cb := classify(a), classify(b)
	if ca != cb {
		return 0, false, typeErr("cannot order %s and %s", a, b)
	}
	switch ca {
	case cString:
		return strings.Compare(a.Value, b.Value), true, nil
	case cBoolean:
		x, _ := parseBool(a.Value)
		y, _ := parseBool(b.Value)
		return boolCmp(x, y), true, nil
	case cDateTime, cDate, cTime:
		k := kindOfDT(datatypeOf(a))
		x, _ := parseDateTime(a.Value, k)
		y, _ := parseDateTime(b.Value, k)
		return cmpDateTime(x, y), true, nil
	}
	return 0, false, typeErr("cannot order %s and %s", a, b)
}

func boolCmp(x, y bool) int {
	switch {
	case x == y:
		return 0
	case !x:
		return -1
	}
	return 1
}

// EBV returns the effective boolean value of t (17.2.2): booleans by
// value, strings false when empty, numerics false when zero or NaN;
// ill-typed booleans and numerics are false; anything else is an error.
func EBV(t term.Term) (bool, error) {
	if t.Kind != term.KindLiteral {
		return false, typeErr("no effective boolean value for %s", kindName(t))
	}
	dt := datatypeOf(t)
	switch dt {
	case term.XSDBoolean:
		v, ok := parseBool(t.Value)
		return ok && v, nil
	case term.XSDString, term.RDFLangString:
		return t.Value != "", nil
	}
	if isNumericDatatype(dt) {
		n, ok := parseNumber(t)
		return ok && !n.isZero() && !n.isNaN(), nil
	}
	return false, typeErr("no effective boolean value for %s", t)
}

func kindName(t term.Term) string {
	switch t.Kind {
	case term.KindIRI:
		return "IRI " + t.String()
	case term.KindBlank:
		return "blank node " + t.String()
	}
	return "an unbound value"
}

// And is && with the error-tolerant truth table of 17.2: false wins over
// an error, otherwise an error propagates. b is not evaluated when a is
// false.
func And(a, b func() (bool, error)) (bool, error) {
	x, errA := a()
	if errA == nil && !x {
		return false, nil
	}
	y, errB := b()
	switch {
	case errB == nil && !y:
		return false, nil
	case errA != nil:
		return false, errA
	case errB != nil:
		return false, errB
	}
	return true, nil
}

// Or is || with the error-tolerant truth table of 17.2: true wins over an
// error, otherwise an error propagates. b is not evaluated when a is true.
func Or(a, b func() (bool, error)) (bool, error) {
	x, errA := a()
	if errA == nil && x {
		return true, nil
	}
	y, errB := b()
	switch {
	case errB == nil && y:
		return true, nil
	case errA != nil:
		return false, errA
	case errB != nil:
		return false, errB
	}
	return false, nil
}

// In evaluates needle IN (list...) (17.4.1.9) from evaluated list members:
// listErrs[i], when non-nil, is the error of evaluating list[i] (listErrs
// may be nil or shorter than list). The result is true if some member is
// "=" to needle, otherwise an error if some member or comparison failed,
// otherwise false. ctx is unused today and kept for symmetry with Call.
func In(ctx *Context, needle term.Term, list []term.Term, listErrs []error) (bool, error) {
	_ = ctx
	if needle.Kind == term.KindNone {
		return false, typeErr("unbound operand of IN")
	}
	var firstErr error
	for i, m := range list {
		if i < len(listErrs) && listErrs[i] != nil {
			if firstErr == nil {
				firstErr = listErrs[i]
			}
			continue
		}
		eq, err := Equal(needle, m)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if eq {
			return true, nil
		}
	}
	if firstErr != nil {
		return false, wrapType(firstErr)
	}
	return false, nil
}

// NotIn evaluates needle NOT IN (list...) (17.4.1.10): the negation of In,
// with errors kept.
func NotIn(ctx *Context, needle term.Term, list []term.Term, listErrs []error) (bool, error) {
	v, err := In(ctx, needle, list, listErrs)
	if err != nil {
		return false, err
	}
	return !v, nil
}

// wrapType makes sure an error from the caller also satisfies
// errors.Is(err, ErrType).
func wrapType(err error) error {
	if errors.Is(err, ErrType) {
		return err
	}
	return typeErr("%v", err)
}
