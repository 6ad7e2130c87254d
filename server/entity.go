package server

import (
	"cmp"
	"context"
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
// and quote) or a source, by its title. A page quotes each passage once:
// where it comes again, Seen is set and it links to the quote.
type provView struct {
	Href      string
	Label     string
	Page      string
	PDFPage   string
	Quote     string
	QuoteLang string
	Anchor    string // id of the quote on the page
	Passage   bool
	Seen      bool
}

type valueView struct {
	linkView
	Prov []provView
}

type propView struct {
	Prop    linkView
	Heading string // replaces the property's label, for the leading relations
	ID      string
	Values  []valueView
	More    int // values left out
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
	IRI       string
	Path      string
	Title     string
	TitleLang string
	Types     []linkView
	Kinds     []linkView  // the top classes of the ontology it is an instance of
	Idents    []propView  // identifiers: literals other registers mint
	LinksOut  []valueView // the IRIs of other datasets it is linked to
	// SummarySources state every identifier and link out, when all
	// have the same sources: they are named once.
	SummarySources []provView
	Lead           []propView // what matters most for its kind (a mandate's holders …)
	Relations      []propView // other things it is related to
	Facts          []propView // other literal values
	Names          []labelView
	OtherNames     []labelView
	Incoming       []propView
	Mentions       []provView
	Passage        *provView
	Statements     []stmtView
	MoreStmts      int
	Formats        []linkView
}

// Limits of what one page lists; the rest is a query away.
const (
	maxIncoming   = 100
	maxStatements = 500
)

// link renders a term with Swedish labels.
func (s *Server) link(t term.Term) linkView { return s.linkIn(t, langSV) }

// linkIn renders a term with its label in lang where it has one, else in
// the other language, else any label; terms of kg's ontology and of the
// vocabularies it uses are named by their labels too.
func (g *graphData) linkIn(t term.Term, lang string) linkView {
	switch t.Kind {
	case term.KindIRI:
		v := linkView{Title: t.Value}
		if p := g.s.pathOf(t.Value); p != "" {
			v.Href = (&url.URL{Path: pathPart(p), Fragment: fragmentPart(p)}).String()
		} else {
			v.Href, v.External = t.Value, true
		}
		other := otherLang(lang)
		if strings.HasPrefix(t.Value, ontology.NS) {
			if l := ontology.Label(t.Value, lang); l != "" {
				v.Text, v.Lang = l, lang
			} else if l := ontology.Label(t.Value, other); l != "" {
				v.Text, v.Lang = l, other
			}
		}
		if v.Text != "" {
			return v
		}
		if l := g.labelIn(t.Value, lang); l.Value != "" {
			v.Text, v.Lang = l.Value, lang
		} else if l := g.labelIn(t.Value, other); l.Value != "" {
			v.Text, v.Lang = l.Value, other
		} else if ls := g.labels[t.Value]; len(ls) > 0 {
			v.Text, v.Lang = ls[0].Value, ls[0].Lang
		} else if l, ok := vocabLabel(t.Value, lang); ok {
			v.Text, v.Lang = l, lang
		} else if id, ok := strings.CutPrefix(t.Value, ontology.WD); ok && id != "" {
			v.Text = "Wikidata " + id
		} else if pi, ok := g.passages[t.Value]; ok {
			v.Text, v.Lang = translate(lang, "Passage, p. %s", pi.Page), lang
			if pi.Page == "" {
				v.Text = translate(lang, "Passage, PDF p. %s", pi.PDFPage)
			}
		} else {
			v.Text = g.fallbackLabel(t.Value)
		}
		return v
	case term.KindBlank:
		return linkView{Text: "_:" + t.Value}
	case term.KindLiteral:
		v := linkView{Text: t.Value, Lang: t.Lang, Literal: true}
		if t.Lang == "" && t.Datatype != term.XSDString {
			v.Datatype = g.s.compactIRI(t.Datatype)
			if l, ok := vocabLabel(t.Datatype, lang); ok {
				v.Datatype = l
			}
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

// prov describes the graph a statement is in: a passage with its page
// and quote, or a source by its title.
func (s *Server) prov(g, lang string) provView {
	src := s.linkIn(term.IRI(g), lang)
	v := provView{Href: src.Href, Label: src.Text}
	if pi, ok := s.data().passages[g]; ok {
		v.Passage = true
		v.Page, v.PDFPage = pi.Page, pi.PDFPage
		v.Quote, v.QuoteLang = pi.Quote.Value, pi.Quote.Lang
		v.Label = s.fallbackLabel(g)
		v.Anchor = "q-" + strings.ReplaceAll(strings.TrimPrefix(g, s.base+"report/"), "/", "-")
	}
	return v
}

// provs describes the graphs of a statement, passages in report order.
func (s *Server) provs(graphs []string, lang string) []provView {
	slices.SortFunc(graphs, s.passageOrder)
	out := make([]provView, 0, len(graphs))
	for _, g := range graphs {
		out = append(out, s.prov(g, lang))
	}
	return out
}

// entityHTML renders the HTML page of a resource in the language the
// request asks for: a summary (what it is, its identifiers and links
// out), the relations that matter most for its kind, the others grouped
// by property, each with the passages (page and quote, each quoted once)
// or sources stating it; its names; the passages it is derived from;
// incoming links; and, for a passage or source, the statements of its
// graph.
func (s *Server) entityHTML(r *http.Request, iri string) ([]byte, error) {
	lang := requestLang(r)
	v, err := s.entityView(r.Context(), iri, lang)
	if err != nil {
		return nil, err
	}
	return s.renderBytes("entity", s.page(v.Title, v).lang(v.TitleLang).alternates(v.Formats).in(r, lang).withMap(s.data().visuals.regionMap(iri, lang)))
}

// stmt is a triple of the page's resource with the graphs stating it;
// for an incoming link, o is the subject.
type stmt struct {
	p, o   term.Term
	graphs []string
}

// gather sorts the quads about t into its statements, the statements
// linking to it (by property) and the statements of its graph.
func (s *Server) gather(t term.Term, quads []term.Quad) (out []*stmt, in map[string][]*stmt, inGraph []term.Quad) {
	byTriple := map[[3]term.Term]*stmt{}
	in = map[string][]*stmt{}
	add := func(k [3]term.Term, p, o term.Term, g term.Term, incoming bool) {
		st := byTriple[k]
		if st == nil {
			st = &stmt{p: p, o: o}
			byTriple[k] = st
			if incoming {
				in[p.Value] = append(in[p.Value], st)
			} else {
				out = append(out, st)
			}
		}
		if !g.IsZero() && !slices.Contains(st.graphs, g.Value) {
			st.graphs = append(st.graphs, g.Value)
		}
	}
	// The page shows what is stated; what the ontology's hierarchies
	// entail (every superclass, every superproperty) is left to queries.
	entailed := term.IRI(ontology.EntailedGraph(s.base))
	for _, q := range quads {
		if q.G == entailed && t != entailed {
			continue
		}
		if q.S == t {
			add([3]term.Term{q.S, q.P, q.O}, q.P, q.O, q.G, false)
		}
		if q.O == t && q.S != t {
			add([3]term.Term{q.S, q.P, q.O}, q.P, q.S, q.G, true)
		}
		if q.G == t {
			inGraph = append(inGraph, q)
		}
	}
	slices.SortFunc(out, func(a, b *stmt) int {
		return cmp.Or(strings.Compare(a.p.Value, b.p.Value), term.Compare(a.o, b.o))
	})
	for _, sts := range in {
		slices.SortFunc(sts, func(a, b *stmt) int {
			return cmp.Or(strings.Compare(fold(s.label(a.o.Value)), fold(s.label(b.o.Value))), term.Compare(a.o, b.o))
		})
	}
	slices.SortFunc(inGraph, term.CompareTriplesFirst)
	return out, in, inGraph
}

// leads are the relations a page of a kind shows first: a mandate's
// holders and the laws conferring it, a law's mandates.
var leads = []struct {
	id, class, prop string
	incoming        bool
	heading         string
}{
	{"holders", ontology.Mandate, ontology.NS + "holdsMandate", true, "Held by"},
	{"conferred-by", ontology.Mandate, ontology.NS + "confers", true, "Conferred by"},
	{"confers", ontology.Law, ontology.NS + "confers", false, "Confers"},
}

// leadOf returns the index in leads of the relation p (incoming or not)
// of a thing with the given types, or -1.
func leadOf(types []string, p string, incoming bool) int {
	for i, l := range leads {
		if l.prop != p || l.incoming != incoming {
			continue
		}
		for _, c := range types {
			if c == l.class || ontology.IsSubClassOf(c, l.class) {
				return i
			}
		}
	}
	return -1
}

func (s *Server) entityView(ctx context.Context, iri, lang string) (*entityView, error) {
	quads, err := s.about(ctx, iri)
	if err != nil {
		return nil, err
	}
	t := term.IRI(iri)
	self := s.linkIn(t, lang)
	v := &entityView{IRI: iri, Path: pathPart(s.pathOf(iri)), Title: self.Text, TitleLang: self.Lang}
	if v.Path == "" {
		v.Path = "/"
	}
	for _, f := range []struct{ ext, label string }{{".ttl", "Turtle"}, {".jsonld", "JSON-LD"}, {".nt", "N-Triples"}, {".rdf", "RDF/XML"}, {".nq", "N-Quads (with provenance graphs)"}} {
		v.Formats = append(v.Formats, linkView{Href: (&url.URL{Path: v.Path + f.ext}).EscapedPath(), Text: translate(lang, f.label), Datatype: mimeOfExt(f.ext)})
	}
	out, in, inGraph := s.gather(t, quads)
	lead := make([]*propView, len(leads))
	s.outgoing(v, out, lead, lang)
	s.incoming(v, in, lead, lang)
	for _, l := range lead {
		if l != nil {
			v.Lead = append(v.Lead, *l)
		}
	}
	v.Kinds = s.kinds(iri, lang)
	if _, ok := s.data().passages[iri]; ok {
		pv := s.prov(iri, lang)
		v.Passage = &pv
	}
	for i, q := range inGraph {
		if i == maxStatements {
			v.MoreStmts = len(inGraph) - i
			break
		}
		v.Statements = append(v.Statements, stmtView{S: s.linkIn(q.S, lang), P: s.linkIn(q.P, lang), O: s.linkIn(q.O, lang)})
	}
	v.hoistSources()
	v.quoteOnce()
	return v, nil
}

// hoistSources names the sources of the summary once when every
// identifier and link out has the same ones.
func (v *entityView) hoistSources() {
	var vals []*valueView
	for i := range v.Idents {
		for j := range v.Idents[i].Values {
			vals = append(vals, &v.Idents[i].Values[j])
		}
	}
	for i := range v.LinksOut {
		vals = append(vals, &v.LinksOut[i])
	}
	if len(vals) < 2 {
		return
	}
	same := func(a, b []provView) bool {
		return slices.EqualFunc(a, b, func(x, y provView) bool { return x.Href == y.Href && !x.Passage && !y.Passage })
	}
	first := vals[0].Prov
	for _, val := range vals {
		if len(val.Prov) == 0 || !same(val.Prov, first) {
			return
		}
	}
	v.SummarySources = first
	for _, val := range vals {
		val.Prov = nil
	}
}

// isIdentifier reports whether p states an identifier.
func isIdentifier(p string) bool {
	return p == ontology.DCTERMS+"identifier" || p == ontology.ELI+"id_local" || ontology.IsSubPropertyOf(p, ontology.DCTERMS+"identifier")
}

// outgoing sorts the resource's statements into the sections of its page.
func (s *Server) outgoing(v *entityView, out []*stmt, lead []*propView, lang string) {
	props := map[string]*propView{}
	var order []string
	seenName := map[labelView]bool{}
	types := s.data().types[v.IRI]
	_, isPassage := s.data().passages[v.IRI]
	for _, st := range out {
		p := st.p.Value
		switch {
		case isPassage && (p == ontology.NS+"quote" || p == ontology.NS+"page" || p == ontology.NS+"pdfPage"):
			continue // the passage's own section shows them
		case p == term.RDFType:
			v.Types = append(v.Types, s.linkIn(st.o, lang))
			continue
		case p == ontology.SKOS+"prefLabel" || p == ontology.RDFS+"label" || p == ontology.SKOS+"altLabel":
			l := labelView{Text: st.o.Value, Lang: st.o.Lang}
			if !seenName[l] {
				seenName[l] = true
				if p == ontology.SKOS+"altLabel" {
					v.OtherNames = append(v.OtherNames, l)
				} else {
					v.Names = append(v.Names, l)
				}
			}
			continue
		case p == ontology.SKOS+"hiddenLabel":
			continue // a misprint, for search only
		case p == ontology.PROV+"wasDerivedFrom" && st.o.IsIRI():
			v.Mentions = append(v.Mentions, s.prov(st.o.Value, lang))
			continue
		}
		if lo, ok := s.linkOut(p, st.o); ok {
			v.LinksOut = append(v.LinksOut, valueView{linkView: lo, Prov: s.provs(st.graphs, lang)})
			continue
		}
		val := valueView{linkView: s.linkIn(st.o, lang), Prov: s.provs(st.graphs, lang)}
		if i := leadOf(types, p, false); i >= 0 {
			if lead[i] == nil {
				lead[i] = &propView{Prop: s.linkIn(st.p, lang), Heading: translate(lang, leads[i].heading), ID: leads[i].id}
			}
			lead[i].Values = append(lead[i].Values, val)
			continue
		}
		key := "relation " + p
		if st.o.IsLiteral() {
			key = "fact " + p
			if isIdentifier(p) {
				key = "ident " + p
			}
		}
		pv := props[key]
		if pv == nil {
			pv = &propView{Prop: s.linkIn(st.p, lang)}
			props[key] = pv
			order = append(order, key)
		}
		pv.Values = append(pv.Values, val)
	}
	// Names seen as labels are not repeated among the other names; the
	// names in the page's language come first.
	v.OtherNames = slices.DeleteFunc(v.OtherNames, func(l labelView) bool { return slices.Contains(v.Names, l) })
	slices.SortStableFunc(v.Names, func(a, b labelView) int { return boolRank(a.Lang != lang) - boolRank(b.Lang != lang) })
	// Relations and facts in the order of their properties' names.
	slices.SortStableFunc(order, func(a, b string) int { return strings.Compare(fold(props[a].Prop.Text), fold(props[b].Prop.Text)) })
	for _, key := range order {
		switch kind, _, _ := strings.Cut(key, " "); kind {
		case "ident":
			v.Idents = append(v.Idents, *props[key])
		case "fact":
			v.Facts = append(v.Facts, *props[key])
		default:
			v.Relations = append(v.Relations, *props[key])
		}
	}
	slices.SortFunc(v.Mentions, func(a, b provView) int {
		return cmp.Or(cmp.Compare(boolRank(!a.Passage), boolRank(!b.Passage)), naturalCompare(a.PDFPage, b.PDFPage), naturalCompare(a.Href, b.Href))
	})
}

// incoming lists the statements linking to the resource by property; the
// leading ones with their provenance.
func (s *Server) incoming(v *entityView, in map[string][]*stmt, lead []*propView, lang string) {
	props := make([]string, 0, len(in))
	for p := range in {
		props = append(props, p)
	}
	slices.Sort(props)
	types := s.data().types[v.IRI]
	for _, p := range props {
		if i := leadOf(types, p, true); i >= 0 {
			pv := &propView{Prop: s.linkIn(term.IRI(p), lang), Heading: translate(lang, leads[i].heading), ID: leads[i].id}
			for _, st := range in[p] {
				pv.Values = append(pv.Values, valueView{linkView: s.linkIn(st.o, lang), Prov: s.provs(st.graphs, lang)})
			}
			lead[i] = pv
			continue
		}
		pv := propView{Prop: s.linkIn(term.IRI(p), lang)}
		for i, st := range in[p] {
			if i == maxIncoming {
				pv.More = len(in[p]) - i
				break
			}
			pv.Values = append(pv.Values, valueView{linkView: s.linkIn(st.o, lang)})
		}
		v.Incoming = append(v.Incoming, pv)
	}
}

// kinds returns the top classes of the ontology the resource's stated
// types fall under (a region is an actor), when they are not among its
// types already.
func (s *Server) kinds(iri, lang string) []linkView {
	var out []linkView
	seen := map[string]bool{}
	for _, c := range s.data().types[iri] {
		for _, g := range browseGroups {
			for _, top := range g.tops {
				if c != top && ontology.IsSubClassOf(c, top) && !seen[top] && !slices.Contains(s.data().types[iri], top) {
					seen[top] = true
					out = append(out, s.linkIn(term.IRI(top), lang))
				}
			}
		}
	}
	return out
}

// quoteOnce quotes each passage where the page first cites it; later
// citations link to that quote.
func (v *entityView) quoteOnce() {
	seen := map[string]bool{}
	mark := func(ps []provView) {
		for i := range ps {
			if !ps[i].Passage {
				continue
			}
			ps[i].Seen = seen[ps[i].Anchor]
			seen[ps[i].Anchor] = true
		}
	}
	for _, group := range [][]propView{v.Idents, v.Lead, v.Relations, v.Facts} {
		for _, pv := range group {
			for _, val := range pv.Values {
				mark(val.Prov)
			}
		}
	}
	mark(v.Mentions)
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

// linkOut names the IRIs of other datasets that the graph links the
// resource to (owl:sameAs, schema:sameAs, foaf:page …). Each link out a
// page shows is such a triple; none is made from a code alone.
func (s *Server) linkOut(p string, o term.Term) (linkView, bool) {
	switch p {
	case ontology.OWL + "sameAs", ontology.SCHEMA + "sameAs", ontology.SKOS + "exactMatch", ontology.SKOS + "closeMatch", ontology.RDFS + "seeAlso", ontology.FOAF + "page":
		if !o.IsIRI() || s.pathOf(o.Value) != "" {
			return linkView{}, false
		}
		if id, ok := strings.CutPrefix(o.Value, ontology.WD); ok {
			return linkView{Href: o.Value, Text: "Wikidata " + id, External: true, Title: o.Value}, true
		}
		for _, n := range linkNames {
			if id, ok := strings.CutPrefix(o.Value, n.prefix); ok {
				return linkView{Href: o.Value, Text: n.name + " " + id + n.suffix, External: true, Title: o.Value}, true
			}
		}
		return linkView{Href: o.Value, Text: o.Value, External: true, Title: o.Value}, true
	}
	return linkView{}, false
}
