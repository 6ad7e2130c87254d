package read

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"kg/ingest/doc"
)

// pdfItem is a block of a test PDF: its kind ("h1", "h2", "p", "li",
// "note") and its lines as they are to be set, line breaks and hyphens
// included. "word^3" sets 3 as a superscript footnote marker.
type pdfItem struct {
	kind  string
	lines []string
}

// pdfSpec describes a test PDF.
type pdfSpec struct {
	title, author string
	created       time.Time
	footer        string // running footer; the printed page number follows it
	firstPrinted  int    // printed number of the first page
	password      string // encrypts the document when set
	pages         [][]pdfItem
}

// makePDF sets a PDF from spec with a core font, Swedish letters through
// the cp1252 translator, so no font file is needed.
func makePDF(tb testing.TB, spec pdfSpec) []byte {
	tb.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	tr := f.UnicodeTranslatorFromDescriptor("")
	f.SetMargins(20, 20, 20)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(true)
	if spec.title != "" {
		f.SetTitle(spec.title, true)
	}
	if spec.author != "" {
		f.SetAuthor(spec.author, true)
	}
	if !spec.created.IsZero() {
		f.SetCreationDate(spec.created)
	}
	if spec.password != "" {
		f.SetProtection(fpdf.CnProtectPrint, spec.password, "owner")
	}
	if spec.footer != "" {
		f.SetFooterFunc(func() {
			f.SetFont("Helvetica", "", 9)
			f.SetXY(20, -15)
			f.CellFormat(0, 5, tr(fmt.Sprintf("%s   %d", spec.footer, spec.firstPrinted+f.PageNo()-1)), "", 0, "R", false, 0, "")
		})
	}
	_, pageH := f.GetPageSize()
	for _, page := range spec.pages {
		f.AddPage()
		var notes []pdfItem
		for _, it := range page {
			if it.kind == "note" {
				notes = append(notes, it)
				continue
			}
			setItem(f, tr, it)
		}
		if len(notes) > 0 {
			n := 0
			for _, it := range notes {
				n += len(it.lines)
			}
			f.SetY(pageH - 22 - float64(n)*3.6)
			for _, it := range notes {
				f.SetFont("Helvetica", "", 8)
				for _, l := range it.lines {
					f.SetX(20)
					f.CellFormat(0, 3.6, tr(l), "", 1, "L", false, 0, "")
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func setItem(f *fpdf.Fpdf, tr func(string) string, it pdfItem) {
	size, style, h, after := 11.0, "", 5.0, 3.0
	switch it.kind {
	case "h1":
		size, style, h, after = 18, "B", 8, 4
	case "h2":
		size, style, h, after = 13, "B", 6, 2
	}
	f.SetFont("Helvetica", style, size)
	for _, l := range it.lines {
		f.SetX(20)
		for {
			i := strings.IndexByte(l, '^')
			if i < 0 {
				break
			}
			j := i + 1
			for j < len(l) && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			f.Write(h, tr(l[:i]))
			f.SubWrite(h, l[i+1:j], 7, 3, 0, "")
			f.SetFont("Helvetica", style, size)
			l = l[j:]
		}
		f.Write(h, tr(l))
		f.Ln(h)
	}
	f.Ln(after)
}

// reportPDF is a three-page report: a chapter heading, a section heading, a
// worked example, hyphenated line breaks, a list, footnotes with links, a
// paragraph running over a page break and a running footer with printed
// page numbers starting at 7.
func reportPDF(tb testing.TB) []byte {
	return makePDF(tb, pdfSpec{
		title: "Hållbar utveckling i regionerna", author: "Sveriges Kommuner och Regioner",
		created: time.Date(2023, 5, 17, 10, 0, 0, 0, time.UTC),
		footer:  "Hållbar utveckling i regionerna", firstPrinted: 7,
		pages: [][]pdfItem{
			{
				{"h1", []string{"Kultur och regional utveckling"}},
				{"p", []string{
					"Regionerna har ett ansvar för den regionala utvecklingen och arbetar med",
					"kultur- och fritidsfrågor i hela länet. Arbetet bygger på en gemensam ut-",
					"vecklingsstrategi som tas fram tillsammans med kommunerna i samverkan.^1",
				}},
				{"p", []string{
					"Kulturen är en förutsättning för attraktiva livsmiljöer och bidrar till",
					"en hållbar utveckling i hela Sverige.",
				}},
				{"h2", []string{"Regionala kulturplaner"}},
				{"p", []string{
					"Varje region tar fram en kulturplan enligt förordningen om fördelning av",
					"vissa statsbidrag till regional kulturverksamhet. Planen omfattar bland",
				}},
				{"note", []string{"1 Regional utvecklingsstrategi (https://www.example.se/regional-", "utveckling/strategi)"}},
			},
			{
				{"p", []string{
					"annat teater, dans och musik, och den revideras vart fjärde år efter",
					"dialog med kommunerna och civilsamhället.",
				}},
				{"li", []string{"• Regionen samordnar arbetet med kulturplanen."}},
				{"li", []string{"• Kommunerna deltar i dialogen om prioriteringar."}},
				{"h2", []string{"Kre-hälsa (Region Dalarna)"}},
				{"p", []string{
					"Projektet använder kultur som en del av folkhälsoarbetet och drivs i",
					"samverkan med vårdcentralerna i länet.^2",
				}},
				{"note", []string{"2 Kre-hälsa, www.example.se/krehalsa"}},
			},
			{
				{"h1", []string{"Referenser"}},
				{"p", []string{"Sveriges Kommuner och Regioner (2023). Regional utveckling i praktiken."}},
			},
		},
	})
}

func readReportPDF(t *testing.T) *doc.Doc {
	t.Helper()
	d, err := PDF("rapport.pdf", reportPDF(t), doc.Meta{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestPDFReport(t *testing.T) {
	d := readReportPDF(t)
	for _, p := range d.Passages {
		t.Logf("%s %v p%d printed=%d ch=%d sec=%d ex=%d list=%d fn=%v %q", p.ID, p.Kind, p.Page, p.Printed, p.Chapter, p.Section, p.Example, p.List, p.Footnotes, p.Text)
	}
	type want struct {
		id   string
		kind doc.PassageKind
		text string
	}
	wants := []want{
		{"1-1", doc.ChapterHeading, "Kultur och regional utveckling"},
		{"1-2", doc.Paragraph, "Regionerna har ett ansvar för den regionala utvecklingen och arbetar med kultur- och fritidsfrågor i hela länet. Arbetet bygger på en gemensam utvecklingsstrategi som tas fram tillsammans med kommunerna i samverkan."},
		{"1-3", doc.Paragraph, "Kulturen är en förutsättning för attraktiva livsmiljöer och bidrar till en hållbar utveckling i hela Sverige."},
		{"1-4", doc.SectionHeading, "Regionala kulturplaner"},
		{"1-5", doc.Paragraph, "Varje region tar fram en kulturplan enligt förordningen om fördelning av vissa statsbidrag till regional kulturverksamhet. Planen omfattar bland annat teater, dans och musik, och den revideras vart fjärde år efter dialog med kommunerna och civilsamhället."},
		{"2-1", doc.ListItem, "• Regionen samordnar arbetet med kulturplanen."},
		{"2-2", doc.ListItem, "• Kommunerna deltar i dialogen om prioriteringar."},
		{"2-3", doc.ExampleHeading, "Kre-hälsa (Region Dalarna)"},
		{"2-4", doc.Paragraph, "Projektet använder kultur som en del av folkhälsoarbetet och drivs i samverkan med vårdcentralerna i länet."},
		{"3-1", doc.ChapterHeading, "Referenser"},
		{"3-2", doc.Paragraph, "Sveriges Kommuner och Regioner (2023). Regional utveckling i praktiken."},
		{"1-6", doc.FootnoteText, "Regional utvecklingsstrategi (https://www.example.se/regional-utveckling/strategi)"},
		{"2-5", doc.FootnoteText, "Kre-hälsa, www.example.se/krehalsa"},
	}
	if len(d.Passages) != len(wants) {
		t.Fatalf("%d passages, want %d", len(d.Passages), len(wants))
	}
	for i, w := range wants {
		p := d.Passages[i]
		if p.ID != w.id || p.Kind != w.kind || p.Text != w.text {
			t.Errorf("passage %d = %s %v %q, want %s %v %q", i, p.ID, p.Kind, p.Text, w.id, w.kind, w.text)
		}
	}
	if len(d.Pages) != 3 {
		t.Fatalf("%d pages", len(d.Pages))
	}
	for i, pg := range d.Pages {
		if pg.Printed != 7+i {
			t.Errorf("page %d printed %d, want %d", pg.Index, pg.Printed, 7+i)
		}
	}
	if len(d.Chapters) != 2 || len(d.Sections) != 1 || len(d.Examples) != 1 {
		t.Errorf("chapters %d sections %d examples %d", len(d.Chapters), len(d.Sections), len(d.Examples))
	}
	if ex := d.Examples[0]; ex.Title != "Kre-hälsa" || len(ex.Regions) != 1 || ex.Regions[0] != "Region Dalarna" || len(ex.Passages) != 1 {
		t.Errorf("example %+v", ex)
	}
	if len(d.Footnotes) != 2 {
		t.Fatalf("%d footnotes", len(d.Footnotes))
	}
	if f := d.Footnotes[0]; f.N != 1 || f.URL != "https://www.example.se/regional-utveckling/strategi" || f.Anchor != 1 {
		t.Errorf("footnote 1: %+v", f)
	}
	if f := d.Footnotes[1]; f.N != 2 || f.URL != "www.example.se/krehalsa" || f.Anchor != 8 || f.Title != "Kre-hälsa," {
		t.Errorf("footnote 2: %+v", f)
	}
	if got := d.Passages[1].Footnotes; len(got) != 1 || got[0] != 1 {
		t.Errorf("marker of footnote 1: %v", got)
	}
	m := d.Meta
	if m.Title != "Hållbar utveckling i regionerna" || m.Publisher != "Sveriges Kommuner och Regioner" || m.Issued != "2023-05-17" ||
		m.Format != "pdf" || m.Language != "sv" || m.Slug != "rapport" {
		t.Errorf("meta %+v", m)
	}
}

func TestPDFErrors(t *testing.T) {
	enc := makePDF(t, pdfSpec{password: "hemligt", pages: [][]pdfItem{{{"p", []string{"Hemlig text."}}}}})
	good := makePDF(t, pdfSpec{pages: [][]pdfItem{{{"p", []string{"Text."}}}}})
	blank := makePDF(t, pdfSpec{pages: [][]pdfItem{{}}})
	for _, c := range []struct {
		name string
		b    []byte
		want string
		is   error
	}{
		{"encrypted", enc, "x.pdf: PDF is encrypted", nil},
		{"truncated", good[:len(good)/3], "x.pdf: not a readable PDF", nil},
		{"not a PDF", []byte("%PDF-1.4\nnonsense"), "x.pdf: not a readable PDF", nil},
		{"no text", blank, "x.pdf: empty", ErrEmpty},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := PDF("x.pdf", c.b, doc.Meta{}, Options{})
			if err == nil || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("err = %v, want one line starting %q", err, c.want)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("err = %v, want %v", err, c.is)
			}
		})
	}
}

// genrePages makes n pages of report-like Swedish text.
func genrePages(n int) [][]pdfItem {
	regions := []string{"Region Östergötland", "Region Skåne", "Västra Götalandsregionen", "Region Jämtland Härjedalen", "Region Gävleborg"}
	themes := []string{"kompetensförsörjning", "kultur", "folkhälsa", "infrastruktur", "innovation"}
	var pages [][]pdfItem
	for i := range n {
		var page []pdfItem
		if i%10 == 0 {
			page = append(page, pdfItem{"h1", []string{fmt.Sprintf("%d Regional utveckling och %s", i/10+1, themes[i/10%5])}})
		}
		r, th := regions[i%5], themes[i%5]
		page = append(page, pdfItem{"h2", []string{fmt.Sprintf("Satsning på %s (%s)", th, r)}})
		for k := range 6 {
			page = append(page, pdfItem{"p", []string{
				fmt.Sprintf("%s har sedan %d det samlade ansvaret för den regionala utveck-", r, 2015+k),
				"lingen i länet. Arbetet sker i samverkan med kommunerna, länsstyrel-",
				"serna och andra statliga myndigheter samt med näringsliv, akademi och",
				fmt.Sprintf("civilsamhälle. Strategin för %s pekar ut riktningen för", th),
				"kultur- och fritidsfrågor, kompetensförsörjning och infrastruktur.",
			}})
		}
		page = append(page, pdfItem{"li", []string{"• Kompetensplattformar i samtliga län."}})
		pages = append(pages, page)
	}
	return pages
}

// BenchmarkPDF100Pages reads a 100-page report, after timing the engine's
// start (when no test has started it yet).
func BenchmarkPDF100Pages(b *testing.B) {
	pdf := makePDF(b, pdfSpec{title: "Regional utveckling", footer: "Regional utveckling", firstPrinted: 1, pages: genrePages(100)})
	start := time.Now()
	if _, err := pdfEngine(); err != nil {
		b.Fatal(err)
	}
	started := time.Since(start)
	start = time.Now()
	d, err := PDF("bench.pdf", pdf, doc.Meta{}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if len(d.Pages) != 100 || len(d.Examples) != 100 || len(d.Chapters) != 10 {
		b.Fatalf("%d pages, %d examples, %d chapters", len(d.Pages), len(d.Examples), len(d.Chapters))
	}
	b.Logf("engine start %v (0 when a test started it), first read %v, %d passages", started, time.Since(start), len(d.Passages))
	b.ResetTimer()
	for b.Loop() {
		if _, err := PDF("bench.pdf", pdf, doc.Meta{}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The engine is shared: documents read at the same time come out as when
// read one by one.
func TestPDFConcurrent(t *testing.T) {
	b := reportPDF(t)
	one, err := PDF("a.pdf", b, doc.Meta{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			d, err := PDF("a.pdf", b, doc.Meta{}, Options{})
			if err == nil && (len(d.Passages) != len(one.Passages) || d.Passages[1].Text != one.Passages[1].Text) {
				err = fmt.Errorf("got %d passages, want %d", len(d.Passages), len(one.Passages))
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
