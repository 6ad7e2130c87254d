package export

import (
	"math/rand/v2"
	"os/exec"
	"strings"
	"testing"

	"kg/rdfio"
	"kg/term"
)

// randomQuads draws quads from pieces that stress escaping and
// abbreviation: quotes, backslashes, line breaks, characters beyond the
// BMP, local names that are and are not valid PN_LOCALs, all the Turtle
// shorthand datatypes with valid and invalid lexical forms.
func randomQuads(r *rand.Rand, n int) []term.Quad {
	pieces := []string{"a", "Å", "ö", "1", "0", ".", "-", "_", "\"", "'", "\\", "\n", "\r", "\t", " ", "😀", "<", ">", "&", "]]>", "\"\"\"", "é", "#", "%", "e", "E", "+"}
	str := func(max int) string {
		var b strings.Builder
		for i := r.IntN(max); i >= 0; i-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	locals := []string{"a", "a.b", "2020", "x-y", "Malmö", "_u", "a%20b", "a(b)", "a.", "-a", "", "ns#x", "p", "q"}
	nss := []string{"https://w3id.org/regionalkg/ontology#", "https://w3id.org/regionalkg/id/", "http://example.org/v/", "urn:x:"}
	iri := func() term.Term { return term.IRI(nss[r.IntN(len(nss))] + locals[r.IntN(len(locals))]) }
	pred := func() term.Term {
		// Predicates end in an XML name so that RDF/XML can write them.
		return term.IRI(nss[r.IntN(len(nss))] + []string{"p", "q", "Malmö", "a.b", "x-y"}[r.IntN(5)])
	}
	blank := func() term.Term { return term.Blank([]string{"b1", "b2", "x.y", "u_1"}[r.IntN(4)]) }
	dts := []string{term.XSDInteger, term.XSDDecimal, term.XSDDouble, term.XSDBoolean, term.XSDString, term.XSDDate, "http://example.org/dt"}
	nums := []string{"1", "01", "-1", "1.0", ".5", "1.", "1e0", "1E-2", "true", "false", "abc", "", " 1"}
	var qs []term.Quad
	for len(qs) < n {
		q := term.Quad{P: pred()}
		if r.IntN(4) == 0 {
			q.S = blank()
		} else {
			q.S = iri()
		}
		switch r.IntN(5) {
		case 0:
			q.O = iri()
		case 1:
			q.O = blank()
		case 2:
			q.O = term.LangString(str(6), []string{"sv", "en", "sv-SE", "en-GB-x-kg"}[r.IntN(4)])
		case 3:
			q.O = term.Literal(nums[r.IntN(len(nums))], dts[r.IntN(len(dts))])
		default:
			q.O = term.String(str(10))
		}
		switch r.IntN(3) {
		case 1:
			q.G = iri()
		case 2:
			q.G = term.IRI("https://w3id.org/regionalkg/graph/g")
		}
		// What is not well-formed RDF (an IRI with a second '#') can
		// never be stored, so it is never written either.
		if q.Check() != nil {
			continue
		}
		qs = append(qs, q)
	}
	return qs
}

func TestRandomRoundTrip(t *testing.T) {
	rapper, _ := exec.LookPath("rapper")
	if rapper == "" {
		t.Log("*** rapper NOT INSTALLED: random datasets are checked with rdfio only ***")
	}
	for seed := uint64(1); seed <= 20; seed++ {
		data := randomQuads(rand.New(rand.NewPCG(seed, 7)), 60)
		for _, f := range serialFormats(t) {
			out := encode(t, f, testOptions(), data)
			got := parse(t, f.Name, out)
			if want := expectedFor(f, data); !rdfio.Isomorphic(got, want) {
				t.Fatalf("seed %d, %s: read back a different graph:\n%s\noutput:\n%s", seed, f.Name, diffQuads(want, dedup(got)), out)
			}
			if syn, ok := rapperSyntax[f.Name]; ok && rapper != "" {
				got := parse(t, "nq", runRapper(t, rapper, syn.in, syn.out, out))
				if want := expectedFor(f, data); !rdfio.Isomorphic(got, want) {
					t.Fatalf("seed %d, %s: rapper reads a different graph:\n%s\noutput:\n%s", seed, f.Name, diffQuads(want, dedup(got)), out)
				}
			}
		}
	}
}
