package catalog

import (
	"iter"
	"maps"
	"strings"

	"kg/term"
)

// Counter computes Stats from a stream of quads in any order. It keeps the
// sets of distinct triples, subjects and objects in memory.
type Counter struct {
	uriSpace string
	triples  map[term.Triple]bool
	subjects map[term.Term]bool
	objects  map[term.Term]bool
	entities map[string]bool
	graphs   map[term.Term]bool
	classes  map[string]map[term.Term]bool
	props    map[string]int
	links    map[LinkKey]Linkset
	examples map[string]string
	quads    int
}

// NewCounter returns a Counter. Entities are the distinct IRIs whose IRI
// starts with uriSpace (all IRIs when it is empty) that occur as subject.
func NewCounter(uriSpace string) *Counter {
	return &Counter{
		uriSpace: uriSpace,
		triples:  map[term.Triple]bool{},
		subjects: map[term.Term]bool{},
		objects:  map[term.Term]bool{},
		entities: map[string]bool{},
		graphs:   map[term.Term]bool{},
		classes:  map[string]map[term.Term]bool{},
		props:    map[string]int{},
		links:    map[LinkKey]Linkset{},
		examples: map[string]string{},
	}
}

// Add counts one quad. A triple stated in several graphs counts once in
// Triples, Classes and Properties and once per graph in Quads.
func (c *Counter) Add(q term.Quad) {
	c.quads++
	if !q.G.IsZero() {
		c.graphs[q.G] = true
	}
	t := q.Triple()
	if c.triples[t] {
		return
	}
	c.triples[t] = true
	c.subjects[q.S] = true
	c.objects[q.O] = true
	if q.S.IsIRI() && strings.HasPrefix(q.S.Value, c.uriSpace) {
		c.entities[q.S.Value] = true
		// The ontology's own axioms (subclass of an ELI class) are no
		// links of the data.
		if q.O.IsIRI() && !strings.HasPrefix(q.S.Value, OntologyIRI) {
			c.link(q)
		}
	}
	c.props[q.P.Value]++
	if q.P.Value == term.RDFType && q.O.IsIRI() {
		m := c.classes[q.O.Value]
		if m == nil {
			m = map[term.Term]bool{}
			c.classes[q.O.Value] = m
		}
		m[q.S] = true
	}
}

// link counts a link from an entity to a LinkTarget, and an example of a
// class.
func (c *Counter) link(q term.Quad) {
	if q.P.Value == term.RDFType {
		if ex, ok := c.examples[q.O.Value]; !ok || q.S.Value < ex {
			c.examples[q.O.Value] = q.S.Value
		}
		return
	}
	t, ok := linkTarget(q.O.Value)
	if !ok {
		return
	}
	k := LinkKey{Target: t.Key, Predicate: q.P.Value}
	l := c.links[k]
	l.Triples++
	if l.Example == "" || q.S.Value < l.Example {
		l.Example = q.S.Value
	}
	c.links[k] = l
}

// Stats returns the counts so far.
func (c *Counter) Stats() Stats {
	s := Stats{
		Triples:    len(c.triples),
		Quads:      c.quads,
		Entities:   len(c.entities),
		Subjects:   len(c.subjects),
		Objects:    len(c.objects),
		Classes:    map[string]int{},
		Properties: map[string]int{},
		Graphs:     len(c.graphs),
		Links:      maps.Clone(c.links),
		Examples:   maps.Clone(c.examples),
	}
	for k, v := range c.classes {
		s.Classes[k] = len(v)
	}
	for k, v := range c.props {
		s.Properties[k] = v
	}
	return s
}

// Triples yields the distinct triples counted so far, in no fixed order,
// for callers that derive further numbers from the same pass.
func (c *Counter) Triples() iter.Seq[term.Triple] { return maps.Keys(c.triples) }
