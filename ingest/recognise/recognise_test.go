package recognise

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

var testNames = []Name{
	{Text: "regionalt utvecklingsansvariga aktörer", Key: "group:regioner", Class: "Region", Group: true},
	{Text: "Region Skåne", Key: "region:12", Class: "Region"},
	{Text: "Tillväxtverket", Key: "agency:tvv", Class: "GovernmentAgency"},
	{Text: "Kulturrådet", Key: "agency:kr", Class: "GovernmentAgency"},
	{Text: "Statens kulturråd", Key: "agency:kr", Class: "GovernmentAgency"},
	{Text: "ERUF", Key: "vocab:eruf", Class: "Fund"},
	{Text: "Europeiska regionala utvecklingsfonden", Key: "vocab:eruf", Class: "Fund"},
	{Text: "regional utvecklingsstrategi", Key: "vocab:rus", Class: "Strategy"},
	{Text: "det regionala utvecklingsansvaret", Key: "vocab:rua", Class: "Mandate"},
	{Text: "regionalt utvecklingsansvar", Key: "vocab:rua", Class: "Mandate"},
	{Text: "regionerna", Key: "group:regioner", Class: "Region", Group: true},
	{Text: "regioner", Key: "group:regioner", Class: "Region", Group: true},
	{Text: "kommuner", Key: "group:kommuner", Class: "Municipality", Group: true},
	{Text: "kompetensförsörjning", Key: "theme:kf", Class: "Theme"},
	{Text: "Uppsala kommun", Key: "municipality:0380", Class: "Municipality"},
	{Text: "Gotland", Key: "a", Class: "County"},
	{Text: "Gotland", Key: "b", Class: "Municipality"},
	{Text: "Gotland", Key: "county:09", Class: "County"},
	{Text: "bibliotekslagen", Key: "law:2013:801", Class: "Act"},
	{Text: "Lund", Key: "municipality:1281", Class: "Municipality"},
}

// mentionsOf recognises a document of the passages and returns the texts
// of the mentions keep keeps.
func mentionsOf(t *testing.T, passages []doc.Passage, keep func(doc.Mention) bool) []string {
	t.Helper()
	d := &doc.Doc{Passages: passages}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(testNames)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		if keep(m) {
			got = append(got, m.Text)
		}
	}
	return got
}

// runCase is a text and the mentions run should find in it.
type runCase struct {
	text string
	want []string
}

// checkRuns recognises each text and checks its mentions.
func checkRuns(t *testing.T, tests []runCase) {
	t.Helper()
	for _, tt := range tests {
		got := run(t, tt.text)
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// run recognises a one-passage document and returns its mentions as
// "text/Class/rule" strings.
func run(t *testing.T, text string) []string {
	t.Helper()
	d := &doc.Doc{Passages: []doc.Passage{{Text: text}}}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(testNames)}}); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range d.Mentions {
		s := fmt.Sprintf("%s/%s", m.Text, m.Class)
		if m.Alt != "" {
			s += "/" + m.Alt
		}
		out = append(out, s)
	}
	return out
}

func TestRecognise(t *testing.T) {
	checkRuns(t, []runCase{
		{"Region Skånes strategi och Tillväxtverket.", []string{"Region Skånes/Region", "Tillväxtverket/GovernmentAgency"}},
		{"Regionerna tar fram regionala utvecklingsstrategier.", []string{"Regionerna/Region", "regionala utvecklingsstrategier/Strategy"}},
		{"Regionen har det regionala utvecklingsansvaret.", []string{"det regionala utvecklingsansvaret/Mandate"}},
		{"Medel från Europeiska regionala utvecklingsfonden (ERUF) och Kulturrådets stöd.",
			[]string{"Europeiska regionala utvecklingsfonden/Fund", "ERUF/Fund", "Kulturrådets/GovernmentAgency"}},
		{"Enligt lagen (2010:630) om regionalt utvecklingsansvar ska regionerna samordna.",
			[]string{"lagen (2010:630) om regionalt utvecklingsansvar/Act", "regionerna/Region"}},
		{"Enligt plan- och bygglagen får kommunerna planera.", []string{"plan- och bygglagen/Act"}},
		{"Förslagen och underlagen lämnades.", nil},
		{"Almi Företagspartner Uppsala AB ägs av regionen.", []string{"Almi Företagspartner Uppsala AB/Company"}},
		{"Inom projektet Smart Industri samverkar samtliga regioner.", []string{"Smart Industri/Project", "samtliga regioner/Region"}},
		{"Sedan dess har de regionalt utvecklingsansvariga aktörerna ansvaret.", []string{"regionalt utvecklingsansvariga aktörerna/Region"}},
		{"Regionen samverkar.", nil},
		{"Reglab, ett nätverk för regioner, startade.", []string{"Reglab/Network", "regioner/Region"}},
		{"Där finns eHealth Arena, ett nätverk.", []string{"eHealth Arena/Network"}},
		{"Vi besökte Klimatarena Stockholm i fjol.", []string{"Klimatarena Stockholm/Platform"}},
		{"Den finns: Regionplan för Uppsala 2022–2040 - för hela länet.", []string{"Regionplan för Uppsala 2022–2040/Plan"}},
		{"Projektet Ett kompetenslyft för Sverige är ett samarbete.", []string{"Ett kompetenslyft för Sverige/Project"}},
		{"Moderbolaget Almi äger aktier.", []string{"Almi/Company"}},
		{"Med Region Skåne och Sydsvenska industri- och handelskammaren.", []string{"Region Skåne/Region", "Sydsvenska industri- och handelskammaren/Actor"}},
		{"Med Region Skåne, Industriell Dynamik/RISE och Business Region Uppsala.",
			[]string{"Region Skåne/Region", "Industriell Dynamik/RISE/Actor", "Business Region Uppsala/Actor"}},
		{"Där sitter kommunförbundet Skånes kommuner.", []string{"Skånes kommuner/Association"}},
		{"Med Umeå universitet -Campus Skellefteå och Campus Varberg.", []string{"Umeå universitet -Campus Skellefteå/University", "Campus Varberg/University"}},
		{"Ett campus Varberg planeras.", nil},
		{"Det sker som aktiebolag (Invest in Uppsala) eller som projekt (Team Östergötland).",
			[]string{"Invest in Uppsala/Company", "Team Östergötland/Project"}},
		{"Där bedrivs en liknande satsning under namnet Konsulttimmen.", []string{"Konsulttimmen/Project"}},
		{"Den regionala utvecklingsstrategin 2021‑2030 gäller.", []string{"Den regionala utvecklingsstrategin 2021‑2030/Strategy"}},
		{"Den regionala utvecklingsstrategin 2021 – 2030 gäller.", []string{"Den regionala utvecklingsstrategin/Strategy"}},
		{"Region Skånes Smarta specialiseringsstrategi finns.", []string{"Region Skånes/Region", "Smarta specialiseringsstrategi/Strategy/Region Skånes Smarta specialiseringsstrategi"}},
		{"Strategin listar tre styrkeområden: Innovativa material, Life science samt Cirkulär ekonomi.",
			[]string{"Innovativa material/Theme", "Life science/Theme", "Cirkulär ekonomi/Theme"}},
		{"Det gäller två saker: Region Skåne och Tillväxtverket.", []string{"Region Skåne/Region", "Tillväxtverket/GovernmentAgency"}},
		{"Tillväxtverket fick i uppdrag att ta fram en ny modell.", []string{"Tillväxtverket/GovernmentAgency", "ta fram en ny modell/Mandate/uppdrag att ta fram en ny modell"}},
		{"Regionerna har ansvar för att fördela statliga kulturmedel.", []string{"Regionerna/Region", "ansvar för att fördela statliga kulturmedel/Mandate"}},
		{"Regionerna ska leda arbetet med kompetensförsörjning.", []string{"Regionerna/Region", "leda arbetet med kompetensförsörjning/Mandate", "kompetensförsörjning/Theme"}},
		{"Det gäller skolor i Gotland och i Uppsala kommun.", []string{"Uppsala kommun/Municipality"}},
		{"Det gäller Uppsala kommuns skolor.", []string{"Uppsala kommuns/Municipality"}},
		{"I Region Jönköping län och Business Region Göteborg.", []string{"Region Jönköping län/Region", "Business Region Göteborg/Actor"}},
		{"Tillsammans med Coompanion och Almi driver Region Skåne arbetet.", []string{"Coompanion/Actor", "Almi/Actor", "Region Skåne/Region"}},
		{"Regionerna har, enligt bibliotekslagen (2013:80), ett ansvar.", []string{"Regionerna/Region", "bibliotekslagen (2013:80)/Act"}},
		{"Innovationsstrategi för hållbar tillväxt beskriver sex områden.", []string{"Innovationsstrategi för hållbar tillväxt/Strategy"}},
		{"Norrbottens folkhälsostrategi antogs.", []string{"Norrbottens folkhälsostrategi/Strategy"}},
		{"Regionerna är regionala kollektivtrafikmyndigheter.", []string{"Regionerna/Region", "regionala kollektivtrafikmyndigheter/Mandate"}},
		{"Region Skåne samarbetar med Svensk Form Gotland och länets sex kommuner.", []string{"Region Skåne/Region", "Svensk Form Gotland/Actor", "länets sex kommuner/Municipality"}},
		{"Regionerna har tagit fram regionala klimat- och energistrategier.", []string{"Regionerna/Region", "regionala klimat- och energistrategier/Strategy"}},
		{"Länet har en innovationsstrategi för smart specialisering.", nil},
		{"Arbetet följer innovationsstrategin för smart specialisering.", []string{"innovationsstrategin för smart specialisering/Strategy"}},
		{"Medel från Europeiska regionala utvecklingsfonden för perioden 2021–2027.", []string{"Europeiska regionala utvecklingsfonden/Fund"}},
		{"Region Skånes Innovationsstrategi för hållbar tillväxt beskriver sex områden.",
			[]string{"Region Skånes/Region", "Innovationsstrategi för hållbar tillväxt/Strategy/Region Skånes Innovationsstrategi för hållbar tillväxt"}},
		{"Region Skånes Regionala innovationsstrategi för smart specialisering innefattar mycket.",
			[]string{"Region Skånes/Region", "Regionala innovationsstrategi för smart specialisering/Strategy/Region Skånes Regionala innovationsstrategi för smart specialisering"}},
		{"Funktionen regional tågsamordnare finns i alla län.", []string{"regional tågsamordnare/Mandate"}},
		{"Att planlägga användningen av marken är kommunens ansvar.", []string{"planlägga användningen av marken/Mandate"}},
		{"Att planlägga användningen av marken är svårt.", nil},
		{"Kommunerna har huvudmannaskap för utbildningar.", []string{"huvudmannaskap för utbildningar/Mandate"}},
		{"Att främja näringslivets utveckling och stödja företagens förmåga har länge varit en central uppgift.",
			[]string{"främja näringslivets utveckling/Mandate", "stödja företagens förmåga/Mandate"}},
		{"De har specifika uppdrag knutna till alkohol och narkotika.", []string{"uppdrag knutna till alkohol och narkotika/Mandate"}},
		{"Att ta fram kunskap om hur man främjar utveckling och att samordna arbetet med strategier för att utveckla näringslivet är en av de viktigaste uppgifterna.",
			[]string{"ta fram kunskap om hur man främjar utveckling/Mandate", "samordna arbetet med strategier/Mandate"}},
		{"I varje län finns en regional digitaliseringskoordinator som ska bidra till strategisk samordning mellan aktörer.",
			[]string{"regional digitaliseringskoordinator/Mandate", "bidra till strategisk samordning mellan aktörer/Mandate"}},
		{"Det är en funktion som ska verka för ökad tillgång till effektiva, säkra och robusta elektroniska kommunikationer i länen.",
			[]string{"verka för ökad tillgång till effektiva, säkra och robusta elektroniska kommunikationer/Mandate"}},
		{"Staten upprättar en nationell plan för transportsystemet, vilken innehåller vägar.", []string{"nationell plan för transportsystemet/Plan"}},
		{"Länen tar fram en gemensam strategi för arbetet.", nil},
		{"I nätverket ingår Region Skåne, Enterprise Europe Network och Swedish Lapland visitors board.",
			[]string{"Region Skåne/Region", "Enterprise Europe Network/Network", "Swedish Lapland visitors board/Association"}},
		{"Projektet drivs av Dalarna Science Park.", []string{"Dalarna Science Park/Company"}},
		{"Pengarna kommer från Tillväxtverket, Regional utveckling Norrbotten och Längmanska företagarfonden.",
			[]string{"Tillväxtverket/GovernmentAgency", "Regional utveckling Norrbotten/Actor", "Längmanska företagarfonden/Actor"}},
		{"Satsningen är en del av kompetensförsörjningsstrategin.", []string{"kompetensförsörjningsstrategin/Strategy"}},
		{"Satsningen följer handlingsplanen.", nil},
		{"Projekten heter Focus Industry Bredd och Focus Industry Spets.", []string{"Focus Industry Bredd/Project", "Focus Industry Spets/Project"}},
		{"Visit Norrland är Region Skånes besöksnäringsavdelning.", []string{"Visit Norrland/Association", "Region Skånes/Region"}},
		{"I länet har Business Region Norrland tagit fram en plattform.", []string{"Business Region Norrland/Actor"}},
		{"I länet har Sätt Igång varit populärt.", nil},
		{"Mest känt är Film i Väst, ett av regionen ägt bolag som producerar film.", []string{"Film i Väst/Company"}},
		{"Lagen utgår från EU:s kollektivtrafikförordning.", []string{"EU:s kollektivtrafikförordning/EURegulation"}},
		{"Det är ett samarbete mellan Nova Utbildning och Region Skåne.", []string{"Nova Utbildning/Actor", "Region Skåne/Region"}},
		{"Läs mer om Kunskapslabbet - ett forum för lärande.", []string{"Kunskapslabbet/Platform"}},
		{"Region Skånes digitala applikation Folkhälsostatistik visar data.", []string{"Region Skånes/Region", "Folkhälsostatistik/Platform"}},
		{"Den ligger till grund för programmen Investering för tillväxt och sysselsättning och Europeiskt samarbete.",
			[]string{"Investering för tillväxt och sysselsättning/Programme"}},
		{"Region Skånes folkhälsostrategiska plan tydliggör uppdraget.", []string{"Region Skånes/Region", "folkhälsostrategiska plan/Plan"}},
		{"Region Skånes nya plan gäller.", []string{"Region Skånes/Region"}},
		{"Länen följer regionala program för Europeiska regionala utvecklingsfonden för perioden 2021–2027.",
			[]string{"regionala program för Europeiska regionala utvecklingsfonden/Programme"}},
		{"Länen följer den nationella strategin för hållbar tillväxt för att nå målen.", []string{"den nationella strategin för hållbar tillväxt/Strategy"}},
		{"Kommissionen består av åtta kommuner och regionstyrelsen.", []string{"åtta kommuner/Municipality", "regionstyrelsen/PoliticalBody"}},
	})
}

func TestDutyList(t *testing.T) {
	got := mentionsOf(t, []doc.Passage{
		{Text: "Enligt förordningen ska regionerna:", Kind: doc.Paragraph},
		{Text: "utarbeta och fastställa en strategi för länets utveckling,", Kind: doc.ListItem},
		{Text: "samordna insatser för genomförandet.", Kind: doc.ListItem},
		{Text: "3. följa upp arbetet.", Kind: doc.ListItem},
	}, func(m doc.Mention) bool { return m.Class == "Mandate" })
	want := []string{"utarbeta och fastställa en strategi för länets utveckling", "samordna insatser för genomförandet", "följa upp arbetet"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("duties %q, want %q", got, want)
	}
}

// TestStatuteDuties checks an instruction's numbered duties, led in
// without a colon, and "Myndigheten" as the agency the statute is about.
func TestStatuteDuties(t *testing.T) {
	d := &doc.Doc{Passages: []doc.Passage{
		{Text: "1 § Tillväxtverket ska främja företagande och samråda med Kulturrådet.", Kind: doc.Paragraph},
		{Text: "2 § Myndigheten ska särskilt", Kind: doc.Paragraph},
		{Text: "1. följa utvecklingen i länen,", Kind: doc.ListItem},
		{Text: "2. stödja det regionala tillväxtarbetet.", Kind: doc.ListItem},
	}}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(testNames)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		if m.Sentence > 0 {
			got = append(got, m.Text+"/"+m.Key)
		}
	}
	want := []string{"Myndigheten/agency:tvv", "följa utvecklingen i länen/", "stödja det regionala tillväxtarbetet/"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBackReference(t *testing.T) {
	d := &doc.Doc{Passages: []doc.Passage{
		{Text: "Region Skåne tar fram en regional utvecklingsstrategi."},
		{Text: "Strategin gäller till 2030. Planen finns inte."},
	}}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(testNames)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Text+"/"+m.Rule+"/"+m.Key)
	}
	want := "Region Skåne/register/region:12 | regional utvecklingsstrategi/register/vocab:rus | Strategin/anaphor/vocab:rus"
	if strings.Join(got, " | ") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, " | "), want)
	}
}

// "Timbank-projektet" refers back to the project whose name starts with
// "Timbank"; another prefix refers to nothing.
func TestHyphenBackReference(t *testing.T) {
	d := &doc.Doc{Passages: []doc.Passage{
		{Text: "Projektet Timbank Skåne ger stöd."},
		{Text: "Timbank-projektet sker i samverkan. Annat-projektet gör inget."},
	}}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(testNames)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Text+"/"+m.Rule+"/"+m.Name)
	}
	want := "Timbank Skåne/pattern:name/Timbank Skåne | Timbank-projektet/anaphor/Timbank Skåne"
	if strings.Join(got, " | ") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, " | "), want)
	}
}

func TestExampleSubjects(t *testing.T) {
	d := &doc.Doc{
		Passages: []doc.Passage{
			{Text: "Timbanken (Region Skåne)", Kind: doc.ExampleHeading, Example: 0},
			{Text: "Timbanken erbjuder rådgivning. Företagen erbjuds fem timmar.", Example: 0},
			{Text: "Almedalsveckan (Region Skåne)", Kind: doc.ExampleHeading, Example: 1},
			{Text: "Den politiska mötesplatsen Almedalsveckan arrangeras varje år.", Example: 1},
			{Text: "Tre exempel på samverkan (Region Skåne)", Kind: doc.ExampleHeading, Example: 2},
			{Text: "Här beskrivs tre exempel.", Example: 2},
		},
		Examples: []doc.Example{
			{Title: "Timbanken", Heading: 0, Passages: []int{1}},
			{Title: "Almedalsveckan", Heading: 2, Passages: []int{3}},
			{Title: "Tre exempel på samverkan", Heading: 4, Passages: []int{5}},
		},
	}
	// a plural class noun ("Företagen") tells nothing of the subject; a
	// title that tells no class is a project; a class noun before the
	// title's words tells its class; a title that counts names nothing
	got := map[string]string{}
	for _, s := range exampleSubjects(d0(t, d)) {
		got[s.name] = s.class
	}
	want := map[string]string{"Timbanken": "Project", "Almedalsveckan": "Platform", "": ""}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("subjects %v, want %v", got, want)
	}
}

func TestExampleTitleNames(t *testing.T) {
	d := &doc.Doc{
		Passages: []doc.Passage{
			{Text: "Nya jobb – Kultur som en del av arbetet (Region Skåne)", Kind: doc.ExampleHeading, Example: 0},
			{Text: "Regionen har tagit fram programmet Nya jobb.", Example: 0},
			{Text: "Växande värde - Livsmedelsstrategi Kalmar län (Region Kalmar län)", Kind: doc.ExampleHeading, Example: 1},
			{Text: "Strategin antogs 2018.", Example: 1},
			{Text: "ESS, Max IV och innovationssystemet Science Village (Region Skåne)", Kind: doc.ExampleHeading, Example: 2},
			{Text: "Projektet pågår.", Example: 2},
		},
		Examples: []doc.Example{
			{Title: "Nya jobb – Kultur som en del av arbetet", Heading: 0, Passages: []int{1}},
			{Title: "Växande värde - Livsmedelsstrategi Kalmar län", Heading: 2, Passages: []int{3}},
			{Title: "ESS, Max IV och innovationssystemet Science Village", Heading: 4, Passages: []int{5}},
		},
	}
	// a subtitle that tells no class is no part of the name; one that
	// tells the class is; a list of names names no one thing
	var got []string
	for _, s := range exampleSubjects(d0(t, d)) {
		got = append(got, s.name+"/"+s.class)
	}
	want := []string{"Nya jobb/Programme", "Växande värde - Livsmedelsstrategi Kalmar län/Strategy", "/"}
	if !slices.Equal(got, want) {
		t.Errorf("subjects %v, want %v", got, want)
	}
}

// d0 splits a document into sentences and tokens.
func d0(t *testing.T, d *doc.Doc) *doc.Doc {
	t.Helper()
	if err := doc.Run(d, []doc.Stage{lang.Stage{}}); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAreas(t *testing.T) {
	got := mentionsOf(t, []doc.Passage{
		{Text: "Strategin pekar ut två områden. Strategiska områden för utvecklingen är:", Kind: doc.Paragraph},
		{Text: "Likvärdiga möjligheter till boende och arbete", Kind: doc.Paragraph},
		{Text: "• God samhällsplanering.", Kind: doc.ListItem},
		{Text: "2. Kompetensförsörjning och kompetensutveckling.", Kind: doc.ListItem},
		{Text: "Regionerna har sedan länge arbetat med frågorna och tagit fram flera strategier för hela länets utveckling i bred samverkan.", Kind: doc.Paragraph},
		{Text: "Kommunerna", Kind: doc.Paragraph},
	}, func(m doc.Mention) bool { return m.Rule == "theme:area" })
	// a long passage ends the list: "Kommunerna" after it is no area
	want := []string{"Likvärdiga möjligheter till boende och arbete", "God samhällsplanering", "Kompetensförsörjning och kompetensutveckling"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("areas %q, want %q", got, want)
	}
}

func TestHeadingAreas(t *testing.T) {
	got := mentionsOf(t, []doc.Passage{
		{Text: "Prioriterade områden", Kind: doc.SectionHeading},
		{Text: "Hållbar miljö", Kind: doc.ListItem},
		{Text: "Kultur och turism", Kind: doc.ListItem},
		{Text: "Förvaltning", Kind: doc.SectionHeading},
		{Text: "Tre områden", Kind: doc.SectionHeading},
		{Text: "Programmet har tre delar.", Kind: doc.Paragraph},
		{Text: "Öppen data", Kind: doc.ListItem},
	}, func(m doc.Mention) bool { return m.Rule == "theme:area" })
	// a paragraph after a heading of areas is none of them, and ends them
	want := []string{"Hållbar miljö", "Kultur och turism"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("areas %q, want %q", got, want)
	}
}

func TestDefiniteNouns(t *testing.T) {
	for w, want := range map[string]bool{"projektet": true, "programmet": true, "strategin": true, "Satsningen": true,
		"företagen": false, "program": false, "plan": false} {
		if got := definiteNoun(w); got != want {
			t.Errorf("definiteNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestAliases(t *testing.T) {
	d := &doc.Doc{Passages: []doc.Passage{
		{Text: "Region Skåne driver Almi Företagspartner Skåne AB (Almi Skåne). Region Skåne och Business Region Kronoberg (BRK) samverkar."},
		{Text: "Almi Skåne och BRK samverkar. Almi Norr finns också."},
	}}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(testNames)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		if m.Rule == "alias" {
			got = append(got, m.Text+"="+m.Name)
		}
	}
	want := []string{"Almi Skåne=Almi Företagspartner Skåne AB", "BRK=Business Region Kronoberg",
		"Almi Skåne=Almi Företagspartner Skåne AB", "BRK=Business Region Kronoberg"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("aliases %q, want %q", got, want)
	}
}

func TestListedRegions(t *testing.T) {
	names := []Name{{Text: "Kalmar", Key: "municipality:0880", Class: "Municipality"},
		{Text: "Gävleborg", Key: "county:21", Class: "County"},
		{Text: "regioner", Key: "group:regioner", Class: "Region", Group: true},
		{Text: "regionerna", Key: "group:regioner", Class: "Region", Group: true}}
	st := Stage{G: NewGazetteer(names), RegionOf: map[string]string{
		"county:21": "region:21", "name:kalmar": "region:08", "name:sörmland": "region:04", "name:gävleborg kalmar": "region:99"}}
	for text, want := range map[string]string{
		"Exempel på sådana regioner är Kalmar, Sörmland och Gävleborg.": "regioner/Region Kalmar/Region/region:08 Sörmland/Region/region:04 Gävleborg/Region/region:21",
		"Regionerna (Gävleborg) samverkar.":                             "Regionerna/Region Gävleborg/Region/region:21",
		"Regionerna samverkar med Kalmar.":                              "Regionerna/Region Kalmar/Municipality/municipality:0880",
		"Samtliga regioner, utom Kalmar, ingår.":                        "Samtliga regioner/Region Kalmar/Region/region:08",
		// a list opening the sentence after one about the regions
		"Vilka regioner det gäller framgår. Kalmar och Gävleborg har detta uppdrag.": "regioner/Region Kalmar/Region/region:08 Gävleborg/Region/region:21",
		"Det framgår av lagen. Kalmar och Gävleborg har detta uppdrag.":              "Kalmar/Municipality/municipality:0880 Gävleborg/County/county:21",
		// an apposition calls the county one of the regions
		"Gävleborg, som en av regionerna, ska upprätta ett exportcenter.": "Gävleborg/Region/region:21 regionerna/Region upprätta ett exportcenter/Mandate/",
		// two places joined by a slash name one region
		"Stödet ges i Gävleborg/Kalmar.":                             "Gävleborg/Kalmar/Region/region:99",
		"Exempel på sådana regioner är Kalmar och Gävleborg-Kalmar.": "regioner/Region Kalmar/Region/region:08 Gävleborg-Kalmar/Region/region:99",
	} {
		d := &doc.Doc{Passages: []doc.Passage{{Text: text}}}
		if err := doc.Run(d, []doc.Stage{lang.Stage{}, st}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range d.Mentions {
			s := m.Text + "/" + m.Class
			if !m.Group {
				s += "/" + m.Key
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != want {
			t.Errorf("%s\n got %s\nwant %s", text, g, want)
		}
	}
}

func TestGenericOwners(t *testing.T) {
	names := append([]Name{{Text: "kommunerna", Key: "group:kommuner", Class: "Municipality", Group: true}}, testNames...)
	for _, tt := range []struct{ text, want string }{
		{"Att planlägga marken är kommunens ansvar.", "kommunens/Municipality/generic"},
		{"Kommunens roll växer.", "Kommunens/Municipality/generic"},
		{"Uppsala kommun tar fram en plan. Att planlägga marken är kommunens ansvar.", ""}, // that one municipality
		{"Kommunens invånare är nöjda.", ""},
		{"Kommunen ansvarar för planeringen.", "Kommunen/Municipality/generic"},
		{"Uppsala kommun växer. Kommunen ansvarar för planeringen.", ""}, // that one municipality
		{"Kommunen växer.", ""},
		{"Region Skånes plan tydliggör regionens uppdrag.", ""}, // that one region's
	} {
		d := &doc.Doc{Passages: []doc.Passage{{Text: tt.text}}}
		if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(names)}}); err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, m := range d.Mentions {
			if m.Rule == "generic" {
				got = m.Text + "/" + m.Class + "/" + m.Rule
			}
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestObjectives(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Arbetet följer de nationella kulturpolitiska målen.", []string{"de nationella kulturpolitiska målen/Theme"}},
		{"Stödet ska bidra till de nationella bredbandsmålen och den nationella folkhälsopolitiken.",
			[]string{"de nationella bredbandsmålen/Theme", "den nationella folkhälsopolitiken/Theme"}},
		{"Hänsynsmålet innebär att transporterna ska vara säkra.", []string{"Hänsynsmålet/Theme"}},
		{"Länen når de nationella målen.", nil},
		{"Målet är nått.", nil},
	} {
		var got []string
		for _, m := range run(t, tt.text) {
			if strings.HasSuffix(m, "/Theme") {
				got = append(got, m)
			}
		}
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestRecurringNames(t *testing.T) {
	got := run(t, "Regionen driver en satsning under namnet Konsulttimmen. Konsulttimmen drivs till 2022, och Konsulttimmens kunder är nöjda.")
	want := []string{"Konsulttimmen/Project", "Konsulttimmen/Project", "Konsulttimmens/Project"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// a word that opens a sentence is remembered only as a name
	if got := run(t, "Konsulttimmen är bra. Konsulttimmen kommer."); len(got) != 0 {
		t.Errorf("got %q, want nothing", got)
	}
}

func TestPlacedGroups(t *testing.T) {
	names := append([]Name{{Text: "Örebro län", Key: "county:18", Class: "County"},
		{Text: "kommunerna", Key: "group:kommuner", Class: "Municipality", Group: true}}, testNames...)
	for _, tt := range []struct{ text, want string }{
		{"Partnerskapet omfattar alla kommuner i Örebro län.", "alla kommuner i Örebro län/Municipality"},
		{"Regionerna i Norra Mellansverige har en strategi.", "Regionerna i Norra Mellansverige/Region"},
		{"Regionerna i Sverige har en strategi.", "Regionerna/Region"},
	} {
		d := &doc.Doc{Passages: []doc.Passage{{Text: tt.text}}}
		if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(names)}}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range d.Mentions {
			got = append(got, m.Text+"/"+m.Class)
		}
		if len(got) == 0 || got[0] != tt.want {
			t.Errorf("%s: got %q, want %q first", tt.text, got, tt.want)
		}
	}
}

func TestAcronymNames(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Medlen kommer från Fonden för en rättvis omställning (FRO).", "Fonden för en rättvis omställning/Fund"},
		{"Länet har en regional innovationsplattform (RIP) för företag.", "regional innovationsplattform/Platform"},
		{"Medlen kommer från fonden för en rättvis omställning (XYZ).", ""},
		{"Detta gäller arbetet med kompetens (AK).", ""},
	} {
		got := ""
		for _, m := range run(t, tt.text) {
			if (strings.HasSuffix(m, "/Fund") || strings.HasSuffix(m, "/Platform")) && got == "" {
				got = m // the name; its abbreviation follows it
			}
		}
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSoleRegion(t *testing.T) {
	d := &doc.Doc{Passages: []doc.Passage{{Text: "Region Skånes plan tydliggör regionens uppdrag. Regionens roll växer."}}}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(testNames)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Text+"/"+m.Key)
	}
	// "regionens" is the one region its sentence named; the next
	// sentence names none
	want := "Region Skånes/region:12 | regionens/region:12"
	if g := strings.Join(got, " | "); g != want {
		t.Errorf("got %q, want %q", g, want)
	}
}

func TestSubjectActor(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		// the one region the text is about
		{"Region Skåne har ansvaret. Regionen ska ta fram en strategi.", "Region Skåne/region:12 | Regionen/region:12 | ta fram en strategi/"},
		// the subject after "ska", an adverbial first
		{"Region Skåne har ansvaret. Enligt planen ska regionen ta fram en strategi.", "Region Skåne/region:12 | regionen/region:12 | ta fram en strategi/"},
		{"Enligt planen ska regionen ta fram en strategi.", "regionen/group:regioner | ta fram en strategi/"},
		// with no region named before, the regions at large
		{"Regionen ska ta fram en strategi.", "Regionen/group:regioner | ta fram en strategi/"},
	} {
		d := &doc.Doc{Passages: []doc.Passage{{Text: tt.text}}}
		if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(testNames)}}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range d.Mentions {
			got = append(got, m.Text+"/"+m.Key)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestTasks(t *testing.T) {
	checkRuns(t, []runCase{
		// a means adjunct and an opening quote stand between the lead and the task
		{"Regionerna ska ansvara för att genom bidrag ”främja en god tillgång för länets invånare till:",
			[]string{"Regionerna/Region", "främja en god tillgång för länets invånare/Mandate/ansvara för att genom bidrag ”främja en god tillgång för länets invånare"}},
		// adjectives joined by "och" are no second task
		{"Regionerna ska stödja det regionala och lokala kulturarbetet.",
			[]string{"Regionerna/Region", "stödja det regionala och lokala kulturarbetet/Mandate"}},
		// a time adjunct stands between the lead and the task
		{"Regionerna har i uppdrag att under 2024 ta fram en handlingsplan.",
			[]string{"Regionerna/Region", "ta fram en handlingsplan/Mandate/uppdrag att under 2024 ta fram en handlingsplan"}},
		{"Regionerna har i uppdrag att under perioden 2023–2025 stödja kommunerna.",
			[]string{"Regionerna/Region", "stödja kommunerna/Mandate/uppdrag att under perioden 2023–2025 stödja kommunerna"}},
		// "genom att" opens a means of its own, not a task
		{"Regionerna ansvarar för att genom att samverka nå målen.", []string{"Regionerna/Region"}},
		// the actor owns the subject: nothing is the actor's task
		{"Genom programmen ska regionernas kunskaper om servicen öka.", []string{"regionernas/Region"}},
		// an apposition between the actor and "skulle"
		{"Regeringen beslutade att Region Skåne, som en av de första regionerna, skulle upprätta ett exportcenter.",
			[]string{"Region Skåne/Region", "regionerna/Region", "upprätta ett exportcenter/Mandate"}},
		// a role an actor serves as, with the field it leads
		{"Regionerna fungerar som regionala processledare för vård- och omsorgscollege.",
			[]string{"Regionerna/Region", "regionala processledare för vård- och omsorgscollege/Mandate"}},
		// a company referred back to carries a task; an adjunct naming
		// the document stands between "ska" and the task
		{"Bolaget ska marknadsföra länet som besöksmål.", []string{"marknadsföra länet/Mandate"}},
		{"Regionerna ska enligt strategin bidra till fler företag.", []string{"Regionerna/Region", "bidra till fler företag/Mandate"}},
		// a means is no task offered; actors in a preposition's phrase are
		// not the subject of "ska"
		{"Parkerna erbjuder insatser genom att etablera öppna arenor.", nil},
		{"Samverkan mellan Tillväxtverket och regionerna ska bidra till att nå målet.", []string{"Tillväxtverket/GovernmentAgency", "regionerna/Region"}},
		// work with an owner names the owner's task; work alone does not
		{"Regionernas arbete handlar om att stärka samverkan mellan kommunerna.",
			[]string{"Regionernas/Region", "stärka samverkan mellan kommunerna/Mandate"}},
		{"Arbetet handlar om att skapa forum och mötesplatser.", nil},
		// supporting another's work is no duty of one's own
		{"Tillväxtverket stödjer regionernas arbete med serviceprogram.", []string{"Tillväxtverket/GovernmentAgency", "regionernas/Region"}},
		// what some of a group do is no standing duty of the group
		{"Många regioner leder och driver konkreta projekt.", []string{"regioner/Region"}},
		{"Regionerna leder och driver konkreta projekt.", []string{"Regionerna/Region", "leder och driver konkreta projekt/Mandate"}},
		// what someone does is no task
		{"Oftast ingår att de erbjuder långsiktig rådgivning.", nil},
		// a finite verb of responsibility ends the phrase before it
		{"I rollen som samordnare ansvarar regionerna för planerna.", []string{"samordnare/Mandate", "regionerna/Region"}},
	})
}

func TestLevels(t *testing.T) {
	names := append(slices.Clone(testNames),
		Name{Text: "staten", Key: "group:staten", Class: "Government", Group: true},
		Name{Text: "kommunerna", Key: "group:kommuner", Class: "Municipality", Group: true})
	d := &doc.Doc{Passages: []doc.Passage{{Text: "Ansvaret delas mellan stat, region och kommun. En region väljer själv."}}}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(names)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Text+"/"+m.Key)
	}
	// the levels listed stand for their groups; one level alone is left
	// to the other rules
	want := "stat/group:staten | region/group:regioner | kommun/group:kommuner"
	if strings.Join(got, " | ") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestPassingCounts(t *testing.T) {
	checkRuns(t, []runCase{
		// a counted group named as a group is one
		{"Kommissionen består av fem kommuner och Region Skåne.", []string{"fem kommuner/Municipality", "Region Skåne/Region"}},
		// a partitive takes one member from it; listed members are the actors
		{"Region Skåne är en av de sex första regionerna i landet.", []string{"Region Skåne/Region"}},
		{"Här samarbetar fem kommuner (Uppsala kommun och Gotland) för tillväxt.", []string{"Uppsala kommun/Municipality", "Gotland/Actor"}},
	})
}

func TestGeneralResponsibilities(t *testing.T) {
	checkRuns(t, []runCase{
		// responsibility placed on no one the text names confers no task
		{"Strategin betonar att ansvaret för att nå målen vilar på aktörer på flera nivåer.", nil},
		{"Det gäller även om ansvaret för beslutsfattandet kan ligga hos en annan part.", nil},
		{"Ansvaret att agera på samhällsutmaningar vilar på både kommuner och regioner.",
			[]string{"Ansvaret att agera på samhällsutmaningar/Mandate", "kommuner/Municipality", "regioner/Region"}},
		// responsibility for the publication itself credits its authors
		{"Tillväxtverket har haft ett samordnande ansvar för rapporten.", []string{"Tillväxtverket/GovernmentAgency"}},
	})
}

func TestCountriesAreNoPartners(t *testing.T) {
	checkRuns(t, []runCase{
		{"Avtalet gäller mellan Sverige och Tillväxtverket.", []string{"Tillväxtverket/GovernmentAgency"}},
		{"Programmet omfattar Finland, Norge och Region Skåne.", []string{"Region Skåne/Region"}},
		{"Projektet drivs i samverkan med Norge.", nil},
		// a name that is no country is still a partner
		{"Programmet omfattar Coompanion och Region Skåne.", []string{"Coompanion/Actor", "Region Skåne/Region"}},
	})
}

func TestTitleNounIsNoPartner(t *testing.T) {
	checkRuns(t, []runCase{
		{"Länet samverkar med Stiftelsen Jamtli och Region Skåne.", []string{"Jamtli/Association", "Region Skåne/Region"}},
	})
}

// TestDutyEndsAtOtherVerb checks that a standing duty ends where a verb
// coordinated after it says what else the body does.
func TestDutyEndsAtOtherVerb(t *testing.T) {
	checkRuns(t, []runCase{
		{"Tillväxtverket fördelar stöd till bredbandsutbyggnad och samverkar med Region Skåne.",
			[]string{"Tillväxtverket/GovernmentAgency", "fördelar stöd till bredbandsutbyggnad/Mandate", "Region Skåne/Region"}},
	})
}

// TestTaskEndsBeforePreposition checks that a task cut off before a year
// does not end in the preposition that governs it.
func TestTaskEndsBeforePreposition(t *testing.T) {
	checkRuns(t, []runCase{
		{"Tillväxtverket fick i uppdrag att analysera hur tillgången till kommersiell service i gles- och landsbygder har utvecklats sedan 2018.",
			[]string{"Tillväxtverket/GovernmentAgency",
				"analysera hur tillgången till kommersiell service i gles- och landsbygder har utvecklats/Mandate/uppdrag att analysera hur tillgången till kommersiell service i gles- och landsbygder har utvecklats"}},
	})
}

// TestBodyAdjective checks that a body's name keeps the weak adjective it
// opens with and drops the article before it.
func TestBodyAdjective(t *testing.T) {
	checkRuns(t, []runCase{
		{"Den regionala utvecklingsnämnden beslutade i mars.", []string{"regionala utvecklingsnämnden/PoliticalBody"}},
		{"Ärendet gick till samma utvecklingsnämnden.", []string{"utvecklingsnämnden/PoliticalBody"}},
	})
}

// TestFederationTitle checks that a capitalised compound of "förbundet"
// or "stiftelsen" opens the federation's or the foundation's name.
func TestFederationTitle(t *testing.T) {
	checkRuns(t, []runCase{
		{"Samordningsförbundet Mittland bildades 2012.", []string{"Samordningsförbundet Mittland/Association"}},
		{"Förbundet samverkar med Kommunalförbundet Mittlands räddningstjänst i projektet.",
			[]string{"Kommunalförbundet Mittlands räddningstjänst/Association"}},
		{"Stiftelsen Mittland äger aktier.", []string{"Mittland/Association"}},
	})
}

// TestNameGoesOn checks that a capitalised word right after a known name
// is no partner of its own.
func TestNameGoesOn(t *testing.T) {
	checkRuns(t, []runCase{
		{"Övriga ägare är Tillväxtverket Invest och Region Skåne.", []string{"Tillväxtverket/GovernmentAgency", "Region Skåne/Region"}},
	})
}

// TestCompanyOfPlace checks a company named by a place's genitive and a
// lower-case noun.
func TestCompanyOfPlace(t *testing.T) {
	checkRuns(t, []runCase{
		{"Trafiken sköts av Mittlands länstrafik AB sedan 2019.", []string{"Mittlands länstrafik AB/Company"}},
		{"Bolaget köpte aktier i AB Volvo.", nil},
	})
}

// TestPlaceEndsName checks that a place's one-word name ending a person's
// or an organisation's name is no mention of the place.
func TestPlaceEndsName(t *testing.T) {
	checkRuns(t, []runCase{
		{"Styrelsen består av Karin Lund och Per Ek.", nil},
		{"Kontoret ligger i Lund och i Norra Lund.", []string{"Lund/Municipality", "Lund/Municipality"}},
	})
}
