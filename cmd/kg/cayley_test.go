package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCayley runs Cayley's query languages through kg cayley on a tiny
// store: results as JSON lines, the query from an argument, a file or
// stdin, and one-line errors for bad queries and stores it cannot read.
func TestCayley(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "d.ttl")
	os.WriteFile(data, []byte(`@prefix : <http://example.org/> .
:alice :knows :bob ; :name "Alice"@en ; :age 30 ; :kind :Person .
:bob :knows :carol ; :kind :Person .
`), 0o644)
	mustKG(t, dir, "-q", "--store", "s", "load", data)
	cases := []struct {
		args  []string
		stdin string
		want  string
	}{
		{[]string{`g.V("<http://example.org/alice>").out("<http://example.org/knows>").all()`}, "",
			`{"id":"<http://example.org/bob>"}` + "\n"},
		{[]string{"--format", "jsonld", `g.V("<http://example.org/alice>").out("<http://example.org/name>").all()`}, "",
			`{"id":{"@language":"en","@value":"Alice"}}` + "\n"},
		{[]string{`g.V().has("<http://example.org/kind>", "<http://example.org/Person>").tag("p").out("<http://example.org/knows>").back("p").all()`}, "",
			`{"id":"<http://example.org/alice>","p":"<http://example.org/alice>"}` + "\n" +
				`{"id":"<http://example.org/bob>","p":"<http://example.org/bob>"}` + "\n"},
		{[]string{"-"}, `g.emit(g.V().out("<http://example.org/knows>").count())`, "2\n"},
		{[]string{"-f", "-"}, `g.V("<http://example.org/carol>").in("<http://example.org/knows>").all()`,
			`{"id":"<http://example.org/bob>"}` + "\n"},
		{[]string{"--lang", "graphql", "--format", "jsonld",
			`{ p(id: <http://example.org/alice>) { id  name: <http://example.org/name>  knows: <http://example.org/knows> { id } } }`}, "",
			`{"p":{"id":{"@id":"http://example.org/alice"},"knows":{"id":{"@id":"http://example.org/bob"}},"name":{"@language":"en","@value":"Alice"}}}` + "\n"},
		{[]string{"-l", "mql", `[{"id": "<http://example.org/bob>", "<http://example.org/knows>": null}]`}, "",
			`{"<http://example.org/knows>":"<http://example.org/carol>","id":"<http://example.org/bob>"}` + "\n"},
	}
	for _, c := range cases {
		r := kgStdin(t, dir, c.stdin, append([]string{"--store", "s", "cayley"}, c.args...)...)
		if r.code != 0 || r.stdout != c.want {
			t.Errorf("kg cayley %s: exit %d, stdout %q, stderr %q; want %q", strings.Join(c.args, " "), r.code, r.stdout, r.stderr, c.want)
		}
	}
	fails := []struct {
		args []string
		code int
		want []string
	}{
		{[]string{"--store", "s", "cayley", "g.V(.all()"}, 1, []string{"cayley: gizmo: SyntaxError"}},
		{[]string{"--store", "s", "cayley", "g.V().nothing()"}, 1, []string{"cayley: gizmo: TypeError"}},
		{[]string{"--store", "s", "cayley", "-l", "mql", "[{"}, 1, []string{"cayley: mql: "}},
		{[]string{"--store", "s", "cayley", "-l", "graphql", "{ x( }"}, 1, []string{"cayley: graphql: Syntax Error"}},
		{[]string{"--store", "s", "cayley", "--timeout", "100ms", "while (true) {}"}, 1, []string{"exceeded --timeout 100ms"}},
		{[]string{"--store", "s", "cayley", "-l", "sparql", "ASK {}"}, 2, []string{`unknown --lang "sparql" (gizmo, graphql, mql)`}},
		{[]string{"--store", "s", "cayley", "-l", "mql", "--format", "jsonld", "[{}]"}, 2, []string{"mql answers only in --format json"}},
		{[]string{"--store", "s", "cayley"}, 2, []string{"give the query"}},
		{[]string{"--store", "memory", "cayley", "g.V().all()"}, 1, []string{"--store memory is not an embedded store", "kgdisk", "bolt:"}},
		{[]string{"--store", "bolt:b", "cayley", "g.V().all()"}, 1, []string{"not an embedded store"}},
		{[]string{"--store", "typo", "cayley", "g.V().all()"}, 1, []string{"no graph at typo; run kg build"}},
	}
	for _, f := range fails {
		t.Run(strings.Join(f.args, " "), func(t *testing.T) {
			checkFailure(t, kg(t, dir, f.args...), f.code, f.want...)
		})
	}
	for _, name := range []string{"typo", "b"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("kg cayley created %s", name)
		}
	}
}
