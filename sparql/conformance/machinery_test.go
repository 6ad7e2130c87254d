package conformance

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"kg/sparql/results"
	"kg/term"
)

// TestManifests checks the manifest reader against the test counts of the
// suite (testdata/w3c/README.md): every folder, every test type.
func TestManifests(t *testing.T) {
	all := loadAll(t)
	got := map[string]map[string]int{}
	unapproved := 0
	for _, tc := range all {
		if got[tc.Folder] == nil {
			got[tc.Folder] = map[string]int{}
		}
		got[tc.Folder][tc.Type]++
		if !tc.Approved() {
			unapproved++
		}
		if tc.ID == "" || tc.Query == "" {
			t.Errorf("%s: incomplete entry %+v", tc.Folder, tc)
		}
	}
	want := map[string]map[string]int{
		"aggregates":         {"QueryEvaluationTest": 42, "NegativeSyntaxTest11": 5},
		"bind":               {"QueryEvaluationTest": 10},
		"bindings":           {"QueryEvaluationTest": 11},
		"cast":               {"QueryEvaluationTest": 6},
		"construct":          {"QueryEvaluationTest": 5, "NegativeSyntaxTest11": 2},
		"csv-tsv-res":        {"CSVResultFormatTest": 3, "QueryEvaluationTest": 3},
		"exists":             {"QueryEvaluationTest": 6},
		"functions":          {"QueryEvaluationTest": 75},
		"grouping":           {"QueryEvaluationTest": 4, "NegativeSyntaxTest11": 2},
		"json-res":           {"QueryEvaluationTest": 4},
		"negation":           {"QueryEvaluationTest": 12},
		"project-expression": {"QueryEvaluationTest": 7},
		"property-path":      {"QueryEvaluationTest": 33},
		"subquery":           {"QueryEvaluationTest": 14},
		"syntax-query":       {"PositiveSyntaxTest11": 63, "NegativeSyntaxTest11": 31},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("tests by folder and type:\n got %v\nwant %v", got, want)
	}
	if len(all) != 338 || unapproved != 65 {
		t.Errorf("%d tests, %d not approved; want 338 and 65", len(all), unapproved)
	}
}

// TestExpectedResults reads every dataset and expected result of the
// evaluation tests and checks the kinds against the suite's own counts.
func TestExpectedResults(t *testing.T) {
	kinds := map[string]int{}
	for _, tc := range loadAll(t) {
		if tc.Result == "" {
			continue
		}
		want, err := loadExpected(tc.Result)
		if err != nil {
			t.Errorf("%s/%s: %v", tc.Folder, tc.ID, err)
			continue
		}
		if _, err := loadDataset(tc); err != nil {
			t.Errorf("%s/%s: %v", tc.Folder, tc.ID, err)
		}
		kind := want.Format
		switch {
		case want.Result == nil:
			kind += " graph"
		case want.Result.Boolean != nil:
			kind += " boolean"
		}
		kinds[kind]++
	}
	want := map[string]int{"xml": 198, "xml boolean": 16, "json": 4, "json boolean": 2,
		"tsv": 3, "csv": 3, "rdf graph": 7, "rdf": 2}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("expected results by kind:\n got %v\nwant %v", kinds, want)
	}
}

// TestResultSetGraph reads a result written in the result-set vocabulary.
func TestResultSetGraph(t *testing.T) {
	want, err := loadExpected(filepath.Join(sparql11Dir(t), "aggregates", "agg-empty-group-count-graph.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	r := want.Result
	if r == nil || len(r.Rows) != 2 || !sameVars(r.Vars, []string{"g", "c"}) {
		t.Fatalf("got %+v", r)
	}
	g := r.Vars[0] == "g"
	for _, row := range r.Rows {
		name := row[0]
		if !g {
			name = row[1]
		}
		if !strings.HasPrefix(name.Value, "file://") || !strings.HasSuffix(name.Value, ".ttl") {
			t.Errorf("graph name %v should resolve against the result file", name)
		}
	}
}

func TestCompare(t *testing.T) {
	x, y, z := term.IRI("http://example/x"), term.IRI("http://example/y"), term.IRI("http://example/z")
	a, b := term.Blank("a"), term.Blank("b")
	rows := func(vars string, rs ...[]term.Term) *results.Result {
		return &results.Result{Vars: strings.Fields(vars), Rows: rs}
	}
	byFirst := func(vars []string, row []term.Term) []term.Term { return row[:1] }
	dec := func(v string) term.Term { return term.Literal(v, term.XSDDecimal) }
	tr := true
	tests := []struct {
		name   string
		want   *expected
		got    *answer
		lax    bool
		result outcome
	}{
		{"multiset", &expected{Format: "xml", Result: rows("s", []term.Term{x}, []term.Term{y})},
			&answer{Result: rows("s", []term.Term{y}, []term.Term{x})}, false, passed},
		{"missing row", &expected{Format: "xml", Result: rows("s", []term.Term{x}, []term.Term{y})},
			&answer{Result: rows("s", []term.Term{y})}, false, failed},
		{"ordered", &expected{Format: "xml", Result: rows("s o", []term.Term{x, z}, []term.Term{y, z})},
			&answer{Result: rows("s o", []term.Term{y, z}, []term.Term{x, z}), OrderKeys: byFirst}, false, failed},
		{"ties may swap", &expected{Format: "xml", Result: rows("s o", []term.Term{x, y}, []term.Term{x, z})},
			&answer{Result: rows("s o", []term.Term{x, z}, []term.Term{x, y}), OrderKeys: byFirst}, false, passed},
		{"blank keys tie", &expected{Format: "xml", Result: rows("s", []term.Term{a}, []term.Term{b})},
			&answer{Result: rows("s", []term.Term{b}, []term.Term{a}), OrderKeys: byFirst}, false, passed},
		{"lax", &expected{Format: "xml", Result: rows("s", []term.Term{x}, []term.Term{x})},
			&answer{Result: rows("s", []term.Term{x})}, true, passed},
		{"strict cardinality", &expected{Format: "xml", Result: rows("s", []term.Term{x}, []term.Term{x})},
			&answer{Result: rows("s", []term.Term{x})}, false, failed},
		{"same literal", &expected{Format: "xml", Result: rows("o", []term.Term{dec("2")})},
			&answer{Result: rows("o", []term.Term{dec("2")})}, false, passed},
		{"tsv double by value", &expected{Format: "tsv", Result: rows("o", []term.Term{term.Literal("1.0e6", term.XSDDouble)})},
			&answer{Result: rows("o", []term.Term{term.Literal("1.0E6", term.XSDDouble)})}, false, passedByValue},
		{"decimal by value", &expected{Format: "xml", Result: rows("o", []term.Term{dec("2.0")})},
			&answer{Result: rows("o", []term.Term{dec("2")})}, false, passedByValue},
		{"other value", &expected{Format: "xml", Result: rows("o", []term.Term{dec("2.0")})},
			&answer{Result: rows("o", []term.Term{dec("2.5")})}, false, failed},
		{"other datatype", &expected{Format: "xml", Result: rows("o", []term.Term{dec("2")})},
			&answer{Result: rows("o", []term.Term{term.Literal("2", term.XSDInteger)})}, false, failed},
		{"string is exact", &expected{Format: "xml", Result: rows("o", []term.Term{term.String("2.0")})},
			&answer{Result: rows("o", []term.Term{term.String("2")})}, false, failed},
		{"ordered by value", &expected{Format: "xml", Result: rows("o", []term.Term{dec("1.0")}, []term.Term{dec("2.0")})},
			&answer{Result: rows("o", []term.Term{dec("1")}, []term.Term{dec("2")}), OrderKeys: byFirst}, false, passedByValue},
		{"order by value still counts", &expected{Format: "xml", Result: rows("o", []term.Term{dec("1.0")}, []term.Term{dec("2.0")})},
			&answer{Result: rows("o", []term.Term{dec("2")}, []term.Term{dec("1")}), OrderKeys: byFirst}, false, failed},
		{"graph by value", &expected{Format: "rdf", Graph: []term.Quad{{S: x, P: y, O: dec("1.50")}}},
			&answer{Graph: []term.Quad{{S: x, P: y, O: dec("1.5")}}}, false, passedByValue},
		{"boolean", &expected{Format: "json", Result: &results.Result{Boolean: &tr}},
			&answer{Result: &results.Result{Boolean: &tr}}, false, passed},
		{"boolean vs rows", &expected{Format: "json", Result: &results.Result{Boolean: &tr}},
			&answer{Result: rows("s")}, false, failed},
		{"graph", &expected{Format: "rdf", Graph: []term.Quad{{S: a, P: x, O: y}}},
			&answer{Graph: []term.Quad{{S: b, P: x, O: y}}}, false, passed},
		{"graph differs", &expected{Format: "rdf", Graph: []term.Quad{{S: a, P: x, O: y}}},
			&answer{Graph: []term.Quad{{S: a, P: x, O: z}}}, false, failed},
		{"graph vs rows", &expected{Format: "rdf", Graph: []term.Quad{{S: a, P: x, O: y}}},
			&answer{Result: rows("s")}, false, failed},
	}
	for _, tt := range tests {
		if o, d := compare(tt.want, tt.got, tt.lax); o != tt.result {
			t.Errorf("%s: outcome %d, want %d (%s)", tt.name, o, tt.result, d)
		}
	}
}

// TestCompareCSV checks CSV comparison: types are lost on both sides,
// blank node labels are renamed, and order counts only with ORDER BY.
func TestCompareCSV(t *testing.T) {
	want, err := results.ReadCSV(strings.NewReader("s,o\r\nhttp://example/x,4\r\nhttp://example/y,_:b0\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := &results.Result{Vars: []string{"o", "s"}, Rows: [][]term.Term{
		{term.Literal("4", term.XSDInteger), term.IRI("http://example/x")},
		{term.Blank("zz"), term.IRI("http://example/y")},
	}}
	if o, d := compareCSV(&expected{Format: "csv", Result: want}, &answer{Result: got}); o != passed {
		t.Errorf("CSV comparison failed: %s", d)
	}
	keyS := func(vars []string, row []term.Term) []term.Term {
		for i, v := range vars {
			if v == "s" {
				return row[i : i+1]
			}
		}
		return nil
	}
	got.Rows[0], got.Rows[1] = got.Rows[1], got.Rows[0]
	if o, _ := compareCSV(&expected{Format: "csv", Result: want}, &answer{Result: got}); o != passed {
		t.Error("unordered CSV comparison depended on row order")
	}
	if o, _ := compareCSV(&expected{Format: "csv", Result: want}, &answer{Result: got, OrderKeys: keyS}); o != failed {
		t.Error("ordered CSV comparison ignored row order")
	}
	got.Rows[0][0] = term.String("5")
	if o, _ := compareCSV(&expected{Format: "csv", Result: want}, &answer{Result: got}); o != failed {
		t.Error("CSV comparison missed a changed value")
	}
}
