package eval

import (
	"slices"

	"kg/term"
)

// A triangle (?x :advisor ?y . ?y :teacherOf ?z . ?x :takesCourse ?z)
// reaches a point where two triple patterns each lack only the same
// variable. Matching one and testing the other for every match costs an
// index lookup per match; both ranges are sorted by that variable, so
// merging them gives the values that satisfy both at once.

// mergeRatio bounds how much longer the other range may be than the
// step's own for the merge to be cheaper than lookups.
const mergeRatio = 4

// intersect matches step idx, whose ids are q and range rng, together with
// another remaining step that lacks only the same variable, by merging
// their ranges; ok is false when no step qualifies, and cont is what the
// search returns.
func (r *groupRun) intersect(idx int, q [3]uint32, rng []idTriple, perm [3]int, done, applied uint64) (ok, cont bool) {
	tp := &r.b.steps[idx].tp
	if len(rng) < 2 {
		return false, false // at most one lookup to save
	}
	u := onlyUnbound(tp, q)
	if u < 0 {
		return false, false
	}
	slot := tp[u].slot
	for j := range r.b.steps {
		st := &r.b.steps[j]
		if done&(1<<j) != 0 || st.kind != stepTriple || !r.lacksOnly(&st.tp, slot) {
			continue
		}
		var pq [3]uint32
		for k, pos := range st.tp {
			if pq[k] = r.slotID(j, k, pos); pq[k] == notFound {
				return false, false // matches nothing: found by the next step
			}
		}
		pu := onlyUnbound(&st.tp, pq)
		if pu < 0 || st.tp[pu].slot != slot {
			continue
		}
		prng, pperm := r.mg.scan(pq[0], pq[1], pq[2])
		if len(prng) > mergeRatio*len(rng)+mergeRatio {
			return false, false
		}
		col, pcol := slices.Index(perm[:], u), slices.Index(pperm[:], pu)
		return true, r.mergeRanges(tp, rng, perm, col, prng, pcol, done|1<<j, applied)
	}
	return false, false
}

// lacksOnly reports whether slot is the one variable of tp that the
// current solution leaves unbound, read from the solution alone.
func (r *groupRun) lacksOnly(tp *[3]slotOrConst, slot int) bool {
	n := 0
	for _, pos := range tp {
		switch {
		case pos.slot == slot:
			n++
		case pos.slot >= 0 && r.sol[pos.slot].IsZero():
			return false
		}
	}
	return n == 1
}

// onlyUnbound returns the position of the one unbound variable of a
// triple pattern with ids q, -1 when there is not exactly one.
func onlyUnbound(tp *[3]slotOrConst, q [3]uint32) int {
	u := -1
	for i, pos := range tp {
		if pos.slot >= 0 && q[i] == 0 {
			if u >= 0 {
				return -1
			}
			u = i
		}
	}
	return u
}

// mergeRanges binds the matches of rng whose value in column col is also
// in column pcol of prng, both ranges being sorted by those columns.
func (r *groupRun) mergeRanges(tp *[3]slotOrConst, rng []idTriple, perm [3]int, col int, prng []idTriple, pcol int, done, applied uint64) bool {
	m := r.mem
	var vals [3]term.Term
	var vids [3]uint32
	i, k := 0, 0
	for i < len(rng) && k < len(prng) {
		a, b := rng[i][col], prng[k][pcol]
		switch {
		case a < b:
			i++
		case a > b:
			k++
		default:
			t := rng[i]
			vids[perm[0]], vids[perm[1]], vids[perm[2]] = t[0], t[1], t[2]
			vals[0], vals[1], vals[2] = m.termOf(vids[0]), m.termOf(vids[1]), m.termOf(vids[2])
			if !r.bind(tp, &vals, &vids, done, applied) {
				return false
			}
			i++
			k++
		}
	}
	return r.ev.err == nil
}
