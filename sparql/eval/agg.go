package eval

import (
	"kg/sparql/expr"
	"kg/term"
)

// rangeCount is the plan of a group that only counts the matches of one
// triple pattern, grouped by at most one of the pattern's variables
// (SELECT ?type (COUNT(?s) AS ?n) { ?s a ?type } GROUP BY ?type). Over a
// MemDataset the counts are the lengths of index ranges: when an index
// holds the pattern's bound positions followed by the grouping variable,
// each group is one run of it; otherwise the matches are counted by the
// grouping variable's id. No solution is built for a match.
type rangeCount struct {
	tp [3]slotOrConst
	by int // position of the grouping variable in tp; -1 without one
}

// countPlan returns the range count plan of the group, nil when its
// pattern or aggregates need the general evaluation.
func (n *groupNode) countPlan() *rangeCount {
	b, ok := n.inner.(*bgpNode)
	if !ok || len(b.steps) != 1 || b.steps[0].kind != stepTriple || len(b.filters) != 0 || len(n.by) > 1 {
		return nil
	}
	rc := &rangeCount{tp: b.steps[0].tp, by: -1}
	vars := varSet{}
	for i, pos := range rc.tp {
		if pos.slot < 0 {
			continue
		}
		if vars[pos.slot] {
			return nil // a repeated variable must match equal terms
		}
		vars[pos.slot] = true
		if len(n.by) == 1 && n.by[0] == pos.slot {
			rc.by = i
		}
	}
	if len(n.by) == 1 && rc.by < 0 {
		return nil
	}
	for _, a := range n.aggs {
		if a.name != "COUNT" || a.distinct {
			return nil
		}
		if a.arg == nil {
			continue
		}
		// A variable of the pattern is bound in every match.
		if v, ok := a.arg.(varExpr); !ok || !vars[v.slot] {
			return nil
		}
	}
	return rc
}

// run counts over m and yields one solution per group.
func (rc *rangeCount) run(ev *evaluator, n *groupNode, m *MemDataset, g term.Term, sol solution, yield func(solution) bool) bool {
	// The solutions yielded are valid during the call only: one will do.
	out := make(solution, len(sol))
	var emit emitter = func(slot int, key term.Term, count int64) bool {
		copy(out, sol)
		if slot >= 0 {
			out[slot] = key
		}
		v := expr.Integer(count)
		for _, a := range n.aggs {
			out[a.slot] = v
		}
		return yield(out)
	}
	var q [3]uint32
	bound := 0
	for i, pos := range rc.tp {
		t := pos.t
		if pos.slot >= 0 {
			t = sol[pos.slot]
		}
		if t.IsZero() {
			continue
		}
		id, ok := m.termID(t)
		if !ok {
			return len(n.by) > 0 || emit(-1, term.Term{}, 0)
		}
		q[i] = id
		bound++
	}
	rng, perm := m.scanIDs(g, q)
	if len(rng) == 0 {
		return len(n.by) > 0 || emit(-1, term.Term{}, 0)
	}
	if rc.by < 0 || q[rc.by] != 0 {
		// One group: the seed fixes the grouping variable, if any.
		if !ev.work(len(rng)) {
			return false
		}
		return emit(-1, term.Term{}, int64(len(rng)))
	}
	if perm[bound] == rc.by {
		return rc.runs(ev, n, m, rng, bound, emit)
	}
	col := 0
	for perm[col] != rc.by {
		col++
	}
	return rc.tally(ev, n, m, rng, col, emit)
}

// runs yields one group per run of equal ids in column col of rng.
func (rc *rangeCount) runs(ev *evaluator, n *groupNode, m *MemDataset, rng []idTriple, col int, emit emitter) bool {
	slot := rc.tp[rc.by].slot
	groups := int64(0)
	for start := 0; start < len(rng); {
		id := rng[start][col]
		end := start + 1
		for end < len(rng) && rng[end][col] == id {
			end++
		}
		groups++
		if !ev.work(end-start) || !emit(slot, m.termOf(id), int64(end-start)) {
			return false
		}
		start = end
	}
	if n.an != nil {
		n.an.built += groups
	}
	return true
}

// tally counts the ids of column col of rng and yields the groups in the
// order of their first match.
func (rc *rangeCount) tally(ev *evaluator, n *groupNode, m *MemDataset, rng []idTriple, col int, emit emitter) bool {
	counts := map[uint32]int64{}
	var order []uint32
	var mem int64
	defer func() { ev.free(mem) }()
	for i, t := range rng {
		if i&1023 == 1023 && !ev.work(1024) {
			return false
		}
		id := t[col]
		if _, ok := counts[id]; !ok {
			order = append(order, id)
			mem += mapEntry
			if !ev.alloc(mapEntry) {
				return false
			}
		}
		counts[id]++
	}
	if n.an != nil {
		n.an.built += int64(len(order))
	}
	slot := rc.tp[rc.by].slot
	for _, id := range order {
		if !emit(slot, m.termOf(id), counts[id]) {
			return false
		}
	}
	return true
}

// emitter yields the seed extended by the group key (unless slot is -1)
// and every aggregate's count.
type emitter func(slot int, key term.Term, count int64) bool

// groupIndex finds the group of a solution. Grouping by one variable, the
// usual case, needs no encoded key; over a MemDataset it goes by the
// value's term id, which hashes faster than the term.
type groupIndex struct {
	ev     *evaluator
	m      *MemDataset
	by     []int
	byKey  map[string]*group
	byTerm map[term.Term]*group
	byID   map[uint32]*group
	// what the last find looked up, for add
	id    uint32
	hasID bool
	t     term.Term
}

func newGroupIndex(ev *evaluator, by []int) *groupIndex {
	x := &groupIndex{ev: ev, by: by}
	switch {
	case len(by) != 1:
		x.byKey = map[string]*group{}
	default:
		x.byTerm = map[term.Term]*group{}
		if m, ok := asMem(ev.ds); ok {
			x.m, x.byID = m, map[uint32]*group{}
		}
	}
	return x
}

// find returns the group of s, nil when it is new, and the key add needs.
func (x *groupIndex) find(s solution) (*group, string) {
	if x.byKey != nil {
		k := ""
		if len(x.by) > 0 {
			k = solutionKey(s, x.by)
		}
		return x.byKey[k], k
	}
	x.t = s[x.by[0]]
	if x.m != nil {
		// A computed value the dataset lacks is grouped by term.
		if x.id, x.hasID = x.ev.slotTermID(x.m, x.by[0], x.t); x.hasID {
			return x.byID[x.id], ""
		}
	}
	return x.byTerm[x.t], ""
}

// add files a new group under what the last find looked up.
func (x *groupIndex) add(k string, gr *group) {
	switch {
	case x.byKey != nil:
		x.byKey[k] = gr
	case x.m != nil && x.hasID:
		x.byID[x.id] = gr
	default:
		x.byTerm[x.t] = gr
	}
}
