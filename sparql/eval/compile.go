package eval

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"kg/sparql/algebra"
	"kg/term"
)

// Solutions are slices of terms indexed by variable slot; the zero term is
// an unbound variable. The compiler gives every variable name of a query
// one slot.
type solution = []term.Term

// slotOrConst is a compiled triple or path position.
type slotOrConst struct {
	slot int // -1 for a constant
	t    term.Term
}

type compiler struct {
	slots map[string]int
	names []string
	// prefixes of the query, to shorten IRIs in plans
	prefixes []algebra.Prefix
	// depth is the nesting of the pattern or expression being compiled.
	depth int
	// computed are the slots BIND and aggregates fill: their strings are
	// made by the query, not shared with the dataset.
	computed []int
}

// MaxDepth bounds the nesting of patterns and expressions the evaluator
// accepts: it evaluates them recursively, and a query nested deeper (a
// million "!" before a FILTER's operand) would exhaust the stack.
const MaxDepth = 10000

// ErrTooDeep is wrapped by the error of a query nested deeper than MaxDepth.
var ErrTooDeep = errors.New("query nested too deeply")

// enter counts one level of nesting and refuses to go past MaxDepth.
func (c *compiler) enter() error {
	if c.depth++; c.depth > MaxDepth {
		return fmt.Errorf("%w: patterns or expressions nested deeper than %d", ErrTooDeep, MaxDepth)
	}
	return nil
}

func (c *compiler) leave() { c.depth-- }

// computedSlot returns the slot of a variable the query computes.
func (c *compiler) computedSlot(name string) int {
	i := c.slot(name)
	if !slices.Contains(c.computed, i) {
		c.computed = append(c.computed, i)
	}
	return i
}

func (c *compiler) slot(name string) int {
	if i, ok := c.slots[name]; ok {
		return i
	}
	i := len(c.names)
	c.slots[name] = i
	c.names = append(c.names, name)
	return i
}

func (c *compiler) node(n algebra.Node) slotOrConst {
	if n.IsVar() {
		return slotOrConst{slot: c.slot(n.Var)}
	}
	return slotOrConst{slot: -1, t: n.Term}
}

// with extends an outer predicate by the slots of s.
func with(outer func(int) bool, s varSet) func(int) bool {
	return func(v int) bool { return s[v] || outer(v) }
}

// seedBound accepts the slots sol binds.
func seedBound(sol solution) func(int) bool {
	return func(v int) bool { return !sol[v].IsZero() }
}

// varSet is a set of slots.
type varSet map[int]bool

func (s varSet) union(o varSet) varSet {
	r := varSet{}
	for k := range s {
		r[k] = true
	}
	for k := range o {
		r[k] = true
	}
	return r
}

func (s varSet) intersect(o varSet) varSet {
	r := varSet{}
	for k := range s {
		if o[k] {
			r[k] = true
		}
	}
	return r
}

func (s varSet) contains(o varSet) bool {
	for k := range o {
		if !s[k] {
			return false
		}
	}
	return true
}

// node is a compiled graph pattern.
//
// run evaluates the pattern with the bindings of sol fixed (the seed) and
// calls yield with every solution, which extends sol. The slice passed to
// yield is only valid during the call; a consumer that keeps it must clone
// it. run may bind unbound slots of sol in place but restores them before
// it returns. It returns false when yield asked to stop or the query
// failed.
type node interface {
	run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool
	// scope lists the slots the pattern may bind; certain those it binds
	// in every solution.
	scope() varSet
	certain() varSet
	// safeUnder reports whether evaluating the pattern with a seed that
	// binds at most the slots outer accepts gives exactly its solutions
	// compatible with the seed, so that a join can substitute bindings
	// instead of hashing.
	safeUnder(outer func(int) bool) bool
}

func (c *compiler) pattern(p algebra.Pattern) (node, error) {
	if err := c.enter(); err != nil {
		return nil, err
	}
	defer c.leave()
	switch p := p.(type) {
	case algebra.BGP:
		b := &bgpNode{}
		for _, t := range p.Triples {
			b.steps = append(b.steps, step{kind: stepTriple, tp: [3]slotOrConst{c.node(t.S), c.node(t.P), c.node(t.O)}})
		}
		if len(b.steps) > maxGroup {
			// Too long for one group: split it into joined halves.
			h := len(p.Triples) / 2
			return c.pattern(algebra.Join{Left: algebra.BGP{Triples: p.Triples[:h]}, Right: algebra.BGP{Triples: p.Triples[h:]}})
		}
		return b, nil
	case algebra.Path:
		return &pathNode{s: c.node(p.S), o: c.node(p.O), path: p.Path, zero: canBeZero(p.Path)}, nil
	case algebra.Join:
		l, err := c.pattern(p.Left)
		if err != nil {
			return nil, err
		}
		r, err := c.pattern(p.Right)
		if err != nil {
			return nil, err
		}
		if lg, ok := asGroup(l); ok {
			if rg, ok := asGroup(r); ok {
				if m, ok := mergeGroups(lg, rg); ok {
					return m, nil
				}
			}
		}
		return &joinNode{left: l, right: r}, nil
	case algebra.LeftJoin:
		l, err := c.pattern(p.Left)
		if err != nil {
			return nil, err
		}
		r, err := c.pattern(p.Right)
		if err != nil {
			return nil, err
		}
		n := &leftJoinNode{left: l, right: r}
		if p.Expr != nil {
			if n.expr, err = c.expr(p.Expr); err != nil {
				return nil, err
			}
		}
		return n, nil
	case algebra.Filter:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		var conds []cexpr
		for _, e := range splitAnd(p.Expr, nil) {
			ce, err := c.expr(e)
			if err != nil {
				return nil, err
			}
			conds = append(conds, ce)
		}
		// Conditions move down to the operand that binds all their
		// variables, ideally into a join group, where they run as soon as
		// those are bound.
		var rest []cexpr
		for _, e := range conds {
			if pushed, ok := pushFilter(inner, e); ok {
				inner = pushed
			} else {
				rest = append(rest, e)
			}
		}
		if len(rest) == 0 {
			return inner, nil
		}
		conds = rest
		return &filterNode{inner: inner, conds: conds}, nil
	case algebra.Union:
		l, err := c.pattern(p.Left)
		if err != nil {
			return nil, err
		}
		r, err := c.pattern(p.Right)
		if err != nil {
			return nil, err
		}
		return &unionNode{left: l, right: r}, nil
	case algebra.Minus:
		l, err := c.pattern(p.Left)
		if err != nil {
			return nil, err
		}
		r, err := c.pattern(p.Right)
		if err != nil {
			return nil, err
		}
		return &minusNode{left: l, right: r}, nil
	case algebra.Graph:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		return &graphNode{name: c.node(p.Name), inner: inner}, nil
	case algebra.Extend:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		e, err := c.expr(p.Expr)
		if err != nil {
			return nil, err
		}
		return &extendNode{inner: inner, slot: c.computedSlot(p.Var), expr: e}, nil
	case algebra.Table:
		t := &tableNode{rows: p.Rows}
		for _, v := range p.Vars {
			t.slots = append(t.slots, c.slot(v))
		}
		return t, nil
	case algebra.Group:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		g := &groupNode{inner: inner}
		for _, v := range p.By {
			g.by = append(g.by, c.slot(v))
		}
		for _, a := range p.Aggregates {
			ca := caggregate{slot: c.computedSlot(a.Var), name: a.Agg.Name, distinct: a.Agg.Distinct, sep: a.Agg.Separator}
			if a.Agg.Arg != nil {
				if ca.arg, err = c.expr(a.Agg.Arg); err != nil {
					return nil, err
				}
			}
			g.aggs = append(g.aggs, ca)
		}
		return g, nil
	case algebra.Project:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		n := &projectNode{inner: inner, keep: varSet{}}
		for _, v := range p.Vars {
			n.keep[c.slot(v)] = true
		}
		return n, nil
	case algebra.Distinct:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		return &distinctNode{inner: inner}, nil
	case algebra.Reduced:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		return &distinctNode{inner: inner}, nil
	case algebra.Slice:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		if p.Limit >= 0 {
			// An ORDER BY under the slice (and a projection) need only
			// keep the rows the slice reads.
			if o, ok := orderUnder(inner); ok && p.Offset <= math.MaxInt64-p.Limit {
				o.keep = p.Offset + p.Limit
			}
		}
		return &sliceNode{inner: inner, offset: p.Offset, limit: p.Limit}, nil
	case algebra.OrderBy:
		inner, err := c.pattern(p.Inner)
		if err != nil {
			return nil, err
		}
		n := &orderNode{inner: inner, keep: -1}
		for _, k := range p.Conds {
			e, err := c.expr(k.Expr)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, e)
			n.desc = append(n.desc, k.Desc)
		}
		return n, nil
	}
	return nil, fmt.Errorf("eval: unsupported pattern %T", p)
}

// orderUnder finds the ORDER BY a slice reads directly or through a
// projection, whose order a projection keeps.
func orderUnder(n node) (*orderNode, bool) {
	if p, ok := n.(*projectNode); ok {
		n = p.inner
	}
	o, ok := n.(*orderNode)
	return o, ok
}

// pushFilter returns n with condition e applied inside it, where that
// keeps the meaning: e must read only variables that the operand it moves
// into always binds.
func pushFilter(n node, e cexpr) (node, bool) {
	f := newFilter(e)
	if f.late {
		return nil, false
	}
	vs := varSet{}
	for _, v := range f.vars {
		vs[v] = true
	}
	switch n := n.(type) {
	case *bgpNode:
		if len(n.filters) >= maxGroup {
			return nil, false
		}
		nb := *n
		nb.filters = append(append([]groupFilter(nil), n.filters...), f)
		if v, t, ok := constantBinding(e); ok && n.certain()[v] && len(n.steps) < maxGroup {
			// The condition holds exactly when the variable is that
			// term: a one-row VALUES step lets the group look it up in
			// the indexes instead of scanning and testing.
			nb.steps = append(append([]step(nil), n.steps...), step{kind: stepTable, table: &tableNode{slots: []int{v}, rows: [][]term.Term{{t}}}})
		}
		return &nb, true
	case *pathNode, *tableNode:
		g, _ := asGroup(n)
		return pushFilter(g, e)
	case *leftJoinNode:
		if n.left.certain().contains(vs) {
			if l, ok := pushFilter(n.left, e); ok {
				nl := *n
				nl.left = l
				return &nl, true
			}
		}
	case *joinNode:
		if n.left.certain().contains(vs) {
			if l, ok := pushFilter(n.left, e); ok {
				return &joinNode{left: l, right: n.right}, true
			}
		}
		if n.right.certain().contains(vs) {
			if r, ok := pushFilter(n.right, e); ok {
				return &joinNode{left: n.left, right: r}, true
			}
		}
	case *extendNode:
		if n.inner.certain().contains(vs) {
			if in, ok := pushFilter(n.inner, e); ok {
				ne := *n
				ne.inner = in
				return &ne, true
			}
		}
	}
	return nil, false
}

// constantBinding recognises conditions that hold exactly when a
// variable is bound to one term: sameTerm(?v, t) for any term t, and
// ?v = t for an IRI, a string or a language-tagged string t, whose
// equality is identity (for numbers, booleans and dates "=" compares
// values: 1 = 1.0).
func constantBinding(e cexpr) (slot int, t term.Term, ok bool) {
	var a, b cexpr
	sameTerm := false
	switch e := e.(type) {
	case binaryExpr:
		if e.op != "=" {
			return 0, term.Term{}, false
		}
		a, b = e.l, e.r
	case callExpr:
		if !strings.EqualFold(e.name, "SAMETERM") || len(e.args) != 2 {
			return 0, term.Term{}, false
		}
		a, b, sameTerm = e.args[0], e.args[1], true
	default:
		return 0, term.Term{}, false
	}
	if _, ok := a.(constExpr); ok {
		a, b = b, a
	}
	v, ok1 := a.(varExpr)
	c, ok2 := b.(constExpr)
	if !ok1 || !ok2 {
		return 0, term.Term{}, false
	}
	switch {
	case sameTerm, c.t.IsIRI(),
		c.t.IsLiteral() && (c.t.Datatype == term.XSDString || c.t.Datatype == term.RDFLangString):
		return v.slot, c.t, true
	}
	return 0, term.Term{}, false
}

// splitAnd flattens a conjunction into its conditions.
func splitAnd(e algebra.Expr, out []algebra.Expr) []algebra.Expr {
	if b, ok := e.(algebra.Binary); ok && b.Op == "&&" {
		return splitAnd(b.Right, splitAnd(b.Left, out))
	}
	return append(out, e)
}
