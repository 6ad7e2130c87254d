package ontology

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"kg/rdfio"
	"kg/term"
)

// Kind tells what a term of the ontology is.
type Kind uint8

// The kinds of term the ontology declares.
const (
	KindClass Kind = iota + 1
	KindObjectProperty
	KindDatatypeProperty
	KindAnnotationProperty
)

// String returns the OWL name of the kind, e.g. "ObjectProperty".
func (k Kind) String() string {
	switch k {
	case KindClass:
		return "Class"
	case KindObjectProperty:
		return "ObjectProperty"
	case KindDatatypeProperty:
		return "DatatypeProperty"
	case KindAnnotationProperty:
		return "AnnotationProperty"
	}
	return "unknown"
}

// kindOf maps the OWL declaration types to kinds.
var kindOf = map[string]Kind{
	OWL + "Class":              KindClass,
	OWL + "ObjectProperty":     KindObjectProperty,
	OWL + "DatatypeProperty":   KindDatatypeProperty,
	OWL + "AnnotationProperty": KindAnnotationProperty,
}

// Term describes a class or property declared in the ontology's namespace.
// Text maps are keyed by language tag ("sv", "en").
type Term struct {
	IRI         string
	Kind        Kind
	Labels      map[string]string   // rdfs:label
	AltLabels   map[string][]string // skos:altLabel
	Definitions map[string]string   // skos:definition
	Comments    map[string]string   // rdfs:comment
	// Parents are the direct named superclasses (of a class) or
	// superproperties (of a property), in the order the ontology states
	// them: kg's own terms and the standard terms they align with.
	Parents []string
	// Domain and Range are named classes or datatypes; a union is given as
	// its members.
	Domain, Range []string
}

// LocalName returns the part of the IRI after the namespace.
func (t Term) LocalName() string { return strings.TrimPrefix(t.IRI, NS) }

func (t Term) clone() Term {
	t.Labels = maps.Clone(t.Labels)
	t.Definitions = maps.Clone(t.Definitions)
	t.Comments = maps.Clone(t.Comments)
	t.AltLabels = maps.Clone(t.AltLabels)
	for k, v := range t.AltLabels {
		t.AltLabels[k] = slices.Clone(v)
	}
	t.Parents = slices.Clone(t.Parents)
	t.Domain = slices.Clone(t.Domain)
	t.Range = slices.Clone(t.Range)
	return t
}

// index is what kg needs to know of the ontology at run time, read once
// from the embedded Turtle. It holds only what the ontology states: the
// standard vocabularies it aligns with are not imported, so their own
// hierarchies are not in it.
type index struct {
	quads      []term.Quad
	terms      map[string]*Term    // declared terms in NS
	order      []string            // their IRIs in document order
	declared   map[string]Kind     // every declared IRI, external ones too
	superClass map[string][]string // direct
	superProp  map[string][]string
	disjoint   map[[2]string]bool
	// Transitive closures of superClass and superProp, computed once since
	// ingest asks for them per entity.
	allSuperClasses map[string][]string
	allSuperProps   map[string][]string
}

var loadIndex = sync.OnceValue(func() *index {
	ix, err := buildIndex(turtle)
	if err != nil {
		// The Turtle is compiled into the binary and checked by the
		// package's tests, so this is a build defect, not an input error.
		panic("ontology: embedded ontology.ttl: " + err.Error())
	}
	return ix
})

func buildIndex(doc []byte) (*index, error) {
	var quads []term.Quad
	err := rdfio.ParseTurtle(bytes.NewReader(doc), rdfio.Options{
		Base:        IRI,
		BlankPrefix: "ontology.",
		File:        "ontology.ttl",
	}, func(q term.Quad) error {
		quads = append(quads, q)
		return nil
	})
	if err != nil {
		return nil, err
	}
	ix := &index{
		quads:      quads,
		terms:      make(map[string]*Term),
		declared:   make(map[string]Kind),
		superClass: make(map[string][]string),
		superProp:  make(map[string][]string),
		disjoint:   make(map[[2]string]bool),
	}

	// First pass: declarations and the RDF lists that unions and
	// disjointness axioms are written with.
	first := make(map[term.Term]term.Term)
	rest := make(map[term.Term]term.Term)
	for _, q := range quads {
		switch q.P.Value {
		case term.RDFType:
			k, ok := kindOf[q.O.Value]
			if !ok || !q.S.IsIRI() {
				continue
			}
			if prev, seen := ix.declared[q.S.Value]; seen && prev != k {
				return nil, fmt.Errorf("%s is declared both %s and %s", q.S.Value, prev, k)
			}
			ix.declared[q.S.Value] = k
			if strings.HasPrefix(q.S.Value, NS) {
				if _, seen := ix.terms[q.S.Value]; !seen {
					ix.terms[q.S.Value] = &Term{IRI: q.S.Value, Kind: k}
					ix.order = append(ix.order, q.S.Value)
				}
			}
		case term.RDFFirst:
			first[q.S] = q.O
		case term.RDFRest:
			rest[q.S] = q.O
		}
	}
	list := func(head term.Term) []term.Term {
		var out []term.Term
		for n := head; n.IsBlank(); n = rest[n] {
			if len(out) > len(quads) {
				break // a cyclic list; cannot happen in Turtle syntax
			}
			out = append(out, first[n])
		}
		return out
	}
	unions := make(map[term.Term][]string)
	var disjointLists []term.Term
	for _, q := range quads {
		switch q.P.Value {
		case OWL + "unionOf":
			for _, m := range list(q.O) {
				if m.IsIRI() {
					unions[q.S] = append(unions[q.S], m.Value)
				}
			}
		case OWL + "members":
			disjointLists = append(disjointLists, q.O)
		}
	}
	named := func(o term.Term) []string {
		if o.IsIRI() {
			return []string{o.Value}
		}
		return unions[o]
	}

	// Second pass: axioms and annotations.
	for _, q := range quads {
		s, o := q.S.Value, q.O
		t := ix.terms[s]
		switch q.P.Value {
		case RDFS + "subClassOf":
			if q.S.IsIRI() && o.IsIRI() {
				ix.superClass[s] = append(ix.superClass[s], o.Value)
			}
		case OWL + "equivalentClass":
			if q.S.IsIRI() && o.IsIRI() {
				ix.superClass[s] = append(ix.superClass[s], o.Value)
				ix.superClass[o.Value] = append(ix.superClass[o.Value], s)
			}
		case RDFS + "subPropertyOf":
			if q.S.IsIRI() && o.IsIRI() {
				ix.superProp[s] = append(ix.superProp[s], o.Value)
			}
		case OWL + "equivalentProperty":
			if q.S.IsIRI() && o.IsIRI() {
				ix.superProp[s] = append(ix.superProp[s], o.Value)
				ix.superProp[o.Value] = append(ix.superProp[o.Value], s)
			}
		case OWL + "disjointWith":
			if q.S.IsIRI() && o.IsIRI() {
				ix.disjoint[[2]string{s, o.Value}] = true
				ix.disjoint[[2]string{o.Value, s}] = true
			}
		case RDFS + "domain":
			if t != nil {
				t.Domain = append(t.Domain, named(o)...)
			}
		case RDFS + "range":
			if t != nil {
				t.Range = append(t.Range, named(o)...)
			}
		case RDFS + "label":
			if t != nil {
				setText(&t.Labels, o)
			}
		case SKOS + "definition":
			if t != nil {
				setText(&t.Definitions, o)
			}
		case RDFS + "comment":
			if t != nil {
				setText(&t.Comments, o)
			}
		case SKOS + "altLabel":
			if t != nil && o.IsLiteral() {
				if t.AltLabels == nil {
					t.AltLabels = make(map[string][]string)
				}
				t.AltLabels[o.Lang] = append(t.AltLabels[o.Lang], o.Value)
			}
		}
	}
	for _, head := range disjointLists {
		members := list(head)
		for i, a := range members {
			for _, b := range members[i+1:] {
				if a.IsIRI() && b.IsIRI() {
					ix.disjoint[[2]string{a.Value, b.Value}] = true
					ix.disjoint[[2]string{b.Value, a.Value}] = true
				}
			}
		}
	}
	ix.allSuperClasses = make(map[string][]string, len(ix.superClass))
	for iri := range ix.superClass {
		ix.allSuperClasses[iri] = closure(ix.superClass, iri)
	}
	ix.allSuperProps = make(map[string][]string, len(ix.superProp))
	for iri := range ix.superProp {
		ix.allSuperProps[iri] = closure(ix.superProp, iri)
	}
	for iri, t := range ix.terms {
		if t.Kind == KindClass {
			t.Parents = ix.superClass[iri]
		} else {
			t.Parents = ix.superProp[iri]
		}
	}
	return ix, nil
}

// setText records a literal under its language tag, keeping the first one
// the ontology gives for each language.
func setText(m *map[string]string, o term.Term) {
	if !o.IsLiteral() {
		return
	}
	if *m == nil {
		*m = make(map[string]string)
	}
	if _, ok := (*m)[o.Lang]; !ok {
		(*m)[o.Lang] = o.Value
	}
}

// closure returns the nodes reachable from iri over edges, nearest first,
// without iri itself.
func closure(edges map[string][]string, iri string) []string {
	seen := map[string]bool{iri: true}
	var out []string
	queue := []string{iri}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, p := range edges[n] {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
				queue = append(queue, p)
			}
		}
	}
	return out
}

func (ix *index) termsOf(kinds ...Kind) []Term {
	var out []Term
	for _, iri := range ix.order {
		t := ix.terms[iri]
		if slices.Contains(kinds, t.Kind) {
			out = append(out, t.clone())
		}
	}
	return out
}

// Classes returns the classes declared in kg's namespace, in the order the
// ontology declares them.
func Classes() []Term { return loadIndex().termsOf(KindClass) }

// Properties returns the properties declared in kg's namespace (object,
// datatype and annotation properties), in the order the ontology declares
// them.
func Properties() []Term {
	return loadIndex().termsOf(KindObjectProperty, KindDatatypeProperty, KindAnnotationProperty)
}

// Lookup returns the term of kg's namespace with the given IRI.
func Lookup(iri string) (Term, bool) {
	t, ok := loadIndex().terms[iri]
	if !ok {
		return Term{}, false
	}
	return t.clone(), true
}

// Labels returns the rdfs:label of a term by language tag, or nil for an
// IRI the ontology does not declare in its namespace.
func Labels(iri string) map[string]string {
	if t, ok := loadIndex().terms[iri]; ok {
		return maps.Clone(t.Labels)
	}
	return nil
}

// Definitions returns the skos:definition of a term by language tag.
func Definitions(iri string) map[string]string {
	if t, ok := loadIndex().terms[iri]; ok {
		return maps.Clone(t.Definitions)
	}
	return nil
}

// Comments returns the rdfs:comment (usage notes) of a term by language
// tag. Most terms have a definition and no comment.
func Comments(iri string) map[string]string {
	if t, ok := loadIndex().terms[iri]; ok {
		return maps.Clone(t.Comments)
	}
	return nil
}

// Label returns the term's label in the first of langs it has one in, or
// "" when it has none of them.
func Label(iri string, langs ...string) string {
	t, ok := loadIndex().terms[iri]
	if !ok {
		return ""
	}
	for _, l := range langs {
		if s, ok := t.Labels[l]; ok {
			return s
		}
	}
	return ""
}

// SuperClasses returns every named class that iri is stated or entailed to
// be a subclass of through rdfs:subClassOf and owl:equivalentClass, nearest
// first, without iri itself. Standard classes that kg's classes align with
// are included (kgo:Region gives kgo:Actor, org:FormalOrganization, …).
func SuperClasses(iri string) []string { return slices.Clone(loadIndex().allSuperClasses[iri]) }

// SuperProperties returns every named property that iri is a subproperty
// of, nearest first, without iri itself.
func SuperProperties(iri string) []string { return slices.Clone(loadIndex().allSuperProps[iri]) }

// IsSubClassOf reports whether class a is a subclass of class b. As in
// RDFS, every class is a subclass of itself.
func IsSubClassOf(a, b string) bool {
	return a == b || slices.Contains(loadIndex().allSuperClasses[a], b)
}

// IsSubPropertyOf reports whether property a is a subproperty of b; every
// property is a subproperty of itself.
func IsSubPropertyOf(a, b string) bool {
	return a == b || slices.Contains(loadIndex().allSuperProps[a], b)
}

// Disjoint reports whether the ontology makes classes a and b disjoint,
// directly or through their superclasses, so that nothing can be an
// instance of both.
func Disjoint(a, b string) bool {
	ix := loadIndex()
	as := append([]string{a}, ix.allSuperClasses[a]...)
	bs := append([]string{b}, ix.allSuperClasses[b]...)
	for _, x := range as {
		for _, y := range bs {
			if ix.disjoint[[2]string{x, y}] {
				return true
			}
		}
	}
	return false
}

// Graph returns the ontology's triples, in document order, as quads in the
// default graph. Blank node labels start with "ontology.".
func Graph() []term.Quad { return slices.Clone(loadIndex().quads) }
