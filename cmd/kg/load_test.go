package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/internal/testenv"
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
