package register

import (
	"kg/ingest/doc"
	"slices"
	"strings"
	"testing"
)

func load(t *testing.T) *Registry {
	t.Helper()
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCounts(t *testing.T) {
	r := load(t)
	for _, tc := range []struct {
		class string
		want  int
	}{
		{"Municipality", 290},
		{"County", 21},
		{"Region", 21},
		{"CountyAdministrativeBoard", 21},
		{"University", 31},
		// 203 agencies, 74 courts and 21 other bodies, less
		// Regeringskansliet, which the vocabulary makes the Government's.
		{"GovernmentAgency", 297},
		{"Ministry", 11},
		{"Act", 10},
		{"Ordinance", 6},
		{"Law", 1},
		{"Government", 2},
		{"Parliament", 1},
	} {
		if got := len(r.OfClass(tc.class)); got != tc.want {
			t.Errorf("%s: %d entries, want %d", tc.class, got, tc.want)
		}
	}
	courts := 0
	for _, e := range r.OfClass("GovernmentAgency") {
		if strings.HasSuffix(e.Note, courtNote) {
			courts++
		}
	}
	if courts != 74 {
		t.Errorf("%d courts, want 74", courts)
	}
	dissolved := 0
	for _, e := range r.Entries {
		if e.Dissolved != "" {
			dissolved++
		}
	}
	if dissolved != 8 {
		t.Errorf("%d dissolved agencies, want 8", dissolved)
	}
}

func TestKeysAndIDsUnique(t *testing.T) {
	r := load(t)
	keys, ids := map[string]bool{}, map[string]bool{}
	for _, e := range r.Entries {
		for _, k := range append([]string{e.Key}, e.AltKeys...) {
			if keys[k] {
				t.Errorf("key %s twice", k)
			}
			keys[k] = true
			if r.Lookup(k) == nil || r.Lookup(k).Key != e.Key {
				t.Errorf("Lookup(%s) does not find %s", k, e.Key)
			}
		}
		if ids[e.ID] {
			t.Errorf("ID %s twice", e.ID)
		}
		ids[e.ID] = true
		if e.ID != doc.Slug(e.ID) {
			t.Errorf("%s: ID %q is not a slug", e.Key, e.ID)
		}
	}
	if r.Lookup("no:such") != nil {
		t.Error("Lookup of an unknown key found something")
	}
}

func TestEveryEntryIsSourcedAndResolves(t *testing.T) {
	r := load(t)
	for _, e := range r.Entries {
		if e.Label == "" || e.Class == "" || e.Row == "" {
			t.Errorf("%s: label %q, class %q, row %q", e.Key, e.Label, e.Class, e.Row)
		}
		if r.Source(e.Source) == nil {
			t.Errorf("%s: source %q is not in Sources", e.Key, e.Source)
		}
		for _, p := range e.Props {
			if p.Ref && r.Lookup(p.V) == nil {
				t.Errorf("%s: %s → %s resolves to nothing", e.Key, p.P, p.V)
			}
			if p.Inverse && !p.Ref {
				t.Errorf("%s: inverse %s is no reference", e.Key, p.P)
			}
			if p.P == "organisationNumber" && !ValidOrgnr(p.V) {
				t.Errorf("%s: organisation number %s fails the Luhn check", e.Key, p.V)
			}
			if p.P == SameAs && !strings.HasPrefix(p.V, WikidataEntity+"Q") {
				t.Errorf("%s: owl:sameAs %s", e.Key, p.V)
			}
		}
	}
	for _, s := range r.Sources {
		if s.Title == "" || s.URL == "" || s.Licence == "" || s.File == "" || s.Prepared == "" {
			t.Errorf("source %s incomplete: %+v", s.Key, s)
		}
	}
}

func TestRefs(t *testing.T) {
	r := load(t)
	for _, tc := range []struct{ key, p, want string }{
		{"municipality:0180", "county", "county:01"},
		{"municipality:1280", "county", "county:12"},
		{"region:12", "servesCounty", "county:12"},
		{"agency:202100-2346", "servesCounty", "county:12"}, // Länsstyrelsen i Skåne län
		{"agency:202100-1280", "supervisedBy", "ministry:kulturdepartementet"},
		{"agency:202100-2627", "supervisedBy", "vocab:riksdagen"}, // Riksdagsförvaltningen
	} {
		e := r.Lookup(tc.key)
		if e == nil {
			t.Fatalf("no %s", tc.key)
		}
		if got := e.Refs(tc.p); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%s %s = %v, want %s", tc.key, tc.p, got, tc.want)
		}
	}
	// Every municipality lies in a county, every county board serves one.
	for _, e := range r.OfClass("Municipality") {
		if len(e.Refs("county")) != 1 {
			t.Errorf("%s: county %v", e.Key, e.Refs("county"))
		}
	}
	for _, e := range r.OfClass("CountyAdministrativeBoard") {
		if len(e.Refs("servesCounty")) != 1 {
			t.Errorf("%s: servesCounty %v", e.Key, e.Refs("servesCounty"))
		}
	}
}

func TestGotland(t *testing.T) {
	r := load(t)
	e := r.Lookup("region:09")
	if e == nil || r.Lookup("municipality:0980") != e {
		t.Fatal("region:09 and municipality:0980 are not one entry")
	}
	if !e.Is("Region") || !e.Is("Municipality") || e.Label != "Region Gotland" {
		t.Errorf("Gotland: %+v", e)
	}
	if e.Value("scbMunicipalityCode") != "0980" || e.Value("organisationNumber") != "212000-0803" {
		t.Errorf("Gotland props: %v", e.Props)
	}
	if !slices.Contains(e.Names, "Gotlands kommun") {
		t.Errorf("Gotland names: %q", e.Names)
	}
}

func TestWikidata(t *testing.T) {
	r := load(t)
	// Only the code-paired item is owl:sameAs; name matches are candidates.
	if got := r.Lookup("municipality:0180").Value(SameAs); got != WikidataEntity+"Q506250" {
		t.Errorf("Stockholm sameAs %q", got)
	}
	for _, e := range r.OfClass("Municipality") {
		if e.Key != "municipality:0180" && e.Key != "region:09" && e.Value(SameAs) != "" {
			t.Errorf("%s: owl:sameAs from a name match", e.Key)
		}
	}
	if got := r.Lookup("county:01").Value(SameAs); got != WikidataEntity+"Q104231" {
		t.Errorf("Stockholms län sameAs %q", got)
	}
	// Courts' items are name matches.
	court := r.Lookup("agency:nacka-tingsratt")
	if court == nil || court.Value(SameAs) != "" || court.Value("wikidataCandidate") == "" {
		t.Errorf("Nacka tingsrätt: %+v", court)
	}
}

func TestLaws(t *testing.T) {
	r := load(t)
	e := r.Lookup("law:2010:630")
	// The official page first, then the mirror the register cites.
	if e.ID != "lag-om-regionalt-utvecklingsansvar" || e.Class != "Act" || e.Value("sfsNumber") != "2010:630" || e.Value(Page) != SFSOfficial+"2010:630" {
		t.Errorf("2010:630: %+v", e)
	}
	var pages []string
	for _, p := range e.Props {
		if p.P == Page {
			pages = append(pages, p.V)
		}
	}
	if !slices.Equal(pages, []string{"https://rkrattsbaser.gov.se/sfst?bet=2010:630", "https://lagen.nu/2010:630"}) {
		t.Errorf("2010:630 pages %v", pages)
	}
	if r.Lookup("law:2017:583").Class != "Ordinance" {
		t.Error("2017:583 is no Ordinance")
	}
	// Unverified rows are known by number only.
	for _, k := range []string{"law:2010:1080", "law:2011:1162"} {
		e := r.Lookup(k)
		if !strings.HasPrefix(e.Label, "SFS ") {
			t.Errorf("%s: label %q", k, e.Label)
		}
		for _, n := range e.Names {
			if !strings.Contains(n, strings.TrimPrefix(k, "law:")) {
				t.Errorf("%s recognised by %q", k, n)
			}
		}
	}
}

// nameIndex maps each recognised name to its entries.
func nameIndex(r *Registry) map[string][]NameRef {
	m := map[string][]NameRef{}
	for _, n := range r.Names() {
		m[n.Name] = append(m[n.Name], n)
	}
	return m
}

func TestGeneratedNames(t *testing.T) {
	r := load(t)
	idx := nameIndex(r)
	for _, tc := range []struct {
		name, key string
		kind      NameKind
	}{
		{"Stockholms kommun", "municipality:0180", KindDerived},
		{"Stockholms stad", "municipality:0180", KindLabel},
		{"Malmö kommun", "municipality:1280", KindDerived},
		{"Bollnäs kommun", "municipality:2183", KindLabel},
		{"Region Gotland", "region:09", KindLabel},
		{"Region Skåne", "region:12", KindLabel},
		{"Region Kalmar", "region:08", KindDerived},
		{"Skåne län", "county:12", KindLabel},
		{"Skåne", "county:12", KindDerived},
		{"Länsstyrelsen i Skåne län", "agency:202100-2346", KindLabel},
		{"Länsstyrelsen Skåne", "agency:202100-2346", KindDerived},
		{"Kulturrådet", "agency:202100-1280", KindDefinite},
		{"Energimyndigheten", "agency:202100-5000", KindAlt},
		{"Skolverket", "agency:202100-4185", KindAlt},
		{"Haverikommissionen", "agency:202100-3260", KindDefinite},
		{"Svenska kraftnät", "agency:202100-4284", KindDerived},
		{"SCB", "agency:202100-0837", KindAbbrev},
		{"MSB", "agency:202100-5984", KindFormer},
		{"lagen (2010:630) om regionalt utvecklingsansvar", "law:2010:630", KindCitation},
		{"plan- och bygglagen", "law:2010:900", KindShort},
		{"PBL", "law:2010:900", KindShort},
		{"SFS 2010:1080", "law:2010:1080", KindLabel},
		{"Regionalfonden", "vocab:eruf", KindAlt},
		{"landstingen", "vocab:regionerna", KindFormer},
	} {
		refs := idx[tc.name]
		if len(refs) != 1 || refs[0].Key != tc.key || refs[0].Kind != tc.kind {
			t.Errorf("%q: %+v, want %s (%s)", tc.name, refs, tc.key, tc.kind)
		}
	}
	// Exact matching for abbreviations and one-word place names.
	for name, exact := range map[string]bool{"SCB": true, "HaV": true, "Vara": true, "Stockholm": true, "Upplands Väsby": false, "Kulturrådet": false} {
		if refs := idx[name]; len(refs) != 1 || refs[0].Exact != exact {
			t.Errorf("%q: %+v, want exact %v", name, refs, exact)
		}
	}
	// Names go through Entry.Names too, label first.
	if e := r.Lookup("agency:202100-1280"); e.Names[0] != e.Label || !slices.Contains(e.Names, "Kulturrådet") {
		t.Errorf("Statens kulturråd names: %q", e.Names)
	}
	// A name only a misprint gives is not recognised.
	for _, n := range []string{"Rättshjälpnämnden", "Post och telestyrelsen", "Arvfondsdelegationen"} {
		if len(idx[n]) != 0 {
			t.Errorf("misprint %q recognised", n)
		}
	}
}

func TestMunicipalityKommunNames(t *testing.T) {
	r := load(t)
	idx := nameIndex(r)
	// Every municipality can be named "<usual form> kommun".
	for _, e := range r.OfClass("Municipality") {
		short := ""
		for _, p := range idx {
			for _, n := range p {
				if n.Key == e.Key && n.Kind == KindShort {
					short = n.Name
				}
			}
		}
		if short == "" {
			t.Errorf("%s has no short name", e.Key)
			continue
		}
		want := KommunName(short)
		if refs := idx[want]; len(refs) != 1 || refs[0].Key != e.Key {
			t.Errorf("%s: %q gives %+v", e.Key, want, refs)
		}
	}
}

func TestClashes(t *testing.T) {
	r := load(t)
	got := map[string]Clash{}
	for _, c := range r.Clashes() {
		got[c.Name] = c
	}
	for _, tc := range []struct{ name, winner string }{
		{"Statskontoret", ""},              // a dissolved agency and the one that took its name
		{"ESF", ""},                        // the Social Fund and the ESF Council
		{"Stockholm", "municipality:0180"}, // the municipality's name, the county's derived one
		{"Uppsala", "municipality:0380"},
		{"Gotland", "region:09"},
		{"Överklagandenämnden", ""}, // Statens överklagandenämnd, and the start of four other names
	} {
		c, ok := got[tc.name]
		if !ok {
			t.Errorf("%q: no clash reported", tc.name)
			continue
		}
		if c.Winner != tc.winner || len(c.Keys) < 2 || c.Rule == "" {
			t.Errorf("%q: %+v, want winner %q", tc.name, c, tc.winner)
		}
	}
	idx := nameIndex(r)
	if len(idx["Statskontoret"]) != 0 || len(idx["ESF"]) != 0 {
		t.Error("an undecided name is recognised")
	}
	if refs := idx["Stockholm"]; len(refs) != 1 || refs[0].Key != "municipality:0180" {
		t.Errorf("Stockholm: %+v", refs)
	}
	// The undecided name stays a label of both.
	for _, k := range []string{"agency:202100-5026", "agency:202100-0852"} {
		e := r.Lookup(k)
		if e.Label != "Statskontoret" || !slices.Contains(e.Ambiguous, "Statskontoret") || slices.Contains(e.Names, "Statskontoret") {
			t.Errorf("%s: label %q names %q ambiguous %q", k, e.Label, e.Names, e.Ambiguous)
		}
	}
	// No recognised name points at two entries.
	for name, refs := range idx {
		keys := map[string]bool{}
		for _, n := range refs {
			keys[n.Key] = true
		}
		if len(keys) > 1 {
			t.Errorf("%q names %d entries", name, len(keys))
		}
	}
	folded := map[string]string{}
	for _, n := range r.Names() {
		f := foldName(n.Name)
		if k, ok := folded[f]; ok && k != n.Key {
			t.Errorf("%q folds onto a name of %s", n.Name, k)
		}
		folded[f] = n.Key
	}
}

func TestMembers(t *testing.T) {
	r := load(t)
	if got := r.Members("vocab:regionerna"); len(got) != 21 || !slices.Contains(got, "region:09") {
		t.Errorf("regionerna: %d members", len(got))
	}
	if got := r.Members("vocab:kommunerna"); len(got) != 290 || !slices.Contains(got, "region:09") {
		t.Errorf("kommunerna: %d members", len(got))
	}
	if got := r.Members("vocab:lansstyrelserna"); len(got) != 21 {
		t.Errorf("länsstyrelserna: %d members", len(got))
	}
	if got := r.Members("vocab:strukturfonderna"); !slices.Equal(got, []string{"vocab:eruf", "vocab:esf-plus"}) {
		t.Errorf("strukturfonderna: %v", got)
	}
	for _, k := range []string{"vocab:lanets-kommuner", "vocab:regioner", "vocab:staten", "region:01", "no:such"} {
		if got := r.Members(k); got != nil {
			t.Errorf("%s: members %v", k, got)
		}
	}
}

func TestLoadIsShared(t *testing.T) {
	a, err1 := Load()
	b, err2 := Load()
	if err1 != nil || err2 != nil || a != b {
		t.Error("Load builds the registry more than once")
	}
}

func TestNewRegistry(t *testing.T) {
	entries := []Entry{
		{Key: "region:12", Class: "Region", Label: "Region Skåne", Names: []string{"Skåne"}},
		{Key: "county:12", Class: "County", Label: "Skåne län", Names: []string{"Skåne"}},
		{Key: "vocab:x", Class: "Theme", Label: "kultur", Former: []string{"KUR"}},
	}
	r := NewRegistry(entries, nil)
	if r.Lookup("county:12") == nil || !slices.Equal(r.Lookup("region:12").Names, []string{"Skåne"}) {
		t.Fatal("entries changed or not indexed")
	}
	idx := nameIndex(r)
	if len(idx["Region Skåne"]) != 1 || len(idx["kultur"]) != 1 || len(idx["Skåne"]) != 0 {
		t.Errorf("names %v", r.Names())
	}
	if refs := idx["KUR"]; len(refs) != 1 || refs[0].Kind != KindFormer || !refs[0].Exact {
		t.Errorf("KUR: %+v", refs)
	}
	if c := r.Clashes(); len(c) != 1 || c[0].Name != "Skåne" || c[0].Winner != "" {
		t.Errorf("clashes %+v", c)
	}
}

// TestLinksOut: the identifiers other datasets mint become IRIs beside the
// literals: NUTS regions for counties, ELI for EU regulations.
func TestLinksOut(t *testing.T) {
	r := load(t)
	skane := r.Lookup("county:12")
	if skane.Value("nutsCode") != "SE224" || skane.Value(SchemaSameAs) != "http://data.europa.eu/nuts/code/SE224" {
		t.Errorf("Skåne län: %+v", skane.Props)
	}
	n := 0
	for _, e := range r.Entries {
		if c := e.Value("celexNumber"); c != "" {
			n++
			if eli := e.Value(SchemaSameAs); eli != celexELI(c) || eli == "" {
				t.Errorf("%s: CELEX %s, ELI %q", e.Key, c, eli)
			}
		}
	}
	if n == 0 {
		t.Error("no EU regulation with a CELEX number")
	}
	for celex, want := range map[string]string{"32021R1060": ELIRegulation + "2021/1060/oj", "32013R0001": ELIRegulation + "2013/1/oj",
		"32021L0001": "", "52021R1060": "", "32021R0000": ""} {
		if got := celexELI(celex); got != want {
			t.Errorf("celexELI(%s) = %q, want %q", celex, got, want)
		}
	}
}
