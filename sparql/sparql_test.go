package sparql

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"kg/ingest"
	"kg/ontology"
	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/store"
	"kg/term"
)

// lookupOnly hides store.Resident so that queries go through pattern
// lookups, as they do on PostgreSQL.
type lookupOnly struct{ store.Store }

func query(t *testing.T, ds eval.Dataset, text string) *eval.Result {
	t.Helper()
	q, err := parse.Query(text, parse.Options{Base: "http://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := eval.Query(context.Background(), ds, q, eval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestLexicalFormsSurviveEveryStore(t *testing.T) {
	ctx := context.Background()
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	quads := []term.Quad{
		{S: ex("a"), P: ex("n"), O: term.Literal("01", term.XSDInteger)},
		{S: ex("b"), P: ex("n"), O: term.Literal("1", term.XSDInteger)},
		{S: ex("c"), P: ex("n"), O: term.Literal("1.0", term.XSDDecimal)},
		{S: ex("d"), P: ex("n"), O: term.Literal("1E0", term.XSDDouble)},
		{S: ex("e"), P: ex("n"), O: term.LangString("Region Skåne", "sv"), G: ex("g")},
	}
	locations := map[string]string{
		"memory":   "memory",
		"embedded": filepath.Join(t.TempDir(), "kg"),
		"bolt":     "bolt:" + filepath.Join(t.TempDir(), "kg"),
	}
	if u := os.Getenv("KG_TEST_POSTGRES"); u != "" {
		locations["postgres"] = ownSchema(t, u, "kg_sparql_store")
	}
	for name, loc := range locations {
		st, err := store.Open(ctx, loc, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Replace(ctx, quads); err != nil {
			t.Fatal(err)
		}
		indexed, err := FromStore(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		for view, ds := range map[string]eval.Dataset{"index": indexed, "lookups": &storeDataset{lookupOnly{st}}} {
			res := query(t, ds, `SELECT ?s ?o WHERE { ?s <http://example.org/n> ?o } ORDER BY ?s`)
			var got []term.Term
			for _, r := range res.Rows {
				got = append(got, r[1])
			}
			var want []term.Term
			for _, q := range quads {
				want = append(want, q.O)
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s/%s: got %v, want %v", name, view, got, want)
			}
			// Value equality sees through the lexical form; sameTerm does not.
			if n := len(query(t, ds, `SELECT ?s WHERE { ?s <http://example.org/n> ?o FILTER(?o = 1) }`).Rows); n != 4 {
				t.Errorf("%s/%s: %d values equal to 1, want 4", name, view, n)
			}
			if n := len(query(t, ds, `SELECT ?s WHERE { ?s <http://example.org/n> ?o FILTER(sameTerm(?o, 1)) }`).Rows); n != 1 {
				t.Errorf("%s/%s: %d terms identical to 1, want 1", name, view, n)
			}
			if n := len(query(t, ds, `SELECT ?s WHERE { GRAPH <http://example.org/g> { ?s ?p "Region Skåne"@sv } }`).Rows); n != 1 {
				t.Errorf("%s/%s: language-tagged literal not found in its graph", name, view)
			}
		}
		st.Close()
	}
}

func TestQueriesOverTheReportGraph(t *testing.T) {
	ctx := context.Background()
	base := "https://w3id.org/regionalkg/"
	res, err := ingest.Build(ctx, []string{"../seeds"}, ingest.Options{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, "memory", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Replace(ctx, res.Quads); err != nil {
		t.Fatal(err)
	}
	ds, err := FromStore(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	prefix := "PREFIX kgo: <" + ontology.NS + ">\nPREFIX owl: <http://www.w3.org/2002/07/owl#>\n" +
		"PREFIX prov: <http://www.w3.org/ns/prov#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
	count := func(q string) int { return len(query(t, ds, prefix+q).Rows) }

	if n := count(`SELECT ?r ?nuts ?wd WHERE { ?r a kgo:Region ; kgo:servesCounty ?c . ?c kgo:nutsCode ?nuts ; owl:sameAs ?wd }`); n != 21 {
		t.Errorf("regions with a county carrying NUTS and Wikidata: %d, want 21", n)
	}
	// Every relation between entities can say where it is stated.
	unsourced := count(`SELECT ?s ?p ?o WHERE {
		?s ?p ?o . ?s a ?c1 . ?o a ?c2 .
		FILTER(STRSTARTS(STR(?s), "` + base + `id/") && STRSTARTS(STR(?o), "` + base + `id/"))
		FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }
	}`)
	if unsourced != 0 {
		t.Errorf("%d relations without a source graph", unsourced)
	}
	quotes := query(t, ds, prefix+`SELECT ?page ?quote WHERE {
		GRAPH ?g { ?r kgo:responsibleFor ?i } ?g kgo:page ?page ; kgo:quote ?quote } LIMIT 5`)
	if len(quotes.Rows) == 0 {
		t.Fatal("no quote for any responsibleFor relation")
	}
	for _, r := range quotes.Rows {
		if r[1].Lang != "sv" || r[1].Value == "" || r[0].Datatype != term.XSDInteger {
			t.Errorf("provenance row %v: want an integer page and a Swedish quote", r)
		}
	}
	// The default graph is the union: a triple stated in two passages is one triple.
	n1 := count(`SELECT ?s ?p ?o WHERE { ?s ?p ?o }`)
	n2 := count(`SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }`)
	if n1 != n2 {
		t.Errorf("default graph repeats triples: %d solutions, %d distinct", n1, n2)
	}
	if n := count(`SELECT ?law WHERE { ?law a ?c ; kgo:sfsNumber ?sfs . VALUES ?c { kgo:Act kgo:Ordinance } }`); n < 5 {
		t.Errorf("only %d laws with SFS numbers", n)
	}
	if n := count(`SELECT ?l WHERE { ?x kgo:sfsAsPrinted ?l }`); n < 1 {
		t.Error("the report's misprinted SFS number is not recorded")
	}
}
