package read

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"kg/ingest/doc"
)

// want is what a test expects of one passage.
type want struct {
	id      string
	kind    doc.PassageKind
	text    string
	chapter int
	section int
	example int
}

func checkPassages(t *testing.T, d *doc.Doc, wants []want) {
	t.Helper()
	if len(d.Passages) != len(wants) {
		for _, p := range d.Passages {
			t.Logf("%s %v %q", p.ID, p.Kind, p.Text)
		}
		t.Fatalf("%d passages, want %d", len(d.Passages), len(wants))
	}
	for i, w := range wants {
		p := d.Passages[i]
		if p.ID != w.id || p.Kind != w.kind || p.Text != w.text || p.Chapter != w.chapter || p.Section != w.section || p.Example != w.example {
			t.Errorf("passage %d = %s %v %q ch=%d sec=%d ex=%d\n want %s %v %q ch=%d sec=%d ex=%d", i,
				p.ID, p.Kind, p.Text, p.Chapter, p.Section, p.Example, w.id, w.kind, w.text, w.chapter, w.section, w.example)
		}
	}
}

func TestTextReport(t *testing.T) {
	d, err := File("testdata/report.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkPassages(t, d, []want{
		{"1-1", doc.ChapterHeading, "Förord", 0, -1, -1},
		{"1-2", doc.Paragraph, "Regionerna har sedan 2019 det samlade ansvaret för den regionala utvecklingen i sina län. Rapporten beskriver hur arbetet organiseras och vilka verktyg som används, med exempel från flera regioner i hela landet.", 0, -1, -1},
		{"1-3", doc.Paragraph, "Sveriges Kommuner och Regioner, maj 2023", 0, -1, -1},
		{"2-1", doc.ChapterHeading, "Kultur och regional utveckling", 1, -1, -1},
		{"2-2", doc.Paragraph, "Kulturen är en förutsättning för attraktiva livsmiljöer och en drivkraft för den regionala utvecklingen. Regionerna fördelar statsbidrag till kultur- och fritidsverksamhet enligt kultursamverkansmodellen och tar fram en regional kulturplan i dialog med kommunerna.", 1, -1, -1},
		{"2-3", doc.SectionHeading, "Regionala kulturplaner", 1, 0, -1},
		{"2-4", doc.Paragraph, "Kulturplanen beskriver prioriteringar för fyra år och omfattar bland annat teater, dans, musik och bibliotek. Den följs upp årligen av regionen.", 1, 0, -1},
		{"2-5", doc.ExampleHeading, "Kre-hälsa (Region Dalarna och Region Gävleborg)", 1, 0, 0},
		{"2-6", doc.Paragraph, "Projektet använder kultur som en del av folkhälsoarbetet och drivs i samverkan med vårdcentralerna i länen. Deltagarna får recept på kulturaktiviteter.", 1, 0, 0},
		{"4-1", doc.Paragraph, "Arbetet sker i flera steg som beskrivs närmare nedan, och regionerna har valt olika vägar för att organisera det:", 1, 0, 0},
		{"4-2", doc.ListItem, "• en politisk styrgrupp med företrädare för länets kommuner,", 1, 0, 0},
		{"4-3", doc.ListItem, "• en tjänstemannagrupp som bereder ärendena.", 1, 0, 0},
		{"4-4", doc.Paragraph, "Uppföljningen redovisas varje år till regionfullmäktige och till Kulturrådet.", 1, 0, 0},
		{"3-1", doc.FootnoteText, "Kultursamverkansmodellen (https://www.kulturradet.se/kultursamverkansmo dellen/)", 1, -1, -1},
		{"3-2", doc.FootnoteText, "Kre-hälsa (https://www.example.se/krehalsa)", 1, 0, 0},
	})
	printed := []int{3, 4, 4, 5} // the footnote area is printed on the page before it
	for i, p := range d.Pages {
		if p.Printed != printed[i] || p.Footnotes != (i == 2) {
			t.Errorf("page %+v", p)
		}
	}
	if ex := d.Examples[0]; ex.Title != "Kre-hälsa" || strings.Join(ex.Regions, "|") != "Region Dalarna|Region Gävleborg" || ex.Slug != "kre-halsa" {
		t.Errorf("example %+v", ex)
	}
	fn := d.Footnotes
	if len(fn) != 2 || fn[0].URL != "https://www.kulturradet.se/kultursamverkansmodellen/" || fn[0].Anchor != 4 ||
		fn[1].Title != "Kre-hälsa" || fn[1].URL != "https://www.example.se/krehalsa" || fn[1].Anchor != 8 {
		t.Errorf("footnotes %+v", fn)
	}
	if got := d.Passages[4].Footnotes; len(got) != 1 || got[0] != 1 {
		t.Errorf("marker %v", got)
	}
	if d.Meta.Format != "text" || d.Meta.Slug != "report" || d.Meta.Language != "sv" {
		t.Errorf("meta %+v", d.Meta)
	}
}

func TestTextPlain(t *testing.T) {
	d, err := File("testdata/plain.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkPassages(t, d, []want{
		{"1-1", doc.ChapterHeading, "Regional utveckling i länet", 0, -1, -1},
		{"1-2", doc.Paragraph, "Regionen ansvarar för det regionala tillväxtarbetet och tar fram en regional utvecklingsstrategi tillsammans med kommunerna. Läs mer på https://www.example.se/rus.", 0, -1, -1},
		{"1-3", doc.SectionHeading, "Så arbetar regionen", 0, 0, -1},
		{"1-4", doc.Paragraph, "Arbetet följs upp varje år och redovisas för regionfullmäktige. Uppföljningen omfattar bland annat:", 0, 0, -1},
		{"1-5", doc.ListItem, "• kompetensförsörjning,", 0, 0, -1},
		{"1-6", doc.ListItem, "• infrastruktur och kommunikationer,", 0, 0, -1},
		{"1-7", doc.ListItem, "• kultur- och fritidsfrågor.", 0, 0, -1},
		{"1-8", doc.ExampleHeading, "Bymässa 2030 (Region Kronoberg)", 0, 0, 0},
		{"1-9", doc.Paragraph, "Bymässan samlar landsbygdens företagare och föreningar en gång om året.", 0, 0, 0},
	})
	// Header lines count as lines of the file: the first passage is on line 4.
	if d.Passages[0].Line != 4 || len(d.Pages) != 1 || d.Pages[0].Line != 4 {
		t.Errorf("lines: passage %d, pages %+v", d.Passages[0].Line, d.Pages)
	}
	if l := d.Passages[1].Links; len(l) != 1 || l[0].URL != "https://www.example.se/rus" || d.Passages[1].Text[l[0].Start:l[0].End] != "https://www.example.se/rus" {
		t.Errorf("links %+v", l)
	}
	if d.Passages[4].List != 0 || d.Passages[6].List != 0 || d.Passages[3].List != -1 {
		t.Errorf("lists %d %d %d", d.Passages[4].List, d.Passages[6].List, d.Passages[3].List)
	}
	// The sidecar wins over the header lines; the header gives the rest.
	m := d.Meta
	if m.Title != "Regional utveckling i länet" || m.URL != "https://www.example.se/regional-utveckling/" ||
		m.Publisher != "Region Exempel" || m.Issued != "2024-02" || m.Slug != "plain" {
		t.Errorf("meta %+v", m)
	}
}

func TestTextOptions(t *testing.T) {
	in := []byte("Nya vägar (Skåne och Blekinge)\n\nTvå län samarbetar om kollektivtrafiken.\n")
	d, err := Text("x.txt", in, doc.Meta{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Examples) != 0 {
		t.Errorf("county names are not regions by the general rule: %+v", d.Examples)
	}
	isRegion := func(s string) bool { return s == "Skåne" || s == "Blekinge" }
	d, err = Text("x.txt", in, doc.Meta{}, Options{IsRegion: isRegion})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Examples) != 1 || len(d.Examples[0].Regions) != 2 {
		t.Errorf("examples %+v", d.Examples)
	}
}

func TestTextErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		want string
		is   error
	}{
		{"not UTF-8", "Rad ett\nRad två\nR\xe4d tre\n", "r.txt:3:2: not UTF-8: byte 0xe4", ErrEncoding},
		{"empty", "", "r.txt: empty report", ErrEmpty},
		{"blank", " \n\n  \n", "r.txt: empty report", ErrEmpty},
		{"header only", "# source: https://example.se/\n# title: Tom\n", "r.txt: empty report", ErrEmpty},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Text("r.txt", []byte(c.in), doc.Meta{}, Options{})
			if err == nil || err.Error() != c.want || !errors.Is(err, c.is) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
}

func TestHyphenation(t *testing.T) {
	vocab := vocabulary([]string{"utveckling", "e-hälsa"})
	for _, c := range []struct {
		lines []string
		eager bool
		want  string
	}{
		{[]string{"regional utveck-", "ling i länet"}, false, "regional utveckling i länet"},
		{[]string{"arbetet med e-", "hälsa"}, false, "arbetet med e-hälsa"},
		{[]string{"kultur-", "och fritid"}, false, "kultur- och fritid"},
		{[]string{"en ny strate-", "gi för länet"}, false, "en ny strate-gi för länet"},
		{[]string{"en ny strate-", "gi för länet"}, true, "en ny strategi för länet"},
		{[]string{"EU-", "medel"}, true, "EU-medel"},
		{[]string{"åren 2021–", "2030"}, false, "åren 2021–2030"},
		{[]string{"https://www.example.se/kultur-", "och-fritid"}, true, "https://www.example.se/kultur-och-fritid"},
	} {
		if got := joinWrapped(c.lines, vocab, c.eager); got != c.want {
			t.Errorf("%q (eager %v) = %q, want %q", c.lines, c.eager, got, c.want)
		}
	}
}

func TestGenreRules(t *testing.T) {
	for s, want := range map[string]bool{"Förord": true, "Bilaga 2": true, "Källor": true, "3 Folkhälsa": true,
		"Folkhälsa": false, "1.2 Bakgrund": false, "Inledningsvis": false} {
		if ChapterTitle(s) != want {
			t.Errorf("ChapterTitle(%q) = %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"Tre exempel på samverkan": true, "Två visitorganisationer": true,
		"Exempel från Norrbotten": true, "Formstark Norrbotten": false} {
		if MultiExample(s) != want {
			t.Errorf("MultiExample(%q) = %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"Region Skåne": true, "Region Jämtland/Härjedalen": true, "Västra Götalandsregionen": true,
		"Skåne": false, "regionen": false, "Regionen": false, "Region": false} {
		if LooksLikeRegion(s) != want {
			t.Errorf("LooksLikeRegion(%q) = %v", s, !want)
		}
	}
}

// The seed report reads as the earlier segmenter read it: these counts are
// what it gave.
func TestSeedReport(t *testing.T) {
	const (
		pages     = 71
		passages  = 420
		chapters  = 10
		sections  = 30
		examples  = 39
		footnotes = 55
	)
	path := filepath.Join("..", "..", "seeds", "000_166f9742bfc0d13f.txt")
	d, err := File(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := []int{len(d.Pages), len(d.Passages), len(d.Chapters), len(d.Sections), len(d.Examples), len(d.Footnotes)}
	wantN := []int{pages, passages, chapters, sections, examples, footnotes}
	for i, name := range []string{"pages", "passages", "chapters", "sections", "examples", "footnotes"} {
		if got[i] != wantN[i] {
			t.Errorf("%s = %d, want %d", name, got[i], wantN[i])
		}
	}
	if d.Meta.Slug != "21-vagar-till-hallbar-regional-utveckling" || d.Meta.Publisher != "Sveriges Kommuner och Regioner" {
		t.Errorf("meta from the sidecar: %+v", d.Meta)
	}
	seen := map[string]bool{}
	for _, p := range d.Passages {
		if seen[p.ID] {
			t.Fatalf("passage ID %s twice", p.ID)
		}
		seen[p.ID] = true
	}
}
