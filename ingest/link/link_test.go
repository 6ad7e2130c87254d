package link

import (
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/register"
)

func testRegistry() *register.Registry {
	return register.NewRegistry([]register.Entry{
		{Key: "region:06", ID: "region-jonkopings-lan", Class: "Region", Label: "Region Jönköpings län"},
		{Key: "region:21", ID: "region-gavleborg", Class: "Region", Label: "Region Gävleborg"},
		{Key: "agency:1", ID: "statens-kulturrad", Class: "GovernmentAgency", Label: "Statens kulturråd", Names: []string{"Kulturrådet"}},
		{Key: "law:2010:630", ID: "lag-om-regionalt-utvecklingsansvar", Class: "Act", Label: "Lag om regionalt utvecklingsansvar",
			Props: []register.Prop{{P: "sfsNumber", V: "2010:630"}}},
		{Key: "group:regioner", ID: "regionerna", Class: "ActorGroup", Group: "Region", Label: "regionerna"},
	}, nil)
}

// linked runs the linker over hand-made mentions (all in sentence 0) and
// returns "text→id" for each.
func linked(t *testing.T, ms ...doc.Mention) (*doc.Doc, []string) {
	t.Helper()
	d := &doc.Doc{Passages: []doc.Passage{{Text: "x"}}, Sentences: []doc.Sentence{{}}}
	for _, m := range ms {
		m.Entity = -1
		if m.Name == "" {
			m.Name = m.Text
		}
		d.Mentions = append(d.Mentions, m)
	}
	if err := New(testRegistry()).Run(d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range d.Mentions {
		id := "-"
		if m.Entity >= 0 {
			id = d.Entities[m.Entity].ID
		}
		out = append(out, m.Text+"→"+id)
	}
	return d, out
}

func TestLink(t *testing.T) {
	tests := []struct {
		name string
		ms   []doc.Mention
		want string
	}{
		{"register key", []doc.Mention{{Text: "Kulturrådets", Key: "agency:1", Class: "GovernmentAgency", Rule: "register"}},
			"Kulturrådets→statens-kulturrad"},
		{"SFS number", []doc.Mention{{Text: "lagen (2010:630) om regionalt utvecklingsansvar", SFS: "2010:630", Class: "Act", Rule: "pattern:law"}},
			"lagen (2010:630) om regionalt utvecklingsansvar→lag-om-regionalt-utvecklingsansvar"},
		{"SFS no register has", []doc.Mention{{Text: "förordningen (2010:2012) om fördelning", SFS: "2010:2012", Class: "Ordinance", Rule: "pattern:law"}},
			"förordningen (2010:2012) om fördelning→sfs-2010-2012"},
		{"misprint of a region", []doc.Mention{{Text: "Region Jönköping län", Class: "Region", Rule: "closed:Region"}},
			"Region Jönköping län→region-jonkopings-lan"},
		{"region with a word after", []doc.Mention{{Text: "Region Gävleborgs Regionala", Class: "Region", Rule: "closed:Region"}},
			"Region Gävleborgs Regionala→region-gavleborg"},
		{"no such region", []doc.Mention{{Text: "Region Göteborg", Class: "Region", Rule: "closed:Region"}},
			"Region Göteborg→-"},
		{"group", []doc.Mention{{Text: "regionerna", Key: "group:regioner", Class: "Region", Group: true, Rule: "register"}},
			"regionerna→regionerna"},
		{"genitive of a new name", []doc.Mention{{Text: "Reglab", Class: "Network", Rule: "pattern:name"}, {Text: "Reglabs", Class: "Network", Rule: "pattern:name"}},
			"Reglab→reglab Reglabs→reglab"},
		{"a name ending in s and its anaphor", []doc.Mention{
			{Text: "Grön kompetens", Class: "Project", Rule: "pattern:name"},
			{Text: "projektet", Name: "Grön kompetens", Class: "Project", Rule: "anaphor"}},
			"Grön kompetens→gron-kompeten projektet→gron-kompeten"},
		{"misprint within a document", []doc.Mention{
			{Text: "Konstluttimmen", Class: "Project", Rule: "pattern:name"}, {Text: "Konstluttimmen", Class: "Project", Rule: "pattern:name"},
			{Text: "Konsluttimmen", Class: "Project", Rule: "pattern:name"}},
			"Konstluttimmen→konstluttimmen Konstluttimmen→konstluttimmen Konsluttimmen→konstluttimmen"},
		{"mandates by stem", []doc.Mention{{Text: "ta fram en strategi", Class: "Mandate", Rule: "mandate:lead"}, {Text: "ta fram strategin", Class: "Mandate", Rule: "mandate:lead"}},
			"ta fram en strategi→uppdrag-ta-fram-en-strategi ta fram strategin→uppdrag-ta-fram-strategi"},
	}
	for _, tt := range tests {
		_, got := linked(t, tt.ms...)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, strings.Join(got, " "), tt.want)
		}
	}
}

func TestLabels(t *testing.T) {
	d, _ := linked(t,
		doc.Mention{Text: "Kulturrådet", Key: "agency:1", Class: "GovernmentAgency", Rule: "register"},
		doc.Mention{Text: "Region Jönköping län", Class: "Region", Rule: "closed:Region"},
		doc.Mention{Text: "Smart Industri", Class: "Project", Rule: "pattern:name"},
		doc.Mention{Text: "ta fram en modell", Alt: "i uppdrag att ta fram en modell", Class: "Mandate", Rule: "mandate:lead"})
	want := []string{
		"Statens kulturråd alt=[Kulturrådet] hidden=[]",
		"Region Jönköpings län alt=[] hidden=[Region Jönköping län]",
		"Smart Industri alt=[] hidden=[]",
		"ta fram en modell alt=[i uppdrag att ta fram en modell] hidden=[]",
	}
	for i, e := range d.Entities {
		got := e.Label + " alt=[" + strings.Join(e.Alt, ",") + "] hidden=[" + strings.Join(e.Hidden, ",") + "]"
		if got != want[i] {
			t.Errorf("entity %d: %s, want %s", i, got, want[i])
		}
	}
}

func TestInflected(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"smart specialiseringsstrategi", "smarta specialiseringsstrategi", true},
		{"konsulttimmen", "konsluttimmen", false},
		{"region skane", "region skane", false},
	} {
		if got := inflected(c.a, c.b); got != c.want {
			t.Errorf("inflected(%q, %q) = %v", c.a, c.b, got)
		}
	}
}

// A theme named once is kept when recognition found it where the text
// treats it as a subject, and dropped when it is named in passing.
func TestPassingThemes(t *testing.T) {
	_, got := linked(t,
		doc.Mention{Text: "kultur", Key: "theme:kultur", Class: "Theme", Rule: "theme:subject"},
		doc.Mention{Text: "arbetsmarknad", Key: "theme:am", Class: "Theme", Rule: "register"})
	if got[0] == "kultur→-" || got[1] != "arbetsmarknad→-" {
		t.Errorf("got %q", got)
	}
}
