package eval_test

import (
	"context"
	"fmt"

	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/term"
)

func Example() {
	ds := eval.NewMemDataset()
	ex := func(s string) term.Term { return term.IRI("http://ex/" + s) }
	ds.Add(term.Quad{S: ex("lund"), P: ex("inRegion"), O: ex("skane")})
	ds.Add(term.Quad{S: ex("malmo"), P: ex("inRegion"), O: ex("skane")})
	ds.Add(term.Quad{S: ex("skane"), P: ex("name"), O: term.LangString("Skåne", "sv")})

	q, err := parse.Query(`PREFIX : <http://ex/>
		SELECT ?city ?name { ?city :inRegion ?r . ?r :name ?name } ORDER BY ?city`, parse.Options{})
	if err != nil {
		panic(err)
	}
	res, err := eval.Query(context.Background(), ds, q, eval.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Vars)
	for _, row := range res.Rows {
		fmt.Println(row[0], row[1])
	}
	// Output:
	// [city name]
	// <http://ex/lund> "Skåne"@sv
	// <http://ex/malmo> "Skåne"@sv
}

// A query's FROM and FROM NAMED clauses select graphs of a larger store;
// Restrict gives the evaluator that view.
func ExampleRestrict() {
	ds := eval.NewMemDataset()
	g1, g2 := term.IRI("http://ex/g1"), term.IRI("http://ex/g2")
	ds.Add(term.Quad{S: term.IRI("http://ex/a"), P: term.IRI("http://ex/p"), O: term.String("in g1"), G: g1})
	ds.Add(term.Quad{S: term.IRI("http://ex/a"), P: term.IRI("http://ex/p"), O: term.String("in g2"), G: g2})

	q, _ := parse.Query(`SELECT ?o FROM <http://ex/g2> { ?s ?p ?o }`, parse.Options{})
	view := eval.Restrict(ds, q.Dataset.Default, q.Dataset.Named)
	res, _ := eval.Query(context.Background(), view, q, eval.Options{})
	fmt.Println(res.Rows)
	// Output:
	// [["in g2"]]
}

func ExampleExplain() {
	q, _ := parse.Query(`PREFIX : <http://ex/>
		SELECT ?x { ?x :p ?y . ?y :q+ ?z FILTER(?z != :a) OPTIONAL { ?x :r ?w } }`, parse.Options{})
	plan, _ := eval.Explain(q)
	fmt.Print(plan)
	// Output:
	// project (?x)
	//   optional nested
	//     group (2 steps, 1 filter)
	//       triple ?x :p ?y
	//       path (path+ <http://ex/q>)
	//       filter on (?z) when bound
	//     group (1 step, 0 filters)
	//       triple ?x :r ?w
}
