package eval

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kg/sparql/algebra"
	"kg/sparql/parse"
)

// find returns the first plan node, depth first, whose Op starts with op.
func find(n *PlanNode, op string) *PlanNode {
	if n == nil {
		return nil
	}
	if strings.HasPrefix(n.Op, op) {
		return n
	}
	for _, c := range n.Children {
		if f := find(c, op); f != nil {
			return f
		}
	}
	return nil
}

// TestAnalyze checks the counts of analysed runs over the people graph:
// per operator the loops and solutions, per group step the estimate and
// the rows, per filter the solutions tested and passed.
func TestAnalyze(t *testing.T) {
	m := loadPeople(t)
	type want struct {
		op                string
		est               float64 // -1: not checked
		loops, rows, test int64
	}
	tests := []struct {
		name  string
		query string
		rows  int64
		ops   []want
	}{
		{"group with filter", `SELECT ?p ?n { ?p a :Person ; :name ?n ; :knows ?q . ?q :age ?a FILTER(?a > 20) }`, 1, []want{
			{"project", -1, 1, 1, 0},
			{"group (4 steps, 1 filter)", -1, 1, 1, 0},
			// 3 persons; each has one name; they know 4 others; 2 of
			// those have an age, one of them above 20 (bob, 25).
			{"triple ?p a :Person", 3, 1, 3, 0},
			{"triple ?p :name ?n", 3, 3, 3, 0},
			{"triple ?p :knows ?q", 4, 3, 4, 0},
			{"triple ?q :age ?a", 2, 4, 2, 0},
			{"filter on (?a)", -1, 2, 1, 2},
		}},
		{"hash join of subqueries", `SELECT * { { SELECT ?p { ?p a :Person } } { SELECT ?p ?n { ?p :name ?n } } }`, 3, []want{
			{"join hash on (?p), built 4 rows", -1, 1, 3, 0},
			{"triple ?p a :Person", 3, 1, 3, 0},
			{"triple ?p :name ?n", 4, 1, 4, 0},
		}},
		{"optional nested", `SELECT * { ?p a :Person OPTIONAL { ?p :age ?a } }`, 3, []want{
			{"optional nested", -1, 1, 3, 0},
			{"triple ?p a :Person", 3, 1, 3, 0},
			{"group (1 step, 0 filters)", -1, 1, 3, 0},
			// the optional part runs once per person; carol has no age
			{"triple ?p :age ?a", 2, 3, 2, 0},
		}},
		{"group by", `SELECT ?p (COUNT(?q) AS ?c) { ?p :knows ?q } GROUP BY ?p HAVING (COUNT(?q) > 1)`, 1, []want{
			{"filter (1 condition)", -1, 1, 1, 0},
			{"group by (?p), 1 aggregate, 3 groups", -1, 1, 3, 0},
			{"triple ?p :knows ?q", 4, 1, 4, 0},
		}},
		{"minus", `SELECT * { ?p :name ?n MINUS { ?p a :Robot } }`, 3, []want{
			{"minus hash on (?p), built 1 row", -1, 1, 3, 0},
			{"triple ?p :name ?n", 4, 1, 4, 0},
			{"triple ?p a :Robot", 1, 1, 1, 0},
		}},
		{"slice stops early", `SELECT * { ?p :knows ?q } LIMIT 2`, 2, []want{
			{"slice offset 0 limit 2", -1, 1, 2, 0},
			{"triple ?p :knows ?q", 4, 1, 2, 0},
		}},
		{"ask stops at the first", `ASK { ?p :knows ?q }`, 1, []want{
			{"triple ?p :knows ?q", 4, 1, 1, 0},
		}},
		{"not exists", `SELECT * { ?p a :Person FILTER NOT EXISTS { ?p :age ?a } }`, 1, []want{
			{"filter (1 condition)", -1, 1, 1, 0},
			{"not exists", -1, -1, 0, 0},
			// tried for each of the 3 persons, found for alice and bob
			{"triple ?p :age ?a", 2, 3, 2, 0},
		}},
		{"path", `SELECT * { :alice :knows+ ?x }`, 3, []want{
			{"path", -1, 1, 3, 0},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := parse.Query("PREFIX : <http://ex/>\n"+tt.query, parse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			p, err := Analyze(context.Background(), m, q, Options{})
			if err != nil {
				t.Fatal(err)
			}
			text := p.String()
			if p.Rows != tt.rows {
				t.Errorf("%d results, want %d\n%s", p.Rows, tt.rows, text)
			}
			for _, w := range tt.ops {
				n := find(p.Root, w.op)
				if n == nil {
					t.Errorf("no %q in\n%s", w.op, text)
					continue
				}
				if n.Loops != w.loops || n.Rows != w.rows || n.Tested != w.test || (w.est >= 0 && n.Est != w.est) {
					t.Errorf("%s: est=%g loops=%d rows=%d tested=%d, want est=%g loops=%d rows=%d tested=%d\n%s",
						w.op, n.Est, n.Loops, n.Rows, n.Tested, w.est, w.loops, w.rows, w.test, text)
				}
			}
			// The run gives what Query gives.
			r, err := Query(context.Background(), m, q, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if q.Form == algebra.Select && int64(len(r.Rows)) != p.Rows {
				t.Errorf("Query gives %d rows, the analysed run %d", len(r.Rows), p.Rows)
			}
		})
	}
}

// TestAnalyzeStore checks the counts over a Dataset other than
// MemDataset, which is asked for estimates once per position.
func TestAnalyzeStore(t *testing.T) {
	m := loadPeople(t)
	ds := Restrict(m, nil, nil)
	q, err := parse.Query(`PREFIX : <http://ex/> SELECT ?p ?n { ?p a :Person ; :name ?n ; :knows ?q . ?q :age ?a }`, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := Analyze(context.Background(), ds, q, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := p.String()
	if p.Rows != 2 {
		t.Errorf("%d results, want 2\n%s", p.Rows, text)
	}
	for op, rows := range map[string]int64{"triple ?p a :Person": 3, "triple ?p :knows ?q": 4, "triple ?q :age ?a": 2} {
		n := find(p.Root, op)
		if n == nil || n.Rows != rows || n.Est <= 0 {
			t.Errorf("%s: %+v, want %d rows and an estimate\n%s", op, n, rows, text)
		}
	}
}

// TestExplainAnalyzeText checks the printed form: one line per operator,
// step and filter, counts aligned after the widest description.
func TestExplainAnalyzeText(t *testing.T) {
	m := loadPeople(t)
	q, err := parse.Query(`PREFIX : <http://ex/> SELECT ?n { ?p a :Person ; :name ?n FILTER(?n != "Bob") }`, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := ExplainAnalyze(context.Background(), m, q, Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	wantStart := []string{
		"project (?n)",
		"  group (2 steps, 1 filter)",
		"    triple ?p a :Person",
		"    triple ?p :name ?n",
		"    filter on (?n) when bound",
		"2 results in ",
	}
	if len(lines) != len(wantStart) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(wantStart), s)
	}
	col := -1
	for i, w := range wantStart {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start with %q", i+1, lines[i], w)
		}
		if i == len(lines)-1 {
			continue
		}
		c := strings.Index(lines[i], "  est=")
		if c < 0 {
			c = strings.Index(lines[i], "  rows=")
		}
		if c < 0 {
			c = strings.Index(lines[i], "  tested=")
		}
		if col < 0 {
			col = c
		}
		if c != col {
			t.Errorf("line %d: counts at column %d, want %d:\n%s", i+1, c, col, s)
		}
	}
	for _, w := range []string{"est=3 rows=3 loops=1", "tested=3 passed=2", "rows=2 loops=1 time="} {
		if !strings.Contains(s, w) {
			t.Errorf("no %q in\n%s", w, s)
		}
	}
}

// TestAnalyzeCanceled: an analysed run stops with the context like any.
func TestAnalyzeCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	q, err := parse.Query(`SELECT * { ?s ?p ?o }`, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Analyze(ctx, loadPeople(t), q, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// TestFilterLookup: a condition that fixes a variable to one term is
// answered by an index lookup (the triple reads only the matching rows),
// and only where "=" is identity.
func TestFilterLookup(t *testing.T) {
	m := loadPeople(t)
	tests := []struct {
		query string
		step  string
		rows  int64 // rows the step reads
		sols  int64
	}{
		{`SELECT * { ?s ?p ?o FILTER(?s = :bob) }`, "triple ?s ?p ?o", 4, 4},
		{`SELECT * { ?s ?p ?o FILTER(:bob = ?s) }`, "triple ?s ?p ?o", 4, 4},
		{`SELECT * { ?s ?p ?o FILTER(sameTerm(?o, "Alice")) }`, "triple ?s ?p ?o", 1, 1},
		{`SELECT * { ?s :name ?n FILTER(?n = "Carol"@SV) }`, "triple ?s :name ?n", 1, 1},
		{`SELECT * { ?s :name ?n FILTER(?n = "Alice"^^<http://www.w3.org/2001/XMLSchema#string>) }`, "triple ?s :name ?n", 1, 1},
		// 1 = "01"^^xsd:integer: a value comparison, no lookup
		{`SELECT * { ?s :age ?a FILTER(?a = 1) }`, "triple ?s :age ?a", 3, 1},
		// ?x is not bound by the group: the filter stays a filter
		{`SELECT * { ?s :age ?a OPTIONAL { ?s :city ?x } FILTER(?x = :lund) }`, "triple ?s :age ?a", 3, 1},
	}
	for _, tt := range tests {
		q, err := parse.Query("PREFIX : <http://ex/>\n"+tt.query, parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := Analyze(context.Background(), m, q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		n := find(p.Root, tt.step)
		if n == nil || n.Rows != tt.rows || p.Rows != tt.sols {
			t.Errorf("%s: step %+v, %d solutions; want %d rows read, %d solutions\n%s", tt.query, n, p.Rows, tt.rows, tt.sols, p)
		}
	}
}
