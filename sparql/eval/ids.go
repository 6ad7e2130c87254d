package eval

import "kg/term"

// The operators above join groups (grouping, counting, EXISTS) work on
// MemDataset's term ids too. They reach the dictionary and the indexes
// only through the accessors of this file, so that how MemDataset stores
// them can change in one place.

// asMem returns the dataset as a MemDataset with its indexes built.
func asMem(ds Dataset) (*MemDataset, bool) {
	m, ok := ds.(*MemDataset)
	if ok {
		m.build()
	}
	return m, ok
}

// termID returns the id of t; ok is false when the dataset lacks t. The
// zero term has id 0.
func (m *MemDataset) termID(t term.Term) (uint32, bool) { return m.lookup(t) }

// scanIDs returns the triples of graph g matching a pattern of ids (0 is
// a wildcard) in the order of the index that answers it, with the
// permutation from index columns to s, p, o; nil when the graph is absent.
func (m *MemDataset) scanIDs(g term.Term, q [3]uint32) (rng []idTriple, perm [3]int) {
	mg := m.graph(g)
	if mg == nil {
		return nil, [3]int{0, 1, 2}
	}
	return mg.scan(q[0], q[1], q[2])
}

// slotTermID returns the id of t, the value of a slot: from the ids of the
// innermost join group running over the dataset, which recorded them as
// it bound its slots, when that record still holds t; else by lookup.
func (ev *evaluator) slotTermID(m *MemDataset, slot int, t term.Term) (uint32, bool) {
	if slot < len(ev.ids) {
		if id := ev.ids[slot]; id != 0 && m.termOf(id) == t {
			return id, true
		}
	}
	return m.termID(t)
}
