package emit

import (
	"kg/ingest/register"
	"kg/ontology"
	"kg/term"
)

// entity describes a mentioned entity. What a register holds (class,
// labels, former names, facts, group members) is stated in the graph of
// the register's source; what only the text tells (class and label of a
// name no register holds) in the graph of each passage that mentions it.
// Either way the entity is prov:wasDerivedFrom each mentioning passage.
func (e *emitter) entity(en *entity) {
	s := e.id(en.id)
	derived := iri(provDerived)
	if x := en.entry; x != nil {
		g := e.source(x.Source)
		e.describe(s, node{class: en.class, also: x.Also, group: en.group, label: sv(x.Label), labelEN: x.LabelEN, top: e.isTop(x)}, g)
		for _, f := range x.Former {
			if f != x.Label {
				e.add(s, iri(skosAlt), sv(f), g)
			}
		}
		e.add(s, derived, g, none)
		e.props(s, x, g)
		if en.group {
			e.members(s, x, g)
		}
	}
	for _, o := range en.occ {
		for _, p := range mentionPassages(o.d, o.e) {
			P := iri(PassageIRI(e.base, o.d, p))
			e.add(s, derived, P, none)
			if en.entry == nil {
				e.describe(s, node{class: en.class, group: en.group, label: text(en.occ[0].d, en.label), top: true}, P)
			}
		}
		e.forms(s, en, o)
		e.printedSFS(s, en, o)
	}
}

// printedSFS records an SFS number a text prints for a register's law
// that differs from the register's ("bibliotekslagen (2013:80)" for
// 2013:801), as kgo:sfsAsPrinted in the passage that prints it.
func (e *emitter) printedSFS(s term.Term, en *entity, o occurrence) {
	if en.entry == nil {
		return
	}
	number := ""
	for _, p := range en.entry.Props {
		if p.P == "sfsNumber" {
			number = p.V
		}
	}
	for _, mi := range o.e.Mentions {
		m := o.d.Mentions[mi]
		if m.SFS != "" && number != "" && m.SFS != number {
			e.add(s, iri(ontology.SFSCorrection), term.String(m.SFS), iri(PassageIRI(e.base, o.d, o.d.Sentences[m.Sentence].Passage)))
		}
	}
}

// node is what describe states of an entity.
type node struct {
	class   string   // ontology class, local name; for a group its members' class
	also    []string // further classes (Region Gotland is also a Municipality)
	group   bool
	label   term.Term
	labelEN string
	top     bool // a theme at the top of the scheme
}

// describe states an entity's classes and labels in graph g. A group of
// actors is a kgo:ActorGroup with the class of its members; a theme is
// also a concept of the theme scheme.
func (e *emitter) describe(s term.Term, n node, g term.Term) {
	typ := iri(rdfType)
	if n.group {
		e.add(s, typ, groupType(n.class), g)
		if isActor(n.class) {
			e.add(s, iri(ontology.MemberClass), classIRI(n.class), g)
		}
	} else {
		e.add(s, typ, classIRI(n.class), g)
		for _, c := range n.also {
			e.add(s, typ, classIRI(c), g)
		}
	}
	if n.class == "Theme" && !n.group {
		themes := iri(ThemesIRI(e.base))
		e.add(s, typ, iri(skosConcept), g)
		e.add(s, iri(skosInScheme), themes, g)
		if n.top {
			e.add(themes, iri(skosTop), s, g)
		}
		e.themes[g] = true
	}
	for _, p := range []string{rdfsLabel, skosPref} {
		e.add(s, iri(p), n.label, g)
		if n.labelEN != "" {
			e.add(s, iri(p), en(n.labelEN), g)
		}
	}
}

// isTop reports whether a theme entry stands at the top of the scheme:
// no broader theme.
func (e *emitter) isTop(x *register.Entry) bool {
	for _, p := range x.Props {
		if p.Ref && !p.Inverse && (p.P == "broader" || p.P == register.Broader) && e.reg.Lookup(p.V) != nil {
			return false
		}
	}
	return true
}

func isActor(class string) bool { return ontology.IsSubClassOf(ontology.NS+class, ontology.Actor) }

// groupType is the class of a group: kgo:ActorGroup for actors; a
// collective of other things ("strukturfonderna") is taken as one of its
// kind, its members parts of it.
func groupType(members string) term.Term {
	if isActor(members) {
		return iri(ontology.ActorGroup)
	}
	return classIRI(members)
}

// forms states the other names a document gives an entity: skos:altLabel
// for a form the text uses, skos:hiddenLabel for one matched approximately
// (a misprint, found by search but never shown). Each is stated in the
// graph of the passages whose mentions have that form, or in the default
// graph when no mention shows where it came from.
func (e *emitter) forms(s term.Term, en *entity, o occurrence) {
	hidden := make(map[string]bool, len(o.e.Hidden))
	for _, h := range o.e.Hidden {
		hidden[h] = true
	}
	alt := append([]string{o.e.Label}, o.e.Alt...)
	for _, f := range alt {
		if f != "" && f != en.label && !hidden[f] {
			e.form(s, skosAlt, f, o)
		}
	}
	for _, f := range o.e.Hidden {
		if f != "" && f != en.label {
			e.form(s, skosHidden, f, o)
		}
	}
}

func (e *emitter) form(s term.Term, p, form string, o occurrence) {
	found := false
	for _, mi := range o.e.Mentions {
		if mi < 0 || mi >= len(o.d.Mentions) {
			continue
		}
		m := o.d.Mentions[mi]
		if pi, ok := passageOf(o.d, m.Sentence); ok && (m.Text == form || m.Name == form) {
			e.add(s, iri(p), text(o.d, form), iri(PassageIRI(e.base, o.d, pi)))
			found = true
		}
	}
	if !found {
		e.add(s, iri(p), text(o.d, form), none)
	}
}

// themeScheme describes the scheme of themes when some theme is in it. It
// is derived from every graph that places a theme in it.
func (e *emitter) themeScheme() {
	if len(e.themes) == 0 {
		return
	}
	themes := iri(ThemesIRI(e.base))
	e.add(themes, iri(rdfType), iri(skosScheme), none)
	e.add(themes, iri(skosPref), sv("Teman i regional utveckling"), none)
	e.add(themes, iri(skosPref), en("Themes of regional development"), none)
	for g := range e.themes {
		e.add(themes, iri(provDerived), g, none)
	}
}
