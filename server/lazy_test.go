package server

import (
	"bytes"
	"context"
	"net/http"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kg/catalog"
	"kg/export"
	"kg/store"
	"kg/store/storetest"
	"kg/summary"
	"kg/term"
)

// scanCounter counts the reads of the whole store. It hides the
// underlying store's Resident, so that queries read through Match.
type scanCounter struct {
	store.Store
	scans atomic.Int32
}

func (c *scanCounter) Match(ctx context.Context, p store.Pattern, fn func(term.Quad) bool) error {
	if p == (store.Pattern{}) {
		c.scans.Add(1)
	}
	return c.Store.Match(ctx, p, fn)
}

var testBuilt = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// freshServer returns a server over the test graph that shares nothing
// with the other tests' servers.
func freshServer(t *testing.T, st store.Store) *Server {
	t.Helper()
	pub := testPublishing
	pub.Built = testBuilt // not now: the answers of two servers are compared
	s, err := New(context.Background(), st, Options{Base: testBase, Seeds: "../seeds", Publishing: pub})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// TestQueriesDoNotWaitForTheGraph checks that New and a query read no
// more than the query needs, and that the pages read the graph once.
func TestQueriesDoNotWaitForTheGraph(t *testing.T) {
	base, _ := testStore(t)
	st := &scanCounter{Store: base.Store}
	s := freshServer(t, st)
	if w := do(t, s, sparqlGET(countyQuery, nil, "application/sparql-results+json")); w.Code != http.StatusOK {
		t.Fatalf("query: %d %s", w.Code, w.Body)
	}
	if n := st.scans.Load(); n != 0 {
		t.Fatalf("New and a query read the whole store %d times, want 0", n)
	}
	for _, target := range []string{"/", "/browse", "/search?q=region", "/id/region-skane", "/.well-known/void", "/regions"} {
		if w := do(t, s, get(target, "")); w.Code != http.StatusOK {
			t.Fatalf("%s: %d", target, w.Code)
		}
	}
	if n := st.scans.Load(); n != 1 {
		t.Errorf("the pages read the whole store %d times, want 1", n)
	}
}

// embeddedStore stores the test graph in a new embedded store, whose
// index the server reads instead of every quad.
func embeddedStore(t *testing.T) store.Store {
	t.Helper()
	_, quads := testStore(t)
	st := storetest.With(t, "", quads)
	if _, ok := st.(store.Indexed); !ok {
		t.Fatal("the embedded store has no index")
	}
	return st
}

// TestGraphDataAsBefore compares what the server derives from the graph,
// in a memory store and from an embedded store's index, with the eager
// computations over every quad: the summary, the VoID counts, the dataset
// with its sources, and the VoID document as kg export --format=void
// writes it; and the two servers' data with each other.
func TestGraphDataAsBefore(t *testing.T) {
	mem, _ := testStore(t)
	emb := embeddedStore(t)
	a := checkGraphData(t, mem.Store)
	b := checkGraphData(t, emb)
	a.s, b.s = nil, nil
	if !reflect.DeepEqual(a, b) {
		t.Errorf("the data read from the index differs from that read from every quad")
		for name, eq := range map[string]bool{
			"labels": reflect.DeepEqual(a.labels, b.labels), "types": reflect.DeepEqual(a.types, b.types),
			"members": reflect.DeepEqual(a.members, b.members), "passages": reflect.DeepEqual(a.passages, b.passages),
			"search": reflect.DeepEqual(a.search, b.search), "visuals": reflect.DeepEqual(a.visuals, b.visuals),
		} {
			if !eq {
				t.Errorf("%s differ", name)
			}
		}
	}
}

// checkGraphData compares the data of a new server over st with the
// eager computations and returns a copy of it.
func checkGraphData(t *testing.T, st store.Store) graphData {
	t.Helper()
	s := freshServer(t, st)
	s.Warm()
	g := s.data()
	ctx := context.Background()
	quads, err := store.All(ctx, st, store.Pattern{}, term.CompareTriplesFirst)
	if err != nil {
		t.Fatal(err)
	}
	if want := summary.Of(quads, testBase); !reflect.DeepEqual(g.sum, want) {
		t.Errorf("summary:\n got %+v\nwant %+v", g.sum, want)
	}
	pub := testPublishing
	pub.Built = testBuilt
	d, err := catalog.Load("../seeds", testBase, pub, quads)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g.dataset, d) {
		t.Errorf("dataset:\n got %+v\nwant %+v", g.dataset, d)
	}
	c := catalog.NewCounter(testBase)
	for _, q := range quads {
		c.Add(q)
	}
	if want := c.Stats(); !reflect.DeepEqual(g.stats, want) {
		t.Errorf("stats:\n got %+v\nwant %+v", g.stats, want)
	}
	if void := exportAs(t, "void", s, d, quads); !bytes.Equal(g.voidTTL, void) {
		t.Errorf("VoID differs from kg export --format=void:\n got %s\nwant %s", g.voidTTL, void)
	}
	rec, err := s.record()
	if err != nil {
		t.Fatal(err)
	}
	rd := d // with the dumps' sizes and checksums
	rd.Dumps = slices.Clone(d.Dumps)
	err = export.DescribeDumps(&rd, func(format string) (export.Dump, error) {
		dd, err := s.dumpOf(format)
		if err != nil {
			return export.Dump{}, err
		}
		return export.Dump{Body: dd.body, Gzip: dd.gz}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if dcat := exportAs(t, "dcat", s, rd, quads); !bytes.Equal(rec.xml, dcat) {
		t.Errorf("DCAT differs from kg export --format=dcat:\n got %s\nwant %s", rec.xml, dcat)
	}
	want := append(catalog.DCAT(d, c.Stats()), catalog.VoID(d, c.Stats())...)
	want = append(want, s.serviceDescription(c.Stats().Triples)...)
	slices.SortFunc(want, term.CompareTriplesFirst)
	if want = slices.Compact(want); !slices.Equal(g.describe, want) {
		t.Errorf("descriptions: got %d quads, want %d", len(g.describe), len(want))
	}
	return *g
}

// exportAs writes quads in the void or dcat export format, which count
// the quads they are given and describe d.
func exportAs(t *testing.T, format string, s *Server, d catalog.Dataset, quads []term.Quad) []byte {
	t.Helper()
	f, _ := export.ByName(format)
	var b bytes.Buffer
	enc := f.New(&b, export.Options{Prefixes: s.prefix, Base: testBase, Catalog: &d})
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestConcurrentFirstRequests sends the first requests of a new server
// all at once: they share one reading of the graph, and each answer is
// the same as from a server whose graph was read before. Run with -race.
func TestConcurrentFirstRequests(t *testing.T) {
	base, _ := testStore(t)
	reqs := []req{
		get("/", "text/html"), get("/", "text/turtle"), get("/browse", ""), get("/search?q=region", "application/json"),
		get("/id/region-skane", "text/html"), get("/id/region-skane", "text/turtle"), get("/regions", ""), get("/mandates", ""),
		get("/.well-known/void", ""), get("/sparql", "text/turtle"), get("/ontology", ""),
		sparqlGET(countyQuery, nil, "text/csv"),
		sparqlGET(countyQuery, nil, "text/html"), // last: the page tells the time taken
	}
	warm := freshServer(t, base.Store)
	want := make([]string, len(reqs))
	for i, r := range reqs {
		w := do(t, warm, r)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: %d", r.target, w.Code)
		}
		want[i] = w.Body.String()
	}
	st := &scanCounter{Store: base.Store}
	s := freshServer(t, st)
	var wg sync.WaitGroup
	for g := range 4 {
		for i, r := range reqs {
			wg.Go(func() {
				w := do(t, s, r)
				if w.Code != http.StatusOK || w.Body.String() != want[i] && i < len(reqs)-1 {
					t.Errorf("goroutine %d, %s (%s): status %d, body differs from the warm server's", g, r.target, r.header["Accept"], w.Code)
				}
			})
		}
	}
	wg.Wait()
	if n := st.scans.Load(); n != 1 {
		t.Errorf("the whole store was read %d times, want once", n)
	}
}
