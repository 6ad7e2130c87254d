package relate

import (
	"slices"
	"strings"
	"testing"

	"kg/ingest/doc"
	"kg/ingest/register"
)

// cueEntries adds to the test register a county whose name stands inside
// other names.
var cueEntries = []register.Entry{
	{Key: "county:25", ID: "norrbottens-lan", Class: "County", Label: "Norrbotten"},
}

func TestCueConstructions(t *testing.T) {
	saved := entries
	entries = append(slices.Clone(entries), cueEntries...)
	defer func() { entries = saved }()
	tests := []struct {
		text string
		want []string
	}{
		// a name inside a listed name does not end the list
		{"Projektet Smart Industri finansieras av Trafikverket, Regional utveckling Norrbotten, Sparbanken Nord samt Region Skåne.",
			[]string{"Smart Industri fundedBy Region Skåne", "Smart Industri fundedBy Regional utveckling Norrbotten",
				"Smart Industri fundedBy Sparbanken Nord", "Smart Industri fundedBy Trafikverket"}},
	}
	for _, tt := range tests {
		got := relations(t, doc.Passage{Text: tt.text})
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
