package emit

import (
	"kg/ingest/register"
	"kg/ontology"
	"kg/term"
)

// refProp maps the name a register gives a link between two entries to the
// ontology's property.
type refProp struct {
	name string
	iri  string
}

// refProps are the register links, by the name the register gives them.
// A link the register states from the other end (Prop.Inverse) is turned
// round: a mandate's "confers" names the law, and the law confers the
// mandate.
var refProps = []refProp{
	{"servesCounty", ontology.ServesCounty}, // a region or county administrative board → its county
	{"county", ontology.InCounty},           // a municipality → the county it lies in
	{"supervisedBy", ontology.SupervisedBy}, // an agency → its ministry or the government
	{"confers", ontology.Confers},           // a law → the mandate it confers
	{"partOf", ontology.PartOf},
	{"broader", skosBroader}, // a theme → a broader theme
}

// refProperty returns the property of a register link: from refProps, else
// kgo:{name} or the name as a full IRI.
func refProperty(name string) (term.Term, bool) {
	for _, r := range refProps {
		if r.name == name {
			return iri(r.iri), true
		}
	}
	return property(name)
}

// source returns the graph of a register's source, describing it the first
// time.
func (e *emitter) source(key string) term.Term {
	g := iri(SourceIRI(e.base, key))
	e.add(g, iri(rdfType), iri(ontology.Source), none)
	e.add(g, iri(rdfType), iri(provEntity), none)
	if src := e.reg.Source(key); src != nil {
		if src.Title != "" {
			// Sources name themselves in either language; Source gives none.
			e.add(g, iri(dcTitle), term.String(src.Title), none)
		}
		if validIRI(src.URL) {
			e.add(g, iri(foafPage), iri(src.URL), none)
		}
		if validIRI(src.Licence) {
			e.add(g, iri(dcLicense), iri(src.Licence), none)
		}
	}
	return g
}

// props states what a register says of an entry, in graph g: identifiers
// as plain literals, IRIs (owl:sameAs a Wikidata item) as IRIs, and links
// to other entries, which are given as context when no document mentions
// them.
func (e *emitter) props(s term.Term, x *register.Entry, g term.Term) {
	for _, p := range x.Props {
		switch {
		case p.Ref:
			target := e.reg.Lookup(p.V)
			P, ok := refProperty(p.P)
			if target == nil || !ok {
				continue
			}
			T := e.id(target.ID)
			if p.Inverse {
				e.add(T, P, s, g)
			} else {
				e.add(s, P, T, g)
			}
			e.context(target, g)
		case p.IRI:
			if P, ok := property(p.P); ok && validIRI(p.V) {
				e.add(s, P, iri(p.V), g)
			}
		default:
			if P, ok := property(p.P); ok && p.V != "" {
				e.add(s, P, term.String(p.V), g)
			}
		}
	}
}

// members states the entries a group stands for when the register says
// which (register.Registry.Members: all of a class, as "regionerna", or a
// list), in graph g: foaf:member each of them, or for a collective of
// things other than actors, each kgo:partOf it. A group whose members the
// text decides ("länets kommuner") has none here.
func (e *emitter) members(s term.Term, x *register.Entry, g term.Term) {
	actors := isActor(x.Group)
	for _, key := range e.reg.Members(x.Key) {
		m := e.reg.Lookup(key)
		if m == nil || m.Group != "" {
			continue // a group noun of the class is no member of it
		}
		if actors {
			e.add(s, iri(foafMember), e.id(m.ID), g)
		} else {
			e.add(e.id(m.ID), iri(ontology.PartOf), s, g)
		}
		e.context(m, g)
	}
}

// context types and labels an entry that a register statement links to,
// in the graph of that statement, when no document mentions it (a
// mentioned entry is described in full), with its identifiers (the codes
// of a region's county come along with the region). Its own links to
// further entries do not. It carries no prov:wasDerivedFrom: it is
// context, not a mention.
func (e *emitter) context(x *register.Entry, g term.Term) {
	if e.ents[x.ID] != nil {
		return
	}
	s := e.id(x.ID)
	if x.Group != "" {
		e.add(s, iri(rdfType), groupType(x.Group), g)
	} else {
		e.add(s, iri(rdfType), classIRI(x.Class), g)
		for _, c := range x.Also {
			e.add(s, iri(rdfType), classIRI(c), g)
		}
	}
	e.add(s, iri(rdfsLabel), sv(x.Label), g)
	e.add(s, iri(skosPref), sv(x.Label), g)
	if x.LabelEN != "" {
		e.add(s, iri(rdfsLabel), en(x.LabelEN), g)
		e.add(s, iri(skosPref), en(x.LabelEN), g)
	}
	for _, p := range x.Props {
		switch {
		case p.Ref:
		case p.IRI:
			if P, ok := property(p.P); ok && validIRI(p.V) {
				e.add(s, P, iri(p.V), e.source(x.Source))
			}
		default:
			if P, ok := property(p.P); ok && p.V != "" {
				e.add(s, P, term.String(p.V), e.source(x.Source))
			}
		}
	}
}
