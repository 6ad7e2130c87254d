package ingest

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"kg/ontology"
	"kg/term"
)

// Standard terms the emitter writes.
const (
	rdfType       = ontology.RDF + "type"
	rdfsLabel     = ontology.RDFS + "label"
	rdfsSeeAlso   = ontology.RDFS + "seeAlso"
	owlSameAs     = ontology.OWL + "sameAs"
	skosPref      = ontology.SKOS + "prefLabel"
	skosAlt       = ontology.SKOS + "altLabel"
	skosHidden    = ontology.SKOS + "hiddenLabel"
	skosInScheme  = ontology.SKOS + "inScheme"
	skosBroader   = ontology.SKOS + "broader"
	skosTop       = ontology.SKOS + "hasTopConcept"
	skosConcept   = ontology.SKOS + "Concept"
	skosScheme    = ontology.SKOS + "ConceptScheme"
	skosExact     = ontology.SKOS + "exactMatch"
	dcTitle       = ontology.DCTERMS + "title"
	dcPublisher   = ontology.DCTERMS + "publisher"
	dcIssued      = ontology.DCTERMS + "issued"
	dcLanguage    = ontology.DCTERMS + "language"
	dcSource      = ontology.DCTERMS + "source"
	dcIsPartOf    = ontology.DCTERMS + "isPartOf"
	dcHasPart     = ontology.DCTERMS + "hasPart"
	dcIdentifier  = ontology.DCTERMS + "identifier"
	provEntity    = ontology.PROV + "Entity"
	provDerived   = ontology.PROV + "wasDerivedFrom"
	foafDocument  = ontology.FOAF + "Document"
	foafPage      = ontology.FOAF + "page"
	langIRIPrefix = "http://id.loc.gov/vocabulary/iso639-1/"
)

var (
	qidRe  = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	yearRe = regexp.MustCompile(`^\d{4}$`)
	dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	langRe = regexp.MustCompile(`^[a-z]{2}$`)
)

// emitter collects quads without duplicates.
type emitter struct {
	base string
	set  map[term.Quad]struct{}
}

func (e *emitter) add(s, p, o, g term.Term) {
	e.set[term.Quad{S: s, P: p, O: o, G: g}] = struct{}{}
}

func iri(s string) term.Term              { return term.IRI(s) }
func sv(s string) term.Term               { return term.LangString(s, "sv") }
func en(s string) term.Term               { return term.LangString(s, "en") }
func integer(n int) term.Term             { return term.Literal(strconv.Itoa(n), term.XSDInteger) }
func (e *emitter) id(id string) term.Term { return iri(e.base + "id/" + id) }

// Emit turns the reports, the entity table and the identifier rows into
// quads: document structure and provenance in the default graph, facts
// read from a passage in that passage's graph, lexicon and identifier facts
// in their source's graph. The result is sorted and free of duplicates.
func Emit(base string, reports []*Report, kb *KB, ids []IdentifierRow) []term.Quad {
	e := &emitter{base: base, set: map[term.Quad]struct{}{}}
	typ, label, pref := iri(rdfType), iri(rdfsLabel), iri(skosPref)
	derived := iri(provDerived)
	var none term.Term

	// The lexicon as a source.
	lexG := iri(base + "source/lexicon")
	e.add(lexG, typ, iri(ontology.Source), none)
	e.add(lexG, typ, iri(provEntity), none)
	e.add(lexG, iri(dcTitle), en("kg lexicon (ingest/lexicon/entities.tsv)"), none)
	themes := iri(base + "id/themes")
	hasThemes := false

	for _, id := range kb.sortedIDs() {
		ent := kb.Entities[id]
		if ent.Entry == nil {
			continue
		}
		s := e.id(id)
		e.add(s, typ, iri(ClassIRI(ent.Class)), lexG)
		e.add(s, label, sv(ent.Label), lexG)
		e.add(s, pref, sv(ent.Label), lexG)
		if ent.LabelEN != "" {
			e.add(s, label, en(ent.LabelEN), lexG)
			e.add(s, pref, en(ent.LabelEN), lexG)
		}
		e.add(s, derived, lexG, none)
		if ent.Class == "Theme" {
			hasThemes = true
			e.add(s, typ, iri(skosConcept), lexG)
			e.add(s, iri(skosInScheme), themes, lexG)
			if ent.Entry.Links["broader"] == "" {
				e.add(themes, iri(skosTop), s, lexG)
			}
		}
		links := ent.Entry.Links
		for _, l := range []struct{ key, prop string }{
			{"county", ontology.ServesCounty}, {"parent", ontology.PartOf}, {"broader", skosBroader},
		} {
			for _, target := range strings.Fields(links[l.key]) {
				if kb.Entities[target] != nil {
					e.add(s, iri(l.prop), e.id(target), lexG)
				}
			}
		}
		// Identifiers are stated in the graph of the source the lexicon
		// cites for them (key source), else in the lexicon's own.
		idG := lexG
		if src := links["source"]; src != "" && validIRI(src) {
			idG = e.sourceGraph(src)
			e.add(s, iri(provDerived), idG, term.Term{})
		}
		for _, l := range []struct {
			key, prop string
			cited     bool
		}{
			{"sfs", ontology.SFSNumber, true}, {"sfs_as_printed", ontology.SFSCorrection, false}, {"orgnr", ontology.OrganisationNo, true},
			{"instruction_sfs", ontology.InstructionSFS, true}, {"sfs_amendment", ontology.SFSAmendment, true},
		} {
			g := lexG
			if l.cited {
				g = idG
			}
			for _, v := range strings.Fields(links[l.key]) {
				e.add(s, iri(l.prop), term.String(v), g)
			}
		}
		for _, u := range strings.Fields(links["see_also"]) {
			if validIRI(u) {
				e.add(s, iri(rdfsSeeAlso), iri(u), lexG)
			}
		}
	}
	if hasThemes {
		e.add(themes, typ, iri(skosScheme), lexG)
		e.add(themes, pref, sv("Teman i regional utveckling"), lexG)
		e.add(themes, pref, en("Themes of regional development"), lexG)
		// The scheme is made from the lexicon's theme rows, so it is derived
		// from the lexicon like every entity the lexicon gives.
		e.add(themes, derived, lexG, none)
	}

	for _, r := range reports {
		e.report(r, kb)
	}
	e.identifiers(ids, kb)

	out := make([]term.Quad, 0, len(e.set))
	for q := range e.set {
		out = append(out, q)
	}
	slices.SortFunc(out, term.CompareQuads)
	return out
}

func (e *emitter) report(r *Report, kb *KB) {
	var none term.Term
	typ, label, pref, derived := iri(rdfType), iri(rdfsLabel), iri(skosPref), iri(provDerived)
	doc := r.Doc
	rep := e.base + "report/" + r.Meta.Slug
	R := iri(rep)
	e.add(R, typ, iri(ontology.Report), none)
	e.add(R, typ, iri(foafDocument), none)
	e.add(R, typ, iri(provEntity), none)
	if r.Meta.Title != "" {
		e.add(R, iri(dcTitle), sv(r.Meta.Title), none)
	}
	if r.Meta.Publisher != "" {
		if id, ok := kb.Find(r.Meta.Publisher); ok {
			e.add(R, iri(dcPublisher), e.id(id), none)
		} else {
			e.add(R, iri(dcPublisher), sv(r.Meta.Publisher), none)
		}
	}
	switch {
	case yearRe.MatchString(r.Meta.Issued):
		e.add(R, iri(dcIssued), term.Literal(r.Meta.Issued, term.XSDGYear), none)
	case dateRe.MatchString(r.Meta.Issued):
		e.add(R, iri(dcIssued), term.Literal(r.Meta.Issued, term.XSDDate), none)
	case r.Meta.Issued != "":
		e.add(R, iri(dcIssued), term.String(r.Meta.Issued), none)
	}
	if langRe.MatchString(r.Meta.Language) {
		e.add(R, iri(dcLanguage), iri(langIRIPrefix+r.Meta.Language), none)
	}
	if validIRI(r.Meta.URL) {
		e.add(R, iri(dcSource), iri(r.Meta.URL), none)
	}
	e.add(R, iri(dcIdentifier), term.String(fileBase(r.File)), none)

	passage := func(i int) term.Term { return iri(rep + "/passage/" + doc.Passages[i].ID) }
	chapter := func(i int) term.Term { return iri(rep + "/chapter/" + strconv.Itoa(doc.Chapters[i].N)) }
	example := func(i int) term.Term { return iri(rep + "/example/" + doc.Examples[i].Slug) }

	for i, p := range doc.Passages {
		P := passage(i)
		e.add(P, typ, iri(ontology.Passage), none)
		e.add(P, typ, iri(provEntity), none)
		e.add(P, iri(dcIsPartOf), R, none)
		if p.Printed > 0 {
			e.add(P, iri(ontology.Page), integer(p.Printed), none)
		}
		e.add(P, iri(ontology.PDFPage), integer(p.PDFPage), none)
		if p.Chapter >= 0 {
			e.add(P, iri(ontology.InChapter), chapter(p.Chapter), none)
		}
		e.add(P, iri(ontology.Quote), sv(p.Text), none)
	}
	for i, c := range doc.Chapters {
		C := chapter(i)
		h := doc.Passages[c.Heading]
		e.add(C, typ, iri(ontology.Chapter), none)
		e.add(C, iri(dcTitle), sv(c.Title), none)
		e.add(C, iri(ontology.ChapterNumber), integer(c.N), none)
		e.add(C, iri(dcIsPartOf), R, none)
		e.add(R, iri(dcHasPart), C, none)
		if h.Printed > 0 {
			e.add(C, iri(ontology.Page), integer(h.Printed), none)
		}
		e.add(C, iri(ontology.PDFPage), integer(h.PDFPage), none)
		e.add(C, derived, passage(c.Heading), none)
	}
	for i, x := range doc.Examples {
		X := example(i)
		h := doc.Passages[x.Heading]
		e.add(X, typ, iri(ontology.WorkedExample), none)
		e.add(X, iri(dcTitle), sv(x.Title), none)
		e.add(X, iri(dcIsPartOf), R, none)
		if h.Printed > 0 {
			e.add(X, iri(ontology.Page), integer(h.Printed), none)
		}
		if x.Chapter >= 0 {
			e.add(X, iri(ontology.InChapter), chapter(x.Chapter), none)
		}
		e.add(X, derived, passage(x.Heading), none)
	}

	// Entities: where the text names them.
	mentioned := map[[2]string]bool{}
	mention := func(id string, pi int, name string) {
		ent := kb.Entities[id]
		if ent == nil {
			return
		}
		s, g := e.id(id), passage(pi)
		e.add(s, derived, g, none)
		if ent.Entry == nil {
			// What the text alone tells of a name the lexicon lacks.
			e.add(s, typ, iri(ClassIRI(ent.Class)), g)
			e.add(s, label, sv(ent.Label), g)
			e.add(s, pref, sv(ent.Label), g)
			if ent.SFS != "" {
				e.add(s, iri(ontology.SFSNumber), term.String(ent.SFS), g)
			}
		}
		if v := variant(ent, name); v != "" && !mentioned[[2]string{id, v}] {
			mentioned[[2]string{id, v}] = true
			p := skosAlt
			if ent.Entry != nil && slices.Contains(ent.Entry.Wrong, v) {
				// A name the report gives by mistake: found by search,
				// never shown as a name of the thing.
				p = skosHidden
			}
			e.add(s, iri(p), sv(v), g)
		}
	}
	for _, m := range r.Mentions {
		if m.Entity == "" {
			continue
		}
		name := m.Name
		if m.Anaphor {
			name = ""
		}
		mention(m.Entity, m.Passage, name)
	}
	for i, x := range doc.Examples {
		for _, s := range r.Relations.Subjects[i] {
			mention(s, x.Heading, "")
		}
	}

	node := func(n Node) term.Term {
		switch n.Kind {
		case ExampleNode:
			return example(n.N)
		case ChapterNode:
			return chapter(n.N)
		case URLNode:
			return iri(n.ID)
		}
		return e.id(n.ID)
	}
	for _, f := range r.Relations.Facts {
		e.add(node(f.S), iri(f.P), node(f.O), passage(f.Passage))
	}
}

func fileBase(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// identifierProps maps identifiers.csv schemes to properties; the value is
// a literal unless the property links to another resource.
var identifierProps = []struct {
	prefix string
	prop   string
	link   bool
}{
	{"SCB länskod", ontology.SCBCountyCode, false},
	{"ISO 3166-2", ontology.ISO31662Code, false},
	{"NUTS", ontology.NUTSCode, false},
	{"Wikidata QID", owlSameAs, true},
	{"organisationsnummer", ontology.OrganisationNo, false},
	{"instruktion (SFS)", ontology.InstructionSFS, false},
	{"SFS", ontology.SFSNumber, false},
	{"ROR", skosExact, true},
	{"lagen.nu URI", rdfsSeeAlso, true},
}

// identifiers emits the verified rows of identifiers.csv, each in the graph
// of its source URL.
func (e *emitter) identifiers(rows []IdentifierRow, kb *KB) {
	var none term.Term
	for _, row := range rows {
		if !strings.HasPrefix(strings.ToLower(row.Verified), "yes") || row.Source == "" {
			continue
		}
		id, ok := identifierEntity(row, kb)
		if !ok {
			continue
		}
		var prop string
		var link bool
		for _, ip := range identifierProps {
			if row.Scheme == ip.prefix || (ip.prefix != "SFS" && strings.HasPrefix(row.Scheme, ip.prefix)) {
				prop, link = ip.prop, ip.link
				break
			}
		}
		if prop == "" {
			continue
		}
		var obj term.Term
		switch {
		case prop == owlSameAs:
			if !qidRe.MatchString(row.Value) {
				continue
			}
			obj = iri(ontology.WD + row.Value)
		case link:
			if !validIRI(row.Value) {
				continue
			}
			obj = iri(row.Value)
		default:
			obj = term.String(row.Value)
		}
		var g term.Term
		if src := strings.Fields(row.Source)[0]; validIRI(src) {
			g = e.sourceGraph(src)
		} else {
			g = iri(e.base + "source/" + Slugify(src))
			e.add(g, iri(rdfType), iri(ontology.Source), none)
			e.add(g, iri(rdfType), iri(provEntity), none)
			e.add(g, iri(dcSource), term.String(row.Source), none)
		}
		e.add(e.id(id), iri(prop), obj, g)
		e.add(e.id(id), iri(provDerived), g, none)
	}
}

// sourceGraph describes the external source at url and returns its IRI,
// which names the graph of the facts taken from it.
func (e *emitter) sourceGraph(url string) term.Term {
	g := iri(e.base + "source/" + Slugify(strings.TrimPrefix(strings.TrimPrefix(url, "https://"), "http://")))
	e.add(g, iri(rdfType), iri(ontology.Source), term.Term{})
	e.add(g, iri(rdfType), iri(provEntity), term.Term{})
	e.add(g, iri(foafPage), iri(url), term.Term{})
	return g
}

// identifierEntity finds the entity an identifiers.csv row is about: by SFS
// number for statutes, else by its name, the name without a parenthesis, the
// parenthesised alternative, or the name in its definite form.
func identifierEntity(row IdentifierRow, kb *KB) (string, bool) {
	if row.Scheme == "SFS" {
		if id, ok := kb.bySFS[row.Value]; ok {
			return id, true
		}
	}
	names := []string{row.Entity}
	if i := strings.Index(row.Entity, " ("); i > 0 && strings.HasSuffix(row.Entity, ")") {
		names = append(names, row.Entity[:i], row.Entity[i+2:len(row.Entity)-1])
	}
	for _, n := range names {
		for _, v := range []string{n, n + "en"} {
			if id, ok := kb.Find(v); ok && kb.Entities[id].Entry != nil {
				return id, true
			}
		}
	}
	return "", false
}
