package relate

import (
	"slices"
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/lang"
	"kg/ingest/link"
	"kg/ingest/recognise"
	"kg/ingest/register"
)

var entries = []register.Entry{
	{Key: "region:12", ID: "region-skane", Class: "Region", Label: "Region Skåne"},
	{Key: "region:03", ID: "region-uppsala", Class: "Region", Label: "Region Uppsala"},
	{Key: "agency:tvv", ID: "tillvaxtverket", Class: "GovernmentAgency", Label: "Tillväxtverket"},
	{Key: "agency:tv", ID: "trafikverket", Class: "GovernmentAgency", Label: "Trafikverket"},
	{Key: "gov", ID: "regeringen", Class: "Government", Label: "Regeringen"},
	{Key: "ministry:fi", ID: "finansdepartementet", Class: "Ministry", Label: "Finansdepartementet"},
	{Key: "fund:eruf", ID: "eruf", Class: "Fund", Label: "Europeiska regionala utvecklingsfonden", Names: []string{"ERUF"}},
	{Key: "law:2017:583", ID: "forordning-om-regionalt-tillvaxtarbete", Class: "Ordinance", Label: "Förordning om regionalt tillväxtarbete",
		Names: []string{"förordningen om regionalt tillväxtarbete"}, Props: []register.Prop{{P: "sfsNumber", V: "2017:583"}}},
	{Key: "plan:lansplan", ID: "lansplan", Class: "Plan", Label: "länsplan för regional transportinfrastruktur"},
	{Key: "strategy:rus", ID: "rus", Class: "Strategy", Label: "regional utvecklingsstrategi", Names: []string{"RUS"}},
	{Key: "mandate:rua", ID: "rua", Class: "Mandate", Label: "det regionala utvecklingsansvaret"},
	{Key: "mandate:rkm", ID: "rkm", Class: "Mandate", Label: "regional kollektivtrafikmyndighet"},
	{Key: "group:regioner", ID: "regionerna", Class: "ActorGroup", Group: "Region", Label: "regionerna", Names: []string{"regioner", "varje region"}},
	{Key: "group:kommuner", ID: "kommunerna", Class: "ActorGroup", Group: "Municipality", Label: "kommunerna", Names: []string{"kommuner"}},
	{Key: "group:staten", ID: "staten", Class: "ActorGroup", Group: "Government", Label: "staten"},
}

func relations(t *testing.T, passages ...doc.Passage) []string {
	t.Helper()
	return relationsOf(t, &doc.Doc{Passages: passages})
}

func relationsOf(t *testing.T, d *doc.Doc) []string {
	t.Helper()
	reg := register.NewRegistry(entries, nil)
	var names []recognise.Name
	for _, e := range entries {
		class := e.Class
		if e.Group != "" {
			class = e.Group
		}
		for _, n := range append([]string{e.Label}, e.Names...) {
			names = append(names, recognise.Name{Text: n, Key: e.Key, Class: class, Group: e.Group != ""})
		}
	}
	stages := []doc.Stage{lang.Stage{}, recognise.Stage{G: recognise.NewGazetteer(names)}, link.New(reg), Stage{}}
	if err := doc.Run(d, stages); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range d.Relations {
		out = append(out, d.Entities[r.S].Label+" "+r.P+" "+d.Entities[r.O].Label)
	}
	slices.Sort(out)
	return out
}

func TestRelate(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Region Skåne tar fram en länsplan för regional transportinfrastruktur.",
			[]string{"Region Skåne responsibleFor länsplan för regional transportinfrastruktur"}},
		{"Länsplanen för regional transportinfrastruktur tas fram av Region Uppsala i samverkan med Trafikverket och kommunerna.",
			[]string{"Region Uppsala responsibleFor länsplan för regional transportinfrastruktur",
				"Trafikverket participatesIn länsplan för regional transportinfrastruktur",
				"kommunerna participatesIn länsplan för regional transportinfrastruktur"}},
		{"Projektet Smart Industri finansieras av ERUF.", []string{"Smart Industri fundedBy Europeiska regionala utvecklingsfonden"}},
		{"Regeringen gav Tillväxtverket i uppdrag att ta fram en modell.",
			[]string{"Regeringen confers ta fram en modell", "Tillväxtverket holdsMandate ta fram en modell"}},
		{"Regeringen uppdrar åt Tillväxtverket att ta fram en modell.",
			[]string{"Regeringen confers ta fram en modell", "Tillväxtverket holdsMandate ta fram en modell"}},
		{"Regeringen uppdrog åt Trafikverket att ta fram en länsplan för regional transportinfrastruktur.",
			[]string{"Regeringen confers ta fram en länsplan för regional transportinfrastruktur",
				"Trafikverket holdsMandate ta fram en länsplan för regional transportinfrastruktur",
				"Trafikverket responsibleFor länsplan för regional transportinfrastruktur"}},
		{"Regeringen gav Trafikverket i uppdrag att ta fram en länsplan för regional transportinfrastruktur.",
			[]string{"Regeringen confers ta fram en länsplan för regional transportinfrastruktur",
				"Trafikverket holdsMandate ta fram en länsplan för regional transportinfrastruktur",
				"Trafikverket responsibleFor länsplan för regional transportinfrastruktur"}},
		{"Projektet Smart Industri drivs av Region Skåne. Projektägare är Region Uppsala. Samverkanspartner är Trafikverket och kommunerna.",
			[]string{"Region Skåne responsibleFor Smart Industri", "Region Uppsala responsibleFor Smart Industri",
				"Trafikverket participatesIn Smart Industri", "kommunerna participatesIn Smart Industri"}},
		{"Regionerna har det regionala utvecklingsansvaret.", []string{"regionerna holdsMandate det regionala utvecklingsansvaret"}},
		{"I förordningen (2017:583) om regionalt tillväxtarbete finns bestämmelser om att regionerna ska utarbeta och fastställa en strategi för länets utveckling.",
			[]string{"Förordning om regionalt tillväxtarbete confers utarbeta och fastställa en strategi för länets utveckling",
				"regionerna holdsMandate utarbeta och fastställa en strategi för länets utveckling"}},
		{"Region Skåne äger Almi Företagspartner Skåne AB.", []string{"Region Skåne owns Almi Företagspartner Skåne AB"}},
		{"Inom Region Skåne finns ERUF.", nil},
		{"Ansvaret att samordna kollektivtrafiken vilar på regionerna och kommunerna.",
			[]string{"kommunerna holdsMandate Ansvaret att samordna kollektivtrafiken", "regionerna holdsMandate Ansvaret att samordna kollektivtrafiken"}},
		{"Region Skånes regionala utvecklingsstrategi antogs 2022.", []string{"Region Skåne responsibleFor regional utvecklingsstrategi"}},
		{"Tillväxtverket har ett nationellt samordningsansvar.", []string{"Tillväxtverket holdsMandate nationellt samordningsansvar"}},
		{"Det skiljer sig från regionernas välfärdsuppdrag inom hälso- och sjukvård.",
			[]string{"regionerna holdsMandate välfärdsuppdrag inom hälso- och sjukvård"}},
		{"För att få del av medlen ska regionerna ta fram regionala kulturplaner.",
			[]string{"regionerna holdsMandate ta fram regionala kulturplaner", "regionerna responsibleFor regionala kulturplaner"}},
		{"Regionerna ska enligt förordningen följa upp insatserna.", []string{"regionerna holdsMandate följa upp insatserna"}},
		{"Regionerna ska utvecklas.", nil},
		{"I förordningen finns bestämmelser om att utarbeta en strategi för länet som regionerna ska ta fram.",
			[]string{"regionerna holdsMandate utarbeta en strategi för länet"}},
		{"I förordningen om regionalt tillväxtarbete tydliggörs det regionala utvecklingsansvaret.",
			[]string{"Förordning om regionalt tillväxtarbete governs det regionala utvecklingsansvaret"}},
		{"Planen tas fram med Tillväxtverket (Regeringen).", []string{"Tillväxtverket partOf Regeringen"}},
		{"Uppdraget redovisas till Regeringen (Finansdepartementet).", []string{"Finansdepartementet partOf Regeringen"}},
		{"Trafikverket innehar aktier i Almi Företagspartner Skåne AB, och Region Skåne högst 49 procent.",
			[]string{"Region Skåne owns Almi Företagspartner Skåne AB", "Trafikverket owns Almi Företagspartner Skåne AB"}},
		{"Under ledning av Tillväxtverket drivs projektet Smart Industri där regionerna deltar.",
			[]string{"Tillväxtverket responsibleFor Smart Industri", "regionerna participatesIn Smart Industri"}},
		{"Regionerna tar fram en regional utvecklingsstrategi. Dessa ska utvecklas i samverkan med kommunerna.",
			[]string{"kommunerna participatesIn regional utvecklingsstrategi", "regionerna responsibleFor regional utvecklingsstrategi"}},
		{"Tillväxtverkets uppgift är att utveckla marken och att sälja byggrätterna.",
			[]string{"Tillväxtverket holdsMandate sälja byggrätterna", "Tillväxtverket holdsMandate utveckla marken"}},
		{"Regionerna har det regionala utvecklingsansvaret. Ansvaret omfattar också arbetet med länsplanerna.",
			[]string{"arbetet med länsplanerna partOf det regionala utvecklingsansvaret", "regionerna holdsMandate det regionala utvecklingsansvaret"}},
		{"Kommunerna ansvarar för bland annat gymnasieskolan för unga.", []string{"kommunerna holdsMandate gymnasieskolan för unga"}},
		{"Regionernas arbete handlar i huvudsak om att stärka samverkan mellan kommunerna.",
			[]string{"regionerna holdsMandate stärka samverkan mellan kommunerna"}},
		{"Det handlar om att stärka samverkan.", nil},
		{"Kommunerna ansvarar för gymnasieskolan och för den kommunala vuxenutbildningen.",
			[]string{"kommunerna holdsMandate ansvarar för gymnasieskolan", "kommunerna holdsMandate den kommunala vuxenutbildningen"}},
		{"Nätverket Reglab består av Region Skåne, fem skånska kommuner och kommunförbundet Tillväxtverket.",
			[]string{"Region Skåne memberOf Reglab", "Tillväxtverket memberOf Reglab", "fem skånska kommuner memberOf Reglab"}},
		{"Projektet Smart Industri är en satsning där Region Skåne och kommunerna går samman.",
			[]string{"Region Skåne participatesIn Smart Industri", "kommunerna participatesIn Smart Industri"}},
		{"I projektet Smart Industri samverkar kommuner och Trafikverket.",
			[]string{"Trafikverket participatesIn Smart Industri", "kommunerna participatesIn Smart Industri"}},
		{"Projektet Smart Industri arrangeras av Tillväxtverket.", []string{"Tillväxtverket responsibleFor Smart Industri"}},
		{"Arbetet är decentraliserat även om Tillväxtverket har ett nationellt samordningsansvar.",
			[]string{"Tillväxtverket holdsMandate nationellt samordningsansvar"}},
		{"Projektet Smart Industri är ett partnerskap med Region Skåne som huvudman.",
			[]string{"Region Skåne holdsMandate huvudman", "Region Skåne responsibleFor Smart Industri"}},
		{"Tillväxtverkets uppdrag är att stimulera ökat nyföretagande.", []string{"Tillväxtverket holdsMandate stimulera ökat nyföretagande"}},
		{"Regionerna har möjlighet att lämna bidrag till kommuner.", []string{"regionerna finances kommunerna", "regionerna holdsMandate lämna bidrag till kommuner"}},
		{"Regeringen beslutade att Region Skåne skulle upprätta ett regionalt exportcenter.",
			[]string{"Regeringen confers upprätta ett regionalt exportcenter", "Region Skåne holdsMandate upprätta ett regionalt exportcenter"}},
		{"Region Skåne har, tillsammans med Tillväxtverket, tagit fram en regional utvecklingsstrategi.",
			[]string{"Region Skåne responsibleFor regional utvecklingsstrategi", "Tillväxtverket responsibleFor regional utvecklingsstrategi"}},
		{"Projektet Smart Industri startade i fjol. Region Skåne har, tillsammans med Tillväxtverket, tagit initiativet till projektet Smart Industri.",
			[]string{"Region Skåne responsibleFor Smart Industri", "Tillväxtverket responsibleFor Smart Industri"}},
		{"Region Skåne är medfinansiär i projektet Smart Industri tillsammans med Tillväxtverket och ERUF.",
			[]string{"Europeiska regionala utvecklingsfonden finances Smart Industri", "Region Skåne finances Smart Industri",
				"Tillväxtverket finances Smart Industri"}},
		{"Region Skåne är medfinansiär tillsammans med Tillväxtverket och ERUF.", nil},
		{"I projektet Smart Industri samverkar Region Skåne med Trafikverket.",
			[]string{"Region Skåne participatesIn Smart Industri", "Trafikverket participatesIn Smart Industri"}},
		{"Projektet Smart Industri drivs av Trafikverket där regionerna deltar.",
			[]string{"Trafikverket responsibleFor Smart Industri", "regionerna participatesIn Smart Industri"}},
		{"Samtliga regioner, utom Region Skåne, ingår i projektet Smart Industri.", []string{"regionerna participatesIn Smart Industri"}},
		{"Trafikverkets huvudansvar är nationellt och omfattar bland annat att vara ett stöd, fördela bidrag till vägar och följa upp arbetet.",
			[]string{"Trafikverket holdsMandate Trafikverkets huvudansvar", "Trafikverket holdsMandate följa upp arbetet",
				"Trafikverket holdsMandate fördela bidrag till vägar", "Trafikverket holdsMandate vara ett stöd",
				"följa upp arbetet partOf Trafikverkets huvudansvar", "fördela bidrag till vägar partOf Trafikverkets huvudansvar",
				"vara ett stöd partOf Trafikverkets huvudansvar"}},
		{"Regionerna tar fram en regional utvecklingsstrategi. De viktigaste aktörerna är kommunerna. De ansvarar för gymnasieskolan och för den kommunala vuxenutbildningen.",
			[]string{"kommunerna holdsMandate ansvarar för gymnasieskolan", "kommunerna holdsMandate den kommunala vuxenutbildningen",
				"regionerna responsibleFor regional utvecklingsstrategi"}},
		{"Kommunerna har det regionala utvecklingsansvaret. De ansvarar för gymnasieskolan och för den kommunala vuxenutbildningen.",
			[]string{"kommunerna holdsMandate ansvarar för gymnasieskolan", "kommunerna holdsMandate den kommunala vuxenutbildningen",
				"kommunerna holdsMandate det regionala utvecklingsansvaret"}},
		{"Att planlägga användningen av mark och vatten är kommunens ansvar.",
			[]string{"kommunerna holdsMandate planlägga användningen av mark och vatten"}},
		{"Region Skåne pekar ut kommunens ansvar för att planlägga marken.",
			[]string{"kommunerna holdsMandate ansvar för att planlägga marken"}},
		{"Regionerna ansvarar för den regionala kollektivtrafiken i varje län i samråd med kommunerna.",
			[]string{"regionerna holdsMandate ansvarar för den regionala kollektivtrafiken"}},
		{"Tillväxtverket stödjer utbildningsanordnarna och administrerar statliga bidrag till vuxenutbildning.",
			[]string{"Tillväxtverket holdsMandate administrerar statliga bidrag till vuxenutbildning", "Tillväxtverket holdsMandate stödjer utbildningsanordnarna"}},
		{"Sedan 2010 har regionerna haft en utpekad roll i arbetet med kompetensförsörjning.",
			[]string{"regionerna holdsMandate utpekad roll i arbetet med kompetensförsörjning"}},
		{"Regionerna har en viktig roll i arbetet med kompetensförsörjning.", nil},
		{"Strategin har tagits fram inom ramen för regeringens satsning Smart Industri.", []string{"Regeringen responsibleFor Smart Industri"}},
		{"Projektet Smart Industri är ett partnerskap mellan kommunerna, med Region Skåne som huvudman.",
			[]string{"Region Skåne holdsMandate huvudman", "Region Skåne responsibleFor Smart Industri", "kommunerna participatesIn Smart Industri"}},
		{"I varje län finns även en regional digitaliseringskoordinator som ska bidra till strategisk samordning mellan aktörer.",
			[]string{"bidra till strategisk samordning mellan aktörer partOf regional digitaliseringskoordinator"}},
		{"Regionerna leder, samordnar och utvecklar det regionala utvecklingsarbetet och regeringen fördelar medel.",
			[]string{"regionerna holdsMandate leder, samordnar och utvecklar det regionala utvecklingsarbetet"}},
		{"Regionerna tar fram en regional utvecklingsstrategi. Den ska också ligga till grund för projektet Smart Industri.",
			[]string{"Smart Industri implements regional utvecklingsstrategi", "regionerna responsibleFor regional utvecklingsstrategi"}},
		{"Tillväxtverket samlar Regeringens intressen i länet.", []string{"Tillväxtverket holdsMandate samlar Regeringens intressen i länet"}},
		{"Regionerna bedömer länets kompetensbehov.", []string{"regionerna holdsMandate bedömer länets kompetensbehov"}},
		{"Staten anger de ekonomiska ramarna för planerna.", []string{"staten holdsMandate anger de ekonomiska ramarna för planerna"}},
		{"Sedan 2019 har regionerna det regionala utvecklingsansvaret.", []string{"regionerna holdsMandate det regionala utvecklingsansvaret"}},
		{"Trafikverket svarar för ungefär halva finansieringen.", nil},
		{"Region Skåne stödjer utbildningsanordnarna.", nil},
		{"Kommunerna ska enligt lagen redovisa hur de har använt bidragen till Trafikverket.",
			[]string{"kommunerna holdsMandate redovisa hur de har använt bidragen till Trafikverket"}},
		{"Att ta fram planer för vägar och spår är Trafikverkets ansvar.",
			[]string{"Trafikverket holdsMandate ta fram planer för vägar och spår"}},
		{"Region Uppsala är pilotregion för att pröva en ny modell för tåg.",
			[]string{"Region Uppsala holdsMandate pilotregion för att pröva en ny modell för tåg"}},
	}
	for _, tt := range tests {
		got := relations(t, doc.Passage{Text: tt.text})
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestExampleRegions(t *testing.T) {
	d := example("Timbanken (Region Skåne, Region Uppsala)", "Timbanken finansieras av regionerna. Region Skåne administrerar stödet.")
	// "regionerna" are the regions the heading lists; "stödet" is no
	// name, so Region Skåne administers nothing the graph holds
	want := []string{"Timbanken fundedBy Region Skåne", "Timbanken fundedBy Region Uppsala"}
	if got := relationsOf(t, d); strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestExampleRunByMember(t *testing.T) {
	d := &doc.Doc{
		Passages: []doc.Passage{
			{Text: "Nätverket Timbanken (Region Skåne)", Kind: doc.ExampleHeading, Example: 0},
			{Text: "Nätverket består av Region Skåne och Tillväxtverket.", Example: 0},
		},
		Examples: []doc.Example{{Title: "Timbanken", Heading: 0, Passages: []int{1}}},
	}
	// the region runs the network it sits in
	got := strings.Join(relationsOf(t, d), " | ")
	for _, want := range []string{"Region Skåne memberOf Timbanken", "Region Skåne responsibleFor Timbanken", "Tillväxtverket memberOf Timbanken"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
}

func TestPronounHolder(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Tillväxtverket har flera roller. De ska verka för att målen nås regionalt."})
	want := []string{"Tillväxtverket holdsMandate verka för att målen nås regionalt"}
	wantRelations(t, got, want)
}

func TestAreaParts(t *testing.T) {
	got := relations(t,
		doc.Passage{Text: "Region Skåne har en regional utvecklingsstrategi. Dess prioriterade områden är:"},
		doc.Passage{Text: "Hållbar tillväxt i hela länet"},
		doc.Passage{Text: "• God samhällsplanering.", Kind: doc.ListItem},
		doc.Passage{Text: "Kompetens för framtiden"})
	want := []string{
		"God samhällsplanering partOf Hållbar tillväxt i hela länet",
		"Hållbar tillväxt i hela länet partOf regional utvecklingsstrategi",
		"Kompetens för framtiden partOf regional utvecklingsstrategi",
	}
	wantParts(t, got, want)
}

func TestLawReferredBack(t *testing.T) {
	got := relations(t,
		doc.Passage{Text: "Förordningen om regionalt tillväxtarbete styr arbetet."},
		doc.Passage{Text: "Det första.", Kind: doc.ListItem},
		doc.Passage{Text: "Det andra.", Kind: doc.ListItem},
		doc.Passage{Text: "Det tredje.", Kind: doc.ListItem},
		doc.Passage{Text: "Det fjärde.", Kind: doc.ListItem},
		doc.Passage{Text: "Det femte.", Kind: doc.ListItem},
		doc.Passage{Text: "Förordningen pekar ut myndigheternas roll. Tillväxtverket ska bidra till att nå målen."})
	want := "Förordning om regionalt tillväxtarbete confers bidra till att nå målen"
	wantAmong(t, got, want)
}

func TestObjectiveAreas(t *testing.T) {
	got := relations(t,
		doc.Passage{Text: "Målet i den regionala utvecklingsstrategin är uppdelat i två mål:"},
		doc.Passage{Text: "• Funktionsmålet, som innebär att alla ska nå arbete.", Kind: doc.ListItem},
		doc.Passage{Text: "• Hänsynsmålet, som innebär att ingen ska skadas.", Kind: doc.ListItem},
		doc.Passage{Text: "• Arbetet med Hänsynsmålet följs upp.", Kind: doc.ListItem})
	want := []string{"Funktionsmålet partOf regional utvecklingsstrategi", "Hänsynsmålet partOf regional utvecklingsstrategi"}
	wantParts(t, got, want)
}

// wantRelations checks that got is want.
func wantRelations(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// wantAmong checks that each of want is among got.
func wantAmong(t *testing.T, got []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("got %q, want %q among them", got, w)
		}
	}
}

// wantParts checks the partOf relations among got against want.
func wantParts(t *testing.T, got, want []string) {
	t.Helper()
	var parts []string
	for _, g := range got {
		if strings.Contains(g, " partOf ") {
			parts = append(parts, g)
		}
	}
	if strings.Join(parts, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %q\nwant %q", parts, want)
	}
}

func TestDutyLists(t *testing.T) {
	lead := "Enligt förordningen om regionalt tillväxtarbete ska regionerna"
	for _, tt := range []struct {
		passages []doc.Passage
		want     []string
	}{
		// a lead-in's actor holds each item, its law confers it
		{[]doc.Passage{{Text: lead + ":"},
			{Text: "ta fram en regional utvecklingsstrategi,", Kind: doc.ListItem},
			{Text: "samordna insatser för genomförandet.", Kind: doc.ListItem}},
			[]string{
				"Förordning om regionalt tillväxtarbete confers samordna insatser för genomförandet",
				"Förordning om regionalt tillväxtarbete confers ta fram en regional utvecklingsstrategi",
				"regionerna holdsMandate samordna insatser för genomförandet",
				"regionerna holdsMandate ta fram en regional utvecklingsstrategi",
				"regionerna responsibleFor regional utvecklingsstrategi",
			}},
		// the items are parts of the lead's task; its holder and ground
		// are stated once, on the task
		{[]doc.Passage{{Text: lead + " ansvara för att främja en god tillgång till:"},
			{Text: "1. professionell teaterverksamhet,", Kind: doc.ListItem},
			{Text: "2. regional arkivverksamhet.", Kind: doc.ListItem}},
			[]string{
				"Förordning om regionalt tillväxtarbete confers ansvara för att främja en god tillgång",
				"professionell teaterverksamhet partOf ansvara för att främja en god tillgång",
				"regional arkivverksamhet partOf ansvara för att främja en god tillgång",
				"regionerna holdsMandate ansvara för att främja en god tillgång",
			}},
	} {
		wantRelations(t, relations(t, tt.passages...), tt.want)
	}
}

func TestIncludedTask(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Tillväxtverket ansvarar för att samordna bredbandsarbetet i länen. " +
		"Inom ramen för detta ingår att främja användningen av digitala arbetssätt, verktyg och tjänster."})
	want := []string{"främja användningen av digitala arbetssätt, verktyg och tjänster partOf ansvarar för att samordna bredbandsarbetet i länen"}
	wantParts(t, got, want)
}

func TestTaskInOwnersAssignment(t *testing.T) {
	got := relations(t, doc.Passage{Text: "I regionernas uppdrag ligger också ett tydligt krav på omställning."})
	want := []string{"regionerna holdsMandate ett tydligt krav på omställning"}
	wantRelations(t, got, want)
}

func TestRoleInEveryRegion(t *testing.T) {
	got := relations(t, doc.Passage{Text: "I varje region finns även en regional digitaliseringskoordinator."})
	want := []string{"regionerna holdsMandate regional digitaliseringskoordinator"}
	wantRelations(t, got, want)
}

func TestPartitiveSubject(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Tre av regionerna har i uppdrag att upprätta formella planer."})
	// three of the regions hold the task: neither the group nor a giver
	for _, g := range got {
		if strings.Contains(g, "regionerna") {
			t.Errorf("got %q", g)
		}
	}
	if len(got) != 0 {
		t.Errorf("got %q, want nothing", got)
	}
}

func TestSubjectTaskHolderBefore(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Regionerna samordnar arbetet i länet. " +
		"Att ta fram och sammanställa kunskap om länet är en av de viktigaste uppgifterna."})
	want := "regionerna holdsMandate ta fram och sammanställa kunskap om länet"
	wantAmong(t, got, want)
}

func TestDecidedTask(t *testing.T) {
	got := relations(t, doc.Passage{Text: "År 2016 beslutade regeringen att Region Skåne, som en av de sex första regionerna, skulle upprätta ett exportcenter."})
	want := []string{"Region Skåne holdsMandate upprätta ett exportcenter", "Regeringen confers upprätta ett exportcenter"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("got %q, want %q among them", got, w)
		}
	}
	for _, g := range got {
		if strings.HasPrefix(g, "regionerna holdsMandate") {
			t.Errorf("got %q: the apposition's group holds nothing", g)
		}
	}
}

func TestGroupInstances(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Flera regioner har arbetat med att ta fram en regional utvecklingsstrategi. " +
		"Exempel på sådana regioner är Region Skåne och Region Uppsala."})
	wantAmong(t, got, "Region Skåne responsibleFor regional utvecklingsstrategi", "Region Uppsala responsibleFor regional utvecklingsstrategi")
}

func TestOtherTasks(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Tillväxtverkets främsta uppgift är att stödja regionerna. " +
		"Andra uppgifter är att fördela statsbidrag och att följa upp arbetet."})
	wantAmong(t, got, "Tillväxtverket holdsMandate fördela statsbidrag", "Tillväxtverket holdsMandate följa upp arbetet")
}

func TestRoleByCopula(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Region Uppsala är regional kollektivtrafikmyndighet och tar fram en länsplan för regional transportinfrastruktur."})
	wantAmong(t, got, "Region Uppsala holdsMandate regional kollektivtrafikmyndighet")
	// a copula with more than its adverbs between says nothing of the role
	got = relations(t, doc.Passage{Text: "Region Uppsala är inte längre regional kollektivtrafikmyndighet."})
	if len(got) != 0 {
		t.Errorf("got %q, want nothing", got)
	}
}

func TestRoleAfterGrantSource(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Projektet Smart Industri beviljades 12 miljoner kronor från ERUF. Projektägare är Region Uppsala."})
	wantAmong(t, got, "Region Uppsala responsibleFor Smart Industri")
	for _, g := range got {
		if strings.HasPrefix(g, "Region Uppsala responsibleFor Europeiska") {
			t.Errorf("got %q: the fund is where the money came from", g)
		}
	}
}

// TestStatuteLead checks that a statute's lead-in without a colon gives
// its numbered items their holder.
func TestStatuteLead(t *testing.T) {
	got := relations(t,
		doc.Passage{Text: "2 § Tillväxtverket ska särskilt"},
		doc.Passage{Text: "1. följa utvecklingen i länen,", Kind: doc.ListItem},
		doc.Passage{Text: "2. stödja det regionala tillväxtarbetet.", Kind: doc.ListItem})
	want := []string{
		"Tillväxtverket holdsMandate följa utvecklingen i länen",
		"Tillväxtverket holdsMandate stödja det regionala tillväxtarbetet",
	}
	wantRelations(t, got, want)
}

// TestLawNotCarriedToNewActor checks that a law named in the sentence
// before grounds the tasks of the same actors only.
func TestLawNotCarriedToNewActor(t *testing.T) {
	got := relations(t, doc.Passage{Text: "Enligt förordningen om regionalt tillväxtarbete ska regionerna samordna insatser för kompetensförsörjning. " +
		"Tillväxtverket har ett ansvar för att stödja kommunerna. Regionerna ska också följa upp arbetet."})
	want := []string{
		"Förordning om regionalt tillväxtarbete confers samordna insatser för kompetensförsörjning",
		"Tillväxtverket holdsMandate ansvar för att stödja kommunerna",
		"regionerna holdsMandate följa upp arbetet",
		"regionerna holdsMandate samordna insatser för kompetensförsörjning",
	}
	wantRelations(t, got, want)
}
