package cayleydisk

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"

	"kg/term"
)

func qiri(s string) quad.IRI { return quad.IRI(ex + s) }

// pathCase builds a path on a quad store; ordered says its results come
// in an order both stores must agree on.
type pathCase struct {
	name    string
	build   func(qs graph.QuadStore) *path.Path
	ordered bool
}

func pathCases() []pathCase {
	alice, bob, knows, name, age := qiri("alice"), qiri("bob"), qiri("knows"), qiri("name"), qiri("age")
	typ, person, g1, g2 := qiri("type"), qiri("Person"), qiri("g1"), qiri("g2")
	v := func(qs graph.QuadStore, nodes ...quad.Value) *path.Path { return path.StartPath(qs, nodes...) }
	return []pathCase{
		{name: "out", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).Out(knows) }},
		{name: "out twice", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).Out(knows).Out(knows) }},
		{name: "in", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).In(knows) }},
		{name: "both", build: func(qs graph.QuadStore) *path.Path { return v(qs, bob).Both(knows) }},
		{name: "out any predicate", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).Out() }},
		{name: "has", build: func(qs graph.QuadStore) *path.Path { return v(qs).Has(typ, person) }},
		{name: "has reverse", build: func(qs graph.QuadStore) *path.Path { return v(qs).HasReverse(knows, alice) }},
		{name: "lang literals", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).Out(name) }},
		{name: "has lang literal", build: func(qs graph.QuadStore) *path.Path {
			return v(qs).Has(name, quad.LangString{Value: "Alicia", Lang: "es"})
		}},
		{name: "typed literals", build: func(qs graph.QuadStore) *path.Path { return v(qs).Out(age) }},
		{name: "typed filter", build: func(qs graph.QuadStore) *path.Path {
			return v(qs).Out(age).Filter(iterator.CompareGT, quad.Int(40))
		}},
		{name: "plain literal", build: func(qs graph.QuadStore) *path.Path { return v(qs, quad.String("Dave")).In(name) }},
		{name: "blank node", build: func(qs graph.QuadStore) *path.Path { return v(qs, quad.BNode("b1")).Out(name) }},
		{name: "blank subjects", build: func(qs graph.QuadStore) *path.Path {
			return v(qs, alice).In(knows).Regex(regexp.MustCompile("^b"))
		}},
		{name: "label context", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).LabelContext(g1).Out(knows) }},
		{name: "label context 2", build: func(qs graph.QuadStore) *path.Path {
			return v(qs).LabelContext(g2).Has(knows).Out(knows)
		}},
		{name: "labels", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).Labels() }},
		{name: "graph as subject", build: func(qs graph.QuadStore) *path.Path { return v(qs, g2).Out() }},
		{name: "predicates", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).OutPredicates() }},
		{name: "in predicates", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).InPredicates() }},
		{name: "missing term", build: func(qs graph.QuadStore) *path.Path { return v(qs, qiri("nobody")).Out(knows) }},
		{name: "missing predicate", build: func(qs graph.QuadStore) *path.Path { return v(qs, alice).Out(qiri("nothing")) }},
		{name: "all nodes", build: func(qs graph.QuadStore) *path.Path { return v(qs) }},
		{name: "unique", build: func(qs graph.QuadStore) *path.Path { return v(qs).Out(knows).Unique() }},
		{name: "and", build: func(qs graph.QuadStore) *path.Path {
			return v(qs).Out(knows).And(v(qs).Has(typ, person))
		}},
		{name: "or except", build: func(qs graph.QuadStore) *path.Path {
			return v(qs, alice).Out(knows).Or(v(qs, bob).Out(knows)).Except(v(qs, qiri("carol")))
		}},
		{name: "follow recursive", build: func(qs graph.QuadStore) *path.Path {
			return v(qs, qiri("n1")).FollowRecursive(knows, 3, nil)
		}},
		{name: "save", build: func(qs graph.QuadStore) *path.Path { return v(qs).Has(typ, person).Save(age, "age") }},
		{name: "count", build: func(qs graph.QuadStore) *path.Path { return v(qs).Out(knows).Count() }},
		{name: "order", build: func(qs graph.QuadStore) *path.Path { return v(qs).Out(knows).Unique().Order() }, ordered: true},
		{name: "order limit", build: func(qs graph.QuadStore) *path.Path {
			return v(qs).Out(knows).Unique().Order().Skip(2).Limit(5)
		}, ordered: true},
	}
}

// run returns a path's values, sorted unless the path orders them.
func run(t *testing.T, qs graph.QuadStore, c pathCase, optimize bool) []string {
	t.Helper()
	it := c.build(qs).Iterate(context.Background())
	if !optimize {
		it = it.UnOptimized()
	}
	vals, err := it.Paths(false).AllValues(qs)
	if err != nil {
		t.Errorf("%s: %v", c.name, err) // not Fatal: run is called from goroutines
		return nil
	}
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = quad.StringOf(v)
	}
	if !c.ordered {
		slices.Sort(out)
	}
	return out
}

// fixtures are the fixture with its graphs, all in the default graph, and
// all in one named graph: a store of one graph reads the union's orders
// directly, one of several needs the directory of their graphs.
func fixtures() map[string][]term.Quad {
	var dflt, named []term.Quad
	for _, q := range fixture() {
		q.G = term.Term{}
		dflt = append(dflt, q)
		q.G = iri("g1")
		named = append(named, q)
	}
	return map[string][]term.Quad{"graphs": fixture(), "default graph": dflt, "one named graph": named}
}

// TestPathsAgreeWithMemstore runs Cayley's path API on the disk store and
// on the memory store holding the same quads, both with Cayley's
// optimiser (which on the disk store also turns steps into single ranges)
// and without it (whose answers may repeat values differently).
func TestPathsAgreeWithMemstore(t *testing.T) {
	for fname, quads := range fixtures() {
		dq, mq := stores(t, quads)
		for _, c := range pathCases() {
			t.Run(fname+"/"+c.name, func(t *testing.T) {
				for _, opt := range []bool{true, false} {
					want := run(t, mq, c, opt)
					if got := run(t, dq, c, opt); !slices.Equal(got, want) {
						t.Errorf("optimized %v: got %q, want %q", opt, got, want)
					}
				}
			})
		}
	}
}

// TestPathTags compares the tags of every result, the form in which
// Cayley's query languages read them.
func TestPathTags(t *testing.T) {
	dq, mq := stores(t, fixture())
	knows, age := qiri("knows"), qiri("age")
	build := func(qs graph.QuadStore) *path.Path {
		return path.StartPath(qs).Tag("s").Out(knows).Tag("o").SaveOptional(age, "age").LabelContext().Labels().Tag("g")
	}
	tags := func(qs graph.QuadStore) []string {
		var out []string
		err := build(qs).Iterate(context.Background()).Paths(true).TagValues(qs, func(m map[string]quad.Value) error {
			b, err := json.Marshal(map[string]string{
				"s": quad.StringOf(m["s"]), "o": quad.StringOf(m["o"]), "age": quad.StringOf(m["age"]), "g": quad.StringOf(m["g"]),
			})
			out = append(out, string(b))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(out)
		return out
	}
	want, got := tags(mq), tags(dq)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("got %d results, want %d equal ones:\n%q\n%q", len(got), len(want), got, want)
	}
}

// TestOptimizedStepIsOneRange checks that a step whose directions are
// fixed becomes one scan of an order rather than an intersection.
func TestOptimizedStepIsOneRange(t *testing.T) {
	dq := buildDisk(t, fixture())
	ctx := context.Background()
	for _, p := range []*path.Path{
		path.StartPath(dq, qiri("alice")).Out(qiri("knows")),
		path.StartPath(dq).Has(qiri("type"), qiri("Person")),
		path.StartPath(dq, qiri("alice")).LabelContext(qiri("g1")).Out(qiri("knows")),
	} {
		s, _ := shape.Optimize(ctx, p.Shape(), dq)
		var scans int
		shape.Walk(s, func(s shape.Shape) bool {
			if sc, ok := s.(scan); ok {
				scans++
				if sc.pat.unbound() {
					t.Errorf("%#v: a scan of everything", s)
				}
			}
			return true
		})
		if scans != 1 {
			t.Errorf("%#v: %d scans", s, scans)
		}
	}
	// alice knows no one in g3: the step, and the path, are empty.
	s, _ := shape.Optimize(ctx, path.StartPath(dq, qiri("alice")).LabelContext(qiri("g3")).Out(qiri("knows")).Shape(), dq)
	if !shape.IsNull(s) {
		t.Errorf("an empty step: %#v", s)
	}
}

// TestConcurrentPaths runs the paths from several goroutines on one
// store, whose graph directories are built by whichever asks first.
func TestConcurrentPaths(t *testing.T) {
	dq, mq := stores(t, fixture())
	cases := pathCases()
	want := make([][]string, len(cases))
	for i, c := range cases {
		want[i] = run(t, mq, c, true)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, c := range cases {
				if got := run(t, dq, c, true); !slices.Equal(got, want[i]) {
					t.Errorf("%s: got %q, want %q", c.name, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}
