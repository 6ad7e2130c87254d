package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// page joins lines in the seed texts' style: a blank line after each line,
// pages opened by a line that starts with a space.
func page(lines ...string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l + "\n\n")
	}
	return b.String()
}

func fixtureLayout(t *testing.T) (Layout, *KB) {
	t.Helper()
	lx, err := LoadLexicon(fixtureLexicon(t))
	if err != nil {
		t.Fatal(err)
	}
	kb := NewKB(lx)
	return Layout{Title: "Gröna vägar i länen", IsRegion: kb.Rec.IsRegion,
		ChapterTitle: func(s string) bool { _, ok := lx.matchAny("chapter", s); return ok }}, kb
}

func TestSegmentFixture(t *testing.T) {
	lay, _ := fixtureLayout(t)
	b, err := os.ReadFile("testdata/fixture/seeds/gronavagar.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Segment("gronavagar.txt", b, lay)
	if err != nil {
		t.Fatal(err)
	}
	var printed []int
	for _, p := range d.Pages {
		printed = append(printed, p.Printed)
	}
	if !slices.Equal(printed, []int{4, 5, 5}) {
		t.Errorf("printed pages %v, want [4 5 5]", printed)
	}
	if !d.Pages[2].Footnotes || d.Pages[0].Footnotes {
		t.Errorf("footnote pages wrong: %+v", d.Pages)
	}
	if len(d.Chapters) != 1 || d.Chapters[0].Title != "Friluftsliv – en väg till regional utveckling" {
		t.Errorf("chapters %+v", d.Chapters)
	}
	if len(d.Sections) != 2 || d.Sections[1].Title != "Friluftsliv – några exempel" {
		t.Errorf("sections %+v", d.Sections)
	}
	if len(d.Examples) != 2 {
		t.Fatalf("examples %+v", d.Examples)
	}
	if x := d.Examples[1]; x.Title != "Leden i öster" || !slices.Equal(x.Regions, []string{"Region Öst-Väst", "Region Nordmark"}) || len(x.Passages) != 1 {
		t.Errorf("example 2 %+v", x)
	}
	if len(d.Footnotes) != 2 {
		t.Fatalf("footnotes %+v", d.Footnotes)
	}
	f := d.Footnotes[0]
	if f.URL != "https://www.example.org/fjall-bussen/" || f.Title != "Fjällbussen" || d.Passages[f.Anchor].Example != 0 {
		t.Errorf("footnote 1 %+v", f)
	}
	if p := d.Passages[f.Anchor]; !slices.Contains(p.Footnotes, 1) || strings.HasSuffix(p.Text, "1") {
		t.Errorf("marker not taken out of %q", p.Text)
	}
}

func TestSegmentParts(t *testing.T) {
	lay, _ := fixtureLayout(t)
	long := "Det här är en rad som är lika lång som en vanlig rad i en rapport med text "
	cases := []struct {
		name  string
		text  string
		check func(*Document) string
	}{
		{"hyphen kept for a short prefix", page(" "+long, "och en satsning på e-", "hälsa i hela landet."), func(d *Document) string {
			return want(d.Passages[0].Text, long[:len(long)-1]+" och en satsning på e-hälsa i hela landet.")
		}},
		{"hyphen dropped where the text spells the word whole", page(" "+long, "om infra-", "struktur och mer infrastruktur."), func(d *Document) string {
			return want(d.Passages[0].Text, long[:len(long)-1]+" om infrastruktur och mer infrastruktur.")
		}},
		{"suspended compound keeps its space", page(" "+long, "vård- ", "och omsorg."), func(d *Document) string {
			return want(d.Passages[0].Text, long[:len(long)-1]+" vård- och omsorg.")
		}},
		{"en dash between years", page(" "+long, "för 2021–", "2030."), func(d *Document) string {
			return want(d.Passages[0].Text, long[:len(long)-1]+" för 2021–2030.")
		}},
		{"example heading over two lines", page(" Inledning ", long, "slut.", "Ett långt namn på ett exempel som bryts över två rader (Region ", "Nordmark och Region Öst-Väst) ", long, "slut."), func(d *Document) string {
			if len(d.Examples) != 1 {
				return "no example"
			}
			return want(strings.Join(d.Examples[0].Regions, "|"), "Region Nordmark|Region Öst-Väst")
		}},
		{"parentheses without regions are no example", page(" Inledning ", long, "slut.", "Något annat (ett tillägg) ", long, "slut."), func(d *Document) string {
			return want(len(d.Examples), 0)
		}},
		{"a footnote marker closes a full line's paragraph", page(" Inledning ", long, long+"slut.1", "Nästa stycke börjar här.", " ", "1 Källan (https://www.example.org/kalla)"), func(d *Document) string {
			var texts []string
			for _, p := range d.Passages {
				if p.Kind == Paragraph {
					texts = append(texts, p.Text)
				}
			}
			return want(strings.Join(texts, "|"), long+long+"slut.|Nästa stycke börjar här.")
		}},
		{"list items", page(" Inledning ", long, "slut:", "• Den första punkten ", "som fortsätter.", "• Den andra punkten."), func(d *Document) string {
			n := 0
			for _, p := range d.Passages {
				if p.Kind == ListItem {
					n++
				}
			}
			return want(n, 2)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Segment("t.txt", []byte(c.text), lay)
			if err != nil {
				t.Fatal(err)
			}
			if msg := c.check(d); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func want[T comparable](got, want T) string {
	if got != want {
		return strings.Join([]string{"got", toString(got), "want", toString(want)}, " ")
	}
	return ""
}

func toString(v any) string {
	switch v := v.(type) {
	case string:
		return "«" + v + "»"
	case int:
		return itoa(v)
	}
	return "?"
}

func TestInferPrinted(t *testing.T) {
	cases := []struct {
		n       int
		anchors map[int]int
		want    []int
	}{
		{4, map[int]int{2: 8}, []int{0, 7, 8, 9, 10}},
		{5, map[int]int{1: 3, 4: 6}, []int{0, 3, 4, 5, 6, 7}},
		{5, map[int]int{1: 3, 4: 9}, []int{0, 3, 0, 0, 9, 10}}, // disagreeing footers: unknown between
		{3, map[int]int{}, []int{0, 0, 0, 0}},
	}
	for _, c := range cases {
		if got := inferPrinted(c.n, c.anchors); !slices.Equal(got, c.want) {
			t.Errorf("inferPrinted(%d, %v) = %v, want %v", c.n, c.anchors, got, c.want)
		}
	}
}

func TestRecognise(t *testing.T) {
	_, kb := fixtureLayout(t)
	cases := []struct {
		text string
		want []string // entity ids in order
	}{
		{"Region Nordmarks plan.", []string{"region-nordmark"}},
		{"Region Öst Väst och Region Öst/Väst och Region Öst-Väst.", []string{"region-ost-vast", "region-ost-vast", "region-ost-vast"}},
		{"Hittills har bara region Nordmark gjort det.", []string{"region-nordmark"}},
		{"Medel från Europeiska regionala utvecklingsfonden stödjer Fjällverket.", []string{"europeiska-regionala-utvecklingsfonden", "fjallverket"}},
		{"Anslagen och bolagen.", nil},                                        // not laws
		{"Aktiebolagen, energibolagen och förslagen är många.", nil},          // not laws either
		{"Enligt kollektivtrafiklagen ska", []string{"kollektivtrafiklagen"}}, // a law's short name
		{"Enligt bibliotekslagen (2013:80) ska regionerna", []string{"bibliotekslagen-2013-80"}},
		{"Nätverket träffas.", nil}, // a stop word, not an agency
		{"Projektet Ett kompetenslyft pågår.", nil},
	}
	for _, c := range cases {
		doc := &Document{Passages: []Passage{{Text: c.text, Example: -1}}}
		ms := Resolve(Recognise(doc, kb.Rec), kb)
		var got []string
		for _, m := range ms {
			got = append(got, m.Entity)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

func TestNameKey(t *testing.T) {
	cases := [][2]string{
		{"Lagen (2010:630) om regionalt utvecklingsansvar", "lag om regionalt utvecklingsansvar"},
		{"Region Jämtland-Härjedalen", "region jämtland härjedalen"},
		{"Region Jämtland/Härjedalen", "region jämtland härjedalen"},
		{"Förordningen om regionalt tillväxtarbete", "förordning om regionalt tillväxtarbete"},
	}
	for _, c := range cases {
		if got := nameKey(c[0]); got != c[1] {
			t.Errorf("nameKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

func TestSentences(t *testing.T) {
	_, kb := fixtureLayout(t)
	text := "Det gäller t.ex. Region Nordmark. Enligt 7 kap. plan- och bygglagen ska G. Persson svara. Sista."
	var got []string
	for _, sp := range sentences(text, kb.Lex) {
		got = append(got, text[sp[0]:sp[1]])
	}
	wantS := []string{"Det gäller t.ex. Region Nordmark.", "Enligt 7 kap. plan- och bygglagen ska G. Persson svara.", "Sista."}
	if !slices.Equal(got, wantS) {
		t.Errorf("got %q", got)
	}
}

func TestSlugify(t *testing.T) {
	cases := [][2]string{
		{"Region Jönköpings län", "region-jonkopings-lan"},
		{"100-till-100", "100-till-100"},
		{"K.R.O.K Dalarna", "k-r-o-k-dalarna"},
		{"ESS, Max IV och innovationssystemet Science Village", "ess-max-iv-och-innovationssystemet-science-village"},
	}
	for _, c := range cases {
		if got := Slugify(c[0]); got != c[1] || !slugRe.MatchString(got) {
			t.Errorf("Slugify(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	if s := Slugify(strings.Repeat("lång rubrik ", 20)); len(s) > 80 || !slugRe.MatchString(s) {
		t.Errorf("long slug %q", s)
	}
}
