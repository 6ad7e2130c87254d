package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"html"
	"io"
	"regexp"
	"strings"
	"testing"
)

// TestYASGUIPage: the query page without a query mounts YASGUI from the
// server's own files, hands it the first example and kg's prefixes, and
// keeps the plain form; result pages stay plain. Only the query page's
// policy admits the server's scripts and connections to it.
func TestYASGUIPage(t *testing.T) {
	s := testServer(t, Options{})
	w := do(t, s, get("/query", "text/html"))
	page := w.Body.String()
	for _, has := range []string{
		`<section id="yasgui-section" aria-label="YASGUI" hidden>`, `<div id="yasgui"></div>`,
		`<link rel="stylesheet" href="/static/yasgui.min.css">`,
		`<script src="/static/yasgui.min.js"></script>`, `<script src="/static/query-yasgui.js"></script>`,
		`id="query-form"`, `id="query-editor"`, `rel="license" href="/static/yasgui-LICENSE.txt"`,
	} {
		if !strings.Contains(page, has) {
			t.Errorf("the query page lacks %s", has)
		}
	}
	m := regexp.MustCompile(`(?s)<script type="application/json" id="yasgui-config">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no YASGUI configuration on the query page")
	}
	var cfg yasguiConfig
	if err := json.Unmarshal([]byte(m[1]), &cfg); err != nil {
		t.Fatalf("YASGUI configuration: %v: %s", err, m[1])
	}
	if cfg.Query != s.examples[0].Query || cfg.Base != testBase || cfg.Prefixes["kgo"] != kgo || cfg.Prefixes["skos"] != "http://www.w3.org/2004/02/skos/core#" {
		t.Errorf("YASGUI configuration %+v", cfg)
	}
	csp := w.Header().Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self' 'sha256-", "connect-src 'self';", "style-src 'self' 'sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk=' 'sha256-c0O6TmFAkgpNbHxKAa1BrveWHHopjEtC47i0PzMudxg=';", "default-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the query page's policy %q lacks %q", csp, want)
		}
	}
	for _, target := range []string{"/", "/id/region-skane", "/regions", "/search?q=Sk%C3%A5ne", "/nope"} {
		if csp := do(t, s, get(target, "text/html")).Header().Get("Content-Security-Policy"); strings.Contains(csp, "'self' 'sha256") || strings.Contains(csp, "connect-src") {
			t.Errorf("%s: policy %q admits what only the query page needs", target, csp)
		}
	}
	// A result page is the plain, server-rendered one.
	res := do(t, s, get("/query?query="+escape(countyQuery), "text/html")).Body.String()
	if strings.Contains(res, "yasgui") || !strings.Contains(res, `id="results-table"`) {
		t.Error("a result page mounts YASGUI or lacks its table")
	}
	for name, ct := range map[string]string{
		"/static/yasgui.min.js":          "text/javascript; charset=utf-8",
		"/static/query-yasgui.js":        "text/javascript; charset=utf-8",
		"/static/yasgui.min.css":         "text/css; charset=utf-8",
		"/static/yasgui-LICENSE.txt":     "text/plain; charset=utf-8",
		"/static/sweden-svg-LICENSE.txt": "text/plain; charset=utf-8",
	} {
		w := do(t, s, get(name, ""))
		if w.Code != 200 || w.Header().Get("Content-Type") != ct || w.Body.Len() == 0 {
			t.Errorf("%s: %d %q (%d bytes), want 200 %q", name, w.Code, w.Header().Get("Content-Type"), w.Body.Len(), ct)
		}
	}
	// The bundle refers to no source map the server does not have.
	if js := do(t, s, get("/static/yasgui.min.js", "")).Body.String(); strings.Contains(js, "sourceMappingURL") {
		t.Error("yasgui.min.js refers to a source map")
	}
	if lic := html.UnescapeString(do(t, s, get("/static/yasgui-LICENSE.txt", "")).Body.String()); !strings.Contains(lic, "MIT License") || !strings.Contains(lic, "@zazuko/yasgui 4.6.2") {
		t.Error("the YASGUI licence does not name the package and the MIT licence")
	}
}

// TestStaticGzip: large assets go gzip-encoded to clients that accept it,
// and unchanged to the others; small ones always unchanged.
func TestStaticGzip(t *testing.T) {
	s := testServer(t, Options{})
	want, err := assets.ReadFile("static/yasgui.min.js")
	if err != nil {
		t.Fatal(err)
	}
	plain := do(t, s, get("/static/yasgui.min.js", ""))
	if plain.Header().Get("Content-Encoding") != "" || !bytes.Equal(plain.Body.Bytes(), want) || plain.Header().Get("Vary") != "Accept-Encoding" {
		t.Errorf("without Accept-Encoding: %v, %d bytes", plain.Header(), plain.Body.Len())
	}
	gz := do(t, s, req{target: "/static/yasgui.min.js", header: map[string]string{"Accept-Encoding": "gzip, br"}})
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Body.Len() >= len(want)/2 || gz.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Fatalf("with gzip: %v, %d bytes", gz.Header(), gz.Body.Len())
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, want) {
		t.Errorf("the gzip body does not decode to the asset: %v", err)
	}
	small := do(t, s, req{target: "/static/style.css", header: map[string]string{"Accept-Encoding": "gzip"}})
	if small.Header().Get("Content-Encoding") != "" || small.Code != 200 {
		t.Errorf("style.css: %d %v", small.Code, small.Header())
	}
}
