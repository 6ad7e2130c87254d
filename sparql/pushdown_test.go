package sparql

import (
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kg/internal/testenv"
	"kg/rdfio"
	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/store/storetest"
	"kg/term"
)

// lubmQuads reads the vendored LUBM(1) into the default graph and states
// its graduate students' types a second time in a named graph, so that
// the union default graph must read those triples once.
func lubmQuads(t *testing.T) []term.Quad {
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
	grad := term.IRI("http://www.lehigh.edu/~zhp2/2004/0401/univ-bench.owl#GraduateStudent")
	g := term.IRI("http://example.org/copy")
	err = rdfio.ParseNTriples(z, rdfio.Options{File: "lubm1.nt.gz"}, func(q term.Quad) error {
		quads = append(quads, q)
		if q.O == grad {
			quads = append(quads, q.Triple().InGraph(g))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return quads
}

// canonical prints a result as sorted lines, so that results equal as
// multisets (of rows, or sets of triples) print the same.
func canonical(res *eval.Result) string {
	var lines []string
	for _, r := range res.Rows {
		var cells []string
		for _, v := range r {
			cells = append(cells, v.String())
		}
		lines = append(lines, strings.Join(cells, " "))
	}
	for _, tr := range res.Triples {
		lines = append(lines, tr.S.String()+" "+tr.P.String()+" "+tr.O.String())
	}
	slices.Sort(lines)
	if len(res.Triples) > 0 {
		lines = slices.Compact(lines)
	}
	return fmt.Sprintf("%v %d\n", res.Bool, len(lines)) + strings.Join(lines, "\n")
}

// On PostgreSQL (KG_TEST_POSTGRES), where join groups go to the database
// as SQL, the 24 LUBM queries and a few more shapes (a named graph, a
// closure reached from values already bound, inverse sequences) answer exactly as the
// embedded store's in-memory index does.
func TestPushdownAnswersAsEmbedded(t *testing.T) {
	u := os.Getenv("KG_TEST_POSTGRES")
	if u == "" {
		t.Skip("KG_TEST_POSTGRES is unset: PostgreSQL joins are not tested here (.ci/run sets it)")
	}
	if testing.Short() {
		t.Skip("short")
	}
	ctx := context.Background()
	u = ownSchema(t, u, "kg_pushdown")
	quads := lubmQuads(t)
	open := func(loc string) eval.Dataset { return storeWith(t, loc, quads) }
	emb, pg := open(filepath.Join(t.TempDir(), "kg")), open(u)
	if _, ok := pg.(eval.Joiner); !ok {
		t.Fatalf("the PostgreSQL dataset %T does not evaluate joins", pg)
	}
	dir, _ := testenv.Data("bench")
	files, _ := filepath.Glob(filepath.Join(dir, "queries", "*", "*.rq"))
	if len(files) != 24 {
		t.Fatalf("%d LUBM queries, want 24", len(files))
	}
	texts := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(f)] = string(b)
	}
	const ub = "PREFIX ub: <http://www.lehigh.edu/~zhp2/2004/0401/univ-bench.owl#> "
	texts["graph"] = ub + `SELECT ?x ?c WHERE { GRAPH <http://example.org/copy> { ?x a ub:GraduateStudent } ?x ub:takesCourse ?c }`
	texts["seeded-closure"] = ub + `SELECT ?x ?y WHERE { ?x ub:subOrganizationOf+ ?y . ?y a ub:University }`
	texts["inverse-sequence"] = ub + `SELECT ?c ?p WHERE { ?c ^ub:takesCourse/ub:advisor ?p . ?p a ub:FullProfessor }`
	texts["mixed-alternative"] = ub + `SELECT ?x WHERE { <http://www.Department0.University0.edu> ^ub:memberOf|^ub:worksFor ?x }`
	texts["seeded"] = ub + `SELECT ?x ?n WHERE { ?x a ub:Lecturer OPTIONAL { ?x ub:name ?n FILTER(STRENDS(?n, "1")) } }`
	for name, text := range texts {
		q, err := parse.Query(text, parse.Options{Base: "http://example.org/"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got [2]string
		for i, ds := range []eval.Dataset{emb, pg} {
			res, err := eval.Query(ctx, ds, q, eval.Options{})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got[i] = canonical(res)
		}
		if got[0] != got[1] {
			t.Errorf("%s: PostgreSQL answers differ from the embedded store's:\n%.300s\n---\n%.300s", name, got[1], got[0])
		}
	}
}

// ownSchema returns the URL of a schema of its own in the test database,
// so that other packages' tests, run at the same time, write elsewhere.
func ownSchema(t *testing.T, u, schema string) string {
	db, err := sql.Open("postgres", u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE SCHEMA IF NOT EXISTS " + schema); err != nil {
		t.Fatal(err)
	}
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	q := p.Query()
	q.Set("search_path", schema)
	p.RawQuery = q.Encode()
	return p.String()
}

// storeWith opens the store at loc (closed when the test ends), replaces
// its content with quads and returns it as a dataset.
func storeWith(t *testing.T, loc string, quads []term.Quad) eval.Dataset {
	t.Helper()
	ds, err := FromStore(context.Background(), storetest.With(t, loc, quads))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}
