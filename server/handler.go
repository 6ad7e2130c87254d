package server

import (
	"net/http"
	"net/url"
	"strings"
)

// route is what a path offers: its handler and the methods besides GET,
// HEAD and OPTIONS it accepts. Handlers that show what the graph holds
// beyond query results wait for the graph's data (needsGraph); queries
// do not.
type route struct {
	handle func(http.ResponseWriter, *http.Request) error
	post   bool
}

// ServeHTTP checks the request, sets the headers every response carries
// and dispatches by path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	for k, v := range securityHeaders {
		h[k] = []string{v[0]}
	}
	if err := checkRequest(r); err != nil {
		s.fail(w, r, err)
		return
	}
	rt := s.route(r.URL.Path)
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		s.options(w, r, rt)
		return
	case http.MethodPost:
		if rt.post {
			break
		}
		fallthrough
	default:
		h.Set("Allow", allow(rt))
		s.fail(w, r, errorf(http.StatusMethodNotAllowed, "method %s is not allowed here (allowed: %s)", safeToken(r.Method), allow(rt)))
		return
	}
	if err := rt.handle(w, r); err != nil {
		s.fail(w, r, err)
	}
}

func (s *Server) route(path string) route {
	switch {
	case path == "/":
		return route{handle: s.needsGraph(s.front)}
	case path == "/search":
		return route{handle: s.needsGraph(s.searchPage)}
	case path == "/browse":
		return route{handle: s.needsGraph(s.browse)}
	case path == "/regions":
		return route{handle: s.needsGraph(s.regionsPage)}
	case path == "/mandates":
		return route{handle: s.needsGraph(s.mandatesPage)}
	case path == "/query":
		return route{handle: s.queryPage, post: true}
	case path == "/sparql":
		return route{handle: s.sparqlEndpoint, post: true}
	case strings.HasPrefix(path, "/static/"):
		return route{handle: s.static}
	case path == "/robots.txt":
		return route{handle: s.robots}
	case strings.HasPrefix(path, "/dump/"):
		return route{handle: s.dumpFile}
	case path == "/catalog.rdf", path == "/catalog.ttl":
		return route{handle: s.needsGraph(s.catalogFile)}
	case path == "/context.jsonld":
		return route{handle: s.contextFile}
	}
	return route{handle: s.needsGraph(s.resource)}
}

func allow(rt route) string {
	if rt.post {
		return "GET, HEAD, POST, OPTIONS"
	}
	return "GET, HEAD, OPTIONS"
}

// safeToken returns s when it is a short HTTP token and "?" otherwise, so
// that nothing a client sends is echoed unchecked.
func safeToken(s string) string {
	if len(s) > 20 || !isToken(s) {
		return "?"
	}
	return s
}

// securityHeaders go on every response. The policy allows this server's
// own style sheet and the one inline script of the query page, by hash;
// nothing else runs or loads.
var securityHeaders = http.Header{
	"X-Content-Type-Options":        {"nosniff"},
	"Content-Security-Policy":       {"default-src 'none'; style-src 'self'; img-src 'self' data:; script-src '" + scriptHash + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"},
	"Referrer-Policy":               {"strict-origin-when-cross-origin"},
	"X-Frame-Options":               {"DENY"},
	"Cross-Origin-Resource-Policy":  {"cross-origin"},
	"Access-Control-Allow-Origin":   {"*"},
	"Access-Control-Expose-Headers": {"ETag, Content-Location, Link, Vary, " + headerLimit + ", " + headerTruncated},
}

// options answers OPTIONS, including CORS preflight requests. The allowed
// request headers are a fixed list, never the client's own.
func (s *Server) options(w http.ResponseWriter, r *http.Request, rt route) {
	h := w.Header()
	h.Set("Allow", allow(rt))
	if r.Header.Get("Origin") != "" && r.Header.Get("Access-Control-Request-Method") != "" {
		h.Set("Access-Control-Allow-Methods", allow(rt))
		h.Set("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type, Cache-Control, If-None-Match, If-Modified-Since, X-Requested-With")
		h.Set("Access-Control-Max-Age", "86400")
	}
	h.Set("Content-Length", "0")
	w.WriteHeader(http.StatusNoContent)
}

// checkRequest refuses requests too large to read or with paths that try
// to leave the tree: dot segments, empty segments, backslashes, encoded
// slashes and control characters. Nothing is ever read from the file
// system by path (pages and assets are compiled in), so this is defence in
// depth and makes such probes fail loudly.
func checkRequest(r *http.Request) error {
	if len(r.RequestURI) > MaxURI {
		return errorf(http.StatusRequestURITooLong, "request target longer than %d bytes; send long queries with POST", MaxURI)
	}
	n := 0
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	if n > MaxHeader {
		return errorf(http.StatusRequestHeaderFieldsTooLarge, "request header fields larger than %d bytes", MaxHeader)
	}
	if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
		// Go's parser would drop the pair silently, and the request would
		// be answered as if the parameter had not been sent.
		return errorf(http.StatusBadRequest, "malformed query string: %v", err)
	}
	p := r.URL.Path
	raw := r.URL.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		return errorf(http.StatusBadRequest, "bad request path")
	}
	lower := strings.ToLower(raw)
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") {
		return errorf(http.StatusBadRequest, "bad request path: encoded slash, backslash or NUL")
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' {
			return errorf(http.StatusBadRequest, "bad request path: control character or backslash")
		}
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i < len(segs)-1) {
			return errorf(http.StatusBadRequest, "bad request path: empty or dot segment")
		}
	}
	return nil
}
