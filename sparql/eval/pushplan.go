package eval

import (
	"kg/store/join"
	"strings"

	"kg/term"
)

// A Joiner takes more than join groups: the planner below turns a whole
// pattern into one Join when it can translate every part of it exactly —
// join groups with their filters, OPTIONAL as left-joined groups, EXISTS,
// NOT EXISTS and MINUS as correlated subjoins, COUNTs grouped by
// variables — so that a database answers it in one request instead of
// one per solution. Filter conditions it cannot translate are tested on
// the rows of the top join, where that keeps their meaning; anything else
// it cannot translate leaves the pattern to the evaluator, whose
// operators try again on their parts.

// planner translates the patterns of one run, with the values of the seed
// sol as constants.
type planner struct {
	ev    *evaluator
	g     term.Term
	sol   solution
	fresh int // the next variable for the inner nodes of paths
}

// planEnv describes the joins around a subjoin, whose variables it reads
// by substitution: outer are those they bind in every solution, maybe
// those they may leave unbound; nonLit are variables never bound to a
// literal.
type planEnv struct {
	outer, maybe, nonLit varSet
}

// plan is a translated pattern: its join, the conditions to test on each
// of its rows, and free, the variables its EXISTS subjoins bind for
// themselves, which nothing joined to it later may bind.
type plan struct {
	j    *Join
	rest []cexpr
	free varSet
}

// condEnv is what a condition reads: the variables of the pattern it
// filters (own, bound in every solution when certain) and those around.
type condEnv struct {
	own, certain, nonLit varSet
	env                  planEnv
}

// pushed evaluates n in one request to a Joiner when the planner can
// translate it. It reports whether it did, and then whether to go on.
func (ev *evaluator) pushed(n node, g term.Term, sol solution, yield func(solution) bool) (bool, bool) {
	jn, ok := ev.ds.(Joiner)
	if !ok {
		return false, false
	}
	p := &planner{ev: ev, g: g, sol: sol, fresh: len(sol)}
	var pl *plan
	var slots []int // the slots a row's values go to
	if gn, isGroup := n.(*groupNode); isGroup {
		if pl, ok = p.grouped(gn); !ok {
			return false, false
		}
		slots = append(slots, pl.j.Out...)
		for _, a := range gn.aggs {
			slots = append(slots, a.slot)
		}
	} else {
		if pl, ok = p.plan(n, planEnv{}, true); !ok || len(pl.j.Steps) == 0 {
			// The evaluator answers a pattern of VALUES alone itself.
			return false, false
		}
		for _, v := range sortedSlots(n.scope()) {
			if v < len(sol) && sol[v].IsZero() {
				pl.j.Out = append(pl.j.Out, v)
			}
		}
		slots = pl.j.Out
	}
	cont := true
	err := jn.Join(ev.ctx, g, pl.j, func(row []term.Term) bool {
		if !ev.tick() {
			cont = false
			return false
		}
		for k, v := range slots {
			sol[v] = row[k]
		}
		for _, c := range pl.rest {
			if !ev.test(c, g, sol) {
				unbind(sol, slots)
				cont = ev.err == nil
				return cont
			}
		}
		cont = yield(sol)
		unbind(sol, slots)
		return cont
	})
	if err != nil {
		ev.fail(err)
		return true, false
	}
	return true, cont && ev.err == nil
}

// plan translates n. Only at the top (top) may conditions be left to
// test on the rows.
func (p *planner) plan(n node, e planEnv, top bool) (*plan, bool) {
	switch n := n.(type) {
	case *bgpNode:
		return p.group(n, e, top)
	case *pathNode, *tableNode:
		g, _ := asGroup(n)
		return p.group(g, e, top)
	case *filterNode:
		return p.filter(n, e, top)
	case *leftJoinNode:
		return p.leftJoin(n, e, top)
	case *joinNode:
		return p.join(n, e, top)
	case *minusNode:
		return p.minus(n, e)
	}
	return nil, false
}

// group translates a join group: its steps, all of which a Joiner must
// take, and its filters. A group of tables alone joins other groups.
func (p *planner) group(b *bgpNode, e planEnv, top bool) (*plan, bool) {
	if b.an != nil {
		return nil, false
	}
	j := &Join{}
	slot := func(pos slotOrConst) JoinSlot {
		if pos.slot < 0 {
			return JoinSlot{Var: -1, Term: pos.t}
		}
		if v := p.sol[pos.slot]; !v.IsZero() {
			return JoinSlot{Var: -1, Term: v}
		}
		return JoinSlot{Var: pos.slot}
	}
	for i := range b.steps {
		st := &b.steps[i]
		switch st.kind {
		case stepTriple:
			j.Steps = append(j.Steps, JoinStep{S: slot(st.tp[0]), O: slot(st.tp[2]), Links: []JoinLink{{P: slot(st.tp[1])}}})
		case stepPath:
			steps, pathOK := pathSteps(st.path.path, JoinSlot{Var: -2}, JoinSlot{Var: -3}, &p.fresh)
			if !pathOK {
				return nil, false
			}
			s, o := slot(st.path.s), slot(st.path.o)
			for _, ps := range steps {
				ps = withEnds(ps, s, o)
				if ps.Closure && ps.S.Var >= 0 && ps.O.Var >= 0 {
					return nil, false // a closure is walked from a constant end
				}
				j.Steps = append(j.Steps, ps)
			}
		case stepTable:
			t, tableOK := joinTable(st.table, p.sol)
			if !tableOK {
				return nil, false
			}
			j.Tables = append(j.Tables, t)
		}
	}
	pl := &plan{j: j, free: varSet{}}
	scope := b.scope()
	ce := &condEnv{own: scope, certain: scope, nonLit: nonLiteral(b), env: e}
	for _, f := range b.filters {
		if !p.cond(pl, f.e, ce, top) {
			return nil, false
		}
	}
	return pl, true
}

// cond adds a filter condition to pl: translated, or, at the top, to be
// tested on the rows. It reports false when it can do neither.
func (p *planner) cond(pl *plan, c cexpr, ce *condEnv, top bool) bool {
	if x, free, ok := p.expr(c, ce); ok {
		pl.j.Conds = append(pl.j.Conds, x)
		for v := range free {
			pl.free[v] = true
		}
		return true
	}
	if top {
		pl.rest = append(pl.rest, c)
	}
	return top
}

func (p *planner) filter(n *filterNode, e planEnv, top bool) (*plan, bool) {
	pl, ok := p.plan(n.inner, e, top)
	if !ok {
		return nil, false
	}
	ce := &condEnv{own: n.inner.scope(), certain: n.inner.certain(), nonLit: nonLiteral(n.inner), env: e}
	for _, c := range n.conds {
		if !p.cond(pl, c, ce, top) {
			return nil, false
		}
	}
	return pl, true
}

// seeded reports whether the seed binds v.
func (p *planner) seeded(v int) bool { return v < len(p.sol) && !p.sol[v].IsZero() }

// shared are the variables both sides may bind that the seed does not.
func (p *planner) shared(a, b varSet) varSet {
	s := varSet{}
	for v := range a.intersect(b) {
		if !p.seeded(v) {
			s[v] = true
		}
	}
	return s
}

// lifts reports whether the conditions left to test on the rows of one
// side of a join mean the same on the rows of the join: they read only
// variables of that side, which the other side binds only to the same
// values.
func (p *planner) lifts(rest []cexpr, scope varSet) bool {
	for _, c := range rest {
		vs := varSet{}
		if exprVars(c, vs) {
			return false
		}
		for v := range vs {
			if !scope[v] && !p.seeded(v) {
				return false
			}
		}
	}
	return true
}

// disjoint reports whether no variable of s is in vs.
func disjoint(s, vs varSet) bool {
	for v := range s {
		if vs[v] {
			return false
		}
	}
	return true
}

// leftJoin translates OPTIONAL as a left-joined subjoin: the optional
// part must bind the variables it shares in every solution, and its
// filter must translate. A shared variable the left side may leave
// unbound takes the optional part's value there: it must not come from a
// table, nor be read by the conditions of the left side.
func (p *planner) leftJoin(n *leftJoinNode, e planEnv, top bool) (*plan, bool) {
	if n.an != nil {
		return nil, false
	}
	left, right := n.left.scope(), n.right.scope()
	shared := p.shared(left, right)
	if !n.right.certain().contains(shared) {
		return nil, false
	}
	rebound := varSet{} // shared variables the left side may leave unbound
	for v := range shared {
		if !n.left.certain()[v] {
			rebound[v] = true
		}
	}
	if len(rebound) > 0 && !disjoint(rebound, tableVars(n.left).union(tableVars(n.right))) {
		return nil, false
	}
	l, ok := p.plan(n.left, e, top)
	kept := varSet{}
	for v := range left {
		if !rebound[v] {
			kept[v] = true
		}
	}
	if !ok || !p.lifts(l.rest, kept) || !disjoint(l.free, right) || !disjoint(condReads(l.j.Conds), rebound) {
		return nil, false
	}
	r, ok := p.plan(n.right, e, false)
	if !ok {
		return nil, false
	}
	o := JoinOptional{Join: r.j}
	if n.expr != nil {
		ce := &condEnv{own: left.union(right), certain: n.left.certain().union(n.right.certain()),
			nonLit: nonLiteral(n.left).union(nonLiteral(n.right)), env: e}
		x, free, ok := p.expr(n.expr, ce)
		if !ok {
			return nil, false
		}
		o.On = []JoinExpr{x}
		l.free = l.free.union(free)
	}
	l.j.Optional = append(l.j.Optional, o)
	return l, true
}

// join merges the joins of both sides, whose shared variables both bind
// in every solution.
func (p *planner) join(n *joinNode, e planEnv, top bool) (*plan, bool) {
	if n.an != nil {
		return nil, false
	}
	left, right := n.left.scope(), n.right.scope()
	shared := p.shared(left, right)
	both := n.left.certain().intersect(n.right.certain())
	if !both.contains(shared) {
		return nil, false
	}
	l, ok := p.plan(n.left, e, top)
	if !ok {
		return nil, false
	}
	r, ok := p.plan(n.right, e, top)
	if !ok || !p.lifts(l.rest, left) || !p.lifts(r.rest, right) || !disjoint(l.free, right) || !disjoint(r.free, left) {
		return nil, false
	}
	j := l.j
	j.Steps = append(j.Steps, r.j.Steps...)
	j.Tables = append(j.Tables, r.j.Tables...)
	j.Conds = append(j.Conds, r.j.Conds...)
	j.Optional = append(j.Optional, r.j.Optional...)
	return &plan{j: j, rest: append(l.rest, r.rest...), free: l.free.union(r.free)}, true
}

// minus translates MINUS as NOT EXISTS of the right side with the shared
// variables' values, which both sides bind in every solution.
func (p *planner) minus(n *minusNode, e planEnv) (*plan, bool) {
	if n.an != nil {
		return nil, false
	}
	left, right := n.left.scope(), n.right.scope()
	l, ok := p.plan(n.left, e, false)
	if !ok {
		return nil, false
	}
	shared := p.shared(left, right)
	if len(shared) == 0 {
		return l, true // disjoint domains: MINUS removes nothing
	}
	both := n.left.certain().intersect(n.right.certain())
	if !both.contains(shared) {
		return nil, false
	}
	r, ok := p.plan(n.right, e, false)
	if !ok || !disjoint(r.free, left) {
		return nil, false
	}
	l.j.Conds = append(l.j.Conds, JoinExpr{Op: join.ExprNot, Args: []JoinExpr{{Op: join.ExprExists, Sub: r.j}}})
	l.free = l.free.union(r.free)
	for v := range right {
		if !left[v] && !p.seeded(v) {
			l.free[v] = true
		}
	}
	return l, true
}

// grouped translates a group whose aggregates are all COUNTs of the
// solutions or of a variable, over a pattern the seed does not bind.
func (p *planner) grouped(n *groupNode) (*plan, bool) {
	if n.an != nil {
		return nil, false
	}
	scope := n.inner.scope()
	for v := range scope {
		if p.seeded(v) {
			return nil, false
		}
	}
	g := &JoinGroup{}
	for _, a := range n.aggs {
		if !strings.EqualFold(a.name, "COUNT") {
			return nil, false
		}
		if a.arg == nil {
			if a.distinct {
				return nil, false
			}
			g.Counts = append(g.Counts, JoinCount{Var: -1})
			continue
		}
		v, ok := a.arg.(varExpr)
		if !ok || !scope[v.slot] {
			return nil, false
		}
		g.Counts = append(g.Counts, JoinCount{Var: v.slot, Distinct: a.distinct})
	}
	for _, v := range n.by {
		if !scope[v] || p.seeded(v) {
			return nil, false
		}
	}
	pl, ok := p.plan(n.inner, planEnv{}, false)
	if !ok || len(pl.j.Steps) == 0 {
		return nil, false
	}
	pl.j.Out, pl.j.Group = n.by, g
	return pl, true
}

// nonLiteral lists variables that are never bound to a literal in the
// solutions of n: those at the subject or predicate of one of its
// triple patterns.
func nonLiteral(n node) varSet {
	s := varSet{}
	switch n := n.(type) {
	case *bgpNode:
		for _, st := range n.steps {
			if st.kind != stepTriple {
				continue
			}
			for _, pos := range st.tp[:2] {
				if pos.slot >= 0 {
					s[pos.slot] = true
				}
			}
		}
	case *filterNode:
		return nonLiteral(n.inner)
	case *leftJoinNode:
		return nonLiteral(n.left)
	case *minusNode:
		return nonLiteral(n.left)
	case *joinNode:
		return nonLiteral(n.left).union(nonLiteral(n.right))
	}
	return s
}

// tableVars lists the variables the VALUES tables of n's join groups bind.
func tableVars(n node) varSet {
	s := varSet{}
	switch n := n.(type) {
	case *bgpNode:
		for _, st := range n.steps {
			if st.kind == stepTable {
				s = s.union(st.table.scope())
			}
		}
	case *tableNode:
		return n.scope()
	case *filterNode:
		return tableVars(n.inner)
	case *leftJoinNode:
		return tableVars(n.left).union(tableVars(n.right))
	case *joinNode:
		return tableVars(n.left).union(tableVars(n.right))
	case *minusNode:
		return tableVars(n.left)
	}
	return s
}

// condReads lists the variables conditions read, those of their
// subjoins included.
func condReads(conds []JoinExpr) varSet {
	s := varSet{}
	var walk func(e JoinExpr)
	walk = func(e JoinExpr) {
		if e.Op == join.ExprVar || e.Op == join.ExprBound {
			s[e.Var] = true
		}
		for _, a := range e.Args {
			walk(a)
		}
		if e.Sub != nil {
			s = s.union(joinVars(e.Sub))
		}
	}
	for _, c := range conds {
		walk(c)
	}
	return s
}

// joinVars lists every variable a join and its subjoins name.
func joinVars(j *Join) varSet {
	s := condReads(j.Conds)
	for _, st := range j.Steps {
		for _, x := range []JoinSlot{st.S, st.O} {
			if x.Var >= 0 {
				s[x.Var] = true
			}
		}
		for _, l := range st.Links {
			if l.P.Var >= 0 {
				s[l.P.Var] = true
			}
		}
	}
	for _, t := range j.Tables {
		for _, v := range t.Vars {
			s[v] = true
		}
	}
	for _, o := range j.Optional {
		s = s.union(joinVars(o.Join)).union(condReads(o.On))
	}
	return s
}
