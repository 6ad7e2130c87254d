package server

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"kg/store"
	"kg/term"
)

// smallServer serves a graph of n things with three statements each, one
// of them a literal holding U+0000.
func smallServer(t *testing.T, n int, opt Options) *Server {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, "memory", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var quads []term.Quad
	for i := range n {
		s := term.IRI(testBase + "id/thing-" + strconv.Itoa(i))
		quads = append(quads,
			term.Quad{S: s, P: term.IRI(term.RDFType), O: term.IRI(testBase + "Thing")},
			term.Quad{S: s, P: term.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: term.String(fmt.Sprintf("thing %d", i))},
			term.Quad{S: s, P: term.IRI(testBase + "note"), O: term.String(fmt.Sprintf("a\x00b %d", i))})
	}
	if err := st.Replace(ctx, quads); err != nil {
		t.Fatal(err)
	}
	opt.Base = testBase
	s, err := New(ctx, st, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestNULInXMLResults: XML 1.0 cannot hold U+0000, not even as a
// character reference, and the SPARQL XML results format has no escape of
// its own: a result holding one is 406 with a message naming the
// character and formats that can carry it, never 200 with an empty body;
// so is RDF/XML, for CONSTRUCT results and descriptions. JSON carries it.
func TestNULInXMLResults(t *testing.T) {
	s := smallServer(t, 3, Options{})
	q := `SELECT ?n WHERE { ?s <` + testBase + `note> ?n }`
	w := do(t, s, sparqlGET(q, nil, "application/sparql-results+xml"))
	if w.Code != http.StatusNotAcceptable || !strings.Contains(w.Body.String(), "U+0000") || !strings.Contains(w.Body.String(), "json") {
		t.Errorf("XML: status %d, body %q; want 406 naming U+0000 and another format", w.Code, w.Body)
	}
	w = do(t, s, sparqlGET(q, nil, "application/sparql-results+json"))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `a\u0000b`) {
		t.Errorf("JSON: status %d, body %q", w.Code, w.Body)
	}
	w = do(t, s, sparqlGET(`CONSTRUCT WHERE { ?s <`+testBase+`note> ?n }`, nil, "application/rdf+xml"))
	if w.Code != http.StatusNotAcceptable || !strings.Contains(w.Body.String(), "U+0000") {
		t.Errorf("RDF/XML: status %d, body %q; want 406 naming U+0000", w.Code, w.Body)
	}
	w = do(t, s, get("/id/thing-0", "application/rdf+xml"))
	if w.Code != http.StatusNotAcceptable || !strings.Contains(w.Body.String(), "U+0000") {
		t.Errorf("RDF/XML description: status %d, body %q; want 406 naming U+0000", w.Code, w.Body)
	}
	w = do(t, s, sparqlGET(`SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }`, nil, "application/sparql-results+xml"))
	if w.Code != 200 || !strings.Contains(w.Body.String(), "thing 1") || w.Header().Get("Content-Length") == "" {
		t.Errorf("XML without U+0000: status %d, body %q", w.Code, w.Body)
	}
}

// TestMalformedQueryString: a bad percent escape in the query string is
// 400 naming it, not the service page as if no query had been sent.
func TestMalformedQueryString(t *testing.T) {
	s := smallServer(t, 1, Options{})
	for _, target := range []string{"/sparql?query=%zz", "/query?query=%zz", "/search?q=%zz"} {
		w := do(t, s, get(target, "text/plain"))
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "%zz") {
			t.Errorf("%s: status %d, body %q; want 400 naming %%zz", target, w.Code, w.Body)
		}
	}
}

// TestQueryResourceLimits: a query that computes too large a string or
// holds too much memory is 503 with a message naming the limit; a
// cartesian CONSTRUCT stops at the result limit while it is built, within
// a memory budget that all of its triples would exceed.
func TestQueryResourceLimits(t *testing.T) {
	s := smallServer(t, 60, Options{MaxMemory: 256 << 10, MaxTermSize: 4096, MaxResults: 5})
	var chain strings.Builder
	chain.WriteString(`SELECT * { BIND("` + strings.Repeat("x", 100) + `" AS ?v0)`)
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&chain, " BIND(CONCAT(?v%d, ?v%d) AS ?v%d)", i-1, i-1, i)
	}
	chain.WriteString(" }")
	for _, c := range []struct{ name, query, body string }{
		{"CONCAT chain", chain.String(), "limit of 4096 bytes"},
		{"cartesian ORDER BY", `SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c`, "memory"},
	} {
		w := do(t, s, sparqlGET(c.query, nil, "application/sparql-results+json"))
		if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), c.body) {
			t.Errorf("%s: status %d, body %q; want 503 with %q", c.name, w.Code, w.Body, c.body)
		}
	}
	w := do(t, s, sparqlGET(`CONSTRUCT { ?a <http://ex/x> ?f } { ?a ?b ?c . ?d ?e ?f }`, nil, "application/n-triples"))
	if w.Code != 200 || strings.Count(w.Body.String(), "\n") != 5 || w.Header().Get(headerTruncated) != "true" {
		t.Errorf("cartesian CONSTRUCT: status %d, truncated %q, body %q", w.Code, w.Header().Get(headerTruncated), w.Body)
	}
}

// TestGate: beyond the queries running at once, requests wait in a
// bounded queue; beyond the queue, and when the deadline passes while
// waiting, the answer is 503 with Retry-After. A waiting query runs as
// soon as a turn is free.
func TestGate(t *testing.T) {
	gate := NewGate(1, 1)
	s := smallServer(t, 2, Options{Gate: gate})
	short := smallServer(t, 2, Options{Gate: gate, Timeout: 20 * time.Millisecond})
	q := sparqlGET(`SELECT (COUNT(*) AS ?n) { ?s ?p ?o }`, nil, "text/csv")
	if err := gate.enter(context.Background()); err != nil { // the one running query
		t.Fatal(err)
	}
	queued := make(chan int)
	go func() { queued <- do(t, s, q).Code }()
	for len(gate.queue) == 0 {
		time.Sleep(time.Millisecond)
	}
	w := do(t, s, q)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("queue full: status %d, Retry-After %q; want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	w = do(t, s, get("/query?query="+url.QueryEscape("ASK {}"), "text/html"))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("query page, queue full: status %d, Retry-After %q; want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	gate.leave()
	if code := <-queued; code != 200 {
		t.Errorf("queued query: status %d, want 200", code)
	}
	if err := gate.enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	w = do(t, short, q)
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("deadline while queued: status %d, Retry-After %q; want 503 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	gate.leave()
	if w := do(t, s, q); w.Code != 200 {
		t.Errorf("free gate: status %d", w.Code)
	}
}
