package sparql

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/internal/testenv"
	"kg/rdfio"
	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/store"
	"kg/term"
)

// lubm1 reads the vendored LUBM(1): its quads in the named graph lubmGraph
// (as kg load stores a file) and its query files.
func lubm1(t testing.TB) ([]term.Quad, []string) {
	dir, err := testenv.Data("bench")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "lubm1.nt.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var quads []term.Quad
	g := term.IRI("file:///lubm1.nt")
	err = rdfio.ParseNTriples(z, rdfio.Options{File: "lubm1.nt.gz"}, func(q term.Quad) error {
		q.G = g
		quads = append(quads, q)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "queries", "*", "*.rq"))
	return quads, files
}

// storeOf writes quads into an embedded store in a temporary directory
// and opens it read-only, as kg query does.
func storeOf(t testing.TB, quads []term.Quad) store.Store {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg")
	w, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Replace(ctx, quads); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := store.Open(ctx, dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func memoryOf(quads []term.Quad) *eval.MemDataset {
	ds := eval.NewMemDataset()
	for _, q := range quads {
		ds.Add(q.Triple().InGraph(term.Term{}))
		ds.Add(q)
	}
	ds.Len()
	return ds
}

// Every LUBM query gives the same answers over the mapped store as over
// the in-memory index of the same quads.
func TestMappedAnswersEqualMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ctx := context.Background()
	quads, files := lubm1(t)
	mem := memoryOf(quads)
	mapped, err := FromStore(ctx, storeOf(t, quads))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 24 {
		t.Fatalf("%d query files, want 24", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".rq")
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		q, err := parse.Query(string(src), parse.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err1 := eval.Query(ctx, mem, q, eval.Options{})
		got, err2 := eval.Query(ctx, mapped, q, eval.Options{})
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", name, err1, err2)
		}
		a, b := canonical(want), canonical(got)
		if len(want.Rows)+len(want.Triples) == 0 && !strings.HasPrefix(name, "q02") {
			t.Errorf("%s: no answers", name)
		}
		if a != b {
			t.Errorf("%s: mapped store gives %d answers, memory %d", name, len(got.Rows)+len(got.Triples), len(want.Rows)+len(want.Triples))
		}
	}
	if g, _ := mapped.NamedGraphs(ctx); len(g) != 1 || g[0] != quads[0].G {
		t.Errorf("named graphs %v, want the one of the load", g)
	}
}

// BenchmarkOpen compares what a process pays before its first answer: the
// mapped store read in place against the same store copied into an
// in-memory index, as stores held in memory are.
func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	quads, _ := lubm1(b)
	st := storeOf(b, quads)
	q, err := parse.Query("SELECT ?x WHERE { ?x a <http://www.lehigh.edu/~zhp2/2004/0401/univ-bench.owl#GraduateStudent> ; <http://www.lehigh.edu/~zhp2/2004/0401/univ-bench.owl#takesCourse> <http://www.Department0.University0.edu/GraduateCourse0> }", parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		open func() (eval.Dataset, error)
	}{
		{"mapped", func() (eval.Dataset, error) { return FromStore(ctx, st) }},
		{"copied", func() (eval.Dataset, error) { return index(ctx, st) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				ds, err := c.open()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := eval.Query(ctx, ds, q, eval.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMappedLUBM runs every LUBM query over the mapped store and over
// the in-memory index of the same quads.
func BenchmarkMappedLUBM(b *testing.B) {
	ctx := context.Background()
	quads, files := lubm1(b)
	mapped, err := FromStore(ctx, storeOf(b, quads))
	if err != nil {
		b.Fatal(err)
	}
	sets := []struct {
		name string
		ds   eval.Dataset
	}{{"memory", memoryOf(quads)}, {"mapped", mapped}}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		q, err := parse.Query(string(src), parse.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range sets {
			b.Run(strings.TrimSuffix(filepath.Base(f), ".rq")[:3]+"/"+s.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := eval.Query(ctx, s.ds, q, eval.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
