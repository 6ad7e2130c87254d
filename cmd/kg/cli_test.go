package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kg/term"
)

const (
	kgo     = "PREFIX kgo: <https://w3id.org/regionalkg/ontology#> "
	rdfType = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
)

// checkFailure checks that a run failed with code, printed nothing on stdout
// and one line on stderr holding every want.
func checkFailure(t *testing.T, r run, code int, want ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d; stderr %q", r.code, code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q, want nothing", r.stdout)
	}
	msg := strings.TrimSuffix(r.stderr, "\n")
	if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "kg: ") {
		t.Errorf("stderr %q, want one line starting kg: ", r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("stderr %q does not say %q", msg, w)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"export", "--fromat", "nt"}, []string{"export: unknown flag --fromat; did you mean --format?", "(see kg export --help)"}},
		{[]string{"--stroe", "x", "stats"}, []string{"unknown flag --stroe; did you mean --store?", "(see kg --help)"}},
		{[]string{"bogus"}, []string{`unknown command "bogus" (see kg --help)`}},
		{[]string{"exprot", "--format=nt"}, []string{`unknown command "exprot"; did you mean "export"?`}},
		{[]string{"help", "qeury"}, []string{`unknown command "qeury"; did you mean "query"?`}},
		{[]string{"export", "-o"}, []string{"-o needs a value", "kg export --help"}},
		{[]string{"load"}, []string{"load: name at least one FILE", "(see kg load --help)"}},
		{[]string{"load", "-"}, []string{"give --format to read stdin", "kg load --help"}},
		{[]string{"query", "ASK {}", "ASK {}"}, []string{"one argument", "kg query --help"}},
		{[]string{"export", "--format", "xyz"}, []string{`unknown format "xyz"`, "kg export --help"}},
		{[]string{"stats", "extra"}, []string{`unexpected argument "extra"`, "kg stats --help"}},
		{[]string{"version", "extra"}, []string{"kg version --help"}},
		{[]string{"--base", "ftp://x/", "export"}, []string{"--base", "kg export --help"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			checkFailure(t, kg(t, dir, c.args...), 2, c.want...)
		})
	}
	// kg alone prints its help, on stderr, and fails as a usage error.
	r := kg(t, dir)
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "COMMANDS:") || !strings.HasSuffix(r.stderr, "kg: no command given (see kg --help)\n") {
		t.Errorf("kg alone: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "data")); err == nil {
		t.Error("a usage error created a store")
	}
}

// TestMistypedFlagLeavesRedirectEmpty is the README's promise: kg export
// --fromat nt > kg.nt leaves kg.nt empty.
func TestMistypedFlagLeavesRedirectEmpty(t *testing.T) {
	dir := t.TempDir()
	out, err := os.Create(filepath.Join(dir, "kg.nt"))
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Abs("../../seeds")
	cmd := exec.Command(kgBin, "--seeds", seeds, "export", "--fromat", "nt")
	cmd.Dir, cmd.Stdout = dir, out
	err = cmd.Run()
	out.Close()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
		t.Fatalf("exit: %v, want 2", err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "kg.nt")); err != nil || fi.Size() != 0 {
		t.Errorf("kg.nt: %v, %d bytes; want it empty", err, fi.Size())
	}
}

func TestHelpAndVersion(t *testing.T) {
	dir := t.TempDir()
	top := kg(t, dir, "help")
	if top.code != 0 || top.stderr != "" {
		t.Fatalf("kg help: exit %d, stderr %q", top.code, top.stderr)
	}
	if flag := kg(t, dir, "--help"); flag.stdout != top.stdout {
		t.Error("kg help and kg --help differ")
	}
	for _, c := range newApp().Commands {
		if !strings.Contains(top.stdout, "   "+c.Name+" ") {
			t.Errorf("kg help does not list %s", c.Name)
		}
	}
	for _, cmd := range []string{"query", "load", "version"} {
		h := kg(t, dir, "help", cmd)
		if h.code != 0 || h.stderr != "" || !strings.Contains(h.stdout, "kg "+cmd+" ") {
			t.Errorf("kg help %s: exit %d, stderr %q, stdout %q", cmd, h.code, h.stderr, h.stdout)
		}
		if flag := kg(t, dir, cmd, "--help"); flag.stdout != h.stdout {
			t.Errorf("kg help %s and kg %s --help differ", cmd, cmd)
		}
	}

	// The version is the main module's as the build information records
	// it, which go version -m reads from the binary independently.
	info, err := exec.Command("go", "version", "-m", kgBin).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\tmod\tkg\t(\S+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("no main module in go version -m:\n%s", info)
	}
	want := string(m[1])
	if want == "(devel)" {
		want = "devel"
	}
	for _, args := range [][]string{{"--version"}, {"version"}} {
		r := kg(t, dir, args...)
		if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "kg "+want) || strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("kg %s: exit %d, stdout %q, stderr %q; want one line kg %s …", args[0], r.code, r.stdout, r.stderr, want)
		}
	}
}

func TestUnbuiltStore(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "typo")
	for _, args := range [][]string{
		{"query", "ASK {}"},
		{"stats"},
		{"export", "--format=nt"},
		{"serve", "--addr", "127.0.0.1:0"},
	} {
		t.Run(args[0], func(t *testing.T) {
			r := kg(t, dir, append([]string{"--store", typo}, args...)...)
			checkFailure(t, r, 1, "kg: no graph at "+typo+"; run kg build")
			if _, err := os.Stat(typo); err == nil {
				t.Error("a read-only command created the store")
			}
		})
	}
	// The default store is built by export, as the README's first command
	// needs (TestExportBuildsFirstAndRoundTrips), but not by query.
	checkFailure(t, kg(t, dir, "query", "ASK {}"), 1, "no graph at data/kg; run kg build")
}

func TestMemoryStoreBuildsInProcess(t *testing.T) {
	dir := t.TempDir()
	nt := mustKG(t, dir, "-q", "--store", "memory", "export", "--format=nt")
	if !strings.Contains(nt, "<https://w3id.org/regionalkg/id/region-skane> "+rdfType+" <https://w3id.org/regionalkg/ontology#Region> .") {
		t.Fatalf("memory export lacks Region Skåne (%d bytes)", len(nt))
	}
	out := mustKG(t, dir, "-q", "--store", "memory", "query", "--results", "csv", kgo+"SELECT (COUNT(?r) AS ?n) WHERE { ?r a kgo:Region }")
	if out != "n\r\n21\r\n" {
		t.Errorf("regions in memory: %q", out)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(mustKG(t, dir, "-q", "--store", "memory", "stats", "--json")), &s); err != nil || s["entities"].(float64) < 100 {
		t.Errorf("memory stats: %v %v", err, s["entities"])
	}
	if _, err := os.Stat(filepath.Join(dir, "memory")); err == nil {
		t.Error("--store memory wrote a directory")
	}
}

func TestFlagsAfterArgumentsAndStdin(t *testing.T) {
	dir := t.TempDir()
	mustKG(t, dir, "build")
	file := filepath.Join(dir, "x.nt")
	os.WriteFile(file, []byte("<http://example.org/x> "+rdfType+" <https://w3id.org/regionalkg/ontology#Region> .\n"), 0o644)
	// The README's synopsis: kg load FILE --graph IRI.
	r := kg(t, dir, "load", file, "--graph", "http://example.org/g")
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("load FILE --graph: exit %d, stderr %q", r.code, r.stderr)
	}
	// A global flag after the command, a command flag after the query.
	got := mustKG(t, dir, "query", "-q", "ASK { GRAPH <http://example.org/g> { <http://example.org/x> ?p ?o } }", "--results", "csv")
	if got != "true\r\n" {
		t.Errorf("loaded into --graph: %q", got)
	}
	// - is stdin for load (with --format), --query and the query text.
	r = kgStdin(t, dir, "<http://example.org/y> "+rdfType+" <https://w3id.org/regionalkg/ontology#Municipality> .\n", "load", "--format", "nt", "-")
	if r.code != 0 || !strings.Contains(r.stderr, "loaded 1 triple from stdin") {
		t.Fatalf("load -: exit %d, stderr %q", r.code, r.stderr)
	}
	ask := kgo + "ASK { <http://example.org/y> a kgo:Actor }"
	for _, args := range [][]string{{"query", "--results", "csv", "--query", "-"}, {"query", "-", "--results", "csv"}} {
		if r := kgStdin(t, dir, ask, args...); r.code != 0 || r.stdout != "true\r\n" {
			t.Errorf("kg %s: exit %d, stdout %q, stderr %q", strings.Join(args, " "), r.code, r.stdout, r.stderr)
		}
	}
	// kg build - reads a document (here an HTML page) from stdin.
	page := `<!doctype html><html lang="sv"><head><title>Strategi</title></head><body><main><h1>Regional utveckling</h1>` +
		`<p>Region Skåne ansvarar för den regionala utvecklingsstrategin enligt lagen (2010:630) om regionalt utvecklingsansvar.</p></main></body></html>`
	other := filepath.Join(dir, "from-stdin")
	r = kgStdin(t, dir, page, "--store", other, "build", "-")
	if r.code != 0 || !strings.Contains(r.stderr, " from stdin into ") {
		t.Fatalf("build -: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := mustKG(t, dir, "--store", other, "query", "--results", "csv", kgo+"ASK { <https://w3id.org/regionalkg/id/region-skane> a kgo:Actor }"); got != "true\r\n" {
		t.Errorf("the page read from stdin does not name Region Skåne: %q", got)
	}
	// "--" ends the flags: what follows is an argument even if it starts
	// with a dash.
	os.WriteFile(filepath.Join(dir, "-dash.nt"), []byte("<http://example.org/d> <http://example.org/p> \"1\" .\n"), 0o644)
	if r := kg(t, dir, "load", "--", "-dash.nt"); r.code != 0 {
		t.Errorf("load -- -dash.nt: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestOntologyInTheStore(t *testing.T) {
	dir := t.TempDir()
	mustKG(t, dir, "build")
	const entailedGraph = "https://w3id.org/regionalkg/graph/entailed"
	dataset := parseRDF(t, "nq", mustKG(t, dir, "export", "--format=nq"))
	stated := map[term.Triple]bool{}
	var plain strings.Builder
	for _, q := range dataset {
		if q.G.Value != entailedGraph {
			stated[q.Triple()] = true
			plain.WriteString(q.Triple().String() + "\n")
		}
	}
	for _, q := range dataset {
		if q.G.Value == entailedGraph && stated[q.Triple()] {
			t.Errorf("entailed, yet stated: %v", q)
		}
	}
	// ?x a kgo:Actor over the store finds what the hierarchy gives over the
	// graph without the entailed triples.
	data := filepath.Join(dir, "stated.nt")
	os.WriteFile(data, []byte(plain.String()), 0o644)
	hierarchy := mustKG(t, dir, "query", "--data", data, "--results", "csv",
		kgo+"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a/rdfs:subClassOf* kgo:Actor }")
	store := mustKG(t, dir, "query", "--results", "csv", kgo+"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a kgo:Actor }")
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(store, "n\r\n")))
	if store != hierarchy || err != nil || n < 300 {
		t.Errorf("actors: %q by the hierarchy, %q by ?x a kgo:Actor", hierarchy, store)
	}
	for _, ask := range []string{
		"ASK { GRAPH <https://w3id.org/regionalkg/ontology> { kgo:Region rdfs:subClassOf kgo:Actor } }",
		"ASK { GRAPH <" + entailedGraph + "> { <https://w3id.org/regionalkg/id/region-skane> a kgo:Actor } }",
		"ASK { GRAPH <" + entailedGraph + "> { kgo:CountyAdministrativeBoard rdfs:subClassOf kgo:Actor } }",
		"ASK { <https://w3id.org/regionalkg/id/lag-om-regionalt-utvecklingsansvar> a kgo:Law }",
	} {
		if got := mustKG(t, dir, "query", "--results", "csv", kgo+"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "+ask); got != "true\r\n" {
			t.Errorf("%s: %q", ask, got)
		}
	}
	// Loading data that uses kg's classes entails their superclasses.
	file := filepath.Join(dir, "cab.nt")
	os.WriteFile(file, []byte("<http://example.org/cab> "+rdfType+" <https://w3id.org/regionalkg/ontology#CountyAdministrativeBoard> .\n"), 0o644)
	mustKG(t, dir, "load", file)
	if got := mustKG(t, dir, "query", "--results", "csv", kgo+"ASK { GRAPH <"+entailedGraph+"> { <http://example.org/cab> a kgo:GovernmentAgency, kgo:Actor } }"); got != "true\r\n" {
		t.Errorf("entailed by a load: %q", got)
	}
	// A store of loaded data alone holds that data and no ontology.
	other := filepath.Join(dir, "other")
	mustKG(t, dir, "--store", other, "load", file)
	if got := mustKG(t, dir, "--store", other, "query", "--results", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"); got != "n\r\n1\r\n" {
		t.Errorf("a store of one loaded triple holds %q", got)
	}
}

func TestProgressAndFinalLines(t *testing.T) {
	dir := t.TempDir()
	r := kg(t, dir, "build")
	if !regexp.MustCompile(`^kg: built [\d,]+ quads \([\d,]+ from 1 document, [\d,]+ of the ontology, [\d,]+ entailed\) from \S+ into data/kg in \d+\.\d+ s\n$`).MatchString(r.stderr) {
		t.Errorf("build, piped: stderr %q", r.stderr)
	}
	file := filepath.Join(dir, "two.nt")
	os.WriteFile(file, []byte("<http://example.org/a> <http://example.org/p> \"1\" .\n<http://example.org/a> <http://example.org/p> \"2\" .\n"), 0o644)
	r = kg(t, dir, "load", file)
	if !regexp.MustCompile(`^kg: loaded 2 triples from \S+two\.nt into data/kg in \d+\.\d+ s \([\d.]+k?/s\)\n$`).MatchString(r.stderr) {
		t.Errorf("load, piped: stderr %q", r.stderr)
	}
	r = kg(t, dir, "export", "--format=nt", "-o", "kg.nt")
	if !regexp.MustCompile(`^kg: wrote [\d,]+ quads as N-Triples to kg\.nt in \d+\.\d+ s`).MatchString(r.stderr) {
		t.Errorf("export, piped: stderr %q", r.stderr)
	}
	for _, args := range [][]string{{"-q", "build"}, {"-q", "load", file}, {"load", "-q", file}, {"-q", "export", "-o", "kg.nt"}, {"stats"}} {
		if r := kg(t, dir, args...); r.code != 0 || r.stderr != "" {
			t.Errorf("kg %s: exit %d, stderr %q; want silence", strings.Join(args, " "), r.code, r.stderr)
		}
	}
}

func TestStatsText(t *testing.T) {
	dir := t.TempDir()
	mustKG(t, dir, "build")
	out := mustKG(t, dir, "stats")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^quads +\d{1,3}(,\d{3})+$`),
		regexp.MustCompile(`(?m)^entities with provenance +[\d,]+  \(\d+\.\d%\)$`),
		regexp.MustCompile(`(?m)^entities by top class`),
		regexp.MustCompile(`(?m)^  kgo:Actor +\d{3,}\n    kgo:`),
		regexp.MustCompile(`(?m)^    kgo:Region +21$`),
		regexp.MustCompile(`(?m)^  kgo:Law +\d+\n    kgo:Act +\d+$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("kg stats does not match %s:\n%s", want, out)
		}
	}
	// A store of loaded data alone has no entities: no share of nothing.
	other := filepath.Join(dir, "other")
	file := filepath.Join(dir, "a.nt")
	os.WriteFile(file, []byte("<http://example.org/a> <http://example.org/p> \"1\" .\n"), 0o644)
	mustKG(t, dir, "--store", other, "load", file)
	out = mustKG(t, dir, "--store", other, "stats")
	if !regexp.MustCompile(`(?m)^entities with provenance +0$`).MatchString(out) {
		t.Errorf("no entities:\n%s", out)
	}
}

// statsKeys are the keys of kg stats --json as the README documents them.
var statsKeys = []string{
	"quads", "triples", "named_graphs", "subjects", "objects", "entities", "entities_with_provenance",
	"relations", "relations_with_source", "top_classes", "other_classes", "properties", "links_out", "pages",
}

func TestStatsJSON(t *testing.T) {
	dir := t.TempDir()
	mustKG(t, dir, "build")
	var s map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustKG(t, dir, "stats", "--json")), &s); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := slices.Sorted(slices.Values(statsKeys))
	if !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
	var tops []struct {
		Class      string `json:"class"`
		Entities   int    `json:"entities"`
		Subclasses []struct {
			Class    string `json:"class"`
			Entities int    `json:"entities"`
		} `json:"subclasses"`
	}
	if err := json.Unmarshal(s["top_classes"], &tops); err != nil || len(tops) == 0 {
		t.Fatalf("top_classes: %v", err)
	}
	if tops[0].Class != "https://w3id.org/regionalkg/ontology#Actor" || tops[0].Entities < 300 {
		t.Errorf("first top class %s with %d", tops[0].Class, tops[0].Entities)
	}
	for _, sub := range tops[0].Subclasses {
		if sub.Entities > tops[0].Entities {
			t.Errorf("%s has more entities than its top class", sub.Class)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range statsKeys {
		if !strings.Contains(string(readme), "`"+k+"`") {
			t.Errorf("README does not document the stats key %s", k)
		}
	}
}
