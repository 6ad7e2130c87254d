package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	pdferr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"kg/ingest/doc"
)

// PDF reads a PDF document: the text of each page as PDFium lays it out,
// wrapped lines joined into paragraphs (words broken by hyphenation made
// whole), running headers and footers and printed page numbers taken out,
// headings told by their size, weight and shape, footnotes at the foot of
// a page with their markers in the text. Meta comes from the document's
// Info (Title, Author as publisher, CreationDate) and catalog language.
func PDF(name string, b []byte, meta doc.Meta, opt Options) (*doc.Doc, error) {
	pages, info, err := extractPDF(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	fill(&meta, info)
	finishMeta(&meta, name, "pdf")
	d := &doc.Doc{Meta: meta}
	layoutPDF(d, pages, opt.isRegion())
	if len(d.Passages) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	return d, nil
}

// The PDF engine is PDFium compiled to WebAssembly, run by wazero: pure Go,
// no cgo. Compiling the module takes a second or two, so one instance is
// made on first use and kept for the life of the process; engine.mu lets
// one document at a time use it.
var engine struct {
	once sync.Once
	mu   sync.Mutex
	pool pdfium.Pool
	inst pdfium.Pdfium
	err  error
}

// CacheEnv names an environment variable that may name a directory where
// the compiled PDF engine is kept between runs (startup then drops from
// seconds to a tenth of one). Unset, nothing is written.
const CacheEnv = "KG_PDF_CACHE"

func pdfEngine() (pdfium.Pdfium, error) {
	engine.once.Do(func() {
		cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if dir := os.Getenv(CacheEnv); dir != "" {
			if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
				cfg = cfg.WithCompilationCache(cache)
			}
		}
		ctx := experimental.WithCompilationWorkers(context.Background(), runtime.GOMAXPROCS(0))
		engine.pool, engine.err = webassembly.Init(webassembly.Config{
			Context: ctx, MinIdle: 1, MaxIdle: 1, MaxTotal: 1, ReuseWorkers: true,
			RuntimeConfig: cfg,
			FSConfig:      wazero.NewFSConfig(), // the engine sees no files: documents come as bytes
			Stdout:        io.Discard, Stderr: io.Discard,
		})
		if engine.err != nil {
			engine.err = fmt.Errorf("starting the PDF engine: %w", engine.err)
			return
		}
		engine.inst, engine.err = engine.pool.GetInstance(time.Minute)
		if engine.err != nil {
			engine.err = fmt.Errorf("starting the PDF engine: %w", engine.err)
		}
	})
	return engine.inst, engine.err
}

// pdfRun is what the layout needs of a run of text: its box in points
// (origin at the bottom left), size and weight.
type pdfRun struct {
	text                     string
	left, right, top, bottom float64
	size                     float64
	bold                     bool
}

// pdfLine is a line of a page, runs on one baseline joined.
type pdfLine struct {
	text                     string
	left, right, top, bottom float64
	size                     float64
	bold                     bool
	markers                  []int // footnote markers set as superscripts
}

// pdfPage is one page's lines, top to bottom.
type pdfPage struct {
	width, height float64
	lines         []pdfLine
}

// extractPDF opens a document and returns its pages' lines and what its
// Info says of it.
func extractPDF(b []byte) ([]pdfPage, doc.Meta, error) {
	inst, err := pdfEngine()
	if err != nil {
		return nil, doc.Meta{}, err
	}
	engine.mu.Lock()
	defer engine.mu.Unlock()
	od, err := inst.OpenDocument(&requests.OpenDocument{File: &b})
	if err != nil {
		return nil, doc.Meta{}, openError(err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	info := pdfInfo(inst, od.Document)
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, info, fmt.Errorf("reading PDF: %w", err)
	}
	pages := make([]pdfPage, pc.PageCount)
	for i := range pages {
		page := requests.Page{ByIndex: &requests.PageByIndex{Document: od.Document, Index: i}}
		size, err := inst.GetPageSize(&requests.GetPageSize{Page: page})
		if err != nil {
			return nil, info, fmt.Errorf("page %d: %w", i+1, err)
		}
		st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: page,
			Mode: requests.GetPageTextStructuredModeRects, CollectFontInformation: true})
		if err != nil {
			return nil, info, fmt.Errorf("page %d: %w", i+1, err)
		}
		pages[i] = pdfPage{width: size.Width, height: size.Height, lines: pageLines(st.Rects)}
	}
	return pages, info, nil
}

// openError says in one line why a document cannot be opened.
func openError(err error) error {
	switch {
	case errors.Is(err, pdferr.ErrPassword):
		return errors.New("PDF is encrypted: it needs a password")
	case errors.Is(err, pdferr.ErrSecurity):
		return errors.New("PDF is encrypted with an unsupported security handler")
	case errors.Is(err, pdferr.ErrFormat):
		return errors.New("not a readable PDF (corrupt or truncated)")
	}
	return fmt.Errorf("opening PDF: %w", err)
}

var (
	pdfDateRe = regexp.MustCompile(`^(?:D:)?(\d{4})(\d{2})?(\d{2})?`)
	// Titles that only repeat the name of the file a PDF was made from.
	fileTitleRe = regexp.MustCompile(`(?i)^(?:microsoft\s+\w+\s+-\s+.*|.*\.(?:docx?|pptx?|xlsx?|indd|pdf|odt|rtf|txt))$|^untitled$|^namnlös`)
)

// pdfInfo reads the Info dictionary and the catalog's language. A title
// that only names the file the PDF was made from is no title.
func pdfInfo(inst pdfium.Pdfium, d references.FPDF_DOCUMENT) doc.Meta {
	var m doc.Meta
	if md, err := inst.GetMetaData(&requests.GetMetaData{Document: d}); err == nil {
		for _, t := range md.Tags {
			v := strings.TrimSpace(t.Value)
			switch t.Tag {
			case "Title":
				if !fileTitleRe.MatchString(v) {
					m.Title = v
				}
			case "Author":
				m.Publisher = v
			case "CreationDate":
				m.Issued = pdfDate(v)
			}
		}
	}
	if l, err := inst.FPDFCatalog_GetLanguage(&requests.FPDFCatalog_GetLanguage{Document: d}); err == nil {
		m.Language = strings.TrimSpace(l.Language)
	}
	return m
}

// pdfDate turns a PDF date ("D:20230115…") into YYYY, YYYY-MM or YYYY-MM-DD.
func pdfDate(s string) string {
	m := pdfDateRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	out := m[1]
	if m[2] != "" {
		out += "-" + m[2]
		if m[3] != "" {
			out += "-" + m[3]
		}
	}
	return out
}

// pageLines groups a page's runs into lines: runs whose boxes share most of
// their height stand on one line. Superscript digits after a word become
// the line's footnote markers.
func pageLines(rects []*responses.GetPageTextStructuredRect) []pdfLine {
	var runs []pdfRun
	for _, r := range rects {
		text := pdfText(r.Text)
		if strings.TrimSpace(text) == "" {
			continue
		}
		run := pdfRun{text: text, left: r.PointPosition.Left, right: r.PointPosition.Right,
			top: r.PointPosition.Top, bottom: r.PointPosition.Bottom}
		if run.top < run.bottom {
			run.top, run.bottom = run.bottom, run.top
		}
		run.size = run.top - run.bottom
		if f := r.FontInformation; f != nil {
			if f.RenderedSize > 0 {
				run.size = f.RenderedSize
			} else if f.Size > 0 {
				run.size = f.Size
			}
			name := strings.ToLower(f.Name)
			run.bold = f.Weight >= 600 || strings.Contains(name, "bold") || strings.Contains(name, "black") || strings.Contains(name, "heavy")
		}
		runs = append(runs, run)
	}
	slices.SortStableFunc(runs, func(a, b pdfRun) int {
		switch {
		case a.top > b.top:
			return -1
		case a.top < b.top:
			return 1
		}
		return 0
	})
	var groups [][]pdfRun
	for _, r := range runs {
		placed := false
		for gi := len(groups) - 1; gi >= 0 && gi >= len(groups)-3; gi-- {
			if sameLine(groups[gi], r) {
				groups[gi] = append(groups[gi], r)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []pdfRun{r})
		}
	}
	lines := make([]pdfLine, 0, len(groups))
	for _, g := range groups {
		lines = append(lines, makeLine(g))
	}
	slices.SortStableFunc(lines, func(a, b pdfLine) int {
		switch {
		case a.top > b.top:
			return -1
		case a.top < b.top:
			return 1
		}
		return 0
	})
	return lines
}

// sameLine reports whether run r overlaps the line's vertical band by at
// least half the smaller height.
func sameLine(g []pdfRun, r pdfRun) bool {
	top, bottom := g[0].top, g[0].bottom
	for _, x := range g[1:] {
		top, bottom = max(top, x.top), min(bottom, x.bottom)
	}
	overlap := min(top, r.top) - max(bottom, r.bottom)
	return overlap > 0.5*min(top-bottom, r.top-r.bottom)
}

var markerRe = regexp.MustCompile(`^\d{1,3}(?:\s*,\s*\d{1,3})*$`)

// makeLine joins a line's runs left to right. A run of digits set smaller
// and higher than the line's text, right after a word, is a footnote
// marker and leaves the text.
func makeLine(g []pdfRun) pdfLine {
	slices.SortFunc(g, func(a, b pdfRun) int {
		switch {
		case a.left < b.left:
			return -1
		case a.left > b.left:
			return 1
		}
		return 0
	})
	weight := map[float64]int{}
	for _, r := range g {
		weight[r.size] += len(r.text)
	}
	size, best := 0.0, -1
	for s, w := range weight {
		if w > best || (w == best && s > size) {
			size, best = s, w
		}
	}
	l := pdfLine{size: size, left: g[0].left, right: g[0].right, top: g[0].top, bottom: g[0].bottom}
	var b strings.Builder
	boldChars, chars := 0, 0
	var prev *pdfRun
	for i := range g {
		r := &g[i]
		t := strings.TrimSpace(r.text)
		if prev != nil && r.size < 0.8*size && r.bottom > l.bottom+0.15*size && markerRe.MatchString(t) && endsWordOrPunct(b.String()) {
			for _, n := range strings.Split(t, ",") {
				k, _ := strconv.Atoi(strings.TrimSpace(n))
				l.markers = append(l.markers, k)
			}
			prev = r
			continue
		}
		if prev != nil && b.Len() > 0 && (r.left-prev.right > 0.15*size || strings.HasSuffix(prev.text, " ") || strings.HasPrefix(r.text, " ")) {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		if r.size >= 0.8*size {
			l.top, l.bottom = max(l.top, r.top), min(l.bottom, r.bottom)
		}
		l.left, l.right = min(l.left, r.left), max(l.right, r.right)
		chars += len(t)
		if r.bold {
			boldChars += len(t)
		}
		prev = r
	}
	l.text = strings.Join(strings.Fields(b.String()), " ")
	l.bold = chars > 0 && 2*boldChars > chars
	return l
}

func endsWordOrPunct(s string) bool {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return false
	}
	r := []rune(s)
	last := r[len(r)-1]
	return unicode.IsLetter(last) || strings.ContainsRune(".,;:)”\"!?", last)
}

// pdfText cleans a run's text: PDFium marks a hyphen that breaks a word at
// the end of a line with U+0002; other control characters are dropped.
func pdfText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == 2:
			return '-'
		case r == '\t' || r == '\r' || r == '\n':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}
