package emit

import (
	"kg/ingest/doc"
	"kg/ontology"
	"kg/term"
)

// relations states each relation between two mentioned entities in the
// graph of the passage whose sentence states it.
func (e *emitter) relations(d *doc.Doc) {
	for _, r := range d.Relations {
		S, okS := e.entityOf(d, r.S)
		O, okO := e.entityOf(d, r.O)
		P, okP := property(r.P)
		pi, okG := passageOf(d, r.Sentence)
		if okS && okO && okP && okG {
			e.add(S, P, O, iri(PassageIRI(e.base, d, pi)))
		}
	}
}

// facts states each fact attached to a mentioned entity in the graph of
// its passage. Amounts and shares are nodes of their own, named by the
// passage and the fact's place among the passage's facts, so that the
// value, the text as written and its qualifier stay together.
func (e *emitter) facts(d *doc.Doc) {
	counts := make(map[int]int) // passage → facts seen
	for _, f := range d.Facts {
		pi, ok := passageOf(d, f.Sentence)
		if !ok {
			continue
		}
		counts[pi]++
		s, ok := e.entityOf(d, f.Entity)
		if !ok {
			continue
		}
		g := iri(PassageIRI(e.base, d, pi))
		switch f.Kind {
		case doc.Start:
			e.date(s, schemaStart, f.From, g)
		case doc.End:
			if f.From != "" {
				e.date(s, schemaEnd, f.From, g)
			} else {
				e.date(s, schemaEnd, f.To, g)
			}
		case doc.Period:
			e.date(s, schemaStart, f.From, g)
			e.date(s, schemaEnd, f.To, g)
			if lit, ok := durationLiteral(f.Value); ok {
				e.add(s, iri(schemaDur), lit, g)
			}
		case doc.Date:
			e.date(s, dcDate, f.From, g)
		case doc.Amount, doc.Share:
			e.quantity(s, d, f, pi, counts[pi], g)
		}
	}
}

func (e *emitter) date(s term.Term, p, lexical string, g term.Term) {
	if lit, ok := dateLiteral(lexical); ok {
		e.add(s, iri(p), lit, g)
	}
}

// quantity states an amount of money (a schema:MonetaryAmount that
// kgo:payer pays) or an ownership share (a schema:QuantitativeValue in per
// cent, kgo:shareOf the company).
func (e *emitter) quantity(s term.Term, d *doc.Doc, f doc.Fact, pi, k int, g term.Term) {
	if !decimalRe.MatchString(f.Value) {
		return
	}
	n := iri(FactIRI(e.base, d, pi, k))
	other, hasOther := e.entityOf(d, f.Other)
	if f.Kind == doc.Amount {
		currency := f.Currency
		if currency == "" {
			currency = "SEK"
		}
		e.add(s, iri(ontology.Amount), n, g)
		e.add(n, iri(rdfType), iri(schemaMoney), g)
		e.add(n, iri(schemaCurr), term.String(currency), g)
		if hasOther {
			e.add(n, iri(ontology.Payer), other, g)
		}
	} else {
		e.add(s, iri(ontology.OwnershipShare), n, g)
		e.add(n, iri(rdfType), iri(schemaQuant), g)
		e.add(n, iri(schemaUnit), term.String("P1"), g)
		if hasOther {
			e.add(n, iri(ontology.ShareOf), other, g)
		}
	}
	e.add(n, iri(schemaValue), term.Literal(f.Value, term.XSDDecimal), g)
	if f.Text != "" {
		e.add(n, iri(rdfsLabel), text(d, f.Text), g)
	}
	if f.Qualifier != "" {
		e.add(n, iri(ontology.Qualifier), text(d, f.Qualifier), g)
	}
	e.add(n, iri(provDerived), g, none)
}
