package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"kg/export"
	"kg/rdfio"
	"kg/term"
)

// kgBin is the kg binary built once for these tests, so that exit codes,
// stdout and stderr are checked exactly as a user sees them.
var kgBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kg-cli-test")
	if err != nil {
		panic(err)
	}
	kgBin = filepath.Join(dir, "kg")
	if out, err := exec.Command("go", "build", "-o", kgBin, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type run struct {
	stdout, stderr string
	code           int
}

// kg runs the binary in dir with the project's seeds. A run that does not
// end within two minutes (a server that should have refused to start, a
// hang) is killed and fails the test.
func kg(t *testing.T, dir string, args ...string) run {
	t.Helper()
	return kgStdin(t, dir, "", args...)
}

// kgStdin is kg with stdin reading the given text.
func kgStdin(t *testing.T, dir, stdin string, args ...string) run {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	seeds, _ := filepath.Abs("../../seeds")
	cmd := exec.CommandContext(ctx, kgBin, append([]string{"--seeds", seeds}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("kg %s still running after 2 minutes; stderr %q", strings.Join(args, " "), errb.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return run{out.String(), errb.String(), code}
}

func mustKG(t *testing.T, dir string, args ...string) string {
	t.Helper()
	r := kg(t, dir, args...)
	if r.code != 0 {
		t.Fatalf("kg %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

func parseRDF(t *testing.T, format, text string) []term.Quad {
	t.Helper()
	f, ok := export.Lookup(format)
	if !ok {
		t.Fatalf("no parser for %s", format)
	}
	var qs []term.Quad
	err := f.Parse(strings.NewReader(text), rdfio.Options{Base: "http://example.org/", Contexts: export.Contexts()}, func(q term.Quad) error {
		qs = append(qs, q)
		return nil
	})
	if err != nil {
		t.Fatalf("%s export does not parse: %v", format, err)
	}
	return qs
}

// union drops graph names and duplicates.
func union(qs []term.Quad) []term.Quad {
	out := make([]term.Quad, len(qs))
	for i, q := range qs {
		out[i] = q.Triple().InGraph(term.Term{})
	}
	slices.SortFunc(out, term.CompareQuads)
	return slices.Compact(out)
}

func TestExportBuildsFirstAndRoundTrips(t *testing.T) {
	dir := t.TempDir()
	r := kg(t, dir, "export", "--format=ttl", "-o", "kg.ttl")
	if r.code != 0 {
		t.Fatalf("export on a fresh store: %d %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "building it from") {
		t.Errorf("export on an empty store should say it builds first; stderr: %q", r.stderr)
	}
	ttl, err := os.ReadFile(filepath.Join(dir, "kg.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	nq := mustKG(t, dir, "export", "--format=nq")
	dataset := parseRDF(t, "nq", nq)
	if len(dataset) < 1000 {
		t.Fatalf("only %d quads exported", len(dataset))
	}
	graph := union(dataset)
	if !rdfio.Isomorphic(parseRDF(t, "ttl", string(ttl)), graph) {
		t.Error("Turtle export is not the union graph of the N-Quads export")
	}
	for _, c := range []struct{ format, parser string }{
		{"nt", "nt"}, {"jsonld", "jsonld"}, {"rdfxml", "rdfxml"},
	} {
		if got := parseRDF(t, c.parser, mustKG(t, dir, "export", "--format="+c.format)); !rdfio.Isomorphic(union(got), graph) {
			t.Errorf("%s export is not the union graph", c.format)
		}
	}
	if got := parseRDF(t, "trig", mustKG(t, dir, "export", "--format=trig")); !rdfio.Isomorphic(got, dataset) {
		t.Error("TriG export is not the N-Quads dataset")
	}
	// Deterministic: a rebuild exports byte-identical Turtle.
	mustKG(t, dir, "build")
	again := mustKG(t, dir, "export", "--format=ttl")
	if again != string(ttl) {
		t.Error("two builds of the same seeds export different Turtle")
	}
}

func TestExportMatchesRapper(t *testing.T) {
	if _, err := exec.LookPath("rapper"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rapper is not installed (apt-get install raptor2-utils)")
		}
		t.Skip("rapper (raptor2-utils) not installed; .ci/run installs it")
	}
	dir := t.TempDir()
	mustKG(t, dir, "build")
	nt := parseRDF(t, "nt", mustKG(t, dir, "export", "--format=nt"))
	for _, c := range []struct{ format, rapper string }{{"ttl", "turtle"}, {"rdfxml", "rdfxml"}, {"nt", "ntriples"}} {
		file := filepath.Join(dir, "x."+c.format)
		mustKG(t, dir, "export", "--format="+c.format, "-o", file)
		out, err := exec.Command("rapper", "-q", "-i", c.rapper, "-o", "ntriples", file, "http://example.org/").Output()
		if err != nil {
			t.Fatalf("rapper rejects the %s export: %v", c.format, err)
		}
		if !rdfio.Isomorphic(parseRDF(t, "nt", string(out)), nt) {
			t.Errorf("rapper reads a different graph from the %s export", c.format)
		}
	}
}

func TestQueryOverStoreAndFiles(t *testing.T) {
	dir := t.TempDir()
	mustKG(t, dir, "build")
	out := mustKG(t, dir, "query", "--results", "csv",
		`PREFIX kgo: <https://w3id.org/regionalkg/ontology#> SELECT (COUNT(?r) AS ?n) WHERE { ?r a kgo:Region }`)
	if strings.TrimSpace(out) != "n\r\n21" {
		t.Errorf("regions: %q", out)
	}
	// Provenance: a fact and the quote that states it.
	out = mustKG(t, dir, "query", "--results", "tsv", `PREFIX kgo: <https://w3id.org/regionalkg/ontology#>
		SELECT ?page ?quote WHERE { GRAPH ?g { ?r kgo:responsibleFor ?i } ?g kgo:page ?page ; kgo:quote ?quote } LIMIT 1`)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 {
		t.Errorf("provenance query: %q", out)
	}
	// Tables shorten kg's IRIs with kg's prefixes unless the query binds
	// the label or the namespace itself.
	out = mustKG(t, dir, "query", "--results", "table",
		`SELECT ?r WHERE { ?r <http://www.w3.org/2000/01/rdf-schema#label> "Region Skåne"@sv }`)
	if !strings.Contains(out, "kg:region-skane") {
		t.Errorf("table without prefixes:\n%s", out)
	}
	out = mustKG(t, dir, "query", "--results", "table",
		`PREFIX x: <https://w3id.org/regionalkg/id/> PREFIX kg: <http://example.org/other#> SELECT ?r WHERE { ?r <http://www.w3.org/2000/01/rdf-schema#label> "Region Skåne"@sv }`)
	if !strings.Contains(out, "x:region-skane") {
		t.Errorf("the query's own prefix must win:\n%s", out)
	}
	data := filepath.Join(dir, "d.ttl")
	os.WriteFile(data, []byte(`@prefix : <http://example.org/> . :a :n "01"^^<http://www.w3.org/2001/XMLSchema#integer> .`), 0o644)
	out = mustKG(t, dir, "query", "--data", data, "--results", "tsv", `SELECT ?n WHERE { ?s ?p ?n }`)
	if strings.TrimSpace(out) != "?n\n01" {
		t.Errorf("lexical form not kept: %q", out)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	mustKG(t, dir, "build")
	before := mustKG(t, dir, "export", "--format=nq")
	good := filepath.Join(dir, "good.ttl")
	bad := filepath.Join(dir, "bad.ttl")
	os.WriteFile(good, []byte("@prefix : <http://example.org/> .\n:x :sameAs :y .\n"), 0o644)
	os.WriteFile(bad, []byte("@prefix : <http://example.org/> .\n:x :p :y .\n:x :p \"open .\n"), 0o644)
	r := kg(t, dir, "load", good, bad)
	if r.code == 0 || !strings.Contains(r.stderr, "bad.ttl:3:") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Fatalf("malformed file: exit %d, stderr %q; want a one-line FILE:LINE:COL error", r.code, r.stderr)
	}
	if after := mustKG(t, dir, "export", "--format=nq"); after != before {
		t.Fatal("a failed load changed the store")
	}
	mustKG(t, dir, "load", good)
	out := mustKG(t, dir, "query", "--results", "csv", `SELECT ?g WHERE { GRAPH ?g { <http://example.org/x> ?p ?o } }`)
	if !strings.Contains(out, "file://") {
		t.Errorf("loaded triples should be in the file's graph: %q", out)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	writeSeeds := func(name string, content []byte) string {
		d := filepath.Join(dir, name)
		os.MkdirAll(d, 0o755)
		if content != nil {
			os.WriteFile(filepath.Join(d, "r.txt"), content, 0o644)
		}
		return d
	}
	store := filepath.Join(dir, "store")
	mustKG(t, dir, "--store", store, "build")
	before := mustKG(t, dir, "--store", store, "export", "--format=nq")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"missing seeds", []string{"--seeds", filepath.Join(dir, "nowhere"), "build"}, "nowhere"},
		{"no reports", []string{"--seeds", writeSeeds("none", nil), "build"}, "no documents"},
		{"empty report", []string{"--seeds", writeSeeds("empty", []byte("  \n\n")), "build"}, "empty"},
		{"not UTF-8", []string{"--seeds", writeSeeds("latin1", []byte(" Rubrik\n\nV\xe4rmland\n")), "build"}, "r.txt:3:2"},
		{"unknown format", []string{"export", "--format=xyz"}, "unknown format"},
		{"unwritable output", []string{"export", "--format=nt", "-o", filepath.Join(dir, "no/such/dir/out.nt")}, "out.nt"},
		{"unknown query format", []string{"query", "--results", "yaml", "ASK {}"}, "unknown --results"},
		{"query syntax", []string{"query", "SELECT * WHERE { ?s ?p }"}, "1:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := kg(t, dir, append([]string{"--store", store}, c.args...)...)
			if r.code == 0 {
				t.Fatalf("exit 0; stdout %q", r.stdout)
			}
			msg := strings.TrimSpace(r.stderr)
			if strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
				t.Errorf("want one line mentioning %q, got %q", c.want, msg)
			}
		})
	}
	if after := mustKG(t, dir, "--store", store, "export", "--format=nq"); after != before {
		t.Fatal("bad input changed the store")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "no", "*")); len(m) != 0 {
		t.Error("a failed export left files behind")
	}
}

func TestCorruptStore(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	mustKG(t, dir, "--store", store, "build")
	gen, err := os.Readlink(filepath.Join(store, "current"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(store, gen, "spo.dat"), []byte("garbage"), 0o644)
	r := kg(t, dir, "--store", store, "stats")
	if r.code == 0 || !strings.Contains(r.stderr, "corrupt") {
		t.Fatalf("corrupt store: exit %d, %q", r.code, r.stderr)
	}
	// A build does not need the damaged graph: it replaces it.
	mustKG(t, dir, "--store", store, "build")
	mustKG(t, dir, "--store", store, "stats", "--verify")
	// A flipped byte inside an index is found by --verify, not by opening.
	gen, _ = os.Readlink(filepath.Join(store, "current"))
	pos := filepath.Join(store, gen, "pos.dat")
	data, err := os.ReadFile(pos)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)/2] ^= 0x10
	os.WriteFile(pos, data, 0o644)
	r = kg(t, dir, "--store", store, "stats", "--verify")
	if r.code == 0 || !strings.Contains(r.stderr, "pos.dat does not match its checksum") {
		t.Fatalf("flipped byte: exit %d, %q", r.code, r.stderr)
	}
}

func TestHelpHasExamples(t *testing.T) {
	// Every command the application defines, so a new one cannot slip by.
	for _, c := range newApp().Commands {
		cmd := c.Name
		out := mustKG(t, t.TempDir(), cmd, "--help")
		if !strings.Contains(out, "Example") {
			t.Errorf("kg %s --help has no example", cmd)
		}
	}
}
