package cayleydisk

import (
	"context"
	"fmt"
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"kg/store/disk"
)

// pattern selects quads by term ids; zero matches anything. A graph is
// selected only with hasG, by the id of its name (the default graph,
// which has no label in Cayley, cannot be).
type pattern struct {
	s, p, o, g uint32
	hasG       bool
}

// set binds direction d to id; false for an id or direction that
// selects nothing.
func (p *pattern) set(d quad.Direction, id uint32) bool {
	if id == 0 {
		return false
	}
	switch d {
	case quad.Subject:
		p.s = id
	case quad.Predicate:
		p.p = id
	case quad.Object:
		p.o = id
	case quad.Label:
		p.g, p.hasG = id, true
	default:
		return false
	}
	return true
}

func (p pattern) unbound() bool { return p.s == 0 && p.p == 0 && p.o == 0 && !p.hasG }

func (p pattern) matches(q Quad) bool {
	return (p.s == 0 || p.s == q.S) && (p.p == 0 || p.p == q.P) && (p.o == 0 || p.o == q.O) && (!p.hasG || p.g == q.G)
}

func (p pattern) String() string {
	s := fmt.Sprintf("s=%d p=%d o=%d", p.s, p.p, p.o)
	if p.hasG {
		s += fmt.Sprintf(" g=%d", p.g)
	}
	return s
}

// segment is a range of one order of triples with the graphs holding
// them: all in graph g, or, when off is set, triple i in the graphs
// ids[off[i]:off[i+1]].
type segment struct {
	tris []disk.Triple
	perm [3]int
	g    uint32
	off  []uint32
	ids  []uint32
}

func (s *segment) size() int64 {
	if s.off != nil {
		return int64(s.off[len(s.tris)] - s.off[0])
	}
	return int64(len(s.tris))
}

// quad is triple i of the segment in graph g.
func (s *segment) quad(i int, g uint32) Quad {
	var v [3]uint32
	t := s.tris[i]
	v[s.perm[0]], v[s.perm[1]], v[s.perm[2]] = t[0], t[1], t[2]
	return Quad{G: g, S: v[0], P: v[1], O: v[2]}
}

// segments appends to buf the ranges of the orders that hold the quads
// of p.
func (qs *QuadStore) segments(p pattern, buf []segment) ([]segment, error) {
	add := func(g disk.Graph) []segment {
		if rng, perm := g.Scan(p.s, p.p, p.o); len(rng) > 0 {
			buf = append(buf, segment{tris: rng, perm: perm, g: g.ID()})
		}
		return buf
	}
	switch {
	case p.hasG:
		if g, ok := qs.ix.Graph(p.g); ok {
			return add(g), nil
		}
		return buf, nil
	case len(qs.graphs) == 0:
		return buf, nil
	case len(qs.graphs) == 1:
		// The one graph holds the triples of the union.
		return add(qs.graphs[0]), nil
	case p.unbound():
		for _, g := range qs.graphs {
			buf = add(g)
		}
		return buf, nil
	}
	rng, perm := qs.union.Scan(p.s, p.p, p.o)
	if len(rng) == 0 {
		return buf, nil
	}
	k := orderOf(perm)
	d, err := qs.directory(k)
	if err != nil {
		return buf, err
	}
	// Scan returns a subslice of the order: its capacity runs to the
	// order's end, as does the order's own, which gives its position.
	all := order(qs.union, k)
	lo := cap(all) - cap(rng)
	if lo < 0 || lo+len(rng) > len(all) || all[lo] != rng[0] {
		return buf, fmt.Errorf("cayleydisk: a range of the union is not where it should be")
	}
	return append(buf, segment{tris: rng, perm: perm, off: d.off[lo : lo+len(rng)+1], ids: d.ids}), nil
}

// rangeCacheSize bounds the patterns whose ranges a quad store keeps.
const rangeCacheSize = 1 << 12

// rangeCache keeps the ranges of the patterns last searched for. Cayley
// asks for the quads of one node more than once: the size of a fixed
// set's quads and then the quads themselves, a step's size while
// optimising and then its scan, a node reached along several paths. The
// ranges are read-only views of the mapped files, shared by every
// iterator of the pattern. When full, it starts again empty.
type rangeCache struct {
	mu       sync.Mutex
	m        map[pattern][]segment
	searches atomic.Int64 // the patterns searched for in the orders
}

func (c *rangeCache) get(p pattern) ([]segment, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	segs, ok := c.m[p]
	return segs, ok
}

func (c *rangeCache) put(p pattern, segs []segment) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= rangeCacheSize {
		c.m = make(map[pattern][]segment)
	}
	c.m[p] = segs
}

// quads is the iterator shape of the quads matching a pattern; it finds
// its ranges when first asked.
type quads struct {
	qs   *QuadStore
	pat  pattern
	once sync.Once
	segs []segment
	err  error
}

var _ iterator.Shape = (*quads)(nil)

func (qs *QuadStore) newQuads(p pattern) *quads { return &quads{qs: qs, pat: p} }

func (it *quads) segments() ([]segment, error) {
	it.once.Do(func() { it.segs, it.err = it.qs.cachedSegments(it.pat) })
	return it.segs, it.err
}

// cachedSegments returns the ranges of p, searching the orders only for
// a pattern not in the cache.
func (qs *QuadStore) cachedSegments(p pattern) ([]segment, error) {
	if segs, ok := qs.ranges.get(p); ok {
		return segs, nil
	}
	qs.ranges.searches.Add(1)
	segs, err := qs.segments(p, nil)
	if err == nil {
		qs.ranges.put(p, segs)
	}
	return segs, err
}

func (it *quads) size() (int64, error) {
	segs, err := it.segments()
	var n int64
	for i := range segs {
		n += segs[i].size()
	}
	return n, err
}

func (it *quads) String() string { return "KGDiskQuads(" + it.pat.String() + ")" }

func (it *quads) Iterate() iterator.Scanner {
	segs, err := it.segments()
	return &quadScanner{segs: segs, err: err}
}

func (it *quads) Lookup() iterator.Index { return &quadIndex{it: it} }

// Stats are exact: the size is the length of the ranges. A scan costs a
// step per quad, a lookup a comparison of ids (and, over all quads, a
// search of the orders).
func (it *quads) Stats(ctx context.Context) (iterator.Costs, error) {
	n, err := it.size()
	contains := int64(1)
	if it.pat.unbound() {
		contains = int64(bits.Len64(uint64(n))) + 1
	}
	return iterator.Costs{ContainsCost: contains, NextCost: 1, Size: refs.Size{Value: n, Exact: true}}, err
}

func (it *quads) Optimize(ctx context.Context) (iterator.Shape, bool) {
	if n, err := it.size(); err == nil && n == 0 {
		return iterator.NewNull(), true
	}
	return it, false
}

func (it *quads) SubIterators() []iterator.Shape { return nil }

// quadScanner walks the segments.
type quadScanner struct {
	segs   []segment
	si, i  int    // segment, next triple in it
	j, end uint32 // with a directory: the next graph of triple i-1 and its end
	n      int
	cur    graph.Ref
	err    error
}

func (sc *quadScanner) Next(ctx context.Context) bool {
	if sc.err != nil {
		return false
	}
	if sc.n++; sc.n&0x3FFF == 0 {
		if sc.err = ctx.Err(); sc.err != nil {
			return false
		}
	}
	for sc.si < len(sc.segs) {
		s := &sc.segs[sc.si]
		switch {
		case s.off == nil && sc.i < len(s.tris):
			sc.cur = s.quad(sc.i, s.g)
			sc.i++
			return true
		case s.off != nil && sc.j < sc.end:
			sc.cur = s.quad(sc.i-1, s.ids[sc.j])
			sc.j++
			return true
		case s.off != nil && sc.i < len(s.tris):
			sc.j, sc.end = s.off[sc.i], s.off[sc.i+1]
			sc.i++
		default:
			sc.si, sc.i, sc.j, sc.end = sc.si+1, 0, 0, 0
		}
	}
	sc.cur = nil
	return false
}

func (sc *quadScanner) Result() graph.Ref                   { return sc.cur }
func (sc *quadScanner) NextPath(ctx context.Context) bool   { return false }
func (sc *quadScanner) TagResults(dst map[string]graph.Ref) {}
func (sc *quadScanner) Err() error                          { return sc.err }
func (sc *quadScanner) Close() error                        { return nil }
func (sc *quadScanner) String() string                      { return "KGDiskQuadsNext" }

// quadIndex answers whether a quad matches the pattern. References come
// from this store, so a quad that matches a bound pattern exists; over
// all quads it is sought in its graph.
type quadIndex struct {
	it  *quads
	cur graph.Ref
}

func (ix *quadIndex) Contains(ctx context.Context, r graph.Ref) bool {
	ix.cur = nil
	q, ok := r.(Quad)
	if !ok || !ix.it.pat.matches(q) {
		return false
	}
	if ix.it.pat.unbound() && !ix.it.qs.has(q) {
		return false
	}
	ix.cur = q
	return true
}

func (ix *quadIndex) Result() graph.Ref                   { return ix.cur }
func (ix *quadIndex) NextPath(ctx context.Context) bool   { return false }
func (ix *quadIndex) TagResults(dst map[string]graph.Ref) {}
func (ix *quadIndex) Err() error                          { return nil }
func (ix *quadIndex) Close() error                        { return nil }
func (ix *quadIndex) String() string                      { return "KGDiskQuadsContains(" + ix.it.pat.String() + ")" }

// has reports whether the store holds q.
func (qs *QuadStore) has(q Quad) bool {
	if q.S == 0 || q.P == 0 || q.O == 0 {
		return false
	}
	g, ok := qs.ix.Graph(q.G)
	if !ok {
		return false
	}
	rng, _ := g.Scan(q.S, q.P, q.O)
	return len(rng) > 0
}

// nodes is the iterator shape of every term of the dictionary.
type nodes struct{ qs *QuadStore }

var _ iterator.Shape = (*nodes)(nil)

func (it *nodes) String() string                 { return "KGDiskNodes" }
func (it *nodes) Iterate() iterator.Scanner      { return &nodeScanner{last: uint32(it.qs.ix.Terms())} }
func (it *nodes) Lookup() iterator.Index         { return &nodeIndex{qs: it.qs} }
func (it *nodes) SubIterators() []iterator.Shape { return nil }
func (it *nodes) Optimize(ctx context.Context) (iterator.Shape, bool) {
	if it.qs.ix.Terms() == 0 {
		return iterator.NewNull(), true
	}
	return it, false
}

func (it *nodes) Stats(ctx context.Context) (iterator.Costs, error) {
	n := int64(it.qs.ix.Terms())
	return iterator.Costs{ContainsCost: 1, NextCost: 1, Size: refs.Size{Value: n, Exact: true}}, nil
}

type nodeScanner struct {
	id, last uint32
	err      error
}

func (sc *nodeScanner) Next(ctx context.Context) bool {
	if sc.id >= sc.last || sc.err != nil {
		return false
	}
	sc.id++
	if sc.id&0x3FFF == 0 {
		if sc.err = ctx.Err(); sc.err != nil {
			return false
		}
	}
	return true
}

func (sc *nodeScanner) Result() graph.Ref {
	if sc.id == 0 {
		return nil
	}
	return Node(sc.id)
}

func (sc *nodeScanner) NextPath(ctx context.Context) bool   { return false }
func (sc *nodeScanner) TagResults(dst map[string]graph.Ref) {}
func (sc *nodeScanner) Err() error                          { return sc.err }
func (sc *nodeScanner) Close() error                        { return nil }
func (sc *nodeScanner) String() string                      { return "KGDiskNodesNext" }

type nodeIndex struct {
	qs  *QuadStore
	cur graph.Ref
}

func (ix *nodeIndex) Contains(ctx context.Context, r graph.Ref) bool {
	ix.cur = nil
	id, ok := ix.qs.nodeID(r)
	if ok {
		ix.cur = Node(id)
	}
	return ok
}

func (ix *nodeIndex) Result() graph.Ref                   { return ix.cur }
func (ix *nodeIndex) NextPath(ctx context.Context) bool   { return false }
func (ix *nodeIndex) TagResults(dst map[string]graph.Ref) {}
func (ix *nodeIndex) Err() error                          { return nil }
func (ix *nodeIndex) Close() error                        { return nil }
func (ix *nodeIndex) String() string                      { return "KGDiskNodesContains" }
