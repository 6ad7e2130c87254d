package cayleydisk

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/mql"
)

// execute runs a query of one of Cayley's languages and returns its
// results as canonical JSON (see canonical), sorted.
func execute(t *testing.T, qs graph.QuadStore, lang, q string, col query.Collation) []string {
	t.Helper()
	ctx := context.Background()
	it, err := query.Execute(ctx, qs, lang, q, query.Options{Collation: col})
	if err != nil {
		t.Fatalf("%s %s: %v", lang, q, err)
	}
	defer it.Close()
	var out []string
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		out = append(out, canonical(t, r))
	}
	if err := it.Err(); err != nil {
		t.Fatalf("%s %s: %v", lang, q, err)
	}
	slices.Sort(out)
	return out
}

// canonical encodes v as JSON with the elements of every array sorted:
// the stores yield the same answers in different orders.
func canonical(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	b, err = json.Marshal(sortArrays(x))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func sortArrays(x any) any {
	switch x := x.(type) {
	case map[string]any:
		for k, v := range x {
			x[k] = sortArrays(v)
		}
	case []any:
		keys := make([]string, len(x))
		for i, v := range x {
			x[i] = sortArrays(v)
			b, _ := json.Marshal(x[i])
			keys[i] = string(b)
		}
		idx := make([]int, len(x))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int {
			switch {
			case keys[a] < keys[b]:
				return -1
			case keys[a] > keys[b]:
				return 1
			}
			return 0
		})
		out := make([]any, len(x))
		for i, j := range idx {
			out[i] = x[j]
		}
		return out
	}
	return x
}

// agree runs queries on the disk store and on the memory store holding
// the same quads and compares their answers; every query must answer.
func agree(t *testing.T, lang string, col query.Collation, queries []string) {
	t.Helper()
	for fname, quads := range fixtures() {
		dq, mq := stores(t, quads)
		for _, q := range queries {
			got, want := execute(t, dq, lang, q, col), execute(t, mq, lang, q, col)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s:\ngot  %q\nwant %q", fname, q, got, want)
			}
			if fname == "graphs" && len(want) == 0 {
				t.Errorf("%s: no answer", q)
			}
		}
	}
}

// TestMQL runs queries of Cayley's MQL through its session.
func TestMQL(t *testing.T) {
	agree(t, "mql", query.JSON, []string{
		`[{"id": null, "<` + ex + `type>": "<` + ex + `Person>"}]`,
		`[{"id": "<` + ex + `alice>", "<` + ex + `knows>": []}]`,
		`[{"id": null, "!<` + ex + `knows>": {"id": "<` + ex + `alice>"}}]`,
		`[{"id": null, "<` + ex + `knows>": {"id": null, "<` + ex + `type>": "<` + ex + `Person>"}}]`,
	})
	dq := buildDisk(t, fixture())
	if got := execute(t, dq, "mql", `[{"id": "<`+ex+`nobody>", "<`+ex+`knows>": []}]`, query.JSON); len(got) != 0 {
		t.Errorf("a node the store lacks: %q", got)
	}
}

// gizmoQueries are Gizmo queries over the fixture: steps, filters, tags,
// counts, labels and literals of every kind (ex:x is http://example.org/x).
func gizmoQueries() []string {
	qs := []string{
		`g.V("<ex:alice>").out("<ex:knows>").all()`,
		`g.V("<` + ex + `alice>").Out("<` + ex + `knows>").All()`,
		`g.V("<ex:alice>").out("<ex:knows>").out("<ex:knows>").all()`,
		`g.V("<ex:alice>").in("<ex:knows>").all()`,
		`g.V().has("<ex:type>", "<ex:Person>").all()`,
		`g.V().has("<ex:type>", "<ex:Person>").tag("p").out("<ex:knows>").tag("friend").back("p").all()`,
		`g.V().has("<ex:type>", "<ex:Person>").saveOpt("<ex:age>", "age").all()`,
		`g.emit(g.V().out("<ex:knows>").count())`,
		`g.emit(g.V("<ex:alice>").out("<ex:knows>").toArray())`,
		`g.V("<ex:alice>").labelContext("<ex:g1>").out("<ex:knows>").all()`,
		`g.V().labelContext("<ex:g2>").has("<ex:knows>").tag("s").out("<ex:knows>").all()`,
		`g.V("<ex:alice>").labels().all()`,
		`g.V("<ex:alice>").out("<ex:name>").all()`,
		`g.V().has("<ex:name>", lang("Alicia", "es")).all()`,
		`g.V().has("<ex:name>", "Dave").all()`,
		`g.V("_:b1").out("<ex:name>").all()`,
		`g.V().out("<ex:knows>").filter(gt(iri("ex:n50"))).all()`,
		`g.V().out("<ex:knows>").filter(regex("n1", true)).all()`,
		`g.V("<ex:carol>").out("<ex:born>").all()`,
		`g.V().out("<ex:knows>").unique().order().skip(2).limit(5).all()`,
		`g.V("<ex:alice>").outPredicates().all()`,
		`g.V("<ex:n1>").followRecursive("<ex:knows>", 3).all()`,
		`g.V("<ex:alice>").out("<ex:knows>").forEach(function(d) { g.emit({friend: d.id}) })`,
	}
	for i, q := range qs {
		qs[i] = strings.NewReplacer("<ex:", "<"+ex, `"ex:`, `"`+ex).Replace(q)
	}
	return qs
}

// TestGizmo runs Gizmo, Cayley's JavaScript query language, on both
// stores, in Cayley's JSON and JSON-LD result forms (the latter keeps
// languages and datatypes).
func TestGizmo(t *testing.T) {
	for _, col := range []query.Collation{query.JSON, query.JSONLD} {
		agree(t, "gizmo", col, gizmoQueries())
	}
	dq := buildDisk(t, fixture())
	got := execute(t, dq, "gizmo", `g.V("<`+ex+`alice>").out("<`+ex+`knows>").all()`, query.JSON)
	bob := `{"id":"\u003c` + ex + `bob\u003e"}` // in the default graph, g1 and g2
	if want := []string{bob, bob, bob}; !slices.Equal(got, want) {
		t.Errorf("alice knows: %q, want %q", got, want)
	}
	got = execute(t, dq, "gizmo", `g.V("<`+ex+`alice>").out("<`+ex+`name>").all()`, query.JSONLD)
	if want := []string{
		`{"id":{"@language":"en","@value":"Alice"}}`, `{"id":{"@language":"es","@value":"Alicia"}}`,
	}; !slices.Equal(got, want) {
		t.Errorf("alice's names: %q, want %q", got, want)
	}
}

// TestGraphQL runs Cayley's GraphQL on both stores.
func TestGraphQL(t *testing.T) {
	agree(t, "graphql", query.JSON, []string{
		`{ people(<` + ex + `type>: <` + ex + `Person>) { id  <` + ex + `knows> { id } } }`,
		`{ a(id: <` + ex + `alice>) { id  name: <` + ex + `name>  age: <` + ex + `age> @opt  knows: <` + ex + `knows> { id } } }`,
		`{ a(id: <` + ex + `alice>) { knownBy: <` + ex + `knows> @rev { id } } }`,
		`{ a(id: <` + ex + `alice>) { knows: <` + ex + `knows> @label(v: <` + ex + `g1>) { id } } }`,
		`{ n(<` + ex + `knows>: <` + ex + `n3>, first: 3) { id } }`,
	})
}
