package lang

import (
	"reflect"
	"testing"

	"kg/ingest/doc"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Regionerna ansvarar för RUS. Länsstyrelsen bistår.", []string{"Regionerna ansvarar för RUS.", "Länsstyrelsen bistår."}},
		{"Det gäller t.ex. Region Skåne. Och fler.", []string{"Det gäller t.ex. Region Skåne.", "Och fler."}},
		{"Medel fördelas bl.a. till projekt.", []string{"Medel fördelas bl.a. till projekt."}},
		{"Beslutet togs 2019. 2020 började arbetet.", []string{"Beslutet togs 2019.", "2020 började arbetet."}},
		{"Vad gör regionen? Den leder arbetet!", []string{"Vad gör regionen?", "Den leder arbetet!"}},
		{"Se www.regionskane.se för mer.", []string{"Se www.regionskane.se för mer."}},
		{"Projektet heter ”Smart Industri”. Det startade.", []string{"Projektet heter ”Smart Industri”.", "Det startade."}},
		{"1. Det tidiga livets villkor.", []string{"1. Det tidiga livets villkor."}},
		{"12. Levnadsvanor. Mer text.", []string{"12. Levnadsvanor.", "Mer text."}},
		{"2020. Arbetet började.", []string{"2020.", "Arbetet började."}},
		{"  ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range Split(tt.in) {
			got = append(got, tt.in[sp[0]:sp[1]])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"EU:s strukturfonder", []string{"EU:s", "strukturfonder"}},
		{"kultur- och fritidsnämnden", []string{"kultur-", "och", "fritidsnämnden"}},
		{"8 567 000 kronor", []string{"8 567 000", "kronor"}},
		{"åren 2021 2022", []string{"åren", "2021", "2022"}},
		{"förordningen (2017:583) om", []string{"förordningen", "(", "2017:583", ")", "om"}},
		{"REACT-EU och 1:1-anslaget", []string{"REACT-EU", "och", "1:1-anslaget"}},
		{"2,5 procent", []string{"2,5", "procent"}},
		{"2021–2027", []string{"2021", "–", "2027"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.in, 0) {
			got = append(got, tok.Text)
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("%q: token %q has offsets %d-%d", tt.in, tok.Text, tok.Start, tok.End)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	same := [][]string{
		{"strategi", "strategin", "strategier", "strategierna"},
		{"regional", "regionala", "regionalt"},
		{"kulturplan", "kulturplanen", "kulturplaner"},
		{"program", "programmet"[:7], "programmen"[:7]},
		{"myndighet", "myndigheter", "myndigheterna"},
	}
	for _, forms := range same {
		for _, f := range forms[1:] {
			if Stem(f) != Stem(forms[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q", f, Stem(f), forms[0], Stem(forms[0]))
			}
		}
	}
}

func TestGenitiveAndFold(t *testing.T) {
	if b, ok := Genitive("EU:s"); !ok || b != "EU" {
		t.Errorf("Genitive(EU:s) = %q %v", b, ok)
	}
	if b, ok := Genitive("Tillväxtverkets"); !ok || b != "Tillväxtverket" {
		t.Errorf("Genitive = %q %v", b, ok)
	}
	if got := Fold("Region  Jämtland–Härjedalen"); got != "region jämtland-härjedalen" {
		t.Errorf("Fold = %q", got)
	}
}

func TestStage(t *testing.T) {
	d := &doc.Doc{Passages: []doc.Passage{{Text: "Regionerna ska ta fram en strategi. Den gäller 2021–2027."}, {Text: "Rubrik"}}}
	if err := doc.Run(d, []doc.Stage{Stage{}}); err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 3 || d.Sentences[2].Passage != 1 || d.Text(1) != "Den gäller 2021–2027." {
		t.Fatalf("sentences %+v", d.Sentences)
	}
	if !d.Has(doc.Sentences) {
		t.Error("the stage does not record what it provides")
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"konstluttimmen", "konsluttimmen", 1}, {"abc", "acb", 1}, {"region skåne", "region skåne", 0}, {"abcdef", "xyz", 6}} {
		if got := Distance(tt.a, tt.b, 5); got != tt.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}
