package eval

import (
	"context"
	"errors"
	"sort"
	"sync"
	"testing"
	"time"

	"kg/sparql/parse"
)

var (
	cancelOnce sync.Once
	cancelData *MemDataset
)

// TestDeadline runs deliberately expensive queries (each would take far
// longer than a second) with a 50 ms deadline: every one must stop within
// about a second with context.DeadlineExceeded wrapped in ErrCanceled,
// whichever loop it is in (join groups, hash joins, paths, grouping,
// ordering, subqueries).
func TestDeadline(t *testing.T) {
	cancelOnce.Do(func() { cancelData = genDataset(4000) })
	tests := []struct{ name, query string }{
		{"cross product", `SELECT * { ?a ?p ?b . ?c ?q ?d }`},
		{"cross product, filtered to nothing", `SELECT * { ?a ?p ?b . ?c ?q ?d FILTER(?a = ?d && ?a != ?d) }`},
		{"hash join", `SELECT * { { SELECT ?a ?b { ?a :knows ?b } } { SELECT ?c ?d { ?c ?q ?d } } }`},
		{"hash join, probes rejected", `SELECT * { { SELECT ?a { ?a ?p ?b } } { SELECT ?c { ?c ?q ?d } } FILTER(?a = :none) }`},
		{"optional hash", `SELECT * { ?a ?p ?b OPTIONAL { { SELECT ?c { ?c ?q ?d } } } }`},
		{"minus", `SELECT * { ?a ?p ?b . ?c :member ?g MINUS { ?c :knows ?x } }`},
		{"group by", `SELECT ?a (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d } GROUP BY ?a`},
		{"group by, having drops all", `SELECT ?a { ?a ?p ?b . ?c :age ?d } GROUP BY ?a HAVING (COUNT(*) < 0)`},
		{"order by", `SELECT * { ?a ?p ?b . ?c ?q ?d } ORDER BY ?d ?b`},
		{"distinct", `SELECT DISTINCT ?a ?d { ?a ?p ?b . ?c ?q ?d }`},
		{"path closure from every node", `SELECT * { ?a (:knows|^:knows)* ?b . ?c :member ?g }`},
		{"path sequence to nowhere", `SELECT * { ?a ((:knows/:knows/:knows/:knows/:knows/:knows/:knows/:knows/:none)|:none) ?b }`},
		{"negated property set", `SELECT * { ?a !(:none) ?b . ?c !(:none) ?d }`},
		{"exists", `SELECT * { ?a ?p ?b FILTER NOT EXISTS { ?c ?q ?d . ?e ?r ?f FILTER(?f = ?a && ?f != ?a) } }`},
		{"count only", `SELECT (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d }`},
		{"ask nothing", `ASK { ?a ?p ?b . ?c ?q ?d FILTER(?a = ?d && ?a != ?d) }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := parse.Query("PREFIX : <http://ex/>\n"+tt.query, parse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, run := range []struct {
				name string
				f    func(ctx context.Context) error
			}{
				{"Query", func(ctx context.Context) error { _, err := Query(ctx, cancelData, q, Options{}); return err }},
				{"Analyze", func(ctx context.Context) error { _, err := Analyze(ctx, cancelData, q, Options{}); return err }},
			} {
				ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
				start := time.Now()
				err := run.f(ctx)
				took := time.Since(start)
				cancel()
				if err == nil {
					t.Fatalf("%s finished in %v without error: the query is not expensive enough to test the deadline", run.name, took)
				}
				if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, ErrCanceled) {
					t.Errorf("%s: err = %v, want ErrCanceled wrapping context.DeadlineExceeded", run.name, err)
				}
				if took > time.Second {
					t.Errorf("%s stopped %v after a 50ms deadline", run.name, took)
				}
			}
		})
	}
}

// TestSortCancelable: a sort of many rows stops when the query is
// cancelled, small sorts and uncancelled ones run to the end.
func TestSortCancelable(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	ev := &evaluator{ctx: ctx}
	xs := make([]int, 100000)
	for i := range xs {
		xs[i] = (i * 7919) % len(xs)
	}
	sorted := func() bool {
		for i := 1; i < len(xs); i++ {
			if xs[i-1] > xs[i] {
				return false
			}
		}
		return true
	}
	run := func() bool {
		return sortCancelable(ev, len(xs), func(less func(a, b int) bool) { sort.SliceStable(xs, less) },
			func(a, b int) bool { return xs[a] < xs[b] })
	}
	if run() || !sorted() || ev.err != nil {
		t.Fatalf("uncancelled sort: canceled or unsorted (err %v)", ev.err)
	}
	for i := range xs {
		xs[i] = (i * 7919) % len(xs)
	}
	cancel()
	if !run() {
		t.Error("cancelled sort ran to the end")
	}
	if !errors.Is(ev.err, context.Canceled) || !errors.Is(ev.err, ErrCanceled) {
		t.Errorf("err = %v, want ErrCanceled wrapping context.Canceled", ev.err)
	}
}
