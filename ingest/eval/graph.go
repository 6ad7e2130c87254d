package eval

import (
	"slices"
	"strings"
	"sync"

	"kg/ontology"
	"kg/term"
)

// The terms of the graph shape the scorer reads.
const (
	rdfType     = term.RDFType
	rdfsLabel   = ontology.RDFS + "label"
	skosPref    = ontology.SKOS + "prefLabel"
	skosAlt     = ontology.SKOS + "altLabel"
	skosHidden  = ontology.SKOS + "hiddenLabel"
	provDerived = ontology.PROV + "wasDerivedFrom"
	dctermsDate = ontology.DCTERMS + "date"
	schemaStart = ontology.SCHEMA + "startDate"
	schemaEnd   = ontology.SCHEMA + "endDate"
	schemaDur   = ontology.SCHEMA + "duration"
	schemaValue = ontology.SCHEMA + "value"
	schemaCurr  = ontology.SCHEMA + "currency"
	actorGroup  = ontology.ActorGroup
	memberClass = ontology.MemberClass
	kgoAmount   = ontology.Amount
	kgoShare    = ontology.OwnershipShare
	kgoPayer    = ontology.Payer
	kgoShareOf  = ontology.ShareOf
	schemaHTTP  = "http://schema.org/"
	schemaHTTPS = "https://schema.org/"
)

// relationPredicates maps the guidelines' predicates to the ontology's
// properties; they differ only where the ontology's name is shorter.
var relationPredicates = map[string]string{
	"holdsMandate":   ontology.HoldsMandate,
	"confersMandate": ontology.Confers,
	"requires":       ontology.Requires,
	"governs":        ontology.Governs,
	"responsibleFor": ontology.ResponsibleFor,
	"participatesIn": ontology.ParticipatesIn,
	"finances":       ontology.Finances,
	"fundedBy":       ontology.FundedBy,
	"implements":     ontology.Implements,
	"partOf":         ontology.PartOf,
	"owns":           ontology.Owns,
	"memberOf":       ontology.MemberOf,
}

// isRelation tells the ontology properties that relationPredicates maps to.
var isRelation = func() map[string]bool {
	m := make(map[string]bool, len(relationPredicates))
	for _, p := range relationPredicates {
		m[p] = true
	}
	return m
}()

// localName returns an ontology IRI's name in the namespace.
func localName(iri string) string { return strings.TrimPrefix(iri, ontology.NS) }

// topClasses returns the guidelines' classes a graph type belongs to: the
// top classes the ontology puts it under, then the one the guidelines put
// its local name under where that differs or the ontology has no place for
// it: the guidelines count counties, places in the ontology, as actors, and
// partnerships, actors in the ontology, also as instruments.
func topClasses(typeIRI string) []string {
	topCache.Lock()
	defer topCache.Unlock()
	if c, ok := topCache.m[typeIRI]; ok {
		return c
	}
	var out []string
	if strings.HasPrefix(typeIRI, ontology.NS) {
		for _, top := range Classes() {
			if ontology.IsSubClassOf(typeIRI, ontology.NS+top) {
				out = append(out, top)
			}
		}
		if c, ok := guidelineClass(localName(typeIRI)); ok && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	topCache.m[typeIRI] = out
	return out
}

var topCache = struct {
	sync.Mutex
	m map[string][]string
}{m: make(map[string][]string)}

// graphEntity is a node of the graph with a type under one of the five
// classes.
type graphEntity struct {
	IRI       string
	Classes   []string // guideline classes, the first the one it is counted under
	Subclass  string   // most specific type's local name; a group's member class
	Group     bool
	Names     []string // labels as written
	norms     []string // their normalised forms
	Mentioned bool     // prov:wasDerivedFrom something other than a kgo:Source
	display   string   // the Swedish preferred label, when it has one
	facts     []graphFact
}

// Label returns a name to show for the entity.
func (e *graphEntity) Label() string {
	if e.display != "" {
		return e.display
	}
	if len(e.Names) > 0 {
		return e.Names[0]
	}
	return e.IRI
}

func (e *graphEntity) hasClass(c string) bool { return slices.Contains(e.Classes, c) }

// graphFact is a fact of an entity as the graph states it.
type graphFact struct {
	Kind            string // start, end, period, date, amount, share
	Value, Currency string // amount, share; duration for a period
	From, To        string // dates
	Label           string // the node's label for amounts and shares
	Other           string // payer or company IRI
}

// graphRelation is a distinct relation triple between two entities.
type graphRelation struct{ S, P, O string }

// graph is what the scorer reads from one document's quads.
type graph struct {
	entities  map[string]*graphEntity
	order     []*graphEntity // sorted by IRI
	relations []graphRelation
	relSet    map[graphRelation]bool
}

// canonicalPredicate reads schema.org terms under either scheme, since
// schema.org publishes both and the emitter's choice is ontology.SCHEMA.
func canonicalPredicate(p string) string {
	if ontology.SCHEMA == schemaHTTPS && strings.HasPrefix(p, schemaHTTP) {
		return schemaHTTPS + p[len(schemaHTTP):]
	}
	if ontology.SCHEMA == schemaHTTP && strings.HasPrefix(p, schemaHTTPS) {
		return schemaHTTP + p[len(schemaHTTPS):]
	}
	return p
}

func readGraph(quads []term.Quad) *graph {
	nodes := readNodes(quads)
	g := &graph{entities: make(map[string]*graphEntity), relSet: make(map[graphRelation]bool)}
	for s, n := range nodes {
		if e := entityOf(s, n, nodes); e != nil {
			g.entities[s] = e
			g.order = append(g.order, e)
		}
	}
	slices.SortFunc(g.order, func(a, b *graphEntity) int { return strings.Compare(a.IRI, b.IRI) })
	for _, e := range g.order {
		n := nodes[e.IRI]
		g.addRelations(e, n)
		e.facts = factsOf(n, nodes)
	}
	slices.SortFunc(g.relations, func(a, b graphRelation) int {
		return strings.Compare(a.S+"\x00"+a.P+"\x00"+a.O, b.S+"\x00"+b.P+"\x00"+b.O)
	})
	return g
}

// node is what the quads say of one subject.
type node struct {
	types   []string
	names   []string
	prefSv  string   // skos:prefLabel@sv, else rdfs:label@sv: the name to show
	derived []string // prov:wasDerivedFrom targets
	members []string // memberClass values
	props   map[string][]term.Term
}

func key(t term.Term) string {
	if t.IsBlank() {
		return "_:" + t.Value
	}
	return t.Value
}

// readNodes gathers the quads by subject. Relations a register or
// vocabulary states (in the graph of a kgo:Source) are knowledge kg brings,
// not what the text says: they are left out, so they are not scored.
func readNodes(quads []term.Quad) map[string]*node {
	sources := map[string]bool{}
	for _, q := range quads {
		if q.P.Value == rdfType && q.O.Value == ontology.Source {
			sources[q.S.Value] = true
		}
	}
	nodes := make(map[string]*node)
	for _, q := range quads {
		if q.S.IsLiteral() || q.S.IsZero() {
			continue
		}
		p := canonicalPredicate(q.P.Value)
		if isRelation[p] && sources[q.G.Value] {
			continue
		}
		n := nodes[key(q.S)]
		if n == nil {
			n = &node{props: make(map[string][]term.Term)}
			nodes[key(q.S)] = n
		}
		n.add(p, q.O)
	}
	return nodes
}

func (n *node) add(p string, o term.Term) {
	switch p {
	case rdfType:
		if o.IsIRI() && !slices.Contains(n.types, o.Value) {
			n.types = append(n.types, o.Value)
		}
	case rdfsLabel, skosPref, skosAlt, skosHidden:
		if o.IsLiteral() && !slices.Contains(n.names, o.Value) {
			n.names = append(n.names, o.Value)
		}
		if o.Lang == "sv" && (p == skosPref || p == rdfsLabel && n.prefSv == "") {
			n.prefSv = o.Value
		}
		if p == rdfsLabel {
			n.props[p] = append(n.props[p], o)
		}
	case provDerived:
		n.derived = append(n.derived, key(o))
	case memberClass:
		if o.IsIRI() {
			n.members = append(n.members, o.Value)
		}
	default:
		n.props[p] = append(n.props[p], o)
	}
}

// entityOf makes the entity a node is when a type of it falls under one of
// the five classes, or returns nil.
func entityOf(s string, n *node, nodes map[string]*node) *graphEntity {
	var classes, typed []string
	for _, t := range n.types {
		cs := topClasses(t)
		if len(cs) == 0 {
			continue
		}
		typed = append(typed, t)
		for _, c := range cs {
			if !slices.Contains(classes, c) {
				classes = append(classes, c)
			}
		}
	}
	if len(classes) == 0 {
		return nil
	}
	e := &graphEntity{IRI: s, Classes: classes, Names: n.names, display: n.prefSv}
	// Derived from a passage, not only from a register's source.
	for _, d := range n.derived {
		if src := nodes[d]; src == nil || !slices.Contains(src.types, ontology.Source) {
			e.Mentioned = true
		}
	}
	slices.Sort(typed)
	e.Group = slices.Contains(typed, actorGroup)
	e.Subclass = localName(mostSpecific(typed))
	if e.Group {
		e.Subclass = ""
		if len(n.members) > 0 {
			e.Subclass = localName(mostSpecific(n.members))
		}
	}
	for _, name := range e.Names {
		e.norms = append(e.norms, NormaliseName(name))
	}
	return e
}

// addRelations records the relations from e to other entities.
func (g *graph) addRelations(e *graphEntity, n *node) {
	for p, objs := range n.props {
		if !isRelation[p] {
			continue
		}
		for _, o := range objs {
			if _, ok := g.entities[key(o)]; ok && !o.IsLiteral() {
				r := graphRelation{e.IRI, p, key(o)}
				if !g.relSet[r] {
					g.relSet[r] = true
					g.relations = append(g.relations, r)
				}
			}
		}
	}
}

func lexicals(ts []term.Term) []string {
	var out []string
	for _, t := range ts {
		if t.IsLiteral() {
			out = append(out, t.Value)
		}
	}
	return out
}

func firstLexical(ts []term.Term) string {
	if l := lexicals(ts); len(l) > 0 {
		return l[0]
	}
	return ""
}

// factsOf reads an entity's dates, periods, amounts and shares.
func factsOf(n *node, nodes map[string]*node) []graphFact {
	var out []graphFact
	starts, ends := lexicals(n.props[schemaStart]), lexicals(n.props[schemaEnd])
	for _, v := range starts {
		out = append(out, graphFact{Kind: "start", From: v})
	}
	for _, v := range ends {
		out = append(out, graphFact{Kind: "end", To: v})
	}
	for _, a := range starts {
		for _, b := range ends {
			out = append(out, graphFact{Kind: "period", From: a, To: b})
		}
	}
	for _, v := range lexicals(n.props[schemaDur]) {
		out = append(out, graphFact{Kind: "period", Value: v})
	}
	for _, v := range lexicals(n.props[dctermsDate]) {
		out = append(out, graphFact{Kind: "date", From: v})
	}
	for _, kind := range []struct{ p, name, other string }{{kgoAmount, "amount", kgoPayer}, {kgoShare, "share", kgoShareOf}} {
		for _, o := range n.props[kind.p] {
			if o.IsLiteral() {
				continue
			}
			v := nodes[key(o)]
			if v == nil {
				continue
			}
			f := graphFact{Kind: kind.name, Value: firstLexical(v.props[schemaValue]),
				Currency: firstLexical(v.props[schemaCurr]), Label: firstLexical(v.props[rdfsLabel])}
			for _, other := range v.props[kind.other] {
				if !other.IsLiteral() {
					f.Other = key(other)
				}
			}
			// The payer or company may also be stated on the fact's subject
			// rather than on the value node.
			for _, other := range n.props[kind.other] {
				if f.Other == "" && !other.IsLiteral() {
					f.Other = key(other)
				}
			}
			out = append(out, f)
		}
	}
	return out
}

// mostSpecific returns the type of ts that no other type of ts is a
// subclass of; ts is sorted, so ties go the same way every time.
func mostSpecific(ts []string) string {
	best := ""
	for _, t := range ts {
		if best == "" || (ontology.IsSubClassOf(t, best) && t != best) {
			best = t
		}
	}
	return best
}
