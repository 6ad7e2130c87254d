package relate

import (
	"strings"
	"testing"

	"kg/ingest/doc"
)

// A copula clause gives a name its role in another without a cue verb.
func TestCopulaRoles(t *testing.T) {
	withCueEntries(t)
	tests := []struct {
		text string
		want []string
	}{
		// the shareholders a "där" clause names own what it follows
		{"Det finns exempel på Teknikparken Nord AB där regionerna är delägare.", []string{"regionerna owns Teknikparken Nord AB"}},
		{"Det finns exempel på Teknikparken Nord AB, där regionerna även är delägare.", []string{"regionerna owns Teknikparken Nord AB"}},
		// a priority of a strategy, named after it or before "där"
		{"Projektet Smart Industri är en av de tre prioriteringarna i den regionala utvecklingsstrategin.",
			[]string{"Smart Industri partOf regional utvecklingsstrategi"}},
		{"Den regionala utvecklingsstrategin styr arbetet, där projektet Smart Industri är en av fyra prioriteringar.",
			[]string{"Smart Industri partOf regional utvecklingsstrategi"}},
		// no role without "där" or a whole
		{"Regionerna är delägare.", nil},
		{"Projektet Smart Industri är en av fyra prioriteringar.", nil},
	}
	for _, tt := range tests {
		got := relations(t, doc.Passage{Text: tt.text})
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
