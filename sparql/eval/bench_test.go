package eval

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"kg/sparql/algebra"
	"kg/sparql/parse"
	"kg/term"
)

// genDataset makes a university-like graph: n people, each in one of n/50
// groups, knowing three others, with an age.
func genDataset(n int) *MemDataset {
	m := NewMemDataset()
	iri := func(kind string, i int) term.Term { return term.IRI("http://ex/" + kind + strconv.Itoa(i)) }
	typ, person, group := term.IRI(term.RDFType), term.IRI("http://ex/Person"), term.IRI("http://ex/Group")
	member, knows, age := term.IRI("http://ex/member"), term.IRI("http://ex/knows"), term.IRI("http://ex/age")
	for g := 0; g < n/50; g++ {
		m.Add(term.Quad{S: iri("g", g), P: typ, O: group})
	}
	for i := 0; i < n; i++ {
		p := iri("p", i)
		m.Add(term.Quad{S: p, P: typ, O: person})
		m.Add(term.Quad{S: p, P: member, O: iri("g", i%(n/50))})
		m.Add(term.Quad{S: p, P: age, O: term.Literal(strconv.Itoa(18+i%60), term.XSDInteger)})
		for k := 1; k <= 3; k++ {
			m.Add(term.Quad{S: p, P: knows, O: iri("p", (i*7+k*13)%n)})
		}
	}
	m.Len()
	return m
}

var benchQueries = []struct{ name, query string }{
	{"star", `SELECT * { ?p a :Person ; :member :g3 ; :age ?a }`},
	{"chain", `SELECT ?a ?c { ?a :member :g1 . ?a :knows ?b . ?b :knows ?c . ?c :member ?g }`},
	{"triangle", `SELECT * { ?a :knows ?b . ?b :knows ?c . ?c :knows ?a }`},
	{"filter", `SELECT ?p { ?p :age ?a ; :member ?g . ?g a :Group FILTER(?a > 70) }`},
	{"count", `SELECT ?g (COUNT(?p) AS ?n) { ?p :member ?g } GROUP BY ?g ORDER BY DESC(?n) LIMIT 5`},
	{"optional", `SELECT * { ?p :member :g2 OPTIONAL { ?p :knows ?q . ?q :member :g2 } }`},
	{"path", `SELECT (COUNT(*) AS ?n) { :p1 :knows+ ?x }`},
}

var (
	benchOnce sync.Once
	benchData *MemDataset
)

// BenchmarkQuery measures the evaluator's hot paths (index lookups, joins,
// filters, grouping, paths) over a generated 100k-triple dataset.
func BenchmarkQuery(b *testing.B) {
	benchOnce.Do(func() { benchData = genDataset(16000) })
	for _, bq := range benchQueries {
		q, err := parse.Query("PREFIX : <http://ex/>\n"+bq.query, parse.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(bq.name, func(b *testing.B) {
			benchRun(b, benchData, q)
		})
	}
}

func benchRun(b *testing.B, ds Dataset, q *algebra.Query) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		r, err := Query(context.Background(), ds, q, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n = len(r.Rows)
	}
	b.ReportMetric(float64(n), "rows")
}

// BenchmarkLUBM runs the LUBM queries over the vendored LUBM(1,0).
func BenchmarkLUBM(b *testing.B) {
	dir := benchDir(b)
	ds := loadNTGz(b, filepath.Join(dir, "lubm1.nt.gz"))
	files, _ := filepath.Glob(filepath.Join(dir, "queries", "*", "*.rq"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		q, err := parse.Query(string(src), parse.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(f), ".rq")[:3], func(b *testing.B) {
			benchRun(b, ds, q)
		})
	}
}
