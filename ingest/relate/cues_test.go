package relate

import (
	"slices"
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/register"
)

// cueEntries adds to the test register a county whose name stands inside
// other names and a platform.
var cueEntries = []register.Entry{
	{Key: "county:25", ID: "norrbottens-lan", Class: "County", Label: "Norrbotten"},
	{Key: "platform:exn", ID: "exportplattformen-norr", Class: "Platform", Label: "Exportplattformen Norr"},
	{Key: "company:tpn", ID: "teknikparken-nord", Class: "Company", Label: "Teknikparken Nord AB"},
	{Key: "network:nn", ID: "nordnatverket", Class: "Network", Label: "Nordnätverket"},
}

func TestCueConstructions(t *testing.T) {
	withCueEntries(t)
	tests := []struct {
		text string
		want []string
	}{
		// a name inside a listed name does not end the list
		{"Projektet Smart Industri finansieras av Trafikverket, Regional utveckling Norrbotten, Sparbanken Nord samt Region Skåne.",
			[]string{"Smart Industri fundedBy Region Skåne", "Smart Industri fundedBy Regional utveckling Norrbotten",
				"Smart Industri fundedBy Sparbanken Nord", "Smart Industri fundedBy Trafikverket"}},
		// an adverbial inside a cue
		{"Projektet Smart Industri finansieras till största delen av Trafikverket.", []string{"Smart Industri fundedBy Trafikverket"}},
		{"Region Skåne ingår även i projektet Smart Industri.", []string{"Region Skåne participatesIn Smart Industri"}},
		// the participles of "finansiera" and a co-financing source
		{"Projektet Smart Industri drivs som ett projekt finansierat genom ERUF.", []string{"Smart Industri fundedBy Europeiska regionala utvecklingsfonden"}},
		{"Projektet Smart Industri har bedrivits med medfinansiering från Tillväxtverket.", []string{"Smart Industri fundedBy Tillväxtverket"}},
		{"Region Skåne svarar för finansieringen av projektet Smart Industri.", []string{"Region Skåne finances Smart Industri"}},
		// a grant in the past tense passive names the fund it came from
		{"Projektet Smart Industri beviljades 12 miljoner kronor från ERUF.", []string{"Smart Industri fundedBy Europeiska regionala utvecklingsfonden"}},
		// a relative clause's subject is the name "som" stands for
		{"Arbetet sker enligt förordningen om regionalt tillväxtarbete som styr den regionala utvecklingsstrategin.",
			[]string{"Förordning om regionalt tillväxtarbete governs regional utvecklingsstrategi"}},
		// a partnership's parties are its members; a project's take part in it
		{"Exportplattformen Norr är ett partnerskap mellan kommunerna och Region Skåne.",
			[]string{"Region Skåne memberOf Exportplattformen Norr", "kommunerna memberOf Exportplattformen Norr"}},
		// "och andra", "och övriga" go on with a list
		{"Den regionala utvecklingsstrategin tas fram i samverkan med Trafikverket och övriga kommuner.",
			[]string{"Trafikverket participatesIn regional utvecklingsstrategi", "kommunerna participatesIn regional utvecklingsstrategi"}},
		// a partner set off by commas inside a cue
		{"Den regionala utvecklingsstrategin ligger, tillsammans med länsplanen för regional transportinfrastruktur, till grund för projektet Smart Industri.",
			[]string{"Smart Industri implements länsplan för regional transportinfrastruktur", "Smart Industri implements regional utvecklingsstrategi"}},
		// the object does not lie in a clause or a phrase of its own
		{"Projektet Smart Industri finansieras via ett anslag, medan Region Skåne leder arbetet.", nil},
		{"Projektet Smart Industri drivs med stöd av EU-medel och i samarbete med Trafikverket.",
			[]string{"Trafikverket participatesIn Smart Industri"}},
		{"Projektet Smart Industri finansieras av kommunen och av Region Skåne.", []string{"Smart Industri fundedBy Region Skåne"}},
		{"Förordningen om regionalt tillväxtarbete styr vilka krav som gäller för den regionala utvecklingsstrategin.",
			[]string{"Förordning om regionalt tillväxtarbete governs regional utvecklingsstrategi"}},
		// several owners after "mellan"
		{"Teknikparken Nord AB ägs ofta i samverkan mellan Region Skåne, Region Uppsala samt kommuner.",
			[]string{"Region Skåne owns Teknikparken Nord AB", "Region Uppsala owns Teknikparken Nord AB", "kommunerna owns Teknikparken Nord AB"}},
		// a financier in a company
		{"Region Skåne är delägare eller finansiär i Teknikparken Nord AB.", []string{"Region Skåne finances Teknikparken Nord AB"}},
		// made within a larger undertaking
		{"Den regionala utvecklingsstrategin har tagits fram inom ramen för projektet Smart Industri.",
			[]string{"regional utvecklingsstrategi partOf Smart Industri"}},
		{"Region Skåne erbjuder ett nytt koncept – projektet Smart Industri.", []string{"Region Skåne responsibleFor Smart Industri"}},
		// a name in a list a preposition governs is no subject of the next verb
		{"Projektet Smart Industri finansieras av Tillväxtverket och Region Skåne och är en del av den regionala utvecklingsstrategin.",
			[]string{"Smart Industri fundedBy Region Skåne", "Smart Industri fundedBy Tillväxtverket", "Smart Industri partOf regional utvecklingsstrategi"}},
		// an owner in the genitive, an adjective and a class noun before the name
		{"Region Skånes digitala plattform Exportplattformen Norr visar data.", []string{"Region Skåne responsibleFor Exportplattformen Norr"}},
		// an item of a list the text does not name does not end the list
		{"RUS ligger till grund för länsplanen för regional transportinfrastruktur, territoriella program, Exportplattformen Norr samt andra program.",
			[]string{"Exportplattformen Norr implements regional utvecklingsstrategi", "länsplan för regional transportinfrastruktur implements regional utvecklingsstrategi"}},
		// a line that names an instrument and where it is
		{"RUS i Region Skåne.", []string{"Region Skåne responsibleFor regional utvecklingsstrategi"}},
		{"RUS i Region Skåne har reviderats.", nil},
		// a network among the organisations of a platform
		{"I Exportplattformen Norr ingår även organisationerna Trafikverket och Nordnätverket.",
			[]string{"Nordnätverket memberOf Exportplattformen Norr", "Trafikverket memberOf Exportplattformen Norr"}},
		// an assembly that adopts an instrument is responsible for it
		{"Region Skåne antog den regionala utvecklingsstrategin i juni.", []string{"Region Skåne responsibleFor regional utvecklingsstrategi"}},
		// an agency "genom" puts after the verb draws up the plan with the subject
		{"Staten upprättar genom Trafikverket en länsplan för regional transportinfrastruktur.",
			[]string{"Trafikverket responsibleFor länsplan för regional transportinfrastruktur", "staten responsibleFor länsplan för regional transportinfrastruktur"}},
		// the actor in the phrase before "bedrivs" runs what follows
		{"I Region Skåne bedrivs en liknande satsning under namnet Exportplattformen Norr.",
			[]string{"Region Skåne responsibleFor Exportplattformen Norr"}},
		// the owner of a brand owns what it names
		{"Region Skåne äger varumärket Exportplattformen Norr.", []string{"Region Skåne owns Exportplattformen Norr"}},
		// money "med" a phrase names funds the undertaking, not the actor running it
		{"Regionerna planerar ofta regionala program med finansiering från ERUF.", nil},
		// a unit of an organisation
		{"Teknikparken Nord AB är Region Skånes näringslivsavdelning.", []string{"Teknikparken Nord AB partOf Region Skåne"}},
	}
	for _, tt := range tests {
		got := relations(t, doc.Passage{Text: tt.text})
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// "Förutom A och B ingår även C" states of A and B what it states of C.
func TestBesides(t *testing.T) {
	withCueEntries(t)
	d := example("Exportplattformen Norr (Region Skåne)", "Förutom Region Skåne och Region Uppsala ingår även organisationerna Trafikverket och Tillväxtverket.")
	got := strings.Join(relationsOf(t, d), " | ")
	for _, want := range []string{"Region Skåne memberOf Exportplattformen Norr", "Region Uppsala memberOf Exportplattformen Norr",
		"Tillväxtverket memberOf Exportplattformen Norr", "Trafikverket memberOf Exportplattformen Norr"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
}

// A verb with an object of its own that the text does not name does not
// take a worked example's subject as its object: "Region Uppsala
// erbjuder liknande lösningar" offers something else.
func TestOwnObject(t *testing.T) {
	withCueEntries(t)
	d := example("Exportplattformen Norr (Region Skåne)", "Region Uppsala erbjuder liknande lösningar.")
	got := strings.Join(relationsOf(t, d), " | ")
	if want := "Region Skåne responsibleFor Exportplattformen Norr"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A preposition alone as a cue ("inom") takes only the name that follows
// it as its object, never a worked example's subject.
func TestLonePreposition(t *testing.T) {
	d := example("RUS (Region Skåne)", "Projektet Smart Industri inom Kulturella näringar finansieras av Tillväxtverket.")
	got := strings.Join(relationsOf(t, d), " | ")
	if strings.Contains(got, "partOf") {
		t.Errorf("got %q, want no partOf", got)
	}
}

// The region a worked example's heading names runs what it names when
// the text has it work with partners in it.
func TestHeadingRegionWorksWithPartners(t *testing.T) {
	withCueEntries(t)
	d := example("Exportplattformen Norr (Region Skåne)", "I arbetet samverkar Region Skåne med kommunerna.")
	got := strings.Join(relationsOf(t, d), " | ")
	if want := "Region Skåne responsibleFor Exportplattformen Norr | kommunerna participatesIn Exportplattformen Norr"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// example makes a document of one worked example: its heading ("Title
// (Region X)") and one passage of text.
func example(heading, text string) *doc.Doc {
	title, _, _ := strings.Cut(heading, " (")
	return &doc.Doc{
		Passages: []doc.Passage{
			{Text: heading, Kind: doc.ExampleHeading, Example: 0},
			{Text: text, Example: 0},
		},
		Examples: []doc.Example{{Title: title, Heading: 0, Passages: []int{1}}},
	}
}

// withCueEntries adds the cue tests' register entries for one test.
func withCueEntries(t *testing.T) {
	saved := entries
	entries = append(slices.Clone(entries), cueEntries...)
	t.Cleanup(func() { entries = saved })
}
