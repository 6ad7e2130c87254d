package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
)

func benchRequest(b *testing.B, h http.Handler, target, accept string) {
	b.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		b.Fatalf("%s: status %d: %s", target, w.Code, w.Body)
	}
	b.SetBytes(int64(w.Body.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r.Clone(r.Context()))
			if w.Code != http.StatusOK {
				b.Errorf("status %d", w.Code)
			}
		}
	})
}

// BenchmarkEntityPage renders the HTML page of Region Skåne, with the
// provenance of each statement.
func BenchmarkEntityPage(b *testing.B) {
	benchRequest(b, testServer(b, Options{}), "/id/region-skane", "text/html")
}

// BenchmarkEntityTurtle serves the same resource as Turtle.
func BenchmarkEntityTurtle(b *testing.B) {
	benchRequest(b, testServer(b, Options{}), "/id/region-skane", "text/turtle")
}

// BenchmarkSPARQLSimple runs a one-pattern query with a join on a type
// and returns SPARQL JSON.
func BenchmarkSPARQLSimple(b *testing.B) {
	q := url.Values{"query": {countyQuery}}.Encode()
	benchRequest(b, testServer(b, Options{}), "/sparql?"+q, "application/sparql-results+json")
}

// BenchmarkSearch searches labels.
func BenchmarkSearch(b *testing.B) {
	benchRequest(b, testServer(b, Options{}), "/search?q=Sk%C3%A5ne", "text/html")
}

// BenchmarkEntityRender builds the entity page without the cache: the
// cost of a first visit.
func BenchmarkEntityRender(b *testing.B) {
	s := testServer(b, Options{})
	r := httptest.NewRequest(http.MethodGet, "/id/region-skane", nil)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.entityHTML(r, testBase+"id/region-skane"); err != nil {
			b.Fatal(err)
		}
	}
}
