package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kg/export"
	"kg/sparql/algebra"
	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/sparql/results"
	"kg/term"
)

// Response header fields of query results. Every result carries the
// limit; results cut at the limit also carry the truncation field.
const (
	headerLimit     = "KG-Result-Limit"
	headerTruncated = "KG-Results-Truncated"
)

// offer is a media type the server can produce and the format behind it.
type offer struct {
	mediaType string
	format    string // a results or export format name, or "html"
}

func mediaTypes(offers []offer) []string {
	out := make([]string, len(offers))
	for i, o := range offers {
		out[i] = o.mediaType
	}
	return out
}

// Offers for SELECT and ASK results, in the server's order of preference
// (SPARQL JSON for clients that accept anything).
var solutionOffers = []offer{
	{"application/sparql-results+json", "json"},
	{"application/sparql-results+xml", "xml"},
	{"text/csv", "csv"},
	{"text/tab-separated-values", "tsv"},
	{"application/json", "json"},
	{"application/xml", "xml"},
	{"text/xml", "xml"},
	{"text/plain", "table"},
	{"text/html", "html"},
}

// rdfOffers are the RDF syntaxes, Turtle first; graphOffers add HTML for
// CONSTRUCT and DESCRIBE results.
var rdfOffers = func() []offer {
	var out []offer
	for _, name := range []string{"ttl", "jsonld", "nt", "rdfxml", "nq", "trig"} {
		f, _ := export.ByName(name)
		out = append(out, offer{f.MediaTypes[0], name})
	}
	for _, name := range []string{"ttl", "nq", "trig"} {
		f, _ := export.ByName(name)
		for _, mt := range f.MediaTypes[1:] {
			out = append(out, offer{mt, name})
		}
	}
	// JSON-LD is JSON: clients that ask for application/json get it.
	out = append(out, offer{"application/json", "jsonld"})
	return out
}()

var graphOffers = append(slices.Clone(rdfOffers), offer{"text/html", "html"})

// formatAliases are the format parameter values other endpoints and
// clients use (SPARQLWrapper sends format=xml for RDF/XML graphs), each
// with the formats it may mean, tried in order against what is offered.
var formatAliases = map[string][]string{
	"xml":       {"xml", "rdfxml"},
	"rdf":       {"rdfxml"},
	"rdf+xml":   {"rdfxml"},
	"rdf/xml":   {"rdfxml"},
	"json+ld":   {"jsonld"},
	"json":      {"json", "jsonld"},
	"json-ld":   {"jsonld"},
	"turtle":    {"ttl"},
	"n3":        {"ttl"},
	"ntriples":  {"nt"},
	"n-triples": {"nt"},
	"nquads":    {"nq"},
	"n-quads":   {"nq"},
	"text":      {"table"},
	"txt":       {"table"},
	"htm":       {"html"},
}

// pick chooses the representation: the format parameter when given (a
// format name, extension, media type or alias), else the Accept header.
// Clients may repeat the parameter with several spellings of one format
// (SPARQLWrapper sends format=rdf+xml&format=application/rdf+xml); the
// first value that names an offered format wins. It returns an error for
// 406 Not Acceptable.
func pick(r *http.Request, offers []offer, formats ...string) (offer, error) {
	asked := false
	for _, format := range formats {
		if format == "" {
			continue
		}
		asked = true
		if o, ok := offerNamed(offers, format); ok {
			return o, nil
		}
	}
	if asked {
		return offer{}, notAcceptable(offers, "the requested format is not available here")
	}
	i := negotiate(r.Header.Values("Accept"), mediaTypes(offers))
	if i < 0 {
		return offer{}, notAcceptable(offers, "none of the media types in Accept is available here")
	}
	return offers[i], nil
}

// offerNamed finds the offer a format parameter value names.
func offerNamed(offers []offer, format string) (offer, bool) {
	for _, o := range offers {
		if strings.EqualFold(format, o.format) || strings.EqualFold(format, o.mediaType) {
			return o, true
		}
	}
	// A fresh slice: appending must never write into the shared table.
	names := slices.Clone(formatAliases[strings.ToLower(format)])
	if f, ok := export.Lookup(format); ok {
		names = append(names, f.Name)
	}
	if f, ok := results.ByName(format); ok {
		names = append(names, f.Name)
	}
	for _, name := range names {
		for _, o := range offers {
			if o.format == name {
				return o, true
			}
		}
	}
	return offer{}, false
}

func notAcceptable(offers []offer, why string) error {
	var mts []string
	for _, o := range offers {
		if !slices.Contains(mts, o.mediaType) {
			mts = append(mts, o.mediaType)
		}
	}
	return errorf(http.StatusNotAcceptable, "%s; available: %s", why, strings.Join(mts, ", "))
}

// contentType adds the charset to textual media types.
func contentType(mt string) string {
	if strings.HasPrefix(mt, "text/") {
		return mt + "; charset=utf-8"
	}
	return mt
}

// protocolRequest is a query as the SPARQL 1.1 Protocol delivers it.
type protocolRequest struct {
	query    string
	hasQuery bool
	defaults []term.Term // default-graph-uri
	named    []term.Term // named-graph-uri
	formats  []string    // the non-standard format and output parameters, in order
}

// readProtocol reads the query and its dataset from a GET or POST request
// (§2.1 of the protocol: query via GET, via URL-encoded POST, via POST
// directly).
func (s *Server) readProtocol(w http.ResponseWriter, r *http.Request) (protocolRequest, error) {
	var req protocolRequest
	params, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return req, errorf(http.StatusBadRequest, "malformed query string: %v", err)
	}
	if r.Method == http.MethodPost {
		ct := r.Header.Get("Content-Type")
		mt, ps, err := mime.ParseMediaType(ct)
		if ct == "" || err != nil {
			return req, errorf(http.StatusUnsupportedMediaType, "POST needs Content-Type application/x-www-form-urlencoded or application/sparql-query")
		}
		switch mt {
		case "application/x-www-form-urlencoded":
			body, err := s.readBody(w, r)
			if err != nil {
				return req, err
			}
			form, err := url.ParseQuery(string(body))
			if err != nil {
				return req, errorf(http.StatusBadRequest, "malformed form body: %v", err)
			}
			for k, vs := range form {
				params[k] = append(params[k], vs...)
			}
		case "application/sparql-query":
			if cs, ok := ps["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
				return req, errorf(http.StatusUnsupportedMediaType, "queries must be sent in UTF-8")
			}
			if params.Has("query") {
				return req, errorf(http.StatusBadRequest, "give the query either in the body or as the query parameter, not both")
			}
			body, err := s.readBody(w, r)
			if err != nil {
				return req, err
			}
			req.query, req.hasQuery = string(body), true
		case "application/sparql-update":
			return req, errorf(http.StatusUnsupportedMediaType, "SPARQL Update is not accepted: this endpoint is read-only")
		default:
			return req, errorf(http.StatusUnsupportedMediaType, "unsupported Content-Type for a query; use application/x-www-form-urlencoded or application/sparql-query")
		}
	}
	if params.Has("update") || params.Has("using-graph-uri") || params.Has("using-named-graph-uri") {
		return req, errorf(http.StatusBadRequest, "SPARQL Update is not accepted: this endpoint is read-only")
	}
	if qs := params["query"]; len(qs) > 1 {
		return req, errorf(http.StatusBadRequest, "more than one query parameter")
	} else if len(qs) == 1 {
		req.query, req.hasQuery = qs[0], true
	}
	if !utf8.ValidString(req.query) {
		return req, errorf(http.StatusBadRequest, "the query is not valid UTF-8")
	}
	if req.defaults, err = graphIRIs(params["default-graph-uri"], "default-graph-uri"); err != nil {
		return req, err
	}
	if req.named, err = graphIRIs(params["named-graph-uri"], "named-graph-uri"); err != nil {
		return req, err
	}
	// format, or output as some clients call it, overrides Accept.
	req.formats = append(slices.Clone(params["format"]), params["output"]...)
	return req, nil
}

// readBody reads at most MaxBody bytes; a larger body is 413.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBody))
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return nil, errorf(http.StatusRequestEntityTooLarge, "request body larger than %d bytes", s.opt.MaxBody)
	}
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "cannot read the request body")
	}
	return body, nil
}

// graphIRIs checks the graph IRIs of the protocol's dataset parameters.
func graphIRIs(vs []string, param string) ([]term.Term, error) {
	var out []term.Term
	for _, v := range vs {
		if !absoluteIRI(v) {
			return nil, errorf(http.StatusBadRequest, "%s: not an absolute IRI", param)
		}
		out = append(out, term.IRI(v))
	}
	return out, nil
}

// absoluteIRI accepts an IRI with a scheme and none of the characters
// RFC 3987 excludes.
func absoluteIRI(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 1 || !utf8.ValidString(s) {
		return false
	}
	for j, c := range s[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	for _, c := range s {
		if c <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", c) {
			return false
		}
	}
	return true
}

// outcome is an evaluated query, cut at the result limit.
type outcome struct {
	q         *algebra.Query
	rows      [][]term.Term
	boolean   bool
	quads     []term.Quad // CONSTRUCT and DESCRIBE, sorted triples first
	truncated bool
	elapsed   time.Duration
}

var errLimit = errors.New("result limit reached")

// admit starts one query: its deadline runs from the moment the request
// is read, through waiting for a turn at the gate, parsing and evaluation.
// Parsing happens within the turn, so that the work of parsing is bounded
// by the gate too (the body by MaxBody). done ends the query.
func (s *Server) admit(ctx context.Context) (_ context.Context, done func(), _ error) {
	ctx, cancel := context.WithTimeout(ctx, s.opt.Timeout)
	if err := s.opt.Gate.enter(ctx); err != nil {
		cancel()
		return nil, nil, err
	}
	return ctx, func() { s.opt.Gate.leave(); cancel() }, nil
}

// parseQuery parses the text within the query's deadline, which parsing
// counts against; syntax errors are 400 with the parser's message
// (line:column: what).
func (s *Server) parseQuery(ctx context.Context, text string) (*algebra.Query, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errorf(http.StatusBadRequest, "empty query")
	}
	q, err := parse.Query(text, parse.Options{Base: s.base})
	if cerr := ctx.Err(); cerr != nil {
		return nil, s.stopped(cerr)
	}
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "query syntax error: %v", err)
	}
	return q, nil
}

// stopped is the answer to a query that hit a limit.
func (s *Server) stopped(err error) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return errorf(http.StatusServiceUnavailable, "query stopped: it ran longer than the server's limit of %s", s.opt.Timeout)
	case errors.Is(err, context.Canceled):
		return errorf(http.StatusServiceUnavailable, "query canceled")
	case errors.Is(err, eval.ErrMemory):
		return errorf(http.StatusServiceUnavailable, "query stopped: it needs more memory than the server's limit of %s per query", mebibytes(s.opt.MaxMemory))
	case errors.Is(err, eval.ErrTermSize):
		return errorf(http.StatusServiceUnavailable, "query stopped: it computes a string or number larger than the server's limit of %s", mebibytes(int64(s.opt.MaxTermSize)))
	}
	return nil
}

// mebibytes writes a size in MiB, or in bytes when smaller.
func mebibytes(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// run evaluates q under ctx, a query admitted by admit. The dataset is the
// store, restricted by the protocol's graph parameters or else by the
// query's own FROM and FROM NAMED, which name graphs of the store: nothing
// is loaded from anywhere else.
func (s *Server) run(ctx context.Context, q *algebra.Query, req protocolRequest) (*outcome, error) {
	start := time.Now()
	ds := s.ds
	switch {
	case len(req.defaults) > 0 || len(req.named) > 0:
		ds = eval.Restrict(ds, req.defaults, req.named)
	case q.Dataset != nil:
		ds = eval.Restrict(ds, q.Dataset.Default, q.Dataset.Named)
	}
	out := &outcome{q: q}
	opt := eval.Options{Base: s.base, MaxMemory: s.opt.MaxMemory, MaxTermSize: s.opt.MaxTermSize, MaxTriples: s.opt.MaxResults}
	var err error
	switch q.Form {
	case algebra.Select:
		err = eval.Select(ctx, ds, q, opt, func(row []term.Term) error {
			if len(out.rows) >= s.opt.MaxResults {
				out.truncated = true
				return errLimit
			}
			out.rows = append(out.rows, slices.Clone(row))
			return nil
		})
		if errors.Is(err, errLimit) {
			err = nil
		}
	default:
		var res *eval.Result
		res, err = eval.Query(ctx, ds, q, opt)
		if err == nil {
			out.boolean, out.truncated = res.Bool, res.Truncated
			for _, t := range res.Triples {
				out.quads = append(out.quads, t.InGraph(term.Term{}))
			}
			slices.SortFunc(out.quads, term.CompareTriplesFirst)
			out.quads = slices.Compact(out.quads)
			if len(out.quads) > s.opt.MaxResults {
				out.quads, out.truncated = out.quads[:s.opt.MaxResults], true
			}
		}
	}
	out.elapsed = time.Since(start)
	if err != nil {
		if he := s.stopped(err); he != nil {
			return nil, he
		}
		return nil, errorf(http.StatusBadRequest, "query failed: %v", err)
	}
	return out, nil
}

// sparqlEndpoint implements the SPARQL 1.1 Protocol's query operation.
// Without a query it describes the service (RDF) or shows the query page
// (HTML).
func (s *Server) sparqlEndpoint(w http.ResponseWriter, r *http.Request) error {
	w.Header().Add("Vary", "Accept")
	req, err := s.readProtocol(w, r)
	if err != nil {
		return err
	}
	if !req.hasQuery {
		if r.Method == http.MethodPost {
			return errorf(http.StatusBadRequest, "missing query")
		}
		o, err := pick(r, graphOffers, req.formats...)
		if err != nil {
			return err
		}
		if o.format == "html" {
			return s.renderQueryPage(w, r, queryView{Query: s.examples[0].Query})
		}
		if _, err := s.graph(); err != nil {
			return err
		}
		quads, err := s.about(r.Context(), s.base+"sparql")
		if err != nil {
			return err
		}
		return s.serveQuads(w, r, o, quads)
	}
	ctx, done, err := s.admit(r.Context())
	if err != nil {
		return err
	}
	defer done()
	q, err := s.parseQuery(ctx, req.query)
	if err != nil {
		return err
	}
	offers := solutionOffers
	if q.Form == algebra.Construct || q.Form == algebra.Describe {
		offers = graphOffers
	}
	o, err := pick(r, offers, req.formats...)
	if err != nil {
		return err
	}
	out, err := s.run(ctx, q, req)
	if err != nil {
		if o.format == "html" {
			return s.renderQueryPage(w, r, queryView{Query: req.query, Error: err.Error(), status: statusOf(err)})
		}
		return err
	}
	if o.format == "html" {
		// The table names resources by their labels.
		if _, err := s.graph(); err != nil {
			return err
		}
		return s.renderQueryPage(w, r, s.queryResultView(req.query, out))
	}
	return s.writeOutcome(w, r, o, out)
}

func statusOf(err error) int {
	var he *httpError
	if errors.As(err, &he) {
		return he.status
	}
	return http.StatusInternalServerError
}

// writeOutcome writes a result in a results or RDF format. Rows are held
// until the query has finished (at most the result limit), so that a
// deadline or an error is still a proper status, and the truncation
// header can be set.
func (s *Server) writeOutcome(w http.ResponseWriter, r *http.Request, o offer, out *outcome) error {
	h := w.Header()
	h.Set(headerLimit, strconv.Itoa(s.opt.MaxResults))
	if out.truncated {
		h.Set(headerTruncated, "true")
	}
	h.Set("Cache-Control", "no-cache")
	if out.q.Form == algebra.Construct || out.q.Form == algebra.Describe {
		return s.serveQuads(w, r, o, out.quads)
	}
	// The result is written whole before the status, so that a value
	// the format cannot hold is still an error status.
	var b bytes.Buffer
	if err := writeResults(&b, o.format, out, s.prefixMap()); err != nil {
		if errors.Is(err, results.ErrUnrepresentable) {
			return errorf(http.StatusNotAcceptable, "%v; ask for another format (application/sparql-results+json, text/csv or text/tab-separated-values hold any string)", err)
		}
		return err
	}
	h.Set("Content-Type", contentType(o.mediaType))
	h.Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		if _, err := w.Write(b.Bytes()); err != nil {
			s.opt.Logf("writing a response: %v", err)
		}
	}
	return nil
}

// writeResults writes a SELECT or ASK result in a results format.
func writeResults(w io.Writer, format string, out *outcome, prefixes map[string]string) error {
	if out.q.Form == algebra.Ask {
		return results.WriteBoolean(format, w, out.boolean)
	}
	f, _ := results.ByName(format)
	wr := f.New(w, results.Options{Prefixes: prefixes})
	if err := wr.Begin(out.q.Vars); err != nil {
		return err
	}
	for _, row := range out.rows {
		if err := wr.Row(row); err != nil {
			return err
		}
	}
	return wr.End()
}

func (s *Server) prefixMap() map[string]string {
	m := map[string]string{}
	for _, p := range s.prefix {
		m[p.Name] = p.IRI
	}
	return m
}

// serveQuads writes quads in an RDF syntax (the offer's format, never
// HTML here), with a strong ETag.
func (s *Server) serveQuads(w http.ResponseWriter, r *http.Request, o offer, quads []term.Quad) error {
	f, ok := export.ByName(o.format)
	if !ok {
		return fmt.Errorf("no RDF format %q", o.format)
	}
	body, err := s.encode(f, quads)
	if errors.Is(err, export.ErrUnrepresentable) {
		return errorf(http.StatusNotAcceptable, "%v; ask for another format (Turtle, N-Triples, JSON-LD hold any string and IRI)", err)
	}
	if err != nil {
		return err
	}
	s.serveBytes(w, r, contentType(o.mediaType), body)
	return nil
}
