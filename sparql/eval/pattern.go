package eval

import (
	"slices"
	"sort"
	"strings"

	"kg/sparql/expr"
	"kg/term"
)

// clone copies a solution that must outlive the yield it came from.
func clone(s solution) solution { return append(solution(nil), s...) }

// compatible reports whether two solutions agree on every slot bound in
// both.
func compatible(a, b solution) bool {
	for i, t := range b {
		if !t.IsZero() && !a[i].IsZero() && a[i] != t {
			return false
		}
	}
	return true
}

// mergeInto binds in a the slots that only b binds and returns them, so
// that unbind can restore a.
func mergeInto(a, b solution, undo []int) []int {
	undo = undo[:0]
	for i, t := range b {
		if !t.IsZero() && a[i].IsZero() {
			a[i] = t
			undo = append(undo, i)
		}
	}
	return undo
}

func unbind(a solution, undo []int) {
	for _, i := range undo {
		a[i] = term.Term{}
	}
}

// solutionKey encodes the given slots of s (all slots when slots is nil)
// as a map key.
func solutionKey(s solution, slots []int) string {
	var b strings.Builder
	put := func(t term.Term) {
		b.WriteByte(byte('0' + t.Kind))
		b.WriteString(t.Value)
		b.WriteByte(0)
		b.WriteString(t.Datatype)
		b.WriteByte(0)
		b.WriteString(t.Lang)
		b.WriteByte(0)
	}
	if slots == nil {
		for _, t := range s {
			put(t)
		}
	} else {
		for _, i := range slots {
			put(s[i])
		}
	}
	return b.String()
}

func sortedSlots(s varSet) []int {
	out := make([]int, 0, len(s))
	for k := range s {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// hashTable indexes materialised solutions by the values of some slots;
// solutions that leave one of those slots unbound go to rest and are
// candidates for every probe.
type hashTable struct {
	keys []int
	m    map[string][]solution
	rest []solution
	all  []solution
}

func newHashTable(keys []int, sols []solution) *hashTable {
	h := &hashTable{keys: keys, m: map[string][]solution{}, all: sols}
	for _, s := range sols {
		full := true
		for _, k := range keys {
			if s[k].IsZero() {
				full = false
				break
			}
		}
		if full && len(keys) > 0 {
			k := solutionKey(s, keys)
			h.m[k] = append(h.m[k], s)
		} else {
			h.rest = append(h.rest, s)
		}
	}
	return h
}

// probe calls f with every stored solution that may be compatible with a.
func (h *hashTable) probe(a solution, f func(solution) bool) bool {
	for _, k := range h.keys {
		if a[k].IsZero() {
			for _, b := range h.all {
				if !f(b) {
					return false
				}
			}
			return true
		}
	}
	if len(h.keys) > 0 {
		for _, b := range h.m[solutionKey(a, h.keys)] {
			if !f(b) {
				return false
			}
		}
	}
	for _, b := range h.rest {
		if !f(b) {
			return false
		}
	}
	return true
}

// collect materialises the solutions of n for a hash table. mem is what
// they count for in the memory estimate; the caller frees it when done.
func collect(ev *evaluator, n node, g term.Term, sol solution) (out []solution, mem int64, ok bool) {
	ok = n.run(ev, g, sol, func(s solution) bool {
		c := clone(s)
		b := ev.solutionBytes(c) + mapEntry
		mem += b
		out = append(out, c)
		return ev.alloc(b) && ev.tick()
	})
	return out, mem, ok && ev.err == nil
}

// test evaluates a filter condition: errors count as false.
func (ev *evaluator) test(f cexpr, g term.Term, sol solution) bool {
	t, err := f.eval(ev, g, sol)
	if err != nil {
		return false
	}
	v, err := expr.EBV(t)
	return err == nil && v
}

// ---- join, optional, union, minus, filter

type joinNode struct {
	left, right node
	an          *opStats // set in analysed runs only
	// perRow keeps a join a batch of probes makes from batching again.
	perRow bool
}

func (j *joinNode) scope() varSet   { return j.left.scope().union(j.right.scope()) }
func (j *joinNode) certain() varSet { return j.left.certain().union(j.right.certain()) }
func (j *joinNode) safeUnder(outer func(int) bool) bool {
	return j.left.safeUnder(outer) && j.right.safeUnder(with(outer, j.left.scope()))
}

func (j *joinNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	if pushed, cont := ev.pushed(j, g, sol, yield); pushed {
		return cont
	}
	left, right := j.left, j.right
	outer := seedBound(sol)
	rightSafe := right.safeUnder(with(outer, left.scope()))
	swapped := false
	if !rightSafe && left.safeUnder(with(outer, right.scope())) {
		left, right, rightSafe, swapped = right, left, true, true
	}
	if rightSafe {
		if j.an != nil {
			j.an.nested++
			if swapped {
				j.an.swapped++
			}
		} else if ev.batched() && !j.perRow {
			return ev.probeBatches(left, right, g, sol, func(a solution, ms []solution) bool {
				for _, m := range ms {
					undo := mergeInto(a, m, nil)
					cont := yield(a)
					unbind(a, undo)
					if !cont {
						return false
					}
				}
				return true
			})
		}
		return left.run(ev, g, sol, func(s solution) bool {
			return right.run(ev, g, s, yield)
		})
	}
	rs, mem, ok := collect(ev, right, g, sol)
	defer ev.free(mem)
	if j.an != nil {
		j.an.hash++
		j.an.built += int64(len(rs))
	}
	if !ok {
		return false
	}
	if len(rs) == 0 {
		return true
	}
	h := newHashTable(sortedSlots(left.scope().intersect(right.scope())), rs)
	var undo []int
	return left.run(ev, g, sol, func(a solution) bool {
		return h.probe(a, func(b solution) bool {
			if !ev.tick() {
				return false
			}
			if !compatible(a, b) {
				return true
			}
			undo = mergeInto(a, b, undo)
			u := append([]int(nil), undo...)
			cont := yield(a)
			unbind(a, u)
			return cont
		})
	})
}

type leftJoinNode struct {
	left, right node
	expr        cexpr
	an          *opStats // set in analysed runs only
}

func (j *leftJoinNode) scope() varSet   { return j.left.scope().union(j.right.scope()) }
func (j *leftJoinNode) certain() varSet { return j.left.certain() }

func (j *leftJoinNode) exprSafe() bool {
	if j.expr == nil {
		return true
	}
	vs := varSet{}
	if exprVars(j.expr, vs) {
		return false
	}
	return j.left.certain().union(j.right.certain()).contains(vs)
}

// safeUnder also requires that no variable the optional part may add is
// bound by the seed: standalone, a match disagreeing with the seed on it
// would remove the left solution instead of leaving it unextended.
func (j *leftJoinNode) safeUnder(outer func(int) bool) bool {
	if !j.left.safeUnder(outer) || !j.rightSafe(outer) {
		return false
	}
	certain := j.left.certain()
	for v := range j.right.scope() {
		if !certain[v] && outer(v) {
			return false
		}
	}
	return true
}

// rightSafe reports whether the optional part can be evaluated with each
// left solution as its seed.
func (j *leftJoinNode) rightSafe(outer func(int) bool) bool {
	return j.exprSafe() && j.right.safeUnder(with(outer, j.left.scope()))
}

func (j *leftJoinNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	if pushed, cont := ev.pushed(j, g, sol, yield); pushed {
		return cont
	}
	if j.rightSafe(seedBound(sol)) {
		if j.an != nil {
			j.an.nested++
		} else if ev.batched() {
			return ev.probeBatches(j.left, j.right, g, sol, func(a solution, ms []solution) bool {
				return j.extend(ev, g, a, ms, yield)
			})
		}
		return j.left.run(ev, g, sol, func(a solution) bool {
			found := false
			ok := j.right.run(ev, g, a, func(m solution) bool {
				if j.expr != nil && !ev.test(j.expr, g, m) {
					return true
				}
				found = true
				return yield(m)
			})
			if !ok {
				return false
			}
			if !found {
				return yield(a)
			}
			return true
		})
	}
	rs, mem, ok := collect(ev, j.right, g, sol)
	defer ev.free(mem)
	if j.an != nil {
		j.an.hash++
		j.an.built += int64(len(rs))
	}
	if !ok {
		return false
	}
	h := newHashTable(sortedSlots(j.left.scope().intersect(j.right.scope())), rs)
	return j.left.run(ev, g, sol, func(a solution) bool {
		found := false
		ok := h.probe(a, func(b solution) bool {
			if !ev.tick() {
				return false
			}
			if !compatible(a, b) {
				return true
			}
			undo := mergeInto(a, b, nil)
			defer unbind(a, undo)
			if j.expr != nil && !ev.test(j.expr, g, a) {
				return true
			}
			found = true
			return yield(a)
		})
		if !ok {
			return false
		}
		if !found {
			return yield(a)
		}
		return true
	})
}

// extend yields a extended by each of the right solutions ms that meets
// the filter, or a alone when none does.
func (j *leftJoinNode) extend(ev *evaluator, g term.Term, a solution, ms []solution, yield func(solution) bool) bool {
	found := false
	for _, m := range ms {
		undo := mergeInto(a, m, nil)
		if j.expr != nil && !ev.test(j.expr, g, a) {
			unbind(a, undo)
			continue
		}
		found = true
		cont := yield(a)
		unbind(a, undo)
		if !cont {
			return false
		}
	}
	if !found {
		return yield(a)
	}
	return true
}

type unionNode struct{ left, right node }

func (u *unionNode) scope() varSet   { return u.left.scope().union(u.right.scope()) }
func (u *unionNode) certain() varSet { return u.left.certain().intersect(u.right.certain()) }
func (u *unionNode) safeUnder(outer func(int) bool) bool {
	return u.left.safeUnder(outer) && u.right.safeUnder(outer)
}

func (u *unionNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	return u.left.run(ev, g, sol, yield) && u.right.run(ev, g, sol, yield)
}

type minusNode struct {
	left, right node
	an          *opStats // set in analysed runs only
}

func (m *minusNode) scope() varSet                 { return m.left.scope() }
func (m *minusNode) certain() varSet               { return m.left.certain() }
func (m *minusNode) safeUnder(func(int) bool) bool { return false }

func (m *minusNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	if pushed, cont := ev.pushed(m, g, sol, yield); pushed {
		return cont
	}
	shared := m.left.scope().intersect(m.right.scope())
	if len(shared) == 0 {
		// Disjoint domains: MINUS removes nothing.
		return m.left.run(ev, g, sol, yield)
	}
	rs, mem, ok := collect(ev, m.right, g, sol)
	defer ev.free(mem)
	if m.an != nil {
		m.an.hash++
		m.an.built += int64(len(rs))
	}
	if !ok {
		return false
	}
	h := newHashTable(sortedSlots(shared), rs)
	// Bindings of the seed are shared by both sides and do not count
	// towards the common domain. sol itself is bound in place below.
	seeded := make([]bool, len(sol))
	for i, t := range sol {
		seeded[i] = !t.IsZero()
	}
	return m.left.run(ev, g, sol, func(a solution) bool {
		removed := false
		h.probe(a, func(b solution) bool {
			if !ev.tick() {
				return false
			}
			if !compatible(a, b) {
				return true
			}
			for i, t := range b {
				if !t.IsZero() && !a[i].IsZero() && !seeded[i] {
					removed = true
					return false
				}
			}
			return true
		})
		if ev.err != nil {
			return false
		}
		if removed {
			return true
		}
		return yield(a)
	})
}

type filterNode struct {
	inner node
	conds []cexpr
}

func (f *filterNode) scope() varSet   { return f.inner.scope() }
func (f *filterNode) certain() varSet { return f.inner.certain() }

func (f *filterNode) safeUnder(outer func(int) bool) bool {
	if !f.inner.safeUnder(outer) {
		return false
	}
	vs := varSet{}
	for _, c := range f.conds {
		if exprVars(c, vs) {
			return false
		}
	}
	return f.inner.certain().contains(vs)
}

func (f *filterNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	if pushed, cont := ev.pushed(f, g, sol, yield); pushed {
		return cont
	}
	return f.inner.run(ev, g, sol, func(s solution) bool {
		for _, c := range f.conds {
			if !ev.test(c, g, s) {
				return ev.tick()
			}
		}
		return yield(s)
	})
}

// ---- graph, extend, table

type graphNode struct {
	name  slotOrConst
	inner node
}

func (n *graphNode) scope() varSet {
	s := n.inner.scope()
	if n.name.slot >= 0 {
		s = s.union(varSet{n.name.slot: true})
	}
	return s
}

func (n *graphNode) certain() varSet {
	s := n.inner.certain()
	if n.name.slot >= 0 {
		s = s.union(varSet{n.name.slot: true})
	}
	return s
}

func (n *graphNode) safeUnder(outer func(int) bool) bool {
	if n.name.slot >= 0 {
		outer = with(outer, varSet{n.name.slot: true})
	}
	return n.inner.safeUnder(outer)
}

func (n *graphNode) run(ev *evaluator, _ term.Term, sol solution, yield func(solution) bool) bool {
	named, err := ev.namedGraphs()
	if err != nil {
		ev.fail(err)
		return false
	}
	if n.name.slot < 0 || !sol[n.name.slot].IsZero() {
		gn := n.name.t
		if n.name.slot >= 0 {
			gn = sol[n.name.slot]
		}
		if !named[gn] {
			return true
		}
		return n.inner.run(ev, gn, sol, yield)
	}
	slot := n.name.slot
	for _, gn := range ev.graphList {
		ok := n.inner.run(ev, gn, sol, func(s solution) bool {
			if cur := s[slot]; !cur.IsZero() {
				if cur != gn {
					return true
				}
				return yield(s)
			}
			s[slot] = gn
			cont := yield(s)
			s[slot] = term.Term{}
			return cont
		})
		if !ok {
			return false
		}
	}
	return true
}

type extendNode struct {
	inner node
	slot  int
	expr  cexpr
}

func (n *extendNode) scope() varSet   { return n.inner.scope().union(varSet{n.slot: true}) }
func (n *extendNode) certain() varSet { return n.inner.certain() }

func (n *extendNode) safeUnder(outer func(int) bool) bool {
	if !n.inner.safeUnder(outer) {
		return false
	}
	vs := varSet{}
	if exprVars(n.expr, vs) {
		return false
	}
	return n.inner.certain().contains(vs)
}

func (n *extendNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	_, chained := unwrap(n.inner).(*extendNode)
	return n.inner.run(ev, g, sol, func(s solution) bool {
		if !chained {
			// BNODE(str) gives the same node within one solution.
			ev.bnodes = nil
		}
		v, err := n.expr.eval(ev, g, s)
		if !ev.tick() {
			return false
		}
		if err != nil {
			return yield(s)
		}
		if cur := s[n.slot]; !cur.IsZero() {
			if cur != v {
				return true
			}
			return yield(s)
		}
		s[n.slot] = v
		cont := yield(s)
		s[n.slot] = term.Term{}
		return cont
	})
}

type tableNode struct {
	slots []int
	rows  [][]term.Term

	// For large tables probed with some variables bound: the rows by
	// their values in the bound columns, one index per set of columns
	// (a bit mask of their positions).
	indexes map[uint64]*tableIndex
}

// tableIndex finds the rows of a table that may match a solution binding
// some of its columns: those with the same values there, and those with
// an UNDEF there, which match anything.
type tableIndex struct {
	cols    []int // positions in slots
	rows    map[string][]int
	partial []int
}

// indexMin is the size from which a table is probed by hash; tables of
// more than indexMaxCols variables are not.
const (
	indexMin     = 16
	indexMaxCols = 64
)

// indexOn returns the index of the table on the given columns, building
// it the first time.
func (t *tableNode) indexOn(ev *evaluator, cols []int) *tableIndex {
	var mask uint64
	for _, c := range cols {
		mask |= 1 << c
	}
	if idx, ok := t.indexes[mask]; ok {
		return idx
	}
	idx := &tableIndex{cols: cols, rows: map[string][]int{}}
	key := make(solution, len(cols))
	for i, r := range t.rows {
		undef := false
		for j, c := range cols {
			key[j] = r[c]
			undef = undef || r[c].IsZero()
		}
		if undef {
			idx.partial = append(idx.partial, i)
			continue
		}
		k := solutionKey(key, nil)
		idx.rows[k] = append(idx.rows[k], i)
	}
	ev.alloc(int64(len(t.rows)) * mapEntry)
	if t.indexes == nil {
		t.indexes = map[uint64]*tableIndex{}
	}
	t.indexes[mask] = idx
	return idx
}

// candidates returns, in table order, the rows that may match sol.
func (idx *tableIndex) candidates(slots []int, sol solution) []int {
	key := make(solution, len(idx.cols))
	for j, c := range idx.cols {
		key[j] = sol[slots[c]]
	}
	match := idx.rows[solutionKey(key, nil)]
	if len(idx.partial) == 0 {
		return match
	}
	out := make([]int, 0, len(match)+len(idx.partial))
	out = append(append(out, match...), idx.partial...)
	slices.Sort(out)
	return out
}

func (t *tableNode) scope() varSet {
	s := varSet{}
	for _, v := range t.slots {
		s[v] = true
	}
	return s
}

func (t *tableNode) certain() varSet {
	s := varSet{}
	for i, v := range t.slots {
		all := true
		for _, r := range t.rows {
			if r[i].IsZero() {
				all = false
			}
		}
		if all {
			s[v] = true
		}
	}
	return s
}

func (t *tableNode) safeUnder(func(int) bool) bool { return true }

func (t *tableNode) run(ev *evaluator, _ term.Term, sol solution, yield func(solution) bool) bool {
	var cols []int
	if len(t.rows) >= indexMin && len(t.slots) <= indexMaxCols {
		for i, v := range t.slots {
			if !sol[v].IsZero() {
				cols = append(cols, i)
			}
		}
	}
	if len(cols) == 0 {
		for i := range t.rows {
			if !t.yieldRow(sol, i, yield) {
				return false
			}
		}
		return true
	}
	idx := t.indexOn(ev, cols)
	if len(cols) == len(t.slots) {
		// A membership test: matching rows leave the solution as it is.
		n := len(idx.rows[solutionKey(sol, t.slots)])
		for _, i := range idx.partial {
			if compatibleRow(t.slots, t.rows[i], sol) {
				n++
			}
		}
		for ; n > 0; n-- {
			if !yield(sol) {
				return false
			}
		}
		return true
	}
	for _, i := range idx.candidates(t.slots, sol) {
		if !t.yieldRow(sol, i, yield) {
			return false
		}
	}
	return true
}

// yieldRow extends sol with row i when they are compatible, yields it and
// restores sol; it returns false when the consumer stops.
func (t *tableNode) yieldRow(sol solution, i int, yield func(solution) bool) bool {
	var undo [8]int
	bound := undo[:0]
	for j, v := range t.rows[i] {
		if v.IsZero() {
			continue
		}
		s := t.slots[j]
		if cur := sol[s]; cur.IsZero() {
			sol[s] = v
			bound = append(bound, s)
		} else if cur != v {
			unbind(sol, bound)
			return true
		}
	}
	cont := yield(sol)
	unbind(sol, bound)
	return cont
}

// compatibleRow reports whether a table row agrees with sol on the
// row's bound values.
func compatibleRow(slots []int, row []term.Term, sol solution) bool {
	for i, v := range row {
		if !v.IsZero() && !sol[slots[i]].IsZero() && sol[slots[i]] != v {
			return false
		}
	}
	return true
}

// ---- solution modifiers

type projectNode struct {
	inner node
	keep  varSet
}

func (p *projectNode) scope() varSet                 { return p.keep }
func (p *projectNode) certain() varSet               { return p.inner.certain().intersect(p.keep) }
func (p *projectNode) safeUnder(func(int) bool) bool { return false }

func (p *projectNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	// The variables of a subquery that it does not project are its own:
	// only the projected ones see the outer bindings.
	seed := make(solution, len(sol))
	for i := range p.keep {
		seed[i] = sol[i]
	}
	out := make(solution, len(sol))
	return p.inner.run(ev, g, seed, func(s solution) bool {
		for i := range out {
			if p.keep[i] {
				out[i] = s[i]
			} else {
				out[i] = sol[i]
			}
		}
		return yield(out)
	})
}

type distinctNode struct{ inner node }

func (d *distinctNode) scope() varSet                 { return d.inner.scope() }
func (d *distinctNode) certain() varSet               { return d.inner.certain() }
func (d *distinctNode) safeUnder(func(int) bool) bool { return false }

func (d *distinctNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	seen := map[string]bool{}
	var mem int64
	defer func() { ev.free(mem) }()
	return d.inner.run(ev, g, sol, func(s solution) bool {
		k := solutionKey(s, nil)
		if seen[k] {
			return ev.tick()
		}
		seen[k] = true
		b := int64(len(k)) + mapEntry
		mem += b
		return ev.alloc(b) && yield(s)
	})
}

type sliceNode struct {
	inner         node
	offset, limit int64
}

func (n *sliceNode) scope() varSet                 { return n.inner.scope() }
func (n *sliceNode) certain() varSet               { return n.inner.certain() }
func (n *sliceNode) safeUnder(func(int) bool) bool { return false }

func (n *sliceNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	if n.limit == 0 {
		return true
	}
	var i, emitted int64
	stopped := false
	n.inner.run(ev, g, sol, func(s solution) bool {
		i++
		if i <= n.offset {
			return true
		}
		if !yield(s) {
			stopped = true
			return false
		}
		emitted++
		return n.limit < 0 || emitted < n.limit
	})
	return !stopped && ev.err == nil
}

type orderNode struct {
	inner node
	keys  []cexpr
	desc  []bool
	// keep is the number of leading solutions a slice above reads (its
	// offset plus its limit); -1 when it reads them all.
	keep int64
}

func (n *orderNode) scope() varSet                 { return n.inner.scope() }
func (n *orderNode) certain() varSet               { return n.inner.certain() }
func (n *orderNode) safeUnder(func(int) bool) bool { return false }

// orderRow is a solution with its sort keys and what it counts for in the
// memory estimate.
type orderRow struct {
	sol  solution
	keys []term.Term
	mem  int64
}

func (n *orderNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	var rows []orderRow
	var mem int64
	defer func() { ev.free(mem) }()
	// With a limit above, only the first keep rows are needed: the buffer
	// is sorted and cut back to them whenever it holds twice as many,
	// which is n log keep work and keep rows of memory. The sort is
	// stable, so ties keep their order of arrival as without the cut.
	cut := n.keep >= 0 && n.keep < 1<<30
	ok := n.inner.run(ev, g, sol, func(s solution) bool {
		r := orderRow{sol: clone(s), keys: make([]term.Term, len(n.keys))}
		r.mem = ev.solutionBytes(r.sol) + sliceBytes + int64(len(n.keys))*termBytes
		for i, k := range n.keys {
			// An error sorts like an unbound value.
			r.keys[i], _ = k.eval(ev, g, s)
			if _, stored := k.(varExpr); !stored {
				r.mem += int64(len(r.keys[i].Value))
			}
		}
		rows = append(rows, r)
		mem += r.mem
		if !ev.alloc(r.mem) || !ev.tick() {
			return false
		}
		if cut && int64(len(rows)) >= 2*n.keep+1024 {
			rows = n.sortRows(ev, rows)
			if rows == nil {
				return false
			}
			mem -= n.trim(ev, &rows)
		}
		return true
	})
	if !ok {
		return false
	}
	if rows = n.sortRows(ev, rows); rows == nil && ev.err != nil {
		return false
	}
	if cut {
		mem -= n.trim(ev, &rows)
	}
	for _, r := range rows {
		if !yield(r.sol) {
			return false
		}
	}
	return true
}

// sortRows sorts rows by the keys, stably; it returns nil when the query
// was cancelled meanwhile.
func (n *orderNode) sortRows(ev *evaluator, rows []orderRow) []orderRow {
	// Sorting many rows takes a while too: the comparison checks for
	// cancellation now and then and abandons the sort by panicking.
	if canceled := sortCancelable(ev, len(rows), func(less func(a, b int) bool) {
		sort.SliceStable(rows, less)
	}, func(a, b int) bool {
		for i := range n.keys {
			c := expr.OrderCompare(rows[a].keys[i], rows[b].keys[i])
			if n.desc[i] {
				c = -c
			}
			if c != 0 {
				return c < 0
			}
		}
		return false
	}); canceled {
		return nil
	}
	return rows
}

// trim drops the sorted rows past keep and returns the memory they held.
func (n *orderNode) trim(ev *evaluator, rows *[]orderRow) int64 {
	if int64(len(*rows)) <= n.keep {
		return 0
	}
	var freed int64
	for _, r := range (*rows)[n.keep:] {
		freed += r.mem
	}
	clear((*rows)[n.keep:])
	*rows = (*rows)[:n.keep]
	ev.free(freed)
	return freed
}

// sortAbandoned is the panic value that stops a cancelled sort.
type sortAbandoned struct{}

// sortCancelable runs sort with less, checking every few thousand
// comparisons whether the query must stop; it reports whether it did.
func sortCancelable(ev *evaluator, n int, sort func(less func(a, b int) bool), less func(a, b int) bool) (canceled bool) {
	if n < 4096 {
		sort(less)
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(sortAbandoned); !ok {
				panic(r)
			}
			canceled = true
		}
	}()
	count := 0
	sort(func(a, b int) bool {
		if count++; count&4095 == 0 {
			if err := ev.ctx.Err(); err != nil {
				ev.fail(err)
				panic(sortAbandoned{})
			}
		}
		return less(a, b)
	})
	return false
}
