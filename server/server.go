package server

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"kg/catalog"
	"kg/export"
	"kg/ontology"
	"kg/sparql"
	"kg/sparql/eval"
	"kg/store"
	"kg/summary"
	"kg/term"
)

// Defaults for the zero Options fields.
const (
	DefaultBase       = "https://w3id.org/regionalkg/"
	DefaultTimeout    = 30 * time.Second
	DefaultMaxResults = 10000
	DefaultMaxBody    = 1 << 20
	// DefaultMaxMemory is the memory one query may hold, as the
	// evaluator estimates it.
	DefaultMaxMemory = 128 << 20
	// DefaultMaxTermSize bounds a string or number a query computes.
	DefaultMaxTermSize = 1 << 20
	// DefaultMaxConcurrent queries run at once; DefaultMaxQueued more
	// wait for a turn.
	DefaultMaxConcurrent = 4
	DefaultMaxQueued     = 32
	// MaxURI is the longest request target accepted (414 beyond); longer
	// queries must be sent with POST.
	MaxURI = 16 << 10
	// MaxHeader bounds the total size of the request header fields (431
	// beyond). cmd/kg also sets http.Server.MaxHeaderBytes.
	MaxHeader = 32 << 10
	// cacheLimit bounds the bytes of rendered pages and descriptions kept.
	cacheLimit = 32 << 20
)

// Options configure a Server.
type Options struct {
	Base       string        // base of the minted IRIs; DefaultBase when empty
	Timeout    time.Duration // deadline of one query; DefaultTimeout when zero
	MaxResults int           // most rows or triples a query returns; DefaultMaxResults when zero
	MaxBody    int64         // largest request body; DefaultMaxBody when zero
	MaxMemory  int64         // memory one query may hold, as estimated; DefaultMaxMemory when zero
	// MaxTermSize bounds the bytes of a term a query computes;
	// DefaultMaxTermSize when zero.
	MaxTermSize int
	// MaxConcurrent queries run at once and MaxQueued wait for a turn
	// (DefaultMaxConcurrent and DefaultMaxQueued when zero; a negative
	// MaxQueued means no queue). Gate, when set, is used instead, so that
	// successive servers share one bound.
	MaxConcurrent int
	MaxQueued     int
	Gate          *Gate
	Seeds         string // directory with dataset.tsv for the DCAT and VoID records ("" for none)
	// Publishing names the publisher and contact for the DCAT record
	// (overriding dataset.tsv). Without both the catalogue paths answer
	// 404 with a message saying so: kg publishes no invented contact.
	Publishing catalog.Publishing
	// Logf receives one line per failed request and startup notes; nil
	// discards them.
	Logf func(format string, args ...any)
}

// Server serves one read-only store over HTTP. It is an http.Handler and
// safe for concurrent use.
type Server struct {
	st      store.Store
	ds      eval.Dataset
	opt     Options
	base    string
	loaded  time.Time // Last-Modified of every document: when the graph was read
	prefix  []export.Prefix
	compact []export.Prefix // for display: longest namespace first

	labels   map[string][]term.Term // resource → its labels (prefLabel, label, altLabel, title)
	types    map[string][]string    // resource → rdf:type classes
	members  map[string][]string    // class → instances, by label
	passages map[string]passageInfo // passage → where it is in the report
	sum      *summary.Summary
	dataset  catalog.Dataset
	stats    catalog.Stats
	search   *searchIndex
	examples []example
	visuals  *visuals // the map and the tables of regions and mandates

	// describe holds the quads of the dataset descriptions (DCAT without
	// the dumps' sizes and checksums, VoID, the SPARQL service
	// description): they are served and dereferenced like stored resources
	// but are not in the store.
	describe []term.Quad
	voidTTL  []byte // the VoID description exactly as kg export --format=void writes it
	// record is the DCAT-AP-SE record, made on first use: it describes
	// every dump with its size and checksum, so it renders them all.
	record     func() (*dcatRecord, error)
	catalogErr error // why there is no record: no publisher or contact

	mu    sync.Mutex
	dumps map[string]*dump
	cache cache // rendered representations of resources
}

// passageInfo locates a passage in the report.
type passageInfo struct {
	Page, PDFPage string
	Quote         term.Term
	Chapter       string
	Report        string
}

// New reads the store once to build the search index, the counts of the
// front page and the dataset descriptions, and returns the Server. It
// never writes to the store; open it read-only.
func New(ctx context.Context, st store.Store, opt Options) (*Server, error) {
	if opt.Base == "" {
		opt.Base = DefaultBase
	}
	if !strings.HasPrefix(opt.Base, "http://") && !strings.HasPrefix(opt.Base, "https://") {
		return nil, fmt.Errorf("server: base %q: want an absolute http(s) IRI", opt.Base)
	}
	if !strings.HasSuffix(opt.Base, "/") {
		opt.Base += "/"
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxResults <= 0 {
		opt.MaxResults = DefaultMaxResults
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.MaxMemory <= 0 {
		opt.MaxMemory = DefaultMaxMemory
	}
	if opt.MaxTermSize <= 0 {
		opt.MaxTermSize = DefaultMaxTermSize
	}
	if opt.Gate == nil {
		opt.Gate = NewGate(cmp.Or(opt.MaxConcurrent, DefaultMaxConcurrent), cmp.Or(opt.MaxQueued, DefaultMaxQueued))
	}
	if opt.Logf == nil {
		opt.Logf = func(string, ...any) {}
	}
	ds, err := sparql.FromStore(ctx, st)
	if err != nil {
		return nil, fmt.Errorf("server: reading %s: %w", st.Location(), err)
	}
	s := &Server{
		st: st, ds: ds, opt: opt, base: opt.Base,
		loaded: time.Now().UTC().Truncate(time.Second),
		dumps:  map[string]*dump{},
		cache:  cache{limit: cacheLimit},
	}
	s.prefix = ontology.Prefixes(s.base)
	s.compact = slices.Clone(s.prefix)
	slices.SortStableFunc(s.compact, func(a, b export.Prefix) int { return cmp.Compare(len(b.IRI), len(a.IRI)) })

	quads, err := store.All(ctx, st, store.Pattern{}, term.CompareTriplesFirst)
	if err != nil {
		return nil, fmt.Errorf("server: reading %s: %w", st.Location(), err)
	}
	s.index(quads)
	s.sum = summary.Of(quads, s.base)
	s.visuals = s.buildVisuals(quads)
	pub := opt.Publishing
	if pub.Built.IsZero() {
		if pub.Built, err = store.BuiltAt(st); err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
	}
	if s.dataset, err = catalog.Load(opt.Seeds, s.base, pub, quads); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	counter := catalog.NewCounter(s.dataset.Base)
	for _, q := range quads {
		counter.Add(q)
	}
	s.stats = counter.Stats()
	if s.voidTTL, err = s.encodeDescription("void", quads, s.dataset); err != nil {
		return nil, err
	}
	if m := s.dataset.Missing(); len(m) > 0 {
		s.catalogErr = errorf(http.StatusNotFound, "no DCAT record: this server was started without the dataset's %s (kg serve --publisher-name NAME --contact E-MAIL), and kg publishes no invented ones", strings.Join(m, " and "))
	} else {
		s.describe = append(s.describe, catalog.DCAT(s.dataset, s.stats)...)
	}
	s.record = sync.OnceValues(s.makeRecord)
	s.describe = append(s.describe, catalog.VoID(s.dataset, s.stats)...)
	s.describe = append(s.describe, s.serviceDescription()...)
	slices.SortFunc(s.describe, term.CompareTriplesFirst)
	s.describe = slices.Compact(s.describe)
	s.examples = examples(s.base)
	return s, nil
}

// encodeDescription writes the dcat or void export format, which counts
// the quads it is given and describes the dataset.
func (s *Server) encodeDescription(name string, quads []term.Quad, d catalog.Dataset) ([]byte, error) {
	f, _ := export.ByName(name)
	var b bytes.Buffer
	enc := f.New(&b, export.Options{Prefixes: s.prefix, Base: s.base, Catalog: &d})
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			return nil, err
		}
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("server: %s record: %w", name, err)
	}
	return b.Bytes(), nil
}

// Label properties, in the order a display label is chosen from.
var labelProps = []string{
	ontology.SKOS + "prefLabel",
	ontology.RDFS + "label",
	ontology.DCTERMS + "title",
	ontology.FOAF + "name",
	ontology.SKOS + "altLabel",
}

// index collects, from one pass over the graph, what pages need for every
// link: labels, types, class members and where passages are.
func (s *Server) index(quads []term.Quad) {
	s.labels = map[string][]term.Term{}
	s.types = map[string][]string{}
	s.members = map[string][]string{}
	s.passages = map[string]passageInfo{}
	rank := map[string]int{}
	for i, p := range labelProps {
		rank[p] = i
	}
	type lab struct {
		t    term.Term
		rank int
	}
	labs := map[string][]lab{}
	hidden := map[string][]term.Term{}
	seenType := map[[2]string]bool{}
	entailed := ontology.EntailedGraph(s.base)
	var prev term.Triple
	for i, q := range quads {
		t := q.Triple()
		if i > 0 && t == prev {
			continue // the same triple from another graph
		}
		prev = t
		if !q.S.IsIRI() {
			continue
		}
		subj := q.S.Value
		if r, ok := rank[q.P.Value]; ok && q.O.IsLiteral() {
			labs[subj] = append(labs[subj], lab{q.O, r})
		} else if q.P.Value == ontology.SKOS+"hiddenLabel" && q.O.IsLiteral() {
			hidden[subj] = append(hidden[subj], q.O)
		}
		switch q.P.Value {
		case term.RDFType:
			if q.O.IsIRI() && !seenType[[2]string{subj, q.O.Value}] {
				seenType[[2]string{subj, q.O.Value}] = true
				// Browsing a class lists every instance, entailed ones too;
				// a thing's own types are those stated.
				if q.G.Value != entailed {
					s.types[subj] = append(s.types[subj], q.O.Value)
				}
				s.members[q.O.Value] = append(s.members[q.O.Value], subj)
			}
		case ontology.NS + "page", ontology.NS + "pdfPage", ontology.NS + "quote", ontology.NS + "inChapter", ontology.DCTERMS + "isPartOf":
			pi := s.passages[subj]
			switch q.P.Value {
			case ontology.NS + "page":
				pi.Page = q.O.Value
			case ontology.NS + "pdfPage":
				pi.PDFPage = q.O.Value
			case ontology.NS + "quote":
				pi.Quote = q.O
			case ontology.NS + "inChapter":
				pi.Chapter = q.O.Value
			case ontology.DCTERMS + "isPartOf":
				pi.Report = q.O.Value
			}
			s.passages[subj] = pi
		}
	}
	for iri := range s.passages {
		if !slices.Contains(s.types[iri], ontology.NS+"Passage") {
			delete(s.passages, iri) // chapters and examples have pages too but are not passages
		}
	}
	for iri, ls := range labs {
		slices.SortStableFunc(ls, func(a, b lab) int { return cmp.Compare(a.rank, b.rank) })
		out := make([]term.Term, len(ls))
		for i, l := range ls {
			out[i] = l.t
		}
		s.labels[iri] = out
	}
	for c, m := range s.members {
		slices.SortFunc(m, func(a, b string) int {
			return cmp.Or(strings.Compare(fold(s.label(a)), fold(s.label(b))), strings.Compare(a, b))
		})
		s.members[c] = m
	}
	s.search = newSearchIndex(s.labels, hidden)
}

// label returns the display label of a resource: its preferred label in
// Swedish, else English, else any label, else its compact IRI.
func (s *Server) label(iri string) string {
	if l := s.labelIn(iri, "sv"); l.Value != "" {
		return l.Value
	}
	return s.fallbackLabel(iri)
}

func (s *Server) fallbackLabel(iri string) string {
	if ls := s.labels[iri]; len(ls) > 0 {
		if l := s.labelIn(iri, "en"); l.Value != "" {
			return l.Value
		}
		return ls[0].Value
	}
	if t, ok := ontology.Lookup(iri); ok {
		if l := ontology.Label(t.IRI, "en", "sv"); l != "" {
			return l
		}
	}
	if pi, ok := s.passages[iri]; ok {
		if pi.Page != "" {
			return "Passage, p. " + pi.Page
		}
		return "Passage, PDF p. " + pi.PDFPage
	}
	return s.compactIRI(iri)
}

// labelIn returns the best label in one language, or the zero term.
func (s *Server) labelIn(iri, lang string) term.Term {
	for _, l := range s.labels[iri] {
		if l.Lang == lang {
			return l
		}
	}
	return term.Term{}
}

// compactIRI writes an IRI as prefix:local when a known namespace fits.
func (s *Server) compactIRI(iri string) string {
	for _, p := range s.compact {
		if local, ok := strings.CutPrefix(iri, p.IRI); ok && local != "" && !strings.ContainsAny(local, "/#?") {
			return p.Name + ":" + local
		}
	}
	return iri
}

// iriOf maps a request path to the IRI it names: /id/x is {base}id/x.
func (s *Server) iriOf(path string) string { return s.base + strings.TrimPrefix(path, "/") }

// pathOf maps an IRI served here to its local path (with a fragment for
// ontology terms), or "" for IRIs served elsewhere.
func (s *Server) pathOf(iri string) string {
	if local, ok := strings.CutPrefix(iri, ontology.NS); ok {
		return "/ontology#" + local
	}
	if iri == ontology.IRI || iri == ontology.VersionIRI {
		return "/ontology"
	}
	if rest, ok := strings.CutPrefix(iri, s.base); ok && rest != "" && !strings.ContainsAny(rest, "?#") {
		return "/" + rest
	}
	return ""
}

// etag is a strong entity tag: a hash of the representation.
func etag(body []byte) string {
	h := sha256.Sum256(body)
	return `"` + hex.EncodeToString(h[:16]) + `"`
}

// serveBytes sends a complete representation with a strong ETag and
// Last-Modified; http.ServeContent answers conditional (304) and range
// requests and HEAD.
func (s *Server) serveBytes(w http.ResponseWriter, r *http.Request, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	if h.Get("ETag") == "" {
		h.Set("ETag", etag(body))
	}
	http.ServeContent(w, r, "", s.loaded, bytes.NewReader(body))
}

// httpError is an error with the status to answer.
type httpError struct {
	status     int
	msg        string
	retryAfter int // seconds, for Retry-After; 0 for none
	// format and args made msg; an error page translates the format
	// when the interface has it in the page's language.
	format string
	args   []any
}

func (e *httpError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) *httpError {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...), format: format, args: args}
}

// fail answers with an error: an HTML page for browsers, plain text for
// everyone else. The message never goes into a header.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		s.opt.Logf("%s %s: %v", r.Method, r.URL.Path, err)
		he = &httpError{status: http.StatusInternalServerError, msg: "internal error"}
	}
	h := w.Header()
	if he.retryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(he.retryAfter))
	}
	h.Del("ETag")
	h.Del("Last-Modified")
	h.Del("Content-Location")
	h.Set("Cache-Control", "no-store")
	if negotiate(r.Header.Values("Accept"), []string{"text/plain", "text/html"}) == 1 && r.Method != http.MethodHead {
		var b bytes.Buffer
		lang := negotiateLang(w, r)
		text := translate(lang, http.StatusText(he.status))
		msg := he.msg
		if _, ok := swedish[he.format]; ok {
			msg = translate(lang, he.format, he.args...)
		}
		if terr := s.render(&b, "error", s.page(text, errorView{Status: he.status, Text: text, Message: msg}).in(r, lang)); terr == nil {
			h.Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(he.status)
			w.Write(b.Bytes())
			return
		}
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(he.status)
	if r.Method != http.MethodHead {
		fmt.Fprintln(w, he.msg)
	}
}
