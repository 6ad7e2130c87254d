package eval

import (
	"slices"

	"kg/sparql/expr"
	"kg/term"
)

// joinCount is the plan of a group that only counts the solutions of a
// join of triple patterns, grouped by at most one of their variables, the
// join perhaps filtered by EXISTS and NOT EXISTS of single triple
// patterns that share one variable with it:
//
//	SELECT ?d (COUNT(?s) AS ?n) { ?s a :Student . ?s :memberOf ?d } GROUP BY ?d
//	SELECT (COUNT(*) AS ?n) { ?s a :Grad FILTER NOT EXISTS { ?s :assists ?c } }
//
// Over a MemDataset the join runs on term ids alone, in an order fixed
// once from the lengths of the patterns' ranges: no term is looked up but
// the group keys, and no solution is built. A pattern all of whose
// variables are bound when its turn comes is a membership test; one with
// a single variable, and every filter, tests an idSet (a bitset of the
// ids its range holds). Grouping follows the runs of the group key as the
// scans give them, so that a key that comes sorted costs one map entry
// per group rather than one lookup per solution.
//
// A graph holds each triple once, so a test passes a solution at most
// once and the counts are those of the general evaluation.
type joinCount struct {
	pats []jcPattern
	by   int   // the grouping variable's slot; -1 without one
	vars []int // the slots the patterns read, all unbound in a seed the plan runs under
}

// jcPattern is a triple pattern of the join or of a filter.
type jcPattern struct {
	tp     [3]slotOrConst
	filter bool // an EXISTS (or, with not, NOT EXISTS) filter
	not    bool
	shared int // a filter's one variable shared with the join
}

// joinCountPlan returns the plan of the group, nil when its pattern or
// aggregates need the general evaluation.
func (n *groupNode) joinCountPlan() *joinCount {
	inner := n.inner
	var conds []cexpr
	if f, ok := inner.(*filterNode); ok {
		inner, conds = f.inner, f.conds
	}
	b, ok := inner.(*bgpNode)
	if !ok || len(b.filters) != 0 || len(b.steps) == 0 || len(n.by) > 1 {
		return nil
	}
	jc := &joinCount{by: -1}
	for _, st := range b.steps {
		if st.kind != stepTriple || !distinctSlots(&st.tp) {
			return nil
		}
		jc.pats = append(jc.pats, jcPattern{tp: st.tp, shared: -1})
	}
	scope := b.scope()
	if len(n.by) == 1 {
		if !scope[n.by[0]] {
			return nil
		}
		jc.by = n.by[0]
	}
	for _, a := range n.aggs {
		if a.name != "COUNT" || a.distinct {
			return nil
		}
		if v, ok := a.arg.(varExpr); a.arg != nil && (!ok || !scope[v.slot]) {
			return nil
		}
	}
	for _, c := range conds {
		if !jc.addFilters(c, scope) {
			return nil
		}
	}
	if len(jc.pats) < 2 || !jc.connected() {
		return nil
	}
	vs := varSet{}
	for _, p := range jc.pats {
		for _, pos := range p.tp {
			if pos.slot >= 0 {
				vs[pos.slot] = true
			}
		}
	}
	jc.vars = sortedSlots(vs)
	return jc
}

// addFilters adds the patterns of a condition made of EXISTS and NOT
// EXISTS of single triple patterns, joined by &&; false when it is not one.
func (jc *joinCount) addFilters(c cexpr, scope varSet) bool {
	if be, ok := c.(binaryExpr); ok && be.op == "&&" {
		return jc.addFilters(be.l, scope) && jc.addFilters(be.r, scope)
	}
	e, ok := c.(existsExpr)
	if !ok {
		return false
	}
	b, ok := e.pattern.(*bgpNode)
	if !ok || len(b.steps) != 1 || len(b.filters) != 0 || b.steps[0].kind != stepTriple || !distinctSlots(&b.steps[0].tp) {
		return false
	}
	p := jcPattern{tp: b.steps[0].tp, filter: true, not: e.not, shared: -1}
	for _, pos := range p.tp {
		if pos.slot >= 0 && scope[pos.slot] {
			if p.shared >= 0 {
				return false
			}
			p.shared = pos.slot
		}
	}
	if p.shared < 0 {
		return false
	}
	jc.pats = append(jc.pats, p)
	return true
}

// distinctSlots reports whether no variable repeats in tp.
func distinctSlots(tp *[3]slotOrConst) bool {
	for i := range tp {
		for j := range i {
			if tp[i].slot >= 0 && tp[i].slot == tp[j].slot {
				return false
			}
		}
	}
	return true
}

// connected reports whether the join's patterns form one component
// through their variables, none without a variable: a cross product is
// left to the general evaluation.
func (jc *joinCount) connected() bool {
	reached := varSet{}
	left := 0
	for _, p := range jc.pats {
		if !p.filter {
			left++
		}
	}
	done := make([]bool, len(jc.pats))
	for progress := true; progress; {
		progress = false
		for i, p := range jc.pats {
			if done[i] || p.filter {
				continue
			}
			shares, any := len(reached) == 0, false
			for _, pos := range p.tp {
				if pos.slot >= 0 {
					any = true
					shares = shares || reached[pos.slot]
				}
			}
			if !any {
				return false
			}
			if shares {
				for _, pos := range p.tp {
					if pos.slot >= 0 {
						reached[pos.slot] = true
					}
				}
				done[i], progress = true, true
				left--
			}
		}
	}
	return left == 0
}

// jcStep is one step of a run: a scan binding the variables of bind, or a
// test (of set when it has one, else of the whole triple).
type jcStep struct {
	p    *jcPattern
	q    [3]uint32 // the constants' ids
	bind [3]bool
	test bool
	set  *idSet
}

// jcRun is the state of one run of a joinCount.
type jcRun struct {
	ev    *evaluator
	m     *MemDataset
	g     term.Term
	steps []jcStep
	ids   []uint32 // by slot
	by    int
	cur   uint32 // the group key of the current run of solutions
	n     int64  // and its count so far
	total int64
	count map[uint32]int64
	order []uint32
	rows  int
}

// run counts over m and yields one solution per group; handled is false
// when the seed binds a variable of the plan and the general evaluation
// must run.
func (jc *joinCount) run(ev *evaluator, n *groupNode, m *MemDataset, g term.Term, sol solution, yield func(solution) bool) (handled, cont bool) {
	for _, v := range jc.vars {
		if !sol[v].IsZero() {
			return false, false
		}
	}
	r := &jcRun{ev: ev, m: m, g: g, ids: make([]uint32, len(sol)), by: jc.by}
	empty, ok := r.plan(jc)
	if !ok {
		return false, false
	}
	defer func() {
		for _, st := range r.steps {
			if st.set != nil {
				st.set.release(ev)
			}
		}
		ev.free(int64(len(r.count)) * mapEntry)
	}()
	if !empty && !r.exec(0) {
		return true, false
	}
	r.flush()
	return true, r.emit(n, sol, yield)
}

// plan resolves the constants and orders the steps; empty tells that the
// join has no solution, ok false that the patterns do not connect.
func (r *jcRun) plan(jc *joinCount) (empty, ok bool) {
	sizes := make([]int, len(jc.pats))
	var live []*jcPattern
	consts := make(map[*jcPattern][3]uint32, len(jc.pats))
	for i := range jc.pats {
		p := &jc.pats[i]
		var q [3]uint32
		known := true
		for j, pos := range p.tp {
			if pos.slot < 0 {
				id, ok := r.m.termID(pos.t)
				known = known && ok
				q[j] = id
			}
		}
		switch {
		case !known && p.filter && p.not:
			continue // NOT EXISTS of what cannot match always holds
		case !known:
			return true, true
		}
		rng, _ := r.m.scanIDs(r.g, q)
		sizes[len(live)] = len(rng)
		consts[p] = q
		live = append(live, p)
	}
	bound := varSet{}
	for len(live) > 0 {
		i := r.next(live, sizes, bound)
		if i < 0 {
			return false, false
		}
		p := live[i]
		st := jcStep{p: p, q: consts[p]}
		unbound := 0
		for j, pos := range p.tp {
			if pos.slot >= 0 && !bound[pos.slot] && (!p.filter || pos.slot == p.shared) {
				st.bind[j] = true
				unbound++
			}
		}
		st.test = p.filter || unbound == 0
		if st.test {
			st.bind = [3]bool{}
			if pos := jcSetPos(p); pos >= 0 {
				st.set = newIDSet(r.m, r.g, st.q, pos)
			}
		}
		for j, pos := range p.tp {
			if st.bind[j] {
				bound[pos.slot] = true
			}
		}
		r.steps = append(r.steps, st)
		live = slices.Delete(live, i, i+1)
		sizes = slices.Delete(sizes, i, i+1)
	}
	return false, true
}

// jcSetPos returns the position of the variable an idSet tests for p: a
// filter's shared variable, or a join pattern's only variable; -1 when p
// has more.
func jcSetPos(p *jcPattern) int {
	at := -1
	for j, pos := range p.tp {
		switch {
		case pos.slot < 0:
		case p.filter && pos.slot != p.shared:
		case at >= 0:
			return -1
		default:
			at = j
		}
	}
	return at
}

// next chooses the next step among live: first a test (a pattern whose
// variables are bound); else, to start, the smallest pattern holding the
// group key (or the smallest of all); else the smallest pattern sharing a
// bound variable. -1 when none can come next.
func (r *jcRun) next(live []*jcPattern, sizes []int, bound varSet) int {
	best := -1
	for i, p := range live {
		all, shares := true, false
		for _, pos := range p.tp {
			if pos.slot < 0 || p.filter && pos.slot != p.shared {
				continue
			}
			all = all && bound[pos.slot]
			shares = shares || bound[pos.slot]
		}
		if len(bound) > 0 && all {
			return i
		}
		if p.filter {
			continue
		}
		if len(bound) == 0 {
			shares = r.by < 0 || slices.ContainsFunc(p.tp[:], func(s slotOrConst) bool { return s.slot == r.by })
		}
		if shares && (best < 0 || sizes[i] < sizes[best]) {
			best = i
		}
	}
	return best
}

// exec runs the steps from i on, counting the solutions that reach the end.
func (r *jcRun) exec(i int) bool {
	if i == len(r.steps) {
		if r.by < 0 {
			r.total++
			return true
		}
		if id := r.ids[r.by]; id != r.cur {
			r.flush()
			r.cur = id
		}
		r.n++
		return true
	}
	st := &r.steps[i]
	q := st.q
	for j, pos := range st.p.tp {
		if pos.slot >= 0 && !st.bind[j] && (!st.p.filter || pos.slot == st.p.shared) {
			q[j] = r.ids[pos.slot]
		}
	}
	if st.test {
		var found bool
		if st.set != nil {
			found = st.set.has(r.ev, q[st.set.pos])
		} else {
			rng, _ := r.m.scanIDs(r.g, q)
			found = len(rng) > 0
		}
		if found == st.p.not {
			return true
		}
		return r.exec(i + 1)
	}
	rng, perm := r.m.scanIDs(r.g, q)
	var cols [3]int
	for c, j := range perm {
		cols[j] = c
	}
	for _, t := range rng {
		if r.rows++; r.rows&1023 == 0 && !r.ev.work(1024) {
			return false
		}
		for j, pos := range st.p.tp {
			if st.bind[j] {
				r.ids[pos.slot] = t[cols[j]]
			}
		}
		if !r.exec(i + 1) {
			return false
		}
	}
	return true
}

// flush adds the current run of solutions to its group.
func (r *jcRun) flush() {
	if r.n == 0 {
		return
	}
	if r.count == nil {
		r.count = map[uint32]int64{}
	}
	if _, ok := r.count[r.cur]; !ok {
		r.order = append(r.order, r.cur)
		r.ev.alloc(mapEntry)
	}
	r.count[r.cur] += r.n
	r.n = 0
}

// emit yields the groups in the order of their first solution; without a
// group key, the one group, also when there is no solution.
func (r *jcRun) emit(n *groupNode, sol solution, yield func(solution) bool) bool {
	out := make(solution, len(sol))
	put := func(key term.Term, count int64) bool {
		copy(out, sol)
		if r.by >= 0 {
			out[r.by] = key
		}
		v := expr.Integer(count)
		for _, a := range n.aggs {
			out[a.slot] = v
		}
		return yield(out)
	}
	if n.an != nil {
		n.an.built += int64(max(len(r.order), 1-min(len(n.by), 1)))
	}
	if r.by < 0 {
		return put(term.Term{}, r.total)
	}
	for _, id := range r.order {
		if !r.ev.tick() || !put(r.m.termOf(id), r.count[id]) {
			return false
		}
	}
	return r.ev.err == nil
}
