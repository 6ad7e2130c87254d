package server

import (
	"net/http"
	"sync"
	"testing"
)

// TestConcurrent sends a mix of requests from many goroutines at once;
// run with -race it checks the shared caches and indexes.
func TestConcurrent(t *testing.T) {
	s := testServer(t, Options{MaxResults: 50})
	reqs := []req{
		get("/id/region-skane", "text/html"), get("/id/region-skane", "text/turtle"), get("/id/skane-lan", "application/ld+json"),
		get("/dump/kg.nt", ""), get("/dump/kg.ttl.gz", ""), get("/search?q=region", ""), get("/", ""), get("/ontology", ""),
		sparqlGET(countyQuery, nil, ""), sparqlGET("SELECT * WHERE { ?s ?p ?o }", nil, "text/csv"),
		sparqlForm("CONSTRUCT WHERE { ?s a ?c }", nil, "application/n-triples"),
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64*len(reqs))
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := range 4 * len(reqs) {
				r := reqs[(i+g)%len(reqs)]
				if w := do(t, s, r); w.Code != http.StatusOK {
					errs <- r.target
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("failed: %s", e)
	}
}
