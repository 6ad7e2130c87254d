package main

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// TestServeCountsByTopClass checks that kg serve, over the memory store
// (which it builds first), counts every actor under kgo:Actor on the front
// page and lists them all on the browse page, as ?x a kgo:Actor does.
func TestServeCountsByTopClass(t *testing.T) {
	dir := t.TempDir()
	out := mustKG(t, dir, "-q", "--store", "memory", "query", "--results", "csv",
		kgo+"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kgo:Actor }")
	n := strings.TrimSpace(strings.TrimPrefix(out, "n\r\n"))
	if len(n) < 3 {
		t.Fatalf("actors: %q", out)
	}
	s := startServe(t, dir, "--store", "memory")
	defer s.stop()
	actor := "https://w3id.org/regionalkg/ontology#Actor"
	_, front := s.get("/", "text/html")
	row := regexp.MustCompile(`<a href="/browse\?class=` + regexp.QuoteMeta(url.QueryEscape(actor)) + `"[^>]*>[^<]+</a></td><td class="num">(\d+)</td>`)
	if m := row.FindSubmatch(front); m == nil || string(m[1]) != n {
		t.Errorf("front page: actor row %q, want %s", m, n)
	}
	_, browse := s.get("/browse?class="+url.QueryEscape(actor), "text/html")
	if want := fmt.Sprintf(`<p id="member-count">%s saker`, n); !strings.Contains(string(browse), want) {
		t.Errorf("browse page of kgo:Actor does not say %q", want)
	}
	// An entity's page shows the types stated, not every superclass.
	_, page := s.get("/id/region-skane", "text/html")
	types := regexp.MustCompile(`<dd id="types">(.*?)</dd>`).FindSubmatch(page)
	if types == nil || strings.Count(string(types[1]), `class="type"`) != 1 || !strings.Contains(string(types[1]), ">region</a>") {
		t.Errorf("Region Skåne's types: %q", types)
	}
	// VoID has a class partition of kgo:Actor with every actor.
	_, void := s.get("/.well-known/void", "application/n-triples")
	quads := parseRDF(t, "nt", string(void))
	found := false
	for _, p := range quads {
		if p.P.Value == "http://rdfs.org/ns/void#class" && p.O.Value == actor {
			for _, q := range quads {
				if q.S == p.S && q.P.Value == "http://rdfs.org/ns/void#entities" {
					found = q.O.Value == n
					if !found {
						t.Errorf("VoID: %s actors, want %s", q.O.Value, n)
					}
				}
			}
		}
	}
	if !found {
		t.Errorf("VoID has no class partition of kgo:Actor with %s entities", n)
	}
}
