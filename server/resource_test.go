package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"kg/catalog"
	"kg/export"
	"kg/ontology"
	"kg/rdfio"
	"kg/store"
	"kg/term"
)

// parseRDF reads a body in the named export format.
func parseRDF(t *testing.T, format string, body []byte) []term.Quad {
	t.Helper()
	f, ok := export.ByName(format)
	if !ok || f.Parse == nil {
		t.Fatalf("no parser for %s", format)
	}
	var out []term.Quad
	err := f.Parse(bytes.NewReader(body), rdfio.Options{Base: testBase, Contexts: export.Contexts(testBase)}, func(q term.Quad) error {
		out = append(out, q)
		return nil
	})
	if err != nil {
		t.Fatalf("parsing %s: %v\n%.2000s", format, err, body)
	}
	return out
}

func hasTriple(qs []term.Quad, s, p string, o term.Term) bool {
	for _, q := range qs {
		if q.S.Value == s && q.P.Value == p && q.O == o {
			return true
		}
	}
	return false
}

// TestDereference checks content negotiation on minted IRIs: direct 200
// answers with Content-Location and Vary, document URLs by extension, and
// the format parameter.
func TestDereference(t *testing.T) {
	s := testServer(t, Options{})
	skane := testBase + "id/region-skane"
	label := term.LangString("Region Skåne", "sv")
	for _, c := range []struct {
		name     string
		r        req
		ct       string
		location string // Content-Location, "" for none
		vary     bool
		format   string // parse the body as this; "" for HTML
	}{
		{"browser", get("/id/region-skane", "text/html,application/xhtml+xml,*/*;q=0.8"), "text/html; charset=utf-8", "/id/region-skane.html", true, ""},
		{"anything", get("/id/region-skane", "*/*"), "text/html; charset=utf-8", "/id/region-skane.html", true, ""},
		{"turtle", get("/id/region-skane", "text/turtle"), "text/turtle; charset=utf-8", "/id/region-skane.ttl", true, "ttl"},
		{"json-ld", get("/id/region-skane", "application/ld+json"), "application/ld+json", "/id/region-skane.jsonld", true, "jsonld"},
		{"n-triples", get("/id/region-skane", "application/n-triples"), "application/n-triples", "/id/region-skane.nt", true, "nt"},
		{"rdf/xml", get("/id/region-skane", "application/rdf+xml"), "application/rdf+xml", "/id/region-skane.rdf", true, "rdfxml"},
		{"n-quads", get("/id/region-skane", "application/n-quads"), "application/n-quads", "/id/region-skane.nq", true, "nq"},
		{"trig", get("/id/region-skane", "application/trig"), "application/trig", "/id/region-skane.trig", true, "trig"},
		{"rdf client q-values", get("/id/region-skane", "text/html;q=0.1, application/n-triples;q=0.8, text/turtle;q=0.9"), "text/turtle; charset=utf-8", "/id/region-skane.ttl", true, "ttl"},
		{"extension .ttl", get("/id/region-skane.ttl", "text/html"), "text/turtle; charset=utf-8", "", false, "ttl"},
		{"extension .jsonld", get("/id/region-skane.jsonld", ""), "application/ld+json", "", false, "jsonld"},
		{"extension .nt", get("/id/region-skane.nt", ""), "application/n-triples", "", false, "nt"},
		{"extension .html", get("/id/region-skane.html", "text/turtle"), "text/html; charset=utf-8", "", false, ""},
		{"format parameter", get("/id/region-skane?format=nt", "text/html"), "application/n-triples", "", true, "nt"},
		{"format parameter by media type", get("/id/region-skane?format=text/turtle", ""), "text/turtle; charset=utf-8", "", true, "ttl"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, s, c.r)
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			h := w.Header()
			if h.Get("Content-Type") != c.ct {
				t.Errorf("Content-Type %q, want %q", h.Get("Content-Type"), c.ct)
			}
			if h.Get("Content-Location") != c.location {
				t.Errorf("Content-Location %q, want %q", h.Get("Content-Location"), c.location)
			}
			if slices.Contains(h.Values("Vary"), "Accept") != c.vary {
				t.Errorf("Vary %q", h.Values("Vary"))
			}
			if h.Get("ETag") == "" || h.Get("Last-Modified") == "" {
				t.Error("no ETag or Last-Modified")
			}
			if !strings.Contains(h.Get("Link"), `</id/region-skane.ttl>; rel="alternate"; type="text/turtle"`) {
				t.Errorf("Link %q", h.Get("Link"))
			}
			if c.format == "" {
				if !strings.Contains(w.Body.String(), `<h1 id="entity-title" lang="sv">Region Skåne</h1>`) {
					t.Errorf("page lacks the title")
				}
				return
			}
			qs := parseRDF(t, c.format, w.Body.Bytes())
			if !hasTriple(qs, skane, ontology.SKOS+"prefLabel", label) {
				t.Errorf("no prefLabel in %s", c.format)
			}
			if !hasTriple(qs, skane, term.RDFType, term.IRI(ontology.Region)) {
				t.Errorf("no type in %s", c.format)
			}
			if c.format == "nq" || c.format == "trig" {
				// The quad formats keep the passage graphs: provenance.
				named := false
				for _, q := range qs {
					named = named || strings.HasPrefix(q.G.Value, passage)
				}
				if !named {
					t.Errorf("%s without passage graphs", c.format)
				}
			}
		})
	}
}

// TestDocuments checks the other things the server dereferences:
// passages, the ontology, VoID, DCAT, and the 404 for unknown IRIs.
func TestDocuments(t *testing.T) {
	s := testServer(t, Options{})
	for _, c := range []struct {
		name   string
		r      req
		status int
		ct     string
		has    []string
	}{
		{"passage page", get("/report/21-vagar-till-hallbar-regional-utveckling/passage/38-7", "text/html"), 200, "text/html; charset=utf-8",
			[]string{`id="passage"`, "Regionplan för Skåne", `id="statements"`, "Tryckt sida 37, PDF-sida 38."}},
		{"source page", get("/source/kg-vocabulary", "text/html"), 200, "text/html; charset=utf-8", []string{`id="statements"`}},
		{"report page", get("/report/21-vagar-till-hallbar-regional-utveckling", "text/html"), 200, "text/html; charset=utf-8", []string{`id="incoming"`, `class="more">och `, "till (använd frågesidan)"}},
		{"county links out", get("/id/skane-lan", "text/html"), 200, "text/html; charset=utf-8",
			[]string{`id="links-out"`, `href="http://www.wikidata.org/entity/Q103659"`, "http://data.europa.eu/nuts/code/SE224", `lang="en">Skåne County<`}},
		{"law links to SFS", get("/id/lag-om-regionalt-utvecklingsansvar", "text/html"), 200, "text/html; charset=utf-8", []string{"https://lagen.nu/2010:630"}},
		{"ontology html", get("/ontology", "text/html"), 200, "text/html; charset=utf-8",
			[]string{`id="Region"`, `id="hierarchy"`, `id="alignments"`, `lang="sv">region`, "org:Organization", `id="servesCounty"`}},
		{"ontology turtle", get("/ontology", "text/turtle"), 200, "text/turtle; charset=utf-8", []string{"owl:Ontology"}},
		{"ontology version IRI", get("/ontology/"+ontology.Version, "text/turtle"), 200, "text/turtle; charset=utf-8", []string{"owl:Ontology"}},
		{"ontology json-ld", get("/ontology.jsonld", ""), 200, "application/ld+json", []string{"@context"}},
		{"void", get("/.well-known/void", ""), 200, "text/turtle; charset=utf-8", []string{"void:Dataset", "void:triples", "void:sparqlEndpoint"}},
		{"void n-triples", get("/.well-known/void", "application/n-triples"), 200, "application/n-triples", []string{"<http://rdfs.org/ns/void#Dataset>"}},
		{"void html is 406", get("/.well-known/void", "text/html"), 406, "", nil},
		{"dcat rdf/xml", get("/catalog.rdf", ""), 200, "application/rdf+xml", []string{"http://www.w3.org/ns/dcat#Dataset", "http://www.w3.org/ns/dcat#Catalog", "<dcat:distribution"}},
		{"dcat turtle", get("/catalog.ttl", ""), 200, "text/turtle; charset=utf-8", []string{"dcat:Catalog"}},
		{"catalog negotiated", get("/catalog", "application/rdf+xml"), 200, "application/rdf+xml", []string{"http://www.w3.org/ns/dcat#Catalog"}},
		{"dataset resource", get("/dataset", "text/html"), 200, "text/html; charset=utf-8", []string{`title="http://rdfs.org/ns/void#Dataset" lang="sv">datamängd (VoID)<`}},
		{"front page as turtle is the VoID", get("/", "text/turtle"), 200, "text/turtle; charset=utf-8", []string{"void:Dataset"}},
		{"unknown IRI, browser", get("/id/no-such-thing", "text/html"), 404, "text/html; charset=utf-8", []string{"404 Hittades inte", "id/no-such-thing"}},
		{"unknown IRI, client", get("/id/no-such-thing", "text/turtle"), 404, "text/plain; charset=utf-8", []string{"nothing is known"}},
		{"unknown IRI with extension", get("/id/no-such-thing.ttl", ""), 404, "", nil},
		{"unknown extension", get("/id/region-skane.pdf", ""), 404, "", nil},
		{"entity as image is 406", get("/id/region-skane", "image/png"), 406, "", []string{"text/turtle"}},
		{"extension and format disagree", get("/id/region-skane.ttl?format=nt", ""), 400, "", nil},
		{"robots", get("/robots.txt", ""), 200, "text/plain; charset=utf-8", []string{"Disallow: /sparql"}},
		{"style sheet", get("/static/style.css", ""), 200, "text/css; charset=utf-8", []string{"body"}},
		{"no such asset", get("/static/nope.js", ""), 404, "", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, s, c.r)
			if w.Code != c.status {
				t.Fatalf("status %d, want %d: %.500s", w.Code, c.status, w.Body)
			}
			if c.ct != "" && w.Header().Get("Content-Type") != c.ct {
				t.Errorf("Content-Type %q, want %q", w.Header().Get("Content-Type"), c.ct)
			}
			for _, h := range c.has {
				if !strings.Contains(w.Body.String(), h) {
					t.Errorf("body lacks %q", h)
				}
			}
		})
	}
}

// TestOntologyDocument checks that the served ontology is the ontology.
func TestOntologyDocument(t *testing.T) {
	s := testServer(t, Options{})
	w := do(t, s, get("/ontology.ttl", ""))
	if !bytes.Equal(w.Body.Bytes(), ontology.Turtle()) {
		t.Error("/ontology.ttl differs from the embedded ontology")
	}
	want := len(ontology.Graph())
	for _, f := range []string{"jsonld", "nt", "rdfxml"} {
		w := do(t, s, get("/ontology?format="+f, ""))
		if got := len(parseRDF(t, f, w.Body.Bytes())); got != want {
			t.Errorf("%s: %d triples, want %d", f, got, want)
		}
	}
	page := do(t, s, get("/ontology", "text/html")).Body.String()
	for _, c := range ontology.Classes() {
		if !strings.Contains(page, `id="`+c.LocalName()+`"`) {
			t.Errorf("no section for class %s", c.LocalName())
		}
	}
	for _, p := range ontology.Properties() {
		if !strings.Contains(page, `id="`+p.LocalName()+`"`) {
			t.Errorf("no section for property %s", p.LocalName())
		}
	}
}

// TestCatalog checks that the RDF/XML and Turtle DCAT records say the
// same.
func TestCatalog(t *testing.T) {
	s := testServer(t, Options{})
	x := parseRDF(t, "rdfxml", do(t, s, get("/catalog.rdf", "")).Body.Bytes())
	y := parseRDF(t, "ttl", do(t, s, get("/catalog.ttl", "")).Body.Bytes())
	set := func(qs []term.Quad) map[term.Triple]bool {
		m := map[term.Triple]bool{}
		for _, q := range qs {
			m[q.Triple()] = true
		}
		return m
	}
	a, b := set(x), set(y)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("RDF/XML has %d triples, Turtle %d", len(a), len(b))
	}
	for tr := range a {
		if !b[tr] {
			t.Errorf("only in RDF/XML: %v", tr)
		}
	}
	if !hasTriple(x, testBase+"dataset", term.RDFType, term.IRI(ontology.DCAT+"Dataset")) {
		t.Error("no dataset in the record")
	}
}

// TestDumps parses every dump and compares it with the store.
func TestDumps(t *testing.T) {
	s := testServer(t, Options{})
	_, quads := testStore(t)
	triples := map[term.Triple]bool{}
	for _, q := range quads {
		triples[q.Triple()] = true
	}
	for _, d := range dumpFormats {
		t.Run(d.format, func(t *testing.T) {
			w := do(t, s, get("/dump/kg"+d.ext, ""))
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			f, _ := export.ByName(d.format)
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, f.MediaTypes[0]) {
				t.Errorf("Content-Type %q", ct)
			}
			got := parseRDF(t, d.format, w.Body.Bytes())
			want := len(triples)
			if f.Quads {
				want = len(quads)
			}
			if len(got) != want {
				t.Errorf("%d statements, want %d", len(got), want)
			}
			z := do(t, s, get("/dump/kg"+d.ext+".gz", ""))
			if z.Header().Get("Content-Type") != "application/gzip" {
				t.Errorf(".gz Content-Type %q", z.Header().Get("Content-Type"))
			}
			zr, err := gzip.NewReader(bytes.NewReader(z.Body.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			plain, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(plain, w.Body.Bytes()) {
				t.Errorf(".gz does not hold the dump (%v)", err)
			}
			enc := do(t, s, req{target: "/dump/kg" + d.ext, header: map[string]string{"Accept-Encoding": "gzip, deflate"}})
			if enc.Header().Get("Content-Encoding") != "gzip" || !bytes.Equal(enc.Body.Bytes(), z.Body.Bytes()) {
				t.Errorf("no gzip encoding for a client that accepts it")
			}
			if enc.Header().Get("ETag") == w.Header().Get("ETag") {
				t.Error("the gzip encoding has the ETag of the plain dump")
			}
			if !slices.Contains(enc.Header().Values("Vary"), "Accept-Encoding") {
				t.Error("no Vary: Accept-Encoding")
			}
		})
	}
	if w := do(t, s, get("/dump/kg.exe", "")); w.Code != 404 {
		t.Errorf("unknown dump: %d", w.Code)
	}
	if w := do(t, s, req{target: "/dump/kg.ttl", header: map[string]string{"Accept-Encoding": "gzip;q=0"}}); w.Header().Get("Content-Encoding") != "" {
		t.Error("gzip sent to a client that refuses it")
	}
}

// TestConditional checks ETags, 304 and Last-Modified.
func TestConditional(t *testing.T) {
	s := testServer(t, Options{})
	for _, target := range []string{"/id/region-skane", "/id/region-skane.ttl", "/ontology", "/", "/dump/kg.nt", "/catalog.rdf", "/.well-known/void", "/static/style.css"} {
		t.Run(target, func(t *testing.T) {
			w1 := do(t, s, get(target, ""))
			w2 := do(t, s, get(target, ""))
			tag := w1.Header().Get("ETag")
			if !regexp.MustCompile(`^"[0-9a-f]{32}"$`).MatchString(tag) {
				t.Fatalf("ETag %q is not a strong tag", tag)
			}
			if w2.Header().Get("ETag") != tag || !bytes.Equal(w1.Body.Bytes(), w2.Body.Bytes()) {
				t.Error("the same representation twice differs")
			}
			for _, c := range []struct {
				name   string
				header map[string]string
				status int
			}{
				{"If-None-Match", map[string]string{"If-None-Match": tag}, 304},
				{"If-None-Match list", map[string]string{"If-None-Match": `"x", ` + tag}, 304},
				{"If-None-Match star", map[string]string{"If-None-Match": "*"}, 304},
				{"If-None-Match other", map[string]string{"If-None-Match": `"other"`}, 200},
				{"If-Modified-Since later", map[string]string{"If-Modified-Since": time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)}, 304},
				{"If-Modified-Since earlier", map[string]string{"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"}, 200},
			} {
				w := do(t, s, req{target: target, header: c.header})
				if w.Code != c.status {
					t.Errorf("%s: status %d, want %d", c.name, w.Code, c.status)
				}
				if w.Code == 304 && w.Body.Len() != 0 {
					t.Errorf("%s: 304 with a body", c.name)
				}
			}
		})
	}
	ttl := do(t, s, get("/id/region-skane", "text/turtle")).Header().Get("ETag")
	nt := do(t, s, get("/id/region-skane", "application/n-triples")).Header().Get("ETag")
	if ttl == nt {
		t.Error("two representations share an ETag")
	}
	head := do(t, s, req{method: "HEAD", target: "/id/region-skane"})
	if head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("ETag") == "" {
		t.Errorf("HEAD: %d, %d bytes", head.Code, head.Body.Len())
	}
}

// TestCORS checks preflight and simple requests.
func TestCORS(t *testing.T) {
	s := testServer(t, Options{})
	w := do(t, s, req{method: "OPTIONS", target: "/sparql", header: map[string]string{
		"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
		"Access-Control-Request-Headers": "content-type, x-evil\r\nSet-Cookie: a=b"}})
	if w.Code != 204 {
		t.Fatalf("preflight: %d", w.Code)
	}
	h := w.Header()
	if h.Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") ||
		!strings.Contains(h.Get("Access-Control-Allow-Headers"), "Content-Type") || h.Get("Access-Control-Max-Age") == "" {
		t.Errorf("preflight headers: %v", h)
	}
	if strings.Contains(h.Get("Access-Control-Allow-Headers"), "evil") || h.Get("Set-Cookie") != "" {
		t.Error("preflight reflects the request headers")
	}
	w = do(t, s, req{method: "OPTIONS", target: "/id/region-skane", header: map[string]string{"Origin": "https://x.example", "Access-Control-Request-Method": "GET"}})
	if w.Code != 204 || strings.Contains(w.Header().Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("entity preflight: %d %q", w.Code, w.Header().Get("Access-Control-Allow-Methods"))
	}
	w = do(t, s, req{target: "/sparql?query=ASK{}", header: map[string]string{"Origin": "https://comunica.example"}})
	if w.Header().Get("Access-Control-Allow-Origin") != "*" || !strings.Contains(w.Header().Get("Access-Control-Expose-Headers"), headerTruncated) {
		t.Errorf("simple request headers: %v", w.Header())
	}
}

// TestAbuse sends path traversal, header injection and oversized
// requests; all are refused and nothing is echoed into headers.
func TestAbuse(t *testing.T) {
	s := testServer(t, Options{})
	for _, c := range []struct {
		name   string
		target string
		header map[string]string
		status int
	}{
		{"dot dot", "/../../etc/passwd", nil, 400},
		{"dot dot inside", "/static/../../../etc/passwd", nil, 400},
		{"encoded dot dot", "/static/%2e%2e/%2e%2e/etc/passwd", nil, 400},
		{"encoded slash", "/static/..%2f..%2fetc%2fpasswd", nil, 400},
		{"backslash", "/static/..\\..\\etc\\passwd", nil, 400},
		{"encoded backslash", "/static/..%5c..%5cetc", nil, 400},
		{"dot segment", "/id/./region-skane", nil, 400},
		{"double slash", "//etc/passwd", nil, 400},
		{"NUL", "/id/region-skane%00.ttl", nil, 400},
		{"CRLF in path", "/id/x%0d%0aSet-Cookie:%20a=b", nil, 400},
		{"CRLF in format", "/id/region-skane?format=ttl%0d%0aSet-Cookie:%20a=b", nil, 406},
		{"CRLF in query", "/sparql?query=ASK%7B%7D%0d%0aSet-Cookie:%20a=b", nil, 400},
		{"CRLF in search", "/search?q=a%0d%0aSet-Cookie:%20a=b", nil, 200},
		{"static outside", "/static/templates/layout.html", nil, 404},
		{"embedded templates are not files", "/templates/layout.html", nil, 404},
		{"huge header", "/", map[string]string{"X-Big": strings.Repeat("a", MaxHeader+1)}, 431},
		{"long search", "/search?q=" + strings.Repeat("a", 300), nil, 400},
		{"bad class", "/browse?class=%3Cscript%3E", nil, 404},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, s, req{target: c.target, header: c.header})
			if w.Code != c.status {
				t.Errorf("status %d, want %d: %.300s", w.Code, c.status, w.Body)
			}
			for k, vs := range w.Header() {
				for _, v := range vs {
					if strings.ContainsAny(v, "\r\n") || strings.EqualFold(k, "Set-Cookie") || strings.Contains(v, "a=b") {
						t.Errorf("header %s: %q", k, v)
					}
				}
			}
		})
	}
	// Markup in input is escaped, never echoed raw.
	for _, target := range []string{"/search?q=%3Cscript%3Ealert(1)%3C/script%3E", "/query?query=%3Cscript%3Ealert(1)%3C/script%3E", "/id/%3Cscript%3E"} {
		w := do(t, s, get(target, "text/html"))
		if strings.Contains(w.Body.String(), "<script>alert") {
			t.Errorf("%s echoes markup", target)
		}
	}
}

// TestSecurityHeaders checks the headers on pages, data and errors, and
// that the query page's inline script is the one the policy allows.
func TestSecurityHeaders(t *testing.T) {
	s := testServer(t, Options{})
	for _, target := range []string{"/", "/query", "/id/region-skane.ttl", "/nope", "/sparql?query=ASK{}"} {
		w := do(t, s, get(target, "text/html"))
		h := w.Header()
		if h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") ||
			h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: security headers %v", target, h)
		}
	}
	page := do(t, s, get("/query", "text/html")).Body.String()
	m := regexp.MustCompile(`(?s)<script>(.*?)</script>`).FindAllStringSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("%d inline scripts, want 1", len(m))
	}
	h := sha256.Sum256([]byte(m[0][1]))
	want := "'sha256-" + base64.StdEncoding.EncodeToString(h[:]) + "'"
	csp := do(t, s, get("/query", "")).Header().Get("Content-Security-Policy")
	if !regexp.MustCompile(`script-src [^;]*` + regexp.QuoteMeta(want)).MatchString(csp) {
		t.Errorf("CSP %q does not allow the inline script %s", csp, want)
	}
	if strings.Contains(do(t, s, get("/", "")).Body.String(), "<script") {
		t.Error("the front page has a script; browsing must not need one")
	}
}

// TestPages checks the pages people use, by their stable ids.
func TestPages(t *testing.T) {
	s := testServer(t, Options{})
	for _, c := range []struct {
		name   string
		r      req
		status int
		has    []string
	}{
		{"front", get("/", "text/html"), 200, []string{`id="search-form"`, `id="search-input"`, `id="class-counts"`, `id="dumps"`, `href="/dump/kg.ttl"`, `<html lang="sv">`, `<main id="main">`, `<caption>Saker per klass</caption>`, `id="lang-switch" href="/?lang=en"`, `lang="sv"`, "/browse?class=https%3A%2F%2Fw3id.org%2Fregionalkg%2Fontology%23Region"}},
		{"search Skåne", get("/search?q=Sk%C3%A5ne", "text/html"), 200, []string{`id="search-results"`, `class="search-result"`, `href="/id/region-skane"`, `value="Skåne"`}},
		{"search genitive", get("/search?q=Sk%C3%A5nes", "text/html"), 200, []string{`href="/id/region-skane"`}},
		{"search without å", get("/search?q=skane", "text/html"), 200, []string{`id="approximate"`, `href="/id/region-skane"`}},
		{"search English", get("/search?q=county&lang=en", "text/html"), 200, []string{`href="/id/skane-lan"`}},
		{"search nothing", get("/search?q=qqqqq", "text/html"), 200, []string{`id="no-results"`}},
		{"search form only", get("/search", "text/html"), 200, []string{`id="search-page-form"`}},
		{"browse classes", get("/browse", "text/html"), 200, []string{`id="classes"`}},
		{"browse regions", get("/browse?class="+escape(ontology.Region), "text/html"), 200, []string{`id="members"`, `href="/id/region-skane"`, "21 saker"}},
		{"query page", get("/query", "text/html"), 200, []string{`id="query-form"`, `id="query-editor"`, `id="run-query"`, `id="examples"`, `class="example"`, `method="post"`}},
		{"query page runs GET", get("/query?query="+escape(countyQuery), "text/html"), 200, []string{`id="results-table"`, `class="result-row"`, `id="result-count">21 rows`, `href="/id/skane-lan"`, `id="downloads"`}},
		{"query page form POST", req{method: "POST", target: "/query", body: "query=" + escape(countyQuery), header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}, 200, []string{`id="results-table"`, "21 rows"}},
		{"query page error", req{method: "POST", target: "/query", body: "query=SELECT+*+WHERE+%7B", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}, 400, []string{`id="error"`, "1:"}},
		{"query page ASK", get("/query?query="+escape("ASK {}"), "text/html"), 200, []string{`id="result-boolean">true`}},
		{"query page CONSTRUCT", get("/query?query="+escape("CONSTRUCT WHERE { ?s a <"+ontology.Region+"> }"), "text/html"), 200, []string{`id="results-table"`, "21 triples"}},
		{"search as JSON", get("/search?q=Region+Sk%C3%A5ne", "application/json"), 200, []string{`"iri":"https://w3id.org/regionalkg/id/region-skane"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, s, c.r)
			if w.Code != c.status {
				t.Fatalf("status %d, want %d: %.500s", w.Code, c.status, w.Body)
			}
			for _, h := range c.has {
				if !strings.Contains(w.Body.String(), h) {
					t.Errorf("page lacks %q", h)
				}
			}
		})
	}
	var hits []struct{ IRI string }
	if err := json.Unmarshal(do(t, s, get("/search?q=Region+Sk%C3%A5ne", "application/json")).Body.Bytes(), &hits); err != nil || len(hits) == 0 || hits[0].IRI != testBase+"id/region-skane" {
		t.Errorf("JSON search: %v %v", hits, err)
	}
}

// TestExamples runs every example query of the query page: each must
// parse, run and find something in the report's graph.
func TestExamples(t *testing.T) {
	s := testServer(t, Options{})
	for _, ex := range s.examples {
		w := do(t, s, sparqlGET(ex.Query, nil, "application/sparql-results+json"))
		if w.Code != 200 {
			t.Errorf("%s: %d %s", ex.ID, w.Code, w.Body)
			continue
		}
		if n := len(readResult(t, "json", w.Body.Bytes()).Rows); n == 0 {
			t.Errorf("%s: no rows", ex.ID)
		}
	}
}

func escape(s string) string { return url.QueryEscape(s) }

// TestNeverWrites runs requests of every kind and checks that no write
// reached the store, in memory and on disk.
func TestNeverWrites(t *testing.T) {
	st, _ := testStore(t)
	s := testServer(t, Options{})
	everything := []req{
		get("/", ""), get("/id/region-skane", "text/turtle"), get("/dump/kg.nq", ""), get("/ontology", ""),
		sparqlGET("SELECT * WHERE { ?s ?p ?o } LIMIT 10", nil, ""),
		sparqlForm("CONSTRUCT WHERE { ?s ?p ?o }", nil, ""),
		{method: "POST", target: "/sparql", body: "INSERT DATA { <http://a> <http://b> <http://c> }", header: map[string]string{"Content-Type": "application/sparql-update"}},
		{method: "POST", target: "/sparql", body: "update=DELETE+WHERE+%7B%3Fs+%3Fp+%3Fo%7D", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}},
		sparqlGET("DELETE WHERE { ?s ?p ?o }", nil, ""),
		{method: "PUT", target: "/id/region-skane", body: "<a> <b> <c> ."},
		{method: "DELETE", target: "/id/region-skane"},
		{method: "PATCH", target: "/sparql"},
	}
	before := st.writes.Load()
	for _, r := range everything {
		do(t, s, r)
	}
	if n := st.writes.Load() - before; n != 0 {
		t.Errorf("%d writes to the store", n)
	}

	// The embedded store, opened read-only as kg serve opens it, is the
	// same afterwards, byte for byte.
	dir := t.TempDir()
	ctx := context.Background()
	_, quads := testStore(t)
	w, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Replace(ctx, quads); err != nil {
		t.Fatal(err)
	}
	w.Close()
	snapshot := func() map[string]string {
		m := map[string]string{}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && d.Type()&fs.ModeSymlink == 0 {
				b, _ := os.ReadFile(p)
				h := sha256.Sum256(b)
				m[p] = string(h[:])
			}
			return nil
		})
		return m
	}
	want := snapshot()
	ro, err := store.Open(ctx, dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(ctx, ro, Options{Base: testBase, Seeds: "../seeds"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range everything {
		do(t, srv, r)
	}
	ro.Close()
	got := snapshot()
	for p, h := range want {
		if got[p] != h {
			t.Errorf("%s changed", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok && !strings.HasSuffix(p, "LOCK") {
			t.Errorf("%s appeared", p)
		}
	}
}

// The browse page groups classes under the ontology's top classes, the
// places and the provenance classes, each class once.
func TestBrowseGroups(t *testing.T) {
	s := testServer(t, Options{})
	w := do(t, s, get("/browse", "text/html"))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	section := func(id string) string {
		i := strings.Index(body, `id="group-`+id+`"`)
		if i < 0 {
			t.Fatalf("no group %s", id)
		}
		j := strings.Index(body[i:], "</section>")
		return body[i : i+j]
	}
	cases := []struct{ group, class string }{
		{"actors", ontology.Region}, {"actors", ontology.CountyAdministrativeBoard},
		{"mandates", ontology.Mandate}, {"laws", ontology.Act}, {"instruments", ontology.Project},
		{"themes", ontology.Theme}, {"places", ontology.County}, {"provenance", ontology.Passage},
		{"other", ontology.PROV + "Entity"},
	}
	for _, c := range cases {
		if !strings.Contains(section(c.group), escape(c.class)) {
			t.Errorf("%s is not under %s", c.class, c.group)
		}
		if n := strings.Count(body, `href="/browse?class=`+escape(c.class)+`"`); n != 1 {
			t.Errorf("%s is listed %d times", c.class, n)
		}
	}
	for _, order := range [][2]string{{"actors", "mandates"}, {"laws", "instruments"}, {"themes", "provenance"}, {"provenance", "other"}} {
		if strings.Index(body, `id="group-`+order[0]+`"`) > strings.Index(body, `id="group-`+order[1]+`"`) {
			t.Errorf("group %s comes after %s", order[0], order[1])
		}
	}
}

// TestCatalogWithoutPublisher: a server started without a publisher and
// contact serves everything but the DCAT record, whose paths say why, and
// links to no record.
func TestCatalogWithoutPublisher(t *testing.T) {
	st, _ := testStore(t)
	s, err := New(context.Background(), st, Options{Base: testBase, Seeds: "../seeds"})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/catalog.rdf", "/catalog.ttl", "/catalog"} {
		w := do(t, s, get(path, "text/plain"))
		if w.Code != 404 || !strings.Contains(w.Body.String(), "--publisher-name") {
			t.Errorf("%s: %d %q", path, w.Code, w.Body.String())
		}
	}
	for _, path := range []string{"/", "/.well-known/void", "/dump/kg.nt"} {
		if w := do(t, s, get(path, "")); w.Code != 200 {
			t.Errorf("%s: %d", path, w.Code)
		}
	}
	if body := do(t, s, get("/", "text/html")).Body.String(); strings.Contains(body, `href="/catalog.rdf"`) {
		t.Error("the front page links to a record that is not served")
	}
	for _, q := range parseRDF(t, "ttl", do(t, s, get("/.well-known/void", "")).Body.Bytes()) {
		if q.S.Value == testBase+"dataset" && q.P.Value == ontology.DCTERMS+"publisher" {
			t.Errorf("VoID names a publisher: %v", q)
		}
	}
}

// TestCatalogDescribesServedDumps: every dump the record lists has the
// size and SHA-1 checksum of the bytes served at its URL.
func TestCatalogDescribesServedDumps(t *testing.T) {
	s := testServer(t, Options{})
	g := map[string]map[string]string{}
	for _, q := range parseRDF(t, "rdfxml", do(t, s, get("/catalog.rdf", "")).Body.Bytes()) {
		if g[q.S.Value] == nil {
			g[q.S.Value] = map[string]string{}
		}
		g[q.S.Value][q.P.Value] = q.O.Value
	}
	n := 0
	for dist, props := range g {
		url, ok := props[ontology.DCAT+"downloadURL"]
		if !ok {
			continue
		}
		n++
		body := do(t, s, get(strings.TrimPrefix(url, testBase[:len(testBase)-1]), "")).Body.Bytes()
		sum := sha1.Sum(body)
		if props[ontology.DCAT+"byteSize"] != strconv.Itoa(len(body)) || g[dist+"/checksum"]["http://spdx.org/rdf/terms#checksumValue"] != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: record says %s bytes, sha1 %s; served %d bytes", url, props[ontology.DCAT+"byteSize"],
				g[dist+"/checksum"]["http://spdx.org/rdf/terms#checksumValue"], len(body))
		}
	}
	if n != 2*len(catalog.DumpFormats) {
		t.Errorf("%d dumps in the record, want %d", n, 2*len(catalog.DumpFormats))
	}
}

// TestJSONLDContext: JSON-LD documents and the dump refer to the context
// served at /context.jsonld, which is all a reader needs; application/json
// is JSON-LD; canonical integers are JSON numbers.
func TestJSONLDContext(t *testing.T) {
	s := testServer(t, Options{})
	cw := do(t, s, get("/context.jsonld", ""))
	if cw.Code != 200 || cw.Header().Get("Content-Type") != "application/ld+json" || cw.Header().Get("Access-Control-Allow-Origin") != "*" {
		t.Fatalf("GET /context.jsonld: %d %q", cw.Code, cw.Header().Get("Content-Type"))
	}
	served := map[string][]byte{testBase + "context.jsonld": cw.Body.Bytes()}
	for _, c := range []struct{ path, accept, ct string }{
		{"/id/region-skane", "application/ld+json", "application/ld+json"},
		{"/id/region-skane", "application/json", "application/json"},
		{"/report/21-vagar-till-hallbar-regional-utveckling/passage/38-7", "application/json", "application/json"},
		{"/dump/kg.jsonld", "", "application/ld+json"},
	} {
		w := do(t, s, get(c.path, c.accept))
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), c.ct) {
			t.Errorf("%s as %s: %d %q", c.path, c.accept, w.Code, w.Header().Get("Content-Type"))
			continue
		}
		var doc map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		ctx, _ := doc["@context"].([]any)
		if len(ctx) == 0 || ctx[0] != testBase+"context.jsonld" {
			t.Errorf("%s: @context %v, want the shared context first", c.path, doc["@context"])
		}
		if w.Body.Len() > 2000 && bytes.Contains(w.Body.Bytes(), []byte(`"CountyAdministrativeBoard"`)) && c.path != "/dump/kg.jsonld" {
			t.Errorf("%s embeds the context", c.path)
		}
		var n int
		err := rdfio.ParseJSONLD(bytes.NewReader(w.Body.Bytes()), rdfio.Options{Base: testBase, Contexts: served}, func(term.Quad) error { n++; return nil })
		if err != nil || n == 0 {
			t.Errorf("%s with the served context: %d triples, %v", c.path, n, err)
		}
	}
	body := do(t, s, get("/report/21-vagar-till-hallbar-regional-utveckling/passage/38-7", "application/ld+json")).Body.String()
	if !regexp.MustCompile(`"page": 37\b`).MatchString(body) {
		t.Errorf("page number not a JSON number:\n%.1500s", body)
	}
}

// TestDistributionDocument: a dump's distribution and its checksum
// dereference with the size and checksum the record states.
func TestDistributionDocument(t *testing.T) {
	s := testServer(t, Options{})
	qs := parseRDF(t, "nt", do(t, s, get("/dataset/distribution/ttl", "application/n-triples")).Body.Bytes())
	if !slices.ContainsFunc(qs, func(q term.Quad) bool { return q.P.Value == ontology.DCAT+"byteSize" }) {
		t.Errorf("the Turtle distribution has no byte size: %v", qs)
	}
	if w := do(t, s, get("/dataset/distribution/ttl/checksum", "application/n-triples")); w.Code != 200 || !strings.Contains(w.Body.String(), "checksumValue") {
		t.Errorf("checksum: %d %s", w.Code, w.Body)
	}
}
