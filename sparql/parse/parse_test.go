package parse

import (
	"errors"
	"strings"
	"testing"

	"kg/sparql/algebra"
)

func TestAlgebra(t *testing.T) {
	const pre = "PREFIX : <http://ex/>\n"
	cases := []struct {
		name, query, want string
	}{
		{"bgp", "SELECT * { ?s :p ?o }",
			`(project (?s ?o) (bgp (triple ?s <http://ex/p> ?o)))`},
		{"filter over group", "SELECT ?s { ?s :p ?o FILTER(?o > 1) ?s :q 2 }",
			`(project (?s) (filter (> ?o "1"^^<http://www.w3.org/2001/XMLSchema#integer>) (bgp (triple ?s <http://ex/p> ?o) (triple ?s <http://ex/q> "2"^^<http://www.w3.org/2001/XMLSchema#integer>))))`},
		{"optional with filter", "SELECT * { ?s :p ?o OPTIONAL { ?s :q ?x FILTER(?x != ?o) } }",
			`(project (?s ?o ?x) (leftjoin (bgp (triple ?s <http://ex/p> ?o)) (bgp (triple ?s <http://ex/q> ?x)) (!= ?x ?o)))`},
		{"union minus", "SELECT * { { ?s :p ?o } UNION { ?s :q ?o } MINUS { ?s :r ?o } }",
			`(project (?s ?o) (minus (union (bgp (triple ?s <http://ex/p> ?o)) (bgp (triple ?s <http://ex/q> ?o))) (bgp (triple ?s <http://ex/r> ?o))))`},
		{"bind and values", "SELECT * { ?s :p ?o BIND(?o + 1 AS ?n) VALUES ?o { 1 UNDEF } }",
			`(project (?s ?o ?n) (join (extend (?n (+ ?o "1"^^<http://www.w3.org/2001/XMLSchema#integer>)) (bgp (triple ?s <http://ex/p> ?o))) (table (?o) (row (?o "1"^^<http://www.w3.org/2001/XMLSchema#integer>)) (row))))`},
		{"sequence path", "SELECT * { ?s :p/^:q ?o }",
			`(project (?s ?o) (bgp (triple ?s <http://ex/p> ?_:!p1) (triple ?o <http://ex/q> ?_:!p1)))`},
		{"closure path", "ASK { ?s (:p|!(:q|^:r))* ?o }",
			`(path ?s (path* (alt <http://ex/p> (notoneof <http://ex/q> (reverse <http://ex/r>)))) ?o)`},
		{"aggregate", "SELECT ?s (COUNT(DISTINCT ?o) AS ?n) { ?s :p ?o } GROUP BY ?s HAVING (COUNT(DISTINCT ?o) > 1) ORDER BY DESC(?n) LIMIT 5",
			`(slice 0 5 (project (?s ?n) (order ((desc ?n)) (extend (?n ?_:!agg1) (filter (> ?_:!agg1 "1"^^<http://www.w3.org/2001/XMLSchema#integer>) (group (?s) ((?_:!agg1 (count distinct ?o))) (bgp (triple ?s <http://ex/p> ?o))))))))`},
		{"negative number is subtraction", "SELECT (?a -1 AS ?b) {}",
			`(project (?b) (extend (?b (- ?a "1"^^<http://www.w3.org/2001/XMLSchema#integer>)) (bgp)))`},
		{"collection", "ASK { :s :p (1) }",
			`(bgp (triple ?_:!a1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer>) (triple ?_:!a1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil>) (triple <http://ex/s> <http://ex/p> ?_:!a1))`},
		{"graph and exists", "SELECT * { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s a :T } }",
			`(project (?g ?s ?p ?o) (filter (notexists (bgp (triple ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/T>))) (graph ?g (bgp (triple ?s ?p ?o)))))`},
		{"subquery", "SELECT ?s { { SELECT ?s { ?s ?p ?o } LIMIT 1 } }",
			`(project (?s) (slice 0 1 (project (?s) (bgp (triple ?s ?p ?o)))))`},
		{"relative IRI", "BASE <http://ex/a/b> SELECT * { <../c> ?p ?o }",
			`(project (?p ?o) (bgp (triple <http://ex/c> ?p ?o)))`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, err := Query(pre+c.query, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(strings.Fields(algebra.Format(q.Pattern)), " ")
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestForms(t *testing.T) {
	q, err := Query("PREFIX : <http://ex/> CONSTRUCT { ?s :q [ :r ?o ] } FROM <http://g1> FROM NAMED <http://g2> WHERE { ?s :p ?o }", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if q.Form != algebra.Construct || len(q.Template) != 2 || !q.Template[1].O.Term.IsBlank() {
		t.Errorf("template: %v", q.Template)
	}
	if q.Dataset == nil || len(q.Dataset.Default) != 1 || q.Dataset.Named[0].Value != "http://g2" {
		t.Errorf("dataset: %+v", q.Dataset)
	}
	q, err = Query("PREFIX : <http://ex/> CONSTRUCT WHERE { ?s :p _:b }", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Template) != 1 || !q.Template[0].O.Term.IsBlank() {
		t.Errorf("short form template: %v", q.Template)
	}
	q, err = Query("DESCRIBE <http://ex/a> ?x WHERE { ?x ?p ?o }", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if q.Form != algebra.Describe || len(q.Describe) != 2 {
		t.Errorf("describe: %v", q.Describe)
	}
	q, err = Query("SELECT * WHERE { ?s ?p ?o } VALUES ?s { <http://ex/a> }", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(q.Vars, ",") != "s,p,o" {
		t.Errorf("vars: %v", q.Vars)
	}
	// SELECT * lists variables in the order the text first names them.
	q, err = Query("PREFIX : <http://ex/> SELECT * { ?s :knows+ ?o . ?o :name ?n }", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(q.Vars, ",") != "s,o,n" {
		t.Errorf("vars: %v", q.Vars)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		query, want string
	}{
		{"SELECT * { ?s foo:p ?o }", `1:15: unknown prefix "foo:"`},
		{"SELECT *\n{ ?s ?p }", "2:9: expected an RDF term, found '}'"},
		{"SELECT ?x { ?s ?p ?o } GROUP BY ?s", "1:8: variable ?x is neither grouped nor aggregated"},
		{"SELECT * { ?s ?p ?o BIND(1 AS ?o) }", "1:31: BIND variable ?o is already in scope"},
		{"SELECT * { VALUES (?a ?b) { (1) } }", "1:29: VALUES row has 1 values for 2 variables"},
		{"SELECT * { ?s ?p \"a\\qb\" }", "1:20: bad escape sequence in string"},
		{"SELECT (1 AS ?x) (2 AS ?x) {}", "1:24: variable ?x is projected twice"},
		{"SELECT * { _:a ?p ?o OPTIONAL { _:a ?q ?r } }", "1:33: blank node _:a is used in two basic graph patterns"},
		{"SELECT * { ?s ?p ?o } LIMIT x", "1:29: expected an integer, found 'x'"},
		{"SELECT * { FILTER(COUNT(?x) > 1) }", "1:19: aggregate COUNT is not allowed here"},
	}
	for _, c := range cases {
		_, err := Query(c.query, Options{})
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("%q: got %v, want an *Error", c.query, err)
			continue
		}
		if err.Error() != c.want {
			t.Errorf("%q:\ngot  %s\nwant %s", c.query, err, c.want)
		}
	}
}
