package recognise

import (
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// anaphors recognises a document and returns its back-references as
// "text→name" strings.
func anaphors(t *testing.T, d *doc.Doc, names []Name) string {
	t.Helper()
	if err := doc.Run(d, []doc.Stage{lang.Stage{}, Stage{G: NewGazetteer(names)}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range d.Mentions {
		if m.Rule == "anaphor" {
			n := m.Key
			if n == "" {
				n = m.Name
			}
			got = append(got, m.Text+"→"+n)
		}
	}
	return strings.Join(got, " | ")
}

func paragraphs(texts ...string) *doc.Doc {
	d := &doc.Doc{}
	for _, t := range texts {
		d.Passages = append(d.Passages, doc.Passage{Text: t, Example: -1})
	}
	return d
}

// A definite noun that opens a sentence refers to the thing whose name it
// is the head of: of a compound in the name ("Inkubatorn"), of the name's
// last word ("Arenan"), in the plural of a group ("Parkerna"). "Arbetet"
// is no head of "samarbete", nor "Regionala" of anything.
func TestHeadReference(t *testing.T) {
	names := append(slices0(testNames), Name{Text: "science parks", Key: "group:parks", Class: "Company", Group: true},
		Name{Text: "Europeiskt territoriellt samarbete", Key: "vocab:interreg", Class: "Programme"},
		Name{Text: "Matlandet Sverige", Key: "vocab:matlandet", Class: "Project"})
	tests := []struct {
		texts []string
		want  string
	}{
		{[]string{"Satsningen Kulturarvsinkubatorn Gotland startade 2019.", "Inkubatorn har drivits av Tillväxtverket."},
			"Inkubatorn→Kulturarvsinkubatorn Gotland"},
		{[]string{"Mötesplatsen Vård Arena startade 2019.", "Arenan samlar Tillväxtverket."}, "Arenan→Vård Arena"},
		{[]string{"I landet finns ett trettiotal science parks.", "Parkerna ägs av regioner."}, "Parkerna→group:parks"},
		{[]string{"Region Skåne deltar i Europeiskt territoriellt samarbete.", "Arbetet leds av Tillväxtverket."}, ""},
		{[]string{"Region Skåne deltar i Europeiskt territoriellt samarbete.", "Territoriellt stöd ges."}, ""},
		{[]string{"Region Skåne deltar i Matlandet Sverige.", "Landet har många företag."}, ""},
		{[]string{"Region Skåne deltar i Matlandet Sverige.", "Matlandet har många företag."}, "Matlandet→vocab:matlandet"},
		{[]string{"I landet finns ett trettiotal science parks.", "Parken ägs av regioner."}, ""},
	}
	for _, tc := range tests {
		if got := anaphors(t, paragraphs(tc.texts...), names); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.texts, got, tc.want)
		}
	}
}

func slices0(ns []Name) []Name { return append([]Name(nil), ns...) }

// A pronoun that opens a sentence before a finite verb stands for the
// subject of the sentence before when its number and gender fit and no
// other thing of that number competes outside a preposition's phrase.
func TestPronounReference(t *testing.T) {
	names := append(slices0(testNames), Name{Text: "Länsstyrelserna", Key: "group:lst", Class: "CountyAdministrativeBoard", Group: true},
		Name{Text: "det nationella programmet", Key: "vocab:np", Class: "Programme"})
	tests := []struct {
		texts []string
		want  string
	}{
		{[]string{"Länsstyrelserna har flera uppdrag. De ska verka för hälsa."}, "De→group:lst"},
		{[]string{"Regionerna tar fram regionala utvecklingsstrategier. De utgår från målen."}, ""},
		{[]string{"Regionerna tar fram planer i samverkan med kommuner. De samverkade länge."}, "De→group:regioner"},
		{[]string{"Region Skåne samverkar med Tillväxtverket. Den ansvarar för planen."}, "Den→region:12"},
		{[]string{"Region Skåne samverkar med Tillväxtverket. De ansvarar för planen."}, ""},
		{[]string{"Region Skåne samverkar med Tillväxtverket. Det finns fler."}, ""},
		{[]string{"Det regionala utvecklingsansvaret ligger hos regionerna. Den ska också gälla."}, ""},
		{[]string{"Det nationella programmet styr arbetet. Den gäller till 2030."}, ""},
		{[]string{"Det nationella programmet styr arbetet. Det gäller till 2030."}, ""},
		{[]string{"Det nationella programmet styr arbetet. Det ligger till grund för planen."}, "Det→vocab:np"},
		{[]string{"Regionerna ansvarar. De aktörer som deltar är fler."}, ""},
		{[]string{"Regionerna ansvarar.", "Dessa arenor är olika."}, ""},
	}
	for _, tc := range tests {
		if got := anaphors(t, paragraphs(tc.texts...), names); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.texts, got, tc.want)
		}
	}
}

// A class noun in the genitive refers back as its base form does.
func TestGenitiveBackReference(t *testing.T) {
	got := anaphors(t, paragraphs("Projektet Timbank Skåne ger stöd.", "Projektets mål är att stärka företagen."), testNames)
	if want := "Projektets→Timbank Skåne"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// In a worked example "Bolaget" is the company the sentence before named,
// not the example's subject.
func TestNearerBody(t *testing.T) {
	d := &doc.Doc{
		Passages: []doc.Passage{
			{Text: "Forskningsbyn i Lund (Region Skåne)", Kind: doc.ExampleHeading, Example: 0},
			{Text: "Forskningsbyn Lund Science AB ägs av Region Skåne. Bolaget bildades år 2009.", Example: 0},
		},
		Examples: []doc.Example{{Title: "Forskningsbyn i Lund", Heading: 0, Passages: []int{1}}},
	}
	got := anaphors(t, d, testNames)
	if want := "Bolaget→Forskningsbyn Lund Science AB"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
