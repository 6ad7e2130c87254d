package parse

import (
	"strings"

	"kg/sparql/algebra"
	"kg/term"
)

// elem is one triple of a triples block; path is nil for a plain
// predicate.
type elem struct {
	s, pred, o algebra.Node
	path       algebra.PathExpr
}

// join builds Join(a, b), dropping the empty group and merging adjacent
// basic graph patterns (their join is the pattern of all their triples).
func join(a, b algebra.Pattern) algebra.Pattern {
	if a == nil || isEmptyBGP(a) {
		return b
	}
	if isEmptyBGP(b) {
		return a
	}
	if x, ok := a.(algebra.BGP); ok {
		if y, ok := b.(algebra.BGP); ok {
			t := append(append([]algebra.TriplePattern{}, x.Triples...), y.Triples...)
			return algebra.BGP{Triples: t}
		}
	}
	return algebra.Join{Left: a, Right: b}
}

func isEmptyBGP(p algebra.Pattern) bool {
	b, ok := p.(algebra.BGP)
	return ok && len(b.Triples) == 0
}

// groupGraphPattern parses { ... } and translates it (section 18.2.2.6).
func (p *parser) groupGraphPattern() algebra.Pattern {
	g, filter := p.groupParts()
	if filter != nil {
		return algebra.Filter{Expr: filter, Inner: g}
	}
	return g
}

// groupParts parses { ... } and returns its translation without its own
// FILTER clauses, and their conjunction (nil if none). OPTIONAL needs them
// apart: they become the condition of the left join.
func (p *parser) groupParts() (algebra.Pattern, algebra.Expr) {
	p.enter(p.peek())
	// chain counts the elements whose translation nests the group's
	// pattern one level deeper (each OPTIONAL, BIND, FILTER …).
	chain := 1
	defer func() { p.leave(chain) }()
	p.expectPunct("{")
	if p.isWord("SELECT") {
		sub := p.selectQuery(false)
		p.expectPunct("}")
		return sub.pattern, nil
	}
	var g algebra.Pattern
	var filters []algebra.Expr
	var block []elem
	p.block++
	flush := func() {
		if len(block) > 0 {
			g = join(g, p.translateBlock(block))
			block = nil
		}
		p.block++
	}
	// dotOK: a '.' may come next; afterTriple: a triple was just read, so
	// another triple needs a '.' first.
	dotOK, afterTriple := false, false
	for {
		t := p.peek()
		if t.kind == tWord || p.isPunct("{") {
			p.enter(t)
			chain++
		}
		switch {
		case p.isPunct("}"):
			p.advance()
			flush()
			return orEmpty(g), conjunction(filters)
		case p.isPunct("."):
			if !dotOK {
				p.fail(t, "unexpected '.'")
			}
			p.advance()
			dotOK, afterTriple = false, false
			continue
		case p.isWord("OPTIONAL"):
			p.advance()
			flush()
			a, filter := p.groupParts()
			g = algebra.LeftJoin{Left: orEmpty(g), Right: a, Expr: filter}
		case p.isWord("MINUS"):
			p.advance()
			flush()
			g = algebra.Minus{Left: orEmpty(g), Right: p.groupGraphPattern()}
		case p.isWord("GRAPH"):
			p.advance()
			flush()
			g = join(g, p.graphGraphPattern())
		case p.isWord("SERVICE"):
			p.fail(t, "SERVICE is not supported")
		case p.isWord("FILTER"):
			p.advance()
			flush()
			filters = append(filters, p.constraint())
		case p.isWord("BIND"):
			p.advance()
			flush()
			g = p.bind(g)
		case p.isWord("VALUES"):
			p.advance()
			flush()
			g = join(g, p.dataBlock())
		case p.isPunct("{"):
			flush()
			a := p.groupGraphPattern()
			for p.isWord("UNION") {
				p.enter(p.advance())
				chain++
				a = algebra.Union{Left: a, Right: p.groupGraphPattern()}
			}
			g = join(g, a)
		default:
			if afterTriple {
				p.fail(t, "expected '.' or '}', found %s", describe(t))
			}
			chain += p.groupTriples(t, &block)
			dotOK, afterTriple = true, true
			continue
		}
		dotOK, afterTriple = true, false
	}
}

// conjunction joins a group's FILTER expressions with &&; nil if none.
func conjunction(filters []algebra.Expr) algebra.Expr {
	if len(filters) == 0 {
		return nil
	}
	e := filters[0]
	for _, f := range filters[1:] {
		e = algebra.Binary{Op: "&&", Left: e, Right: f}
	}
	return e
}

// graphGraphPattern parses what follows GRAPH: a name and a group.
func (p *parser) graphGraphPattern() algebra.Pattern {
	var name algebra.Node
	if v := p.peek(); v.kind == tVar {
		p.advance()
		name = algebra.V(v.text)
	} else {
		name = algebra.T(p.iri())
	}
	return algebra.Graph{Name: name, Inner: p.groupGraphPattern()}
}

// bind parses "( expression AS ?var )" after BIND and extends g with it.
func (p *parser) bind(g algebra.Pattern) algebra.Pattern {
	p.expectPunct("(")
	e := p.expression()
	p.expectWord("AS")
	v := p.advance()
	if v.kind != tVar {
		p.fail(v, "expected a variable after AS, found %s", describe(v))
	}
	p.expectPunct(")")
	if g != nil {
		for _, x := range algebra.InScope(g) {
			if x == v.text {
				p.fail(v, "BIND variable ?%s is already in scope", v.text)
			}
		}
	}
	return algebra.Extend{Inner: orEmpty(g), Var: v.text, Expr: e}
}

// groupTriples parses the triples of one subject, starting at t, into
// block and returns the levels of nesting they add: paths that are not
// plain triples are joined to the block's pattern one by one.
func (p *parser) groupTriples(t token, block *[]elem) int {
	from := len(*block)
	p.triplesSameSubject(block, false, true)
	n := 0
	for _, e := range (*block)[from:] {
		if e.path != nil {
			p.enter(t)
			n++
		}
	}
	return n
}

func orEmpty(g algebra.Pattern) algebra.Pattern {
	if g == nil {
		return algebra.BGP{}
	}
	return g
}

// translateBlock translates a triples block: plain triples and paths that
// reduce to triples form one BGP, other paths are joined to it.
func (p *parser) translateBlock(els []elem) algebra.Pattern {
	var bgp algebra.BGP
	var paths []algebra.Pattern
	var add func(s algebra.Node, path algebra.PathExpr, o algebra.Node)
	add = func(s algebra.Node, path algebra.PathExpr, o algebra.Node) {
		switch x := path.(type) {
		case algebra.Link:
			bgp.Triples = append(bgp.Triples, algebra.TriplePattern{S: s, P: algebra.T(x.IRI), O: o})
		case algebra.Inverse:
			add(o, x.P, s)
		case algebra.Sequence:
			v := algebra.V(p.freshVar("p"))
			add(s, x.Left, v)
			add(v, x.Right, o)
		default:
			paths = append(paths, algebra.Path{S: s, Path: path, O: o})
		}
	}
	for _, e := range els {
		if e.path == nil {
			bgp.Triples = append(bgp.Triples, algebra.TriplePattern{S: e.s, P: e.pred, O: e.o})
		} else {
			add(e.s, e.path, e.o)
		}
	}
	var out algebra.Pattern = bgp
	for _, x := range paths {
		out = join(out, x)
	}
	return out
}

// constraint parses the expression after FILTER or HAVING.
func (p *parser) constraint() algebra.Expr {
	if p.isPunct("(") || p.isIRI() || p.isBuiltin() {
		return p.primary()
	}
	p.fail(p.peek(), "expected a constraint, found %s", describe(p.peek()))
	return nil
}

// triplesSameSubject parses a subject with its property list and appends
// its triples to out. In a template blank nodes stay blank nodes;
// elsewhere they become variables. paths allows property paths.
func (p *parser) triplesSameSubject(out *[]elem, template, paths bool) {
	t := p.peek()
	if t.kind == tAnon || p.isPunct("[") || p.isPunct("(") {
		s := p.triplesNode(out, template, paths)
		if t.kind != tAnon && (p.isPunct(".") || p.isPunct("}")) {
			return
		}
		if t.kind == tAnon {
			p.propertyListNotEmpty(s, out, template, paths)
			return
		}
		p.propertyList(s, out, template, paths)
		return
	}
	s := p.varOrTerm(template)
	p.propertyListNotEmpty(s, out, template, paths)
}

func (p *parser) propertyList(s algebra.Node, out *[]elem, template, paths bool) {
	if p.startsVerb() {
		p.propertyListNotEmpty(s, out, template, paths)
	}
}

func (p *parser) startsVerb() bool {
	t := p.peek()
	if t.kind == tVar || t.kind == tIRI || t.kind == tPName || (t.kind == tWord && t.text == "a") {
		return true
	}
	return t.kind == tPunct && (t.text == "^" || t.text == "!" || t.text == "(")
}

func (p *parser) propertyListNotEmpty(s algebra.Node, out *[]elem, template, paths bool) {
	for {
		t := p.peek()
		var pred algebra.Node
		var path algebra.PathExpr
		switch {
		case t.kind == tVar:
			p.advance()
			pred = algebra.V(t.text)
		case !paths && (p.isIRI() || (t.kind == tWord && t.text == "a")):
			pred = algebra.T(p.verbIRI())
		case paths && p.startsVerb():
			path = p.path()
			if l, ok := path.(algebra.Link); ok {
				pred, path = algebra.T(l.IRI), nil
			}
		default:
			p.fail(t, "expected a predicate, found %s", describe(t))
		}
		for {
			o := p.graphNode(out, template, paths)
			*out = append(*out, elem{s: s, pred: pred, o: o, path: path})
			if !p.acceptPunct(",") {
				break
			}
		}
		if !p.acceptPunct(";") {
			return
		}
		for p.acceptPunct(";") {
		}
		if !p.startsVerb() {
			return
		}
	}
}

func (p *parser) verbIRI() term.Term {
	if t := p.peek(); t.kind == tWord && t.text == "a" {
		p.advance()
		return term.IRI(term.RDFType)
	}
	return p.iri()
}

// graphNode parses an object: a term, a collection or a blank node
// property list.
func (p *parser) graphNode(out *[]elem, template, paths bool) algebra.Node {
	if p.isPunct("[") || p.isPunct("(") {
		return p.triplesNode(out, template, paths)
	}
	return p.varOrTerm(template)
}

func (p *parser) triplesNode(out *[]elem, template, paths bool) algebra.Node {
	t := p.advance()
	p.enter(t)
	defer p.leave(1)
	switch {
	case t.kind == tAnon:
		return p.anon(template)
	case t.kind == tPunct && t.text == "[":
		n := p.anon(template)
		p.propertyListNotEmpty(n, out, template, paths)
		p.expectPunct("]")
		return n
	case t.kind == tPunct && t.text == "(":
		var items []algebra.Node
		for !p.isPunct(")") {
			items = append(items, p.graphNode(out, template, paths))
		}
		p.advance()
		head := algebra.T(term.IRI(term.RDFNil))
		for i := len(items) - 1; i >= 0; i-- {
			n := p.anon(template)
			*out = append(*out, elem{s: n, pred: algebra.T(term.IRI(term.RDFFirst)), o: items[i]})
			*out = append(*out, elem{s: n, pred: algebra.T(term.IRI(term.RDFRest)), o: head})
			head = n
		}
		return head
	}
	p.fail(t, "unexpected %s", describe(t))
	return algebra.Node{}
}

func (p *parser) anon(template bool) algebra.Node {
	if template {
		p.fresh++
		return algebra.T(term.Blank("a" + itoa(p.fresh) + "_"))
	}
	return algebra.V(p.freshVar("a"))
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}

func (p *parser) varOrTerm(template bool) algebra.Node {
	t := p.peek()
	if t.kind == tVar {
		p.advance()
		return algebra.V(t.text)
	}
	return p.graphTerm(template)
}

// graphTerm parses an IRI, literal, blank node or ().
func (p *parser) graphTerm(template bool) algebra.Node {
	t := p.peek()
	switch t.kind {
	case tIRI, tPName:
		return algebra.T(p.iri())
	case tBlank:
		p.advance()
		if template {
			return algebra.T(term.Blank(t.text))
		}
		if b, ok := p.bnodes[t.text]; ok && b != p.block {
			p.fail(t, "blank node _:%s is used in two basic graph patterns", t.text)
		}
		p.bnodes[t.text] = p.block
		return algebra.V("_:" + t.text)
	case tAnon:
		p.advance()
		return p.anon(template)
	case tNil:
		p.advance()
		return algebra.T(term.IRI(term.RDFNil))
	case tString:
		return algebra.T(p.literal())
	case tInteger:
		p.advance()
		return algebra.T(term.Literal(t.text, term.XSDInteger))
	case tDecimal:
		p.advance()
		return algebra.T(term.Literal(t.text, term.XSDDecimal))
	case tDouble:
		p.advance()
		return algebra.T(term.Literal(t.text, term.XSDDouble))
	case tWord:
		if strings.EqualFold(t.text, "true") || strings.EqualFold(t.text, "false") {
			p.advance()
			return algebra.T(term.Literal(strings.ToLower(t.text), term.XSDBoolean))
		}
	}
	p.fail(t, "expected an RDF term, found %s", describe(t))
	return algebra.Node{}
}

func (p *parser) literal() term.Term {
	s := p.advance().text
	if t := p.peek(); t.kind == tLang {
		p.advance()
		return term.LangString(s, t.text)
	}
	if p.acceptPunct("^^") {
		dt := p.iri()
		return term.Literal(s, dt.Value)
	}
	return term.String(s)
}

// path parses a property path (section 9).
func (p *parser) path() algebra.PathExpr {
	left := p.pathSequence()
	n := 0
	for p.isPunct("|") {
		p.enter(p.advance())
		n++
		left = algebra.Alternative{Left: left, Right: p.pathSequence()}
	}
	p.leave(n)
	return left
}

func (p *parser) pathSequence() algebra.PathExpr {
	left := p.pathEltOrInverse()
	n := 0
	for p.isPunct("/") {
		p.enter(p.advance())
		n++
		left = algebra.Sequence{Left: left, Right: p.pathEltOrInverse()}
	}
	p.leave(n)
	return left
}

func (p *parser) pathEltOrInverse() algebra.PathExpr {
	if p.acceptPunct("^") {
		return algebra.Inverse{P: p.pathElt()}
	}
	return p.pathElt()
}

func (p *parser) pathElt() algebra.PathExpr {
	prim := p.pathPrimary()
	switch {
	case p.acceptPunct("?"):
		return algebra.ZeroOrOne{P: prim}
	case p.acceptPunct("*"):
		return algebra.ZeroOrMore{P: prim}
	case p.acceptPunct("+"):
		return algebra.OneOrMore{P: prim}
	}
	return prim
}

func (p *parser) pathPrimary() algebra.PathExpr {
	t := p.peek()
	switch {
	case p.isIRI() || (t.kind == tWord && t.text == "a"):
		return algebra.Link{IRI: p.verbIRI()}
	case p.acceptPunct("!"):
		var nps algebra.NegatedSet
		one := func() {
			if p.acceptPunct("^") {
				nps.Inverse = append(nps.Inverse, p.verbIRI())
			} else {
				nps.Forward = append(nps.Forward, p.verbIRI())
			}
		}
		if p.peek().kind == tNil {
			p.advance()
		} else if p.acceptPunct("(") {
			one()
			for p.acceptPunct("|") {
				one()
			}
			p.expectPunct(")")
		} else {
			one()
		}
		return nps
	case p.isPunct("("):
		p.enter(p.advance())
		defer p.leave(1)
		x := p.path()
		p.expectPunct(")")
		return x
	}
	p.fail(t, "expected a property path, found %s", describe(t))
	return nil
}
