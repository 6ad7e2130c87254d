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

	// The ids of the steps' constants in the MemDataset last queried, at
	// its generation gen; a compiled query runs on one goroutine.
	cidsOf *MemDataset
	cidsAt uint64
	cids   [][3]uint32

	an *groupStats // set in analysed runs only
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

func (b *bgpNode) safeUnder(func(int) bool) bool { return b.correlated() }

// correlated reports whether the group's filters read only variables the
// group always binds, which makes it safe under any seed.
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
	b     *bgpNode
	ev    *evaluator
	g     term.Term
	sol   solution
	yield func(solution) bool
	full  uint64

	// With a MemDataset the group works on term ids: ids holds the id of
	// every slot a triple step of this run bound (0 when not known) and
	// cids the ids of the constants of each step.
	chosen map[uint64]int // step choices, for datasets other than MemDataset
	an     *groupStats
	mem    *MemDataset
	mg     *memGraph
	ids    []uint32
	cids   [][3]uint32
	// outer are the ids of the group running around this one, if any.
	outer []uint32
}

// notFound is the id of a term the dataset does not contain.
const notFound = ^uint32(0)

func (r *groupRun) memID(t term.Term) uint32 {
	if id, ok := r.mem.idOf(t); ok {
		return id
	}
	return notFound
}

// slotID returns the id of the value of a triple position: 0 for an
// unbound variable, notFound for a term the dataset lacks.
func (r *groupRun) slotID(step, i int, pos slotOrConst) uint32 {
	if pos.slot < 0 {
		return r.cids[step][i]
	}
	v := r.sol[pos.slot]
	if v.IsZero() {
		return 0
	}
	if id := r.ids[pos.slot]; id != 0 {
		return id
	}
	if pos.slot < len(r.outer) {
		if id := r.outer[pos.slot]; id != 0 && r.mem.termOf(id) == v {
			return id
		}
	}
	return r.memID(v)
}

// prepareIDs sets up the id-based evaluation over a MemDataset.
func (r *groupRun) prepareIDs(m *MemDataset) {
	m.build()
	r.mem = m
	r.mg = m.graph(r.g)
	// Seed values are looked up when a step reads them.
	r.ids = make([]uint32, len(r.sol))
	b := r.b
	if gen := m.gen.Load(); b.cidsOf != m || b.cidsAt != gen || b.cids == nil {
		b.cids = make([][3]uint32, len(b.steps))
		for i, st := range b.steps {
			if st.kind != stepTriple {
				continue
			}
			for j, pos := range st.tp {
				if pos.slot < 0 {
					b.cids[i][j] = r.memID(pos.t)
				}
			}
		}
		b.cidsOf, b.cidsAt = m, gen
	}
	r.cids = b.cids
}

func (b *bgpNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	r := &groupRun{b: b, ev: ev, g: g, sol: sol, yield: yield, full: 1<<len(b.steps) - 1, an: b.an}
	if m, ok := ev.ds.(*MemDataset); ok {
		r.prepareIDs(m)
		// Operators nested in this group's solutions read its ids.
		r.outer, ev.ids = ev.ids, r.ids
		defer func() { ev.ids = r.outer }()
	}
	var applied uint64
	for i, f := range b.filters {
		if !f.late && allBound(f.vars, sol) {
			ok := ev.test(f.e, g, sol)
			if r.an != nil {
				r.an.tested(i, ok)
			}
			if !ok {
				return ev.err == nil
			}
			applied |= 1 << i
		}
	}
	if j, ok := ev.ds.(Joiner); ok && r.an == nil {
		if pushed, cont := ev.pushed(b, g, sol, yield); pushed {
			return cont
		}
		if pushed, cont := r.pushDown(j, applied); pushed {
			return cont
		}
	}
	return r.search(0, applied)
}

func (r *groupRun) search(done, applied uint64) bool {
	b, ev, sol := r.b, r.ev, r.sol
	if done == r.full {
		for i, f := range b.filters {
			if applied&(1<<i) != 0 {
				continue
			}
			ok := ev.test(f.e, r.g, sol)
			if r.an != nil {
				r.an.tested(i, ok)
			}
			if !ok {
				return ev.err == nil
			}
		}
		return r.yield(sol)
	}
	next := r.choose(done)
	done |= 1 << next
	st := &b.steps[next]
	if st.kind == stepTriple {
		return r.execTriple(next, done, applied)
	}
	cont := func(solution) bool { return r.advance(done, applied) }
	if r.an != nil {
		rows := &r.an.steps[next].rows
		cont = func(solution) bool {
			*rows++
			return r.advance(done, applied)
		}
	}
	if st.kind == stepPath {
		return st.path.run(ev, r.g, sol, cont)
	}
	return st.table.run(ev, r.g, sol, cont)
}

// advance tests the filters whose variables a step has just bound, then
// goes on with the remaining steps.
func (r *groupRun) advance(done, applied uint64) bool {
	ev, sol := r.ev, r.sol
	for i, f := range r.b.filters {
		if applied&(1<<i) != 0 || f.late || !allBound(f.vars, sol) {
			continue
		}
		ok := ev.test(f.e, r.g, sol)
		if r.an != nil {
			r.an.tested(i, ok)
		}
		if !ok {
			return ev.err == nil
		}
		applied |= 1 << i
	}
	return r.search(done, applied)
}

func (r *groupRun) choose(done uint64) int {
	if r.mem == nil {
		// Other stores may answer Estimate slowly (a count query):
		// there the step after each set of done steps is chosen once, on
		// the first partial solution that gets there.
		if i, ok := r.chosen[done]; ok {
			if r.an != nil {
				// Other stores are asked for estimates once per
				// position, in an analysed run too.
				r.an.chose(i, done, 0, false)
			}
			return i
		}
		i := r.chooseNow(done)
		if r.chosen == nil {
			r.chosen = map[uint64]int{}
		}
		r.chosen[done] = i
		if r.an != nil {
			r.an.chose(i, done, r.stepEstimate(i, done), true)
		}
		return i
	}
	i := r.chooseNow(done)
	if r.an != nil {
		r.an.chose(i, done, r.stepEstimate(i, done), true)
	}
	return i
}

// stepEstimate is the number of solutions step i is expected to give
// with the current bindings: the rows of a VALUES table (one when its
// variables are bound), the cardinality estimate of a triple or path.
func (r *groupRun) stepEstimate(i int, done uint64) float64 {
	st := &r.b.steps[i]
	if st.kind == stepTable {
		if allBound(st.table.slots, r.sol) {
			return 1
		}
		return float64(len(st.table.rows))
	}
	if st.kind == stepTriple && r.mem != nil && r.mg != nil {
		// cost ranks a fully bound triple first with 0; its estimate is
		// the 0 or 1 match the index holds.
		var q [3]uint32
		for j, pos := range st.tp {
			if q[j] = r.slotID(i, j, pos); q[j] == notFound {
				return 0
			}
		}
		rng, _ := r.mg.scan(q[0], q[1], q[2])
		return float64(len(rng))
	}
	if st.kind == stepTriple {
		var q [3]term.Term
		for j, pos := range st.tp {
			if q[j] = pos.t; pos.slot >= 0 {
				q[j] = r.sol[pos.slot]
			}
		}
		return float64(r.ev.ds.Estimate(q[0], q[1], q[2], r.g))
	}
	return max(r.cost(i, done), 0)
}

func (r *groupRun) chooseNow(done uint64) int {
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
		consider := func(i int, c float64) {
			if best < 0 || c < bestCost {
				best, bestCost = i, c
			}
		}
		// Paths and triples first: a pattern matching at most once, or a
		// VALUES table whose variables are all bound, is taken at once.
		for i := range r.b.steps {
			st := &r.b.steps[i]
			if done&(1<<i) != 0 {
				continue
			}
			if st.kind == stepTable {
				if allBound(st.table.slots, r.sol) {
					return i
				}
				continue
			}
			consider(i, r.cost(i, done))
			if bestCost <= 1 {
				return best
			}
		}
		// A table costs at least its rows; only then are its rows tried.
		for i := range r.b.steps {
			st := &r.b.steps[i]
			if done&(1<<i) != 0 || st.kind != stepTable {
				continue
			}
			if best >= 0 && float64(len(st.table.rows)) >= bestCost {
				continue
			}
			consider(i, r.tableCost(st.table, done))
		}
	}
	return best
}

// cost estimates the number of solutions a step gives for the current
// bindings.
func (r *groupRun) cost(idx int, done uint64) float64 {
	sol := r.sol
	st := &r.b.steps[idx]
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
		return r.tableCost(st.table, done)
	case stepPath:
		return r.ev.pathEstimate(st.path.path, r.g, value(st.path.s), value(st.path.o))
	}
	if r.mem != nil {
		var q [3]uint32
		for i, pos := range st.tp {
			if q[i] = r.slotID(idx, i, pos); q[i] == notFound {
				return -1 // matches nothing
			}
		}
		if q[0] != 0 && q[1] != 0 && q[2] != 0 {
			return 0
		}
		if r.mg == nil {
			return -1
		}
		rng, _ := r.mg.scan(q[0], q[1], q[2])
		return float64(len(rng))
	}
	s, p, o := value(st.tp[0]), value(st.tp[1]), value(st.tp[2])
	if !s.IsZero() && !p.IsZero() && !o.IsZero() {
		return 0
	}
	return float64(r.ev.ds.Estimate(s, p, o, r.g))
}

// maxTableProbe bounds the rows of a VALUES table whose values are tried
// in the estimates of the triples that read them.
const maxTableProbe = 64

// tableCost estimates what taking a VALUES table first costs: its rows,
// each followed by the cheapest triple pattern that reads its variables.
// Taking a table early only multiplies the work unless such a pattern is
// selective for its values.
func (r *groupRun) tableCost(t *tableNode, done uint64) float64 {
	rows := float64(len(t.rows))
	if len(t.rows) > maxTableProbe {
		return rows
	}
	best := -1.0
	for i := range r.b.steps {
		st := &r.b.steps[i]
		if done&(1<<i) != 0 || st.kind != stepTriple {
			continue
		}
		shares := false
		for _, p := range st.tp {
			for _, s := range t.slots {
				if p.slot == s && r.sol[s].IsZero() {
					shares = true
				}
			}
		}
		if !shares {
			continue
		}
		var undo []int
		total := 0.0
		for _, row := range t.rows {
			undo = undo[:0]
			ok := true
			for j, v := range row {
				s := t.slots[j]
				if v.IsZero() {
					continue
				}
				if cur := r.sol[s]; cur.IsZero() {
					r.sol[s] = v
					undo = append(undo, s)
				} else if cur != v {
					ok = false
				}
			}
			if ok {
				total += max(r.cost(i, done), 1)
			}
			unbind(r.sol, undo)
		}
		if best < 0 || total < best {
			best = total
		}
	}
	if best < 0 {
		return rows
	}
	return best
}

// execTriple matches a triple pattern with the current bindings and goes
// on with the remaining steps for every match.
func (r *groupRun) execTriple(idx int, done, applied uint64) bool {
	ev, sol, tp := r.ev, r.sol, &r.b.steps[idx].tp
	if r.mem != nil {
		// The in-memory dataset is scanned directly, by term ids.
		var q [3]uint32
		for i, pos := range tp {
			if q[i] = r.slotID(idx, i, pos); q[i] == notFound {
				return ev.err == nil
			}
		}
		if r.mg == nil {
			return ev.err == nil
		}
		rng, perm := r.mg.scan(q[0], q[1], q[2])
		if r.an == nil {
			if ok, cont := r.intersect(idx, q, rng, perm, done, applied); ok {
				return cont
			}
		}
		m := r.mem
		var vals [3]term.Term
		var vids [3]uint32
		if r.an != nil {
			// Analysed runs count rows; the loop below stays as lean
			// as it was.
			for _, t := range rng {
				vids[perm[0]], vids[perm[1]], vids[perm[2]] = t[0], t[1], t[2]
				vals[0], vals[1], vals[2] = m.termOf(vids[0]), m.termOf(vids[1]), m.termOf(vids[2])
				if !r.bindCounted(idx, tp, &vals, &vids, done, applied) {
					return false
				}
			}
			return ev.err == nil
		}
		for _, t := range rng {
			vids[perm[0]], vids[perm[1]], vids[perm[2]] = t[0], t[1], t[2]
			vals[0], vals[1], vals[2] = m.termOf(vids[0]), m.termOf(vids[1]), m.termOf(vids[2])
			if !r.bind(tp, &vals, &vids, done, applied) {
				return false
			}
		}
		return ev.err == nil
	}
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
		vals := [3]term.Term{m.S, m.P, m.O}
		if r.an != nil {
			cont = r.bindCounted(idx, tp, &vals, nil, done, applied)
		} else {
			cont = r.bind(tp, &vals, nil, done, applied)
		}
		return cont
	})
	if err != nil {
		ev.fail(err)
		return false
	}
	return cont && ev.err == nil
}

// bind binds the unbound positions of tp to a match (with its term ids
// when vids is set), goes on with the remaining steps, and undoes the
// bindings.
func (r *groupRun) bind(tp *[3]slotOrConst, vals *[3]term.Term, vids *[3]uint32, done, applied uint64) bool {
	if !r.ev.tick() {
		return false
	}
	sol := r.sol
	var undo [3]int
	nb := 0
	ok := true
	for i, pos := range tp {
		if pos.slot < 0 {
			continue
		}
		if cur := sol[pos.slot]; cur.IsZero() {
			sol[pos.slot] = vals[i]
			if vids != nil {
				r.ids[pos.slot] = vids[i]
			}
			undo[nb] = pos.slot
			nb++
		} else if cur != vals[i] {
			ok = false
			break
		}
	}
	cont := true
	if ok {
		cont = r.advance(done, applied)
	}
	for i := 0; i < nb; i++ {
		sol[undo[i]] = term.Term{}
		if vids != nil {
			r.ids[undo[i]] = 0
		}
	}
	return cont
}

// bindCounted is bind for analysed runs: a match that agrees with the
// bindings (and with itself where a variable repeats) is a row of step
// idx.
func (r *groupRun) bindCounted(idx int, tp *[3]slotOrConst, vals *[3]term.Term, vids *[3]uint32, done, applied uint64) bool {
	for i, pos := range tp {
		if pos.slot < 0 {
			continue
		}
		if cur := r.sol[pos.slot]; !cur.IsZero() && cur != vals[i] {
			return r.ev.tick()
		}
		for j := range i {
			if tp[j].slot == pos.slot && vals[j] != vals[i] {
				return r.ev.tick()
			}
		}
	}
	r.an.steps[idx].rows++
	return r.bind(tp, vals, vids, done, applied)
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
