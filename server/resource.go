package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"kg/export"
	"kg/ontology"
	"kg/store"
	"kg/term"
)

// encode writes quads in f, sorted as f needs them.
func (s *Server) encode(f export.Format, quads []term.Quad) ([]byte, error) {
	quads = slices.Clone(quads)
	order := term.CompareTriplesFirst
	if f.Quads {
		order = term.CompareQuads
	}
	slices.SortFunc(quads, order)
	quads = slices.Compact(quads)
	var b bytes.Buffer
	// JSON-LD refers to the shared context at /context.jsonld.
	enc := f.New(&b, export.Options{Prefixes: s.prefix, Base: s.base, ContextIRI: export.ContextIRI(s.base)})
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			return nil, err
		}
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// about returns what the server knows about a resource: every stored quad
// with it as subject, object or graph name, and the statements of the
// dataset descriptions about it.
func (s *Server) about(ctx context.Context, iri string) ([]term.Quad, error) {
	t := term.IRI(iri)
	var out []term.Quad
	add := func(q term.Quad) bool { out = append(out, q); return true }
	for _, p := range []store.Pattern{{S: t}, {O: t}, {G: t}} {
		if err := s.st.Match(ctx, p, add); err != nil {
			return nil, err
		}
	}
	for _, q := range s.descriptionsOf(iri) {
		if q.S == t || q.O == t {
			out = append(out, q)
		}
	}
	return out, nil
}

// descriptionsOf returns the description quads that may mention iri: a
// distribution of the DCAT record (and its checksum) is described with its
// size and checksum, which only the full record holds.
func (s *Server) descriptionsOf(iri string) []term.Quad {
	if s.catalogErr == nil && strings.HasPrefix(iri, s.base+"dataset/distribution/") {
		if rec, err := s.record(); err == nil {
			return append(slices.Clone(rec.quads), s.data().describe...)
		}
	}
	return s.data().describe
}

// known reports whether the server has anything to say about iri.
func (s *Server) known(ctx context.Context, iri string) bool {
	t := term.IRI(iri)
	found := false
	stop := func(term.Quad) bool { found = true; return false }
	for _, p := range []store.Pattern{{S: t}, {O: t}, {G: t}} {
		if s.st.Match(ctx, p, stop); found {
			return true
		}
	}
	for _, q := range s.descriptionsOf(iri) {
		if q.S == t || q.O == t {
			return true
		}
	}
	return false
}

// document is what a path names: the ontology (at its namespace path),
// the VoID description, the DCAT catalogue, or the resource {base}path
// when the graph mentions it.
type document struct {
	iri    string
	offers []offer
	quads  func(ctx context.Context) ([]term.Quad, error)
	html   func(r *http.Request) ([]byte, error)
	// raw gives fixed bytes for a format, where a byte-exact export exists.
	raw map[string][]byte
}

func fixed(qs func() []term.Quad) func(context.Context) ([]term.Quad, error) {
	return func(context.Context) ([]term.Quad, error) { return qs(), nil }
}

func (s *Server) documentFor(ctx context.Context, path string) (*document, bool) {
	switch path {
	case "/ontology", "/ontology/" + ontology.Version:
		return &document{
			iri: ontology.IRI, offers: graphOffersHTMLFirst,
			quads: fixed(ontology.Graph),
			html:  s.ontologyHTML,
			raw:   map[string][]byte{"ttl": ontology.Turtle()},
		}, true
	case "/.well-known/void":
		return &document{
			iri: s.base + ".well-known/void", offers: rdfOffers,
			quads: fixed(s.voidQuads),
			raw:   map[string][]byte{"ttl": s.data().voidTTL},
		}, true
	case "/catalog":
		rec, err := s.record()
		if err != nil {
			return nil, false
		}
		iri := s.base + "catalog"
		return &document{
			iri: iri, offers: graphOffersHTMLFirst,
			quads: s.dcatQuads,
			html:  func(r *http.Request) ([]byte, error) { return s.entityHTML(r, iri) },
			raw:   map[string][]byte{"rdfxml": rec.xml},
		}, true
	}
	iri := s.iriOf(path)
	if !s.known(ctx, iri) {
		return nil, false
	}
	return &document{
		iri: iri, offers: graphOffersHTMLFirst,
		quads: func(ctx context.Context) ([]term.Quad, error) { return s.about(ctx, iri) },
		html:  func(r *http.Request) ([]byte, error) { return s.entityHTML(r, iri) },
	}, true
}

// graphOffersHTMLFirst is what a dereferenced IRI offers: HTML first, so
// that browsers and clients sending */* get the page.
var graphOffersHTMLFirst = append([]offer{{"text/html", "html"}}, rdfOffers...)

// extensions maps file extensions of document URLs to formats.
var extensions = map[string]string{
	".html": "html", ".ttl": "ttl", ".jsonld": "jsonld", ".nt": "nt", ".rdf": "rdfxml", ".nq": "nq", ".trig": "trig",
}

// extensionOf returns the document URL suffix of a format.
func extensionOf(format string) string {
	for ext, f := range extensions {
		if f == format {
			return ext
		}
	}
	return ""
}

// resource dereferences an IRI. A path without extension is negotiated
// and answered directly (200) with Content-Location naming the document
// URL of the representation chosen and Vary: Accept; a path with a format
// extension (/id/x.ttl) is that document and is not negotiated. See the
// package documentation for why not 303.
func (s *Server) resource(w http.ResponseWriter, r *http.Request) error {
	path := r.URL.Path
	ctx := r.Context()
	doc, ok := s.documentFor(ctx, path)
	fixedFormat := ""
	if !ok {
		if i := strings.LastIndexByte(path, '.'); i > strings.LastIndexByte(path, '/') {
			if f, isExt := extensions[path[i:]]; isExt {
				if doc, ok = s.documentFor(ctx, path[:i]); ok {
					fixedFormat = f
					path = path[:i]
				}
			}
		}
	}
	if !ok && path == "/catalog" && s.catalogErr != nil {
		return s.catalogErr
	}
	if !ok {
		return errorf(http.StatusNotFound, "nothing is known about %s", s.iriOf(r.URL.Path))
	}
	format := r.URL.Query().Get("format")
	if fixedFormat != "" {
		if format != "" && format != fixedFormat {
			return errorf(http.StatusBadRequest, "the format parameter contradicts the extension")
		}
		format = fixedFormat
	}
	o, err := pick(r, doc.offers, format)
	if err != nil {
		return err
	}
	s.linkAlternates(w, path, doc.offers)
	if o.format == "html" || (fixedFormat == "" && slices.ContainsFunc(doc.offers, func(o offer) bool { return o.format == "html" })) {
		negotiateLang(w, r) // the page's language, for caches
	}
	if fixedFormat == "" {
		w.Header().Add("Vary", "Accept")
		if format == "" {
			w.Header().Set("Content-Location", (&url.URL{Path: path + extensionOf(o.format)}).EscapedPath())
		}
	}
	body, err := s.representation(r, doc, o)
	if err != nil {
		return err
	}
	ct := contentType(o.mediaType)
	if o.format == "html" {
		ct = "text/html; charset=utf-8"
	}
	s.serveBytes(w, r, ct, body)
	return nil
}

// representation returns the bytes of a document in a format, from the
// cache when it has them: the server never writes to the store, so a
// representation stays valid as long as the server runs.
func (s *Server) representation(r *http.Request, doc *document, o offer) ([]byte, error) {
	if b, ok := doc.raw[o.format]; ok {
		return b, nil
	}
	key := doc.iri + " " + o.format
	if o.format == "html" {
		// The page's language and its switch link depend on the request.
		l := requestLang(r)
		key += " " + l + " " + switchLink(r, l).Href
	}
	if b, ok := s.cache.get(key); ok {
		return b, nil
	}
	var body []byte
	var err error
	if o.format == "html" {
		body, err = doc.html(r)
	} else {
		var quads []term.Quad
		if quads, err = doc.quads(r.Context()); err == nil {
			f, _ := export.ByName(o.format)
			body, err = s.encode(f, quads)
		}
	}
	if errors.Is(err, export.ErrUnrepresentable) {
		return nil, errorf(http.StatusNotAcceptable, "%v; ask for another format (Turtle, N-Triples, JSON-LD hold any string and IRI)", err)
	}
	if err != nil {
		return nil, err
	}
	s.cache.put(key, body)
	return body, nil
}

// cache keeps rendered representations up to a total size; when full it
// starts afresh, which is simple and bounds memory.
type cache struct {
	mu    sync.RWMutex
	m     map[string][]byte
	size  int
	limit int
}

func (c *cache) get(key string) ([]byte, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	b, ok := c.m[key]
	return b, ok
}

func (c *cache) put(key string, b []byte) {
	if len(b) > c.limit/16 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.size+len(b) > c.limit {
		c.m, c.size = map[string][]byte{}, 0
	}
	if _, ok := c.m[key]; !ok {
		c.m[key] = b
		c.size += len(b)
	}
}

// linkAlternates lists the document URLs of a resource in a Link header
// (RFC 8288), so that clients find the other formats without parsing.
func (s *Server) linkAlternates(w http.ResponseWriter, path string, offers []offer) {
	var parts []string
	seen := map[string]bool{}
	for _, o := range offers {
		ext := extensionOf(o.format)
		if ext == "" || seen[ext] {
			continue
		}
		seen[ext] = true
		parts = append(parts, "<"+(&url.URL{Path: path + ext}).EscapedPath()+`>; rel="alternate"; type="`+o.mediaType+`"`)
	}
	w.Header().Set("Link", strings.Join(parts, ", "))
}

// passageOrder sorts passages by PDF page and number within the page.
func (s *Server) passageOrder(a, b string) int {
	passages := s.data().passages
	pa, pb := passages[a], passages[b]
	na, _ := strconv.Atoi(pa.PDFPage)
	nb, _ := strconv.Atoi(pb.PDFPage)
	if na != nb {
		return na - nb
	}
	return naturalCompare(a, b)
}

// naturalCompare orders strings with embedded numbers by number value
// ("passage/9-2" before "passage/10-1").
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, _ := strconv.Atoi(a[:da])
			nb, _ := strconv.Atoi(b[:db])
			if na != nb {
				return na - nb
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digits(s string) int {
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
