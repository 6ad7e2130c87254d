package eval

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"kg/internal/testenv"
	"kg/rdfio"
	"kg/sparql/parse"
	"kg/term"
)

// benchDir locates the LUBM benchmark data vendored in testdata/bench:
// LUBM(1) and the queries (LUBM(8) is benchmarked by bench/run.sh).
func benchDir(t testing.TB) string {
	d, err := testenv.Data("bench")
	if err != nil {
		t.Fatalf("benchmark data: %v", err)
	}
	return d
}

func loadNTGz(t testing.TB, path string) *MemDataset {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("benchmark data: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	m := NewMemDataset()
	err = rdfio.ParseNTriples(z, rdfio.Options{File: path}, func(q term.Quad) error {
		m.Add(q)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	m.Len() // build the indexes outside the timed queries
	return m
}

// lubmCounts are the reference answer counts of the benchmark README.
var lubmCounts = map[string][2]int{
	"q01": {4, 4}, "q02": {0, 18}, "q03": {6, 6}, "q04": {34, 34}, "q05": {719, 719},
	"q06": {7790, 78306}, "q07": {67, 67}, "q08": {7790, 7790}, "q09": {208, 2018},
	"q10": {4, 4}, "q11": {224, 224}, "q12": {15, 15}, "q13": {1, 27}, "q14": {5916, 59437},
	"x01": {10, 10}, "x02": {146, 146}, "x03": {153, 1469}, "x04": {1, 1}, "x05": {20, 20},
	"x06": {1, 1}, "x07": {15, 15}, "x08": {3101, 3101}, "x09": {5, 5}, "x10": {15, 15},
}

// TestLUBM runs the LUBM queries over LUBM(1,0) and checks the reference
// answer counts.
func TestLUBM(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	dir := benchDir(t)
	start := time.Now()
	ds := loadNTGz(t, filepath.Join(dir, "lubm1.nt.gz"))
	t.Logf("loaded %d triples in %v", ds.Len(), time.Since(start))
	files, _ := filepath.Glob(filepath.Join(dir, "queries", "*", "*.rq"))
	var total time.Duration
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".rq")
		if len(name) > 3 {
			name = name[:3]
		}
		want, ok := lubmCounts[name]
		if !ok {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		q, err := parse.Query(string(src), parse.Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		start := time.Now()
		r, err := Query(context.Background(), ds, q, Options{})
		d := time.Since(start)
		total += d
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		n := len(r.Rows) + len(r.Triples)
		if n != want[0] {
			t.Errorf("%s: %d results, want %d", name, n, want[0])
		}
		t.Logf("%s: %d results in %v", name, n, d)
		// The generic Dataset path must agree with the id-based one.
		g, err := Query(context.Background(), plainDataset{ds}, q, Options{})
		if err != nil {
			t.Errorf("%s over the generic path: %v", name, err)
		} else if a, b := canonicalRows(r), canonicalRows(g); !slices.Equal(a, b) {
			t.Errorf("%s: the generic path gives %d results, the id path %d", name, len(b), len(a))
		}
	}
	t.Logf("all queries: %v", total)
}

// plainDataset hides MemDataset's type so that the evaluator takes its
// generic Dataset path.
type plainDataset struct{ Dataset }

// canonicalRows renders a result as sorted lines, for comparisons.
func canonicalRows(r *Result) []string {
	var out []string
	for _, row := range r.Rows {
		var b strings.Builder
		for _, v := range row {
			b.WriteString(v.String())
			b.WriteByte(' ')
		}
		out = append(out, b.String())
	}
	for _, t := range r.Triples {
		out = append(out, t.String())
	}
	slices.Sort(out)
	return out
}
