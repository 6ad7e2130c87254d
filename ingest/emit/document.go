package emit

import (
	"strconv"
	"strings"

	"kg/ingest/doc"
	"kg/ontology"
	"kg/term"
)

// mediaTypes gives the media type of each Meta.Format.
var mediaTypes = map[string]string{
	"text": "text/plain",
	"html": "text/html",
	"pdf":  "application/pdf",
}

// document emits a document's structure in the default graph: the report,
// its passages, chapters, worked examples and links.
func (e *emitter) document(d *doc.Doc) {
	R := iri(ReportIRI(e.base, d))
	e.report(R, d)
	for i := range d.Passages {
		e.passage(R, d, i)
	}
	for i := range d.Chapters {
		e.chapter(R, d, i)
	}
	for i := range d.Examples {
		e.example(R, d, i)
	}
	e.footnotes(d)
}

func (e *emitter) report(R term.Term, d *doc.Doc) {
	m := d.Meta
	typ := iri(rdfType)
	e.add(R, typ, iri(ontology.Report), none)
	e.add(R, typ, iri(foafDocument), none)
	e.add(R, typ, iri(provEntity), none)
	if m.Title != "" {
		e.add(R, iri(dcTitle), text(d, m.Title), none)
	}
	if m.Publisher != "" {
		e.add(R, iri(dcPublisher), text(d, m.Publisher), none)
	}
	if lit, ok := dateLiteral(m.Issued); ok {
		e.add(R, iri(dcIssued), lit, none)
	} else if m.Issued != "" {
		e.add(R, iri(dcIssued), term.String(m.Issued), none)
	}
	if langRe.MatchString(m.Language) {
		e.add(R, iri(dcLanguage), iri(langIRIPrefix+m.Language), none)
	}
	if validIRI(m.URL) {
		e.add(R, iri(foafPage), iri(m.URL), none)
	}
	if mt := mediaTypes[m.Format]; mt != "" {
		e.add(R, iri(dcFormat), term.String(mt), none)
	}
	if m.File != "" {
		e.add(R, iri(dcIdentifier), term.String(fileBase(m.File)), none)
	}
}

func (e *emitter) passage(R term.Term, d *doc.Doc, i int) {
	p := d.Passages[i]
	P := iri(PassageIRI(e.base, d, i))
	e.add(P, iri(rdfType), iri(ontology.Passage), none)
	e.add(P, iri(rdfType), iri(provEntity), none)
	e.add(P, iri(dcIsPartOf), R, none)
	if p.Printed > 0 {
		e.add(P, iri(ontology.Page), integer(p.Printed), none)
	}
	e.add(P, iri(ontology.PDFPage), integer(p.Page), none)
	if C, ok := e.chapterOf(d, p.Chapter); ok {
		e.add(P, iri(ontology.InChapter), C, none)
	}
	e.add(P, iri(ontology.Quote), text(d, p.Text), none)
	for _, l := range p.Links {
		if validIRI(l.URL) {
			e.add(P, iri(rdfsSeeAlso), iri(l.URL), none)
		}
	}
}

// chapterOf returns the IRI of chapter c of d, or false for -1.
func (e *emitter) chapterOf(d *doc.Doc, c int) (term.Term, bool) {
	if c < 0 || c >= len(d.Chapters) {
		return term.Term{}, false
	}
	return iri(ReportIRI(e.base, d) + "/chapter/" + strconv.Itoa(d.Chapters[c].N)), true
}

func (e *emitter) chapter(R term.Term, d *doc.Doc, i int) {
	c := d.Chapters[i]
	C, _ := e.chapterOf(d, i)
	e.add(C, iri(rdfType), iri(ontology.Chapter), none)
	e.add(C, iri(dcTitle), text(d, c.Title), none)
	e.add(C, iri(ontology.ChapterNumber), integer(c.N), none)
	e.add(C, iri(dcIsPartOf), R, none)
	e.add(R, iri(dcHasPart), C, none)
	if c.Heading < 0 || c.Heading >= len(d.Passages) {
		return
	}
	h := d.Passages[c.Heading]
	if h.Printed > 0 {
		e.add(C, iri(ontology.Page), integer(h.Printed), none)
	}
	e.add(C, iri(ontology.PDFPage), integer(h.Page), none)
	e.add(C, iri(provDerived), iri(PassageIRI(e.base, d, c.Heading)), none)
}

// example emits a worked example: its title, page and chapter from its
// heading, the regions of its heading, and the pages its footnotes cite.
func (e *emitter) example(R term.Term, d *doc.Doc, i int) {
	x := d.Examples[i]
	X := iri(ReportIRI(e.base, d) + "/example/" + x.Slug)
	e.add(X, iri(rdfType), iri(ontology.WorkedExample), none)
	e.add(X, iri(dcTitle), text(d, x.Title), none)
	e.add(X, iri(dcIsPartOf), R, none)
	if C, ok := e.chapterOf(d, x.Chapter); ok {
		e.add(X, iri(ontology.InChapter), C, none)
	}
	if x.Heading < 0 || x.Heading >= len(d.Passages) {
		return
	}
	H := iri(PassageIRI(e.base, d, x.Heading))
	if p := d.Passages[x.Heading].Printed; p > 0 {
		e.add(X, iri(ontology.Page), integer(p), none)
	}
	e.add(X, iri(provDerived), H, none)
	for _, region := range e.exampleRegions(d, x) {
		e.add(X, iri(ontology.InvolvesRegion), region, H)
	}
	for _, s := range e.mentionedIn(d, x.Heading, "example:title") {
		e.add(X, iri(ontology.Features), s, H)
	}
	if x.Chapter >= 0 && x.Chapter < len(d.Chapters) {
		ch := d.Chapters[x.Chapter].Heading
		for _, t := range e.mentionedIn(d, ch, "") {
			if en := e.ents[lastSegment(t.Value)]; en != nil && en.class == "Theme" {
				e.add(X, iri(ontology.HasTheme), t, iri(PassageIRI(e.base, d, ch)))
			}
		}
	}
	byNumber := make(map[int]doc.Footnote, len(d.Footnotes))
	for _, f := range d.Footnotes {
		byNumber[f.N] = f
	}
	for _, pi := range append([]int{x.Heading}, x.Passages...) {
		if pi < 0 || pi >= len(d.Passages) {
			continue
		}
		for _, n := range d.Passages[pi].Footnotes {
			f, ok := byNumber[n]
			if ok && validIRI(f.URL) && f.Passage >= 0 && f.Passage < len(d.Passages) {
				e.add(X, iri(foafPage), iri(f.URL), iri(PassageIRI(e.base, d, f.Passage)))
			}
		}
	}
}

// mentionedIn returns the entities mentioned in a passage, by the rule
// given ("" for any).
func (e *emitter) mentionedIn(d *doc.Doc, pi int, rule string) []term.Term {
	var out []term.Term
	for _, m := range d.Mentions {
		if p, ok := passageOf(d, m.Sentence); !ok || p != pi || m.Entity < 0 || m.Entity >= len(d.Entities) {
			continue
		}
		if rule != "" && m.Rule != rule {
			continue
		}
		if en := e.ents[d.Entities[m.Entity].ID]; en != nil {
			out = append(out, e.id(en.id))
		}
	}
	return out
}

func lastSegment(s string) string { return s[strings.LastIndexByte(s, '/')+1:] }

// exampleRegions returns the regions a worked example's heading names. The
// printed list (Example.Regions) is linked only through what the
// recogniser found in the heading: region mentions inside the
// parenthesised list when the heading has one, else anywhere in it.
// Groups ("samtliga regioner") are not regions.
func (e *emitter) exampleRegions(d *doc.Doc, x doc.Example) []term.Term {
	open := -1
	if len(x.Regions) > 0 {
		open = strings.LastIndex(d.Passages[x.Heading].Text, "(")
	}
	var out []term.Term
	for _, m := range d.Mentions {
		if p, ok := passageOf(d, m.Sentence); !ok || p != x.Heading || m.Start < open {
			continue
		}
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			continue
		}
		en := e.ents[d.Entities[m.Entity].ID]
		if en == nil || en.group || !ontology.IsSubClassOf(ontology.NS+en.class, ontology.Region) {
			continue
		}
		out = append(out, e.id(en.id))
	}
	return out
}

// footnotes links a footnote's passage, and the passage carrying its
// marker, to the page the footnote cites.
func (e *emitter) footnotes(d *doc.Doc) {
	for _, f := range d.Footnotes {
		if !validIRI(f.URL) {
			continue
		}
		for _, pi := range []int{f.Passage, f.Anchor} {
			if pi >= 0 && pi < len(d.Passages) {
				e.add(iri(PassageIRI(e.base, d, pi)), iri(rdfsSeeAlso), iri(f.URL), none)
			}
		}
	}
}

func fileBase(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
