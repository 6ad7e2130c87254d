package rdfio

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"kg/term"
)

// benchDoc builds an N-Triples document of n triples shaped like kg's
// data: IRIs with a shared namespace, a few predicates, plain, tagged and
// typed literals, and some blank nodes.
func benchDoc(n int) []byte {
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		s := i / 5
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "<http://example.org/kg/resource/%d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/kg/ontology#Region> .\n", s)
		case 1:
			fmt.Fprintf(&b, "<http://example.org/kg/resource/%d> <http://www.w3.org/2000/01/rdf-schema#label> \"Region nummer %d i Sverige\"@sv .\n", s, s)
		case 2:
			fmt.Fprintf(&b, "<http://example.org/kg/resource/%d> <http://example.org/kg/ontology#population> \"%d\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n", s, 1000+i)
		case 3:
			fmt.Fprintf(&b, "<http://example.org/kg/resource/%d> <http://example.org/kg/ontology#partOf> <http://example.org/kg/resource/%d> .\n", s, s/7)
		case 4:
			fmt.Fprintf(&b, "_:b%d <http://example.org/kg/ontology#mentions> <http://example.org/kg/resource/%d> .\n", s, s)
		}
	}
	return b.Bytes()
}

func BenchmarkParseNTriples(b *testing.B) {
	const n = 1_000_000
	doc := benchDoc(n)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		count := 0
		err := ParseNTriples(bytes.NewReader(doc), Options{}, func(term.Quad) error {
			count++
			return nil
		})
		if err != nil || count != n {
			b.Fatalf("parsed %d triples, err %v", count, err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}

func BenchmarkParseTurtle(b *testing.B) {
	const n = 200_000
	doc := benchDoc(n)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		count := 0
		err := ParseTurtle(bytes.NewReader(doc), Options{}, func(term.Quad) error {
			count++
			return nil
		})
		if err != nil || count != n {
			b.Fatalf("parsed %d triples, err %v", count, err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
}

// TestParsersStream checks that the streaming parsers emit triples before
// the input ends: the writer holds back the second line until the first
// triple has been seen, so a parser that read everything first would hang.
func TestParsersStream(t *testing.T) {
	for name, parse := range map[string]ParseFunc{"ntriples": ParseNTriples, "nquads": ParseNQuads, "turtle": ParseTurtle, "trig": ParseTriG} {
		pr, pw := io.Pipe()
		seen := make(chan struct{})
		go func() {
			io.WriteString(pw, "<http://ex.org/a> <http://ex.org/p> \"1\" .\n")
			<-seen
			io.WriteString(pw, "<http://ex.org/b> <http://ex.org/p> \"2\" .\n")
			pw.Close()
		}()
		n := 0
		err := parse(pr, Options{}, func(term.Quad) error {
			n++
			if n == 1 {
				close(seen)
			}
			return nil
		})
		if err != nil || n != 2 {
			t.Fatalf("%s: got %d triples, err %v", name, n, err)
		}
	}
}
