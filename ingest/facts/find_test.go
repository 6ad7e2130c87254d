package facts

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"kg/ingest/doc"
)

// show writes a value compactly: kind, text, normalised form, qualifier.
func show(v Value) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q", v.Kind, v.Text)
	switch {
	case v.Currency != "":
		fmt.Fprintf(&b, " =%s %s", v.Value, v.Currency)
	case v.Value != "":
		fmt.Fprintf(&b, " =%s", v.Value)
	case v.To != "":
		fmt.Fprintf(&b, " =%s/%s", v.From, v.To)
	default:
		fmt.Fprintf(&b, " =%s", v.From)
	}
	if v.Qualifier != "" {
		fmt.Fprintf(&b, " q=%q", v.Qualifier)
	}
	return b.String()
}

var findCases = []struct {
	name, text string
	want       []string
}{
	// Amounts.
	{"millions", "Regionen har beviljat 15 miljoner kronor till projektet.",
		[]string{`amount "15 miljoner kronor" =15000000 SEK`}},
	{"decimal comma", "Kommunen bidrar med 85,5 miljoner kronor.",
		[]string{`amount "85,5 miljoner kronor" =85500000 SEK`}},
	{"hedge", "Bolaget fick drygt 85 miljoner kronor i ägartillskott.",
		[]string{`amount "85 miljoner kronor" =85000000 SEK q="drygt"`}},
	{"milliards kr", "Budgeten uppgår till 2,3 miljarder kr.",
		[]string{`amount "2,3 miljarder kr" =2300000000 SEK`}},
	{"units", "Föreningen fick 500 tkr och 1,2 mnkr i två omgångar.",
		[]string{`amount "500 tkr" =500000 SEK`, `amount "1,2 mnkr" =1200000 SEK`}},
	{"euro and MSEK", "Interreg bidrar med 150 000 euro och kommunerna med 10 MSEK.",
		[]string{`amount "150 000 euro" =150000 EUR`, `amount "10 MSEK" =10000000 SEK`}},
	{"mdkr", "Satsningen omfattar 3 mdkr under tio år.",
		[]string{`amount "3 mdkr" =3000000000 SEK`, `period "tio år" =P10Y`}},
	{"no-break spaces", "Stödet är på 8\u00a0567\u00a0000 kronor och 1\u2009250\u2009000 kr.",
		[]string{`amount "8\u00a0567\u00a0000 kronor" =8567000 SEK`, `amount "1\u2009250\u2009000 kr" =1250000 SEK`}},
	{"thousands groups", "Regeringen fördelar 1 100 miljoner kronor.",
		[]string{`amount "1 100 miljoner kronor" =1100000000 SEK`}},
	{"hedge and scope", "Regionen avsätter cirka 40 miljoner kronor årligen.",
		[]string{`amount "40 miljoner kronor" =40000000 SEK q="cirka; årligen"`}},
	{"scope before", "Varje år fördelar staten knappt 2 miljarder kronor.",
		[]string{`amount "2 miljarder kronor" =2000000000 SEK q="knappt; Varje år"`}},
	{"two-word hedge", "Upp till 5 miljoner kronor kan sökas per år.",
		[]string{`amount "5 miljoner kronor" =5000000 SEK q="Upp till; per år"`}},
	{"ca with stop", "Projektet kostar ca. 300 000 kr totalt.",
		[]string{`amount "300 000 kr" =300000 SEK q="ca.; totalt"`}},
	{"abbreviated scale", "Totalt har tolv projekt fått 4,5 milj. kr.",
		[]string{`amount "4,5 milj. kr" =4500000 SEK q="Totalt"`}},
	{"year scope", "Två projekt beviljades 300 000 kronor vardera för 2023.",
		[]string{`amount "300 000 kronor" =300000 SEK q="för 2023"`}},
	{"scope to nearest", "För 2021 fick Region A 10 miljoner kronor och Region B 12 miljoner kronor per år.",
		[]string{`amount "10 miljoner kronor" =10000000 SEK q="För 2021"`, `amount "12 miljoner kronor" =12000000 SEK q="per år"`}},
	{"number words", "Fonden har en miljon kronor, programmet två miljarder kronor och planen en halv miljard euro.",
		[]string{`amount "en miljon kronor" =1000000 SEK`, `amount "två miljarder kronor" =2000000000 SEK`,
			`amount "en halv miljard euro" =500000000 EUR`}},
	{"dotted thousands", "Bidraget var 2.000.000 kronor.",
		[]string{`amount "2.000.000 kronor" =2000000 SEK`}},
	{"decimal point", "Stödet var 8.5 miljoner kronor, inte 2,5.3 kr.", nil},
	{"ranges of numbers", "Varje projekt får 10–15 miljoner kronor, mellan 40 och 60 procent av kostnaden eller 2 till 3 mnkr.", nil},
	{"not money", "Länet har 15 miljoner besökare, 5 000 företag och de 21 regionerna.", nil},

	// Shares.
	{"share", "Region Norr äger 51 procent av bolaget.",
		[]string{`share "51 procent" =51`}},
	{"share sign", "Bolaget ägs till 49 % av regionen och 51% av staten.",
		[]string{`share "49 %" =49`, `share "51%" =51`}},
	{"share decimal hedged", "Kommunen äger minst 12,5 procent.",
		[]string{`share "12,5 procent" =12.5 q="minst"`}},
	{"percentage points", "Andelen ökade med 3 procentenheter.", nil},
	{"fractions", "Regionen äger hälften, kommunen en fjärdedel, staten ungefär var sin fjärdedel och bolaget tre fjärdedelar.",
		[]string{`share "hälften" =50`, `share "en fjärdedel" =25`, `share "var sin fjärdedel" =25 q="ungefär"`,
			`share "tre fjärdedelar" =75`}},
	{"half with its noun", "Staten äger halva bolaget och en åttondel av fonden.",
		[]string{`share "halva bolaget" =50`, `share "en åttondel" =12.5`}},
	{"no fractions", "En tredjedel av länen, två fjärdedel, en fjärdedelar och halva 2019 är inga andelar.", nil},

	// Dates.
	{"full date", "Beslutet fattades den 15 mars 2023.",
		[]string{`date "15 mars 2023" =2023-03-15`}},
	{"decision cue", "Styrelsen beslutade den 2 februari 2021 att inrätta rådet.",
		[]string{`date "2 februari 2021" =2021-02-02`}},
	{"iso date", "Avtalet undertecknades 2023-05-12.",
		[]string{`date "2023-05-12" =2023-05-12`}},
	{"month year", "I januari 2024 presenterades planen.",
		[]string{`date "januari 2024" =2024-01`}},
	{"abbreviated month", "Mötet hölls 3 okt. 2022 i Umeå.",
		[]string{`date "3 okt. 2022" =2022-10-03`}},
	{"target year", "Planen ska vara antagen senast 2025.",
		[]string{`date "2025" =2025 q="senast"`}},
	{"target till", "Utsläppen ska halveras till 2030.",
		[]string{`date "2030" =2030`}},
	{"completion", "En reviderad plan ska vara klar 2027.",
		[]string{`date "2027" =2027`}},

	// Starts and ends.
	{"from and including", "Från och med den 1 januari 2019 har regionerna ansvaret.",
		[]string{`start "1 januari 2019" =2019-01-01`}},
	{"fr.o.m.", "Fr.o.m. 2020 gäller nya regler.",
		[]string{`start "2020" =2020`}},
	{"since", "Sedan 2015 driver regionen projektet.",
		[]string{`start "2015" =2015`}},
	{"from year word", "Modellen infördes stegvis från år 2012.",
		[]string{`start "2012" =2012`}},
	{"started", "Projektet startade i september 2018.",
		[]string{`start "september 2018" =2018-09`}},
	{"began", "Arbetet inleddes 2017 och pågår fortfarande.",
		[]string{`start "2017" =2017`}},
	{"in force", "Lagen trädde i kraft den 1 juli 2018.",
		[]string{`start "1 juli 2018" =2018-07-01`}},
	{"took over", "Den 1 januari 2019 tog Region Gotland över ansvaret.",
		[]string{`start "1 januari 2019" =2019-01-01`}},
	{"year then verb", "2011 infördes modellen i hela landet.",
		[]string{`start "2011" =2011`}},
	{"passed over", "År 2020 övergick bolaget till att ägas av regionen.",
		[]string{`start "2020" =2020`}},
	{"cue before an agent", "Funktionen inrättades genom ett regeringsbeslut 2018 och finns kvar.",
		[]string{`start "2018" =2018`}},
	{"adopted by", "Strategin antogs av regionfullmäktige 2020.",
		[]string{`date "2020" =2020`}},
	{"ended", "Programmet avslutades 2020.",
		[]string{`end "2020" =2020`}},
	{"until and including", "Avtalet gäller till och med den 31 december 2025.",
		[]string{`end "31 december 2025" =2025-12-31`}},
	{"t.o.m.", "Insatsen pågår t.o.m. 2024.",
		[]string{`end "2024" =2024`}},
	{"fram till", "Satsningen pågår fram till 2026.",
		[]string{`end "2026" =2026`}},
	{"lasting till", "Strategin gäller till 2030.",
		[]string{`end "2030" =2030`}},
	{"end of year", "Projektet avslutas i slutet av 2022.",
		[]string{`end "2022" =2022`}},
	{"at the end of", "Avtalet löper ut vid utgången av 2025.",
		[]string{`end "2025" =2025`}},
	{"ceases", "Stödet upphör den 30 juni 2024.",
		[]string{`end "30 juni 2024" =2024-06-30`}},

	// Years that are no facts.
	{"bare year", "År 2019 ombildades landstinget till region.", nil},
	{"during year", "Under 2019 genomfördes tio seminarier.", nil},
	{"report from", "Enligt en rapport från 2019 växer länet.", nil},
	{"genitive year", "Av 2019 års budget gick en del till kultur.", nil},
	{"sfs", "Förordningen (2017:583) om regionalt tillväxtarbete och SOU 2010:11 gäller.", nil},
	{"bill", "Regeringen skrev i prop. 2019/20:1 om detta.", nil},
	{"decade", "På 2010-talet växte staden.", nil},
	{"agent phrase too long", "Planen antogs av styrelsen för den nya regionen 2020 och av fullmäktige i maj.", nil},
	{"no agent verb", "Planen skrevs av regionens kansli 2020.", nil},
	{"name", "Agenda 2030 är ett ramverk.", nil},
	{"scope year alone", "För 2022 gäller andra regler.", nil},
	{"day without year", "Ansökan ska vara inne den 1 mars.", nil},
	{"impossible day", "Beslutet togs den 31 februari 2021.", nil},

	// Periods.
	{"en dash", "Programmet löper 2021–2027.",
		[]string{`period "2021–2027" =2021/2027`}},
	{"hyphen", "Projektet pågår 2021-2023.",
		[]string{`period "2021-2023" =2021/2023`}},
	{"spaced em dash", "Under åren 2014 — 2020 fanns åtta program.",
		[]string{`period "2014 — 2020" =2014/2020`}},
	{"non-breaking hyphen", "Strategin för 2021\u20112030 styr arbetet.",
		[]string{"period \"2021\u20112030\" =2021/2030"}},
	{"under the period", "Medlen ska användas under perioden 2021–2027.",
		[]string{`period "2021–2027" =2021/2027`}},
	{"programme period", "I programperioden 2014–2020 fanns fler program.",
		[]string{`period "2014–2020" =2014/2020`}},
	{"between", "Mellan 2019 och 2022 genomfördes satsningen.",
		[]string{`period "Mellan 2019 och 2022" =2019/2022`}},
	{"from to", "Från 2019 till 2022 leddes arbetet av länsstyrelsen.",
		[]string{`period "Från 2019 till 2022" =2019/2022`}},
	{"from to including", "Avtalet gäller från 1 januari 2019 till och med 31 december 2020.",
		[]string{`period "från 1 januari 2019 till och med 31 december 2020" =2019-01-01/2020-12-31`}},
	{"period till", "Under perioden 2019 till 2022 växte länet.",
		[]string{`period "2019 till 2022" =2019/2022`}},
	{"slash", "Verksamhetsåret 2021/2022 och läsåret 2023/24 var olika.",
		[]string{`period "2021/2022" =2021/2022`, `period "2023/24" =2023/2024`}},
	{"date range", "Ansökan var öppen 2023-01-15–2023-03-31.",
		[]string{`period "2023-01-15–2023-03-31" =2023-01-15/2023-03-31`}},
	{"from before span", "Planen sträcker sig från 2026-2037.",
		[]string{`period "2026-2037" =2026/2037`}},
	{"reversed", "Siffrorna 2022–2019 är fel.", nil},
	{"too long", "Scenariot 1990–2060 är långt.", nil},

	// Durations.
	{"adjective", "Varje region ska ta fram en treårig kulturplan och ett tvåårigt program.",
		[]string{`period "treårig" =P3Y`, `period "tvåårigt" =P2Y`}},
	{"digit adjective", "Det blir 3-åriga projekt under en femårsperiod.",
		[]string{`period "3-åriga" =P3Y`, `period "femårsperiod" =P5Y`}},
	{"under years", "Projektet drivs under tre år.",
		[]string{`period "tre år" =P3Y`}},
	{"lasts", "Satsningen pågår i fyra år och därefter under 18 månader.",
		[]string{`period "fyra år" =P4Y`, `period "18 månader" =P18M`}},
	{"period of", "Avtalet gäller för en period på två år.",
		[]string{`period "två år" =P2Y`}},
	{"no durations", "Planen revideras vart fjärde år, för fyra år sedan och om tre år igen.", nil},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, v := range Find(c.text) {
				got = append(got, show(v))
				if c.text[v.Start:v.End] != v.Text {
					t.Errorf("span %d:%d is %q, Text %q", v.Start, v.End, c.text[v.Start:v.End], v.Text)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("Find(%q)\n got  %q\n want %q", c.text, got, c.want)
			}
		})
	}
}

func TestFindCue(t *testing.T) {
	for text, want := range map[string]string{
		"Från och med år 2011 gäller modellen.":              "Från och med",
		"Satsningen startade i mars 2020.":                   "startade",
		"Den 1 juli 2018 trädde lagen i kraft.":              "trädde",
		"År 2016 tog regionen initiativet till en strategi.": "tog",
		"Insatsen pågår t.o.m. 2024.":                        "t.o.m.",
		"Det ska vara färdigställt senast år 2030.":          "senast",
		"I december 2021 beslutade regeringen detta":         "beslutade",
	} {
		vs := Find(text)
		if len(vs) != 1 || vs[0].Cue != want {
			t.Errorf("Find(%q) cue: got %+v, want %q", text, vs, want)
		}
	}
}

// Every value Find returns normalises, from its text alone, to the same
// form.
func TestFindAgreesWithNormalise(t *testing.T) {
	for _, c := range findCases {
		for _, v := range Find(c.text) {
			val, cur, from, to, ok := Normalise(v.Kind, v.Text)
			if !ok || val != v.Value || cur != v.Currency || from != v.From || to != v.To {
				t.Errorf("Normalise(%s, %q) = %q %q %q %q %v; Find gave %s", v.Kind, v.Text, val, cur, from, to, ok, show(v))
			}
		}
	}
}

func TestNormalise(t *testing.T) {
	for _, c := range []struct {
		kind                      doc.FactKind
		text                      string
		value, currency, from, to string
		ok                        bool
	}{
		{doc.Amount, "15 miljoner kronor", "15000000", "SEK", "", "", true},
		{doc.Amount, "85,5 miljoner kronor", "85500000", "SEK", "", "", true},
		{doc.Amount, "drygt 85 miljoner kronor", "85000000", "SEK", "", "", true},
		{doc.Amount, "8 567 000 kronor", "8567000", "SEK", "", "", true},
		{doc.Amount, "0,25 tkr", "250", "SEK", "", "", true},
		{doc.Amount, "1,25 kronor", "1.25", "SEK", "", "", true},
		{doc.Amount, "196 miljoner euro", "196000000", "EUR", "", "", true},
		{doc.Amount, "15 miljoner", "", "", "", "", false},
		{doc.Amount, "49 procent", "", "", "", "", false},
		{doc.Share, "49 procent", "49", "", "", "", true},
		{doc.Share, "högst 49 procent", "49", "", "", "", true},
		{doc.Share, "7,50 %", "7.5", "", "", "", true},
		{doc.Share, "ungefär halva finansieringen", "50", "", "", "", true},
		{doc.Share, "var sin fjärdedel", "25", "", "", "", true},
		{doc.Share, "hälften", "50", "", "", "", true},
		{doc.Share, "en tredjedel", "", "", "", "", false},
		{doc.Date, "den 15 mars 2023", "", "", "2023-03-15", "", true},
		{doc.Date, "december 2009", "", "", "2009-12", "", true},
		{doc.Date, "2026", "", "", "2026", "", true},
		{doc.Date, "30 februari 2020", "", "", "", "", false},
		{doc.Date, "2021–2027", "", "", "", "", false},
		{doc.Start, "från och med år 2011", "", "", "2011", "", true},
		{doc.Start, "1 januari 2019", "", "", "2019-01-01", "", true},
		{doc.End, "t.o.m. 2024", "", "", "2024", "", true},
		{doc.Period, "2021‑2030", "", "", "2021", "2030", true},
		{doc.Period, "2010 - 2012", "", "", "2010", "2012", true},
		{doc.Period, "2021/22", "", "", "2021", "2022", true},
		{doc.Period, "1999/00", "", "", "1999", "2000", true},
		{doc.Period, "mellan 2019 och 2022", "", "", "2019", "2022", true},
		{doc.Period, "2019 till 2022", "", "", "2019", "2022", true},
		{doc.Period, "treårig", "P3Y", "", "", "", true},
		{doc.Period, "under tre år", "P3Y", "", "", "", true},
		{doc.Period, "18 månader", "P18M", "", "", "", true},
		{doc.Period, "2019", "", "", "", "", false},
		{doc.Amount, "", "", "", "", "", false},
	} {
		value, currency, from, to, ok := Normalise(c.kind, c.text)
		if value != c.value || currency != c.currency || from != c.from || to != c.to || ok != c.ok {
			t.Errorf("Normalise(%s, %q) = %q %q %q %q %v, want %q %q %q %q %v", c.kind, c.text,
				value, currency, from, to, ok, c.value, c.currency, c.from, c.to, c.ok)
		}
	}
}
