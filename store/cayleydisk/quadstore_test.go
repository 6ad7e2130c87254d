package cayleydisk

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"kg/term"
)

var dirs = []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label}

// scan returns every result of a fresh scanner of it.
func scanAll(t *testing.T, it iterator.Shape) []graph.Ref {
	t.Helper()
	ctx := context.Background()
	sc := it.Iterate()
	defer sc.Close()
	var out []graph.Ref
	for sc.Next(ctx) {
		if sc.Result() == nil {
			t.Fatalf("%v: Next without a result", it)
		}
		out = append(out, sc.Result())
		if sc.NextPath(ctx) {
			t.Fatalf("%v: a second path", it)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// quadStrings renders the quads of refs, sorted.
func quadStrings(t *testing.T, qs graph.QuadStore, rs []graph.Ref) []string {
	t.Helper()
	out := make([]string, len(rs))
	for i, r := range rs {
		q, err := qs.Quad(r)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = q.String()
	}
	slices.Sort(out)
	return out
}

// checkContract checks what Cayley's iterators promise: a scan starts
// over with every Iterate, Stats gives its exact size, the index holds
// what the scan yields and nothing else of others, and a result stays
// until the next call.
func checkContract(t *testing.T, it iterator.Shape, others []graph.Ref) []graph.Ref {
	t.Helper()
	ctx := context.Background()
	got := scanAll(t, it)
	if again := scanAll(t, it); !slices.Equal(again, got) {
		t.Errorf("%v: a second scan differs", it)
	}
	st, err := it.Stats(ctx)
	if err != nil || !st.Size.Exact || st.Size.Value != int64(len(got)) {
		t.Errorf("%v: stats %+v (%v), scanned %d", it, st, err, len(got))
	}
	in := map[any]bool{}
	for _, r := range got {
		in[r.Key()] = true
	}
	ix := it.Lookup()
	defer ix.Close()
	for _, r := range others {
		if ix.Contains(ctx, r) != in[r.Key()] {
			t.Errorf("%v: Contains(%v) is %v", it, r, !in[r.Key()])
		}
		if in[r.Key()] && ix.Result() != r {
			t.Errorf("%v: Contains(%v) then Result %v", it, r, ix.Result())
		}
	}
	if ix.Contains(ctx, refs.ValueHash{}) || ix.Result() != nil {
		t.Errorf("%v: holds a reference of another store", it)
	}
	return got
}

// TestIteratorContract checks every quad iterator of the fixture against
// the contract and against the memory store's iterator of the same node
// and direction.
func TestIteratorContract(t *testing.T) {
	for fname, quads := range fixtures() {
		t.Run(fname, func(t *testing.T) {
			dq, mq := stores(t, quads)
			ctx := context.Background()
			allQuads := checkContract(t, dq.QuadsAllIterator(), nil)
			allNodes := checkContract(t, dq.NodesAllIterator(), nil)
			others := append(slices.Clone(allQuads), allNodes...)
			others = append(others, Quad{G: 1, S: 1, P: 1, O: 1}, Node(0), Node(len(allNodes)+1))
			checkContract(t, dq.QuadsAllIterator(), others)
			checkContract(t, dq.NodesAllIterator(), others)
			if got, want := quadStrings(t, dq, allQuads), quadStrings(t, mq, scanAll(t, mq.QuadsAllIterator())); !slices.Equal(got, want) {
				t.Errorf("all quads differ:\n%q\n%q", got, want)
			}
			for _, n := range allNodes {
				v, _ := dq.NameOf(n)
				mn, _ := mq.ValueOf(v)
				if r, _ := dq.ValueOf(v); r != n || mn == nil {
					t.Fatalf("%v: ValueOf(NameOf) = %v; memstore %v", n, r, mn)
				}
				for _, d := range dirs {
					got := quadStrings(t, dq, checkContract(t, dq.QuadIterator(d, n), allQuads))
					want := quadStrings(t, mq, scanAll(t, mq.QuadIterator(d, mn)))
					if !slices.Equal(got, want) {
						t.Errorf("%v %v: got %q, want %q", v, d, got, want)
					}
					sz, err := dq.QuadIteratorSize(ctx, d, n)
					if err != nil || sz != (refs.Size{Value: int64(len(want)), Exact: true}) {
						t.Errorf("%v %v: size %v (%v), want %d", v, d, sz, err, len(want))
					}
				}
			}
			st, _ := dq.Stats(ctx, true)
			mst, _ := mq.Stats(ctx, true)
			if st != mst {
				t.Errorf("stats %+v, memstore %+v", st, mst)
			}
		})
	}
}

// TestQuadDirection reads the nodes of quads back, the label of the
// default graph being nil.
func TestQuadDirection(t *testing.T) {
	dq := buildDisk(t, fixture())
	for _, r := range scanAll(t, dq.QuadsAllIterator()) {
		q, _ := dq.Quad(r)
		for _, d := range dirs {
			n, err := dq.QuadDirection(r, d)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := dq.NameOf(n)
			if v != q.Get(d) || (n == nil) != (q.Get(d) == nil) {
				t.Errorf("%v %v: %v, quad has %v", q, d, v, q.Get(d))
			}
		}
	}
}

// TestValues converts each kind of term and looks it up; terms the store
// lacks and values with no RDF form have no node.
func TestValues(t *testing.T) {
	dq := buildDisk(t, fixture())
	for _, tc := range []struct {
		v     quad.Value
		found bool
	}{
		{qiri("alice"), true},
		{quad.BNode("b1"), true},
		{quad.String("anon"), true},
		{quad.TypedString{Value: "anon", Type: quad.IRI(term.XSDString)}, true},
		{quad.LangString{Value: "Alice", Lang: "EN"}, true},
		{quad.TypedString{Value: "30", Type: quad.IRI(term.XSDInteger)}, true},
		{quad.TypedString{Value: "30", Type: "xsd:integer"}, true},
		{quad.Int(30), true},
		{quad.TypedString{Value: "1990-05-01", Type: "xsd:date"}, true},
		{qiri("nobody"), false},
		{quad.String("Alice"), false},
		{quad.LangString{Value: "Alice", Lang: "de"}, false},
		{quad.Int(99), false},
		{nil, false},
	} {
		r, err := dq.ValueOf(tc.v)
		if err != nil || (r != nil) != tc.found {
			t.Errorf("ValueOf(%#v) = %v, %v; want found %v", tc.v, r, err, tc.found)
			continue
		}
		if r == nil {
			continue
		}
		back, _ := dq.NameOf(r)
		if want, _ := Term(tc.v); !equalTerm(back, want) {
			t.Errorf("NameOf(ValueOf(%#v)) = %#v", tc.v, back)
		}
	}
	for _, r := range []graph.Ref{nil, Node(0), Quad{S: 1}, refs.ValueHash{}} {
		if v, err := dq.NameOf(r); v != nil || err != nil {
			t.Errorf("NameOf(%v) = %v, %v", r, v, err)
		}
	}
	if v, _ := dq.NameOf(refs.PreFetched(quad.Int(3))); v != quad.Int(3) {
		t.Errorf("a prefetched value is %v", v)
	}
}

func equalTerm(v quad.Value, want term.Term) bool {
	got, ok := Term(v)
	return ok && got == want
}

// TestReadOnly checks that writes fail with ErrReadOnly.
func TestReadOnly(t *testing.T) {
	dq := buildDisk(t, fixture())
	err := dq.ApplyDeltas([]graph.Delta{{Quad: quad.MakeIRI("a", "b", "c", ""), Action: graph.Add}}, graph.IgnoreOpts{})
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("ApplyDeltas: %v", err)
	}
	if w, err := dq.NewQuadWriter(); w != nil || !errors.Is(err, ErrReadOnly) {
		t.Errorf("NewQuadWriter: %v", err)
	}
	if err := dq.Close(); err != nil {
		t.Error(err)
	}
}

// TestEmpty reads a generation of no quads.
func TestEmpty(t *testing.T) {
	dq := buildDisk(t, nil)
	ctx := context.Background()
	for _, it := range []iterator.Shape{dq.QuadsAllIterator(), dq.NodesAllIterator()} {
		if got := checkContract(t, it, []graph.Ref{Node(1), Quad{G: 0, S: 1, P: 1, O: 1}}); len(got) != 0 {
			t.Errorf("%v: %v", it, got)
		}
	}
	if r, _ := dq.ValueOf(qiri("alice")); r != nil {
		t.Errorf("ValueOf in an empty store: %v", r)
	}
	if st, _ := dq.Stats(ctx, true); st.Nodes.Value != 0 || st.Quads.Value != 0 {
		t.Errorf("stats %+v", st)
	}
}

// TestRangeCache checks that Cayley's LinksTo over fixed nodes searches
// the orders once per node, though it asks for each node's quads to size
// the step and again to walk it, and a node repeated in the set again.
func TestRangeCache(t *testing.T) {
	dq := buildDisk(t, fixture())
	ctx := context.Background()
	id := func(v quad.Value) graph.Ref {
		r, err := dq.ValueOf(v)
		if err != nil || r == nil {
			t.Fatalf("%v: %v, %v", v, r, err)
		}
		return r
	}
	alice, bob := id(quad.IRI(ex+"alice")), id(quad.IRI(ex+"bob"))
	lt := graph.NewLinksTo(dq, iterator.NewFixed(alice, bob, alice), quad.Subject)
	st, err := lt.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n, err := iterator.Iterate(ctx, lt).Count()
	if err != nil {
		t.Fatal(err)
	}
	if n != st.Size.Value || n == 0 {
		t.Errorf("%d quads, sized %d", n, st.Size.Value)
	}
	if s := dq.ranges.searches.Load(); s != 2 {
		t.Errorf("%d searches for two nodes", s)
	}
	for i := range rangeCacheSize + 1 {
		dq.ranges.put(pattern{s: uint32(i + 1)}, nil)
	}
	if len(dq.ranges.m) > rangeCacheSize {
		t.Errorf("the cache holds %d patterns", len(dq.ranges.m))
	}
}
