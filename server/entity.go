package server

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"kg/ontology"
	"kg/term"
)

// linkView is a term as a page shows it: a link (local or external) with
// its label, or a literal with its language.
type linkView struct {
	Href     string
	Text     string
	Lang     string // language of Text, for the lang attribute
	Title    string // the full IRI
	Datatype string // compact datatype of a typed literal; media type of a document link
	External bool
	Literal  bool
}

// provView is where a statement comes from: a passage of the report (page
// and quote) or an external source.
type provView struct {
	Href      string
	Label     string
	Page      string
	PDFPage   string
	Quote     string
	QuoteLang string
	SourceURL string
	Passage   bool
}

type valueView struct {
	linkView
	Prov []provView
}

type propView struct {
	Prop   linkView
	Values []valueView
	More   int // values left out
}

type stmtView struct {
	S, P, O linkView
}

type labelView struct {
	Prop string
	Text string
	Lang string
}

type entityView struct {
	IRI        string
	Path       string
	Title      string
	TitleLang  string
	Types      []linkView
	Labels     []labelView
	Props      []propView
	Incoming   []propView
	Mentions   []provView
	LinksOut   []linkView
	Passage    *provView
	Statements []stmtView
	MoreStmts  int
	Formats    []linkView
}

// Limits of what one page lists; the rest is a query away.
const (
	maxIncoming   = 100
	maxStatements = 500
)

// link renders a term.
func (s *Server) link(t term.Term) linkView {
	switch t.Kind {
	case term.KindIRI:
		v := linkView{Title: t.Value}
		if p := s.pathOf(t.Value); p != "" {
			v.Href = (&url.URL{Path: pathPart(p), Fragment: fragmentPart(p)}).String()
		} else {
			v.Href, v.External = t.Value, true
		}
		// Terms of kg's ontology are named in English as the pages are,
		// although the store holds their Swedish labels too.
		if l := ontology.Label(t.Value, "en"); l != "" && strings.HasPrefix(t.Value, ontology.NS) {
			v.Text, v.Lang = l, "en"
		} else if l := s.labelIn(t.Value, "sv"); l.Value != "" {
			v.Text, v.Lang = l.Value, "sv"
		} else if ls := s.labels[t.Value]; len(ls) > 0 {
			l := s.labelIn(t.Value, "en")
			if l.Value == "" {
				l = ls[0]
			}
			v.Text, v.Lang = l.Value, l.Lang
		} else if l := ontology.Label(t.Value, "en"); l != "" {
			v.Text, v.Lang = l, "en"
		} else {
			v.Text = s.fallbackLabel(t.Value)
		}
		return v
	case term.KindBlank:
		return linkView{Text: "_:" + t.Value}
	case term.KindLiteral:
		v := linkView{Text: t.Value, Lang: t.Lang, Literal: true}
		if t.Lang == "" && t.Datatype != term.XSDString {
			v.Datatype = s.compactIRI(t.Datatype)
		}
		return v
	}
	return linkView{}
}

func pathPart(p string) string {
	if i := strings.IndexByte(p, '#'); i >= 0 {
		return p[:i]
	}
	return p
}

func fragmentPart(p string) string {
	if i := strings.IndexByte(p, '#'); i >= 0 {
		return p[i+1:]
	}
	return ""
}

// prov describes the graph a statement is in.
func (s *Server) prov(g string) provView {
	v := provView{Href: s.link(term.IRI(g)).Href, Label: s.label(g)}
	if pi, ok := s.passages[g]; ok {
		v.Passage = true
		v.Page, v.PDFPage = pi.Page, pi.PDFPage
		v.Quote, v.QuoteLang = pi.Quote.Value, pi.Quote.Lang
		v.Label = s.fallbackLabel(g)
	} else if u := s.sourcePages[g]; u != "" {
		v.SourceURL = u
	}
	return v
}

// hidden properties are shown in their own sections of the page.
var hidden = map[string]bool{
	term.RDFType:                     true,
	ontology.PROV + "wasDerivedFrom": true,
	ontology.SKOS + "prefLabel":      true,
	ontology.RDFS + "label":          true,
	ontology.SKOS + "altLabel":       true,
	ontology.SKOS + "hiddenLabel":    true,
}

// entityHTML renders the HTML page of a resource: labels, types, every
// property with its values and, for each statement, the passages (page and
// quote) or sources stating it; incoming links; the passages the resource
// is derived from; links out; and, for a passage or source, the
// statements of its graph.
func (s *Server) entityHTML(r *http.Request, iri string) ([]byte, error) {
	v, err := s.entityView(r, iri)
	if err != nil {
		return nil, err
	}
	return s.renderBytes("entity", s.page(v.Title, v).lang(v.TitleLang).alternates(v.Formats))
}

func (s *Server) entityView(r *http.Request, iri string) (*entityView, error) {
	quads, err := s.about(r.Context(), iri)
	if err != nil {
		return nil, err
	}
	t := term.IRI(iri)
	self := s.link(t)
	v := &entityView{IRI: iri, Path: pathPart(s.pathOf(iri)), Title: self.Text, TitleLang: self.Lang}
	if v.Path == "" {
		v.Path = "/"
	}
	for _, f := range []struct{ ext, label string }{{".ttl", "Turtle"}, {".jsonld", "JSON-LD"}, {".nt", "N-Triples"}, {".rdf", "RDF/XML"}, {".nq", "N-Quads (with provenance graphs)"}} {
		v.Formats = append(v.Formats, linkView{Href: (&url.URL{Path: v.Path + f.ext}).EscapedPath(), Text: f.label, Datatype: mimeOfExt(f.ext)})
	}

	// Outgoing statements, grouped by triple with the graphs stating them.
	type stmt struct {
		p, o   term.Term
		graphs []string
	}
	var out []*stmt
	byTriple := map[[2]term.Term]*stmt{}
	incoming := map[string][]term.Term{}
	seenIn := map[term.Triple]bool{}
	var inGraph []term.Quad
	// The page shows what is stated; what the ontology's hierarchies
	// entail (every superclass, every superproperty) is left to queries.
	entailed := term.IRI(ontology.EntailedGraph(s.base))
	for _, q := range quads {
		if q.G == entailed && t != entailed {
			continue
		}
		if q.S == t {
			k := [2]term.Term{q.P, q.O}
			st := byTriple[k]
			if st == nil {
				st = &stmt{p: q.P, o: q.O}
				byTriple[k] = st
				out = append(out, st)
			}
			if !q.G.IsZero() && !slices.Contains(st.graphs, q.G.Value) {
				st.graphs = append(st.graphs, q.G.Value)
			}
		}
		if q.O == t && q.S != t && !seenIn[q.Triple()] {
			seenIn[q.Triple()] = true
			incoming[q.P.Value] = append(incoming[q.P.Value], q.S)
		}
		if q.G == t {
			inGraph = append(inGraph, q)
		}
	}
	slices.SortFunc(out, func(a, b *stmt) int {
		return cmp.Or(strings.Compare(a.p.Value, b.p.Value), term.Compare(a.o, b.o))
	})
	props := map[string]*propView{}
	var order []string
	for _, st := range out {
		p := st.p.Value
		switch {
		case p == term.RDFType:
			v.Types = append(v.Types, s.link(st.o))
			continue
		case p == ontology.SKOS+"prefLabel" || p == ontology.RDFS+"label" || p == ontology.SKOS+"altLabel" || p == ontology.SKOS+"hiddenLabel":
			v.Labels = append(v.Labels, labelView{Prop: s.compactIRI(p), Text: st.o.Value, Lang: st.o.Lang})
			continue
		case p == ontology.PROV+"wasDerivedFrom" && st.o.IsIRI():
			v.Mentions = append(v.Mentions, s.prov(st.o.Value))
			continue
		}
		if hidden[p] {
			continue
		}
		pv := props[p]
		if pv == nil {
			pv = &propView{Prop: s.link(st.p)}
			props[p] = pv
			order = append(order, p)
		}
		val := valueView{linkView: s.link(st.o)}
		slices.SortFunc(st.graphs, s.passageOrder)
		for _, g := range st.graphs {
			val.Prov = append(val.Prov, s.prov(g))
		}
		pv.Values = append(pv.Values, val)
		if lo, ok := s.linkOut(p, st.o); ok {
			v.LinksOut = append(v.LinksOut, lo)
		}
	}
	for _, p := range order {
		v.Props = append(v.Props, *props[p])
	}
	slices.SortFunc(v.Mentions, func(a, b provView) int {
		return cmp.Or(cmp.Compare(boolRank(!a.Passage), boolRank(!b.Passage)), naturalCompare(a.PDFPage, b.PDFPage), naturalCompare(a.Href, b.Href))
	})

	inProps := make([]string, 0, len(incoming))
	for p := range incoming {
		inProps = append(inProps, p)
	}
	slices.Sort(inProps)
	for _, p := range inProps {
		subjects := incoming[p]
		slices.SortFunc(subjects, func(a, b term.Term) int {
			return cmp.Or(strings.Compare(fold(s.label(a.Value)), fold(s.label(b.Value))), term.Compare(a, b))
		})
		pv := propView{Prop: s.link(term.IRI(p))}
		for i, sub := range subjects {
			if i == maxIncoming {
				pv.More = len(subjects) - i
				break
			}
			pv.Values = append(pv.Values, valueView{linkView: s.link(sub)})
		}
		v.Incoming = append(v.Incoming, pv)
	}

	if _, ok := s.passages[iri]; ok {
		pv := s.prov(iri)
		v.Passage = &pv
	}
	slices.SortFunc(inGraph, term.CompareTriplesFirst)
	for i, q := range inGraph {
		if i == maxStatements {
			v.MoreStmts = len(inGraph) - i
			break
		}
		v.Statements = append(v.Statements, stmtView{S: s.link(q.S), P: s.link(q.P), O: s.link(q.O)})
	}
	return v, nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

func mimeOfExt(ext string) string {
	for _, o := range rdfOffers {
		if extensionOf(o.format) == ext {
			return o.mediaType
		}
	}
	return ""
}

// linkNames name the links out of the datasets kg links to by their IRIs.
var linkNames = []struct{ prefix, name, suffix string }{
	{"http://data.europa.eu/nuts/code/", "NUTS", ""},
	{"http://data.europa.eu/eli/", "ELI", ""},
	{"https://rkrattsbaser.gov.se/sfst?bet=", "SFS", " (rkrattsbaser.gov.se)"},
	{"https://lagen.nu/", "SFS", " (lagen.nu)"},
}

// linkOut turns identifiers and same-as links into links to the
// registries that define them.
func (s *Server) linkOut(p string, o term.Term) (linkView, bool) {
	code := url.PathEscape(o.Value)
	switch p {
	case ontology.OWL + "sameAs", ontology.SCHEMA + "sameAs", ontology.SKOS + "exactMatch", ontology.SKOS + "closeMatch", ontology.RDFS + "seeAlso", ontology.FOAF + "page":
		if !o.IsIRI() || s.pathOf(o.Value) != "" {
			return linkView{}, false
		}
		if id, ok := strings.CutPrefix(o.Value, ontology.WD); ok {
			return linkView{Href: "https://www.wikidata.org/wiki/" + url.PathEscape(id), Text: "Wikidata " + id, External: true, Title: o.Value}, true
		}
		for _, n := range linkNames {
			if id, ok := strings.CutPrefix(o.Value, n.prefix); ok {
				return linkView{Href: o.Value, Text: n.name + " " + id + n.suffix, External: true, Title: o.Value}, true
			}
		}
		return linkView{Href: o.Value, Text: o.Value, External: true, Title: o.Value}, true
	// NUTS codes and SFS numbers are links in the graph (schema:sameAs
	// the NUTS region, foaf:page the statute), shown as such above.
	case ontology.NS + "instructionSFS", ontology.NS + "sfsAmendment":
		return linkView{Href: "https://lagen.nu/" + code, Text: "SFS " + o.Value + " (lagen.nu)", External: true}, true
	case ontology.NS + "scbCountyCode":
		return linkView{Href: "https://www.scb.se/hitta-statistik/regional-statistik-och-kartor/regionala-indelningar/lan-och-kommuner/", Text: "SCB county code " + o.Value, External: true}, true
	case ontology.NS + "iso3166_2":
		return linkView{Href: "https://www.iso.org/obp/ui/#iso:code:3166:SE", Text: "ISO 3166-2 " + o.Value, External: true}, true
	}
	return linkView{}, false
}
