package main

import (
	"crypto/sha1"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/internal/shacltest"
	"kg/term"
)

var publisherFlags = []string{"--publisher-name", "Region Exempel", "--publisher-orgnr", "232100-0255", "--contact", "opendata@example.se"}

// TestExportDCAT: the record needs who publishes it; with that it is
// deterministic for a built store, describes the dumps kg writes, and
// satisfies the DCAT-AP 2.1.1 shapes.
func TestExportDCAT(t *testing.T) {
	dir := t.TempDir()
	st := filepath.Join(dir, "store")
	r := kg(t, dir, "--store", st, "export", "--format=dcat", "-o", "dcat.rdf")
	if r.code != 2 || !strings.Contains(r.stderr, "--publisher-name") || !strings.Contains(r.stderr, "--contact") || r.stdout != "" {
		t.Errorf("export --format=dcat without a publisher: exit %d, stderr %q", r.code, r.stderr)
	}
	if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("want one line, got %q", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "dcat.rdf")); err == nil {
		t.Error("a refused export wrote its output file")
	}
	if r := kg(t, dir, append(publisherFlags, "--contact", "nobody", "--store", st, "export", "--format=dcat")...); r.code != 2 || !strings.Contains(r.stderr, "e-mail") {
		t.Errorf("malformed --contact: exit %d, stderr %q", r.code, r.stderr)
	}

	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01T00:00:00Z
	mustKG(t, dir, "--store", st, "build")
	args := append(append([]string{}, publisherFlags...), "--store", st, "export", "--format=dcat")
	xml := mustKG(t, dir, args...)
	if again := mustKG(t, dir, args...); again != xml {
		t.Error("two exports of the same store give different records")
	}
	g := map[string]map[string][]term.Term{}
	quads := parseRDF(t, "rdfxml", xml)
	for _, q := range quads {
		if g[q.S.Value] == nil {
			g[q.S.Value] = map[string][]term.Term{}
		}
		g[q.S.Value][q.P.Value] = append(g[q.S.Value][q.P.Value], q.O)
	}
	ds := g[defaultBase+"dataset"]
	if got := ds["http://purl.org/dc/terms/modified"]; len(got) != 1 || got[0].Value != "2026-01-01T00:00:00Z" {
		t.Errorf("modified %v, want the build time 2026-01-01T00:00:00Z", got)
	}
	if got := ds["http://purl.org/dc/terms/publisher"]; len(got) != 1 || got[0].Value != "http://dataportal.se/organisation/SE2321000255" {
		t.Errorf("publisher %v", got)
	}
	if got := ds["http://www.w3.org/ns/prov#wasDerivedFrom"]; len(got) != 1 || !strings.Contains(got[0].Value, "/report/") {
		t.Errorf("derived from %v, want the report", got)
	}
	ttl := mustKG(t, dir, "--store", st, "export", "--format=ttl")
	sum := sha1.Sum([]byte(ttl))
	dist := defaultBase + "dataset/distribution/ttl"
	if got := g[dist+"/checksum"]["http://spdx.org/rdf/terms#checksumValue"]; len(got) != 1 || got[0].Value != hex.EncodeToString(sum[:]) {
		t.Errorf("Turtle dump checksum %v, want the SHA-1 of kg export --format=ttl", got)
	}
	for _, shapes := range []string{shacltest.DCATAPBase, shacltest.DCATAPRange} {
		for _, v := range shacltest.Violations(shacltest.Validate(t, quads, shapes)) {
			t.Errorf("%s: %v", shapes, v)
		}
	}
}

// TestServeWithoutPublisher: kg serve starts without a publisher, warns
// once, and answers the catalogue paths with the reason.
func TestServeWithoutPublisher(t *testing.T) {
	dir := t.TempDir()
	st := filepath.Join(dir, "store")
	mustKG(t, dir, "--store", st, "build")
	s := startServe(t, dir, "--store", st)
	resp, body := s.get("/catalog.rdf", "")
	if resp.StatusCode != 404 || !strings.Contains(string(body), "--publisher-name") {
		t.Errorf("GET /catalog.rdf: %d %s", resp.StatusCode, body)
	}
	if resp, _ := s.get("/dump/kg.nt", ""); resp.StatusCode != 200 {
		t.Errorf("GET /dump/kg.nt: %d", resp.StatusCode)
	}
	s.stop()
	if n := strings.Count(s.stderr.String(), "no DCAT record"); n != 1 {
		t.Errorf("warned %d times, want once:\n%s", n, s.stderr)
	}

	s = startServe(t, dir, append(publisherFlags, "--store", st)...)
	resp, body = s.get("/catalog.rdf", "")
	if resp.StatusCode != 200 || !strings.Contains(string(body), "SE2321000255") {
		t.Errorf("GET /catalog.rdf with a publisher: %d %.300s", resp.StatusCode, body)
	}
	// The record served is the one kg export writes for the same store.
	if want := mustKG(t, dir, append(publisherFlags, "--store", st, "export", "--format=dcat")...); string(body) != want {
		t.Errorf("/catalog.rdf differs from kg export --format=dcat")
	}
	s.stop()
	if strings.Contains(s.stderr.String(), "no DCAT record") {
		t.Errorf("warned with a publisher:\n%s", s.stderr)
	}
}
