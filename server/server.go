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

	examples []example

	// dataset describes the published dataset as far as the options and
	// the seeds directory tell; the graph adds its sources (see
	// graphData.dataset).
	dataset    catalog.Dataset
	catalogErr error // why there is no DCAT record: no publisher or contact
	// graph is what pages need from every quad of the store, read once on
	// first use (or when Warm asks for it) and shared; queries never wait
	// for it.
	graph func() (*graphData, error)
	empty func() *graphData // the data of an empty graph, for when reading failed
	// record is the DCAT-AP-SE record, made on first use: it describes
	// every dump with its size and checksum, so it renders them all.
	record func() (*dcatRecord, error)
	// ctx is cancelled by Close, which stops reading the graph.
	ctx    context.Context
	cancel context.CancelFunc

	mu    sync.Mutex
	dumps map[string]*dump
	cache cache // rendered representations of resources
}

// New returns a Server over st, ready to answer queries: it reads no
// quads. What the pages, the search and the dataset descriptions need
// from the whole graph is read on first use, or in the background after
// Warm. New never writes to the store; open it read-only. Close the
// Server before the store.
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

	pub := opt.Publishing
	if pub.Built.IsZero() {
		if pub.Built, err = store.BuiltAt(st); err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
	}
	if s.dataset, err = catalog.Load(opt.Seeds, s.base, pub, nil); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if m := s.dataset.Missing(); len(m) > 0 {
		s.catalogErr = errorf(http.StatusNotFound, "no DCAT record: this server was started without the dataset's %s (kg serve --publisher-name NAME --contact E-MAIL), and kg publishes no invented ones", strings.Join(m, " and "))
	}
	s.examples = examples(s.base)
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.graph = sync.OnceValues(s.readGraph)
	s.empty = sync.OnceValue(func() *graphData {
		g, err := s.newGraphData(nil, summary.Of(nil, s.base), catalog.NewCounter(s.dataset.Base).Stats())
		if err != nil {
			panic(fmt.Sprintf("server: describing an empty graph: %v", err))
		}
		return g
	})
	s.record = sync.OnceValues(s.makeRecord)
	return s, nil
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
