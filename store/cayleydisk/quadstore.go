// Package cayleydisk exposes a generation of kg's embedded store (package
// disk) to Cayley as a read-only graph.QuadStore, so that Cayley's own
// query languages and path API read the mapped files in place.
//
// Nodes are term ids of the generation's dictionary and quads are a graph
// id and three term ids. An iterator over the quads with a given subject,
// predicate or object is a range of the union's SPO, POS or OSP order,
// one over a graph's quads that graph's own orders, so sizes are exact
// and cost a binary search. When the generation holds more than one
// graph, a quad store also needs to know which graphs hold each triple of
// the union: it builds that directory in memory, once per order and only
// when a query first needs it (about 4 bytes per triple and 4 per quad).
package cayleydisk

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"kg/store/disk"
)

// Backend is the name under which package store registers the quad store
// with Cayley (graph.NewQuadStore(Backend, dir, nil)).
const Backend = "kgdisk"

// ErrReadOnly is returned by every write: a generation is immutable, and
// kg writes a new one (kg build, kg load) instead.
var ErrReadOnly = errors.New("cayleydisk: the store is read-only; kg build or kg load writes a new generation")

// Node is the reference of a node: its term id.
type Node uint32

// Key implements graph.Ref.
func (n Node) Key() any { return n }

// Quad is the reference of a quad: the term id of its graph's name (0 for
// the default graph) and those of its subject, predicate and object.
type Quad struct{ G, S, P, O uint32 }

// Key implements graph.Ref.
func (q Quad) Key() any { return q }

// QuadStore is a read-only graph.QuadStore over one generation.
type QuadStore struct {
	ix     *disk.Index
	union  disk.Graph
	graphs []disk.Graph
	dirs   [3]struct {
		once sync.Once
		d    *directory
		err  error
	}
	ranges rangeCache
}

var (
	_ graph.QuadStore = (*QuadStore)(nil)
	_ refs.Namer      = (*QuadStore)(nil)
)

// New returns a quad store reading ix.
func New(ix *disk.Index) *QuadStore {
	return &QuadStore{ix: ix, union: ix.Union(), graphs: ix.Graphs()}
}

// Open maps the generation in dir (a directory holding a MANIFEST, not a
// store directory of generations: package store resolves those).
func Open(dir string) (*QuadStore, error) {
	ix, err := disk.Open(dir)
	if err != nil {
		return nil, err
	}
	return New(ix), nil
}

// Index is the generation the quad store reads.
func (qs *QuadStore) Index() *disk.Index { return qs.ix }

// ValueOf returns the node of v; nil when the dictionary does not hold it.
func (qs *QuadStore) ValueOf(v quad.Value) (graph.Ref, error) {
	t, ok := Term(v)
	if !ok {
		return nil, nil
	}
	id, ok := qs.ix.Lookup(t)
	if !ok {
		return nil, nil
	}
	return Node(id), nil
}

// NameOf returns the value of a node; nil for anything else.
func (qs *QuadStore) NameOf(r graph.Ref) (quad.Value, error) {
	switch r := r.(type) {
	case Node:
		return qs.name(uint32(r)), nil
	case refs.PreFetchedValue:
		return r.NameOf(), nil
	}
	return nil, nil
}

func (qs *QuadStore) name(id uint32) quad.Value {
	if id == 0 {
		return nil
	}
	return Value(qs.ix.Term(id))
}

// nodeID returns the term id of a node reference; ok is false for refs
// that name no term of the store.
func (qs *QuadStore) nodeID(r graph.Ref) (uint32, bool) {
	switch r := r.(type) {
	case Node:
		return uint32(r), r != 0 && int(r) <= qs.ix.Terms()
	case refs.PreFetchedValue:
		if t, ok := Term(r.NameOf()); ok {
			return qs.ix.Lookup(t)
		}
	}
	return 0, false
}

// Quad returns the quad of a quad reference; the zero quad.Quad for any
// other reference.
func (qs *QuadStore) Quad(r graph.Ref) (quad.Quad, error) {
	q, ok := r.(Quad)
	if !ok {
		return quad.Quad{}, nil
	}
	return quad.Quad{Subject: qs.name(q.S), Predicate: qs.name(q.P), Object: qs.name(q.O), Label: qs.name(q.G)}, nil
}

// QuadDirection returns the node in direction d of a quad; nil for the
// label of a quad in the default graph.
func (qs *QuadStore) QuadDirection(r graph.Ref, d quad.Direction) (graph.Ref, error) {
	q, ok := r.(Quad)
	if !ok {
		return nil, nil
	}
	var id uint32
	switch d {
	case quad.Subject:
		id = q.S
	case quad.Predicate:
		id = q.P
	case quad.Object:
		id = q.O
	case quad.Label:
		id = q.G
	default:
		return nil, fmt.Errorf("cayleydisk: no direction %v", d)
	}
	if id == 0 {
		return nil, nil
	}
	return Node(id), nil
}

// QuadIterator returns the quads whose node in direction d is r.
func (qs *QuadStore) QuadIterator(d quad.Direction, r graph.Ref) iterator.Shape {
	id, ok := qs.nodeID(r)
	if !ok {
		return iterator.NewNull()
	}
	var p pattern
	if !p.set(d, id) {
		return iterator.NewNull()
	}
	return qs.newQuads(p)
}

// QuadIteratorSize is the exact number of quads QuadIterator(d, r) yields.
func (qs *QuadStore) QuadIteratorSize(ctx context.Context, d quad.Direction, r graph.Ref) (refs.Size, error) {
	id, ok := qs.nodeID(r)
	var p pattern
	if !ok || !p.set(d, id) {
		return refs.Size{Value: 0, Exact: true}, nil
	}
	n, err := qs.newQuads(p).size()
	return refs.Size{Value: n, Exact: true}, err
}

// Stats counts the terms of the dictionary and the stored quads, both
// exactly.
func (qs *QuadStore) Stats(ctx context.Context, exact bool) (graph.Stats, error) {
	return graph.Stats{
		Nodes: refs.Size{Value: int64(qs.ix.Terms()), Exact: true},
		Quads: refs.Size{Value: qs.ix.Quads(), Exact: true},
	}, nil
}

// QuadsAllIterator returns every stored quad, graph after graph.
func (qs *QuadStore) QuadsAllIterator() iterator.Shape { return qs.newQuads(pattern{}) }

// NodesAllIterator returns every term of the dictionary: every node of
// some quad.
func (qs *QuadStore) NodesAllIterator() iterator.Shape { return &nodes{qs: qs} }

// ApplyDeltas fails: the store is read-only.
func (qs *QuadStore) ApplyDeltas([]graph.Delta, graph.IgnoreOpts) error { return ErrReadOnly }

// NewQuadWriter fails: the store is read-only.
func (qs *QuadStore) NewQuadWriter() (quad.WriteCloser, error) { return nil, ErrReadOnly }

// Close does nothing: the generation's files are unmapped when its Index
// is garbage.
func (qs *QuadStore) Close() error { return nil }

// directory returns the graph directory of the union's order k, building
// it on first use.
func (qs *QuadStore) directory(k int) (*directory, error) {
	e := &qs.dirs[k]
	e.once.Do(func() { e.d, e.err = buildDirectory(qs.union, qs.graphs, k) })
	return e.d, e.err
}
