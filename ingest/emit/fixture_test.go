package emit

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/register"
)

const base = "https://example.org/kg/"

// registry is a small hand-made registry: a region with identifiers and a
// county it serves, a mandate whose law confers it, a group noun for all
// regions and one for a list of funds, two themes, one below the other.
func registry() *register.Registry {
	r := register.Registry{
		Sources: []register.Source{
			{Key: "scb-regions", Title: "SCB: regioner", URL: "https://www.scb.se/regioner", Licence: "https://creativecommons.org/publicdomain/zero/1.0/"},
			{Key: "kg-vocabulary", Title: "kg vocabulary", URL: "https://example.org/vocabulary"},
		},
		Entries: []register.Entry{
			{Key: "county:12", ID: "skane-lan", Class: "County", Label: "Skåne län", LabelEN: "Skåne County", Source: "scb-regions",
				Props: []register.Prop{{P: "scbCountyCode", V: "12"}}},
			{Key: "region:12", ID: "region-skane", Class: "Region", Label: "Region Skåne", LabelEN: "Region Skåne", Source: "scb-regions",
				Former: []string{"Region Skåne län"},
				Props: []register.Prop{
					{P: "organisationNumber", V: "232100-0255"},
					{P: "servesCounty", V: "county:12", Ref: true},
					{P: "http://www.w3.org/2002/07/owl#sameAs", V: "http://www.wikidata.org/entity/Q1", IRI: true},
					{P: "county", V: "county:99", Ref: true}, // no such entry: not stated
				}},
			{Key: "region:01", ID: "region-stockholm", Class: "Region", Label: "Region Stockholm", Source: "scb-regions"},
			{Key: "law:2010:630", ID: "lag-2010-630", Class: "Act", Label: "Lag (2010:630) om regionalt utvecklingsansvar", Source: "kg-vocabulary",
				Props: []register.Prop{{P: "sfsNumber", V: "2010:630"}}},
			{Key: "vocab:rua", ID: "regionalt-utvecklingsansvar", Class: "Mandate", Label: "regionalt utvecklingsansvar", Source: "kg-vocabulary",
				Props: []register.Prop{{P: "confers", V: "law:2010:630", Ref: true, Inverse: true}}},
			{Key: "vocab:regionerna", ID: "regionerna", Class: "Region", Label: "regionerna", Group: "Region", Scope: register.ScopeAll, Source: "kg-vocabulary"},
			{Key: "region:09", ID: "region-gotland", Class: "Region", Also: []string{"Municipality"}, Label: "Region Gotland", Source: "scb-regions",
				AltKeys: []string{"municipality:0980"}},
			{Key: "vocab:strukturfonderna", ID: "strukturfonderna", Class: "Fund", Label: "strukturfonderna", Group: "Fund",
				Scope: register.ScopeListed, Listed: []string{"vocab:erudf"}, Source: "kg-vocabulary"},
			{Key: "vocab:erudf", ID: "europeiska-regionala-utvecklingsfonden", Class: "Fund", Label: "Europeiska regionala utvecklingsfonden", Source: "kg-vocabulary"},
			{Key: "vocab:lansets-kommuner", ID: "lanets-kommuner", Class: "Municipality", Label: "länets kommuner", Group: "Municipality",
				Scope: register.ScopeCounty, Source: "kg-vocabulary"},
			{Key: "vocab:kultur", ID: "kultur", Class: "Theme", Label: "kultur", LabelEN: "culture", Source: "kg-vocabulary"},
			{Key: "vocab:kulturarv", ID: "kulturarv", Class: "Theme", Label: "kulturarv", Source: "kg-vocabulary",
				Props: []register.Prop{{P: register.Broader, V: "vocab:kultur", Ref: true}}},
		},
	}
	return register.NewRegistry(r.Entries, r.Sources)
}

// builder makes a Doc from passages given as text, one sentence each, and
// mentions located by their text.
type builder struct{ d *doc.Doc }

func newDoc(slug, format string) *builder {
	return &builder{&doc.Doc{Meta: doc.Meta{
		File: "seeds/" + slug + ".txt", Slug: slug, Title: "Rapport " + slug, Publisher: "Tillväxtverket",
		Issued: "2023-05", Language: "sv", URL: "https://example.org/" + slug, Format: format,
	}}}
}

// passage adds a passage with one sentence and returns the sentence index.
func (b *builder) passage(kind doc.PassageKind, page, printed int, text string) int {
	d := b.d
	n := 1
	for _, p := range d.Passages {
		if p.Page == page {
			n++
		}
	}
	p := doc.Passage{Kind: kind, Page: page, N: n, Printed: printed, Chapter: len(d.Chapters) - 1, Section: -1,
		Example: len(d.Examples) - 1, List: -1, Text: text}
	p.ID = itoa(page) + "-" + itoa(n)
	d.Passages = append(d.Passages, p)
	d.Sentences = append(d.Sentences, doc.Sentence{Passage: len(d.Passages) - 1, End: len(text)})
	return len(d.Sentences) - 1
}

// mention adds a mention of entity ent at the last occurrence of text in
// the sentence's passage.
func (b *builder) mention(sentence int, text, name string, ent int) {
	d := b.d
	pt := d.Passages[d.Sentences[sentence].Passage].Text
	start := strings.LastIndex(pt, text)
	if start < 0 {
		panic("no " + text + " in " + pt)
	}
	d.Mentions = append(d.Mentions, doc.Mention{Sentence: sentence, Start: start, End: start + len(text),
		Text: text, Name: name, Entity: ent})
	d.Entities[ent].Mentions = append(d.Entities[ent].Mentions, len(d.Mentions)-1)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + itoa(n%10)
}

// Entity indexes of the first document.
const (
	eSkane = iota
	eRUA
	eKulturkraft
	eRegionerna
	eAlmi
	eKulturarv
	eGhost
	eGotland
	eStrukturfonderna
	eLanetsKommuner
)

// docA is a report with a chapter, a worked example with a footnote and a
// hyperlink, every kind of fact, relations and an entity no passage
// mentions.
func docA() *doc.Doc {
	b := newDoc("rapport-a", "pdf")
	d := b.d
	d.Entities = []doc.Entity{
		eSkane:            {ID: "region-skane", Class: "Region", Label: "Region Skåne", Key: "region:12", Hidden: []string{"Region Skånne"}},
		eRUA:              {ID: "regionalt-utvecklingsansvar", Class: "Mandate", Label: "regionalt utvecklingsansvar", Key: "vocab:rua", Alt: []string{"regionala utvecklingsansvaret"}},
		eKulturkraft:      {ID: "kulturkraft", Class: "Project", Label: "Kulturkraft", Alt: []string{"Kulturkraften"}},
		eRegionerna:       {ID: "regionerna", Class: "Region", Label: "regionerna", Key: "vocab:regionerna", Group: true, Alt: []string{"Regionerna"}},
		eAlmi:             {ID: "almi-syd", Class: "Company", Label: "Almi Syd AB"},
		eKulturarv:        {ID: "kulturarv", Class: "Theme", Label: "kulturarv", Key: "vocab:kulturarv"},
		eGhost:            {ID: "ghost", Class: "Project", Label: "Spöke"},
		eGotland:          {ID: "region-gotland", Class: "Region", Label: "Region Gotland", Key: "municipality:0980"},
		eStrukturfonderna: {ID: "strukturfonderna", Class: "Fund", Label: "strukturfonderna", Key: "vocab:strukturfonderna", Group: true},
		eLanetsKommuner:   {ID: "lanets-kommuner", Class: "Municipality", Label: "länets kommuner", Key: "vocab:lansets-kommuner", Group: true},
	}
	d.Chapters = append(d.Chapters, doc.Chapter{N: 1, Title: "Kulturarv", Heading: 0})
	s0 := b.passage(doc.ChapterHeading, 3, 0, "1 Kulturarv")
	b.mention(s0, "Kulturarv", "kulturarv", eKulturarv)
	s1 := b.passage(doc.Paragraph, 3, 1, "Region Skåne har det regionala utvecklingsansvaret.")
	b.mention(s1, "Region Skåne", "Region Skåne", eSkane)
	b.mention(s1, "regionala utvecklingsansvaret", "regionalt utvecklingsansvar", eRUA)
	s2 := b.passage(doc.Paragraph, 3, 1, "Projektet Kulturkraft startade 2021 och pågår 2021–2023.")
	b.mention(s2, "Kulturkraft", "Kulturkraft", eKulturkraft)

	d.Examples = append(d.Examples, doc.Example{Title: "Kulturkraft", Regions: []string{"Region Skåne"}, Heading: 3,
		Passages: []int{4}, Chapter: 0, Section: -1, Slug: "kulturkraft"})
	s3 := b.passage(doc.ExampleHeading, 4, 2, "Kulturkraft (Region Skåne)")
	d.Passages[3].Footnotes = []int{1}
	b.mention(s3, "Kulturkraft", "Kulturkraft", eKulturkraft)
	b.mention(s3, "Region Skåne", "Region Skåne", eSkane)
	s4 := b.passage(doc.Paragraph, 4, 2, "Regionerna finansierar Kulturkraft med drygt 8 567 000 kronor.")
	d.Passages[4].Links = []doc.Link{{Start: 23, End: 34, URL: "https://example.org/kulturkraft"}}
	b.mention(s4, "Regionerna", "regionerna", eRegionerna)
	b.mention(s4, "Kulturkraft", "Kulturkraft", eKulturkraft)
	s5 := b.passage(doc.Paragraph, 4, 2, "Region Skånne äger 40 procent av Almi Syd AB.")
	b.mention(s5, "Region Skånne", "Region Skånne", eSkane)
	b.mention(s5, "Almi Syd AB", "Almi Syd AB", eAlmi)
	d.Examples[0].Passages = []int{4, 5}
	s6 := b.passage(doc.FootnoteText, 4, 2, "1 https://example.org/fn")
	d.Passages[6].Footnote = 1
	d.Footnotes = []doc.Footnote{{N: 1, URL: "https://example.org/fn", Passage: 6, Anchor: 3}}
	b.d.Examples = append(b.d.Examples, doc.Example{Title: "Gotland", Heading: 7, Chapter: 0, Section: -1, Slug: "gotland"})
	s7 := b.passage(doc.ExampleHeading, 5, 3, "Region Gotland, strukturfonderna och länets kommuner")
	b.mention(s7, "Region Gotland", "Region Gotland", eGotland)
	b.mention(s7, "strukturfonderna", "strukturfonderna", eStrukturfonderna)
	b.mention(s7, "länets kommuner", "länets kommuner", eLanetsKommuner)
	_ = s6

	d.Relations = []doc.Relation{
		{S: eRegionerna, O: eKulturkraft, P: "finances", Sentence: s4},
		{S: eSkane, O: eRUA, P: "holdsMandate", Sentence: s1},
		{S: eSkane, O: eGhost, P: "owns", Sentence: s5}, // the ghost is never mentioned
	}
	d.Facts = []doc.Fact{
		{Kind: doc.Start, Entity: eKulturkraft, Other: -1, Sentence: s2, From: "2021", Text: "2021"},
		{Kind: doc.Period, Entity: eKulturkraft, Other: -1, Sentence: s2, From: "2021", To: "2023", Text: "2021–2023"},
		{Kind: doc.Period, Entity: eKulturkraft, Other: -1, Sentence: s2, Value: "P3Y", Text: "tre år"},
		{Kind: doc.End, Entity: eKulturkraft, Other: -1, Sentence: s2, From: "2023-12-31"},
		{Kind: doc.Date, Entity: eRUA, Other: -1, Sentence: s1, From: "2010-06"},
		{Kind: doc.Amount, Entity: -1, Other: -1, Sentence: s4, Value: "5", Currency: "SEK"}, // nothing takes it, but it counts
		{Kind: doc.Amount, Entity: eKulturkraft, Other: eRegionerna, Sentence: s4, Value: "8567000", Currency: "SEK",
			Text: "8 567 000 kronor", Qualifier: "drygt"},
		{Kind: doc.Share, Entity: eSkane, Other: eAlmi, Sentence: s5, Value: "40", Text: "40 procent"},
		{Kind: doc.Start, Entity: eGhost, Other: -1, Sentence: s5, From: "2020"},
	}
	d.Done = []doc.Annotation{doc.Passages, doc.Sentences, doc.Mentions, doc.Entities, doc.Relations, doc.Facts}
	return d
}

// docB is an HTML page that names Region Skåne and, by another label,
// Kulturkraft.
func docB() *doc.Doc {
	b := newDoc("sida-b", "html")
	d := b.d
	d.Entities = []doc.Entity{
		{ID: "region-skane", Class: "Region", Label: "Region Skåne", Key: "region:12", Alt: []string{"Skåne"}},
		{ID: "kulturkraft", Class: "Project", Label: "KulturKraft"},
	}
	s := b.passage(doc.Paragraph, 1, 0, "Skåne driver KulturKraft.")
	b.mention(s, "Skåne", "Skåne", 0)
	b.mention(s, "KulturKraft", "KulturKraft", 1)
	return d
}
