package eval

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"kg/ontology"
	"kg/term"
)

const (
	testBase = "https://w3id.org/regionalkg/"
	kgo      = ontology.NS
	xsd      = ontology.XSD
)

// graphBuilder makes quads in the shape the emitter writes.
type graphBuilder struct {
	quads []term.Quad
	nodes int
}

func (b *graphBuilder) add(s, p string, o term.Term) {
	b.quads = append(b.quads, term.Quad{S: term.IRI(s), P: term.IRI(p), O: o})
}

// entity adds a node typed class (an ontology local name) with a label and
// other names; mentioned gives it a passage.
func (b *graphBuilder) entity(slug, class string, mentioned bool, label string, alt ...string) string {
	s := testBase + "id/" + slug
	b.add(s, rdfType, term.IRI(kgo+class))
	b.add(s, rdfsLabel, term.LangString(label, "sv"))
	b.add(s, skosPref, term.LangString(label, "sv"))
	for _, a := range alt {
		b.add(s, skosAlt, term.LangString(a, "sv"))
	}
	if mentioned {
		b.add(s, provDerived, term.IRI(testBase+"source/doc/1-1"))
	}
	return s
}

// group adds a group actor whose members are of memberClass.
func (b *graphBuilder) group(slug, memberCls, label string, members ...string) string {
	s := b.entity(slug, "ActorGroup", true, label)
	b.add(s, memberClass, term.IRI(kgo+memberCls))
	for _, m := range members {
		b.add(s, ontology.FOAF+"member", term.IRI(m))
	}
	return s
}

// rel states s p o in a passage's named graph.
func (b *graphBuilder) rel(s, p, o string) {
	b.quads = append(b.quads, term.Quad{S: term.IRI(s), P: term.IRI(kgo + p), O: term.IRI(o),
		G: term.IRI(testBase + "source/doc/1-1")})
}

func (b *graphBuilder) date(s, p, lexical, datatype string) {
	b.add(s, p, term.Literal(lexical, xsd+datatype))
}

// value adds an amount or share node to s.
func (b *graphBuilder) value(s, p, value, currency, label, otherP, other string) {
	b.nodes++
	n := term.Blank("v" + string(rune('0'+b.nodes)))
	b.quads = append(b.quads, term.Quad{S: term.IRI(s), P: term.IRI(p), O: n})
	b.quads = append(b.quads, term.Quad{S: n, P: term.IRI(schemaValue), O: term.Literal(value, xsd+"decimal")})
	if currency != "" {
		b.quads = append(b.quads, term.Quad{S: n, P: term.IRI(schemaCurr), O: term.String(currency)})
	}
	b.quads = append(b.quads, term.Quad{S: n, P: term.IRI(rdfsLabel), O: term.LangString(label, "sv")})
	if other != "" {
		b.quads = append(b.quads, term.Quad{S: n, P: term.IRI(otherP), O: term.IRI(other)})
	}
}

func mustGold(t testing.TB, js string) *Gold {
	t.Helper()
	g, err := ReadGold(strings.NewReader(js), "doc.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// items renders a report's list as "kind class text" lines.
func items(list []Item) []string {
	var out []string
	for _, it := range list {
		out = append(out, it.Kind+" "+it.Class+" "+it.Text)
	}
	return out
}

func TestScoreEntities(t *testing.T) {
	gold := mustGold(t, `{"entities": [
	  {"label": "Statens Kulturråd", "class": "Actor", "subclass": "GovernmentAgency", "aliases": ["Kulturrådets"]},
	  {"label": "Region Kronoberg", "class": "Actor", "subclass": "Region", "aliases": []},
	  {"label": "Kronobergs län", "class": "Actor", "subclass": "County", "aliases": []},
	  {"label": "Kulturrådets instruktion", "class": "Law", "subclass": "Ordinance", "aliases": []},
	  {"label": "regional kulturplan", "class": "Instrument", "subclass": "Plan", "aliases": ["Kulturplanen"]},
	  {"label": "ansvar för att fördela statliga kulturmedel", "class": "Mandate", "subclass": "Mandate", "aliases": []},
	  {"label": "jämställdhet", "class": "Theme", "subclass": "Theme", "aliases": []},
	  {"label": "barn och unga", "class": "Theme", "subclass": "Theme", "aliases": []}]}`)
	var b graphBuilder
	b.entity("kulturradet", "GovernmentAgency", true, "Kulturrådet")                   // found by the genitive alias
	b.entity("region-kronoberg", "Municipality", true, "Region Kronoberg")             // found, wrong subclass
	b.entity("kronobergs-lan", "County", true, "Kronobergs län")                       // a county is an actor
	b.entity("kulturradets-instruktion", "Act", true, "KULTURRÅDETS  INSTRUKTION")     // found, wrong subclass
	b.entity("kulturplan", "Plan", true, "Kulturplan", "kulturplanen")                 // found by an altLabel
	b.entity("kulturplan-2", "Plan", true, "Regional kulturplan")                      // a duplicate node
	b.entity("ansvar", "Mandate", true, "ansvar för att fördela statliga kulturmedel") // found
	b.entity("jamstalldhet", "Instrument", true, "jämställdhet")                       // wrong class: spurious, and the theme missed
	b.entity("smaland", "Region", true, "Region Småland")                              // spurious
	b.entity("vaxjo", "Municipality", false, "Växjö kommun")                           // context, not judged
	b.entity("barn-och-unga", "Theme", false, "barn och unga")                         // matches only without a mention
	b.add(testBase+"report/doc", rdfType, term.IRI(kgo+"Report"))                      // not an entity
	b.add(testBase+"report/doc", rdfsLabel, term.LangString("Region Kronoberg", "sv")) // even with a matching name

	r := Score(b.quads, gold)
	wantClass := map[string]Count{
		"Actor":      {Gold: 3, Found: 3, Graph: 4, Correct: 3},
		"Law":        {Gold: 1, Found: 1, Graph: 1, Correct: 1},
		"Instrument": {Gold: 1, Found: 1, Graph: 3, Correct: 2},
		"Mandate":    {Gold: 1, Found: 1, Graph: 1, Correct: 1},
		"Theme":      {Gold: 2, Found: 0, Graph: 0, Correct: 0},
	}
	for c, want := range wantClass {
		if got := r.ByClass[c]; got != want {
			t.Errorf("ByClass[%s] = %+v, want %+v", c, got, want)
		}
	}
	if want := (Count{Gold: 8, Found: 6, Graph: 9, Correct: 7}); r.Entities != want {
		t.Errorf("Entities = %+v, want %+v", r.Entities, want)
	}
	if want := (Count{Gold: 5, Found: 5, Graph: 6, Correct: 5}); r.Core != want {
		t.Errorf("Core = %+v, want %+v", r.Core, want)
	}
	wantSub := map[string]Count{
		"GovernmentAgency": {1, 1, 1, 1},
		"Region":           {1, 0, 1, 0},
		"Municipality":     {0, 0, 1, 0},
		"County":           {1, 1, 1, 1},
		"Ordinance":        {1, 0, 0, 0},
		"Act":              {0, 0, 1, 0},
		"Plan":             {1, 1, 2, 2},
		"Mandate":          {1, 1, 1, 1},
		"Instrument":       {0, 0, 1, 0},
		"Theme":            {2, 0, 0, 0},
	}
	for s, want := range wantSub {
		if got := r.BySubclass[s]; got != want {
			t.Errorf("BySubclass[%s] = %+v, want %+v", s, got, want)
		}
	}
	if want := (Agreement{Matched: 6, Agree: 4}); r.Subclass != want {
		t.Errorf("Subclass = %+v, want %+v", r.Subclass, want)
	}
	if r.Unmentioned != 2 || r.UnmentionedMatching != 1 || r.Duplicates != 1 {
		t.Errorf("Unmentioned %d, UnmentionedMatching %d, Duplicates %d; want 2, 1, 1", r.Unmentioned, r.UnmentionedMatching, r.Duplicates)
	}
	wantMissed := []string{"entity Theme/Theme jämställdhet", "entity Theme/Theme barn och unga (in the graph without a mention)"}
	if got := items(r.Missed); !slices.Equal(got, wantMissed) {
		t.Errorf("Missed = %q, want %q", got, wantMissed)
	}
	wantSpurious := []string{"entity Instrument/Instrument jämställdhet", "entity Actor/Region Region Småland"}
	if got := items(r.Spurious); !slices.Equal(got, wantSpurious) {
		t.Errorf("Spurious = %q, want %q", got, wantSpurious)
	}
	wantNotes := []string{
		"subclass Actor/Region Region Kronoberg: the graph says Municipality",
		"subclass Law/Ordinance Kulturrådets instruktion: the graph says Act",
		"duplicate Instrument/Plan regional kulturplan: also " + testBase + "id/kulturplan",
	}
	if got := items(r.Notes); !slices.Equal(got, wantNotes) {
		t.Errorf("Notes = %q, want %q", got, wantNotes)
	}
}

func TestScoreGroups(t *testing.T) {
	gold := mustGold(t, `{"entities": [
	  {"label": "regionerna", "class": "Actor", "subclass": "Region", "aliases": ["Regionerna"], "group": true},
	  {"label": "länets kommuner", "class": "Actor", "subclass": "Municipality", "aliases": [], "group": true},
	  {"label": "regeringen", "class": "Actor", "subclass": "Government", "aliases": [], "group": true},
	  {"label": "det regionala utvecklingsansvaret", "class": "Mandate", "subclass": "Mandate", "aliases": []}],
	 "relations": [{"s": "regionerna", "p": "holdsMandate", "o": "det regionala utvecklingsansvaret", "quote": "q"}]}`)
	var b graphBuilder
	norrbotten := b.entity("region-norrbotten", "Region", false, "Region Norrbotten")
	uppsala := b.entity("region-uppsala", "Region", false, "Region Uppsala")
	regions := b.group("regionerna", "Region", "Regionerna", norrbotten, uppsala)
	b.group("lanets-kommuner", "Region", "länets kommuner")  // found, wrong member class
	b.entity("regeringen", "Government", true, "regeringen") // found, but not as a group
	b.group("landstingen", "Region", "landstingen")          // a spurious group
	ansvar := b.entity("utvecklingsansvaret", "Mandate", true, "det regionala utvecklingsansvaret")
	b.rel(regions, "holdsMandate", ansvar)
	b.rel(norrbotten, "holdsMandate", ansvar) // stated for a member: judged wrong

	r := Score(b.quads, gold)
	if want := (Count{Gold: 3, Found: 3, Graph: 4, Correct: 3}); r.ByClass["Actor"] != want {
		t.Errorf("Actor = %+v, want %+v", r.ByClass["Actor"], want)
	}
	if want := (Count{Gold: 3, Found: 2, Graph: 3, Correct: 2}); r.Groups != want {
		t.Errorf("Groups = %+v, want %+v", r.Groups, want)
	}
	if want := (Agreement{Matched: 4, Agree: 3}); r.Subclass != want { // the mandate agrees too
		t.Errorf("Subclass = %+v, want %+v", r.Subclass, want)
	}
	if r.Unmentioned != 2 {
		t.Errorf("Unmentioned = %d, want the 2 members", r.Unmentioned)
	}
	if want := (Count{Gold: 1, Found: 1, Graph: 1, Correct: 1}); r.Relations != want {
		t.Errorf("Relations = %+v, want %+v (the member's relation has an end outside the gold)", r.Relations, want)
	}
	if r.Unjudged != 1 {
		t.Errorf("Unjudged = %d, want 1", r.Unjudged)
	}
	if want := (MandateCount{Gold: 1, Found: 1, Graph: 1, Held: 1}); r.Mandates != want {
		t.Errorf("Mandates = %+v, want %+v", r.Mandates, want)
	}
}

func TestScoreRelations(t *testing.T) {
	gold := mustGold(t, `{"entities": [
	  {"label": "regeringen", "class": "Actor", "subclass": "Government", "aliases": ["Regeringen"], "group": true},
	  {"label": "Trafikverket", "class": "Actor", "subclass": "GovernmentAgency", "aliases": []},
	  {"label": "Gotlands kommun", "class": "Actor", "subclass": "Municipality", "aliases": []},
	  {"label": "förordningen (2017:583) om regionalt tillväxtarbete", "class": "Law", "subclass": "Ordinance", "aliases": [], "sfs": "2017:583"},
	  {"label": "uppdrag att ta fram ett inriktningsunderlag", "class": "Mandate", "subclass": "Mandate", "aliases": []},
	  {"label": "utarbeta en strategi", "class": "Mandate", "subclass": "Mandate", "aliases": []},
	  {"label": "ta fram förslag", "class": "Mandate", "subclass": "Mandate", "aliases": []},
	  {"label": "Nationell plan för transportinfrastruktur", "class": "Instrument", "subclass": "Plan", "aliases": ["nationella planen"]}],
	 "relations": [
	  {"s": "regeringen", "p": "confersMandate", "o": "uppdrag att ta fram ett inriktningsunderlag", "quote": "q"},
	  {"s": "Trafikverket", "p": "holdsMandate", "o": "uppdrag att ta fram ett inriktningsunderlag", "quote": "q"},
	  {"s": "Trafikverket", "p": "responsibleFor", "o": "Nationell plan för transportinfrastruktur", "quote": "q"},
	  {"s": "förordningen (2017:583) om regionalt tillväxtarbete", "p": "confersMandate", "o": "utarbeta en strategi", "quote": "q"},
	  {"s": "Gotlands kommun", "p": "holdsMandate", "o": "ta fram förslag", "quote": "q"},
	  {"s": "Trafikverket", "p": "holdsMandate", "o": "ta fram förslag", "quote": "q"}]}`)
	var b graphBuilder
	reg := b.entity("regeringen", "Government", true, "Regeringen")
	tv := b.entity("trafikverket", "GovernmentAgency", true, "Trafikverket")
	law := b.entity("sfs-2017-583", "Ordinance", true, "förordningen (2017:583) om regionalt tillväxtarbete")
	upp := b.entity("inriktningsunderlag", "Mandate", true, "uppdrag att ta fram ett inriktningsunderlag")
	strat := b.entity("strategi", "Mandate", true, "utarbeta en strategi")
	forslag := b.entity("forslag", "Mandate", true, "ta fram förslag")
	plan := b.entity("nationell-plan", "Plan", true, "Nationella planen")
	other := b.entity("annat", "Plan", true, "Länsplanen")
	lonely := b.entity("ensam", "Mandate", true, "ett uppdrag utan innehavare")
	b.rel(reg, "confers", upp)                 // found: confersMandate is kgo:confers
	b.rel(upp, "holdsMandate", tv)             // the wrong way round: wrong, and the gold one missed
	b.rel(tv, "responsibleFor", plan)          // found
	b.rel(tv, "responsibleFor", plan)          // once, however often stated
	b.rel(law, "governs", strat)               // wrong predicate: wrong, and the confers missed
	b.rel(tv, "holdsMandate", forslag)         // found: one holder of two is enough for the mandate
	b.rel(reg, "finances", other)              // an end outside the gold: not judged
	b.add(reg, kgo+"partOf", term.String("x")) // a literal is no relation
	_ = lonely

	r := Score(b.quads, gold)
	want := map[string]Count{
		"confers":        {Gold: 2, Found: 1, Graph: 1, Correct: 1},
		"holdsMandate":   {Gold: 3, Found: 1, Graph: 2, Correct: 1},
		"responsibleFor": {Gold: 1, Found: 1, Graph: 1, Correct: 1},
		"governs":        {Gold: 0, Found: 0, Graph: 1, Correct: 0},
	}
	if !mapsEqual(r.ByPredicate, want) {
		t.Errorf("ByPredicate = %+v, want %+v", r.ByPredicate, want)
	}
	if w := (Count{Gold: 6, Found: 3, Graph: 5, Correct: 3}); r.Relations != w {
		t.Errorf("Relations = %+v, want %+v", r.Relations, w)
	}
	if r.Unjudged != 1 {
		t.Errorf("Unjudged = %d, want 1", r.Unjudged)
	}
	// Gold mandates with holders: the inriktningsunderlag (holder missed)
	// and the förslag (found). The graph's mandates: four, one held.
	if w := (MandateCount{Gold: 2, Found: 1, Graph: 4, Held: 1}); r.Mandates != w {
		t.Errorf("Mandates = %+v, want %+v", r.Mandates, w)
	}
	wantMissed := []string{
		"relation holdsMandate Trafikverket -> uppdrag att ta fram ett inriktningsunderlag",
		"relation confersMandate förordningen (2017:583) om regionalt tillväxtarbete -> utarbeta en strategi",
		"relation holdsMandate Gotlands kommun -> ta fram förslag",
		"entity Actor/Municipality Gotlands kommun",
		"holder holdsMandate uppdrag att ta fram ett inriktningsunderlag",
	}
	got := items(r.Missed)
	slices.Sort(got)
	slices.Sort(wantMissed)
	if !slices.Equal(got, wantMissed) {
		t.Errorf("Missed = %q\nwant %q", got, wantMissed)
	}
	wantSpurious := []string{
		"entity Mandate/Mandate ett uppdrag utan innehavare",
		"entity Instrument/Plan Länsplanen",
		"relation holdsMandate uppdrag att ta fram ett inriktningsunderlag -> Trafikverket",
		"relation governs förordningen (2017:583) om regionalt tillväxtarbete -> utarbeta en strategi",
	}
	got = items(r.Spurious)
	slices.Sort(got)
	slices.Sort(wantSpurious)
	if !slices.Equal(got, wantSpurious) {
		t.Errorf("Spurious = %q\nwant %q", got, wantSpurious)
	}
}

// mapsEqual compares count maps, a zero entry counting as none.
func mapsEqual[V comparable](a, b map[string]V) bool {
	var zero V
	for k, v := range a {
		if v != zero && b[k] != v {
			return false
		}
	}
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}

func TestScoreFacts(t *testing.T) {
	gold := mustGold(t, `{"entities": [
	  {"label": "Region Uppsala", "class": "Actor", "subclass": "Region", "aliases": []},
	  {"label": "regionstyrelsen", "class": "Actor", "subclass": "PoliticalBody", "aliases": []},
	  {"label": "Almi Uppsala", "class": "Actor", "subclass": "Company", "aliases": []},
	  {"label": "Regionala utvecklingsåtgärder", "class": "Instrument", "subclass": "Appropriation", "aliases": []},
	  {"label": "regional kulturplan", "class": "Instrument", "subclass": "Plan", "aliases": []},
	  {"label": "länsplanen", "class": "Instrument", "subclass": "Plan", "aliases": []},
	  {"label": "strategin", "class": "Instrument", "subclass": "Strategy", "aliases": []},
	  {"label": "uppdraget", "class": "Mandate", "subclass": "Mandate", "aliases": []}],
	 "facts": [
	  {"s": "Almi Uppsala", "what": "amount", "value": "8 567 000 kronor", "quote": "på 8 567 000 kronor", "o": "regionstyrelsen"},
	  {"s": "Almi Uppsala", "what": "amount", "value": "17,5 miljoner kronor", "quote": "cirka 17,5 miljoner kronor"},
	  {"s": "Regionala utvecklingsåtgärder", "what": "amount", "value": "1 100 miljoner kronor", "quote": "drygt 1 100 miljoner kronor"},
	  {"s": "Region Uppsala", "what": "share", "value": "49 procent", "quote": "högst 49 procent", "o": "Almi Uppsala"},
	  {"s": "regional kulturplan", "what": "period", "value": "treårig", "quote": "en treårig regional kulturplan"},
	  {"s": "länsplanen", "what": "period", "value": "2026-2037", "quote": "från 2026-2037"},
	  {"s": "länsplanen", "what": "date", "value": "2026", "quote": "färdigställd 2026"},
	  {"s": "strategin", "what": "period", "value": "2021‑2030", "quote": "strategin 2021‑2030"},
	  {"s": "strategin", "what": "end", "value": "2030", "quote": "till 2030"},
	  {"s": "uppdraget", "what": "start", "value": "1 januari 2019", "quote": "Från 1 januari 2019"},
	  {"s": "uppdraget", "what": "date", "value": "maj 2023", "quote": "I maj 2023"}]}`)
	var b graphBuilder
	uppsala := b.entity("region-uppsala", "Region", true, "Region Uppsala")
	rs := b.entity("regionstyrelsen", "PoliticalBody", true, "regionstyrelsen")
	almi := b.entity("almi-uppsala", "Company", true, "Almi Uppsala")
	rua := b.entity("rua", "Appropriation", true, "regionala utvecklingsåtgärder")
	kp := b.entity("kulturplan", "Plan", true, "regional kulturplan")
	lp := b.entity("lansplan", "Plan", true, "Länsplanen")
	st := b.entity("strategi", "Strategy", true, "strategin")
	up := b.entity("uppdrag", "Mandate", true, "uppdraget")
	b.value(almi, kgoAmount, "8567000", "SEK", "8 567 000 kronor", kgoPayer, rs)        // found with its payer
	b.value(almi, kgoAmount, "17500000.0", "SEK", "cirka 17,5 miljoner kronor", "", "") // the same number
	b.value(rua, kgoAmount, "1100", "SEK", "1 100 miljoner kronor", "", "")             // wrong value, but the label as written
	b.value(uppsala, kgoShare, "49", "", "49 procent", kgoShareOf, uppsala)             // found, wrong company
	b.date(kp, schemaDur, "P3Y", "duration")                                            // found
	b.date(lp, schemaStart, "2026", "gYear")                                            // period found from both ends
	b.date(lp, schemaEnd, "2037", "gYear")                                              //
	b.date(lp, dctermsDate, "2027", "gYear")                                            // wrong date
	b.date(st, schemaStart, "2021", "gYear")                                            // period missed: no end
	b.date(st, schemaEnd, "2031", "gYear")                                              // the end is wrong too
	b.date(up, "http://schema.org/startDate", "2019-01-01", "date")                     // found under http://schema.org/ too
	b.date(up, dctermsDate, "2023-05", "gYearMonth")                                    // found

	r := Score(b.quads, gold)
	want := map[string]FactCount{
		"amount": {Gold: 3, Found: 3, Objects: 1, ObjectsFound: 1},
		"share":  {Gold: 1, Found: 1, Objects: 1, ObjectsFound: 0},
		"period": {Gold: 3, Found: 2},
		"date":   {Gold: 2, Found: 1},
		"end":    {Gold: 1, Found: 0},
		"start":  {Gold: 1, Found: 1},
	}
	if !mapsEqual(r.ByKind, want) {
		t.Errorf("ByKind = %+v\nwant %+v", r.ByKind, want)
	}
	if w := (FactCount{Gold: 11, Found: 8, Objects: 2, ObjectsFound: 1}); r.Facts != w {
		t.Errorf("Facts = %+v, want %+v", r.Facts, w)
	}
	wantMissed := []string{"fact period strategin: 2021‑2030", "fact end strategin: 2030", "fact date länsplanen: 2026"}
	got := items(r.Missed)
	slices.Sort(got)
	slices.Sort(wantMissed)
	if !slices.Equal(got, wantMissed) {
		t.Errorf("Missed = %q, want %q", got, wantMissed)
	}
}

func TestMerge(t *testing.T) {
	a := &Report{Document: "a", Documents: 1,
		ByClass:     map[string]Count{"Actor": {Gold: 4, Found: 2, Graph: 5, Correct: 2}, "Law": {Gold: 1, Found: 1, Graph: 1, Correct: 1}},
		BySubclass:  map[string]Count{"Region": {Gold: 2, Found: 1, Graph: 2, Correct: 1}},
		ByPredicate: map[string]Count{"owns": {Gold: 2, Found: 1, Graph: 1, Correct: 1}},
		ByKind:      map[string]FactCount{"share": {Gold: 2, Found: 1, Objects: 2, ObjectsFound: 1}},
		Subclass:    Agreement{Matched: 3, Agree: 2}, Mandates: MandateCount{Gold: 1, Found: 1, Graph: 2, Held: 1},
		Unmentioned: 7, Unjudged: 3, Missed: []Item{{Document: "a", Kind: "entity", Text: "X"}}}
	b := &Report{Document: "b", Documents: 1, Failed: 1, Error: "no graph",
		ByClass:     map[string]Count{"Actor": {Gold: 6, Found: 0}, "Theme": {Gold: 2, Found: 2, Graph: 4, Correct: 2}},
		BySubclass:  map[string]Count{"Region": {Gold: 1}, "Theme": {Gold: 2, Found: 2, Graph: 4, Correct: 2}},
		ByPredicate: map[string]Count{"owns": {Gold: 1}, "partOf": {Gold: 1, Graph: 2}},
		ByKind:      map[string]FactCount{"share": {Gold: 1}, "date": {Gold: 1, Found: 1}},
		Groups:      Count{Gold: 1, Found: 1, Graph: 1, Correct: 1},
		Unmentioned: 1, Duplicates: 2, Missed: []Item{{Document: "b", Kind: "fact", Text: "Y"}}}
	for _, r := range []*Report{a, b} {
		r.total()
	}
	m := Merge(a, b)
	if m.Document != "total" || m.Documents != 2 || m.Failed != 1 || m.Error != "" {
		t.Errorf("Merge: document %q, %d documents, %d failed, error %q", m.Document, m.Documents, m.Failed, m.Error)
	}
	if w := (Count{Gold: 13, Found: 5, Graph: 10, Correct: 5}); m.Entities != w {
		t.Errorf("Entities = %+v, want %+v", m.Entities, w)
	}
	if w := (Count{Gold: 11, Found: 3, Graph: 6, Correct: 3}); m.Core != w {
		t.Errorf("Core = %+v, want %+v", m.Core, w)
	}
	if p, _ := m.Entities.Precision(); p != 0.5 {
		t.Errorf("micro precision %v, want 0.5", p)
	}
	if w := (Count{Gold: 3, Found: 1, Graph: 2, Correct: 1}); m.BySubclass["Region"] != w {
		t.Errorf("Region = %+v, want %+v", m.BySubclass["Region"], w)
	}
	if w := (Count{Gold: 4, Found: 1, Graph: 3, Correct: 1}); m.Relations != w {
		t.Errorf("Relations = %+v, want %+v", m.Relations, w)
	}
	if w := (FactCount{Gold: 4, Found: 2, Objects: 2, ObjectsFound: 1}); m.Facts != w {
		t.Errorf("Facts = %+v, want %+v", m.Facts, w)
	}
	if m.Unmentioned != 8 || m.Unjudged != 3 || m.Duplicates != 2 || m.Groups.Gold != 1 ||
		m.Subclass != (Agreement{3, 2}) || m.Mandates != (MandateCount{1, 1, 2, 1}) {
		t.Errorf("Merge = %+v", m)
	}
	if got := items(m.Missed); !slices.Equal(got, []string{"entity  X", "fact  Y"}) {
		t.Errorf("Missed = %q", got)
	}
	// Merging leaves its inputs alone, and a merge of merges is the same.
	if a.ByClass["Actor"].Gold != 4 {
		t.Error("Merge changed its input")
	}
	if mm := Merge(Merge(a), Merge(b)); mm.Entities != m.Entities || mm.Documents != 2 {
		t.Errorf("Merge of merges = %+v", mm.Entities)
	}
}

func TestCountJSON(t *testing.T) {
	for _, tt := range []struct {
		c    Count
		want string
	}{
		{Count{Gold: 4, Found: 2, Graph: 4, Correct: 3}, `{"gold":4,"found":2,"graph":4,"correct":3,"precision":0.75,"recall":0.5,"f1":0.6}`},
		{Count{Gold: 2}, `{"gold":2,"found":0,"graph":0,"correct":0,"recall":0,"f1":0}`},
		{Count{}, `{"gold":0,"found":0,"graph":0,"correct":0}`},
	} {
		b, err := json.Marshal(tt.c)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.want {
			t.Errorf("%+v: %s, want %s", tt.c, b, tt.want)
		}
	}
}

func TestSpuriousShownBySwedishLabel(t *testing.T) {
	gold := mustGold(t, `{"entities": [{"label": "kultur", "class": "Theme", "subclass": "Theme", "aliases": []}]}`)
	var b graphBuilder
	s := testBase + "id/utbildning"
	b.add(s, rdfType, term.IRI(kgo+"Theme"))
	b.add(s, rdfsLabel, term.LangString("education", "en"))
	b.add(s, rdfsLabel, term.LangString("utbildning", "sv"))
	b.add(s, provDerived, term.IRI(testBase+"report/r/passage/1-1"))
	r := Score(b.quads, gold)
	if got := items(r.Spurious); !slices.Equal(got, []string{"entity Theme/Theme utbildning"}) {
		t.Errorf("Spurious = %q", got)
	}
}
