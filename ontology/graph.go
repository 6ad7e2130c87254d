package ontology

import (
	"slices"

	"kg/term"
)

// GraphName is the name of the graph that holds the ontology in a store: the
// ontology's own IRI, the document its triples come from.
const GraphName = IRI

// EntailedGraph returns the name of the graph that holds, in a store under
// base, the triples the class and property hierarchies entail (Entail).
func EntailedGraph(base string) string { return base + "graph/entailed" }

// NamedGraph returns the ontology's triples in the graph GraphName, sorted by
// term.CompareQuads. Its blank nodes have fixed labels, so the result is
// the same in every run.
func NamedGraph() []term.Quad {
	src := loadIndex().quads
	out := make([]term.Quad, len(src))
	g := term.IRI(GraphName)
	for i, q := range src {
		out[i] = q.Triple().InGraph(g)
	}
	slices.SortFunc(out, term.CompareQuads)
	return slices.Compact(out)
}

var (
	subClassOf    = term.IRI(RDFS + "subClassOf")
	subPropertyOf = term.IRI(RDFS + "subPropertyOf")
	typeOf        = term.IRI(term.RDFType)
)

// Entail returns what rdfs:subClassOf and rdfs:subPropertyOf entail from
// quads (RDFS entailment rules rdfs5, rdfs7, rdfs9 and rdfs11): the
// transitive closure of both hierarchies, every superclass of a stated
// type, every superproperty of a stated property. The hierarchies are read
// from the quads themselves, in any graph, so pass the ontology's NamedGraph
// along to have its axioms apply; only named classes and properties count.
// Triples stated in a graph other than g are left out; the rest are
// returned in graph g, sorted by term.CompareQuads. The quads may come in
// several slices (what is stored, what is added), read as one.
func Entail(g term.Term, quads ...[]term.Quad) []term.Quad {
	classes, props := hierarchy(quads, subClassOf), hierarchy(quads, subPropertyOf)
	if len(classes) == 0 && len(props) == 0 {
		return nil
	}
	supC, supP := Ancestors(classes), Ancestors(props)
	found := map[term.Triple]bool{}
	for c, sups := range supC {
		for _, d := range sups {
			found[term.Triple{S: c, P: subClassOf, O: d}] = true
		}
	}
	for p, sups := range supP {
		for _, q := range sups {
			found[term.Triple{S: p, P: subPropertyOf, O: q}] = true
		}
	}
	for _, part := range quads {
		for _, q := range part {
			if q.P == typeOf {
				for _, d := range supC[q.O] {
					found[term.Triple{S: q.S, P: typeOf, O: d}] = true
				}
			}
			for _, p := range supP[q.P] {
				found[term.Triple{S: q.S, P: p, O: q.O}] = true
			}
		}
	}
	for _, part := range quads {
		for _, q := range part {
			if q.G != g {
				delete(found, q.Triple())
			}
		}
	}
	out := make([]term.Quad, 0, len(found))
	for t := range found {
		out = append(out, t.InGraph(g))
	}
	slices.SortFunc(out, term.CompareQuads)
	return out
}

// hierarchy collects the direct edges of rel between IRIs.
func hierarchy(quads [][]term.Quad, rel term.Term) map[term.Term][]term.Term {
	m := map[term.Term][]term.Term{}
	for _, part := range quads {
		for _, q := range part {
			if q.P == rel && q.S.IsIRI() && q.O.IsIRI() && q.S != q.O && !slices.Contains(m[q.S], q.O) {
				m[q.S] = append(m[q.S], q.O)
			}
		}
	}
	return m
}

// Ancestors returns, for every node with a parent in direct (its parents),
// all its ancestors (cycles are cut; a node is never its own ancestor):
// the closure Entail takes of both hierarchies, over terms or term ids.
func Ancestors[K comparable](direct map[K][]K) map[K][]K {
	all := make(map[K][]K, len(direct))
	for n := range direct {
		seen := map[K]bool{n: true}
		stack := slices.Clone(direct[n])
		var ups []K
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[x] {
				continue
			}
			seen[x] = true
			ups = append(ups, x)
			stack = append(stack, direct[x]...)
		}
		all[n] = ups
	}
	return all
}

// Extend returns quads as kg stores a graph: with the ontology in its
// graph (NamedGraph) and what the hierarchies entail in the graph
// EntailedGraph(base), so that ?x a kgo:Actor finds every actor. The
// result is sorted by term.CompareQuads, without duplicates.
func Extend(base string, quads []term.Quad) []term.Quad {
	onto := NamedGraph()
	entailed := Entail(term.IRI(EntailedGraph(base)), quads, onto)
	all := make([]term.Quad, 0, len(quads)+len(onto)+len(entailed))
	all = append(append(append(all, quads...), onto...), entailed...)
	slices.SortFunc(all, term.CompareQuads)
	return slices.Compact(all)
}
