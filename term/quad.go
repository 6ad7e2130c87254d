package term

import "strings"

// Triple is an RDF triple.
type Triple struct {
	S, P, O Term
}

// Quad is a triple in a graph. The zero G is the default graph.
type Quad struct {
	S, P, O, G Term
}

// Triple returns q without its graph.
func (q Quad) Triple() Triple { return Triple{q.S, q.P, q.O} }

// InGraph returns t as a quad in graph g.
func (t Triple) InGraph(g Term) Quad { return Quad{t.S, t.P, t.O, g} }

// String returns q as an N-Quads line, without the newline.
func (q Quad) String() string {
	var b strings.Builder
	q.S.AppendNT(&b)
	b.WriteByte(' ')
	q.P.AppendNT(&b)
	b.WriteByte(' ')
	q.O.AppendNT(&b)
	if !q.G.IsZero() {
		b.WriteByte(' ')
		q.G.AppendNT(&b)
	}
	b.WriteString(" .")
	return b.String()
}

// String returns t as an N-Triples line, without the newline.
func (t Triple) String() string { return t.InGraph(Term{}).String() }

// CompareQuads orders quads by graph, subject, predicate, object.
func CompareQuads(a, b Quad) int {
	if c := Compare(a.G, b.G); c != 0 {
		return c
	}
	if c := Compare(a.S, b.S); c != 0 {
		return c
	}
	if c := Compare(a.P, b.P); c != 0 {
		return c
	}
	return Compare(a.O, b.O)
}

// CompareTriplesFirst orders quads by subject, predicate, object, then
// graph: the order triple-based writers need to group subjects and drop a
// triple stated in several graphs.
func CompareTriplesFirst(a, b Quad) int {
	if c := Compare(a.S, b.S); c != 0 {
		return c
	}
	if c := Compare(a.P, b.P); c != 0 {
		return c
	}
	if c := Compare(a.O, b.O); c != 0 {
		return c
	}
	return Compare(a.G, b.G)
}
