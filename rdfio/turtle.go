package rdfio

import (
	"io"
	"strconv"
	"strings"

	"kg/internal/limits"
	"kg/iri"
	"kg/term"
)

// ParseTurtle reads a Turtle document. Triples are emitted as soon as they
// are complete, so memory use does not grow with the input.
func ParseTurtle(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return newTurtleParser(r, opt, emit, false).parse()
}

// ParseTriG reads a TriG document.
func ParseTriG(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return newTurtleParser(r, opt, emit, true).parse()
}

type turtleParser struct {
	lx       lexer
	opt      Options
	emitFn   func(term.Quad) error
	trig     bool
	base     string
	prefixes map[string]string
	graph    term.Term
	inGraph  bool
	fresh    int
	tok      token
	have     bool
	// depth counts the blank node property lists and collections open.
	depth, maxDepth int
	// checked holds IRIs already found valid: predicates, classes and
	// datatypes repeat.
	checked map[string]struct{}
}

func newTurtleParser(r io.Reader, opt Options, emit func(term.Quad) error, trig bool) *turtleParser {
	return &turtleParser{
		lx:       lexer{s: newScanner(r, opt.File), max: opt.maxTermSize()},
		maxDepth: opt.maxDepth(),
		opt:      opt,
		emitFn:   emit,
		trig:     trig,
		base:     opt.Base,
		prefixes: make(map[string]string),
		checked:  make(map[string]struct{}),
	}
}

func (p *turtleParser) peek() (token, error) {
	if !p.have {
		t, err := p.lx.next()
		if err != nil {
			return t, err
		}
		p.tok, p.have = t, true
	}
	return p.tok, nil
}

func (p *turtleParser) next() (token, error) {
	t, err := p.peek()
	p.have = false
	return t, err
}

func (p *turtleParser) errAt(t token, msg string) error {
	return &SyntaxError{File: p.opt.File, Line: t.line, Col: t.col, Msg: msg}
}

// enter counts a '[' or '(' at t, failing beyond the nesting limit (the
// parser recurses once per level); leave closes it.
func (p *turtleParser) enter(t token) error {
	p.depth++
	if p.depth > p.maxDepth {
		return p.errAt(t, limits.DepthMessage(p.maxDepth))
	}
	return nil
}

func (p *turtleParser) leave() { p.depth-- }

func (p *turtleParser) expect(punct string) error {
	t, err := p.next()
	if err != nil {
		return err
	}
	if !t.is(punct) {
		return p.errAt(t, "expected '"+punct+"', found "+t.describe())
	}
	return nil
}

func (p *turtleParser) emit(s, pr, o term.Term) error {
	return p.emitFn(term.Quad{S: s, P: pr, O: o, G: p.graph})
}

func (p *turtleParser) freshBlank() term.Term {
	p.fresh++
	return term.Blank(p.opt.BlankPrefix + "_" + strconv.Itoa(p.fresh))
}

func (p *turtleParser) parse() error {
	for {
		t, err := p.peek()
		if err != nil {
			return err
		}
		if t.kind == tEOF {
			return nil
		}
		if ok, err := p.directive(t); ok || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		if p.trig {
			err = p.block(t)
		} else {
			if err = p.triples(t); err == nil {
				err = p.expect(".")
			}
		}
		if err != nil {
			return err
		}
	}
}

// directive handles @prefix, @base, PREFIX and BASE; it reports false when
// t starts no directive.
func (p *turtleParser) directive(t token) (bool, error) {
	var sparql bool
	var which string
	switch {
	case t.kind == tAtWord && (t.text == "prefix" || t.text == "base"):
		which = t.text
	case t.kind == tWord && strings.EqualFold(t.text, "prefix"):
		which, sparql = "prefix", true
	case t.kind == tWord && strings.EqualFold(t.text, "base"):
		which, sparql = "base", true
	default:
		return false, nil
	}
	p.next()
	if which == "prefix" {
		nt, err := p.next()
		if err != nil {
			return true, err
		}
		if nt.kind != tPName || nt.text != "" {
			return true, p.errAt(nt, "expected prefix name ending in ':', found "+nt.describe())
		}
		it, err := p.next()
		if err != nil {
			return true, err
		}
		if it.kind != tIRI {
			return true, p.errAt(it, "expected IRI, found "+it.describe())
		}
		ns := iri.Resolve(p.base, it.text)
		p.prefixes[nt.prefix] = ns
		if p.opt.OnPrefix != nil {
			p.opt.OnPrefix(nt.prefix, ns)
		}
	} else {
		it, err := p.next()
		if err != nil {
			return true, err
		}
		if it.kind != tIRI {
			return true, p.errAt(it, "expected IRI, found "+it.describe())
		}
		p.base = iri.Resolve(p.base, it.text)
	}
	if !sparql {
		return true, p.expect(".")
	}
	return true, nil
}

// block parses one TriG block: a graph or triples in the default graph.
func (p *turtleParser) block(t token) error {
	switch {
	case t.is("{"):
		return p.wrappedGraph(term.Term{})
	case t.kind == tWord && strings.EqualFold(t.text, "graph"):
		p.next()
		lt, err := p.peek()
		if err != nil {
			return err
		}
		var g term.Term
		switch {
		case lt.kind == tIRI || lt.kind == tPName || lt.kind == tBlank:
			if g, err = p.iriOrBlank(); err != nil {
				return err
			}
		case lt.is("["):
			p.next()
			if err := p.expect("]"); err != nil {
				return err
			}
			g = p.freshBlank()
		default:
			return p.errAt(lt, "expected graph name after GRAPH, found "+lt.describe())
		}
		return p.wrappedGraph(g)
	case t.kind == tIRI || t.kind == tPName || t.kind == tBlank:
		s, err := p.iriOrBlank()
		if err != nil {
			return err
		}
		nt, err := p.peek()
		if err != nil {
			return err
		}
		if nt.is("{") {
			return p.wrappedGraph(s)
		}
		if err := p.predicateObjectList(s); err != nil {
			return err
		}
		return p.expect(".")
	case t.is("["):
		p.next()
		nt, err := p.peek()
		if err != nil {
			return err
		}
		if nt.is("]") {
			p.next()
			s := p.freshBlank()
			if nt, err = p.peek(); err != nil {
				return err
			}
			if nt.is("{") {
				return p.wrappedGraph(s)
			}
			if err := p.predicateObjectList(s); err != nil {
				return err
			}
			return p.expect(".")
		}
		s, err := p.propertyListRest()
		if err != nil {
			return err
		}
		if err := p.optionalPredicateObjectList(s); err != nil {
			return err
		}
		return p.expect(".")
	}
	if err := p.triples(t); err != nil {
		return err
	}
	return p.expect(".")
}

func (p *turtleParser) wrappedGraph(g term.Term) error {
	if err := p.expect("{"); err != nil {
		return err
	}
	p.graph, p.inGraph = g, true
	defer func() { p.graph, p.inGraph = term.Term{}, false }()
	for {
		t, err := p.peek()
		if err != nil {
			return err
		}
		if t.is("}") {
			p.next()
			return nil
		}
		if err := p.triples(t); err != nil {
			return err
		}
		t, err = p.next()
		if err != nil {
			return err
		}
		if t.is("}") {
			return nil
		}
		if !t.is(".") {
			return p.errAt(t, "expected '.' or '}', found "+t.describe())
		}
	}
}

// triples parses subject and predicate-object list (without the final '.').
func (p *turtleParser) triples(t token) error {
	if t.is("[") || t.is("(") {
		if err := p.enter(t); err != nil {
			return err
		}
		defer p.leave()
	}
	switch {
	case t.is("["):
		p.next()
		nt, err := p.peek()
		if err != nil {
			return err
		}
		if nt.is("]") {
			p.next()
			return p.predicateObjectList(p.freshBlank())
		}
		s, err := p.propertyListRest()
		if err != nil {
			return err
		}
		return p.optionalPredicateObjectList(s)
	case t.is("("):
		p.next()
		s, err := p.collectionRest()
		if err != nil {
			return err
		}
		return p.predicateObjectList(s)
	case t.kind == tIRI || t.kind == tPName || t.kind == tBlank:
		s, err := p.iriOrBlank()
		if err != nil {
			return err
		}
		return p.predicateObjectList(s)
	}
	return p.errAt(t, "expected subject, found "+t.describe())
}

func (p *turtleParser) optionalPredicateObjectList(s term.Term) error {
	t, err := p.peek()
	if err != nil {
		return err
	}
	if t.kind == tIRI || t.kind == tPName || t.kind == tWord && t.text == "a" {
		return p.predicateObjectList(s)
	}
	return nil
}

func (p *turtleParser) iriOrBlank() (term.Term, error) {
	t, err := p.next()
	if err != nil {
		return term.Term{}, err
	}
	switch t.kind {
	case tBlank:
		return term.Blank(blankLabel(p.opt.BlankPrefix, t.text)), nil
	case tIRI, tPName:
		s, err := p.iriOf(t)
		return term.IRI(s), err
	}
	return term.Term{}, p.errAt(t, "expected IRI or blank node, found "+t.describe())
}

func (p *turtleParser) iriOf(t token) (string, error) {
	var s string
	if t.kind == tIRI {
		s = iri.Resolve(p.base, t.text)
	} else {
		ns, ok := p.prefixes[t.prefix]
		if !ok {
			return "", p.errAt(t, "undefined prefix '"+t.prefix+":'")
		}
		s = ns + t.text
	}
	if _, ok := p.checked[s]; ok {
		return s, nil
	}
	if err := checkIRI(s); err != nil {
		return "", p.errAt(t, err.Error())
	}
	if len(p.checked) < 4096 {
		p.checked[s] = struct{}{}
	}
	return s, nil
}

func (p *turtleParser) predicateObjectList(s term.Term) error {
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		var pred term.Term
		switch {
		case t.kind == tWord && t.text == "a":
			pred = term.IRI(term.RDFType)
		case t.kind == tIRI || t.kind == tPName:
			iri, err := p.iriOf(t)
			if err != nil {
				return err
			}
			pred = term.IRI(iri)
		default:
			if p.inGraph && t.is("{") {
				return p.errAt(t, "expected predicate, found '{' (graphs cannot be nested)")
			}
			return p.errAt(t, "expected predicate, found "+t.describe())
		}
		for {
			o, err := p.object()
			if err != nil {
				return err
			}
			if err := p.emit(s, pred, o); err != nil {
				return err
			}
			t, err := p.peek()
			if err != nil {
				return err
			}
			if !t.is(",") {
				break
			}
			p.next()
		}
		// One or more ';' may follow, optionally ending the list.
		sawSemi := false
		for {
			t, err := p.peek()
			if err != nil {
				return err
			}
			if !t.is(";") {
				break
			}
			p.next()
			sawSemi = true
		}
		if !sawSemi {
			return nil
		}
		t, err = p.peek()
		if err != nil {
			return err
		}
		if !(t.kind == tIRI || t.kind == tPName || t.kind == tWord && t.text == "a") {
			return nil
		}
	}
}

func (p *turtleParser) object() (term.Term, error) {
	t, err := p.next()
	if err != nil {
		return term.Term{}, err
	}
	switch t.kind {
	case tIRI, tPName:
		s, err := p.iriOf(t)
		return term.IRI(s), err
	case tBlank:
		return term.Blank(blankLabel(p.opt.BlankPrefix, t.text)), nil
	case tString:
		return p.literalRest(t.text)
	case tInteger:
		return term.Literal(t.text, term.XSDInteger), nil
	case tDecimal:
		return term.Literal(t.text, term.XSDDecimal), nil
	case tDouble:
		return term.Literal(t.text, term.XSDDouble), nil
	case tWord:
		if t.text == "true" || t.text == "false" {
			return term.Literal(t.text, term.XSDBoolean), nil
		}
	case tPunct:
		if t.text != "[" && t.text != "(" {
			break
		}
		if err := p.enter(t); err != nil {
			return term.Term{}, err
		}
		defer p.leave()
		switch t.text {
		case "[":
			nt, err := p.peek()
			if err != nil {
				return term.Term{}, err
			}
			if nt.is("]") {
				p.next()
				return p.freshBlank(), nil
			}
			return p.propertyListRest()
		case "(":
			return p.collectionRest()
		}
	}
	return term.Term{}, p.errAt(t, "expected object, found "+t.describe())
}

func (p *turtleParser) literalRest(lex string) (term.Term, error) {
	t, err := p.peek()
	if err != nil {
		return term.Term{}, err
	}
	switch {
	case t.kind == tAtWord:
		p.next()
		if err := checkLang(t.text); err != nil {
			return term.Term{}, p.errAt(t, err.Error())
		}
		return term.LangString(lex, t.text), nil
	case t.is("^^"):
		p.next()
		dt, err := p.next()
		if err != nil {
			return term.Term{}, err
		}
		if dt.kind != tIRI && dt.kind != tPName {
			return term.Term{}, p.errAt(dt, "expected datatype IRI, found "+dt.describe())
		}
		iri, err := p.iriOf(dt)
		return term.Literal(lex, iri), err
	}
	return term.String(lex), nil
}

// propertyListRest parses "predicateObjectList ']'" after '['.
func (p *turtleParser) propertyListRest() (term.Term, error) {
	b := p.freshBlank()
	if err := p.predicateObjectList(b); err != nil {
		return b, err
	}
	return b, p.expect("]")
}

// collectionRest parses "object* ')'" after '(' and returns the list head.
func (p *turtleParser) collectionRest() (term.Term, error) {
	head := term.IRI(term.RDFNil)
	var cell term.Term
	for {
		t, err := p.peek()
		if err != nil {
			return head, err
		}
		if t.is(")") {
			p.next()
			if !cell.IsZero() {
				if err := p.emit(cell, term.IRI(term.RDFRest), term.IRI(term.RDFNil)); err != nil {
					return head, err
				}
			}
			return head, nil
		}
		next := p.freshBlank()
		if cell.IsZero() {
			head = next
		} else if err := p.emit(cell, term.IRI(term.RDFRest), next); err != nil {
			return head, err
		}
		cell = next
		o, err := p.object()
		if err != nil {
			return head, err
		}
		if err := p.emit(cell, term.IRI(term.RDFFirst), o); err != nil {
			return head, err
		}
	}
}
