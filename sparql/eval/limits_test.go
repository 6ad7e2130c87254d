package eval

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"kg/sparql/algebra"
	"kg/sparql/parse"
	"kg/term"
)

func mustParse(t *testing.T, query string) *algebra.Query {
	t.Helper()
	q, err := parse.Query("PREFIX : <http://ex/>\n"+query, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// chain returns n chained BINDs, each ?vi = op(?v(i-1)), after start.
func chain(start string, n int, op func(v string) string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "SELECT * { BIND(%s AS ?v0)", start)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, " BIND(%s AS ?v%d)", op(fmt.Sprintf("?v%d", i-1)), i)
	}
	b.WriteString(" }")
	return b.String()
}

func doubling(v string) string { return "CONCAT(" + v + ", " + v + ")" }

// TestTermSizeLimit: chained CONCATs that double a string stop the query
// with ErrTermSize once a string would pass MaxTermSize, and so does a
// GROUP_CONCAT that grows past it.
func TestTermSizeLimit(t *testing.T) {
	q := mustParse(t, chain(`"`+strings.Repeat("x", 1024)+`"`, 12, doubling))
	_, err := Query(context.Background(), NewMemDataset(), q, Options{MaxTermSize: 64 << 10})
	if !errors.Is(err, ErrTermSize) {
		t.Errorf("CONCAT chain: err = %v, want ErrTermSize", err)
	}
	res, err := Query(context.Background(), NewMemDataset(), q, Options{MaxTermSize: 8 << 20})
	if err != nil || len(res.Rows) != 1 || len(res.Rows[0][12].Value) != 4<<20 {
		t.Errorf("CONCAT chain under a larger limit: err = %v", err)
	}
	q = mustParse(t, `SELECT (GROUP_CONCAT(STR(?p)) AS ?all) { ?p a :Person }`)
	if _, err := Query(context.Background(), genDataset(500), q, Options{MaxTermSize: 1000}); !errors.Is(err, ErrTermSize) {
		t.Errorf("GROUP_CONCAT: err = %v, want ErrTermSize", err)
	}
}

// TestMultiplicationChain: squaring a number again and again ends in an
// overflow error, which leaves the later variables unbound, instead of
// computing numbers of millions of digits.
func TestMultiplicationChain(t *testing.T) {
	q := mustParse(t, chain("3", 18, func(v string) string { return v + "*" + v }))
	res, err := Query(context.Background(), NewMemDataset(), q, Options{})
	if err != nil {
		t.Fatal(err)
	}
	row := res.Rows[0]
	if row[5].IsZero() || row[5].Value != "1853020188851841" {
		t.Errorf("?v5 = %v, want 3^32", row[5])
	}
	if !row[18].IsZero() {
		t.Errorf("?v18 is bound to a number of %d digits; want an overflow error", len(row[18].Value))
	}
}

// expiringCtx is a context whose deadline passes after its first few
// looks: a deterministic stand-in for a deadline that passes while a
// query runs.
type expiringCtx struct {
	context.Context
	looks, after int
}

func (c *expiringCtx) Err() error {
	if c.looks++; c.looks > c.after {
		return context.DeadlineExceeded
	}
	return nil
}

// TestDeadlineInExpressions: a query of one solution whose expressions
// build large strings looks at its deadline while it does so.
func TestDeadlineInExpressions(t *testing.T) {
	q := mustParse(t, chain(`"`+strings.Repeat("x", 1024)+`"`, 12, doubling))
	ctx := &expiringCtx{Context: context.Background(), after: 1}
	_, err := Query(ctx, NewMemDataset(), q, Options{MaxTermSize: 1 << 30})
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, ErrCanceled) {
		t.Errorf("err = %v, want ErrCanceled wrapping context.DeadlineExceeded", err)
	}
}

// TestMemoryLimit: the cartesian products behind ORDER BY, DISTINCT,
// and GROUP BY stop with ErrMemory under a small budget, and
// run to the end without one.
func TestMemoryLimit(t *testing.T) {
	ds := genDataset(60)
	for _, query := range []string{
		`SELECT * { ?a ?p ?b . ?c ?q ?d } ORDER BY ?d ?b`,
		`SELECT DISTINCT ?a ?d { ?a ?p ?b . ?c ?q ?d }`,
		`SELECT ?a ?d (COUNT(*) AS ?n) { ?a ?p ?b . ?c ?q ?d } GROUP BY ?a ?d`,
	} {
		q := mustParse(t, query)
		_, err := Query(context.Background(), ds, q, Options{MaxMemory: 1 << 20})
		if !errors.Is(err, ErrMemory) {
			t.Errorf("%s: err = %v, want ErrMemory", query, err)
		}
		if _, err := Query(context.Background(), ds, q, Options{}); err != nil {
			t.Errorf("%s without a budget: %v", query, err)
		}
	}
}

// TestConstructStopsAtLimit: a cartesian CONSTRUCT stops building at
// MaxTriples (so a memory budget that all of its triples would exceed is
// never reached) and says it was cut.
func TestConstructStopsAtLimit(t *testing.T) {
	ds := genDataset(60)
	q := mustParse(t, `CONSTRUCT { ?a :x ?d } { ?a ?p ?b . ?c ?q ?d }`)
	res, err := Query(context.Background(), ds, q, Options{MaxTriples: 10, MaxMemory: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Triples) != 10 || !res.Truncated {
		t.Errorf("got %d triples, truncated %v; want 10, true", len(res.Triples), res.Truncated)
	}
	if _, err := Query(context.Background(), ds, q, Options{MaxMemory: 64 << 10}); !errors.Is(err, ErrMemory) {
		t.Errorf("without MaxTriples: err = %v, want ErrMemory", err)
	}
	q = mustParse(t, `DESCRIBE ?a { ?a a :Person }`)
	res, err = Query(context.Background(), ds, q, Options{MaxTriples: 7})
	if err != nil || len(res.Triples) != 7 || !res.Truncated {
		t.Errorf("DESCRIBE: %d triples, truncated %v, err %v; want 7, true", len(res.Triples), res.Truncated, err)
	}
	res, err = Query(context.Background(), ds, mustParse(t, `CONSTRUCT { :a :b :c } {}`), Options{MaxTriples: 1})
	if err != nil || len(res.Triples) != 1 || res.Truncated {
		t.Errorf("one triple at a limit of one: %v, truncated %v, err %v", res.Triples, res.Truncated, err)
	}
}

// TestDepthLimit: an expression nested deeper than MaxDepth is refused
// before evaluation, which would recurse once per level; one within the
// bound runs. The algebra is built here, whatever the parser accepts.
func TestDepthLimit(t *testing.T) {
	nested := func(n int) *algebra.Query {
		var e algebra.Expr = algebra.TermExpr{Term: term.Literal("true", term.XSDBoolean)}
		for range n {
			e = algebra.Unary{Op: "!", X: e}
		}
		return &algebra.Query{Form: algebra.Ask, Pattern: algebra.Filter{Expr: e, Inner: algebra.BGP{}}}
	}
	if _, err := Query(context.Background(), NewMemDataset(), nested(MaxDepth+10), Options{}); !errors.Is(err, ErrTooDeep) {
		t.Errorf("err = %v, want ErrTooDeep", err)
	}
	if res, err := Query(context.Background(), NewMemDataset(), nested(1000), Options{}); err != nil || !res.Bool {
		t.Errorf("1000 levels: %v, %v", res, err)
	}
}

// TestValuesProbedByIndex: a large VALUES table probed with some of its
// variables bound finds its rows through an index on those columns, rows
// with UNDEF there included, in table order.
func TestValuesProbedByIndex(t *testing.T) {
	ds := NewMemDataset()
	for i := range 40 {
		ds.Add(term.Quad{S: term.IRI(fmt.Sprintf("http://ex/s%d", i)), P: term.IRI("http://ex/p"), O: term.Literal(fmt.Sprint(i), term.XSDInteger)})
	}
	var rows strings.Builder
	for i := range 30 {
		fmt.Fprintf(&rows, " (:s%d %d)", i, i)
	}
	for i := range 10 {
		fmt.Fprintf(&rows, " (:t%d %d)", i, i)
	}
	rows.WriteString(" (UNDEF 100) (UNDEF 101)")
	q := mustParse(t, `SELECT ?s ?x ?o { ?s :p ?o VALUES (?s ?x) {`+rows.String()+` } }`)
	res, err := Query(context.Background(), ds, q, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 30 rows meet their one triple, the 10 of unknown things none, and
	// the 2 with UNDEF every one of the 40 triples.
	if len(res.Rows) != 30+2*40 {
		t.Errorf("%d rows, want %d", len(res.Rows), 30+2*40)
	}
	for _, r := range res.Rows {
		if r[1].Value != "100" && r[1].Value != "101" && r[1].Value != r[2].Value {
			t.Errorf("row %v joins ?x %s with ?o %s", r, r[1].Value, r[2].Value)
		}
	}
}
