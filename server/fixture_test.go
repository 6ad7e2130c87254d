package server

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kg/catalog"
	"kg/ingest"
	"kg/store"
	"kg/term"
)

const testBase = "https://w3id.org/regionalkg/"

// spyStore refuses and counts every write, so tests can show that the
// server never writes.
type spyStore struct {
	store.Store
	writes atomic.Int32
}

var errWrite = errors.New("write to a store the server must only read")

func (s *spyStore) Replace(context.Context, []term.Quad) error { s.writes.Add(1); return errWrite }
func (s *spyStore) Add(context.Context, []term.Quad) error     { s.writes.Add(1); return errWrite }

// Resident passes the underlying store's answer on, so that queries take
// the same path as over the real store.
func (s *spyStore) Resident() bool {
	r, ok := s.Store.(store.Resident)
	return ok && r.Resident()
}

var fixture = struct {
	once  sync.Once
	quads []term.Quad
	st    *spyStore
	err   error
}{}

// testStore builds the graph of ../seeds once into a memory store.
func testStore(t testing.TB) (*spyStore, []term.Quad) {
	t.Helper()
	fixture.once.Do(func() {
		ctx := context.Background()
		res, err := ingest.Build(ctx, []string{"../seeds"}, ingest.Options{Base: testBase})
		if err != nil {
			fixture.err = err
			return
		}
		st, err := store.Open(ctx, "memory", store.Options{})
		if err != nil {
			fixture.err = err
			return
		}
		if err := st.Replace(ctx, res.Quads); err != nil {
			fixture.err = err
			return
		}
		fixture.quads = res.Quads
		fixture.st = &spyStore{Store: st}
	})
	if fixture.err != nil {
		t.Fatalf("building the test graph from ../seeds: %v", fixture.err)
	}
	return fixture.st, fixture.quads
}

var servers sync.Map // Options → *Server

// testPublishing names the publisher and contact of the test servers'
// DCAT record.
var testPublishing = catalog.Publishing{PublisherName: "Region Exempel", PublisherOrgnr: "232100-0255", Contact: "opendata@example.se"}

// testServer returns a server over the test graph.
func testServer(t testing.TB, opt Options) *Server {
	t.Helper()
	st, _ := testStore(t)
	opt.Base = testBase
	opt.Seeds = "../seeds"
	opt.Publishing = testPublishing
	key := [3]int64{int64(opt.Timeout), int64(opt.MaxResults), opt.MaxBody}
	if s, ok := servers.Load(key); ok {
		return s.(*Server)
	}
	s, err := New(context.Background(), st, opt)
	if err != nil {
		t.Fatal(err)
	}
	servers.Store(key, s)
	return s
}

// req describes one request of a table-driven test.
type req struct {
	method  string
	target  string
	header  map[string]string
	body    string
	headers http.Header // extra multi-valued headers
}

func do(t testing.TB, h http.Handler, r req) *httptest.ResponseRecorder {
	t.Helper()
	if r.method == "" {
		r.method = http.MethodGet
	}
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	hr := httptest.NewRequest(r.method, r.target, body)
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	for k, vs := range r.headers {
		for _, v := range vs {
			hr.Header.Add(k, v)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, hr)
	return w
}

func get(target string, accept string) req {
	return req{target: target, header: map[string]string{"Accept": accept}}
}

func sparqlGET(query string, extra url.Values, accept string) req {
	v := url.Values{"query": {query}}
	for k, vs := range extra {
		v[k] = vs
	}
	return get("/sparql?"+v.Encode(), accept)
}

func sparqlForm(query string, extra url.Values, accept string) req {
	v := url.Values{"query": {query}}
	for k, vs := range extra {
		v[k] = vs
	}
	return req{method: http.MethodPost, target: "/sparql", body: v.Encode(),
		header: map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}}
}

func sparqlDirect(query string, params url.Values, accept string) req {
	target := "/sparql"
	if len(params) > 0 {
		target += "?" + params.Encode()
	}
	return req{method: http.MethodPost, target: target, body: query,
		header: map[string]string{"Content-Type": "application/sparql-query", "Accept": accept}}
}

// withTimeout is a short deadline for the 503 tests.
var withTimeout = Options{Timeout: 30 * time.Millisecond}
