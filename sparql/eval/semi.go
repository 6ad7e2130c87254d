package eval

import (
	"math/bits"
	"slices"

	"kg/term"
)

// An EXISTS filter runs its pattern once per solution it tests, with the
// solution's values substituted. When it tests many, a hash semi-join is
// cheaper: the pattern runs once, unseeded, and each test looks up the
// values of the shared variables in the set of its solutions' values.
// For a join group of triple patterns whose filters read only variables
// the group binds, that set answers exactly what substitution would: its
// solutions bind every variable, to terms of the dataset.
//
// Whether a set pays is not known in advance, so the tests start by
// substitution and a set is built after a number of tests, within a
// budget of solutions in proportion to that number; a build over budget is
// abandoned and tried again, with twice the budget, after twice as many
// tests. The work wasted is bounded by a multiple of the work done by
// substitution meanwhile.

// semiFirst is the number of tests before the first build, and
// semiBudget the solutions a build may collect per test done.
const (
	semiFirst  = 32
	semiBudget = 16
)

// existsCache is the semi-join state of one EXISTS expression.
type existsCache struct {
	checked bool
	vars    []int // the pattern's variables; nil when it is not eligible
	calls   int
	next    int // calls at which a set is next built
	sets    map[semiKey]*semiSet
	// the set used last, which the next test most likely uses too
	lastKey semiKey
	last    *semiSet
}

// semiKey names a set: the graph the pattern runs in, and which of its
// variables the tested solutions bind (a bit per entry of vars).
type semiKey struct {
	g    term.Term
	mask uint64
}

// semiSet holds the ids of the bound variables' values in each solution,
// packed (at most two variables); any tells whether there is a solution.
type semiSet struct {
	keys map[uint64]struct{}
	any  bool
}

// eligible reports whether p can be answered by a set, and sets vars.
func (c *existsCache) eligible(p node) bool {
	if !c.checked {
		c.checked = true
		c.next = semiFirst
		b, ok := p.(*bgpNode)
		if !ok || !b.correlated() {
			return false
		}
		for _, st := range b.steps {
			if st.kind != stepTriple {
				return false
			}
		}
		if vs := sortedSlots(b.scope()); len(vs) <= 64 {
			c.vars = vs
		}
	}
	return c.vars != nil
}

// test answers EXISTS for sol from a set; ok is false when it has none
// (yet) and the pattern must run.
func (c *existsCache) test(ev *evaluator, p node, g term.Term, sol solution) (found, ok bool) {
	m, isMem := asMem(ev.ds)
	if !isMem || !c.eligible(p) {
		return false, false
	}
	var mask uint64
	for i, v := range c.vars {
		if !sol[v].IsZero() {
			mask |= 1 << i
		}
	}
	if bits.OnesCount64(mask) > 2 {
		return false, false
	}
	c.calls++
	k := semiKey{g, mask}
	set := c.last
	if set == nil || k != c.lastKey {
		set = c.sets[k]
	}
	if set == nil {
		if c.calls < c.next {
			return false, false
		}
		c.next *= 2
		if set = c.build(ev, p, m, g, mask); set == nil {
			return false, false
		}
		if c.sets == nil {
			c.sets = map[semiKey]*semiSet{}
		}
		c.sets[k] = set
	}
	c.last, c.lastKey = set, k
	if mask == 0 {
		return set.any, true
	}
	key, known := c.key(ev, m, mask, sol)
	if !known {
		return false, true // a term the dataset lacks matches nothing
	}
	_, found = set.keys[key]
	return found, true
}

// key packs the ids of the values of the variables in mask.
func (c *existsCache) key(ev *evaluator, m *MemDataset, mask uint64, sol solution) (uint64, bool) {
	var key uint64
	for i, v := range c.vars {
		if mask&(1<<i) == 0 {
			continue
		}
		id, ok := ev.slotTermID(m, v, sol[v])
		if !ok {
			return 0, false
		}
		key = key<<32 | uint64(id)
	}
	return key, true
}

// build runs the pattern unseeded and collects its solutions' keys; it
// returns nil when they pass the budget or the memory left.
func (c *existsCache) build(ev *evaluator, p node, m *MemDataset, g term.Term, mask uint64) *semiSet {
	budget := c.calls * semiBudget
	if set, ok := c.scan(ev, p.(*bgpNode), m, g, mask, budget); ok {
		return c.afford(ev, set)
	}
	set := &semiSet{keys: map[uint64]struct{}{}}
	over := false
	n := 0
	p.run(ev, g, make(solution, ev.nslots), func(s solution) bool {
		set.any = true
		if mask == 0 {
			return false
		}
		if n++; n > budget {
			over = true
			return false
		}
		if key, ok := c.key(ev, m, mask, s); ok {
			set.keys[key] = struct{}{}
		}
		return ev.tick()
	})
	if over || ev.err != nil {
		return nil
	}
	return c.afford(ev, set)
}

// afford counts the set in the memory estimate, or drops it when that
// would leave less than half the limit.
func (c *existsCache) afford(ev *evaluator, set *semiSet) *semiSet {
	if set == nil || ev.err != nil {
		return nil
	}
	size := int64(len(set.keys)) * 32
	if ev.maxMem > 0 && ev.mem+size > ev.maxMem/2 {
		return nil // substitution needs no memory
	}
	ev.alloc(size)
	return set
}

// scan builds the set of a single triple pattern straight from its index
// range, whose length is known before any work; ok is false for other
// patterns.
func (c *existsCache) scan(ev *evaluator, b *bgpNode, m *MemDataset, g term.Term, mask uint64, budget int) (set *semiSet, ok bool) {
	if len(b.steps) != 1 || len(b.filters) != 0 {
		return nil, false
	}
	tp := b.steps[0].tp
	for i := range tp {
		for j := range i {
			if tp[i].slot >= 0 && tp[i].slot == tp[j].slot {
				return nil, false // a repeated variable must match equal terms
			}
		}
	}
	var q [3]uint32
	var cols []int // the index columns of the variables in mask, in order
	for i, pos := range tp {
		if pos.slot < 0 {
			id, known := m.termID(pos.t)
			if !known {
				return &semiSet{}, true
			}
			q[i] = id
		}
	}
	rng, perm := m.scanIDs(g, q)
	if len(rng) > budget {
		return nil, true
	}
	for i, v := range c.vars {
		if mask&(1<<i) == 0 {
			continue
		}
		for j, pos := range tp {
			if pos.slot == v {
				cols = append(cols, slices.Index(perm[:], j))
			}
		}
	}
	set = &semiSet{keys: make(map[uint64]struct{}, len(rng)/2), any: len(rng) > 0}
	for i, t := range rng {
		if i&1023 == 1023 && !ev.work(1024) {
			return nil, true
		}
		var key uint64
		for _, col := range cols {
			key = key<<32 | uint64(t[col])
		}
		set.keys[key] = struct{}{}
	}
	return set, true
}
