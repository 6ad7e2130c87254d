package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// FuzzProtocol sends the server requests of any target, method, media type
// and body. Whatever comes in, it answers with a status of HTTP's ranges,
// and a successful answer says what it holds.
func FuzzProtocol(f *testing.F) {
	for _, s := range []struct{ method, target, ctype, body string }{
		{"GET", "/sparql?query=SELECT%20*%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201", "", ""},
		{"POST", "/sparql", "application/sparql-query", "ASK {}"},
		{"POST", "/sparql", "application/x-www-form-urlencoded", "query=SELECT+*+%7B%7D&default-graph-uri=urn%3Ax"},
		{"GET", "/sparql?query=%zz", "", ""},
		{"GET", "/sparql?query=" + strings.Repeat("(", 2000), "", ""},
		{"POST", "/sparql", "application/sparql-query", "SELECT * { FILTER(" + strings.Repeat("!", 3000) + "true) }"},
		{"GET", "/id/region-skane", "", ""},
		{"GET", "/id/../../etc/passwd", "", ""},
		{"HEAD", "/dump/kg.nt", "", ""},
		{"DELETE", "/sparql", "", ""},
		{"GET", "/search?q=sk%C3%A5ne", "", ""},
		{"POST", "/sparql", "application/sparql-update", "DELETE WHERE { ?s ?p ?o }"},
	} {
		f.Add(s.method, s.target, s.ctype, s.body)
	}
	h := testServer(f, Options{Timeout: 2 * time.Second, MaxResults: 100, MaxBody: 1 << 16})
	f.Fuzz(func(t *testing.T, method, target, ctype, body string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n\t") || !validMethod(method) {
			return // not a request line a client can send
		}
		if _, err := url.ParseRequestURI(target); err != nil {
			return // net/http answers 400 before any handler sees it
		}
		r := httptest.NewRequest(method, "http://localhost"+target, strings.NewReader(body))
		if ctype != "" && !strings.ContainsAny(ctype, "\r\n") {
			r.Header.Set("Content-Type", ctype)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code < 100 || w.Code > 599 {
			t.Fatalf("%s %s: status %d", method, target, w.Code)
		}
		if w.Code == http.StatusOK && method != http.MethodHead && w.Body.Len() > 0 && w.Header().Get("Content-Type") == "" {
			t.Fatalf("%s %s: 200 without a Content-Type", method, target)
		}
	})
}

func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, r := range m {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
