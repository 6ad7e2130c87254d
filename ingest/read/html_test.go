package read

import (
	"strings"
	"testing"

	"kg/ingest/doc"
)

func TestHTMLPage(t *testing.T) {
	d, err := File("testdata/page.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkPassages(t, d, []want{
		{"1-1", doc.ChapterHeading, "Regional utveckling & tillväxt", 0, -1, -1},
		{"1-2", doc.Paragraph, "20 november 2023", 0, -1, -1},
		{"1-3", doc.Paragraph, "Regionen har det samlade ansvaret för den regionala utvecklingsstrategin och samverkar med Länsstyrelsen.", 0, -1, -1},
		{"1-4", doc.ChapterHeading, "Så arbetar vi", 1, -1, -1},
		{"1-5", doc.Paragraph, "Arbetet omfattar bland annat:", 1, -1, -1},
		{"1-6", doc.ListItem, "kompetensförsörjning,", 1, -1, -1},
		{"1-7", doc.ListItem, "infrastruktur och kommunikationer.", 1, -1, -1},
		{"1-8", doc.SectionHeading, "Finansiering", 1, 0, -1},
		{"1-9", doc.Paragraph, "År | Belopp", 1, 0, -1},
		{"1-10", doc.Paragraph, "2023 | 8 567 000 kronor", 1, 0, -1},
	})
	all := ""
	for _, p := range d.Passages {
		all += p.Text + "\n"
	}
	for _, furniture := range []string{"kakor", "Hoppa", "Start", "Om oss", "startsida", "Dela sidan", "Relaterade", "Box 1", "Spåra"} {
		if strings.Contains(all, furniture) {
			t.Errorf("page furniture %q in the text", furniture)
		}
	}
	p := d.Passages[2]
	links := map[string]string{}
	for _, l := range p.Links {
		links[p.Text[l.Start:l.End]] = l.URL
	}
	if len(links) != 2 || links["den regionala utvecklingsstrategin"] != "https://www.example.se/utveckling/rus.html" ||
		links["Länsstyrelsen"] != "https://www.lansstyrelsen.se/" {
		t.Errorf("links %+v", links)
	}
	if d.Passages[5].List != 0 || d.Passages[6].List != 0 {
		t.Errorf("list numbers %d %d", d.Passages[5].List, d.Passages[6].List)
	}
	m := d.Meta
	if m.Title != "Regional utveckling" || m.Publisher != "Region Exempel" || m.Issued != "2023-11-24" ||
		m.URL != "https://www.example.se/regional-utveckling/" || m.Language != "sv-SE" || m.Format != "html" || m.Slug != "page" {
		t.Errorf("meta %+v", m)
	}
}

func TestHTMLCases(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		meta doc.Meta
		want []string // kind: text
		url  string   // the first link's target
	}{
		{"no main: body without page header and footer",
			`<html><body><header><h1>Sajt</h1></header><div><h2>Rubrik</h2><p>Text om <a href="/a">A</a>.</p></div><footer>Kontakt</footer></body></html>`,
			doc.Meta{URL: "https://example.se/x/y"}, []string{"chapter heading: Rubrik", "paragraph: Text om A."}, "https://example.se/a"},
		{"role=main, hidden and consent dialog left out",
			`<body><div role="main"><p hidden>Dold</p><p style="display: none">Gömd</p><div class="gdpr-notice"><p>Samtycke</p></div><p>Synlig text.</p></div><p>Utanför.</p></body>`,
			doc.Meta{}, []string{"paragraph: Synlig text."}, ""},
		{"body flagged for a cookie banner stays content",
			`<body class="cookie-banner-visible"><p>Huvudtext här, som är sidans innehåll.</p><div id="cookie-notice">Kakor</div></body>`,
			doc.Meta{}, []string{"paragraph: Huvudtext här, som är sidans innehåll."}, ""},
		{"text outside paragraphs, br and entities",
			`<main>Inledande text<br>på två rader &ndash; med&nbsp;mellanslag<h3>Del</h3><ol><li>Ett<ul><li>Under</li></ul></li></ol></main>`,
			doc.Meta{}, []string{"paragraph: Inledande text på två rader – med mellanslag", "section heading: Del", "list item: Ett", "list item: Under"}, ""},
		{"ISO-8859-1 declared",
			"<html><head><meta charset=\"iso-8859-1\"></head><body><main><p>V\xe4xj\xf6 och \xc5re.</p></main></body></html>",
			doc.Meta{}, []string{"paragraph: Växjö och Åre."}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := HTML("x.html", []byte(c.in), c.meta)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range d.Passages {
				got = append(got, p.Kind.String()+": "+p.Text)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if c.url != "" && (len(d.Passages) < 2 || len(d.Passages[1].Links) != 1 || d.Passages[1].Links[0].URL != c.url) {
				t.Errorf("link: %+v", d.Passages)
			}
		})
	}
}

func TestHTMLEmpty(t *testing.T) {
	_, err := HTML("tom.html", []byte(`<html><body><nav><a href="/">Start</a></nav></body></html>`), doc.Meta{})
	if err == nil || err.Error() != "tom.html: empty report" {
		t.Fatalf("err = %v", err)
	}
}
