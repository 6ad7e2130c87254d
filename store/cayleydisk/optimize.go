package cayleydisk

import (
	"context"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query/shape"
)

var _ shape.Optimizer = (*QuadStore)(nil)

// OptimizeShape implements shape.Optimizer. The quads of a step whose
// directions are all fixed nodes (g.V(s).Out(p) fixes the subject and the
// predicate, Has(p, o) the predicate and the object) are one range of the
// order those directions lead, or of the labelled graph's orders, instead
// of an intersection of one iterator per direction.
func (qs *QuadStore) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	a, ok := s.(shape.QuadsAction)
	if !ok || len(a.Filter) == 0 {
		return s, false
	}
	var p pattern
	for d, r := range a.Filter {
		id, ok := qs.nodeID(r)
		if !ok || !p.set(d, id) {
			return shape.Null{}, true // a node the store does not hold
		}
	}
	if n, err := qs.newQuads(p).size(); err == nil && n == 0 {
		return shape.Null{}, true
	}
	return a.SimplifyFrom(scan{qs: qs, pat: p}), true
}

// scan is the shape of the quads matching a pattern.
type scan struct {
	qs  *QuadStore
	pat pattern
}

func (s scan) BuildIterator(graph.QuadStore) iterator.Shape { return s.qs.newQuads(s.pat) }

func (s scan) Optimize(ctx context.Context, r shape.Optimizer) (shape.Shape, bool) { return s, false }
