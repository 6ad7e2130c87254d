package read

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"kg/ingest/doc"
)

// The layout of PDF pages: lines into paragraphs, headings, list items and
// footnotes, with running headers, footers and page numbers left out.

// pdfLayout holds what is measured over the whole document.
type pdfLayout struct {
	pages    []pdfPage
	body     float64 // the size of body text: the size most characters have
	lead     float64 // baseline distance of body lines within a paragraph
	vocab    map[string]bool
	isRegion func(string) bool
	printed  []int // printed page number by page index (0: unknown)
	notes    [][]pdfNote
}

// pdfNote is a footnote printed at the foot of a page.
type pdfNote struct {
	n     int
	lines []string
}

// pdfBlock is a run of lines that becomes one passage.
type pdfBlock struct {
	page  int // 0-based page index of the first line
	lines []pdfLine
	kind  doc.PassageKind
}

func layoutPDF(d *doc.Doc, pages []pdfPage, isRegion func(string) bool) {
	l := &pdfLayout{pages: pages, isRegion: isRegion}
	l.measure()
	l.measureLead()
	l.stripFurniture()
	l.splitNotes()
	var texts []string
	for _, p := range l.pages {
		for _, ln := range p.lines {
			texts = append(texts, ln.text)
		}
	}
	l.vocab = vocabulary(texts)
	blocks := l.blocks()
	l.classify(blocks)
	l.emit(d, blocks)
	number(d)
}

// measure finds the body text size.
func (l *pdfLayout) measure() {
	weight := map[float64]int{}
	for _, p := range l.pages {
		for _, ln := range p.lines {
			weight[math.Round(ln.size*2)/2] += utf8.RuneCountInString(ln.text)
		}
	}
	best := -1
	for s, w := range weight {
		if w > best || (w == best && s < l.body) {
			l.body, best = s, w
		}
	}
	if l.body == 0 {
		l.body = 10
	}
}

var (
	// Page numbers on their own: "12", "- 12 -", "Sida 12", "12 (40)", "12/40".
	pageNumberRe = regexp.MustCompile(`(?i)^(?:sida\s+|s\.\s*|page\s+)?[-–]?\s*(\d{1,4})\s*[-–]?(?:\s*(?:\(\s*\d{1,4}\s*\)|/\s*\d{1,4}|av\s+\d{1,4}))?$`)
	leadNumberRe = regexp.MustCompile(`^(\d{1,4})\s+(\S.*)$`)
	tailNumberRe = regexp.MustCompile(`^(.*\S)\s+(\d{1,4})$`)
	digitsRe     = regexp.MustCompile(`\d+`)
)

// furnitureKey is a line's text with numbers blanked, so that a running
// footer is the same on every page.
func furnitureKey(t string) string {
	return strings.ToLower(digitsRe.ReplaceAllString(strings.Join(strings.Fields(t), " "), "#"))
}

// marginLines returns the indexes of the lines that may be running
// headers or footers: up to two lines at each end of a page, in the outer
// eighth of the page, no larger than body text and set apart from the
// text next to them by more than a paragraph break or by their size.
func (l *pdfLayout) marginLines(p pdfPage) []int {
	var out []int
	n := len(p.lines)
	apart := func(a, b pdfLine) bool { return a.bottom-b.bottom > 1.6*l.lead || math.Abs(a.size-b.size) > 0.5 }
	small := func(ln pdfLine) bool { return ln.size <= 1.05*l.body }
	for i := 0; i < n && i < 2; i++ {
		ln := p.lines[i]
		if (p.height == 0 || ln.bottom > p.height*7/8) && small(ln) && (i+1 == n || apart(ln, p.lines[i+1])) {
			out = append(out, i)
		}
	}
	for i := n - 1; i >= 0 && i >= n-2; i-- {
		ln := p.lines[i]
		if (p.height == 0 || ln.top < p.height/8) && small(ln) && (i == 0 || apart(p.lines[i-1], ln)) && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// stripFurniture removes running headers and footers — margin lines that
// recur on several pages once numbers are blanked — and page numbers, and
// reads printed page numbers from them.
func (l *pdfLayout) stripFurniture() {
	count := map[string]int{}
	for _, p := range l.pages {
		seen := map[string]bool{}
		for _, i := range l.marginLines(p) {
			k := furnitureKey(p.lines[i].text)
			if !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	anchors := map[int]int{}
	for pi := range l.pages {
		p := &l.pages[pi]
		drop := map[int]bool{}
		for _, i := range l.marginLines(*p) {
			t := p.lines[i].text
			if m := pageNumberRe.FindStringSubmatch(t); m != nil {
				drop[i] = true
				anchors[pi+1], _ = strconv.Atoi(m[1])
				continue
			}
			if count[furnitureKey(t)] < 2 {
				continue
			}
			drop[i] = true
			if m := tailNumberRe.FindStringSubmatch(t); m != nil {
				anchors[pi+1], _ = strconv.Atoi(m[2])
			} else if m := leadNumberRe.FindStringSubmatch(t); m != nil {
				anchors[pi+1], _ = strconv.Atoi(m[1])
			}
		}
		var kept []pdfLine
		for i, ln := range p.lines {
			if !drop[i] {
				kept = append(kept, ln)
			}
		}
		p.lines = kept
	}
	l.printed = inferPrinted(len(l.pages), anchors)
}

var noteStartRe = regexp.MustCompile(`^(\d{1,3})\s*(\S.*)$`)

// splitNotes takes the footnotes off the foot of each page: the trailing
// lines set smaller than body text, the first of them opening with a
// number.
func (l *pdfLayout) splitNotes() {
	l.notes = make([][]pdfNote, len(l.pages))
	for pi := range l.pages {
		p := &l.pages[pi]
		start := len(p.lines)
		for start > 0 && p.lines[start-1].size < 0.9*l.body {
			start--
		}
		for start < len(p.lines) && !noteStartRe.MatchString(p.lines[start].text) {
			start++
		}
		if start == len(p.lines) || start == 0 {
			continue
		}
		var notes []pdfNote
		for _, ln := range p.lines[start:] {
			if m := noteStartRe.FindStringSubmatch(ln.text); m != nil && (len(notes) == 0 || ln.left < p.lines[start].left+ln.size) {
				n, _ := strconv.Atoi(m[1])
				if len(notes) == 0 || n == notes[len(notes)-1].n+1 {
					notes = append(notes, pdfNote{n: n, lines: []string{ln.text}})
					continue
				}
			}
			notes[len(notes)-1].lines = append(notes[len(notes)-1].lines, ln.text)
		}
		l.notes[pi] = notes
		p.lines = p.lines[:start]
	}
}

// measureLead finds the usual baseline distance between body lines.
func (l *pdfLayout) measureLead() {
	var d []float64
	for _, p := range l.pages {
		for i := 1; i < len(p.lines); i++ {
			a, b := p.lines[i-1], p.lines[i]
			if math.Abs(a.size-l.body) < 0.5 && math.Abs(b.size-l.body) < 0.5 {
				if x := a.bottom - b.bottom; x > 0 && x < 3*l.body {
					d = append(d, x)
				}
			}
		}
	}
	l.lead = 1.2 * l.body
	if len(d) > 0 {
		slices.Sort(d)
		l.lead = d[len(d)/2]
	}
}

// columnRight is the right edge of a page's text column.
func columnRight(p pdfPage) float64 {
	var r []float64
	for _, ln := range p.lines {
		r = append(r, ln.right)
	}
	if len(r) == 0 {
		return 0
	}
	slices.Sort(r)
	return r[len(r)*9/10]
}

// breaks reports whether line b starts a new block after line a on the
// same page.
func (l *pdfLayout) breaks(a, b pdfLine, right float64) bool {
	if math.Abs(a.size-b.size) > 0.5 || a.bold != b.bold || isBullet(b.text) {
		return true
	}
	lead := l.lead * b.size / l.body
	if a.bottom-b.bottom > 1.3*lead {
		return true
	}
	ends := endsSentenceText(a.text)
	if ends && a.right < right-2*b.size && !startsLower(b.text) {
		return true // a short last line closes a paragraph
	}
	return ends && b.left > a.left+1.5*b.size // an indented first line opens one
}

func endsSentenceText(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".:;!?”\"…", r)
}

// blocks groups the body lines of all pages into blocks. A paragraph that
// does not end on its page goes on with the next page's first line when
// that starts in lower case.
func (l *pdfLayout) blocks() []*pdfBlock {
	var out []*pdfBlock
	var cur *pdfBlock
	for pi, p := range l.pages {
		right := columnRight(p)
		for i, ln := range p.lines {
			switch {
			case cur == nil:
			case i == 0:
				last := cur.lines[len(cur.lines)-1]
				if !endsSentenceText(last.text) && startsLower(ln.text) && math.Abs(last.size-ln.size) < 0.5 && !isBullet(cur.lines[0].text) {
					cur.lines = append(cur.lines, ln)
					continue
				}
			case !l.breaks(p.lines[i-1], ln, right):
				cur.lines = append(cur.lines, ln)
				continue
			}
			cur = &pdfBlock{page: pi, lines: []pdfLine{ln}}
			out = append(out, cur)
		}
	}
	return out
}

// classify tells headings, list items and paragraphs apart.
func (l *pdfLayout) classify(bs []*pdfBlock) {
	sizes := map[float64]bool{}
	big := func(b *pdfBlock) bool { return b.lines[0].size >= 1.15*l.body && len(b.lines) <= 3 }
	for _, b := range bs {
		if big(b) {
			sizes[math.Round(b.lines[0].size*2)/2] = true
		}
	}
	var top float64
	for s := range sizes {
		top = max(top, s)
	}
	for i, b := range bs {
		t := b.lines[0].text
		next := (*pdfBlock)(nil)
		if i+1 < len(bs) {
			next = bs[i+1]
		}
		text := joinWrapped(lineTexts(b.lines), l.vocab, true)
		switch {
		case isBullet(t):
			b.kind = doc.ListItem
		case big(b) && !endsSentenceText(text):
			b.kind = doc.SectionHeading
			s := math.Round(b.lines[0].size*2) / 2
			if s == top && (len(sizes) > 1 || s >= 1.4*l.body) {
				b.kind = doc.ChapterHeading
			}
		case next != nil && len(b.lines) <= 2 && b.lines[0].bold && !endsClause(text) && startsUpper(text):
			b.kind = doc.SectionHeading
		case next != nil && len(b.lines) == 1 && !endsClause(text) && startsUpper(text) && !next.lines[0].bold &&
			utf8.RuneCountInString(text) <= maxHeading && len(next.lines) > 1 && !isBullet(next.lines[0].text):
			b.kind = doc.SectionHeading
		default:
			b.kind = doc.Paragraph
		}
		if b.kind == doc.SectionHeading && ChapterTitle(text) {
			b.kind = doc.ChapterHeading
		}
	}
}

func lineTexts(ls []pdfLine) []string {
	out := make([]string, len(ls))
	for i, ln := range ls {
		out[i] = ln.text
	}
	return out
}

// emit adds the blocks as passages, then each page's footnotes.
func (l *pdfLayout) emit(d *doc.Doc, bs []*pdfBlock) {
	for pi := range l.pages {
		d.Pages = append(d.Pages, doc.Page{Index: pi + 1, Printed: l.printed[pi+1], Footnotes: len(l.notes[pi]) > 0})
	}
	a := newAssembler(d)
	anchor := map[int]int{}
	for _, b := range bs {
		p := doc.Passage{Kind: b.kind, Page: b.page + 1, Printed: l.printed[b.page+1],
			Text: joinWrapped(lineTexts(b.lines), l.vocab, true)}
		for _, ln := range b.lines {
			p.Footnotes = append(p.Footnotes, ln.markers...)
		}
		var idx int
		if b.kind.Heading() {
			idx = a.heading(p, l.isRegion)
		} else {
			idx = a.add(p, "", nil)
		}
		for _, n := range p.Footnotes {
			anchor[n] = idx
		}
	}
	for pi, notes := range l.notes {
		for _, n := range notes {
			l.emitNote(d, pi, n, anchor)
		}
	}
}

func (l *pdfLayout) emitNote(d *doc.Doc, pi int, n pdfNote, anchor map[int]int) {
	title, url := splitNote(n.n, n.lines)
	text := strings.TrimSpace(strings.TrimPrefix(joinWrapped(n.lines, l.vocab, true), strconv.Itoa(n.n)))
	p := doc.Passage{Kind: doc.FootnoteText, Page: pi + 1, Printed: l.printed[pi+1], Text: text,
		Chapter: -1, Section: -1, Example: -1, List: -1, Footnote: n.n}
	a, ok := anchor[n.n]
	if ok {
		p.Chapter, p.Section, p.Example = d.Passages[a].Chapter, d.Passages[a].Section, d.Passages[a].Example
	} else {
		a = -1
	}
	p.Links = bareLinks(p.Text)
	d.Footnotes = append(d.Footnotes, doc.Footnote{N: n.n, Title: title, URL: url, Passage: len(d.Passages), Anchor: a})
	d.Passages = append(d.Passages, p)
}
