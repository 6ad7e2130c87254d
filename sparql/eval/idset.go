package eval

import "kg/term"

// idSet answers whether a term id is among the values one column of an
// index range takes. Term ids are dense integers from 1, so once built the
// set is a bitset: one pass over the range, then a test is a shift and a
// mask. A set tested only a few times against a long range is never
// built: until the tests reach a share of the range's length each one is
// a lookup in the index instead (a binary search), so the work stays
// within a small multiple of the cheaper of the two.
type idSet struct {
	m     *MemDataset
	g     term.Term
	q     [3]uint32 // the pattern; q[pos] is where a tested id goes
	pos   int
	rng   []idTriple
	col   int // the range's column of pos
	bits  []uint64
	built bool
	tests int
}

// idSetShare is the number of range entries a lookup stands for: the set
// is built once the tests reach len(rng)/idSetShare.
const idSetShare = 16

// newIDSet returns the set of the ids at position pos of the matches of
// q (q[pos] is 0, the others 0 or bound ids) in graph g.
func newIDSet(m *MemDataset, g term.Term, q [3]uint32, pos int) *idSet {
	rng, perm := m.scanIDs(g, q)
	s := &idSet{m: m, g: g, q: q, pos: pos, rng: rng}
	for perm[s.col] != pos {
		s.col++
	}
	return s
}

// has reports whether id is in the set; id 0 names no term.
func (s *idSet) has(ev *evaluator, id uint32) bool {
	if id == 0 {
		return false
	}
	if !s.built {
		if s.tests++; s.tests*idSetShare < len(s.rng) {
			q := s.q
			q[s.pos] = id
			rng, _ := s.m.scanIDs(s.g, q)
			return len(rng) > 0
		}
		s.build(ev)
	}
	w := int(id >> 6)
	return w < len(s.bits) && s.bits[w]&(1<<(id&63)) != 0
}

// build fills the bitset from the range.
func (s *idSet) build(ev *evaluator) {
	s.built = true
	var top uint32
	for _, t := range s.rng {
		top = max(top, t[s.col])
	}
	if len(s.rng) > 0 {
		s.bits = make([]uint64, top>>6+1)
		ev.alloc(int64(len(s.bits)) * 8)
	}
	for i, t := range s.rng {
		if i&1023 == 1023 && !ev.work(1024) {
			return
		}
		id := t[s.col]
		s.bits[id>>6] |= 1 << (id & 63)
	}
}

// release returns the bitset's memory to the estimate.
func (s *idSet) release(ev *evaluator) {
	ev.free(int64(len(s.bits)) * 8)
	s.bits = nil
}
