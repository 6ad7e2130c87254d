package cayleydisk

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"kg/internal/testenv"
	"kg/rdfio"
	"kg/store/disk"
	"kg/term"
)

// lubm reads LUBM(1) from testdata/bench.
func lubm(b *testing.B) []term.Quad {
	d, err := testenv.Data("bench")
	if err != nil {
		b.Skipf("benchmark data: %v", err)
	}
	f, err := os.Open(filepath.Join(d, "lubm1.nt.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var quads []term.Quad
	err = rdfio.ParseNTriples(z, rdfio.Options{}, func(q term.Quad) error {
		quads = append(quads, q)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return quads
}

// byDepartment puts each quad in the named graph of its subject's
// department (a graph per department, the rest in the default graph),
// as kg keeps statements in the graphs of their sources.
func byDepartment(quads []term.Quad) []term.Quad {
	dept := regexp.MustCompile(`^http://www\.Department\d+\.University\d+\.edu`)
	out := make([]term.Quad, len(quads))
	for i, q := range quads {
		if m := dept.FindString(q.S.Value); m != "" {
			q.G = term.IRI(m + "/graph")
		}
		out[i] = q
	}
	return out
}

const ub = "http://www.lehigh.edu/~zhp2/2004/0401/univ-bench.owl#"

var (
	rdfType = quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
	dept0   = "http://www.Department0.University0.edu"
)

// lubmPaths are path queries shaped like LUBM's: a fixed start and a
// type test, a walk from a department, and joins from large classes.
var lubmPaths = []struct {
	name  string
	build func(qs graph.QuadStore) *path.Path
}{
	{"course-students", func(qs graph.QuadStore) *path.Path {
		return path.StartPath(qs, quad.IRI(dept0+"/GraduateCourse0")).In(quad.IRI(ub+"takesCourse")).Has(rdfType, quad.IRI(ub+"GraduateStudent"))
	}},
	{"department-courses", func(qs graph.QuadStore) *path.Path {
		return path.StartPath(qs, quad.IRI(dept0)).In(quad.IRI(ub+"memberOf")).Has(rdfType, quad.IRI(ub+"UndergraduateStudent")).Out(quad.IRI(ub + "takesCourse")).Unique()
	}},
	{"advisor-courses", func(qs graph.QuadStore) *path.Path {
		return path.StartPath(qs).Has(rdfType, quad.IRI(ub+"GraduateStudent")).Out(quad.IRI(ub + "advisor")).Out(quad.IRI(ub + "teacherOf"))
	}},
	{"professor-universities", func(qs graph.QuadStore) *path.Path {
		return path.StartPath(qs).Has(rdfType, quad.IRI(ub+"FullProfessor")).Out(quad.IRI(ub + "worksFor")).Out(quad.IRI(ub + "subOrganizationOf"))
	}},
}

func countPath(b *testing.B, p *path.Path) int64 {
	n, err := p.Iterate(context.Background()).Count()
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkLUBM compares the disk quad store with Cayley's memory store
// on LUBM(1): opening (mapping a generation against loading the memory
// store) and path queries, with the data in one graph and spread over a
// graph per department.
func BenchmarkLUBM(b *testing.B) {
	all := lubm(b)
	for _, layout := range []struct {
		name  string
		quads []term.Quad
	}{{"one-graph", all}, {"graphs", byDepartment(all)}} {
		dq := buildDisk(b, layout.quads)
		dir := dq.Index().Dir()
		cq := cayleyQuads(layout.quads)
		mq := memstore.New(cq...)
		b.Run(layout.name+"/open/disk", func(b *testing.B) {
			for b.Loop() {
				if _, err := Open(dir); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(layout.name+"/open/memstore", func(b *testing.B) {
			for b.Loop() {
				memstore.New(cq...)
			}
		})
		b.Run(layout.name+"/directory", func(b *testing.B) {
			ix, _ := disk.Open(dir)
			if len(ix.Graphs()) < 2 {
				b.Skip("one graph needs no directory")
			}
			for b.Loop() {
				for k := range 3 {
					if _, err := buildDirectory(ix.Union(), ix.Graphs(), k); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		for _, q := range lubmPaths {
			want := countPath(b, q.build(mq))
			if got := countPath(b, q.build(dq)); got != want || want == 0 {
				b.Fatalf("%s: %d results, memstore %d", q.name, got, want)
			}
			for _, s := range []struct {
				name string
				qs   graph.QuadStore
			}{{"disk", dq}, {"memstore", mq}} {
				b.Run(layout.name+"/"+q.name+"/"+s.name, func(b *testing.B) {
					for b.Loop() {
						countPath(b, q.build(s.qs))
					}
					b.ReportMetric(float64(want), "results")
				})
			}
		}
	}
}
