package eval

import (
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/emit"
	"kg/term"
)

// TestEmitterShape scores what the emitter writes for a hand-annotated
// document, so that the scorer and the emitter cannot drift apart: every
// entity, relation and fact annotated is found, and nothing else.
func TestEmitterShape(t *testing.T) {
	text := "Regionerna har sedan 1 januari 2019 det regionala utvecklingsansvaret. " +
		"Region Uppsala äger 49 procent av Almi Uppsala."
	first := strings.Index(text, "Region Uppsala")
	d := &doc.Doc{
		Meta:      doc.Meta{Slug: "almi", Title: "Almi", Language: "sv"},
		Passages:  []doc.Passage{{ID: "1-1", Page: 1, N: 1, Chapter: -1, Section: -1, Example: -1, List: -1, Text: text}},
		Sentences: []doc.Sentence{{Passage: 0, End: first - 1}, {Passage: 0, Start: first, End: len(text)}},
	}
	mention := func(sentence int, s, class string, group bool) int {
		start := strings.Index(text, s)
		d.Mentions = append(d.Mentions, doc.Mention{Sentence: sentence, Start: start, End: start + len(s), Text: s, Name: s,
			Class: class, Group: group, Entity: len(d.Entities)})
		d.Entities = append(d.Entities, doc.Entity{ID: strings.ToLower(strings.ReplaceAll(s, " ", "-")), Class: class,
			Label: s, Group: group, Mentions: []int{len(d.Mentions) - 1}})
		return len(d.Entities) - 1
	}
	regions := mention(0, "Regionerna", "Region", true)
	mandate := mention(0, "det regionala utvecklingsansvaret", "Mandate", false)
	uppsala := mention(1, "Region Uppsala", "Region", false)
	almi := mention(1, "Almi Uppsala", "Company", false)
	d.Relations = []doc.Relation{
		{S: regions, P: "holdsMandate", O: mandate, Sentence: 0},
		{S: uppsala, P: "owns", O: almi, Sentence: 1},
	}
	d.Facts = []doc.Fact{
		{Kind: doc.Start, Entity: regions, Other: -1, Sentence: 0, Text: "1 januari 2019", From: "2019-01-01"},
		{Kind: doc.Share, Entity: uppsala, Other: almi, Sentence: 1, Text: "49 procent", Value: "49"},
	}
	d.Done = []doc.Annotation{doc.Passages, doc.Sentences, doc.Mentions, doc.Entities, doc.Relations, doc.Facts}
	quads := emit.Emit(testBase, []*doc.Doc{d}, nil)

	gold := mustGold(t, `{"entities": [
	  {"label": "Regionerna", "class": "Actor", "subclass": "Region", "aliases": [], "group": true},
	  {"label": "det regionala utvecklingsansvaret", "class": "Mandate", "subclass": "Mandate", "aliases": []},
	  {"label": "Region Uppsala", "class": "Actor", "subclass": "Region", "aliases": []},
	  {"label": "Almi Uppsala", "class": "Actor", "subclass": "Company", "aliases": []}],
	 "relations": [
	  {"s": "Regionerna", "p": "holdsMandate", "o": "det regionala utvecklingsansvaret", "quote": "q"},
	  {"s": "Region Uppsala", "p": "owns", "o": "Almi Uppsala", "quote": "q"}],
	 "facts": [
	  {"s": "Regionerna", "what": "start", "value": "1 januari 2019", "quote": "sedan 1 januari 2019"},
	  {"s": "Region Uppsala", "what": "share", "value": "49 procent", "quote": "49 procent av", "o": "Almi Uppsala"}]}`)
	r := Score(quads, gold)
	if want := (Count{Gold: 4, Found: 4, Graph: 4, Correct: 4}); r.Entities != want {
		t.Errorf("Entities = %+v, want %+v", r.Entities, want)
	}
	if want := (Agreement{Matched: 4, Agree: 4}); r.Subclass != want {
		t.Errorf("Subclass = %+v, want %+v", r.Subclass, want)
	}
	if want := (Count{Gold: 1, Found: 1, Graph: 1, Correct: 1}); r.Groups != want {
		t.Errorf("Groups = %+v, want %+v", r.Groups, want)
	}
	if want := (Count{Gold: 2, Found: 2, Graph: 2, Correct: 2}); r.Relations != want {
		t.Errorf("Relations = %+v, want %+v", r.Relations, want)
	}
	if want := (FactCount{Gold: 2, Found: 2, Objects: 1, ObjectsFound: 1}); r.Facts != want {
		t.Errorf("Facts = %+v, want %+v", r.Facts, want)
	}
	if want := (MandateCount{Gold: 1, Found: 1, Graph: 1, Held: 1}); r.Mandates != want {
		t.Errorf("Mandates = %+v, want %+v", r.Mandates, want)
	}
	if r.Unmentioned != 0 || len(r.Missed)+len(r.Spurious)+len(r.Notes) != 0 {
		t.Errorf("unmentioned %d, missed %v, spurious %v, notes %v", r.Unmentioned, r.Missed, r.Spurious, r.Notes)
	}
	if t.Failed() {
		for _, q := range quads {
			t.Log(q)
		}
	}
}

func TestSourceIsNoMention(t *testing.T) {
	gold := mustGold(t, `{"entities": [{"label": "Region Uppsala", "class": "Actor", "subclass": "Region", "aliases": []}]}`)
	var b graphBuilder
	s := b.entity("region-uppsala", "Region", false, "Region Uppsala")
	src := testBase + "source/scb"
	b.add(src, rdfType, term.IRI(kgo+"Source"))
	b.add(s, provDerived, term.IRI(src))
	if r := Score(b.quads, gold); r.Unmentioned != 1 || r.Entities.Found != 0 {
		t.Errorf("an entity derived from a register's source only: unmentioned %d, found %d; want 1, 0", r.Unmentioned, r.Entities.Found)
	}
	b.add(s, provDerived, term.IRI(testBase+"report/r/passage/1-1"))
	if r := Score(b.quads, gold); r.Unmentioned != 0 || r.Entities.Found != 1 {
		t.Errorf("and from a passage: unmentioned %d, found %d; want 0, 1", r.Unmentioned, r.Entities.Found)
	}
}
