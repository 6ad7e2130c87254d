package catalog

import (
	"strings"

	"kg/store/disk"
	"kg/term"
)

// CountIndex returns the Stats of the graph in ix: the same as a Counter
// given every quad of it, read from the index's sorted orders instead of
// the quads. Terms are decoded only where a count depends on their text:
// the subjects (entities), the predicates, the objects of each
// predicate (classes and link targets), and the subjects of links.
func CountIndex(ix *disk.Index, uriSpace string) Stats {
	u := ix.Union()
	st := Stats{
		Triples:    len(u.SPO),
		Quads:      int(ix.Quads()),
		Classes:    map[string]int{},
		Properties: map[string]int{},
		Links:      map[LinkKey]Linkset{},
		Examples:   map[string]string{},
	}
	for _, g := range ix.Graphs() {
		if g.ID() != 0 && len(g.SPO) > 0 {
			st.Graphs++
		}
	}
	subj := NewSubjects(ix, uriSpace)
	for i, t := range u.SPO {
		if i == 0 || t[0] != u.SPO[i-1][0] {
			st.Subjects++
			if subj.Entity(t[0]) {
				st.Entities++
			}
		}
	}
	for i, t := range u.OSP {
		if i == 0 || t[0] != u.OSP[i-1][0] {
			st.Objects++
		}
	}
	typeID, _ := ix.Lookup(term.IRI(term.RDFType))
	forGroups(u.POS, 0, func(byP []disk.Triple) {
		p := byP[0][0]
		pred := ix.Term(p).Value
		st.Properties[pred] += len(byP)
		forGroups(byP, 1, func(byO []disk.Triple) {
			o := ix.Term(byO[0][1])
			if !o.IsIRI() {
				return
			}
			if p == typeID {
				st.Classes[o.Value] += len(byO)
				st.example(ix, subj, o.Value, byO)
				return
			}
			if target, ok := linkTarget(o.Value); ok {
				st.link(ix, subj, LinkKey{Target: target.Key, Predicate: pred}, byO)
			}
		})
	})
	return st
}

// example keeps the least linkable subject of the class among the
// triples (class, subject) of one class, as Counter.link does.
func (st *Stats) example(ix *disk.Index, subj *Subjects, class string, ts []disk.Triple) {
	for _, t := range ts {
		if !subj.linkable(t[2]) {
			continue
		}
		s := ix.Term(t[2]).Value
		if ex, ok := st.Examples[class]; !ok || s < ex {
			st.Examples[class] = s
		}
	}
}

// link counts the links of one predicate to one object in a target's URI
// space, as Counter.link does.
func (st *Stats) link(ix *disk.Index, subj *Subjects, k LinkKey, ts []disk.Triple) {
	for _, t := range ts {
		if !subj.linkable(t[2]) {
			continue
		}
		l := st.Links[k]
		l.Triples++
		if s := ix.Term(t[2]).Value; l.Example == "" || s < l.Example {
			l.Example = s
		}
		st.Links[k] = l
	}
}

// forGroups calls fn with each run of ts that shares the id at position
// i; ts must be sorted on the positions up to i.
func forGroups(ts []disk.Triple, i int, fn func([]disk.Triple)) {
	for start := 0; start < len(ts); {
		end := start + 1
		for end < len(ts) && ts[end][i] == ts[start][i] {
			end++
		}
		fn(ts[start:end])
		start = end
	}
}

// Subjects tells, by term id, which terms of an index are entities: IRIs
// in a URI space. Each term is decoded once.
type Subjects struct {
	ix       *disk.Index
	uriSpace string
	kind     []uint8 // by id: kindKnown, and kindEntity and kindLinkable when they hold
}

const (
	kindKnown = 1 << iota
	kindEntity
	kindLinkable // an entity outside the ontology: its links count
)

// NewSubjects returns the Subjects of ix in uriSpace (every IRI when it is
// empty).
func NewSubjects(ix *disk.Index, uriSpace string) *Subjects {
	return &Subjects{ix: ix, uriSpace: uriSpace, kind: make([]uint8, ix.Terms()+1)}
}

func (s *Subjects) of(id uint32) uint8 {
	if int(id) >= len(s.kind) {
		return 0
	}
	k := s.kind[id]
	if k&kindKnown == 0 {
		k = kindKnown
		if t := s.ix.Term(id); t.IsIRI() && strings.HasPrefix(t.Value, s.uriSpace) {
			k |= kindEntity
			if !strings.HasPrefix(t.Value, OntologyIRI) {
				k |= kindLinkable
			}
		}
		s.kind[id] = k
	}
	return k
}

// Entity reports whether the term of id is an IRI in the URI space.
func (s *Subjects) Entity(id uint32) bool { return s.of(id)&kindEntity != 0 }

func (s *Subjects) linkable(id uint32) bool { return s.of(id)&kindLinkable != 0 }
