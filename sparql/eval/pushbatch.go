package eval

import "kg/term"

// On a Joiner, an OPTIONAL or join the planner could not translate whole
// still need not ask once per solution of its left side: the right side
// runs once per batch of left solutions, joined to a VALUES table of
// their values of the variables both sides share, and each left solution
// takes the right solutions compatible with it. This gives what running
// the right side with each left solution as its seed gives, for a right
// side safe under the left's bindings.

// probeBatch is the number of left solutions whose probes go together.
const probeBatch = 256

// batched reports whether the probes of right go in batches.
func (ev *evaluator) batched() bool {
	_, ok := ev.ds.(Joiner)
	return ok
}

// probeBatches runs left and calls each with every left solution and the
// right solutions compatible with it, in batches.
func (ev *evaluator) probeBatches(left, right node, g term.Term, sol solution, each func(a solution, ms []solution) bool) bool {
	var shared []int
	for _, v := range sortedSlots(left.scope().intersect(right.scope())) {
		if sol[v].IsZero() {
			shared = append(shared, v)
		}
	}
	// left binds sol in place while it runs: the batches' seed is a copy.
	seed := clone(sol)
	var batch []solution
	var mem int64
	defer func() { ev.free(mem) }()
	flush := func() bool {
		ok := ev.probeBatch(right, g, seed, shared, batch, each)
		ev.free(mem)
		mem, batch = 0, batch[:0]
		return ok
	}
	ok := left.run(ev, g, sol, func(a solution) bool {
		c := clone(a)
		b := ev.solutionBytes(c)
		mem += b
		batch = append(batch, c)
		if !ev.alloc(b) {
			return false
		}
		if len(batch) == probeBatch {
			return flush()
		}
		return true
	})
	return ok && ev.err == nil && flush()
}

// probeBatch runs right once for the solutions of batch, with their values
// of the shared variables that all of them bind.
func (ev *evaluator) probeBatch(right node, g term.Term, sol solution, shared []int, batch []solution, each func(a solution, ms []solution) bool) bool {
	if len(batch) == 0 {
		return true
	}
	var keys []int
	for _, v := range shared {
		if allBind(batch, v) {
			keys = append(keys, v)
		}
	}
	pattern := right
	if len(keys) > 0 {
		t := &tableNode{slots: keys}
		seen := map[string]bool{}
		for _, a := range batch {
			k := solutionKey(a, keys)
			if seen[k] {
				continue
			}
			seen[k] = true
			row := make([]term.Term, len(keys))
			for i, v := range keys {
				row[i] = a[v]
			}
			t.rows = append(t.rows, row)
		}
		pattern = &joinNode{left: t, right: right, perRow: true}
	}
	rs, mem, ok := collect(ev, pattern, g, sol)
	defer ev.free(mem)
	if !ok {
		return false
	}
	h := newHashTable(keys, rs)
	var ms []solution
	for _, a := range batch {
		ms = ms[:0]
		h.probe(a, func(b solution) bool {
			if compatible(a, b) {
				ms = append(ms, b)
			}
			return true
		})
		if !each(a, ms) || !ev.tick() {
			return false
		}
	}
	return true
}

// allBind reports whether every solution binds v.
func allBind(sols []solution, v int) bool {
	for _, s := range sols {
		if s[v].IsZero() {
			return false
		}
	}
	return true
}
