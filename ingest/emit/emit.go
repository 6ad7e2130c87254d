package emit

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"kg/ingest/doc"
	"kg/ingest/register"
	"kg/ontology"
	"kg/term"
)

// Standard terms the emitter writes.
const (
	rdfType       = ontology.RDF + "type"
	rdfsLabel     = ontology.RDFS + "label"
	rdfsSeeAlso   = ontology.RDFS + "seeAlso"
	skosPref      = ontology.SKOS + "prefLabel"
	skosAlt       = ontology.SKOS + "altLabel"
	skosHidden    = ontology.SKOS + "hiddenLabel"
	skosInScheme  = ontology.SKOS + "inScheme"
	skosBroader   = ontology.SKOS + "broader"
	skosTop       = ontology.SKOS + "hasTopConcept"
	skosConcept   = ontology.SKOS + "Concept"
	skosScheme    = ontology.SKOS + "ConceptScheme"
	dcTitle       = ontology.DCTERMS + "title"
	dcPublisher   = ontology.DCTERMS + "publisher"
	dcIssued      = ontology.DCTERMS + "issued"
	dcLanguage    = ontology.DCTERMS + "language"
	dcFormat      = ontology.DCTERMS + "format"
	dcDate        = ontology.DCTERMS + "date"
	dcLicense     = ontology.DCTERMS + "license"
	dcIsPartOf    = ontology.DCTERMS + "isPartOf"
	dcHasPart     = ontology.DCTERMS + "hasPart"
	dcIdentifier  = ontology.DCTERMS + "identifier"
	provEntity    = ontology.PROV + "Entity"
	provDerived   = ontology.PROV + "wasDerivedFrom"
	foafDocument  = ontology.FOAF + "Document"
	foafPage      = ontology.FOAF + "page"
	foafMember    = ontology.FOAF + "member"
	schemaStart   = ontology.SCHEMA + "startDate"
	schemaEnd     = ontology.SCHEMA + "endDate"
	schemaDur     = ontology.SCHEMA + "duration"
	schemaValue   = ontology.SCHEMA + "value"
	schemaCurr    = ontology.SCHEMA + "currency"
	schemaUnit    = ontology.SCHEMA + "unitCode"
	schemaMoney   = ontology.SCHEMA + "MonetaryAmount"
	schemaQuant   = ontology.SCHEMA + "QuantitativeValue"
	xsdGYearMonth = ontology.XSD + "gYearMonth"
	xsdDuration   = ontology.XSD + "duration"
	langIRIPrefix = "http://id.loc.gov/vocabulary/iso639-1/"
)

// EntityIRI returns the IRI of the entity with the canonical slug id.
func EntityIRI(base, id string) string { return base + "id/" + id }

// ReportIRI returns the IRI of a document.
func ReportIRI(base string, d *doc.Doc) string { return base + "report/" + d.Meta.Slug }

// PassageIRI returns the IRI of passage p of d, which also names the graph
// of what the passage states.
func PassageIRI(base string, d *doc.Doc, p int) string {
	return ReportIRI(base, d) + "/passage/" + d.Passages[p].ID
}

// SourceIRI returns the IRI of a register's source, which also names the
// graph of the facts taken from it.
func SourceIRI(base, key string) string { return base + "source/" + key }

// FactIRI returns the IRI of the k-th fact (counted from 1 in the order of
// Doc.Facts) stated by passage p of d: the node of an amount or a share.
func FactIRI(base string, d *doc.Doc, p, k int) string {
	return base + "fact/" + d.Meta.Slug + "/" + d.Passages[p].ID + "-" + strconv.Itoa(k)
}

// ThemesIRI returns the IRI of the concept scheme of themes.
func ThemesIRI(base string) string { return base + "id/themes" }

// Emit turns annotated documents into quads: document structure and
// provenance in the default graph, what a passage states in that passage's
// graph, what a register states in its source's graph. The result is
// sorted by term.CompareQuads and free of duplicates; the same input gives
// the same quads. reg may be nil.
func Emit(base string, docs []*doc.Doc, reg *register.Registry) []term.Quad {
	e := newEmitter(base, docs, reg)
	for _, d := range docs {
		e.document(d)
	}
	for _, id := range e.order {
		e.entity(e.ents[id])
	}
	e.themeScheme()
	for _, d := range docs {
		e.relations(d)
		e.facts(d)
	}
	out := make([]term.Quad, 0, len(e.set))
	for q := range e.set {
		out = append(out, q)
	}
	slices.SortFunc(out, term.CompareQuads)
	return out
}

// emitter collects quads without duplicates.
type emitter struct {
	base   string
	set    map[term.Quad]struct{}
	reg    *register.Registry
	ents   map[string]*entity // mentioned entities by ID
	order  []string           // their IDs, first mention first
	themes map[term.Term]bool // graphs stating membership in the theme scheme
}

// entity is one mentioned thing, merged over the documents by its ID.
type entity struct {
	id    string
	class string // the first document's class, or the register's
	label string // the first document's label, or the register's
	group bool
	entry *register.Entry // nil when no register holds it
	occ   []occurrence
}

// occurrence is an entity as one document has it.
type occurrence struct {
	d *doc.Doc
	e *doc.Entity
}

func newEmitter(base string, docs []*doc.Doc, reg *register.Registry) *emitter {
	if reg == nil {
		reg = register.NewRegistry(nil, nil)
	}
	e := &emitter{
		base:   base,
		set:    make(map[term.Quad]struct{}),
		reg:    reg,
		ents:   make(map[string]*entity),
		themes: make(map[term.Term]bool),
	}
	for _, d := range docs {
		for i := range d.Entities {
			de := &d.Entities[i]
			if len(mentionPassages(d, de)) == 0 {
				continue
			}
			en := e.ents[de.ID]
			if en == nil {
				en = &entity{id: de.ID, class: de.Class, label: de.Label, group: de.Group, entry: e.entry(de.Key)}
				if x := en.entry; x != nil {
					en.label = x.Label
					switch {
					case !en.group:
						en.class = x.Class
					case x.Group != "":
						en.class = x.Group // the members' class
					}
				}
				e.ents[de.ID] = en
				e.order = append(e.order, de.ID)
			}
			en.occ = append(en.occ, occurrence{d, de})
		}
	}
	return e
}

// entry returns the register entry of a key, or nil when there is none or
// it names no source (a fact without a source is not stated).
func (e *emitter) entry(key string) *register.Entry {
	if x := e.reg.Lookup(key); x != nil && x.Source != "" {
		return x
	}
	return nil
}

func (e *emitter) add(s, p, o, g term.Term) {
	e.set[term.Quad{S: s, P: p, O: o, G: g}] = struct{}{}
}

var none term.Term // the default graph

func iri(s string) term.Term { return term.IRI(s) }

// text returns a string of a document's text, tagged with the document's
// language (Swedish unless it says otherwise).
func text(d *doc.Doc, s string) term.Term {
	if term.IsLangTag(d.Meta.Language) {
		return term.LangString(s, d.Meta.Language)
	}
	return sv(s)
}

func sv(s string) term.Term               { return term.LangString(s, "sv") }
func en(s string) term.Term               { return term.LangString(s, "en") }
func integer(n int) term.Term             { return term.Literal(strconv.Itoa(n), term.XSDInteger) }
func (e *emitter) id(id string) term.Term { return iri(EntityIRI(e.base, id)) }

// classIRI returns the ontology class of a local name.
func classIRI(class string) term.Term { return iri(ontology.NS + class) }

var (
	yearRe      = regexp.MustCompile(`^\d{4}$`)
	yearMonthRe = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])$`)
	dateRe      = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`)
	decimalRe   = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)$`)
	durationRe  = regexp.MustCompile(`^-?P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$`)
	langRe      = regexp.MustCompile(`^[a-z]{2}$`)
	localRe     = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// dateLiteral types a date by its lexical form: YYYY is an xsd:gYear,
// YYYY-MM an xsd:gYearMonth, YYYY-MM-DD an xsd:date.
func dateLiteral(s string) (term.Term, bool) {
	switch {
	case yearRe.MatchString(s):
		return term.Literal(s, term.XSDGYear), true
	case yearMonthRe.MatchString(s):
		return term.Literal(s, xsdGYearMonth), true
	case dateRe.MatchString(s):
		return term.Literal(s, term.XSDDate), true
	}
	return term.Term{}, false
}

// durationLiteral returns an xsd:duration ("P3Y", "P18M").
func durationLiteral(s string) (term.Term, bool) {
	if !durationRe.MatchString(s) || strings.HasSuffix(s, "P") || strings.HasSuffix(s, "T") {
		return term.Term{}, false
	}
	return term.Literal(s, xsdDuration), true
}

// property returns the IRI of a property named by an ontology local name
// ("servesCounty") or written out in full.
func property(name string) (term.Term, bool) {
	switch {
	case localRe.MatchString(name):
		return iri(ontology.NS + name), true
	case validIRI(name):
		return iri(name), true
	}
	return term.Term{}, false
}

// validIRI accepts absolute http(s) IRIs without characters N-Triples
// forbids.
func validIRI(u string) bool {
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return false
	}
	for _, r := range u {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) {
			return false
		}
	}
	return true
}

// passageOf returns the passage of a sentence, or false when the index is
// out of range.
func passageOf(d *doc.Doc, sentence int) (int, bool) {
	if sentence < 0 || sentence >= len(d.Sentences) {
		return 0, false
	}
	p := d.Sentences[sentence].Passage
	return p, p >= 0 && p < len(d.Passages)
}

// mentionPassages returns the passage of each mention of an entity, in the
// order of its mentions.
func mentionPassages(d *doc.Doc, de *doc.Entity) []int {
	var out []int
	for _, mi := range de.Mentions {
		if mi < 0 || mi >= len(d.Mentions) {
			continue
		}
		if p, ok := passageOf(d, d.Mentions[mi].Sentence); ok {
			out = append(out, p)
		}
	}
	return out
}

// entityOf returns the IRI of entity i of d when some document mentions
// it: only mentioned entities are described, so only they are linked.
func (e *emitter) entityOf(d *doc.Doc, i int) (term.Term, bool) {
	if i < 0 || i >= len(d.Entities) || e.ents[d.Entities[i].ID] == nil {
		return term.Term{}, false
	}
	return e.id(d.Entities[i].ID), true
}
