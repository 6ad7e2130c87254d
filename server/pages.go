package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"kg/ontology"
	"kg/sparql/algebra"
	"kg/term"
)

//go:embed templates/*.html templates/*.part static/*
var assets embed.FS

// queryScript is the one inline script: Ctrl+Enter runs the query, and
// choosing an example puts its text in the editor instead of running it.
// The page works without it. Its hash is in the Content-Security-Policy,
// so its text must not change without the hash (computed here) changing.
const queryScript = `(function () {
  var editor = document.getElementById("query-editor");
  if (!editor) return;
  editor.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (editor.form.requestSubmit) editor.form.requestSubmit(); else editor.form.submit();
    }
  });
  document.querySelectorAll("#examples .example-load").forEach(function (a) {
    a.addEventListener("click", function (e) {
      var text = document.getElementById(a.getAttribute("data-for"));
      if (!text) return;
      e.preventDefault();
      editor.value = text.textContent;
      editor.focus();
    });
  });
})();`

var scriptHash = func() string {
	h := sha256.Sum256([]byte(queryScript))
	return "sha256-" + base64.StdEncoding.EncodeToString(h[:])
}()

// templates holds the pages by language and name; the function t
// translates an interface string into the language of the set.
var templates = func() map[string]map[string]*template.Template {
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]map[string]*template.Template{}
	for _, lang := range pageLanguages {
		funcs := template.FuncMap{
			"add": func(a, b int) int { return a + b },
			"t":   func(key string, args ...any) string { return translate(lang, key, args...) },
		}
		out[lang] = map[string]*template.Template{}
		for _, n := range names {
			name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
			if name == "layout" {
				continue
			}
			out[lang][name] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/*.part", n))
		}
	}
	return out
}()

// pageView is what the layout needs around a page's main content.
type pageView struct {
	Lang       string   // language of the interface
	Switch     linkView // the same page in the other language
	MainLang   string   // language of the main content when it is not Lang
	Title      string
	TitleLang  string
	Search     string
	Section    string
	Alternates []linkView
	Script     template.JS
	Catalogue  bool // the DCAT record is served
	Main       any
	RegionMap  *mapView // a region's small map, after the main content
}

func (s *Server) page(title string, main any) *pageView {
	return &pageView{Title: title, Main: main}
}

// in sets the language of the page and its switch link.
func (p *pageView) in(r *http.Request, lang string) *pageView {
	p.Lang, p.Switch = lang, switchLink(r, lang)
	return p
}

func (p *pageView) lang(l string) *pageView { p.TitleLang = l; return p }

func (p *pageView) alternates(ls []linkView) *pageView { p.Alternates = ls; return p }

func (s *Server) render(w io.Writer, name string, p *pageView) error {
	if p.Lang == "" {
		p.Lang = defaultLang
	}
	t, ok := templates[p.Lang][name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}
	if p.Section == "" {
		p.Section = name // marks the navigation link of this page
	}
	p.Catalogue = s.catalogErr == nil
	return t.ExecuteTemplate(w, "layout.html", p)
}

func (s *Server) renderBytes(name string, p *pageView) ([]byte, error) {
	var b bytes.Buffer
	if err := s.render(&b, name, p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// servePage renders a page and sends it with a strong ETag.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, name string, p *pageView) error {
	var b bytes.Buffer
	if err := s.render(&b, name, p); err != nil {
		return err
	}
	s.serveBytes(w, r, "text/html; charset=utf-8", b.Bytes())
	return nil
}

// static serves the compiled-in assets; there is no file system path.
func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimPrefix(r.URL.Path, "/")
	b, err := assets.ReadFile(name)
	if err != nil || strings.Contains(name[len("static/"):], "/") {
		return errorf(http.StatusNotFound, "no such file")
	}
	ct := "application/octet-stream"
	switch {
	case strings.HasSuffix(name, ".css"):
		ct = "text/css; charset=utf-8"
	case strings.HasSuffix(name, ".svg"):
		ct = "image/svg+xml"
	case strings.HasSuffix(name, ".js"):
		ct = "text/javascript; charset=utf-8"
	case strings.HasSuffix(name, ".txt"):
		ct = "text/plain; charset=utf-8"
	}
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=3600")
	if z := staticGzip(name, b); z != nil {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			h.Set("Content-Encoding", "gzip")
			h.Set("ETag", strings.TrimSuffix(etag(z), `"`)+`-gzip"`)
			b = z
		}
	}
	s.serveBytes(w, r, ct, b)
	return nil
}

func (s *Server) robots(w http.ResponseWriter, r *http.Request) error {
	s.serveBytes(w, r, "text/plain; charset=utf-8", []byte("User-agent: *\nDisallow: /sparql\nDisallow: /query\nDisallow: /search\n"))
	return nil
}

type classCount struct {
	Class  linkView
	Browse string
	N      int
}

type frontView struct {
	Title, TitleEn             string
	Description, DescriptionEn string
	Triples, Entities, Graphs  int
	Passages                   int
	EntityShare                string
	Classes                    []classCount
	Dumps                      []linkView
	Examples                   []example
	Catalogue                  bool // the DCAT record is served
	Map                        *mapView
}

// front is the home page; as RDF it is the VoID description.
func (s *Server) front(w http.ResponseWriter, r *http.Request) error {
	o, err := pick(r, graphOffersHTMLFirst, r.URL.Query()["format"]...)
	if err != nil {
		return err
	}
	w.Header().Add("Vary", "Accept")
	if o.format != "html" {
		if o.format == "ttl" {
			s.serveBytes(w, r, contentType(o.mediaType), s.data().voidTTL)
			return nil
		}
		return s.serveQuads(w, r, o, s.voidQuads())
	}
	lang := negotiateLang(w, r)
	g := s.data()
	v := frontView{
		Title: g.dataset.Title["sv"], TitleEn: g.dataset.Title["en"],
		Description: g.dataset.Description["sv"], DescriptionEn: g.dataset.Description["en"],
		Triples: g.sum.Triples, Entities: g.sum.Entities, Graphs: g.sum.Graphs, Passages: len(g.passages),
		EntityShare: fmt.Sprintf("%.0f %%", 100*g.sum.EntityShare()),
		Examples:    s.examples,
		Catalogue:   s.catalogErr == nil,
		Map:         g.visuals.shadedMap("front-map", lang),
	}
	for _, c := range g.sum.Classes {
		v.Classes = append(v.Classes, classCount{Class: s.linkIn(term.IRI(c.Key), lang), Browse: browseURL(c.Key, 0), N: c.N})
	}
	v.Dumps = s.dumpLinks()
	title, titleLang := v.Title, langSV
	if lang == langEN && v.TitleEn != "" || title == "" {
		title, titleLang = v.TitleEn, langEN
	}
	return s.servePage(w, r, "front", s.page(title, v).lang(titleLang).in(r, lang))
}

// classGroup is the classes under one heading of the browse page.
type classGroup struct {
	ID, Heading string
	Classes     []classCount
}

// browseGroups are the headings of the browse page, in order: the
// ontology's four top classes and themes first, then places, then what
// records provenance. A class goes under the first heading it belongs to;
// classes of other vocabularies come last.
var browseGroups = []struct {
	id, heading string
	tops        []string
}{
	{"actors", "Actors", []string{ontology.Actor}},
	{"mandates", "Mandates", []string{ontology.Mandate}},
	{"laws", "Laws", []string{ontology.Law}},
	{"instruments", "Instruments", []string{ontology.Instrument}},
	{"themes", "Themes", []string{ontology.Theme}},
	{"places", "Places", []string{ontology.County}},
	{"provenance", "The report and its provenance", []string{ontology.Report, ontology.Chapter, ontology.Passage, ontology.WorkedExample, ontology.Source}},
}

// classGroups sorts the counted classes under the browse page's headings.
func (s *Server) classGroups(lang string) []classGroup {
	groups := make([]classGroup, len(browseGroups)+1)
	for i, g := range browseGroups {
		groups[i] = classGroup{ID: g.id, Heading: translate(lang, g.heading)}
	}
	groups[len(browseGroups)] = classGroup{ID: "other", Heading: translate(lang, "Classes of other vocabularies")}
	for _, c := range s.data().sum.Classes {
		i := len(browseGroups)
	find:
		for j, g := range browseGroups {
			for _, top := range g.tops {
				if c.Key == top || ontology.IsSubClassOf(c.Key, top) {
					i = j
					break find
				}
			}
		}
		groups[i].Classes = append(groups[i].Classes, classCount{Class: s.linkIn(term.IRI(c.Key), lang), Browse: browseURL(c.Key, 0), N: c.N})
	}
	return slices.DeleteFunc(groups, func(g classGroup) bool { return len(g.Classes) == 0 })
}

func browseURL(class string, page int) string {
	q := url.Values{"class": {class}}
	if page > 0 {
		q.Set("page", strconv.Itoa(page))
	}
	return "/browse?" + q.Encode()
}

type browseView struct {
	Class      *linkView
	Definition string
	DefLang    string
	Groups     []classGroup
	Members    []linkView
	Page, Of   int
	Prev, Next string
	Total      int
}

const browsePage = 200

// browse lists the classes, or the instances of one class.
func (s *Server) browse(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	class := q.Get("class")
	lang := negotiateLang(w, r)
	v := browseView{}
	if class == "" {
		v.Groups = s.classGroups(lang)
		return s.servePage(w, r, "browse", s.page(translate(lang, "Browse by class"), v).lang(lang).in(r, lang))
	}
	members, ok := s.data().members[class]
	if !ok {
		return errorf(http.StatusNotFound, "no instances of that class")
	}
	page, _ := strconv.Atoi(q.Get("page"))
	pages := (len(members) + browsePage - 1) / browsePage
	if page < 0 || page >= pages {
		page = 0
	}
	c := s.linkIn(term.IRI(class), lang)
	v.Class = &c
	if d := ontology.Definitions(class); d != nil {
		v.Definition, v.DefLang = d[lang], lang
		if v.Definition == "" {
			v.Definition, v.DefLang = d[otherLang(lang)], otherLang(lang)
		}
	}
	v.Total, v.Page, v.Of = len(members), page+1, pages
	if page > 0 {
		v.Prev = browseURL(class, page-1)
	}
	if page+1 < pages {
		v.Next = browseURL(class, page+1)
	}
	for _, m := range members[page*browsePage : min(len(members), (page+1)*browsePage)] {
		v.Members = append(v.Members, s.linkIn(term.IRI(m), lang))
	}
	return s.servePage(w, r, "browse", s.page(c.Text, v).lang(c.Lang).in(r, lang))
}

type hitView struct {
	Link  linkView
	Label linkView // the label that matched
	Types []linkView
}

type searchView struct {
	Query  string
	Hits   []hitView
	Approx bool // found only when å, ä, ö were read as a, o
}

const searchLimit = 50

// searchPage searches labels; as application/json it returns the hits
// for scripts (and autocompletion).
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	qs := r.URL.Query()["q"]
	query := ""
	if len(qs) > 0 {
		query = qs[0]
	}
	if len(query) > 200 {
		return errorf(http.StatusBadRequest, "search text longer than 200 bytes")
	}
	w.Header().Add("Vary", "Accept")
	o, err := pick(r, []offer{{"text/html", "html"}, {"application/json", "json"}}, r.URL.Query()["format"]...)
	if err != nil {
		return err
	}
	lang := negotiateLang(w, r)
	hits, approx := s.data().search.Search(query, searchLimit, lang)
	if o.format == "json" {
		type jsonHit struct {
			IRI   string   `json:"iri"`
			Label string   `json:"label"`
			Lang  string   `json:"lang,omitempty"`
			Types []string `json:"types"`
			Page  string   `json:"page"`
		}
		out := []jsonHit{}
		for _, h := range hits {
			out = append(out, jsonHit{IRI: h.IRI, Label: h.Label.Value, Lang: h.Label.Lang, Types: append([]string{}, s.data().types[h.IRI]...), Page: s.link(term.IRI(h.IRI)).Href})
		}
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		s.serveBytes(w, r, "application/json", b)
		return nil
	}
	v := searchView{Query: query, Approx: approx}
	for _, h := range hits {
		hv := hitView{Link: s.linkIn(term.IRI(h.IRI), lang), Label: s.linkIn(h.Label, lang)}
		for _, t := range s.data().types[h.IRI] {
			hv.Types = append(hv.Types, s.linkIn(term.IRI(t), lang))
		}
		v.Hits = append(v.Hits, hv)
	}
	title := translate(lang, "Search")
	if query != "" {
		title = translate(lang, "Search: %s", query)
	}
	p := s.page(title, v).lang(lang).in(r, lang)
	p.Search = query
	return s.servePage(w, r, "search", p)
}

type queryView struct {
	Query     string
	Error     string
	status    int
	Ran       bool
	Form      string
	Vars      []string
	Rows      [][]linkView
	Boolean   bool
	Triples   []stmtView
	Count     int
	Truncated bool
	Limit     int
	Elapsed   string
	Downloads []linkView
	Examples  []example
	YASGUI    *yasguiConfig // the page mounts YASGUI
}

// queryPage is the query editor; GET with query= or a form POST runs the
// query and shows the results as a table.
func (s *Server) queryPage(w http.ResponseWriter, r *http.Request) error {
	var text string
	if r.Method == http.MethodPost {
		req, err := s.readProtocol(w, r)
		if err != nil {
			return err
		}
		if !req.hasQuery {
			return errorf(http.StatusBadRequest, "missing query")
		}
		text = req.query
	} else {
		qs := r.URL.Query()
		if len(qs["query"]) == 0 {
			return s.renderQueryPage(w, r, queryView{Query: s.examples[0].Query, YASGUI: s.yasguiConfig(s.examples[0].Query)})
		}
		text = qs.Get("query")
	}
	v := queryView{Query: text}
	ctx, done, err := s.admit(r.Context())
	if err != nil {
		if he, ok := err.(*httpError); ok && he.retryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(he.retryAfter))
		}
		v.Error, v.status = err.Error(), statusOf(err)
		return s.renderQueryPage(w, r, v)
	}
	defer done()
	q, err := s.parseQuery(ctx, text)
	if err == nil {
		var out *outcome
		if out, err = s.run(ctx, q, protocolRequest{}); err == nil {
			// The table names resources by their labels.
			if _, err = s.graph(); err == nil {
				v = s.queryResultView(text, out)
			}
		}
	}
	if err != nil {
		v.Error, v.status = err.Error(), statusOf(err)
	}
	return s.renderQueryPage(w, r, v)
}

// queryResultView turns an outcome into a table.
func (s *Server) queryResultView(text string, out *outcome) queryView {
	v := queryView{Query: text, Ran: true, Truncated: out.truncated, Limit: s.opt.MaxResults,
		Elapsed: out.elapsed.Round(100_000).String()}
	switch out.q.Form {
	case algebra.Select:
		v.Form = "select"
		v.Vars = out.q.Vars
		for _, row := range out.rows {
			cells := make([]linkView, len(row))
			for i, t := range row {
				cells[i] = s.link(t)
			}
			v.Rows = append(v.Rows, cells)
		}
		v.Count = len(out.rows)
	case algebra.Ask:
		v.Form = "ask"
		v.Boolean = out.boolean
	default:
		v.Form = "graph"
		for _, q := range out.quads {
			v.Triples = append(v.Triples, stmtView{S: s.link(q.S), P: s.link(q.P), O: s.link(q.O)})
		}
		v.Count = len(out.quads)
	}
	formats := []struct{ name, label string }{{"json", "JSON"}, {"xml", "XML"}, {"csv", "CSV"}, {"tsv", "TSV"}}
	if v.Form == "graph" {
		formats = []struct{ name, label string }{{"ttl", "Turtle"}, {"jsonld", "JSON-LD"}, {"nt", "N-Triples"}, {"rdfxml", "RDF/XML"}}
	}
	for _, f := range formats {
		href := "/sparql?" + url.Values{"query": {text}, "format": {f.name}}.Encode()
		if len(href) <= MaxURI-100 {
			v.Downloads = append(v.Downloads, linkView{Href: href, Text: f.label})
		}
	}
	return v
}

func (s *Server) renderQueryPage(w http.ResponseWriter, r *http.Request, v queryView) error {
	v.Examples = s.examples
	lang := negotiateLang(w, r)
	p := s.page("SPARQL query", v).in(r, lang)
	// The query page itself is written in English.
	p.TitleLang = langEN
	if lang != langEN {
		p.MainLang = langEN
	}
	p.Script = template.JS(queryScript)
	var b bytes.Buffer
	if err := s.render(&b, "query", p); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	setQueryPolicy(h)
	if v.Ran {
		h.Set(headerLimit, strconv.Itoa(s.opt.MaxResults))
		if v.Truncated {
			h.Set(headerTruncated, "true")
		}
	}
	status := http.StatusOK
	if v.status != 0 {
		status = v.status
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b.Bytes())
	}
	return nil
}

type errorView struct {
	Status  int
	Text    string
	Message string
}
