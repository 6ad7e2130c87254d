package server

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// selectRows runs a SELECT query through the endpoint and returns its
// rows as the values of the terms.
func selectRows(t *testing.T, s *Server, query string) [][]string {
	t.Helper()
	w := do(t, s, sparqlGET(query, nil, "application/sparql-results+json"))
	if w.Code != 200 {
		t.Fatalf("query: %d %s", w.Code, w.Body)
	}
	var out [][]string
	for _, row := range readResult(t, "json", w.Body.Bytes()).Rows {
		var r []string
		for _, c := range row {
			r = append(r, c.Value)
		}
		out = append(out, r)
	}
	return out
}

// pagePath is the path of an IRI under the test base.
func pagePath(iri string) string { return "/" + strings.TrimPrefix(iri, testBase) }

// mapArea matches a linked outline of the map: its link, its label and
// its shade.
var mapAreaRE = regexp.MustCompile(`<a class="map-area" href="([^"]+)" aria-label="([^"]+)"( aria-current="page")?><path class="([^"]+)" d="[^"]+"><title>([^<]+)</title>`)

// TestFrontMap checks the map of the front page against the graph: the
// 21 regions each link from one outline, shaded by the number of worked
// examples the graph says involve the region, and a legend says so.
func TestFrontMap(t *testing.T) {
	s := testServer(t, Options{})
	want := map[string]int{}
	for _, row := range selectRows(t, s, `PREFIX kgo: <`+kgo+`>
SELECT ?r (COUNT(DISTINCT ?e) AS ?n) WHERE { ?r a kgo:Region . OPTIONAL { ?e kgo:involvesRegion ?r } } GROUP BY ?r`) {
		n, _ := strconv.Atoi(row[1])
		want[pagePath(row[0])] = n
	}
	if len(want) != 21 {
		t.Fatalf("the graph has %d regions, want 21", len(want))
	}
	for _, target := range []string{"/?lang=sv", "/regions?lang=sv", "/?lang=en", "/regions?lang=en"} {
		lang := target[len(target)-2:]
		body := do(t, s, get(target, "text/html")).Body.String()
		areas := mapAreaRE.FindAllStringSubmatch(body, -1)
		got := map[string]int{}
		for _, a := range areas {
			href, label, current, class := a[1], html.UnescapeString(a[2]), a[3], a[4]
			n, ok := want[href]
			if !ok {
				t.Errorf("%s: map links to %s, which is no region", target, href)
				continue
			}
			got[href]++
			if current != "" {
				t.Errorf("%s: %s marked as the current page", target, href)
			}
			if wantClass := fmt.Sprintf("shade-%d", min(n, 4)); class != wantClass {
				t.Errorf("%s: %s shaded %s, want %s (%d worked examples)", target, href, class, wantClass, n)
			}
			if !strings.HasSuffix(label, areaLabel(lang, "", n)) || !strings.Contains(label, strconv.Itoa(n)) {
				t.Errorf("%s: %s labelled %q, want its %d worked examples", target, href, label, n)
			}
		}
		if len(got) != 21 || len(areas) != 21 {
			t.Errorf("%s: %d outlines link to %d regions, want 21 and 21", target, len(areas), len(got))
		}
		for _, has := range []string{`role="group"`, `<figcaption id=`, `class="map-legend"`, translate(lang, "4 or more"), `rel="license" href="/static/sweden-svg-LICENSE.txt"`, "CC BY 4.0", "Victor Cazanave"} {
			if !strings.Contains(body, has) {
				t.Errorf("%s: the map lacks %q", target, has)
			}
		}
	}
	front := do(t, s, get("/", "text/html")).Body.String()
	for _, link := range []string{`href="/regions"`, `href="/mandates"`} {
		if !strings.Contains(front, link) {
			t.Errorf("the front page has no link %s", link)
		}
	}
	lic := do(t, s, get("/static/sweden-svg-LICENSE.txt", ""))
	if lic.Code != 200 || !strings.HasPrefix(lic.Header().Get("Content-Type"), "text/plain") || !strings.Contains(lic.Body.String(), "Attribution 4.0 International") {
		t.Errorf("the map's licence: %d %s", lic.Code, lic.Header().Get("Content-Type"))
	}
}

// TestRegionPageMap: a region's page has the small map with that region
// marked as the current page and every other region linked; other pages
// have no map.
func TestRegionPageMap(t *testing.T) {
	s := testServer(t, Options{})
	for _, region := range []string{"/id/region-skane", "/id/region-norrbotten", "/id/vastra-gotalandsregionen"} {
		body := do(t, s, get(region, "text/html")).Body.String()
		areas := mapAreaRE.FindAllStringSubmatch(body, -1)
		var current []string
		hrefs := map[string]bool{}
		for _, a := range areas {
			hrefs[a[1]] = true
			if a[3] != "" {
				current = append(current, a[1])
			}
		}
		if !slices.Equal(current, []string{region}) {
			t.Errorf("%s: marked %q on the map, want the region itself", region, current)
		}
		if len(areas) != 21 || len(hrefs) != 21 {
			t.Errorf("%s: %d outlines link to %d pages, want 21", region, len(areas), len(hrefs))
		}
		if !strings.Contains(body, `id="map-section"`) || !strings.Contains(body, `aria-labelledby="map-heading"`) {
			t.Errorf("%s: the map has no section of its own", region)
		}
	}
	for _, other := range []string{"/id/skane-lan", "/id/lag-om-regionalt-utvecklingsansvar", "/browse"} {
		if body := do(t, s, get(other, "text/html")).Body.String(); strings.Contains(body, `class="map-area"`) {
			t.Errorf("%s shows a map", other)
		}
	}
}

// TestRegionsTable: one row per region with the codes of its county,
// as the graph states them.
func TestRegionsTable(t *testing.T) {
	s := testServer(t, Options{})
	want := selectRows(t, s, `PREFIX kgo: <`+kgo+`>
SELECT ?r ?c ?scb ?iso ?nuts WHERE { ?r a kgo:Region ; kgo:servesCounty ?c .
  ?c kgo:scbCountyCode ?scb ; kgo:iso3166_2 ?iso ; kgo:nutsCode ?nuts } ORDER BY ?scb`)
	if len(want) != 21 {
		t.Fatalf("%d regions with county codes, want 21", len(want))
	}
	body := do(t, s, get("/regions", "text/html")).Body.String()
	_, table, ok := strings.Cut(body, `<table id="regions-table">`)
	if !ok {
		t.Fatal("no regions table")
	}
	rows := regexp.MustCompile(`(?s)<tr><td><a href="([^"]+)"[^>]*>[^<]*</a></td><td><a href="([^"]+)"[^>]*>[^<]*</a></td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>`).FindAllStringSubmatch(table, -1)
	if len(rows) != len(want) {
		t.Fatalf("%d rows in the regions table, want %d", len(rows), len(want))
	}
	for i, w := range want {
		got := rows[i][1:]
		if exp := []string{pagePath(w[0]), pagePath(w[1]), w[2], w[3], w[4]}; !slices.Equal(got, exp) {
			t.Errorf("row %d reads %q, want %q", i, got, exp)
		}
	}
}

// TestMandatesTable: every mandate has a row, and every holder and
// conferring law the graph states is in the row of its mandate.
func TestMandatesTable(t *testing.T) {
	s := testServer(t, Options{})
	body := do(t, s, get("/mandates", "text/html")).Body.String()
	rowRE := regexp.MustCompile(`(?s)<tr><th scope="row"><a href="([^"]+)".*?</th><td>(.*?)</td><td>(.*?)</td></tr>`)
	rows := map[string][2]string{}
	for _, m := range rowRE.FindAllStringSubmatch(body, -1) {
		if _, dup := rows[m[1]]; dup {
			t.Errorf("mandate %s has two rows", m[1])
		}
		rows[m[1]] = [2]string{m[2], m[3]}
	}
	mandates := selectRows(t, s, `PREFIX kgo: <`+kgo+`> SELECT DISTINCT ?m WHERE { ?m a kgo:Mandate }`)
	if len(mandates) == 0 || len(rows) != len(mandates) {
		t.Fatalf("%d rows for %d mandates", len(rows), len(mandates))
	}
	for col, q := range []string{
		`PREFIX kgo: <` + kgo + `> SELECT DISTINCT ?m ?x WHERE { ?m a kgo:Mandate . ?x kgo:holdsMandate ?m }`,
		`PREFIX kgo: <` + kgo + `> SELECT DISTINCT ?m ?x WHERE { ?m a kgo:Mandate . ?x kgo:confers ?m }`,
	} {
		pairs := selectRows(t, s, q)
		if len(pairs) == 0 {
			t.Fatalf("no pairs for %s", q)
		}
		for _, p := range pairs {
			row, ok := rows[pagePath(p[0])]
			if !ok {
				t.Errorf("no row for %s", p[0])
				continue
			}
			if !strings.Contains(row[col], `href="`+pagePath(p[1])+`"`) {
				t.Errorf("row of %s, column %d lacks %s: %s", p[0], col+2, p[1], row[col])
			}
		}
	}
	if m := regexp.MustCompile(`<p>(\d+) `).FindStringSubmatch(body); m == nil || m[1] != strconv.Itoa(len(mandates)) {
		t.Errorf("the page does not say there are %d mandates: %v", len(mandates), m)
	}
}
