package eval

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"kg/term"
)

// MemDataset is an in-memory Dataset. Terms are dictionary-encoded to
// integers; each graph keeps its triples in three sorted orders (SPO, POS,
// OSP) so that every pattern is a binary search plus a range scan and
// Estimate is exact.
//
// Add may be called at any time; the indexes are rebuilt lazily by the
// next read. Reads may run concurrently with each other, not with Add.
//
// A MemDataset made by Indexed reads its dictionary and orders from an
// Index kept elsewhere (a memory-mapped store) and cannot be added to.
type MemDataset struct {
	ids    map[term.Term]uint32
	terms  []term.Term // terms[id]; id 0 is unused
	ext    Index       // the dictionary, when it lives outside
	graphs map[uint32]*memGraph
	order  []uint32 // graph ids in order of first use, default graph excluded
	mu     sync.Mutex
	dirty  atomic.Bool   // some graph has pending triples
	gen    atomic.Uint64 // counts changes, for caches of term ids
}

type memGraph struct {
	pending       []idTriple // added since the last build, in SPO order
	spo, pos, osp []idTriple
	dirty         bool
}

// idTriple holds three term ids in the order of the index it belongs to.
type idTriple = [3]uint32

// Index is a term dictionary kept outside the dataset: ids from 1, each
// naming one term.
type Index interface {
	// Term returns the term of id.
	Term(id uint32) term.Term
	// Lookup returns the id of t; ok is false when t has none.
	Lookup(t term.Term) (id uint32, ok bool)
}

// IndexedGraph is one graph of an Index: its name's id (0 for the default
// graph) and its triples in three sorted orders, each triple once.
type IndexedGraph struct {
	Name          uint32
	SPO, POS, OSP [][3]uint32
}

// Indexed returns a read-only dataset over a dictionary and sorted orders
// held elsewhere, used in place without copying. graphs must hold the
// default graph (Name 0) at most once; the others are the named graphs in
// the order given.
func Indexed(ix Index, graphs []IndexedGraph) *MemDataset {
	m := &MemDataset{ext: ix, graphs: map[uint32]*memGraph{}}
	for _, g := range graphs {
		m.graphs[g.Name] = &memGraph{spo: g.SPO, pos: g.POS, osp: g.OSP}
		if g.Name != 0 {
			m.order = append(m.order, g.Name)
		}
	}
	return m
}

// termOf returns the term of id.
func (m *MemDataset) termOf(id uint32) term.Term {
	if m.ext != nil {
		return m.ext.Term(id)
	}
	return m.terms[id]
}

// idOf returns the id of t; ok is false when the dataset lacks it.
func (m *MemDataset) idOf(t term.Term) (uint32, bool) {
	if m.ext != nil {
		return m.ext.Lookup(t)
	}
	id, ok := m.ids[t]
	return id, ok
}

// NewMemDataset returns an empty dataset.
func NewMemDataset() *MemDataset {
	return &MemDataset{ids: map[term.Term]uint32{}, terms: []term.Term{{}}, graphs: map[uint32]*memGraph{}}
}

func (m *MemDataset) intern(t term.Term) uint32 {
	if m.ext != nil {
		panic("eval: adding to a dataset read from an index")
	}
	if id, ok := m.ids[t]; ok {
		return id
	}
	id := uint32(len(m.terms))
	m.terms = append(m.terms, t)
	m.ids[t] = id
	return id
}

// Add adds a quad; a zero G adds it to the default graph. Duplicates are
// ignored.
func (m *MemDataset) Add(q term.Quad) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var g uint32
	if !q.G.IsZero() {
		g = m.intern(q.G)
	}
	mg := m.graphs[g]
	if mg == nil {
		mg = &memGraph{}
		m.graphs[g] = mg
		if g != 0 {
			m.order = append(m.order, g)
		}
	}
	mg.pending = append(mg.pending, idTriple{m.intern(q.S), m.intern(q.P), m.intern(q.O)})
	mg.dirty = true
	m.dirty.Store(true)
	m.gen.Add(1)
}

// AddGraph makes g a named graph even if it stays empty.
func (m *MemDataset) AddGraph(g term.Term) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id := m.intern(g)
	m.gen.Add(1)
	if m.graphs[id] == nil {
		m.graphs[id] = &memGraph{}
		m.order = append(m.order, id)
	}
}

// Len returns the number of quads.
func (m *MemDataset) Len() int {
	m.build()
	n := 0
	for _, g := range m.graphs {
		n += len(g.spo)
	}
	return n
}

func compareTriples(a, b idTriple) int {
	if c := cmp.Compare(a[0], b[0]); c != 0 {
		return c
	}
	if c := cmp.Compare(a[1], b[1]); c != 0 {
		return c
	}
	return cmp.Compare(a[2], b[2])
}

// build brings the indexes up to date.
func (m *MemDataset) build() {
	if !m.dirty.Load() {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	defer m.dirty.Store(false)
	for _, g := range m.graphs {
		if !g.dirty {
			continue
		}
		all := append(g.spo, g.pending...)
		maxID := uint32(len(m.terms))
		sortTriples(all, maxID)
		all = slices.Compact(all)
		g.spo = all
		g.pending = nil
		g.pos = make([]idTriple, len(all))
		g.osp = make([]idTriple, len(all))
		for i, t := range all {
			g.pos[i] = idTriple{t[1], t[2], t[0]}
			g.osp[i] = idTriple{t[2], t[0], t[1]}
		}
		sortTriples(g.pos, maxID)
		sortTriples(g.osp, maxID)
		g.dirty = false
	}
}

// sortTriples sorts ts in place. Large slices are radix sorted (least
// significant digit first, 16-bit digits, skipping digits above maxID),
// which is several times faster than comparison sorting for the millions
// of triples of a bulk load.
func sortTriples(ts []idTriple, maxID uint32) {
	if len(ts) < 4096 {
		slices.SortFunc(ts, compareTriples)
		return
	}
	digits := 1
	if maxID >= 1<<16 {
		digits = 2
	}
	buf := make([]idTriple, len(ts))
	src, dst := ts, buf
	var count [1 << 16]int
	for col := 2; col >= 0; col-- {
		for d := 0; d < digits; d++ {
			shift := uint(16 * d)
			clear(count[:])
			for _, t := range src {
				count[(t[col]>>shift)&0xFFFF]++
			}
			pos := 0
			for i, c := range count {
				count[i] = pos
				pos += c
			}
			for _, t := range src {
				k := (t[col] >> shift) & 0xFFFF
				dst[count[k]] = t
				count[k]++
			}
			src, dst = dst, src
		}
	}
	if &src[0] != &ts[0] {
		copy(ts, src)
	}
}

// lookup returns the id of t; ok is false when t is not in the dataset.
// The zero term has id 0 (wildcard).
func (m *MemDataset) lookup(t term.Term) (uint32, bool) {
	if t.IsZero() {
		return 0, true
	}
	return m.idOf(t)
}

func (m *MemDataset) graph(g term.Term) *memGraph {
	if g.IsZero() {
		return m.graphs[0]
	}
	id, ok := m.idOf(g)
	if !ok {
		return nil
	}
	return m.graphs[id]
}

// scan finds the index and key prefix for a pattern of ids (0 = any) and
// returns the matching range together with the permutation that maps index
// order back to s, p, o.
func (g *memGraph) scan(s, p, o uint32) (rng []idTriple, perm [3]int) {
	var idx []idTriple
	var key []uint32
	switch {
	case s != 0 && p != 0:
		idx, key, perm = g.spo, []uint32{s, p, o}, [3]int{0, 1, 2}
		if o == 0 {
			key = key[:2]
		}
	case s != 0 && o != 0:
		idx, key, perm = g.osp, []uint32{o, s}, [3]int{2, 0, 1}
	case s != 0:
		idx, key, perm = g.spo, []uint32{s}, [3]int{0, 1, 2}
	case p != 0:
		idx, key, perm = g.pos, []uint32{p, o}, [3]int{1, 2, 0}
		if o == 0 {
			key = key[:1]
		}
	case o != 0:
		idx, key, perm = g.osp, []uint32{o}, [3]int{2, 0, 1}
	default:
		return g.spo, [3]int{0, 1, 2}
	}
	lo := searchPrefix(idx, key, false)
	return idx[lo : lo+rangeEnd(idx[lo:], key)], perm
}

// searchPrefix returns the first index whose triple is >= key (> key
// when after is set), comparing only the positions the key covers. The
// key is packed into one integer so each probe is a single comparison.
func searchPrefix(idx []idTriple, key []uint32, after bool) int {
	n := len(key)
	var k uint64
	for _, x := range key[:min(n, 2)] {
		k = k<<32 | uint64(x)
	}
	lo, hi := 0, len(idx)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		t := &idx[mid]
		var c int
		switch n {
		case 1:
			c = cmp.Compare(uint64(t[0]), k)
		case 2:
			c = cmp.Compare(uint64(t[0])<<32|uint64(t[1]), k)
		default:
			c = cmp.Compare(uint64(t[0])<<32|uint64(t[1]), k)
			if c == 0 {
				c = cmp.Compare(t[2], key[2])
			}
		}
		if c < 0 || (after && c == 0) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// rangeEnd returns the length of the run of triples matching key at the
// start of idx, galloping first because most runs are short.
func rangeEnd(idx []idTriple, key []uint32) int {
	if len(idx) == 0 || prefixCompare(idx[0], key) != 0 {
		return 0
	}
	if len(key) == 3 {
		return 1 // triples are unique
	}
	step := 1
	for step < len(idx) && prefixCompare(idx[step], key) == 0 {
		step *= 2
	}
	lo, hi := step/2+1, min(step, len(idx))
	return lo + searchPrefix(idx[lo:hi], key, true)
}

// prefixCompare compares t with a key that covers its first len(key)
// positions.
func prefixCompare(t idTriple, key []uint32) int {
	for i, k := range key {
		if c := cmp.Compare(t[i], k); c != 0 {
			return c
		}
	}
	return 0
}

// Match implements Dataset.
func (m *MemDataset) Match(ctx context.Context, s, p, o, g term.Term, yield func(term.Quad) bool) error {
	m.build()
	return m.matchIDs(ctx, s, p, o, g, func(si, pi, oi uint32) bool {
		return yield(term.Quad{S: m.termOf(si), P: m.termOf(pi), O: m.termOf(oi), G: g})
	})
}

func (m *MemDataset) matchIDs(ctx context.Context, s, p, o, g term.Term, yield func(s, p, o uint32) bool) error {
	mg := m.graph(g)
	if mg == nil {
		return nil
	}
	si, ok1 := m.lookup(s)
	pi, ok2 := m.lookup(p)
	oi, ok3 := m.lookup(o)
	if !ok1 || !ok2 || !ok3 {
		return nil
	}
	rng, perm := mg.scan(si, pi, oi)
	for i, t := range rng {
		if i&4095 == 4095 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		var spo [3]uint32
		spo[perm[0]], spo[perm[1]], spo[perm[2]] = t[0], t[1], t[2]
		if !yield(spo[0], spo[1], spo[2]) {
			return nil
		}
	}
	return nil
}

// Estimate implements Dataset; for MemDataset it is exact.
func (m *MemDataset) Estimate(s, p, o, g term.Term) int {
	m.build()
	mg := m.graph(g)
	if mg == nil {
		return 0
	}
	si, ok1 := m.lookup(s)
	pi, ok2 := m.lookup(p)
	oi, ok3 := m.lookup(o)
	if !ok1 || !ok2 || !ok3 {
		return 0
	}
	rng, _ := mg.scan(si, pi, oi)
	return len(rng)
}

// NamedGraphs implements Dataset.
func (m *MemDataset) NamedGraphs(ctx context.Context) ([]term.Term, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]term.Term, 0, len(m.order))
	for _, id := range m.order {
		out = append(out, m.termOf(id))
	}
	return out, nil
}
