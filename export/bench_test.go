package export

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"testing"

	"kg/term"
)

// synthetic builds a dataset shaped like kg's: typed entities with
// Swedish and English labels, links between them and numbered passages,
// spread over a few graphs.
func synthetic(n int) []term.Quad {
	const kgo = "https://w3id.org/regionalkg/ontology#"
	r := rand.New(rand.NewPCG(1, 2))
	classes := []string{"Region", "Municipality", "GovernmentAgency", "Law", "Strategy", "Fund"}
	props := []string{"responsibleFor", "participatesIn", "finances", "partOf", "memberOf"}
	graphs := []term.Term{{}, term.IRI(testBase + "graph/report"), term.IRI(testBase + "graph/seeds")}
	var qs []term.Quad
	for i := 0; len(qs) < n; i++ {
		s := term.IRI(fmt.Sprintf("%sid/entity/e%d", testBase, i))
		g := graphs[i%len(graphs)]
		add := func(p string, o term.Term) { qs = append(qs, term.Quad{S: s, P: term.IRI(p), O: o, G: g}) }
		add(term.RDFType, term.IRI(kgo+classes[r.IntN(len(classes))]))
		add("http://www.w3.org/2000/01/rdf-schema#label", term.LangString(fmt.Sprintf("Enhet nr %d i Västra Götaland", i), "sv"))
		add("http://www.w3.org/2000/01/rdf-schema#label", term.LangString(fmt.Sprintf("Entity no. %d", i), "en"))
		add(kgo+"page", term.Literal(fmt.Sprint(r.IntN(300)), term.XSDInteger))
		add(kgo+"quote", term.LangString("Regionen ska \"samordna\" arbetet.\nDet gäller även länsstyrelsen.", "sv"))
		for k := 0; k < 3; k++ {
			add(kgo+props[r.IntN(len(props))], term.IRI(fmt.Sprintf("%sid/entity/e%d", testBase, r.IntN(n/8+1))))
		}
	}
	return qs[:n]
}

func BenchmarkWriters(b *testing.B) {
	data := synthetic(20000)
	for _, f := range Formats {
		if f.Parse == nil { // dataset descriptions, not serialisations
			continue
		}
		in := slices.Clone(data)
		if f.Quads {
			slices.SortFunc(in, term.CompareQuads)
		} else {
			slices.SortFunc(in, term.CompareTriplesFirst)
		}
		b.Run(f.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				enc := f.New(io.Discard, testOptions())
				for _, q := range in {
					if err := enc.Encode(q); err != nil {
						b.Fatal(err)
					}
				}
				if err := enc.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(in))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
