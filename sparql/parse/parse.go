package parse

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"kg/internal/grammar"
	"kg/internal/limits"
	"kg/iri"
	"kg/sparql/algebra"
	"kg/term"
)

// Options configure parsing.
type Options struct {
	// Base is the IRI relative IRIs resolve against until a BASE
	// declaration replaces it; usually the location of the query.
	Base string
	// MaxDepth bounds nesting: groups, expressions, paths, blank node
	// property lists and collections, and chains of operators or group
	// elements that make the algebra as deep as they are long. Zero means
	// limits.Depth.
	MaxDepth int
}

// Query parses a SPARQL 1.1 query. Errors are *Error values whose message
// starts with line:column.
func Query(src string, opt Options) (*algebra.Query, error) {
	p := &parser{lx: &lexer{src: src, line: 1, col: 1}, base: opt.Base, prefixes: map[string]string{}, bnodes: map[string]int{}, varPos: map[string]int{},
		maxDepth: limits.Or(opt.MaxDepth, limits.Depth)}
	q, err := p.query()
	if err != nil {
		return nil, err
	}
	return q, nil
}

type parser struct {
	// Tokens are read as the parser needs them, so that a query that
	// fails early (past the nesting limit, say) is never tokenised whole.
	lx       *lexer
	ahead    []token // the lookahead, ahead[0] next
	lexed    int     // tokens read so far
	first    token   // the first token of the query
	base     string
	prefixes map[string]string
	fresh    int
	// bnodes maps a blank node label of the query to the basic graph
	// pattern it appeared in: a label may not be shared by two.
	bnodes map[string]int
	block  int
	// aggs collects the aggregates of the (sub)query being parsed; nil where
	// aggregates are not allowed.
	aggs *[]algebra.AggregateBinding
	q    *algebra.Query
	// varPos is the first position of each variable in the text: SELECT *
	// lists variables in that order.
	varPos map[string]int
	// depth counts the nesting the parser is in; see enter.
	depth, maxDepth int
}

// syntaxError is raised with panic inside the parser and recovered in
// query, which keeps the many small parsing functions free of error plumbing.
type syntaxError struct{ err *Error }

func (p *parser) fail(t token, format string, args ...any) {
	panic(syntaxError{&Error{Line: t.line, Col: t.col, Msg: fmt.Sprintf(format, args...)}})
}

// enter counts one level of nesting, at t, and fails beyond the limit;
// leave undoes it. The parser and every recursive walk over the algebra it
// builds (translation, the evaluator) recurse once per level, so bounding
// the levels bounds the stack. A chain of operators or group elements that
// builds a tree as deep as it is long counts one level per link.
func (p *parser) enter(t token) {
	p.depth++
	if p.depth > p.maxDepth {
		p.fail(t, "%s", limits.DepthMessage(p.maxDepth))
	}
}

func (p *parser) leave(n int) { p.depth -= n }

// fill reads tokens until the lookahead holds more than n; past the end
// it repeats the end of the query.
func (p *parser) fill(n int) {
	for len(p.ahead) <= n {
		if k := len(p.ahead); k > 0 && p.ahead[k-1].kind == tEOF {
			p.ahead = append(p.ahead, p.ahead[k-1])
			continue
		}
		t, err := p.lx.token()
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				e = &Error{Line: p.lx.line, Col: p.lx.col, Msg: err.Error()}
			}
			panic(syntaxError{e})
		}
		if t.kind == tVar {
			if _, seen := p.varPos[t.text]; !seen {
				p.varPos[t.text] = p.lexed
			}
		}
		if p.lexed == 0 {
			p.first = t
		}
		p.lexed++
		p.ahead = append(p.ahead, t)
	}
}

func (p *parser) peek() token {
	p.fill(0)
	return p.ahead[0]
}

func (p *parser) peekAt(n int) token {
	p.fill(n)
	return p.ahead[n]
}

func (p *parser) advance() token {
	t := p.peek()
	if t.kind != tEOF {
		p.ahead = p.ahead[1:]
	}
	return t
}

func describe(t token) string {
	switch t.kind {
	case tEOF:
		return "end of query"
	case tIRI:
		return "<" + t.text + ">"
	case tPName:
		return t.text + ":" + t.local
	case tVar:
		return "?" + t.text
	case tString:
		return strconv.Quote(t.text)
	case tNil:
		return "()"
	case tAnon:
		return "[]"
	case tBlank:
		return "_:" + t.text
	case tLang:
		return "@" + t.text
	}
	return "'" + t.text + "'"
}

func (p *parser) isPunct(s string) bool {
	t := p.peek()
	return t.kind == tPunct && t.text == s
}

func (p *parser) isWord(w string) bool {
	t := p.peek()
	return t.kind == tWord && strings.EqualFold(t.text, w)
}

func (p *parser) acceptPunct(s string) bool {
	if p.isPunct(s) {
		p.advance()
		return true
	}
	return false
}

func (p *parser) acceptWord(w string) bool {
	if p.isWord(w) {
		p.advance()
		return true
	}
	return false
}

func (p *parser) expectPunct(s string) {
	if !p.acceptPunct(s) {
		p.fail(p.peek(), "expected '%s', found %s", s, describe(p.peek()))
	}
}

func (p *parser) expectWord(w string) {
	if !p.acceptWord(w) {
		p.fail(p.peek(), "expected %s, found %s", w, describe(p.peek()))
	}
}

func (p *parser) freshVar(kind string) string {
	p.fresh++
	return fmt.Sprintf("_:!%s%d", kind, p.fresh)
}

func (p *parser) query() (q *algebra.Query, err error) {
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(syntaxError)
			if !ok {
				panic(r)
			}
			q, err = nil, se.err
		}
	}()
	p.q = &algebra.Query{}
	p.prologue()
	t := p.peek()
	switch {
	case p.isWord("SELECT"):
		p.q.Form = algebra.Select
		s := p.selectQuery(true)
		p.q.Pattern, p.q.Vars = s.pattern, s.vars
	case p.isWord("ASK"):
		p.advance()
		p.q.Form = algebra.Ask
		p.datasetClauses()
		p.q.Pattern = p.solutionQuery(true)
	case p.isWord("CONSTRUCT"):
		p.advance()
		p.q.Form = algebra.Construct
		p.construct()
	case p.isWord("DESCRIBE"):
		p.advance()
		p.q.Form = algebra.Describe
		p.describe()
	default:
		p.fail(t, "expected SELECT, ASK, CONSTRUCT or DESCRIBE, found %s", describe(t))
	}
	if t := p.peek(); t.kind != tEOF {
		p.fail(t, "unexpected %s after the query", describe(t))
	}
	p.q.Base = p.base
	return p.q, nil
}

func (p *parser) prologue() {
	for {
		switch {
		case p.acceptWord("BASE"):
			t := p.advance()
			if t.kind != tIRI {
				p.fail(t, "expected an IRI after BASE, found %s", describe(t))
			}
			p.base = iri.Resolve(p.base, t.text)
		case p.acceptWord("PREFIX"):
			t := p.advance()
			if t.kind != tPName || t.local != "" {
				p.fail(t, "expected a prefix name after PREFIX, found %s", describe(t))
			}
			if t.text != "" && (!grammar.IsPNCharsBase(firstRune(t.text)) || strings.HasSuffix(t.text, ".")) {
				p.fail(t, "bad prefix name %q", t.text)
			}
			i := p.advance()
			if i.kind != tIRI {
				p.fail(i, "expected an IRI after PREFIX %s:, found %s", t.text, describe(i))
			}
			iri := iri.Resolve(p.base, i.text)
			p.prefixes[t.text] = iri
			p.q.Prefixes = append(p.q.Prefixes, algebra.Prefix{Name: t.text, IRI: iri})
		default:
			return
		}
	}
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return -1
}

func (p *parser) datasetClauses() {
	for p.acceptWord("FROM") {
		named := p.acceptWord("NAMED")
		iri := p.iri()
		if p.q.Dataset == nil {
			p.q.Dataset = &algebra.Dataset{}
		}
		if named {
			p.q.Dataset.Named = append(p.q.Dataset.Named, iri)
		} else {
			p.q.Dataset.Default = append(p.q.Dataset.Default, iri)
		}
	}
}

// iri reads an IRI or prefixed name.
func (p *parser) iri() term.Term {
	t := p.advance()
	switch t.kind {
	case tIRI:
		return term.IRI(iri.Resolve(p.base, t.text))
	case tPName:
		ns, ok := p.prefixes[t.text]
		if !ok {
			p.fail(t, "unknown prefix %q", t.text+":")
		}
		return term.IRI(ns + t.local)
	}
	p.fail(t, "expected an IRI, found %s", describe(t))
	return term.Term{}
}

func (p *parser) isIRI() bool {
	k := p.peek().kind
	return k == tIRI || k == tPName
}

// selectClause is a SELECT query before translation.
type selectClause struct {
	distinct, reduced bool
	star              bool
	items             []selectItem
	where             algebra.Pattern
	groupBy           []groupCond
	having            []algebra.Expr
	order             []algebra.OrderCond
	offset, limit     int64
	values            *algebra.Table
	aggs              []algebra.AggregateBinding
}

type selectItem struct {
	name string
	expr algebra.Expr // nil for a plain variable
	tok  token
}

type groupCond struct {
	expr algebra.Expr
	name string
	tok  token
}

type translated struct {
	pattern algebra.Pattern
	vars    []string
}

// selectQuery parses SELECT ... up to and including its VALUES clause;
// top says whether dataset clauses may follow the select clause.
func (p *parser) selectQuery(top bool) translated {
	saved := p.aggs
	defer func() { p.aggs = saved }()
	s := &selectClause{limit: -1}
	p.aggs = &s.aggs
	// Each expression of the select clause, GROUP BY and HAVING wraps the
	// pattern once more.
	depth := p.depth
	defer func() { p.depth = depth }()
	p.expectWord("SELECT")
	if p.acceptWord("DISTINCT") {
		s.distinct = true
	} else if p.acceptWord("REDUCED") {
		s.reduced = true
	}
	if p.acceptPunct("*") {
		s.star = true
	} else {
		for {
			t := p.peek()
			if t.kind == tVar {
				p.advance()
				s.items = append(s.items, selectItem{name: t.text, tok: t})
			} else if p.isPunct("(") {
				p.enter(p.advance())
				e := p.expression()
				p.expectWord("AS")
				v := p.advance()
				if v.kind != tVar {
					p.fail(v, "expected a variable after AS, found %s", describe(v))
				}
				p.expectPunct(")")
				s.items = append(s.items, selectItem{name: v.text, expr: e, tok: v})
			} else {
				break
			}
		}
		if len(s.items) == 0 {
			p.fail(p.peek(), "expected variables or * after SELECT, found %s", describe(p.peek()))
		}
	}
	if top {
		p.datasetClauses()
	}
	p.aggs = nil
	p.acceptWord("WHERE")
	s.where = p.groupGraphPattern()
	p.aggs = &s.aggs
	p.solutionModifiers(s)
	s.values = p.valuesClause()
	return p.translateSelect(s)
}

// solutionQuery parses WHERE, solution modifiers and VALUES of an ASK,
// CONSTRUCT or DESCRIBE query; needWhere is false for DESCRIBE.
func (p *parser) solutionQuery(needWhere bool) algebra.Pattern {
	saved := p.aggs
	defer func() { p.aggs = saved }()
	s := &selectClause{limit: -1, star: true}
	p.aggs = nil
	if needWhere || p.isWord("WHERE") || p.isPunct("{") {
		p.acceptWord("WHERE")
		s.where = p.groupGraphPattern()
	} else {
		s.where = algebra.BGP{}
	}
	p.aggs = &s.aggs
	p.solutionModifiers(s)
	s.values = p.valuesClause()
	return p.translateSolution(s, false).pattern
}

func (p *parser) solutionModifiers(s *selectClause) {
	depth := p.depth
	defer func() { p.depth = depth }()
	if p.isWord("GROUP") {
		p.advance()
		p.expectWord("BY")
		saved := p.aggs
		p.aggs = nil
		for {
			t := p.peek()
			var c groupCond
			c.tok = t
			switch {
			case t.kind == tVar:
				p.advance()
				c.name = t.text
			case p.isPunct("("):
				p.enter(p.advance())
				c.expr = p.expression()
				if p.acceptWord("AS") {
					v := p.advance()
					if v.kind != tVar {
						p.fail(v, "expected a variable after AS, found %s", describe(v))
					}
					c.name = v.text
				}
				p.expectPunct(")")
			case p.isIRI() || p.isBuiltin():
				p.enter(t)
				c.expr = p.primary()
			default:
				if len(s.groupBy) == 0 {
					p.fail(t, "expected a group condition, found %s", describe(t))
				}
			}
			if c.expr == nil && c.name == "" {
				break
			}
			s.groupBy = append(s.groupBy, c)
		}
		p.aggs = saved
	}
	if p.acceptWord("HAVING") {
		for {
			if p.isPunct("(") || p.isIRI() || p.isBuiltin() {
				p.enter(p.peek())
				s.having = append(s.having, p.primary())
				continue
			}
			if len(s.having) == 0 {
				p.fail(p.peek(), "expected a HAVING condition, found %s", describe(p.peek()))
			}
			break
		}
	}
	if p.isWord("ORDER") {
		p.advance()
		p.expectWord("BY")
		for {
			t := p.peek()
			switch {
			case p.isWord("ASC") || p.isWord("DESC"):
				p.advance()
				if !p.isPunct("(") {
					p.fail(p.peek(), "expected '(' after %s", strings.ToUpper(t.text))
				}
				s.order = append(s.order, algebra.OrderCond{Expr: p.primary(), Desc: strings.EqualFold(t.text, "DESC")})
				continue
			case t.kind == tVar:
				p.advance()
				s.order = append(s.order, algebra.OrderCond{Expr: algebra.VarExpr{Name: t.text}})
				continue
			case p.isPunct("(") || p.isIRI() || p.isBuiltin():
				s.order = append(s.order, algebra.OrderCond{Expr: p.primary()})
				continue
			}
			if len(s.order) == 0 {
				p.fail(t, "expected an ORDER BY condition, found %s", describe(t))
			}
			break
		}
	}
	haveLimit, haveOffset := false, false
	for {
		switch {
		case !haveLimit && p.acceptWord("LIMIT"):
			s.limit = p.integer()
			haveLimit = true
		case !haveOffset && p.acceptWord("OFFSET"):
			s.offset = p.integer()
			haveOffset = true
		default:
			return
		}
	}
}

func (p *parser) integer() int64 {
	t := p.advance()
	if t.kind != tInteger || strings.HasPrefix(t.text, "-") || strings.HasPrefix(t.text, "+") {
		p.fail(t, "expected an integer, found %s", describe(t))
	}
	n, err := strconv.ParseInt(t.text, 10, 64)
	if err != nil {
		p.fail(t, "integer %s out of range", t.text)
	}
	return n
}

// translateSelect applies section 18.2.4 to a parsed SELECT.
func (p *parser) translateSelect(s *selectClause) translated {
	return p.translateSolution(s, true)
}

func (p *parser) translateSolution(s *selectClause, isSelect bool) translated {
	pat := s.where
	grouped := len(s.groupBy) > 0 || len(s.aggs) > 0
	whereScope := map[string]bool{}
	for _, v := range algebra.InScope(pat) {
		whereScope[v] = true
	}
	visible := map[string]bool{}
	if grouped {
		var by []string
		for _, c := range s.groupBy {
			name := c.name
			if c.expr == nil {
				by = append(by, name)
				visible[name] = true
				continue
			}
			if name == "" {
				name = p.freshVar("g")
			} else {
				if whereScope[name] {
					p.fail(c.tok, "variable ?%s is already in scope", name)
				}
				visible[name] = true
			}
			pat = algebra.Extend{Inner: pat, Var: name, Expr: c.expr}
			by = append(by, name)
		}
		for _, a := range s.aggs {
			visible[a.Var] = true
		}
		if isSelect && s.star {
			p.fail(p.first, "SELECT * is not allowed with GROUP BY or aggregates")
		}
		pat = algebra.Group{Inner: pat, By: by, Aggregates: s.aggs}
	}
	for _, h := range s.having {
		pat = algebra.Filter{Expr: h, Inner: pat}
	}
	if s.values != nil {
		pat = join(pat, *s.values)
		for _, v := range s.values.Vars {
			whereScope[v] = true
			visible[v] = true
		}
	}
	var vars []string
	bound := map[string]bool{}
	for _, it := range s.items {
		if bound[it.name] {
			p.fail(it.tok, "variable ?%s is projected twice", it.name)
		}
		if it.expr == nil {
			if grouped && !visible[it.name] {
				p.fail(it.tok, "variable ?%s is neither grouped nor aggregated", it.name)
			}
		} else {
			if whereScope[it.name] || (grouped && visible[it.name]) {
				p.fail(it.tok, "variable ?%s is already in scope", it.name)
			}
			if grouped {
				algebra.ExprVars(it.expr, func(v string) {
					if !visible[v] && !bound[v] {
						p.fail(it.tok, "variable ?%s is neither grouped nor aggregated", v)
					}
				})
			}
			pat = algebra.Extend{Inner: pat, Var: it.name, Expr: it.expr}
		}
		bound[it.name] = true
		vars = append(vars, it.name)
	}
	if len(s.order) > 0 {
		pat = algebra.OrderBy{Inner: pat, Conds: s.order}
	}
	if isSelect {
		if s.star {
			for _, v := range algebra.InScope(pat) {
				if !algebra.IsInternal(v) {
					vars = append(vars, v)
				}
			}
			slices.SortStableFunc(vars, func(a, b string) int { return p.varPos[a] - p.varPos[b] })
		}
		pat = algebra.Project{Inner: pat, Vars: vars}
	}
	if s.distinct {
		pat = algebra.Distinct{Inner: pat}
	} else if s.reduced {
		pat = algebra.Reduced{Inner: pat}
	}
	if s.offset > 0 || s.limit >= 0 {
		pat = algebra.Slice{Inner: pat, Offset: s.offset, Limit: s.limit}
	}
	return translated{pattern: pat, vars: vars}
}

func (p *parser) construct() {
	if p.isPunct("{") {
		p.advance()
		p.block++
		var els []elem
		for !p.isPunct("}") {
			p.triplesSameSubject(&els, true, false)
			if !p.acceptPunct(".") {
				break
			}
		}
		p.expectPunct("}")
		for _, e := range els {
			p.q.Template = append(p.q.Template, algebra.TriplePattern{S: e.s, P: e.pred, O: e.o})
		}
		p.datasetClauses()
		p.q.Pattern = p.solutionQuery(true)
		return
	}
	// CONSTRUCT WHERE { triples }: the template is the pattern.
	p.datasetClauses()
	p.expectWord("WHERE")
	p.expectPunct("{")
	p.block++
	var els []elem
	for !p.isPunct("}") {
		p.triplesSameSubject(&els, false, false)
		if !p.acceptPunct(".") {
			break
		}
	}
	p.expectPunct("}")
	var bgp algebra.BGP
	for _, e := range els {
		tp := algebra.TriplePattern{S: e.s, P: e.pred, O: e.o}
		bgp.Triples = append(bgp.Triples, tp)
		p.q.Template = append(p.q.Template, algebra.TriplePattern{S: unvar(tp.S), P: unvar(tp.P), O: unvar(tp.O)})
	}
	s := &selectClause{limit: -1, where: bgp}
	saved := p.aggs
	p.aggs = &s.aggs
	p.solutionModifiers(s)
	p.aggs = saved
	s.values = p.valuesClause()
	p.q.Pattern = p.translateSolution(s, false).pattern
}

// unvar turns the variable standing for a query blank node back into a
// blank node, for the template of CONSTRUCT WHERE.
func unvar(n algebra.Node) algebra.Node {
	if n.IsVar() && algebra.IsInternal(n.Var) {
		return algebra.T(term.Blank(strings.NewReplacer(":", "", "!", "").Replace(n.Var)))
	}
	return n
}

func (p *parser) describe() {
	star := false
	if p.acceptPunct("*") {
		star = true
	} else {
		for {
			t := p.peek()
			if t.kind == tVar {
				p.advance()
				p.q.Describe = append(p.q.Describe, algebra.V(t.text))
			} else if p.isIRI() {
				p.q.Describe = append(p.q.Describe, algebra.T(p.iri()))
			} else {
				break
			}
		}
		if len(p.q.Describe) == 0 {
			p.fail(p.peek(), "expected resources or * after DESCRIBE, found %s", describe(p.peek()))
		}
	}
	p.datasetClauses()
	p.q.Pattern = p.solutionQuery(false)
	if star {
		for _, v := range algebra.InScope(p.q.Pattern) {
			if !algebra.IsInternal(v) {
				p.q.Describe = append(p.q.Describe, algebra.V(v))
			}
		}
	}
}

func (p *parser) valuesClause() *algebra.Table {
	if !p.acceptWord("VALUES") {
		return nil
	}
	t := p.dataBlock()
	return &t
}

func (p *parser) dataBlock() algebra.Table {
	var tab algebra.Table
	if t := p.peek(); t.kind == tVar {
		p.advance()
		tab.Vars = []string{t.text}
		p.expectPunct("{")
		for !p.isPunct("}") {
			tab.Rows = append(tab.Rows, []term.Term{p.dataValue()})
		}
		p.advance()
		return tab
	}
	if p.peek().kind == tNil {
		p.advance()
	} else {
		p.expectPunct("(")
		for p.peek().kind == tVar {
			tab.Vars = append(tab.Vars, p.advance().text)
		}
		p.expectPunct(")")
	}
	p.expectPunct("{")
	for !p.isPunct("}") {
		t := p.peek()
		var row []term.Term
		if t.kind == tNil {
			p.advance()
		} else {
			p.expectPunct("(")
			for !p.isPunct(")") {
				row = append(row, p.dataValue())
			}
			p.advance()
		}
		if len(row) != len(tab.Vars) {
			p.fail(t, "VALUES row has %d values for %d variables", len(row), len(tab.Vars))
		}
		tab.Rows = append(tab.Rows, row)
	}
	p.advance()
	return tab
}

func (p *parser) dataValue() term.Term {
	if p.acceptWord("UNDEF") {
		return term.Term{}
	}
	t := p.peek()
	if t.kind == tNil || t.kind == tAnon || t.kind == tBlank {
		p.fail(t, "expected a constant in VALUES, found %s", describe(t))
	}
	n := p.graphTerm(false)
	if n.IsVar() {
		p.fail(t, "expected a constant in VALUES, found %s", describe(t))
	}
	return n.Term
}
