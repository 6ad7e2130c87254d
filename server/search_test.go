package server

import (
	"testing"

	"kg/term"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Skåne", "skåne"},
		{"ÖREBRO", "örebro"},
		{"Västra Götaland", "västra götaland"},
		{"René Müller", "rene muller"},
		{"Ærø", "ärö"},
		{"Skåne", "skåne"},   // a + combining ring
		{"Örebro", "örebro"}, // O + combining diaeresis
		{"café", "cafe"},     // e + combining acute is dropped
		{"Straße", "strasse"},
	} {
		if got := fold(c.in); got != c.want {
			t.Errorf("fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSearch(t *testing.T) {
	ix := newSearchIndex(map[string][]term.Term{
		"r:skane":    {term.LangString("Region Skåne", "sv"), term.LangString("Skåne", "sv")},
		"c:skane":    {term.LangString("Skåne län", "sv"), term.LangString("Skåne County", "en")},
		"a:kommuner": {term.LangString("Skånes kommuner", "sv")},
		"m:malmo":    {term.LangString("Malmö stad", "sv")},
		"m:mala":     {term.LangString("Malå kommun", "sv")},
		"m:mala2":    {term.LangString("Mala", "sv")},
		"p:rene":     {term.LangString("René Descartes-skolan", "sv")},
		"g:tva":      {term.LangString("Tillväxtverket", "sv"), term.LangString("Swedish Agency for Economic and Regional Growth", "en")},
		"l:lag":      {term.LangString("Lag om regionalt utvecklingsansvar", "sv")},
		"s:sverige":  {term.LangString("Sverige", "sv")},
	}, map[string][]term.Term{
		"l:lag": {term.LangString("Lagen om regionalt tillväxtarbete", "sv")},
	})
	for _, c := range []struct {
		q      string
		first  string // expected best hit, "" for none
		has    []string
		hasnt  []string
		approx bool
	}{
		{q: "Skåne", first: "r:skane", has: []string{"c:skane", "a:kommuner"}},
		{q: "skåne", first: "r:skane"},
		{q: "SKÅNE LÄN", first: "c:skane"},
		{q: "Skånes", first: "r:skane", has: []string{"a:kommuner"}}, // genitive
		{q: "Sveriges", first: "s:sverige"},
		{q: "skane county", first: "c:skane", approx: true},
		{q: "Malmö", first: "m:malmo", hasnt: []string{"m:mala", "m:mala2"}},
		{q: "Malå", first: "m:mala", hasnt: []string{"m:malmo", "m:mala2"}},
		{q: "mala", first: "m:mala2", hasnt: []string{"m:mala"}}, // å is a letter of its own
		{q: "rene", first: "p:rene"},                             // é is not
		{q: "tillväx", first: "g:tva"},                           // prefix
		{q: "regional growth", first: "g:tva"},
		{q: "regionalt lag", first: "l:lag"},  // every word, any order
		{q: "tillväxtarbete", first: "l:lag"}, // a hidden label finds its resource
		{q: "skåne kommuner", first: "a:kommuner", hasnt: []string{"r:skane"}},
		{q: "skane", first: "r:skane", approx: true}, // only as a second try
		{q: "xyz"},
		{q: "  ,, "},
	} {
		hits, approx := ix.Search(c.q, 20, "sv")
		got := map[string]bool{}
		for _, h := range hits {
			got[h.IRI] = true
		}
		switch {
		case c.first == "" && len(hits) > 0:
			t.Errorf("Search(%q) = %v, want nothing", c.q, hits)
		case c.first != "" && (len(hits) == 0 || hits[0].IRI != c.first):
			t.Errorf("Search(%q) = %v, want %s first", c.q, hits, c.first)
		}
		for _, h := range c.has {
			if !got[h] {
				t.Errorf("Search(%q) lacks %s: %v", c.q, h, hits)
			}
		}
		for _, h := range c.hasnt {
			if got[h] {
				t.Errorf("Search(%q) has %s: %v", c.q, h, hits)
			}
		}
		if approx != c.approx {
			t.Errorf("Search(%q) approx = %v, want %v", c.q, approx, c.approx)
		}
	}
	if hits, _ := ix.Search("skåne", 1, "sv"); len(hits) != 1 {
		t.Errorf("limit 1 gave %d hits", len(hits))
	}
}

// A hit on a hidden label shows the resource's display label instead.
func TestSearchHiddenLabelIsNotShown(t *testing.T) {
	ix := newSearchIndex(map[string][]term.Term{
		"l:lag": {term.LangString("Lag om regionalt utvecklingsansvar", "sv")},
	}, map[string][]term.Term{
		"l:lag": {term.LangString("Lagen om regionalt tillväxtarbete", "sv")},
	})
	hits, _ := ix.Search("tillväxtarbete", 5, "sv")
	if len(hits) != 1 || hits[0].Label.Value != "Lag om regionalt utvecklingsansvar" {
		t.Fatalf("hits = %+v", hits)
	}
	// Where a display label matches too, it is the one shown.
	hits, _ = ix.Search("regionalt", 5, "sv")
	if len(hits) != 1 || hits[0].Label.Value != "Lag om regionalt utvecklingsansvar" {
		t.Fatalf("hits = %+v", hits)
	}
}
