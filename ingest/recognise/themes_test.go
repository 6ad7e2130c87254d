package recognise

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

var themeNames = []Name{
	{Text: "kultur", Key: "theme:kultur", Class: "Theme"},
	{Text: "arbetsmarknad", Key: "theme:am", Class: "Theme"},
	{Text: "innovation", Key: "theme:innovation", Class: "Theme"},
	{Text: "infrastruktur", Key: "theme:infra", Class: "Theme"},
	{Text: "transportsystem", Key: "theme:transporter", Class: "Theme"},
	{Text: "jämställdhet", Key: "theme:jam", Class: "Theme"},
	{Text: "tillgänglighet", Key: "theme:till", Class: "Theme"},
	{Text: "kompetensförsörjning", Key: "theme:kf", Class: "Theme"},
	{Text: "företagande", Key: "theme:entr", Class: "Theme"},
	{Text: "EU:s sammanhållningspolitik", Key: "theme:shp", Class: "Theme"},
}

// themesOf recognises a document of passages and returns its themes as
// "text/rule" strings.
func themesOf(t *testing.T, ps ...doc.Passage) []string {
	t.Helper()
	for i := range ps {
		ps[i].Example, ps[i].List = -1, -1
	}
	d := &doc.Doc{Passages: ps}
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(themeNames)}}); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range d.Mentions {
		if m.Class == "Theme" {
			out = append(out, fmt.Sprintf("%s/%s", m.Text, m.Rule))
		}
	}
	return out
}

func para(text string) doc.Passage { return doc.Passage{Text: text} }

func TestSubjectThemes(t *testing.T) {
	tests := []struct {
		name string
		ps   []doc.Passage
		want []string
	}{
		{"a word in passing", []doc.Passage{para("Kommunerna har en stark arbetsmarknad.")}, nil},
		{"cue", []doc.Passage{para("Regionen har ansvar för kultur."), para("Kultur lockar besökare.")},
			[]string{"kultur/theme:subject", "Kultur/register"}},
		{"areas the vocabulary lacks", []doc.Passage{para("Det gäller inom områden som innovation, kompetensutveckling och elektrifiering.")},
			[]string{"innovation/theme:subject", "kompetensutveckling/theme:subject", "elektrifiering/theme:subject"}},
		{"adjectives coordinated", []doc.Passage{para("Regionen har en strategi för kulturella och kreativa näringar.")},
			[]string{"kulturella och kreativa näringar/theme:subject"}},
		{"a bare head names no area", []doc.Passage{para("Det gäller inom områden som utveckling och vård.")}, nil},
		{"a weak cue finds no new area", []doc.Passage{para("Företagen får råd inom affärsutveckling.")}, nil},
		{"actors of a sector", []doc.Passage{para("Stödet kan sökas av aktörer inom kulturen."), para("Kommunerna har verksamheter inom kulturen.")},
			[]string{"kulturen/register", "kulturen/theme:subject"}},
		{"a genitive modifies", []doc.Passage{para("Det gäller frågan om transportsystemets omställning.")}, nil},
		{"an adjective narrows a theme", []doc.Passage{para("Regionen satsar på digital infrastruktur.")},
			[]string{"digital infrastruktur/theme:subject"}},
		{"a level narrows no theme", []doc.Passage{para("Regionen satsar på regional infrastruktur.")},
			[]string{"infrastruktur/theme:subject"}},
		{"a heading of areas", []doc.Passage{{Kind: doc.SectionHeading, Text: "Digital infrastruktur"}},
			[]string{"Digital infrastruktur/theme:subject"}},
		{"a heading of areas before a dash", []doc.Passage{{Kind: doc.ChapterHeading, Text: "Kompetensförsörjning och kompetensutveckling – några exempel"}},
			[]string{"Kompetensförsörjning/theme:subject", "kompetensutveckling/theme:subject"}},
		{"a heading that is no list of areas", []doc.Passage{{Kind: doc.SectionHeading, Text: "Finansiering av projekten"}}, nil},
		{"a bracketed list of the areas", []doc.Passage{para("De prioriterade områdena (barn och unga, jämställdhet, tillgänglighet) gäller.")},
			[]string{"barn och unga/theme:subject", "jämställdhet/theme:subject", "tillgänglighet/theme:subject"}},
		{"a bracketed list of kinds of area", []doc.Passage{para("Regionen ska identifiera områden (branscher, teknologier) med potential.")}, nil},
		{"a named policy", []doc.Passage{para("De är viktiga för att genomföra EU:s sammanhållningspolitik i Sverige.")},
			[]string{"EU:s sammanhållningspolitik/theme:subject"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := themesOf(t, tt.ps...); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// A verbal noun in -ande names an activity: its stem is that of the
// thing ("företagande", "företag"), but the thing is no theme.
func TestVerbalNoun(t *testing.T) {
	got := strings.Join(themesOf(t, para("Regionen ger stöd till företag och stöd till företagande.")), " ")
	if got != "företagande/theme:subject" {
		t.Errorf("got %q", got)
	}
}
