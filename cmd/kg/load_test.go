package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kg/internal/testenv"
	"kg/rdfio"
	"kg/term"
)

// The loads of issue 11 that committed a generation the store's own reader
// rejected: each must now fail with exit 1 and one line naming the file,
// line and column (or the flag), and leave the store byte for byte as it
// was.
func TestLoadRefusesInvalidTerms(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	good := filepath.Join(dir, "good.ttl")
	os.WriteFile(good, []byte("@prefix : <http://example.org/> .\n:x :p :y .\n"), 0o644)
	mustKG(t, dir, "--store", store, "load", good)
	before := testenv.TreeSum(t, store, "LOCK")
	const rdfNS = `xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"`
	files := map[string]string{
		"about.rdf": `<rdf:RDF ` + rdfNS + ` xmlns:e="http://ex.org/">` + "\n" +
			`  <e:T rdf:about="http://ex.org/a b"/>` + "\n</rdf:RDF>\n",
		"xmlns.rdf": `<rdf:RDF ` + rdfNS + ` xmlns:e="http://ex .org/">` + "\n" +
			`  <e:T rdf:about="http://ex.org/a"/>` + "\n</rdf:RDF>\n",
		"lang.rdf": `<rdf:RDF ` + rdfNS + ` xmlns:e="http://ex.org/">` + "\n" +
			`  <e:T rdf:about="http://ex.org/a"><e:p xml:lang="en us">x</e:p></e:T>` + "\n</rdf:RDF>\n",
		"percent.ttl": "<http://ex.org/a> <http://ex.org/p>\n   <http://ex.org/%zz> .\n",
		"lang.nt":     "<http://ex.org/a> <http://ex.org/p> \"x\"@abcdefghij .\n",
	}
	want := map[string]string{
		"about.rdf":   "about.rdf:2:3: bad IRI <http://ex.org/a b>",
		"xmlns.rdf":   "xmlns.rdf:2:3: bad IRI <http://ex .org/T>",
		"lang.rdf":    `lang.rdf:2:36: bad language tag "en us"`,
		"percent.ttl": "percent.ttl:2:4: bad IRI <http://ex.org/%zz>",
		"lang.nt":     `lang.nt:1:41: bad language tag "abcdefghij"`,
	}
	for name, content := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
		r := kg(t, dir, "--store", store, "load", name)
		msg := strings.TrimSpace(r.stderr)
		if r.code != 1 || strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "kg: "+want[name]) {
			t.Errorf("%s: exit %d, stderr %q; want exit 1 and %q", name, r.code, msg, want[name])
		}
	}
	for _, g := range []string{"not an iri", "{x}", "relative/name", "http://ex.org/a b"} {
		r := kg(t, dir, "--store", store, "load", "--graph", g, good)
		msg := strings.TrimSpace(r.stderr)
		if r.code != 1 || strings.Contains(msg, "\n") || !strings.Contains(msg, "--graph") {
			t.Errorf("--graph %q: exit %d, stderr %q", g, r.code, msg)
		}
	}
	if testenv.TreeSum(t, store, "LOCK") != before {
		t.Fatal("a refused load changed the store")
	}
	mustKG(t, dir, "--store", store, "stats")
}

// The hostile inputs of issue 11 through the binary: each is refused with
// exit 1 and one line giving the place the nesting limit is crossed, where
// they used to overflow the stack (exit 2 and a goroutine dump).
func TestDeepInputRefused(t *testing.T) {
	dir := t.TempDir()
	const n = 1_000_000
	files := map[string]string{
		"deep.ttl":    "<http://e/s> <http://e/p> " + strings.Repeat("(", n) + strings.Repeat(")", n) + " .",
		"blank.trig":  "@prefix ex: <http://e/> .\n{ ex:a ex:b " + strings.Repeat("[ ex:b ", n/7) + "1" + strings.Repeat("]", n/7) + " }",
		"deep.rdf":    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:e="http://e/">` + strings.Repeat("<e:T><e:p>", n/2) + strings.Repeat("</e:p></e:T>", n/2) + "</rdf:RDF>",
		"deep.jsonld": strings.Repeat("[", n) + strings.Repeat("]", n),
		"q.rq":        "SELECT * WHERE { FILTER(" + strings.Repeat("!", n) + "true) }",
	}
	for name, content := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
	}
	store := filepath.Join(dir, "store")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"load", "deep.ttl"}, "kg: deep.ttl:1:1027: nesting deeper than 1000"},
		{[]string{"load", "blank.trig"}, "kg: blank.trig:2:7013: nesting deeper than 1000"},
		{[]string{"load", "deep.rdf"}, "kg: deep.rdf:1:5081: nesting deeper than 1000"},
		{[]string{"load", "deep.jsonld"}, "kg: deep.jsonld:1:1001: nesting deeper than 1000"},
		{[]string{"query", "--query", "q.rq"}, "1:1022: nesting deeper than 1000"},
	} {
		r := kg(t, dir, append([]string{"--store", store}, c.args...)...)
		msg := strings.TrimSpace(r.stderr)
		if r.code != 1 || strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
			t.Errorf("kg %s: exit %d, stderr %.300q; want exit 1 and %q", strings.Join(c.args, " "), r.code, msg, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(store, "current")); err == nil {
		t.Error("a refused load committed a generation")
	}
}

// The hierarchies and data of the entailment fixtures: chains, a cycle,
// a blank node as a class (which entails nothing), subproperties with
// literal objects, a triple that another graph states (never entailed
// again), and the same blank node label in two files.
const (
	loadSchema = `@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Dog rdfs:subClassOf ex:Mammal .
ex:Mammal rdfs:subClassOf ex:Animal .
ex:Animal rdfs:subClassOf ex:Thing .
ex:Thing rdfs:subClassOf ex:Animal .
_:anon rdfs:subClassOf ex:Thing .
ex:Cat rdfs:subClassOf _:anon .
ex:name rdfs:subPropertyOf ex:label .
ex:label rdfs:subPropertyOf ex:note .
ex:rex a ex:Dog ; ex:name "Rex" .
_:b a ex:Mammal ; ex:name "b of the schema" .
`
	loadData = `<http://example.org/tom> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Cat> .
<http://example.org/fido> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Dog> .
<http://example.org/fido> <http://example.org/name> "Fido"@en .
<http://example.org/fido> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Animal> .
_:b <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Dog> .
<http://example.org/Puppy> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <http://example.org/Dog> .
<http://example.org/pip> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/Puppy> .
<http://example.org/nick> <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <http://example.org/name> .
<http://example.org/rex> <http://example.org/nick> "R" .
`
)

// A load streamed into the embedded store ends with the quads the
// in-memory load (the path of the other stores, here Bolt) stores: the
// same data, the same entailed graph, blank nodes of different files
// apart.
func TestStreamedLoadEqualsInMemory(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "schema.ttl"), []byte(loadSchema), 0o644)
	os.WriteFile(filepath.Join(dir, "data.nt"), []byte(loadData), 0o644)
	os.WriteFile(filepath.Join(dir, "more.nt"), []byte("_:b <http://example.org/name> \"b of more\" .\n"), 0o644)
	var exports [2][]term.Quad
	for i, st := range []string{filepath.Join(dir, "disk"), "bolt:" + filepath.Join(dir, "bolt")} {
		mustKG(t, dir, "--store", st, "load", "schema.ttl")
		mustKG(t, dir, "--store", st, "load", "data.nt", "more.nt")
		mustKG(t, dir, "--store", st, "load", "--graph", "default", "more.nt")
		exports[i] = parseRDF(t, "nq", mustKG(t, dir, "--store", st, "export", "--format=nq"))
	}
	got, want := exports[0], exports[1]
	if len(got) != len(want) || !rdfio.Isomorphic(got, want) {
		t.Errorf("streamed load: %d quads, in memory %d:\n%s\nwant\n%s", len(got), len(want), nquads(got), nquads(want))
	}
	entailed := 0
	blanks := map[term.Term]bool{}
	for _, q := range got {
		if q.G.Value == "https://w3id.org/regionalkg/graph/entailed" {
			entailed++
		}
		if q.S.IsBlank() {
			blanks[q.S] = true
		}
	}
	if entailed < 15 || len(blanks) != 5 {
		t.Errorf("%d entailed quads, %d blank nodes (want 5: one per file and load, and the anonymous class)", entailed, len(blanks))
	}
}

func nquads(qs []term.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.String() + "\n")
	}
	return b.String()
}

// A syntax error far into a file, and one in the second file of a load,
// leave the store as it was, with no new generation or sort run left.
func TestLoadErrorLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	os.WriteFile(filepath.Join(dir, "schema.ttl"), []byte(loadSchema), 0o644)
	mustKG(t, dir, "--store", store, "load", "schema.ttl")
	before := testenv.TreeSum(t, store, "LOCK")
	var big strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&big, "<http://example.org/s%d> <http://example.org/p> \"%d\" .\n", i, i)
	}
	good := big.String()
	os.WriteFile(filepath.Join(dir, "good.nt"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.nt"), []byte(good+"<http://example.org/s> <http://example.org/p> .\n"+good), 0o644)
	for _, args := range [][]string{{"bad.nt"}, {"good.nt", "bad.nt"}, {"schema.ttl", "good.nt", "bad.nt"}} {
		r := kg(t, dir, append([]string{"--store", store, "load"}, args...)...)
		msg := strings.TrimSpace(r.stderr)
		if r.code != 1 || !strings.HasPrefix(msg, "kg: bad.nt:20001:") || strings.Contains(msg, "\n") {
			t.Errorf("load %v: exit %d, stderr %q", args, r.code, msg)
		}
		if testenv.TreeSum(t, store, "LOCK") != before {
			entries, _ := os.ReadDir(store)
			t.Fatalf("load %v changed the store: %v", args, entries)
		}
	}
}

// Piped, a load that parses, entails, sorts and writes says nothing but
// its last line.
func TestLoadQuietWhenPiped(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "schema.ttl"), []byte(loadSchema), 0o644)
	os.WriteFile(filepath.Join(dir, "data.nt"), []byte(loadData), 0o644)
	r := kg(t, dir, "load", "schema.ttl", "data.nt")
	if r.code != 0 || !regexp.MustCompile(`^kg: loaded 21 triples from 2 files into data/kg in \d+\.\d+ s \([\d.]+k?/s\)\n$`).MatchString(r.stderr) {
		t.Errorf("load, piped: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := kg(t, dir, "-q", "load", "data.nt"); r.code != 0 || r.stderr != "" || r.stdout != "" {
		t.Errorf("load -q: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
}
