package server

import (
	"html"
	"io/fs"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"kg/ontology"
	"kg/term"
)

func TestAcceptLang(t *testing.T) {
	for _, c := range []struct{ header, want string }{
		{"", "sv"},
		{"en", "en"},
		{"en-US,en;q=0.9", "en"},
		{"sv-SE,sv;q=0.9,en;q=0.8", "sv"},
		{"en;q=0.5, sv;q=0.6", "sv"},
		{"de, en;q=0.3", "en"},
		{"de, fr", "sv"},
		{"en;q=0, sv;q=0", "sv"},
		{"*;q=0.1, en;q=0.2", "en"},
		{"EN-gb", "en"},
		{"en;q=2", "en"}, // a malformed weight counts as 1
	} {
		if got := acceptLang([]string{c.header}); got != c.want {
			t.Errorf("Accept-Language %q: %s, want %s", c.header, got, c.want)
		}
	}
}

// TestLanguage checks that pages are Swedish by default, English when
// Accept-Language, the lang parameter or the cookie the switch sets asks
// for it, and that caches are told so.
func TestLanguage(t *testing.T) {
	s := testServer(t, Options{})
	en := map[string]string{"Accept": "text/html", "Accept-Language": "en-GB,en;q=0.9"}
	for _, c := range []struct {
		name string
		r    req
		has  []string
		not  []string
	}{
		{"front, default", get("/", "text/html"), []string{`<html lang="sv">`, "Saker per klass", "Hoppa till innehållet", `id="lang-switch" href="/?lang=en" hreflang="en" lang="en" rel="alternate">English<`}, []string{"Things per class"}},
		{"front, English browser", req{target: "/", header: en}, []string{`<html lang="en">`, "Things per class", "Skip to content", `href="/?lang=sv"`, ">Svenska<"}, []string{"Saker per klass"}},
		{"front, Swedish browser", req{target: "/", header: map[string]string{"Accept-Language": "sv-SE, en;q=0.5"}}, []string{`<html lang="sv">`}, nil},
		{"front, ?lang=en", get("/?lang=en", "text/html"), []string{`<html lang="en">`, `href="/?lang=sv"`}, nil},
		{"front, cookie", req{target: "/", header: map[string]string{"Cookie": "lang=en"}}, []string{`<html lang="en">`}, nil},
		{"front, ?lang=sv beats the browser", req{target: "/?lang=sv", header: en}, []string{`<html lang="sv">`}, nil},
		{"county, Swedish", get("/id/skane-lan", "text/html"), []string{`<h1 id="entity-title" lang="sv">Skåne län</h1>`, ">Typ<", `<dt>Källa</dt><dd id="summary-sources"><p class="source"><a class="source-link" href="/source/scb-counties">Län och regioner`}, nil},
		{"passage, Swedish", get("/report/21-vagar-till-hallbar-regional-utveckling/passage/41-3", "text/html"), []string{`<h1 id="entity-title" lang="sv">Stycke, s. 39</h1>`}, []string{`id="facts"`}},
		{"passage, English", req{target: "/report/21-vagar-till-hallbar-regional-utveckling/passage/41-3", header: en}, []string{`<h1 id="entity-title" lang="en">Passage, p. 39</h1>`}, nil},
		{"county, English", req{target: "/id/skane-lan", header: en}, []string{`<h1 id="entity-title" lang="en">Skåne County</h1>`, ">Type<", `href="/id/skane-lan?lang=sv"`}, nil},
		{"browse, English", req{target: "/browse?class=" + escape(ontology.Region), header: en}, []string{"21 things", `lang="en">region<`}, nil},
		{"switch drops other parameters", get("/id/skane-lan?utm=x", "text/html"), []string{`href="/id/skane-lan?lang=en"`}, nil},
		{"search keeps the query", get("/search?q=Sk%C3%A5ne", "text/html"), []string{`href="/search?lang=en&amp;q=Sk%C3%A5ne"`, "träffar för"}, nil},
		{"error page", req{target: "/id/no-such-thing", header: en}, []string{"404 Not Found", "nothing is known about https://w3id.org/regionalkg/id/no-such-thing"}, nil},
		{"error page, Swedish", get("/id/no-such-thing", "text/html"), []string{"404 Hittades inte", "inget är känt om https://w3id.org/regionalkg/id/no-such-thing"}, nil},
		{"query page, Swedish around English", get("/query", "text/html"), []string{`<html lang="sv">`, `<main id="main" lang="en">`, ">Fråga<"}, nil},
		{"query page, English", req{target: "/query", header: en}, []string{`<html lang="en">`, `<main id="main">`}, nil},
		{"ontology, Swedish", get("/ontology", "text/html"), []string{`<html lang="sv">`, `<main id="main">`, ">Ontologi<", ">Klasshierarki<", `<span class="kind">Klass</span>`}, nil},
		{"ontology, English", req{target: "/ontology", header: en}, []string{`<html lang="en">`, ">Class hierarchy<", `<span class="kind">Class</span>`}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, s, c.r)
			body := w.Body.String()
			for _, h := range c.has {
				if !strings.Contains(body, h) {
					t.Errorf("page lacks %q", h)
				}
			}
			for _, h := range c.not {
				if strings.Contains(body, h) {
					t.Errorf("page has %q", h)
				}
			}
			if w.Code == http.StatusOK && !strings.Contains(strings.Join(w.Header().Values("Vary"), ","), "Accept-Language") {
				t.Errorf("Vary %q lacks Accept-Language", w.Header().Values("Vary"))
			}
		})
	}
	// Names in the page's language come first.
	for lang, first := range map[string]string{"sv": "Skåne län", "en": "Skåne County"} {
		body := do(t, s, get("/id/skane-lan?lang="+lang, "text/html")).Body.String()
		if m := regexp.MustCompile(`<ul class="names"><li class="label"><span lang="[a-z]+">([^<]*)<`).FindStringSubmatch(body); m == nil || m[1] != first {
			t.Errorf("the %s county page names it first %q, want %q", lang, m, first)
		}
	}
	// The county's register is named once in the summary, and once
	// among the sources it is derived from.
	if n := strings.Count(do(t, s, get("/id/skane-lan", "text/html")).Body.String(), "Län och regioner: SCB-länskoder"); n != 2 {
		t.Errorf("the county page names its register %d times, want 2", n)
	}
	w := do(t, s, get("/id/region-skane?lang=en", "text/html"))
	if c := w.Header().Get("Set-Cookie"); !strings.HasPrefix(c, "lang=en;") || !strings.Contains(c, "Path=/") {
		t.Errorf("?lang=en sets cookie %q", c)
	}
	if c := do(t, s, get("/id/region-skane", "text/html")).Header().Get("Set-Cookie"); c != "" {
		t.Errorf("a page without ?lang= sets cookie %q", c)
	}
	// The cache of rendered pages keeps the languages apart.
	if body := do(t, s, get("/id/region-skane", "text/html")).Body.String(); !strings.Contains(body, `<html lang="sv">`) {
		t.Error("the Swedish page after the English one is not Swedish")
	}
	if v := do(t, s, get("/id/region-skane.ttl", "")).Header().Values("Vary"); slices.Contains(v, "Accept-Language, Cookie") {
		t.Errorf("Turtle varies with the language: %q", v)
	}
}

var translated = regexp.MustCompile(`\{\{t "((?:[^"\\]|\\.)*)"`)

// TestTranslations checks that every interface string has its Swedish.
func TestTranslations(t *testing.T) {
	names, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		t.Fatal(err)
	}
	parts, err := fs.Glob(assets, "templates/*.part")
	if err != nil {
		t.Fatal(err)
	}
	names = append(names, parts...)
	keys := map[string]bool{}
	for _, n := range names {
		b, _ := assets.ReadFile(n)
		for _, m := range translated.FindAllStringSubmatch(string(b), -1) {
			keys[m[1]] = true
		}
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d translated strings in the templates", len(keys))
	}
	for _, g := range browseGroups {
		keys[g.heading] = true
	}
	for _, l := range leads {
		keys[l.heading] = true
	}
	for _, k := range []string{"none", "4 or more", "%s: 1 worked example", "%s: %d worked examples", "The 21 regions on the map", "On the map",
		"Each region is shaded by the number of the report's worked examples that involve it; select a region to open its page.",
		"%s (%s, marked) among Sweden's 21 regions; select another region to open its page.", "The regions", "Mandates, holders and laws"} {
		keys[k] = true
	}
	for _, k := range []string{"Passage, p. %s", "Passage, PDF p. %s", "ObjectProperty", "DatatypeProperty", "AnnotationProperty", "Class", "Browse by class", "Classes of other vocabularies", "Search", "Search: %s", "N-Quads (with provenance graphs)", "Not Found"} {
		keys[k] = true
	}
	for k := range keys {
		if _, ok := swedish[k]; !ok {
			t.Errorf("no Swedish for %q", k)
		}
	}
}

var hrefAttr = regexp.MustCompile(`href="([^"]*)"`)

// TestLinksAreTriples checks that every link out of a sample of entity
// pages is a triple of the graph: the page's resource, or a resource the
// page links to, has it as property or value.
func TestLinksAreTriples(t *testing.T) {
	s := testServer(t, Options{})
	_, quads := testStore(t)
	for _, path := range []string{
		"/id/region-skane", "/id/skane-lan", "/id/stockholms-lan", "/id/lag-om-regionalt-utvecklingsansvar",
		"/id/tillvaxtverket", "/id/regionala-utvecklingsfonden", "/id/folkhalsoarbete", "/id/kulturuppdraget",
		"/source/scb-counties", "/report/21-vagar-till-hallbar-regional-utveckling/passage/38-7",
	} {
		for _, lang := range pageLanguages {
			w := do(t, s, get(path+"?lang="+lang, "text/html"))
			if w.Code != http.StatusOK {
				t.Errorf("%s: %d", path, w.Code)
				continue
			}
			shown := map[string]bool{s.iriOf(path): true}
			var external []string
			for _, m := range hrefAttr.FindAllStringSubmatch(w.Body.String(), -1) {
				href := html.UnescapeString(m[1])
				switch {
				case strings.HasPrefix(href, "http://"), strings.HasPrefix(href, "https://"):
					external = append(external, href)
				case strings.HasPrefix(href, "/") && !strings.Contains(href, "?"):
					shown[s.iriOf(pathPart(href))] = true
				}
			}
			if path == "/id/skane-lan" && (!slices.Contains(external, ontology.WD+"Q103659") || !slices.Contains(external, "http://data.europa.eu/nuts/code/SE224")) {
				t.Errorf("%s: links out %v lack Wikidata's and NUTS's", path, external)
			}
			for _, href := range external {
				if !slices.ContainsFunc(quads, func(q term.Quad) bool {
					return shown[q.S.Value] && (q.O.IsIRI() && q.O.Value == href || q.P.Value == href)
				}) {
					t.Errorf("%s (%s): link %s is no triple of the graph", path, lang, href)
				}
			}
		}
	}
}

// TestEntityPages checks what entity pages lead with, that they quote
// each passage once and keep hidden labels hidden, and that vocabulary
// terms show their labels.
func TestEntityPages(t *testing.T) {
	s := testServer(t, Options{})
	page := func(path string) string { return do(t, s, get(path, "text/html")).Body.String() }
	order := func(body string, ids ...string) {
		t.Helper()
		last := -1
		for _, id := range ids {
			i := strings.Index(body, `id="`+id+`"`)
			if i < 0 {
				t.Errorf("no %s", id)
				continue
			}
			if i < last {
				t.Errorf("%s comes before what precedes it", id)
			}
			last = i
		}
	}
	mandate := page("/id/folkhalsoarbete")
	order(mandate, "summary", "holders", "labels", "provenance")
	if !strings.Contains(mandate, `<h2 id="holders-heading">Innehas av</h2>`) || strings.Count(mandate[strings.Index(mandate, `id="holders"`):], `class="value"`) < 4 {
		t.Error("the mandate page does not lead with its four holders")
	}
	law := page("/id/lag-om-regionalt-utvecklingsansvar")
	order(law, "summary", "confers", "relations")
	if !strings.Contains(law, `href="/id/regionalt-utvecklingsansvar"`) {
		t.Error("the law page lacks the mandate it confers")
	}
	law2 := page("/id/lag-om-regionalt-utvecklingsansvar?lang=en")
	if !strings.Contains(law2, `<h2 id="confers-heading">Confers</h2>`) {
		t.Error("the English law page lacks its heading")
	}
	_, quads := testStore(t)
	checked := 0
	for _, q := range quads {
		if q.P.Value != ontology.SKOS+"hiddenLabel" || !strings.HasPrefix(q.S.Value, testBase+"id/") {
			continue
		}
		shownToo := slices.ContainsFunc(quads, func(o term.Quad) bool {
			return o.S == q.S && o.O == q.O && o.P.Value != ontology.SKOS+"hiddenLabel"
		})
		if shownToo {
			continue
		}
		body := page(strings.TrimPrefix(q.S.Value, strings.TrimSuffix(testBase, "/")))
		if strings.Contains(body, ">"+html.EscapeString(q.O.Value)+"<") {
			t.Errorf("%s shows its hidden label %q", q.S.Value, q.O.Value)
		}
		checked++
	}
	if checked == 0 {
		t.Error("no hidden label checked")
	}
	for _, path := range []string{"/id/region-skane", "/id/folkhalsoarbete", "/id/lag-om-regionalt-utvecklingsansvar", "/report/21-vagar-till-hallbar-regional-utveckling", "/report/21-vagar-till-hallbar-regional-utveckling/passage/41-3"} {
		body := page(path)
		quotes := regexp.MustCompile(`(?s)<blockquote class="quote"[^>]*>(.*?)</blockquote>`).FindAllStringSubmatch(body, -1)
		seen := map[string]bool{}
		for _, m := range quotes {
			if seen[m[1]] || strings.Count(body, m[1][:min(80, len(m[1]))]) > 1 {
				t.Errorf("%s quotes %.60q twice", path, m[1])
			}
			seen[m[1]] = true
		}
		if path == "/id/region-skane" && len(quotes) < 3 {
			t.Errorf("%s: %d quotes", path, len(quotes))
		}
	}
	front := page("/")
	if strings.Contains(front, ">prov:Entity<") || !strings.Contains(front, ">entitet (proveniens)<") {
		t.Error("the front page names prov:Entity by its CURIE")
	}
	skane := page("/id/region-skane")
	if !strings.Contains(skane, `<span class="kind"><a href="/ontology#Actor"`) || strings.Contains(skane, ">owl:sameAs<") {
		t.Error("the region page lacks its top class or shows owl:sameAs as a CURIE")
	}
	if strings.Contains(page("/id/skane-lan"), "source:") {
		t.Error("the county page names a source by its CURIE")
	}
}

var curieLink = regexp.MustCompile(`<a [^>]*>([a-z]+:[A-Za-z][^<]*)</a>`)

// TestTermsByLabel checks that no link on a sample of pages is named by
// a compact IRI: vocabulary terms show their labels, Wikidata items their
// number.
func TestTermsByLabel(t *testing.T) {
	s := testServer(t, Options{})
	for _, path := range []string{"/", "/browse", "/id/region-skane", "/id/skane-lan", "/id/folkhalsoarbete", "/source/scb-counties",
		"/report/21-vagar-till-hallbar-regional-utveckling", "/dataset", "/catalog", "/.well-known/void"} {
		for _, lang := range pageLanguages {
			body := do(t, s, get(path+"?lang="+lang, "text/html")).Body.String()
			for _, m := range curieLink.FindAllStringSubmatch(body, -1) {
				if !strings.HasPrefix(m[1], "kg:s ") { // "kg:s vokabulär …" is a title
					t.Errorf("%s (%s): link named %q", path, lang, m[1])
				}
			}
		}
	}
}

// TestClassNames checks that the front page's classes are told apart by
// their labels in both languages.
func TestClassNames(t *testing.T) {
	s := testServer(t, Options{})
	for _, lang := range pageLanguages {
		body := do(t, s, get("/?lang="+lang, "text/html")).Body.String()
		names := map[string]bool{}
		for _, m := range regexp.MustCompile(`<tr><td><a href="/browse[^>]*>([^<]*)</a>`).FindAllStringSubmatch(body, -1) {
			if names[m[1]] {
				t.Errorf("two classes on the front page (%s) are named %q", lang, m[1])
			}
			names[m[1]] = true
		}
		if len(names) < 20 {
			t.Errorf("only %d classes on the front page (%s)", len(names), lang)
		}
	}
}
