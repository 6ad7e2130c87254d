package rdfio

import (
	"fmt"
	"strings"
	"testing"
)

func TestIsomorphic(t *testing.T) {
	ring := func(prefix string, sizes ...int) string {
		var b strings.Builder
		for r, n := range sizes {
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, "_:%s%d_%d <http://e/next> _:%s%d_%d .\n", prefix, r, i, prefix, r, (i+1)%n)
			}
		}
		return b.String()
	}
	cases := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical ground", "<http://e/a> <http://e/p> \"x\" .", "<http://e/a> <http://e/p> \"x\" .", true},
		{"different literal", "<http://e/a> <http://e/p> \"x\" .", "<http://e/a> <http://e/p> \"y\" .", false},
		{"lexical form matters", `<http://e/a> <http://e/p> "01"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
			`<http://e/a> <http://e/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`, false},
		{"renamed blanks", "_:a <http://e/p> _:b .\n_:b <http://e/q> \"v\" .", "_:x <http://e/p> _:y .\n_:y <http://e/q> \"v\" .", true},
		{"blank vs IRI", "_:a <http://e/p> \"v\" .", "<http://e/a> <http://e/p> \"v\" .", false},
		{"merged blanks", "_:a <http://e/p> \"1\" .\n_:b <http://e/p> \"2\" .", "_:a <http://e/p> \"1\" .\n_:a <http://e/p> \"2\" .", false},
		{"duplicates ignored", "_:a <http://e/p> \"1\" .\n_:a <http://e/p> \"1\" .", "_:z <http://e/p> \"1\" .", true},
		{"graph names", "_:a <http://e/p> \"1\" _:g .", "_:b <http://e/p> \"1\" _:h .", true},
		{"graph vs default", "_:a <http://e/p> \"1\" _:g .", "_:b <http://e/p> \"1\" .", false},
		// Colour refinement alone cannot tell these apart: every node has
		// one incoming and one outgoing edge.
		{"two triangles vs hexagon", ring("a", 3, 3), ring("b", 6), false},
		{"two triangles vs two triangles", ring("a", 3, 3), ring("b", 3, 3), true},
		{"cycles of 4 and 5", ring("a", 4, 5), ring("b", 5, 4), true},
		{"empty", "", "", true},
	}
	for _, c := range cases {
		a, b := nquads(t, c.a), nquads(t, c.b)
		if got := Isomorphic(a, b); got != c.want {
			t.Errorf("%s: Isomorphic = %v, want %v", c.name, got, c.want)
		}
		if got := Isomorphic(b, a); got != c.want {
			t.Errorf("%s (swapped): Isomorphic = %v, want %v", c.name, got, c.want)
		}
	}
}
