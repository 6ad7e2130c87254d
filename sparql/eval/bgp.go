package eval

import (
	"kg/sparql/algebra"
	"kg/term"
)

// bgpNode is a join group: the triple patterns of a BGP together with the
// property paths, VALUES tables and FILTER conditions joined to them. It is
// evaluated as an index nested-loop join whose next step is chosen, at
// each depth, by the cardinality estimate of the remaining steps with the
// values bound so far; each filter runs as soon as its variables are bound.
type bgpNode struct {
	steps   []step
	filters []groupFilter
}

type stepKind uint8

const (
	stepTriple stepKind = iota
	stepPath
	stepTable
)

type step struct {
	kind  stepKind
	tp    [3]slotOrConst
	path  *pathNode
	table *tableNode
}

type groupFilter struct {
	e    cexpr
	vars []int
	// late filters read EXISTS or a function whose value changes between
	// calls; they are tested once every step is done.
	late bool
}

// maxGroup bounds steps and filters of one group: done and applied sets
// are bit masks.
const maxGroup = 64

func newFilter(e cexpr) groupFilter {
	vs := varSet{}
	late := exprVars(e, vs)
	return groupFilter{e: e, vars: sortedSlots(vs), late: late}
}

// asGroup views a pattern that can join into a group as one.
func asGroup(n node) (*bgpNode, bool) {
	switch n := n.(type) {
	case *bgpNode:
		return n, true
	case *pathNode:
		return &bgpNode{steps: []step{{kind: stepPath, path: n}}}, true
	case *tableNode:
		return &bgpNode{steps: []step{{kind: stepTable, table: n}}}, true
	}
	return nil, false
}

// mergeGroups joins two groups into one when that keeps the meaning of
// their filters: each must read only variables its own side always binds.
func mergeGroups(a, b *bgpNode) (*bgpNode, bool) {
	if !a.correlated() || !b.correlated() ||
		len(a.steps)+len(b.steps) > maxGroup || len(a.filters)+len(b.filters) > maxGroup {
		return nil, false
	}
	return &bgpNode{
		steps:   append(append([]step(nil), a.steps...), b.steps...),
		filters: append(append([]groupFilter(nil), a.filters...), b.filters...),
	}, true
}

func (st *step) scope() varSet {
	switch st.kind {
	case stepPath:
		return st.path.scope()
	case stepTable:
		return st.table.scope()
	}
	s := varSet{}
	for _, p := range st.tp {
		if p.slot >= 0 {
			s[p.slot] = true
		}
	}
	return s
}

func (st *step) certain() varSet {
	if st.kind == stepTable {
		return st.table.certain()
	}
	return st.scope()
}

func (b *bgpNode) scope() varSet {
	s := varSet{}
	for i := range b.steps {
		s = s.union(b.steps[i].scope())
	}
	return s
}

func (b *bgpNode) certain() varSet {
	s := varSet{}
	for i := range b.steps {
		s = s.union(b.steps[i].certain())
	}
	return s
}

func (b *bgpNode) correlated() bool {
	c := b.certain()
	for _, f := range b.filters {
		if f.late {
			return false
		}
		for _, v := range f.vars {
			if !c[v] {
				return false
			}
		}
	}
	return true
}

func allBound(vars []int, sol solution) bool {
	for _, v := range vars {
		if sol[v].IsZero() {
			return false
		}
	}
	return true
}

// groupRun is the state of one evaluation of a group. The next step is
// chosen for every partial solution, from estimates with its values: a
// choice made once for all would follow the first value seen, and the
// estimates are cheap next to the matching they steer.
type groupRun struct {
	b      *bgpNode
	ev     *evaluator
	g      term.Term
	sol    solution
	yield  func(solution) bool
	full   uint64
}

func (b *bgpNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	r := &groupRun{b: b, ev: ev, g: g, sol: sol, yield: yield, full: 1<<len(b.steps) - 1}
	var applied uint64
	for i, f := range b.filters {
		if !f.late && allBound(f.vars, sol) {
			if !ev.test(f.e, g, sol) {
				return ev.err == nil
			}
			applied |= 1 << i
		}
	}
	return r.search(0, applied)
}

func (r *groupRun) search(done, applied uint64) bool {
	b, ev, sol := r.b, r.ev, r.sol
	if done == r.full {
		for i, f := range b.filters {
			if applied&(1<<i) == 0 && !ev.test(f.e, r.g, sol) {
				return ev.err == nil
			}
		}
		return r.yield(sol)
	}
	next := r.choose(done)
	done |= 1 << next
	return r.exec(&b.steps[next], func(solution) bool {
		ap := applied
		for i, f := range b.filters {
			if ap&(1<<i) != 0 || f.late || !allBound(f.vars, sol) {
				continue
			}
			if !ev.test(f.e, r.g, sol) {
				return ev.err == nil
			}
			ap |= 1 << i
		}
		return r.search(done, ap)
	})
}

func (r *groupRun) choose(done uint64) int {
	best, bestCost := -1, 0.0
	remaining := 0
	for i := range r.b.steps {
		if done&(1<<i) == 0 {
			remaining++
			best = i
		}
	}
	if remaining > 1 {
		best = -1
		for i := range r.b.steps {
			if done&(1<<i) != 0 {
				continue
			}
			c := r.cost(&r.b.steps[i])
			if best < 0 || c < bestCost {
				best, bestCost = i, c
			}
		}
	}
	return best
}

// cost estimates the number of solutions a step gives for the current
// bindings.
func (r *groupRun) cost(st *step) float64 {
	sol := r.sol
	value := func(p slotOrConst) term.Term {
		if p.slot < 0 {
			return p.t
		}
		return sol[p.slot]
	}
	switch st.kind {
	case stepTable:
		if allBound(st.table.slots, sol) {
			return -1 // a membership test: never widens
		}
		return float64(len(st.table.rows))
	case stepPath:
		return r.ev.pathEstimate(st.path.path, r.g, value(st.path.s), value(st.path.o))
	}
	s, p, o := value(st.tp[0]), value(st.tp[1]), value(st.tp[2])
	if !s.IsZero() && !p.IsZero() && !o.IsZero() {
		return 0
	}
	return float64(r.ev.ds.Estimate(s, p, o, r.g))
}

func (r *groupRun) exec(st *step, yield func(solution) bool) bool {
	switch st.kind {
	case stepPath:
		return st.path.run(r.ev, r.g, r.sol, yield)
	case stepTable:
		return st.table.run(r.ev, r.g, r.sol, yield)
	}
	ev, sol, tp := r.ev, r.sol, st.tp
	var q [3]term.Term
	for i, pos := range tp {
		if pos.slot < 0 {
			q[i] = pos.t
		} else {
			q[i] = sol[pos.slot]
		}
	}
	cont := true
	err := ev.ds.Match(ev.ctx, q[0], q[1], q[2], r.g, func(m term.Quad) bool {
		if !ev.tick() {
			cont = false
			return false
		}
		vals := [3]term.Term{m.S, m.P, m.O}
		var undo [3]int
		nb := 0
		ok := true
		for i, pos := range tp {
			if pos.slot < 0 {
				continue
			}
			if cur := sol[pos.slot]; cur.IsZero() {
				sol[pos.slot] = vals[i]
				undo[nb] = pos.slot
				nb++
			} else if cur != vals[i] {
				ok = false
				break
			}
		}
		if ok && !yield(sol) {
			cont = false
		}
		for i := 0; i < nb; i++ {
			sol[undo[i]] = term.Term{}
		}
		return cont
	})
	if err != nil {
		ev.fail(err)
		return false
	}
	return cont && ev.err == nil
}

// pathEstimate guesses the number of pairs a path gives with the ends s
// and o (zero when open).
func (ev *evaluator) pathEstimate(p algebra.PathExpr, g, s, o term.Term) float64 {
	switch p := p.(type) {
	case algebra.Link:
		return float64(ev.ds.Estimate(s, p.IRI, o, g))
	case algebra.Inverse:
		return ev.pathEstimate(p.P, g, o, s)
	case algebra.Alternative:
		return ev.pathEstimate(p.Left, g, s, o) + ev.pathEstimate(p.Right, g, s, o)
	case algebra.Sequence:
		if !s.IsZero() || o.IsZero() {
			return 2 * ev.pathEstimate(p.Left, g, s, term.Term{})
		}
		return 2 * ev.pathEstimate(p.Right, g, term.Term{}, o)
	case algebra.NegatedSet:
		return float64(ev.ds.Estimate(s, term.Term{}, o, g))
	case algebra.ZeroOrOne:
		return 1 + ev.pathEstimate(p.P, g, s, o)
	case algebra.ZeroOrMore, algebra.OneOrMore:
		var inner algebra.PathExpr
		if z, ok := p.(algebra.ZeroOrMore); ok {
			inner = z.P
		} else {
			inner = p.(algebra.OneOrMore).P
		}
		if s.IsZero() && o.IsZero() {
			// Every node of the graph is a start.
			return 10*ev.pathEstimate(inner, g, s, o) + float64(ev.ds.Estimate(term.Term{}, term.Term{}, term.Term{}, g))
		}
		return 1 + 10*ev.pathEstimate(inner, g, s, o)
	}
	return 1000
}
