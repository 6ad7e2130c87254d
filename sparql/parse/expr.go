package parse

import (
	"strings"

	"kg/sparql/algebra"
	"kg/term"
)

// builtins maps the keyword of each builtin function to its arity range
// (max -1: any number). Names are the canonical upper-case spelling that
// the evaluator dispatches on.
var builtins = map[string][2]int{
	"STR": {1, 1}, "LANG": {1, 1}, "LANGMATCHES": {2, 2}, "DATATYPE": {1, 1},
	"BOUND": {1, 1}, "IRI": {1, 1}, "URI": {1, 1}, "BNODE": {0, 1}, "RAND": {0, 0},
	"ABS": {1, 1}, "CEIL": {1, 1}, "FLOOR": {1, 1}, "ROUND": {1, 1},
	"CONCAT": {0, -1}, "SUBSTR": {2, 3}, "STRLEN": {1, 1}, "REPLACE": {3, 4},
	"UCASE": {1, 1}, "LCASE": {1, 1}, "ENCODE_FOR_URI": {1, 1}, "CONTAINS": {2, 2},
	"STRSTARTS": {2, 2}, "STRENDS": {2, 2}, "STRBEFORE": {2, 2}, "STRAFTER": {2, 2},
	"YEAR": {1, 1}, "MONTH": {1, 1}, "DAY": {1, 1}, "HOURS": {1, 1}, "MINUTES": {1, 1},
	"SECONDS": {1, 1}, "TIMEZONE": {1, 1}, "TZ": {1, 1}, "NOW": {0, 0},
	"UUID": {0, 0}, "STRUUID": {0, 0}, "MD5": {1, 1}, "SHA1": {1, 1}, "SHA256": {1, 1},
	"SHA384": {1, 1}, "SHA512": {1, 1}, "COALESCE": {0, -1}, "IF": {3, 3},
	"STRLANG": {2, 2}, "STRDT": {2, 2}, "SAMETERM": {2, 2}, "ISIRI": {1, 1},
	"ISURI": {1, 1}, "ISBLANK": {1, 1}, "ISLITERAL": {1, 1}, "ISNUMERIC": {1, 1},
	"REGEX": {2, 3},
}

var aggregates = map[string]bool{
	"COUNT": true, "SUM": true, "MIN": true, "MAX": true, "AVG": true,
	"SAMPLE": true, "GROUP_CONCAT": true,
}

func (p *parser) isBuiltin() bool {
	t := p.peek()
	if t.kind != tWord {
		return false
	}
	u := strings.ToUpper(t.text)
	if _, ok := builtins[u]; ok {
		return true
	}
	if aggregates[u] || u == "EXISTS" {
		return true
	}
	return u == "NOT" && strings.EqualFold(p.peekAt(1).text, "EXISTS")
}

func (p *parser) expression() algebra.Expr {
	left := p.andExpr()
	n := 0
	for p.isPunct("||") {
		p.enter(p.advance())
		n++
		left = algebra.Binary{Op: "||", Left: left, Right: p.andExpr()}
	}
	p.leave(n)
	return left
}

func (p *parser) andExpr() algebra.Expr {
	left := p.relational()
	n := 0
	for p.isPunct("&&") {
		p.enter(p.advance())
		n++
		left = algebra.Binary{Op: "&&", Left: left, Right: p.relational()}
	}
	p.leave(n)
	return left
}

func (p *parser) relational() algebra.Expr {
	left := p.additive()
	t := p.peek()
	if t.kind == tPunct {
		switch t.text {
		case "=", "!=", "<", ">", "<=", ">=":
			p.advance()
			return algebra.Binary{Op: t.text, Left: left, Right: p.additive()}
		}
	}
	if p.isWord("IN") {
		p.advance()
		return algebra.In{X: left, List: p.exprList()}
	}
	if p.isWord("NOT") && strings.EqualFold(p.peekAt(1).text, "IN") {
		p.advance()
		p.advance()
		return algebra.In{X: left, List: p.exprList(), Not: true}
	}
	return left
}

// exprList parses ( expr, ... ) or ().
func (p *parser) exprList() []algebra.Expr {
	if p.peek().kind == tNil {
		p.advance()
		return nil
	}
	p.enter(p.peek())
	defer p.leave(1)
	p.expectPunct("(")
	list := []algebra.Expr{p.expression()}
	for p.acceptPunct(",") {
		list = append(list, p.expression())
	}
	p.expectPunct(")")
	return list
}

func (p *parser) additive() algebra.Expr {
	left := p.multiplicative()
	n := 0
	defer func() { p.leave(n) }()
	for {
		t := p.peek()
		switch {
		case t.kind == tPunct && (t.text == "+" || t.text == "-"):
			p.enter(p.advance())
			n++
			left = algebra.Binary{Op: t.text, Left: left, Right: p.multiplicative()}
		case (t.kind == tInteger || t.kind == tDecimal || t.kind == tDouble) &&
			(t.text[0] == '+' || t.text[0] == '-'):
			// "?x -1" lexes as ?x and the number -1; the grammar reads it
			// as a subtraction.
			p.enter(p.advance())
			n++
			var right algebra.Expr = algebra.TermExpr{Term: numberTerm(t.kind, t.text[1:])}
			right = p.multiplicativeRest(right)
			left = algebra.Binary{Op: t.text[:1], Left: left, Right: right}
		default:
			return left
		}
	}
}

func numberTerm(k tokKind, lex string) term.Term {
	switch k {
	case tInteger:
		return term.Literal(lex, term.XSDInteger)
	case tDecimal:
		return term.Literal(lex, term.XSDDecimal)
	}
	return term.Literal(lex, term.XSDDouble)
}

func (p *parser) multiplicative() algebra.Expr {
	return p.multiplicativeRest(p.unary())
}

func (p *parser) multiplicativeRest(left algebra.Expr) algebra.Expr {
	n := 0
	for {
		t := p.peek()
		if t.kind == tPunct && (t.text == "*" || t.text == "/") {
			p.enter(p.advance())
			n++
			left = algebra.Binary{Op: t.text, Left: left, Right: p.unary()}
			continue
		}
		p.leave(n)
		return left
	}
}

func (p *parser) unary() algebra.Expr {
	t := p.peek()
	if t.kind == tPunct && (t.text == "!" || t.text == "+" || t.text == "-") {
		p.enter(p.advance())
		defer p.leave(1)
		return algebra.Unary{Op: t.text, X: p.unary()}
	}
	return p.primary()
}

func (p *parser) primary() algebra.Expr {
	t := p.peek()
	switch t.kind {
	case tPunct:
		if t.text == "(" {
			p.enter(p.advance())
			defer p.leave(1)
			e := p.expression()
			p.expectPunct(")")
			return e
		}
	case tVar:
		p.advance()
		return algebra.VarExpr{Name: t.text}
	case tIRI, tPName:
		iri := p.iri()
		if p.peek().kind == tNil || p.isPunct("(") {
			return algebra.Call{Name: iri.Value, Args: p.argList()}
		}
		return algebra.TermExpr{Term: iri}
	case tString:
		return algebra.TermExpr{Term: p.literal()}
	case tInteger, tDecimal, tDouble:
		p.advance()
		return algebra.TermExpr{Term: numberTerm(t.kind, t.text)}
	case tWord:
		u := strings.ToUpper(t.text)
		switch {
		case u == "TRUE" || u == "FALSE":
			p.advance()
			return algebra.TermExpr{Term: term.Literal(strings.ToLower(u), term.XSDBoolean)}
		case u == "EXISTS":
			p.advance()
			return algebra.Exists{Pattern: p.existsPattern()}
		case u == "NOT" && strings.EqualFold(p.peekAt(1).text, "EXISTS"):
			p.advance()
			p.advance()
			return algebra.Exists{Pattern: p.existsPattern(), Not: true}
		case aggregates[u]:
			return p.aggregate()
		}
		if ar, ok := builtins[u]; ok {
			p.advance()
			return p.builtinCall(t, u, ar)
		}
	}
	p.fail(t, "expected an expression, found %s", describe(t))
	return nil
}

func (p *parser) existsPattern() algebra.Pattern {
	saved := p.aggs
	p.aggs = nil
	defer func() { p.aggs = saved }()
	return p.groupGraphPattern()
}

func (p *parser) argList() []algebra.Expr {
	if p.peek().kind == tNil {
		p.advance()
		return nil
	}
	p.enter(p.peek())
	defer p.leave(1)
	p.expectPunct("(")
	if p.isWord("DISTINCT") {
		p.fail(p.peek(), "DISTINCT is only allowed in aggregates")
	}
	args := []algebra.Expr{p.expression()}
	for p.acceptPunct(",") {
		args = append(args, p.expression())
	}
	p.expectPunct(")")
	return args
}

func (p *parser) builtinCall(t token, name string, arity [2]int) algebra.Expr {
	var args []algebra.Expr
	if name == "BOUND" {
		p.expectPunct("(")
		v := p.advance()
		if v.kind != tVar {
			p.fail(v, "BOUND takes a variable, found %s", describe(v))
		}
		p.expectPunct(")")
		return algebra.Call{Name: name, Args: []algebra.Expr{algebra.VarExpr{Name: v.text}}}
	}
	args = p.argList()
	if len(args) < arity[0] || (arity[1] >= 0 && len(args) > arity[1]) {
		p.fail(t, "%s takes %s, not %d", name, arityText(arity), len(args))
	}
	switch name {
	case "URI":
		name = "IRI"
	case "ISURI":
		name = "ISIRI"
	}
	return algebra.Call{Name: name, Args: args}
}

func arityText(a [2]int) string {
	switch {
	case a[1] < 0:
		return "any number of arguments"
	case a[0] == a[1]:
		return itoa(a[0]) + " argument(s)"
	}
	return itoa(a[0]) + " to " + itoa(a[1]) + " arguments"
}

// aggregate parses a set function and replaces it with the variable that
// will hold its value per group.
func (p *parser) aggregate() algebra.Expr {
	t := p.advance()
	if p.aggs == nil {
		p.fail(t, "aggregate %s is not allowed here", strings.ToUpper(t.text))
	}
	coll := p.aggs
	p.aggs = nil // aggregates do not nest
	defer func() { p.aggs = coll }()
	a := algebra.Aggregate{Name: strings.ToUpper(t.text)}
	p.enter(p.peek())
	defer p.leave(1)
	p.expectPunct("(")
	a.Distinct = p.acceptWord("DISTINCT")
	if a.Name == "COUNT" && p.acceptPunct("*") {
		a.Arg = nil
	} else {
		a.Arg = p.expression()
	}
	if a.Name == "GROUP_CONCAT" {
		a.Separator = " "
		if p.acceptPunct(";") {
			p.expectWord("SEPARATOR")
			p.expectPunct("=")
			s := p.advance()
			if s.kind != tString {
				p.fail(s, "expected a string after SEPARATOR=, found %s", describe(s))
			}
			a.Separator = s.text
		}
	}
	p.expectPunct(")")
	// Identical aggregates share one variable.
	for _, b := range *coll {
		if sameAggregate(b.Agg, a) {
			return algebra.VarExpr{Name: b.Var}
		}
	}
	v := p.freshVar("agg")
	*coll = append(*coll, algebra.AggregateBinding{Var: v, Agg: a})
	return algebra.VarExpr{Name: v}
}

func sameAggregate(a, b algebra.Aggregate) bool {
	if a.Name != b.Name || a.Distinct != b.Distinct || a.Separator != b.Separator {
		return false
	}
	if a.Arg == nil || b.Arg == nil {
		return a.Arg == nil && b.Arg == nil
	}
	return algebra.FormatExpr(a.Arg) == algebra.FormatExpr(b.Arg)
}
