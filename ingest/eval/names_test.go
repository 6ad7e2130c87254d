package eval

import "testing"

func TestNormaliseName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Region Stockholm", "region stockholm"},
		{"  Region\u00a0 Stockholm \n", "region stockholm"},
		{"REGIONERNA", "regionerna"},
		{"ÖVRE NORRLAND", "övre norrland"},
		{"Förordning – bidrag och modell", "förordning-bidrag och modell"},
		{"Förordning - bidrag och modell", "förordning-bidrag och modell"},
		{"2021\u20112030", "2021-2030"},
		{"2021 — 2030", "2021-2030"},
		{"”Spela samman”", `"spela samman"`},
		{"«Reglab»", `"reglab"`},
		{"Regionens ’plan’", "regionens 'plan'"},
		{"kompetens\u00adförsörjning", "kompetensförsörjning"},
		{"a\u030angermanland", "ångermanland"}, // decomposed å
		{"Straße", "strasse"},                  // full case folding
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormaliseName(tt.in); got != tt.want {
			t.Errorf("NormaliseName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Kulturrådet", "kulturrådet", true},
		{"Kulturrådets", "Kulturrådet", true},
		{"Kulturrådet", "Kulturrådets", true},
		{"EU:s", "EU", true},
		{"Region Norrbottens", "Region Norrbotten", true},
		{"Regionerna", "regionerna", true},
		{"regioner", "regionerna", false},
		{"Kulturrådets", "Statens Kulturråd", false},
		{"Almi Uppsala", "Almi", false},
		{"Norrbottens län", "Norrbotten län", false}, // only a final genitive
		{"Västerbottens län", "Västerbottens  län", true},
		{"s", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		if got := sameName(NormaliseName(tt.a), NormaliseName(tt.b)); got != tt.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSamePhrase(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Ansvaret för frågorna om infrastruktur", "Ansvaret för frågorna om infrastruktur delas mellan stat", true},
		{"uppdrag att ta fram ett inriktningsunderlag", "uppdrag att ta fram ett inriktningsunderlag", true},
		{"ta fram", "ta fram ett inriktningsunderlag inför arbetet med den nationella planen", false},
		{"kultur", "kultur och fritid", false},
		{"ta fram en strategi", "ta fram en plan", false},
	} {
		if got := samePhrase(NormaliseName(tt.a), NormaliseName(tt.b)); got != tt.want {
			t.Errorf("samePhrase(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
