package facts

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"kg/ingest/doc"
)

// sent is a sentence of a hand-made document: its text, the names it
// mentions as "text=Class" (the n-th occurrence as "text#n=Class"), and
// whether it is a heading or continues the previous sentence's passage.
type sent struct {
	text    string
	names   []string
	heading bool
	same    bool
}

// build makes a Doc of the sentences: one passage each unless same, one
// entity per distinct name and class.
func build(t *testing.T, ss ...sent) *doc.Doc {
	t.Helper()
	d := &doc.Doc{}
	entity := map[string]int{}
	for _, s := range ss {
		if !s.same || len(d.Passages) == 0 {
			kind := doc.Paragraph
			if s.heading {
				kind = doc.SectionHeading
			}
			d.Passages = append(d.Passages, doc.Passage{Kind: kind})
		} else {
			d.Passages[len(d.Passages)-1].Text += " "
		}
		p := &d.Passages[len(d.Passages)-1]
		off := len(p.Text)
		p.Text += s.text
		si := len(d.Sentences)
		d.Sentences = append(d.Sentences, doc.Sentence{Passage: len(d.Passages) - 1, Start: off, End: len(p.Text)})
		for _, n := range s.names {
			name, class, _ := strings.Cut(n, "=")
			nth := 1
			if a, b, ok := strings.Cut(name, "#"); ok {
				name = a
				fmt.Sscan(b, &nth)
			}
			at := -1
			for k := 0; k < nth; k++ {
				next := strings.Index(s.text[at+1:], name)
				if next < 0 {
					t.Fatalf("%q not in %q", name, s.text)
				}
				at += 1 + next
			}
			key := name + "=" + class
			e, ok := entity[key]
			if !ok {
				e = len(d.Entities)
				entity[key] = e
				d.Entities = append(d.Entities, doc.Entity{Label: name, Class: class})
			}
			d.Entities[e].Mentions = append(d.Entities[e].Mentions, len(d.Mentions))
			d.Mentions = append(d.Mentions, doc.Mention{Sentence: si, Start: off + at, End: off + at + len(name),
				Text: name, Name: name, Class: class, Entity: e})
		}
	}
	d.Done = []doc.Annotation{doc.Passages, doc.Sentences, doc.Mentions, doc.Entities}
	return d
}

// facts writes the facts of d as "kind text → entity (other) q=…".
func facts(d *doc.Doc) []string {
	var out []string
	for _, f := range d.Facts {
		s := fmt.Sprintf("%s %q → %s", f.Kind, f.Text, d.Entities[f.Entity].Label)
		if f.Other >= 0 {
			s += " (" + d.Entities[f.Other].Label + ")"
		}
		if f.Qualifier != "" {
			s += fmt.Sprintf(" q=%q", f.Qualifier)
		}
		out = append(out, s)
	}
	return out
}

func TestAttach(t *testing.T) {
	for _, c := range []struct {
		name       string
		ss         []sent
		want       []string
		unattached int
	}{
		// Amounts.
		{"recipient actor with source appropriation", []sent{{
			text:  "Region Dalarna har beviljats 12 miljoner kronor ur anslaget Regionala tillväxtåtgärder för 2024.",
			names: []string{"Region Dalarna=Region", "Regionala tillväxtåtgärder=Appropriation"}}},
			[]string{`amount "12 miljoner kronor" → Region Dalarna (Regionala tillväxtåtgärder) q="för 2024"`}, 0},
		{"passive recipient with purpose appropriation", []sent{{
			text:  "Under året har Region Västernorrland tilldelats 88 miljoner kronor för regionala tillväxtåtgärder.",
			names: []string{"Region Västernorrland=Region", "regionala tillväxtåtgärder=Appropriation"}}},
			[]string{`amount "88 miljoner kronor" → Region Västernorrland (regionala tillväxtåtgärder)`}, 0},
		{"money for an appropriation", []sent{{
			text:  "Staten fördelar årligen drygt 900 miljoner kronor i medel för Regionala tillväxtåtgärder.",
			names: []string{"Staten=Government", "Regionala tillväxtåtgärder=Appropriation"}}},
			[]string{`amount "900 miljoner kronor" → Regionala tillväxtåtgärder q="drygt; årligen"`}, 0},
		{"project recipient paid from a fund", []sent{{
			text: "Tillväxtverket beviljade projektet Smart industri 4,2 miljoner kronor från Europeiska regionala utvecklingsfonden.",
			names: []string{"Tillväxtverket=GovernmentAgency", "Smart industri=Project",
				"Europeiska regionala utvecklingsfonden=Fund"}}},
			[]string{`amount "4,2 miljoner kronor" → Smart industri (Europeiska regionala utvecklingsfonden)`}, 0},
		{"to a programme", []sent{{
			text:  "Regeringen avsätter 300 miljoner kronor till programmet Innovation Norr.",
			names: []string{"Regeringen=Government", "Innovation Norr=Programme"}}},
			[]string{`amount "300 miljoner kronor" → Innovation Norr (Regeringen)`}, 0},
		{"grant to a company on an amount", []sent{{
			text:  "Regionstyrelsen beviljade ett bidrag till Visit Mälardalen AB på 1 250 000 kronor.",
			names: []string{"Regionstyrelsen=PoliticalBody", "Visit Mälardalen AB=Company"}}},
			[]string{`amount "1 250 000 kronor" → Visit Mälardalen AB (Regionstyrelsen)`}, 0},
		{"inverted giver", []sent{{
			text:  "Vid mötet godkände fullmäktige ett anslag till Destination Fjäll AB på cirka 3 miljoner kronor.",
			names: []string{"fullmäktige=PoliticalBody", "Destination Fjäll AB=Company"}}},
			[]string{`amount "3 miljoner kronor" → Destination Fjäll AB q="cirka"`}, 0},
		{"instrument of an amount", []sent{{
			text:  "Fonden för regional omställning om 1,2 miljarder kronor ska stödja omställningen.",
			names: []string{"Fonden för regional omställning=Fund"}}},
			[]string{`amount "1,2 miljarder kronor" → Fonden för regional omställning`}, 0},
		{"support with", []sent{{
			text:  "Åre kommun stödjer projektet Fjällbyn med 750 000 kronor.",
			names: []string{"Åre kommun=Municipality", "Fjällbyn=Project"}}},
			[]string{`amount "750 000 kronor" → Fjällbyn (Åre kommun)`}, 0},
		{"dative recipient", []sent{{
			text:  "Västra Götalandsregionen ger Högskolan Väst 3 miljoner kronor per år.",
			names: []string{"Västra Götalandsregionen=Region", "Högskolan Väst=University"}}},
			[]string{`amount "3 miljoner kronor" → Högskolan Väst (Västra Götalandsregionen) q="per år"`}, 0},
		{"payer after av", []sent{{
			text:  "Vinnova har tilldelats 200 miljoner kronor av regeringen.",
			names: []string{"Vinnova=GovernmentAgency", "regeringen=Government"}}},
			[]string{`amount "200 miljoner kronor" → Vinnova (regeringen)`}, 0},
		{"fund next to the amount", []sent{{
			text:  "Landsbygdsprogrammet omfattar drygt 36 miljarder kronor.",
			names: []string{"Landsbygdsprogrammet=Programme"}}},
			[]string{`amount "36 miljarder kronor" → Landsbygdsprogrammet q="drygt"`}, 0},
		{"no recipient", []sent{{
			text:  "Region Skåne fördelar 40 miljoner kronor.",
			names: []string{"Region Skåne=Region"}}},
			nil, 1},
		{"hands out", []sent{{
			text:  "Kulturrådet delar ut 20 miljoner kronor till Riksteatern.",
			names: []string{"Kulturrådet=GovernmentAgency", "Riksteatern=Association"}}},
			[]string{`amount "20 miljoner kronor" → Riksteatern (Kulturrådet)`}, 0},
		{"parts is no verb", []sent{{
			text:  "I alla delar av Region Gävleborg har Inlandsfonden beviljat 2 miljoner kronor till Hälsinglands museum.",
			names: []string{"Region Gävleborg=Region", "Inlandsfonden=Fund", "Hälsinglands museum=Association"}}},
			[]string{`amount "2 miljoner kronor" → Hälsinglands museum (Inlandsfonden)`}, 0},
		{"two amounts to two recipients", []sent{{
			text:  "Regeringen ger 5 miljoner kronor till Region Kalmar län och 7 miljoner kronor till Region Blekinge.",
			names: []string{"Regeringen=Government", "Region Kalmar län=Region", "Region Blekinge=Region"}}},
			[]string{`amount "5 miljoner kronor" → Region Kalmar län (Regeringen)`,
				`amount "7 miljoner kronor" → Region Blekinge (Regeringen)`}, 0},

		// Shares.
		{"owns", []sent{{
			text:  "Region Norr äger 51 procent av Norrtåg AB.",
			names: []string{"Region Norr=Region", "Norrtåg AB=Company"}}},
			[]string{`share "51 procent" → Region Norr (Norrtåg AB)`}, 0},
		{"owns, second verb of the subject", []sent{{
			text:  "Bolaget förvaltar fastigheter och äger i sin tur 40 procent av Norrtåg AB.",
			names: []string{"Bolaget=Company", "Norrtåg AB=Company"}}},
			[]string{`share "40 procent" → Bolaget (Norrtåg AB)`}, 0},
		{"is owned", []sent{{
			text:  "Inlandsbanan AB ägs till 40 procent av Region Jämtland Härjedalen.",
			names: []string{"Inlandsbanan AB=Company", "Region Jämtland Härjedalen=Region"}}},
			[]string{`share "40 procent" → Region Jämtland Härjedalen (Inlandsbanan AB)`}, 0},
		{"holds and elliptic", []sent{{
			text:  "Science Park Holding AB innehar 60 procent av aktierna i Science Park Umeå AB och Umeå kommun högst 40 procent.",
			names: []string{"Science Park Holding AB=Company", "Science Park Umeå AB=Company", "Umeå kommun=Municipality"}}},
			[]string{`share "60 procent" → Science Park Holding AB (Science Park Umeå AB)`,
				`share "40 procent" → Umeå kommun (Science Park Umeå AB) q="högst"`}, 0},
		{"owned after the share", []sent{{
			text:  "Riskkapitalbolaget Norrinvest AB, som till 60 procent ägs av Region Norrbotten, investerar i nya företag.",
			names: []string{"Norrinvest AB=Company", "Region Norrbotten=Region"}}},
			[]string{`share "60 procent" → Region Norrbotten (Norrinvest AB)`}, 0},
		{"owned with no company named", []sent{{
			text:  "Resterande 40 procent ägs av Region Norrbotten.",
			names: []string{"Region Norrbotten=Region"}}},
			[]string{`share "40 procent" → Region Norrbotten`}, 0},
		{"owned, company in the sentence before", []sent{
			{text: "Norrtåg AB ägs till 60 procent av Region Västerbotten.",
				names: []string{"Norrtåg AB=Company", "Region Västerbotten=Region"}},
			{text: "Resterande 40 procent ägs av Region Norrbotten.", names: []string{"Region Norrbotten=Region"}, same: true}},
			[]string{`share "60 procent" → Region Västerbotten (Norrtåg AB)`,
				`share "40 procent" → Region Norrbotten (Norrtåg AB)`}, 0},
		{"owned, company of another passage", []sent{
			{text: "Norrtåg AB ägs till 60 procent av Region Västerbotten.",
				names: []string{"Norrtåg AB=Company", "Region Västerbotten=Region"}},
			{text: "Resterande 40 procent ägs av Region Norrbotten.", names: []string{"Region Norrbotten=Region"}}},
			[]string{`share "60 procent" → Region Västerbotten (Norrtåg AB)`,
				`share "40 procent" → Region Norrbotten`}, 0},
		{"owned, the company is the name before som", []sent{{
			text:  "Rådgivningen i Almi AB sker via regionala bolag som till 51 procent ägs av Region Norr.",
			names: []string{"Almi AB=Company", "Region Norr=Region"}}},
			[]string{`share "51 procent" → Region Norr`}, 0},
		{"no holder of itself", []sent{
			{text: "Region Norr äger 51 procent av Norrtåg AB.", names: []string{"Region Norr=Region", "Norrtåg AB=Company"}},
			{text: "Resterande 49 procent ägs av Norrtåg AB.", names: []string{"Norrtåg AB=Company"}, same: true}},
			[]string{`share "51 procent" → Region Norr (Norrtåg AB)`, `share "49 procent" → Norrtåg AB`}, 0},
		{"owns half", []sent{{
			text:  "Region Norr äger hälften av aktierna i Norrtåg AB.",
			names: []string{"Region Norr=Region", "Norrtåg AB=Company"}}},
			[]string{`share "hälften" → Region Norr (Norrtåg AB)`}, 0},
		{"has shares", []sent{{
			text:  "Region Norr har 40 procent av aktierna i Norrtåg AB.",
			names: []string{"Region Norr=Region", "Norrtåg AB=Company"}}},
			[]string{`share "40 procent" → Region Norr (Norrtåg AB)`}, 0},
		{"has half of something else", []sent{{
			text:  "Region Norr har hälften av platserna i Norrtåg AB.",
			names: []string{"Region Norr=Region", "Norrtåg AB=Company"}}},
			nil, 1},
		{"half that is no holding", []sent{{
			text:  "Regionerna svarar för ungefär halva finansieringen medan staten svarar för en fjärdedel.",
			names: []string{"Regionerna=ActorGroup", "staten=Government"}}},
			nil, 2},
		{"percentage that is no holding", []sent{{
			text:  "Arbetslösheten i Region Halland minskade med 2 procent.",
			names: []string{"Region Halland=Region"}}},
			nil, 1},

		// Dates, starts, ends and periods.
		{"programme period", []sent{{
			text:  "Programmet Interreg Aurora löper under perioden 2021–2027.",
			names: []string{"Interreg Aurora=Programme"}}},
			[]string{`period "2021–2027" → Interreg Aurora`}, 0},
		{"mandate since", []sent{{
			text:  "Sedan 2019 har regionerna det regionala utvecklingsansvaret.",
			names: []string{"regionerna=ActorGroup", "det regionala utvecklingsansvaret=Mandate"}}},
			[]string{`start "2019" → det regionala utvecklingsansvaret`}, 0},
		{"actor since", []sent{{
			text:  "Sedan 2015 är Region Örebro län medlem.",
			names: []string{"Region Örebro län=Region"}}},
			[]string{`start "2015" → Region Örebro län`}, 0},
		{"cleft focus", []sent{{
			text:  "Från 1 januari 2019 är det de 21 regionerna i Sverige som har ansvaret för regionala utvecklingsfrågor.",
			names: []string{"regionerna=ActorGroup", "ansvaret för regionala utvecklingsfrågor=Mandate"}}},
			[]string{`start "1 januari 2019" → regionerna`}, 0},
		{"cleft and a period in a name", []sent{{
			text:  "Hittills är det bara Region Skåne som har tagit fram en plan: Regionplan för Skåne 2022–2040.",
			names: []string{"Region Skåne=Region", "Regionplan för Skåne 2022–2040=Plan"}}},
			[]string{`period "2022–2040" → Regionplan för Skåne 2022–2040`}, 0},
		{"no cleft", []sent{{
			text:  "Sedan januari 2019 är det regionala utvecklingsansvaret samlat hos regionerna som leder arbetet.",
			names: []string{"det regionala utvecklingsansvaret=Mandate", "regionerna=ActorGroup"}}},
			[]string{`start "januari 2019" → det regionala utvecklingsansvaret`}, 0},
		{"law gone by", []sent{{
			text:  "Sedan år 2019 finns också möjligheten att ta fram regionala planer enligt PBL.",
			names: []string{"PBL=Act"}}},
			nil, 1},
		{"period in the name of a law gone by", []sent{{
			text:  "Planen tas fram enligt Strategi 2021–2027.",
			names: []string{"Strategi 2021–2027=Strategy"}}},
			[]string{`period "2021–2027" → Strategi 2021–2027`}, 0},
		{"actor of another clause", []sent{{
			text:  "Sedan 2019 har alla regioner koordinatorer, funktionen inrättades 2016 hos de utvecklingsansvariga.",
			names: []string{"alla regioner=ActorGroup"}}},
			[]string{`start "2019" → alla regioner`}, 1},
		{"law decided", []sent{{
			text:  "Regeringen beslutade den 10 juni 2021 om förordningen om regionalt tillväxtarbete.",
			names: []string{"Regeringen=Government", "förordningen om regionalt tillväxtarbete=Ordinance"}}},
			[]string{`date "10 juni 2021" → förordningen om regionalt tillväxtarbete`}, 0},
		{"decision with no instrument", []sent{{
			text:  "Riksdagen beslutade i mars 2020 om nya regler.",
			names: []string{"Riksdagen=Parliament"}}},
			nil, 1},
		{"duration adjective", []sent{{
			text:  "Varje region ska enligt Kulturrådet ta fram en fyraårig regional kulturplan.",
			names: []string{"Kulturrådet=GovernmentAgency", "regional kulturplan=Plan"}}},
			[]string{`period "fyraårig" → regional kulturplan`}, 0},
		{"period in a name", []sent{{
			text:  "Den nationella strategin för hållbar regional utveckling 2021–2030 styr arbetet.",
			names: []string{"nationella strategin för hållbar regional utveckling 2021–2030=Strategy"}}},
			[]string{`period "2021–2030" → nationella strategin för hållbar regional utveckling 2021–2030`}, 0},
		{"mandate nearer than plan", []sent{{
			text: "I oktober 2022 fick Trafikverket uppdraget att ta fram en åtgärdsplan inför Nationell plan för transportinfrastruktur.",
			names: []string{"Trafikverket=GovernmentAgency", "uppdraget att ta fram en åtgärdsplan=Mandate",
				"Nationell plan för transportinfrastruktur=Plan"}}},
			[]string{`date "oktober 2022" → uppdraget att ta fram en åtgärdsplan`}, 0},
		{"programme around a fund", []sent{{
			text:  "Regionerna tar fram regionala program för Socialfonden för perioden 2021–2027.",
			names: []string{"Regionerna=ActorGroup", "regionala program för Socialfonden=Programme", "Socialfonden=Fund"}}},
			[]string{`period "2021–2027" → regionala program för Socialfonden`}, 0},
		{"timeline under a heading", []sent{
			{text: "Bygga upp regionala innovationsnoder", names: []string{"Bygga upp regionala innovationsnoder=Mandate"}, heading: true},
			{text: "2016 – 2018"}},
			[]string{`period "2016 – 2018" → Bygga upp regionala innovationsnoder`}, 0},
		{"bare year no fact", []sent{{
			text:  "År 2019 ombildades landstinget till Region Uppland.",
			names: []string{"Region Uppland=Region"}}},
			nil, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := build(t, c.ss...)
			st := Extract(d)
			if got := facts(d); !slices.Equal(got, c.want) {
				t.Errorf("facts\n got  %q\n want %q", got, c.want)
			}
			if st.Unattached != c.unattached || st.Facts != len(d.Facts) || st.Values != st.Facts+st.Unattached {
				t.Errorf("stats %+v, want %d unattached", st, c.unattached)
			}
		})
	}
}

// Facts point into their passage: offsets past earlier sentences of the
// same passage, and Other is -1 when nothing pays.
func TestFactOffsets(t *testing.T) {
	d := build(t,
		sent{text: "Projektet Gröna jobb presenterades i våras.", names: []string{"Gröna jobb=Project"}},
		sent{text: "Projektet Gröna jobb startade i mars 2022 och pågår till 2025.", names: []string{"Gröna jobb=Project"}, same: true},
	)
	Extract(d)
	if len(d.Facts) != 2 {
		t.Fatalf("facts %q", facts(d))
	}
	want := []doc.Fact{
		{Kind: doc.Start, Entity: 0, Other: -1, Sentence: 1, Text: "mars 2022", From: "2022-03"},
		{Kind: doc.End, Entity: 0, Other: -1, Sentence: 1, Text: "2025", From: "2025"},
	}
	for i, f := range d.Facts {
		p := d.Passages[0].Text
		if p[f.Start:f.End] != f.Text {
			t.Errorf("fact %d spans %q, Text %q", i, p[f.Start:f.End], f.Text)
		}
		f.Start, f.End = 0, 0
		if f != want[i] {
			t.Errorf("fact %d = %+v, want %+v", i, f, want[i])
		}
	}
}

// The stage runs in a pipeline after the annotations it requires.
func TestStage(t *testing.T) {
	d := build(t, sent{text: "Region Norr äger 51 procent av Norrtåg AB.", names: []string{"Region Norr=Region", "Norrtåg AB=Company"}})
	d.Done = nil
	if err := doc.Check([]doc.Stage{Stage{}}); err == nil {
		t.Error("facts without sentences, mentions and entities passed the order check")
	}
	if err := doc.Run(d, []doc.Stage{given{doc.Sentences, doc.Mentions, doc.Entities}, Stage{}}); err != nil {
		t.Fatal(err)
	}
	if !d.Has(doc.Facts) || len(d.Facts) != 1 || d.Facts[0].Value != "51" {
		t.Errorf("facts %+v, done %v", d.Facts, d.Done)
	}
}

// given stands for the stages before facts, whose work the test did by hand.
type given []doc.Annotation

func (given) Name() string                 { return "given" }
func (given) Requires() []doc.Annotation   { return nil }
func (g given) Provides() []doc.Annotation { return g }
func (given) Run(*doc.Doc) error           { return nil }
