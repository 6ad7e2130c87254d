package server

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kg/export"
	"kg/rdfio"
	"kg/sparql/results"
	"kg/term"
)

const (
	kgo     = "https://w3id.org/regionalkg/ontology#"
	passage = testBase + "report/21-vagar-till-hallbar-regional-utveckling/passage/"
)

// countyQuery has a known answer: the 21 counties and their SCB codes.
const countyQuery = `PREFIX kgo: <` + kgo + `>
SELECT ?c ?code WHERE { ?c a kgo:County ; kgo:scbCountyCode ?code } ORDER BY ?code`

// expectedCounties computes the answer of countyQuery from the quads.
func expectedCounties(quads []term.Quad) [][2]string {
	isCounty := map[term.Term]bool{}
	for _, q := range quads {
		if q.P.Value == term.RDFType && q.O.Value == kgo+"County" {
			isCounty[q.S] = true
		}
	}
	seen := map[[2]string]bool{}
	var out [][2]string
	for _, q := range quads {
		if q.P.Value == kgo+"scbCountyCode" && isCounty[q.S] {
			k := [2]string{q.S.Value, q.O.Value}
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	slices.SortFunc(out, func(a, b [2]string) int { return strings.Compare(a[1], b[1]) })
	return out
}

// readResult parses a results body with the format's reader.
func readResult(t *testing.T, format string, body []byte) *results.Result {
	t.Helper()
	f, ok := results.ByName(format)
	if !ok || f.Read == nil {
		t.Fatalf("no reader for %s", format)
	}
	res, err := f.Read(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("reading %s result: %v\n%s", format, err, body)
	}
	return res
}

// TestProtocolSelect runs one query through every protocol method and
// every result media type and checks the answer each time.
func TestProtocolSelect(t *testing.T) {
	s := testServer(t, Options{})
	_, quads := testStore(t)
	want := expectedCounties(quads)
	if len(want) != 21 {
		t.Fatalf("the test graph has %d counties with codes, want 21", len(want))
	}
	methods := map[string]func(accept string) req{
		"GET":         func(a string) req { return sparqlGET(countyQuery, nil, a) },
		"POST form":   func(a string) req { return sparqlForm(countyQuery, nil, a) },
		"POST direct": func(a string) req { return sparqlDirect(countyQuery, nil, a) },
	}
	types := []struct {
		accept, format, contentType string
	}{
		{"application/sparql-results+json", "json", "application/sparql-results+json"},
		{"application/sparql-results+xml", "xml", "application/sparql-results+xml"},
		{"text/csv", "csv", "text/csv; charset=utf-8"},
		{"text/tab-separated-values", "tsv", "text/tab-separated-values; charset=utf-8"},
		{"application/json", "json", "application/json"},
		{"application/xml", "xml", "application/xml"},
		{"text/xml", "xml", "text/xml; charset=utf-8"},
		{"*/*", "json", "application/sparql-results+json"},
		{"", "json", "application/sparql-results+json"},
	}
	for name, mk := range methods {
		for _, ty := range types {
			t.Run(name+" "+ty.accept, func(t *testing.T) {
				w := do(t, s, mk(ty.accept))
				if w.Code != http.StatusOK {
					t.Fatalf("status %d: %s", w.Code, w.Body)
				}
				if ct := w.Header().Get("Content-Type"); ct != ty.contentType {
					t.Errorf("Content-Type %q, want %q", ct, ty.contentType)
				}
				if w.Header().Get("Access-Control-Allow-Origin") != "*" {
					t.Error("no CORS header")
				}
				if !slices.Contains(w.Header().Values("Vary"), "Accept") {
					t.Error("no Vary: Accept")
				}
				if w.Header().Get(headerLimit) != strconv.Itoa(DefaultMaxResults) || w.Header().Get(headerTruncated) != "" {
					t.Errorf("limit headers %q %q", w.Header().Get(headerLimit), w.Header().Get(headerTruncated))
				}
				res := readResult(t, ty.format, w.Body.Bytes())
				if !slices.Equal(res.Vars, []string{"c", "code"}) {
					t.Fatalf("vars %v", res.Vars)
				}
				if len(res.Rows) != len(want) {
					t.Fatalf("%d rows, want %d", len(res.Rows), len(want))
				}
				for i, row := range res.Rows {
					if row[0].Value != want[i][0] || row[1].Value != want[i][1] {
						t.Errorf("row %d = %v, want %v", i, row, want[i])
					}
				}
			})
		}
	}
}

func TestProtocolAsk(t *testing.T) {
	s := testServer(t, Options{})
	for _, c := range []struct {
		query  string
		answer bool
	}{
		{`ASK { <` + testBase + `id/region-skane> ?p ?o }`, true},
		{`ASK { <` + testBase + `id/no-such-thing> ?p ?o }`, false},
	} {
		for _, format := range []string{"json", "xml", "csv", "tsv"} {
			f, _ := results.ByName(format)
			w := do(t, s, sparqlGET(c.query, nil, f.MediaTypes[0]))
			if w.Code != http.StatusOK {
				t.Fatalf("%s: status %d: %s", format, w.Code, w.Body)
			}
			res := readResult(t, format, w.Body.Bytes())
			if res.Boolean == nil || *res.Boolean != c.answer {
				t.Errorf("%s %s: got %v, want %v", c.query, format, res.Boolean, c.answer)
			}
		}
	}
}

// TestProtocolGraphResults checks CONSTRUCT and DESCRIBE in every RDF
// syntax by parsing the answer back.
func TestProtocolGraphResults(t *testing.T) {
	s := testServer(t, Options{})
	skane := testBase + "id/skane-lan"
	queries := map[string]string{
		"construct": `PREFIX kgo: <` + kgo + `> CONSTRUCT { ?c kgo:scbCountyCode ?code } WHERE { ?c a kgo:County ; kgo:scbCountyCode ?code }`,
		"describe":  `DESCRIBE <` + skane + `>`,
	}
	wantN := map[string]int{"construct": 21}
	for name, q := range queries {
		for _, o := range rdfOffers {
			t.Run(name+" "+o.mediaType, func(t *testing.T) {
				w := do(t, s, sparqlGET(q, nil, o.mediaType))
				if w.Code != http.StatusOK {
					t.Fatalf("status %d: %s", w.Code, w.Body)
				}
				if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, o.mediaType) {
					t.Errorf("Content-Type %q, want %q", ct, o.mediaType)
				}
				f, _ := export.ByName(o.format)
				var got []term.Quad
				err := f.Parse(bytes.NewReader(w.Body.Bytes()), rdfio.Options{Base: testBase, Contexts: export.Contexts(testBase)}, func(q term.Quad) error {
					got = append(got, q)
					return nil
				})
				if err != nil {
					t.Fatalf("parsing %s: %v\n%s", o.format, err, w.Body)
				}
				if n, ok := wantN[name]; ok && len(got) != n {
					t.Errorf("%d triples, want %d", len(got), n)
				}
				if name == "describe" {
					found := false
					for _, q := range got {
						if q.S.Value == skane && q.P.Value == kgo+"nutsCode" && q.O.Value == "SE224" {
							found = true
						}
					}
					if !found {
						t.Errorf("DESCRIBE lacks the NUTS code of Skåne län: %s", w.Body)
					}
				}
			})
		}
	}
}

// TestProtocolDataset checks default-graph-uri and named-graph-uri, and
// that FROM and FROM NAMED in a query only select graphs of the store.
func TestProtocolDataset(t *testing.T) {
	s := testServer(t, Options{})
	_, quads := testStore(t)
	g1, g2 := passage+"38-7", passage+"41-3"
	inGraph := map[string]int{}
	union := map[term.Triple]bool{} // the default graph of two graphs is their merge
	for _, q := range quads {
		inGraph[q.G.Value]++
		if q.G.Value == g1 || q.G.Value == g2 {
			union[term.Triple{S: q.S, P: q.P, O: q.O}] = true
		}
	}
	if inGraph[g1] == 0 || inGraph[g2] == 0 {
		t.Fatalf("test graphs are empty: %d %d", inGraph[g1], inGraph[g2])
	}
	count := `SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }`
	graphs := `SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g`
	for _, c := range []struct {
		name  string
		r     req
		want  []string // values of the single column
		count bool
	}{
		{"GET default-graph-uri", sparqlGET(count, url.Values{"default-graph-uri": {g1}}, ""), []string{strconv.Itoa(inGraph[g1])}, true},
		{"form default-graph-uri x2", sparqlForm(count, url.Values{"default-graph-uri": {g1, g2}}, ""), []string{strconv.Itoa(len(union))}, true},
		{"direct POST default-graph-uri in URL", sparqlDirect(count, url.Values{"default-graph-uri": {g2}}, ""), []string{strconv.Itoa(inGraph[g2])}, true},
		{"named-graph-uri", sparqlGET(graphs, url.Values{"named-graph-uri": {g2, g1}}, ""), []string{g1, g2}, false},
		{"named-graph-uri only: empty default graph", sparqlGET(count, url.Values{"named-graph-uri": {g1}}, ""), []string{"0"}, true},
		{"unknown graph is empty", sparqlGET(count, url.Values{"default-graph-uri": {"http://example.org/nothing"}}, ""), []string{"0"}, true},
		{"FROM a store graph", sparqlGET(`SELECT (COUNT(*) AS ?n) FROM <`+g1+`> WHERE { ?s ?p ?o }`, nil, ""), []string{strconv.Itoa(inGraph[g1])}, true},
		{"FROM NAMED a store graph", sparqlGET(`SELECT DISTINCT ?g FROM NAMED <`+g2+`> WHERE { GRAPH ?g { ?s ?p ?o } }`, nil, ""), []string{g2}, false},
		{"protocol overrides FROM", sparqlGET(`SELECT (COUNT(*) AS ?n) FROM <`+g1+`> WHERE { ?s ?p ?o }`, url.Values{"default-graph-uri": {g2}}, ""), []string{strconv.Itoa(inGraph[g2])}, true},
		{"FROM a file reads nothing", sparqlGET(`SELECT (COUNT(*) AS ?n) FROM <file:///etc/passwd> WHERE { ?s ?p ?o }`, nil, ""), []string{"0"}, true},
		{"FROM a file with a relative path", sparqlGET(`SELECT (COUNT(*) AS ?n) FROM <file:../seeds/identifiers.csv> WHERE { ?s ?p ?o }`, nil, ""), []string{"0"}, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, s, c.r)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			res := readResult(t, "json", w.Body.Bytes())
			var got []string
			for _, row := range res.Rows {
				got = append(got, row[0].Value)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestProtocolNegotiation covers the choice of result format.
func TestProtocolNegotiation(t *testing.T) {
	s := testServer(t, Options{})
	sel := `SELECT ?s WHERE { ?s a <` + kgo + `Region> } LIMIT 1`
	con := `CONSTRUCT { ?s a <` + kgo + `Region> } WHERE { ?s a <` + kgo + `Region> } LIMIT 1`
	for _, c := range []struct {
		name   string
		r      req
		status int
		ct     string
	}{
		{"select, csv preferred", sparqlGET(sel, nil, "text/csv;q=0.9, application/sparql-results+xml;q=0.5"), 200, "text/csv; charset=utf-8"},
		{"select, wildcard type", sparqlGET(sel, nil, "text/*"), 200, "text/csv; charset=utf-8"},
		{"select, json excluded", sparqlGET(sel, nil, "application/sparql-results+json;q=0, */*;q=0.1"), 200, "application/sparql-results+xml"},
		{"select, browser gets html", sparqlGET(sel, nil, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), 200, "text/html; charset=utf-8"},
		{"select, plain text table", sparqlGET(sel, nil, "text/plain"), 200, "text/plain; charset=utf-8"},
		{"select, format parameter wins", sparqlGET(sel, url.Values{"format": {"tsv"}}, "application/sparql-results+json"), 200, "text/tab-separated-values; charset=utf-8"},
		{"select, format as media type", sparqlGET(sel, url.Values{"format": {"application/sparql-results+xml"}}, ""), 200, "application/sparql-results+xml"},
		{"select, turtle is 406", sparqlGET(sel, nil, "text/turtle"), 406, ""},
		{"select, image is 406", sparqlGET(sel, nil, "image/png"), 406, ""},
		{"select, unknown format 406", sparqlGET(sel, url.Values{"format": {"pdf"}}, ""), 406, ""},
		{"construct, default turtle", sparqlGET(con, nil, "*/*"), 200, "text/turtle; charset=utf-8"},
		{"construct, YASGUI style accept", sparqlGET(con, nil, "application/sparql-results+json,*/*;q=0.9"), 200, "text/turtle; charset=utf-8"},
		{"construct, json-ld", sparqlGET(con, nil, "application/ld+json"), 200, "application/ld+json"},
		{"construct, alias media type", sparqlGET(con, nil, "application/x-turtle"), 200, "application/x-turtle"},
		{"construct, sparql json only is 406", sparqlGET(con, nil, "application/sparql-results+json"), 406, ""},
		{"construct, format=nt", sparqlGET(con, url.Values{"format": {"nt"}}, ""), 200, "application/n-triples"},
		{"construct, format=xml means RDF/XML", sparqlGET(con, url.Values{"format": {"xml"}}, "application/rdf+xml"), 200, "application/rdf+xml"},
		{"construct, format=json means JSON-LD", sparqlGET(con, url.Values{"format": {"json"}}, ""), 200, "application/ld+json"},
		{"construct, format=turtle", sparqlGET(con, url.Values{"format": {"turtle"}}, ""), 200, "text/turtle; charset=utf-8"},
		{"select, format=xml", sparqlGET(sel, url.Values{"format": {"xml"}}, ""), 200, "application/sparql-results+xml"},
		// SPARQLWrapper repeats the parameter with several spellings.
		{"construct, format=rdf+xml repeated", sparqlGET(con, url.Values{"format": {"rdf+xml", "application/rdf+xml"}, "output": {"rdf+xml"}}, "application/rdf+xml"), 200, "application/rdf+xml"},
		{"construct, first known of repeated values", sparqlGET(con, url.Values{"format": {"pdf", "nt"}}, ""), 200, "application/n-triples"},
		{"select, output parameter", sparqlGET(sel, url.Values{"output": {"csv"}}, ""), 200, "text/csv; charset=utf-8"},
		{"select, only unknown values 406", sparqlGET(sel, url.Values{"format": {"pdf", "docx"}}, "application/sparql-results+json"), 406, ""},
		{"select, output=csv", sparqlGET(sel, url.Values{"output": {"csv"}}, ""), 200, "text/csv; charset=utf-8"},
		{"select, format=turtle is 406", sparqlGET(sel, url.Values{"format": {"turtle"}}, ""), 406, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, s, c.r)
			if w.Code != c.status {
				t.Fatalf("status %d, want %d: %s", w.Code, c.status, w.Body)
			}
			if c.ct != "" && w.Header().Get("Content-Type") != c.ct {
				t.Errorf("Content-Type %q, want %q", w.Header().Get("Content-Type"), c.ct)
			}
			if c.status == 406 && !strings.Contains(w.Body.String(), "available:") {
				t.Errorf("406 without the list of types: %s", w.Body)
			}
		})
	}
}

// TestProtocolErrors covers the error statuses of the endpoint.
func TestProtocolErrors(t *testing.T) {
	s := testServer(t, Options{MaxBody: 4096})
	slow := testServer(t, withTimeout)
	// A cross product of the whole graph with itself three times: it runs
	// for hours unless the deadline stops it.
	slowQuery := `SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }`
	big := "SELECT * WHERE { ?s ?p ?o } #" + strings.Repeat("x", 5000)
	for _, c := range []struct {
		name   string
		h      http.Handler
		r      req
		status int
		body   string // a substring of the response
	}{
		{"syntax error", s, sparqlGET("SELECT * WHERE { ?s ?p ", nil, ""), 400, "1:24"},
		{"syntax error via POST", s, sparqlDirect("SELECT ?x WHERE {\n  ?x ?y ?z .\n  FILTER(\n}", nil, ""), 400, "4:1"},
		{"unknown prefix", s, sparqlGET("SELECT * WHERE { ?s a foo:Bar }", nil, ""), 400, "foo"},
		{"SERVICE refused", s, sparqlGET("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", nil, ""), 400, "SERVICE"},
		{"missing query in POST", s, req{method: "POST", target: "/sparql", body: "x=1", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}, 400, "missing query"},
		{"empty query", s, sparqlGET("   ", nil, ""), 400, "empty query"},
		{"two queries", s, get("/sparql?query=ASK{}&query=ASK{}", ""), 400, "more than one"},
		{"update parameter", s, req{method: "POST", target: "/sparql", body: "update=CLEAR+ALL", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}, 400, "read-only"},
		{"update media type", s, req{method: "POST", target: "/sparql", body: "CLEAR ALL", header: map[string]string{"Content-Type": "application/sparql-update"}}, 415, "read-only"},
		{"update keyword as query", s, sparqlGET("INSERT DATA { <http://a> <http://b> <http://c> }", nil, ""), 400, "syntax error"},
		{"POST text/plain", s, req{method: "POST", target: "/sparql", body: "ASK {}", header: map[string]string{"Content-Type": "text/plain"}}, 415, "Content-Type"},
		{"POST without content type", s, req{method: "POST", target: "/sparql", body: "ASK {}"}, 415, "Content-Type"},
		{"POST latin-1 query", s, req{method: "POST", target: "/sparql", body: "ASK {}", header: map[string]string{"Content-Type": "application/sparql-query; charset=iso-8859-1"}}, 415, "UTF-8"},
		{"query both in URL and body", s, req{method: "POST", target: "/sparql?query=ASK{}", body: "ASK {}", header: map[string]string{"Content-Type": "application/sparql-query"}}, 400, "not both"},
		{"invalid UTF-8", s, sparqlDirect("ASK { ?s ?p \"\xff\" }", nil, ""), 400, "UTF-8"},
		{"bad graph IRI", s, sparqlGET("ASK {}", url.Values{"default-graph-uri": {"not an iri"}}, ""), 400, "default-graph-uri"},
		{"body too large (form)", s, sparqlForm(big, nil, ""), 413, "larger than 4096"},
		{"body too large (direct)", s, sparqlDirect(big, nil, ""), 413, "larger than 4096"},
		{"PUT", s, req{method: "PUT", target: "/sparql", body: "x"}, 405, "PUT"},
		{"DELETE", s, req{method: "DELETE", target: "/sparql"}, 405, "DELETE"},
		{"POST on an entity", s, req{method: "POST", target: "/id/region-skane", body: "x", header: map[string]string{"Content-Type": "text/plain"}}, 405, "POST"},
		{"deadline", slow, sparqlGET(slowQuery, nil, ""), 503, "limit of 30ms"},
		{"deadline via POST", slow, sparqlDirect(slowQuery, nil, "text/csv"), 503, "longer than"},
		{"URL too long", s, get("/sparql?query="+strings.Repeat("a", MaxURI), ""), 414, "POST"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, c.h, c.r)
			if w.Code != c.status {
				t.Fatalf("status %d, want %d: %s", w.Code, c.status, w.Body)
			}
			if !strings.Contains(w.Body.String(), c.body) {
				t.Errorf("body %q lacks %q", w.Body, c.body)
			}
			if c.status == 405 && w.Header().Get("Allow") == "" {
				t.Error("405 without Allow")
			}
			if w.Header().Get("ETag") != "" {
				t.Error("error response with an ETag")
			}
		})
	}
}

// TestResultLimit checks the cap on rows and triples and its header.
func TestResultLimit(t *testing.T) {
	s := testServer(t, Options{MaxResults: 5})
	for _, c := range []struct {
		name      string
		query     string
		accept    string
		n         int
		truncated bool
	}{
		{"select over the limit", `SELECT * WHERE { ?s ?p ?o }`, "application/sparql-results+json", 5, true},
		{"select at the limit", `SELECT * WHERE { ?s ?p ?o } LIMIT 5`, "application/sparql-results+json", 5, false},
		{"select under the limit", `SELECT * WHERE { ?s ?p ?o } LIMIT 3`, "text/csv", 3, false},
		{"construct over the limit", `CONSTRUCT WHERE { ?s ?p ?o }`, "application/n-triples", 5, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := do(t, s, sparqlGET(c.query, nil, c.accept))
			if w.Code != 200 {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			n := 0
			switch c.accept {
			case "application/n-triples":
				n = strings.Count(w.Body.String(), "\n")
			case "text/csv":
				n = len(readResult(t, "csv", w.Body.Bytes()).Rows)
			default:
				n = len(readResult(t, "json", w.Body.Bytes()).Rows)
			}
			if n != c.n {
				t.Errorf("%d results, want %d", n, c.n)
			}
			if got := w.Header().Get(headerTruncated) == "true"; got != c.truncated {
				t.Errorf("truncated header %v, want %v", got, c.truncated)
			}
			if w.Header().Get(headerLimit) != "5" {
				t.Errorf("limit header %q", w.Header().Get(headerLimit))
			}
		})
	}
}

func TestServiceDescription(t *testing.T) {
	s := testServer(t, Options{})
	w := do(t, s, get("/sparql", "text/turtle"))
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	for _, want := range []string{"sparql-service-description#", "SPARQL11Query", "SPARQL_Results_JSON"} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("service description lacks %s:\n%s", want, w.Body)
		}
	}
	w = do(t, s, get("/sparql", "text/html"))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `id="query-editor"`) {
		t.Errorf("GET /sparql for a browser: %d, no editor", w.Code)
	}
}
