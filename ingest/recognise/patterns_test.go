package recognise

import (
	"slices"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// TestNameBoundaries checks where names no register holds begin and end.
func TestNameBoundaries(t *testing.T) {
	checkRuns(t, []runCase{
		// a period after a compound leaves its head the name's class
		{"Arbetet påverkas av den så kallade Partnerskapsöverenskommelsen 2021–2027, som anger inriktningen.",
			[]string{"Partnerskapsöverenskommelsen 2021–2027/Partnership"}},
		// an adjective that tells who shares a plan names no field
		{"Programmet är Region Skånes och Tillväxtverkets gemensamma strategi för arbetet.",
			[]string{"Region Skånes/Region", "Tillväxtverkets/GovernmentAgency"}},
		// a web address's words are no title
		{"Källa (https://www.region.se/Filer/Handlingsplan_ 2020.pdf)", nil},
		// a known name after "av" is a passive's agent
		{"Sedan 2021 finansieras programmet Övre Norrland av Europeiska regionala utvecklingsfonden.",
			[]string{"Övre Norrland/Programme", "Europeiska regionala utvecklingsfonden/Fund"}},
		// an agency's name ends the name before it
		{"I samverkan ingår Almi, Enterprise Europe Network Tillväxtverket och regionerna.",
			[]string{"Enterprise Europe Network/Network", "Tillväxtverket/GovernmentAgency", "regionerna/Region"}},
		// a name's fields joined by "&" after a comma are part of it
		{"Det är ett samarbete mellan Region Skåne, Nova Utbildning, FoU & Affärsutveckling samt Tillväxtverket.",
			[]string{"Region Skåne/Region", "Nova Utbildning, FoU & Affärsutveckling/Actor", "Tillväxtverket/GovernmentAgency"}},
		// a dash sets a name after the class noun it names
		{"Regionen erbjuder ett nytt koncept – Naturaktivitet på Recept.", []string{"Naturaktivitet på Recept/Programme"}},
		{"Det sker via samarbetet för kompetensutveckling – Kompetensnav.", []string{"Kompetensnav/Partnership"}},
		{"Regionen leder projektet – Nya Vägar startar i höst.", nil},
		// a capitalised subtitle after a dash ends an instrument's title
		{"Den finns: Regionplan för Uppsala 2022–2040 - Utveckling Uppsala.", []string{"Regionplan för Uppsala 2022–2040 - Utveckling Uppsala/Plan"}},
		{"Den finns: Regionplan för Uppsala 2022–2040 - Region Skåne.", []string{"Regionplan för Uppsala 2022–2040/Plan", "Region Skåne/Region"}},
		// a grant scheme's title makes up a line; the granting body is none of it
		{"Verksamhetsstöd för social hållbarhet med inriktning Folkhälsa i Region Skåne.",
			[]string{"Verksamhetsstöd för social hållbarhet med inriktning Folkhälsa/Appropriation", "Region Skåne/Region"}},
		{"Stöd till kommersiell service", []string{"Stöd till kommersiell service/Appropriation"}},
		{"Stöd till företag ges av Tillväxtverket.", []string{"Tillväxtverket/GovernmentAgency"}},
		{"Bidrag till föreningar fördelas av Tillväxtverket.", []string{"Tillväxtverket/GovernmentAgency"}},
		// a title capitalises only its first word
		{"Livsmedelsstrategin Växande värde omfattar hela branschen.", []string{"Livsmedelsstrategin/Strategy", "Växande värde/Strategy"}},
		// the verb after a title may be passive or past, and a title may
		// name a place
		{"Projektet Framtidens industri finansieras av Region Skåne.", []string{"Framtidens industri/Project", "Region Skåne/Region"}},
		{"Projektet Grön omställning i Bergslagen startade i fjol.", []string{"Grön omställning i Bergslagen/Project"}},
		{"Projektet Digitalt lyft för småföretag pågår till 2025.", []string{"Digitalt lyft för småföretag/Project"}},
		// a group's plan in the genitive is the kind, no name of its own
		{"Regionernas kulturplaner är omfattande.", []string{"Regionernas/Region"}},
		// a year names a capitalised compound; a clause's verb ends a title
		{"Fullmäktige antog Näringslivsstrategi 2030 i mars.", []string{"Näringslivsstrategi 2030/Strategy"}},
		{"I Innovationsstrategi för Västmanland anges fyra områden.", []string{"Innovationsstrategi för Västmanland/Strategy"}},
		{"Projektet Nya jobb erbjuder rådgivning.", []string{"Nya jobb/Project"}},
		{"Projektet Nya jobb drivs av Tillväxtverket.", []string{"Nya jobb/Project", "Tillväxtverket/GovernmentAgency"}},
		{"Projektet Grönt kliv leds av Tillväxtverket.", []string{"Grönt kliv/Project", "Tillväxtverket/GovernmentAgency"}},
		{"Det är nätverket Kompetensnav också arbetar med.", []string{"Kompetensnav/Network"}},
		// an indefinite, with an adjective or none, or a predicate's owner
		// makes a compound describe
		{"Regionen har tagit fram en digital utbildningsplattform för näringslivet.", nil},
		{"Tillväxtverket är landets samverkansplattform för näringslivsfrågor.", []string{"Tillväxtverket/GovernmentAgency"}},
		// an indefinite article makes an English kind noun a common noun
		{"Uppgiften är att bygga ett Science Center i området.", nil},
		// a title compounded with "råd" names a person, no council
		{"Beslutet fattades av statsrådet Anna Berg.", nil},
		{"Frågan bereds av regionrådet Per Holm och Tillväxtverket.", []string{"Tillväxtverket/GovernmentAgency"}},
		// a capitalised bare head after its owner starts a title
		{"Region Skånes Program för smart specialisering prioriterar tre områden.",
			[]string{"Region Skånes/Region", "Program för smart specialisering/Programme/Region Skånes Program för smart specialisering"}},
	})
}

// TestCountedTitles checks that a numeral before an owner's compound
// counts instruments of a kind and starts no title.
func TestCountedTitles(t *testing.T) {
	for text, want := range map[string]int{"Två Business Region-plattformar": 0, "Region Skånes Innovationsstrategi": 1} {
		d := &doc.Doc{Passages: []doc.Passage{{Text: text}}}
		if err := doc.Run(d, []doc.Stage{lang.Stage{}}); err != nil {
			t.Fatal(err)
		}
		if got := len(titles(d.Sentences[0].Tokens)); got != want {
			t.Errorf("%q: %d titles, want %d", text, got, want)
		}
	}
}

// TestPlaceLead checks that a town's name before a capitalised word no
// rule took starts a partner's name.
func TestPlaceLead(t *testing.T) {
	names := append([]Name{{Text: "Lund", Key: "municipality:1281", Class: "Municipality"}}, testNames...)
	d := &doc.Doc{Passages: []doc.Passage{{Text: "Det sker i samverkan mellan Tillväxtverket, Lund Näringslivsregionen och Region Skåne."}}}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(names)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Text+"/"+m.Class)
	}
	want := []string{"Tillväxtverket/GovernmentAgency", "Lund Näringslivsregionen/Actor", "Region Skåne/Region"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestLawTitles checks where a cited law's title ends.
func TestLawTitles(t *testing.T) {
	laws := func(text string) []string {
		toks := lang.Tokenize(text, 0)
		var out []string
		for _, c := range laws(toks) {
			out = append(out, text[toks[c.from].Start:toks[c.to-1].End])
		}
		return out
	}
	for _, tt := range []struct {
		text string
		want []string
	}{
		// a grant's title names its recipient after "till"
		{"Enligt förordningen (2000:284) om stöd till kommersiell service fördelas medel.",
			[]string{"förordningen (2000:284) om stöd till kommersiell service"}},
		{"Det följer av förordningen om statsbidrag till regional kulturverksamhet i länen.",
			[]string{"förordningen om statsbidrag till regional kulturverksamhet"}},
		{"Lagen om kollektivtrafik gäller till 2030.", []string{"Lagen om kollektivtrafik"}},
		// a responsibility stated by the law ends its title
		{"Regionerna har enligt lagen (2010:630) om regionalt utvecklingsansvar ansvar för strategin.",
			[]string{"lagen (2010:630) om regionalt utvecklingsansvar"}},
		// another law ends the title
		{"Förordningen (2017:583) om regionalt tillväxtarbete kompletterar lagen.",
			[]string{"Förordningen (2017:583) om regionalt tillväxtarbete"}},
		// an agency's instruction is named after the agency
		{"Av förordning (2009:145) med instruktion för Tillväxtverket framgår det.",
			[]string{"förordning (2009:145) med instruktion för Tillväxtverket"}},
		{"Förordning (2009:146) med instruktion för Myndigheten för tillväxtpolitiska utvärderingar och analyser ska gälla.",
			[]string{"Förordning (2009:146) med instruktion för Myndigheten för tillväxtpolitiska utvärderingar och analyser"}},
		{"Enligt förordningen (2017:868) med länsstyrelseinstruktion ska länsstyrelsen samordna.",
			[]string{"förordningen (2017:868) med länsstyrelseinstruktion"}},
		{"Enligt förordningen (2017:583) med ändringar ska regionen samordna.",
			[]string{"förordningen (2017:583)"}},
	} {
		if got := laws(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
