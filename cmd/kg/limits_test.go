package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQueryLimits: kg query's limits end the query with one line on
// stderr, exit 1 and nothing on stdout (not half a JSON document); a
// negative --timeout is a usage error, not "no timeout".
func TestQueryLimits(t *testing.T) {
	dir := t.TempDir()
	var nt strings.Builder
	for i := range 40 {
		fmt.Fprintf(&nt, "<http://ex/s%d> <http://ex/p> \"value %d\" .\n", i, i)
	}
	data := filepath.Join(dir, "d.nt")
	if err := os.WriteFile(data, []byte(nt.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var chain strings.Builder
	chain.WriteString(`SELECT * { BIND("` + strings.Repeat("x", 100) + `" AS ?v0)`)
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&chain, " BIND(CONCAT(?v%d, ?v%d) AS ?v%d)", i-1, i-1, i)
	}
	chain.WriteString(" }")
	for _, c := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"negative timeout", []string{"--timeout", "-1s", "ASK {}"}, 2, "--timeout"},
		{"timeout while writing rows", []string{"--timeout", "300ms", "--results", "json",
			"SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"}, 1, "--timeout 300ms"},
		{"memory", []string{"--max-memory", "1000000", "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"}, 1, "--max-memory"},
		{"term size", []string{"--max-term", "65536", chain.String()}, 1, "--max-term 65536"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := kg(t, dir, append([]string{"query", "--data", data}, c.args...)...)
			msg := strings.TrimSpace(r.stderr)
			if r.code != c.code || strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and one line with %q", r.code, msg, c.code, c.want)
			}
			if r.stdout != "" {
				t.Errorf("stdout holds %d bytes: %.80q…", len(r.stdout), r.stdout)
			}
		})
	}
}

// TestServeLimitFlags: kg serve refuses limits that make no sense before
// it opens the store.
func TestServeLimitFlags(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--max-memory", "0"}, {"--max-term", "-1"}, {"--max-concurrent", "0"}, {"--max-queued", "-1"}, {"--grace", "-1s"},
	} {
		r := kg(t, dir, append([]string{"--store", filepath.Join(dir, "none"), "serve"}, args...)...)
		if msg := strings.TrimSpace(r.stderr); r.code != 2 || !strings.Contains(msg, args[0]) || strings.Contains(msg, "\n") {
			t.Errorf("serve %v: exit %d, stderr %q; want exit 2 naming %s", args, r.code, msg, args[0])
		}
	}
}
