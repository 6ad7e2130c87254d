package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/ingest/doc"
)

// corpusDir holds the vendored dev corpus.
const corpusDir = "../../testdata/corpus/dev"

const validGold = `{"source": "https://example.org/",
 "entities": [
  {"label": "Region Uppsala", "class": "Actor", "subclass": "Region", "aliases": []},
  {"label": "Almi Uppsala", "class": "Actor", "subclass": "Company", "aliases": ["Almi Uppsalas"]}],
 "relations": [{"s": "Region Uppsala", "p": "owns", "o": "Almi Uppsala", "quote": "Region Uppsala äger 49 procent av Almi Uppsala."}],
 "facts": [{"s": "Region Uppsala", "what": "share", "value": "49 procent", "quote": "Region Uppsala äger 49 procent av Almi Uppsala.", "o": "Almi Uppsala"}]}`

func TestReadGold(t *testing.T) {
	g, err := ReadGold(strings.NewReader(validGold), "x.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "x.gold.json" || len(g.Entities) != 2 || len(g.Relations) != 1 || len(g.Facts) != 1 {
		t.Fatalf("read %+v", g)
	}
	if got := g.Entities[1].Names(); len(got) != 2 || got[1] != "Almi Uppsalas" {
		t.Errorf("Names() = %q", got)
	}
}

func TestReadGoldErrors(t *testing.T) {
	tests := []struct {
		name, json string
		want       []string // substrings of the error
		invalid    bool     // wraps ErrInvalid
	}{
		{"syntax", "{\n \"entities\": [\n  {\"label\": \"A\",}\n ]}", []string{"bad.gold.json: 3:"}, false},
		{"truncated", `{"entities": [`, []string{"bad.gold.json: 1:"}, false},
		{"type", `{"entities": {"label": "A"}}`, []string{"bad.gold.json: 1:", "cannot unmarshal"}, false},
		{"unknown field", `{"entities": [{"label": "A", "class": "Actor", "subclass": "Region", "alias": []}]}`,
			[]string{"bad.gold.json", `unknown field "alias"`}, false},
		{"trailing", `{} {}`, []string{"after the top-level object"}, false},
		{"class", `{"entities": [{"label": "A", "class": "Person", "subclass": "Region"}]}`,
			[]string{`bad.gold.json: entity 1 "A"`, `class "Person" is not one of Actor, Law, Instrument, Mandate, Theme`}, true},
		{"subclass", `{"entities": [{"label": "A", "class": "Law", "subclass": "Region"}]}`,
			[]string{`subclass "Region" is not one of the subclasses of Law: Act, Ordinance, EURegulation`}, true},
		{"duplicate label", `{"entities": [{"label": "A", "class": "Theme", "subclass": "Theme"}, {"label": "A", "class": "Theme", "subclass": "Theme"}]}`,
			[]string{`entity 2 "A": invalid gold annotation: label already used by entity 1`}, true},
		{"empty label", `{"entities": [{"label": " ", "class": "Theme", "subclass": "Theme"}]}`, []string{"empty label"}, true},
		{"sfs", `{"entities": [{"label": "A", "class": "Law", "subclass": "Act", "sfs": "SFS 2017:583"}]}`,
			[]string{`sfs "SFS 2017:583" is not of the form YYYY:NNN`}, true},
		{"group", `{"entities": [{"label": "A", "class": "Law", "subclass": "Act", "group": true}]}`,
			[]string{"group on a Law"}, true},
		{"predicate", `{"entities": [{"label": "A", "class": "Theme", "subclass": "Theme"}],
			"relations": [{"s": "A", "p": "confers", "o": "A", "quote": "q"}]}`,
			[]string{`relation 1 (A confers A)`, `predicate "confers" is not one of holdsMandate, confersMandate`}, true},
		{"relation ends", `{"entities": [{"label": "A", "class": "Theme", "subclass": "Theme"}],
			"relations": [{"s": "B", "p": "partOf", "o": "a", "quote": "q"}]}`,
			[]string{`subject "B" is not an entity label`, `object "a" is not an entity label`}, true},
		{"what", `{"entities": [{"label": "A", "class": "Theme", "subclass": "Theme"}],
			"facts": [{"s": "A", "what": "year", "value": "2020", "quote": "år 2020"}]}`,
			[]string{`fact 1 (A year "2020")`, `what "year" is not one of start, end, period, amount, share, date`}, true},
		{"value outside quote", `{"entities": [{"label": "A", "class": "Theme", "subclass": "Theme"}],
			"facts": [{"s": "A", "what": "date", "value": "2021", "quote": "år 2020", "o": "C"}]}`,
			[]string{"value is not in its quote", `object "C" is not an entity label`}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(tt.json), "bad.gold.json")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if errors.Is(err, ErrInvalid) != tt.invalid {
				t.Errorf("errors.Is(%q, ErrInvalid) = %v, want %v", err, !tt.invalid, tt.invalid)
			}
		})
	}
}

func TestVerify(t *testing.T) {
	g, err := ReadGold(strings.NewReader(validGold), "x.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	text := "# source: https://example.org/\n# title: Almi Uppsala\n\nRegion Uppsala äger 49 procent av Almi Uppsala.\n"
	if err := g.Verify(Body(text)); err == nil || !strings.Contains(err.Error(), `alias "Almi Uppsalas" is not in the text`) {
		t.Errorf("Verify = %v, want the missing alias", err)
	}
	if !errors.Is(g.Verify(""), ErrInvalid) {
		t.Error("Verify of an empty text does not wrap ErrInvalid")
	}
	g.Entities[1].Aliases = nil
	if err := g.Verify(Body(text)); err != nil {
		t.Error(err)
	}
	// White space may differ, but only with Verify.
	g.Entities[1].Aliases = []string{"Almi\n Uppsala"}
	if err := g.Verify(Body(text)); err != nil {
		t.Error(err)
	}
	if err := g.verify(Body(text), true); err == nil {
		t.Error("verify(exact) accepted a line break for a space")
	}
	// A name broken at a line's end hyphen is in the text, with the
	// hyphen or without it, as the break may be either.
	broken := "Region Uppsala äger 49 procent av Al-\n\nmi Upp-\nsala. Uppsala-\nregionen.\n"
	for alias, ok := range map[string]bool{"Almi Uppsala": true, "Uppsala-regionen": true, "Almi Upsala": false} {
		g.Entities[1].Aliases = []string{alias}
		if err := g.Verify(broken); (err == nil) != ok {
			t.Errorf("Verify of alias %q in %q = %v", alias, broken, err)
		}
	}
	// The title names Almi Uppsala, but only the body counts.
	g.Entities[1].Aliases = []string{"Almi Uppsala\n"}
	if err := g.Verify(Body("# title: Almi Uppsala\nRegion Uppsala")); err == nil {
		t.Error("Verify found a name in the header")
	}
}

func TestBody(t *testing.T) {
	for in, want := range map[string]string{
		"# source: a\n# title: b\n\nText\n": "\nText\n",
		"Text\n# not a header\n":            "Text\n# not a header\n",
		"# source: a":                       "",
	} {
		if got := Body(in); got != want {
			t.Errorf("Body(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCorpus reads every gold file of the dev corpus and checks it against
// the guidelines and its text.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 6 {
		t.Fatalf("%d gold files in %s, want 6", len(files), corpusDir)
	}
	var entities, relations, facts int
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		g, err := ReadGold(f, path)
		f.Close()
		if err != nil {
			t.Error(err)
			continue
		}
		text, err := os.ReadFile(strings.TrimSuffix(path, ".gold.json") + ".txt")
		if err != nil {
			t.Error(err)
			continue
		}
		if first, _, _ := strings.Cut(string(text), "\n"); first != "# source: "+g.Source {
			t.Errorf("%s: the text's first line %q does not give the gold's source %q", path, first, g.Source)
		}
		// The corpus checks names and quotes verbatim, white space too.
		if err := g.verify(Body(string(text)), true); err != nil {
			t.Error(err)
		}
		for _, fact := range g.Facts {
			// A value the facts stage cannot read is found only by its
			// label as written.
			if _, _, _, _, ok := normaliseFact(doc.FactKind(fact.What), fact.Value); !ok {
				t.Errorf("%s: the facts stage does not read the %s %q", path, fact.What, fact.Value)
			}
		}
		entities += len(g.Entities)
		relations += len(g.Relations)
		facts += len(g.Facts)
	}
	// The corpus README's totals.
	if entities != 80 || relations != 50 || facts != 23 {
		t.Errorf("corpus has %d entities, %d relations, %d facts; the README says 80, 50, 23", entities, relations, facts)
	}
}

func TestCombine(t *testing.T) {
	part1 := mustGold(t, `{"source": "https://example.org/r.pdf", "document": "../r.txt", "notes": ["n1"],
	 "entities": [
	  {"label": "regionerna", "class": "Actor", "subclass": "Region", "aliases": ["Regionerna"], "group": true},
	  {"label": "Tillväxtverket", "class": "Actor", "subclass": "GovernmentAgency", "aliases": []}],
	 "relations": [{"s": "regionerna", "p": "participatesIn", "o": "Tillväxtverket", "quote": "q", "page": 3}],
	 "facts": [{"s": "Tillväxtverket", "what": "start", "value": "2009", "quote": "sedan 2009", "page": 3}]}`)
	part2 := mustGold(t, `{"source": "https://example.org/r.pdf", "document": "../r.txt",
	 "entities": [
	  {"label": "regionerna", "class": "Actor", "subclass": "Region", "aliases": ["regionernas", "Regionerna"]},
	  {"label": "Reglab", "class": "Instrument", "subclass": "Platform", "aliases": []},
	  {"label": "Tillväxtverket", "class": "Actor", "subclass": "GovernmentAgency", "aliases": ["Tillväxtverkets"]}],
	 "relations": [
	  {"s": "regionerna", "p": "participatesIn", "o": "Tillväxtverket", "quote": "q", "page": 40, "note": "again"},
	  {"s": "regionerna", "p": "participatesIn", "o": "Reglab", "quote": "q"}],
	 "facts": [{"s": "Tillväxtverket", "what": "start", "value": "2009", "quote": "sedan 2009", "qualifier": "sedan"}]}`)
	g, err := Combine("r", part1, part2)
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "r" || g.Source != "https://example.org/r.pdf" || g.Document != "../r.txt" || len(g.Notes) != 1 {
		t.Errorf("Combine: %+v", g)
	}
	if len(g.Entities) != 3 || len(g.Relations) != 2 || len(g.Facts) != 1 {
		t.Errorf("Combine: %d entities, %d relations, %d facts; want 3, 2, 1", len(g.Entities), len(g.Relations), len(g.Facts))
	}
	if e := g.Entities[0]; !e.Group || strings.Join(e.Aliases, "|") != "Regionerna|regionernas" {
		t.Errorf("regionerna: %+v", e)
	}
	if len(part1.Entities[0].Aliases) != 1 {
		t.Error("Combine changed a part")
	}

	part2.Entities[2] = Entity{Label: "Tillväxtverket", Class: "Actor", Subclass: "Ministry", Aliases: []string{"TVV"}}
	g, err = Combine("r", part1, part2)
	if !errors.Is(err, ErrInvalid) ||
		!strings.Contains(err.Error(), `entity "Tillväxtverket": invalid gold annotation: Actor/GovernmentAgency in one part, Actor/Ministry in doc.gold.json; the first stands`) {
		t.Errorf("Combine of conflicting parts: %v", err)
	}
	if g == nil || len(g.Entities) != 3 || g.Entities[1].Subclass != "GovernmentAgency" || len(g.Entities[1].Aliases) != 0 {
		t.Errorf("Combine of conflicting parts gave %+v", g)
	}
}
