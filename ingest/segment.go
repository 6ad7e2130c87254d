package ingest

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors callers can branch on.
var (
	ErrNoReports = errors.New("no report texts")
	ErrEmpty     = errors.New("empty report")
	ErrEncoding  = errors.New("not UTF-8")
)

// PassageKind tells what a passage is.
type PassageKind uint8

// Passage kinds.
const (
	Paragraph PassageKind = iota
	ChapterHeading
	SectionHeading
	ExampleHeading
	ListItem
	FootnoteText
)

var kindNames = [...]string{"paragraph", "chapter heading", "section heading", "example heading", "list item", "footnote"}

func (k PassageKind) String() string { return kindNames[k] }

// Passage is the unit of provenance: a paragraph, heading, list item or
// footnote, with the page it starts on and its verbatim text (lines joined,
// running footers and footnote markers taken out).
type Passage struct {
	ID        string // "{pdfpage}-{n}": n counts passages within the PDF page
	Kind      PassageKind
	PDFPage   int // 1-based page index in the text
	N         int
	Printed   int // printed page number, 0 when unknown
	Line      int // first source line
	Chapter   int // index into Document.Chapters, -1 before the first chapter
	Section   int // index into Document.Sections, -1 when none
	Example   int // index into Document.Examples, -1 when none
	List      int // list number for list items, -1 otherwise
	Text      string
	Footnotes []int // numbers of the footnotes whose markers stand in this passage
	Footnote  int   // for FootnoteText: the footnote's number
}

// Page is one page of the text: pages start at lines that begin with a space.
type Page struct {
	Index     int  // 1-based
	Line      int  // source line of the page start
	Printed   int  // printed page number at the top of the page, 0 when unknown
	Footnotes bool // the page holds footnote text
}

// Chapter is a chapter of the report.
type Chapter struct {
	N       int // 1-based
	Title   string
	Heading int // passage index of the heading
}

// Section is a titled part of a chapter.
type Section struct {
	Title   string
	Heading int
	Chapter int
}

// Example is a worked example: a heading such as "Title (Region X och
// Region Y)" and the passages under it.
type Example struct {
	Title    string   // heading without the parenthesised region list
	Regions  []string // names in the parentheses, as printed
	Heading  int      // passage index of the heading
	Passages []int    // passages under the heading
	Chapter  int
	Section  int
	Slug     string
}

// Footnote is a numbered footnote with the URL it cites.
type Footnote struct {
	N       int
	Title   string
	URL     string // the link target, "" when the footnote has none
	Passage int    // the footnote's own passage
	Anchor  int    // passage carrying the marker, -1 when no marker was found
}

// Document is a segmented report.
type Document struct {
	Name      string
	Pages     []Page
	Passages  []Passage
	Chapters  []Chapter
	Sections  []Section
	Examples  []Example
	Footnotes []Footnote
}

// Layout tells the segmenter what it cannot know from the text's shape.
type Layout struct {
	Title         string            // report title: running footers repeat it
	IsRegion      func(string) bool // whether a name in a heading's parentheses names a region
	ChapterTitle  func(string) bool // one-line headings that open a chapter (front and back matter)
	MultiExamples func(string) bool // titles that introduce several examples
}

// CheckUTF8 returns an ErrEncoding error naming name:line:col of the first
// byte that is not UTF-8 (col counts bytes, 1-based).
func CheckUTF8(name string, b []byte) error {
	if utf8.Valid(b) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Errorf("%s:%d:%d: %w: byte 0x%02x", name, line, col, ErrEncoding, b[i])
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		i += size
	}
	return nil
}

// srcLine is a non-blank line of the text.
type srcLine struct {
	no        int    // 1-based line number
	page      int    // 1-based page index
	pageStart bool   // the line opens a page
	raw       string // without the page-start space and trailing CR
	text      string // trimmed, footnote marker removed
	hyphen    bool   // ends in a hyphen that joins a word broken across lines
	phys      int    // physical page (see printed numbers)
	marker    []int  // footnote numbers whose markers stood on this line
}

var (
	footerRe     = regexp.MustCompile(`^(.*\S)\s{2,}(\d{1,4})$`)
	fnEntryRe    = regexp.MustCompile(`^(\d{1,3})\s+(\S.*)$`)
	cleanURLRe   = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
	bulletRe     = regexp.MustCompile(`^(?:[•▪◦●·]\s*|\d{1,2}\.\s+)`)
	exampleTitle = regexp.MustCompile(`^(.*\S)\s*\(([^()]+)\)$`)
	listSplit    = regexp.MustCompile(`\s*,\s*|\s+och\s+|\s+samt\s+|\s+&\s+`)
)

// Segment splits a report text into pages, chapters, sections, worked
// examples, passages and footnotes.
func Segment(name string, text []byte, lay Layout) (*Document, error) {
	if err := CheckUTF8(name, text); err != nil {
		return nil, err
	}
	if strings.TrimSpace(string(text)) == "" {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if lay.IsRegion == nil {
		lay.IsRegion = func(string) bool { return false }
	}
	if lay.ChapterTitle == nil {
		lay.ChapterTitle = func(string) bool { return false }
	}
	if lay.MultiExamples == nil {
		lay.MultiExamples = func(string) bool { return false }
	}
	s := &segmenter{name: name, lay: lay, doc: &Document{Name: name}}
	s.readLines(string(text))
	s.findFooters()
	s.splitFootnotes()
	s.findMarkers()
	s.physicalPages()
	s.makeBlocks()
	s.finish()
	if len(s.doc.Passages) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	return s.doc, nil
}

type fnEntry struct {
	n     int
	lines []*srcLine
}

type fnBlock struct {
	entries []*fnEntry
	clean   []string // the unbroken link targets listed after the entries
	before  int      // number of body lines that precede the block
	lines   []*srcLine
}

type segmenter struct {
	name   string
	lay    Layout
	doc    *Document
	all    []*srcLine
	body   []*srcLine
	footer map[*srcLine]int // running footer lines → printed page number
	blocks []*fnBlock
	width  float64
	vocab  map[string]bool
	// printed page numbers by physical page
	printed []int
	// physical page openers: body index of the first line of each physical page
	physStart map[int]bool
}

func (s *segmenter) readLines(text string) {
	page := 0
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, "\r")
		start := strings.HasPrefix(l, " ")
		if start {
			page++
			s.doc.Pages = append(s.doc.Pages, Page{Index: page, Line: i + 1})
		}
		if strings.TrimSpace(l) == "" && !start {
			continue
		}
		if page == 0 { // text before the first page marker is page 1
			page = 1
			s.doc.Pages = append(s.doc.Pages, Page{Index: 1, Line: i + 1})
		}
		raw := l
		if start {
			raw = l[1:]
		}
		s.all = append(s.all, &srcLine{no: i + 1, page: page, pageStart: start, raw: raw, text: strings.TrimSpace(raw)})
	}
	// Body line width: the 90th percentile of line lengths, URLs left out.
	var lens []int
	s.vocab = map[string]bool{}
	for _, l := range s.all {
		if l.text != "" && !strings.Contains(l.text, "://") {
			lens = append(lens, utf8.RuneCountInString(l.text))
		}
		for _, w := range strings.FieldsFunc(l.text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			s.vocab[strings.ToLower(w)] = true
		}
	}
	slices.Sort(lens)
	s.width = 80
	if len(lens) > 0 {
		s.width = float64(lens[len(lens)*9/10])
	}
}

// findFooters marks running footers: "Title  12" lines whose text is the
// report title or recurs on several pages.
func (s *segmenter) findFooters() {
	s.footer = map[*srcLine]int{}
	count := map[string]int{}
	for _, l := range s.all {
		if m := footerRe.FindStringSubmatch(strings.TrimRight(l.raw, " \t")); m != nil {
			count[m[1]]++
		}
	}
	for _, l := range s.all {
		m := footerRe.FindStringSubmatch(strings.TrimRight(l.raw, " \t"))
		if m == nil {
			continue
		}
		if count[m[1]] >= 2 || (s.lay.Title != "" && strings.EqualFold(m[1], s.lay.Title)) {
			n, _ := strconv.Atoi(m[2])
			s.footer[l] = n
		}
	}
}

// splitFootnotes separates footnote text from body text. A footnote area
// starts at a blank page-start line followed by the next footnote number; it
// ends at a running footer or at body text after the list of link targets.
func (s *segmenter) splitFootnotes() {
	next := 1
	var blk *fnBlock
	var cur *fnEntry
	inClean := false
	for i, l := range s.all {
		if _, ok := s.footer[l]; ok {
			blk, cur, inClean = nil, nil, false
			s.body = append(s.body, l) // kept in the body stream as a page break
			continue
		}
		if l.pageStart {
			blk, cur, inClean = nil, nil, false
			if l.text == "" && i+1 < len(s.all) && !s.all[i+1].pageStart {
				if m := fnEntryRe.FindStringSubmatch(s.all[i+1].text); m != nil {
					if n, _ := strconv.Atoi(m[1]); n == next || n == 1 {
						blk = &fnBlock{before: s.bodyCount()}
						s.blocks = append(s.blocks, blk)
						s.doc.Pages[l.page-1].Footnotes = true
					}
				}
			}
			if l.text == "" {
				continue
			}
		}
		if blk == nil {
			s.body = append(s.body, l)
			continue
		}
		blk.lines = append(blk.lines, l)
		if inClean {
			if cleanURLRe.MatchString(l.text) {
				blk.clean = append(blk.clean, l.text)
				continue
			}
			blk, cur, inClean = nil, nil, false
			s.body = append(s.body, l)
			continue
		}
		if m := fnEntryRe.FindStringSubmatch(l.text); m != nil {
			if n, _ := strconv.Atoi(m[1]); n == next || (cur == nil && n == 1) {
				cur = &fnEntry{n: n, lines: []*srcLine{l}}
				blk.entries = append(blk.entries, cur)
				next = n + 1
				continue
			}
		}
		if strings.HasPrefix(l.text, "http") && cleanURLRe.MatchString(l.text) && (cur == nil || balanced(cur)) {
			inClean = true
			blk.clean = append(blk.clean, l.text)
			continue
		}
		if cur != nil {
			cur.lines = append(cur.lines, l)
		}
	}
}

func (s *segmenter) bodyCount() int { return len(s.body) }

// balanced reports whether an entry's parentheses are closed.
func balanced(e *fnEntry) bool {
	open := 0
	for _, l := range e.lines {
		open += strings.Count(l.text, "(") - strings.Count(l.text, ")")
	}
	return open <= 0
}

// findMarkers finds each footnote's marker in the body text printed before
// its footnote area and removes it from the line.
func (s *segmenter) findMarkers() {
	from := 0
	for _, b := range s.blocks {
		lo := from
		for _, e := range b.entries {
			for i := lo; i < b.before; i++ {
				if s.takeMarker(s.body[i], e.n, true) {
					lo = i
					goto found
				}
			}
			for i := lo; i < b.before; i++ {
				if s.takeMarker(s.body[i], e.n, false) {
					lo = i
					goto found
				}
			}
		found:
		}
		from = b.before
	}
}

// takeMarker removes footnote marker n from l: at the end of the line when
// atEnd, else anywhere before a space.
func (s *segmenter) takeMarker(l *srcLine, n int, atEnd bool) bool {
	if _, f := s.footer[l]; f {
		return false
	}
	num := strconv.Itoa(n)
	t := l.text
	idx := -1
	if atEnd {
		if strings.HasSuffix(t, num) {
			idx = len(t) - len(num)
		}
	} else {
		for off := 0; ; {
			j := strings.Index(t[off:], num+" ")
			if j < 0 {
				break
			}
			if okMarkerContext(t, off+j, len(num)) {
				idx = off + j
				break
			}
			off += j + 1
		}
	}
	if idx <= 0 || !okMarkerContext(t, idx, len(num)) {
		return false
	}
	l.text = strings.TrimRight(t[:idx], " ") + t[idx+len(num):]
	l.text = strings.TrimSpace(l.text)
	l.marker = append(l.marker, n)
	return true
}

// okMarkerContext reports whether the digits at t[i:i+n] can be a footnote
// marker: glued to a word or to closing punctuation, or after ". ".
func okMarkerContext(t string, i, n int) bool {
	if i+n < len(t) && t[i+n] != ' ' {
		return false
	}
	r, size := utf8.DecodeLastRuneInString(t[:i])
	switch {
	case unicode.IsLetter(r):
		return true
	case strings.ContainsRune(".,;:)”\"!?", r):
		// "1.1" is a number, not a marker; "2022.28" is a year and marker 28.
		before := t[:i-size]
		digits := len(before) - len(strings.TrimRightFunc(before, unicode.IsDigit))
		return digits == 0 || digits >= 3
	case r == ' ':
		p, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t[:i], " "))
		return p == '.'
	}
	return false
}

// physicalPages groups body lines into printed pages. A page-start line opens
// a new printed page unless the previous text page carried footnote markers
// but no footnote area of its own (its footnotes are printed after the next
// one, so both are one printed page); a running footer closes a printed page.
// Printed numbers come from the footers and are carried to the other pages
// where neighbouring footers agree with the page count between them.
func (s *segmenter) physicalPages() {
	s.physStart = map[int]bool{}
	phys := 0
	anchors := map[int]int{}
	prevPageMarkers := false
	lastPage := 0
	closed := true // the previous physical page was closed by a footer
	blockAt := map[int]bool{}
	for _, b := range s.blocks {
		blockAt[b.before] = true
	}
	for i, l := range s.body {
		if n, ok := s.footer[l]; ok {
			anchors[phys] = n
			closed = true
			continue
		}
		if blockAt[i] {
			prevPageMarkers = false
		}
		newPage := l.page != lastPage
		if closed || (newPage && !prevPageMarkers) {
			phys++
			s.physStart[i] = true
			closed = false
			prevPageMarkers = false
		}
		if newPage {
			lastPage = l.page
		}
		if len(l.marker) > 0 {
			prevPageMarkers = true
		}
		l.phys = phys
	}
	// Footnote lines belong to the physical page of the body before them.
	for _, b := range s.blocks {
		p := 0
		for i := b.before - 1; i >= 0; i-- {
			if _, f := s.footer[s.body[i]]; !f {
				p = s.body[i].phys
				break
			}
		}
		for _, l := range b.lines {
			l.phys = p
		}
	}
	s.printed = inferPrinted(phys, anchors)
	for i := range s.doc.Pages {
		s.doc.Pages[i].Printed = 0
	}
	seen := map[int]bool{}
	for _, l := range s.all {
		if !seen[l.page] && l.phys > 0 {
			seen[l.page] = true
			s.doc.Pages[l.page-1].Printed = s.printed[l.phys]
		}
	}
}

// inferPrinted numbers physical pages 1..n from anchors (physical page →
// printed number). Between two anchors numbers are filled in only when the
// page count agrees; before the first and after the last anchor they are
// counted on from it.
func inferPrinted(n int, anchors map[int]int) []int {
	out := make([]int, n+1)
	var keys []int
	for k := range anchors {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		out[k] = anchors[k]
	}
	if len(keys) == 0 {
		return out
	}
	for p := keys[0] - 1; p >= 1; p-- {
		if v := anchors[keys[0]] - (keys[0] - p); v >= 1 {
			out[p] = v
		}
	}
	for i := 0; i+1 < len(keys); i++ {
		a, b := keys[i], keys[i+1]
		if anchors[b]-anchors[a] == b-a {
			for p := a + 1; p < b; p++ {
				out[p] = anchors[a] + (p - a)
			}
		}
	}
	last := keys[len(keys)-1]
	for p := last + 1; p <= n; p++ {
		out[p] = anchors[last] + (p - last)
	}
	return out
}

// Line classification helpers.

func (s *segmenter) runeLen(t string) float64 { return float64(utf8.RuneCountInString(t)) }

func endsSentence(l *srcLine) bool {
	if len(l.marker) > 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(l.text)
	return strings.ContainsRune(".:;!?”\"…", r)
}

func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '”' || r == '"'
}

// startsName reports whether t starts with a word that has a capital or a
// digit in it ("Region", "eHealth", "100-till-100").
func startsName(t string) bool {
	w := t
	if i := strings.IndexByte(t, ' '); i >= 0 {
		w = t[:i]
	}
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) >= 0
}

// continuesHeading reports whether heading line next continues line prev
// rather than starting a heading of its own: prev leaves a parenthesis open
// or ends in a short lower-case word (a preposition or conjunction), next
// starts in lower case or with "(", or a capitalised name runs over the
// break ("Norra / Mellansverige").
func continuesHeading(prev, next string) bool {
	if strings.Count(prev, "(") > strings.Count(prev, ")") {
		return true
	}
	if startsLower(next) || strings.HasPrefix(next, "(") {
		return true
	}
	f := strings.Fields(prev)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if utf8.RuneCountInString(last) <= 3 && strings.ToLower(last) == last {
		return true
	}
	return startsUpper(last) && startsUpper(next)
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

func isBullet(t string) bool { return bulletRe.MatchString(t) }

// bodyAt returns the i-th body line that is not a footer, skipping footers,
// and its index; nil past the end.
func (s *segmenter) bodyAt(i int) (*srcLine, int) {
	for ; i < len(s.body); i++ {
		if _, f := s.footer[s.body[i]]; !f {
			return s.body[i], i
		}
	}
	return nil, len(s.body)
}

// take returns up to k body lines from i, skipping footers, with the index
// after the last one.
func (s *segmenter) take(i, k int) ([]*srcLine, []int) {
	var out []*srcLine
	var idx []int
	for len(out) < k {
		l, j := s.bodyAt(i)
		if l == nil {
			break
		}
		out = append(out, l)
		idx = append(idx, j)
		i = j + 1
	}
	return out, idx
}

// chapterAt reports how many lines of a chapter heading start at body index
// i: only at the top of a printed page, short lines without closing
// punctuation, at least two of them or a known one-line chapter title.
func (s *segmenter) chapterAt(i int) int {
	l, j := s.bodyAt(i)
	if l == nil || !s.physStart[j] || !startsUpper(l.text) {
		return 0
	}
	ls, _ := s.take(j, 7)
	k := 0
	for _, x := range ls {
		if s.runeLen(x.text) >= 0.6*s.width || endsSentence(x) || isBullet(x.text) || x.phys != l.phys || strings.HasSuffix(x.text, ")") {
			break
		}
		k++
	}
	if k == len(ls) || k > 6 { // a heading is followed by text
		return 0
	}
	if k >= 2 {
		return k
	}
	if k == 1 && s.lay.ChapterTitle(l.text) {
		return 1
	}
	return 0
}

// exampleAt reports how many lines of a worked-example heading start at i and
// its title and region names.
func (s *segmenter) exampleAt(i int) (int, string, []string) {
	ls, _ := s.take(i, 4)
	if len(ls) == 0 || !startsName(ls[0].text) || isBullet(ls[0].text) {
		return 0, "", nil
	}
	var parts []string
	for k, l := range ls {
		if len(l.marker) > 0 {
			return 0, "", nil
		}
		if k > 0 && !continuesHeading(ls[k-1].text, l.text) {
			return 0, "", nil
		}
		parts = append(parts, l.text)
		if strings.HasSuffix(l.text, ")") {
			joined := strings.Join(parts, " ")
			m := exampleTitle.FindStringSubmatch(joined)
			if m == nil {
				return 0, "", nil
			}
			title := strings.TrimSpace(m[1])
			if r, _ := utf8.DecodeLastRuneInString(title); strings.ContainsRune(".:;!?", r) {
				return 0, "", nil
			}
			var regions []string
			for _, n := range listSplit.Split(m[2], -1) {
				n = strings.TrimSpace(n)
				if n == "" {
					continue
				}
				if !s.lay.IsRegion(n) {
					return 0, "", nil
				}
				regions = append(regions, n)
			}
			if len(regions) == 0 {
				return 0, "", nil
			}
			return k + 1, title, regions
		}
		if endsSentence(l) {
			return 0, "", nil
		}
	}
	return 0, "", nil
}

// sectionAt reports how many lines of a section heading start at i: one to
// three lines without closing punctuation, the first shorter than a full
// line, followed by the start of a new block.
func (s *segmenter) sectionAt(i int) int {
	ls, _ := s.take(i, 4)
	if len(ls) < 2 || !startsUpper(ls[0].text) || isBullet(ls[0].text) || s.runeLen(ls[0].text) >= 0.75*s.width {
		return 0
	}
	for k := 1; k <= 3 && k < len(ls); k++ {
		l := ls[k-1]
		if endsSentence(l) || len(l.marker) > 0 || strings.HasSuffix(l.text, ")") {
			return 0
		}
		if k > 1 && (!startsLower(l.text) || s.runeLen(l.text) >= 0.6*s.width) {
			return 0
		}
		nx := ls[k]
		if nx.phys != ls[0].phys && s.physStart[s.index(nx)] && s.chapterAt(s.index(nx)) > 0 {
			return 0
		}
		if isBullet(nx.text) || (startsUpper(nx.text) && s.runeLen(nx.text) >= 0.6*s.width) {
			return k
		}
		if n, _, _ := s.exampleAt(s.index(nx)); n > 0 {
			return k
		}
	}
	return 0
}

func (s *segmenter) index(l *srcLine) int {
	for i := range s.body {
		if s.body[i] == l {
			return i
		}
	}
	return -1
}

// block is a run of body lines that becomes one passage.
type block struct {
	kind    PassageKind
	lines   []*srcLine
	title   string
	regions []string
}

func (s *segmenter) makeBlocks() {
	var out []block
	i := 0
	for {
		l, j := s.bodyAt(i)
		if l == nil {
			break
		}
		i = j
		if k := s.chapterAt(i); k > 0 {
			ls, idx := s.take(i, k)
			out = append(out, block{kind: ChapterHeading, lines: ls})
			i = idx[len(idx)-1] + 1
			continue
		}
		if k, title, regions := s.exampleAt(i); k > 0 {
			ls, idx := s.take(i, k)
			out = append(out, block{kind: ExampleHeading, lines: ls, title: title, regions: regions})
			i = idx[len(idx)-1] + 1
			continue
		}
		if k := s.sectionAt(i); k > 0 {
			ls, idx := s.take(i, k)
			out = append(out, block{kind: SectionHeading, lines: ls})
			i = idx[len(idx)-1] + 1
			continue
		}
		kind := Paragraph
		if isBullet(l.text) {
			kind = ListItem
		}
		b := block{kind: kind}
		for {
			cur, cj := s.bodyAt(i)
			if cur == nil {
				break
			}
			b.lines = append(b.lines, cur)
			i = cj + 1
			if s.blockEnds(kind, cur, i) {
				break
			}
		}
		out = append(out, b)
	}
	s.build(out)
}

// blockEnds reports whether a paragraph or list item ends after line l, with
// the next body line at index i.
func (s *segmenter) blockEnds(kind PassageKind, l *srcLine, i int) bool {
	nx, j := s.bodyAt(i)
	if nx == nil {
		return true
	}
	if isBullet(nx.text) || s.chapterAt(j) > 0 {
		return true
	}
	if !endsSentence(l) {
		return false
	}
	if kind == ListItem && !startsLower(nx.text) {
		return true
	}
	// A footnote marker closes the text it sources: a sentence after it
	// starts a new paragraph even when the line runs full width.
	if len(l.marker) > 0 && !startsLower(nx.text) {
		return true
	}
	if s.runeLen(l.text) < 0.85*s.width && !startsLower(nx.text) {
		return true
	}
	if k, _, _ := s.exampleAt(j); k > 0 {
		return true
	}
	return s.sectionAt(j) > 0
}

// joinLines joins a block's lines into running text. A line that ends in a
// hyphen glued to a word keeps the hyphen ("e-\nhälsa" → "e-hälsa") unless
// the text spells the word without it elsewhere; an en dash after a digit
// joins without a space ("2021–\n2030").
func (s *segmenter) joinLines(ls []*srcLine) string {
	var b strings.Builder
	for k, l := range ls {
		t := l.text
		if k == 0 {
			b.WriteString(t)
			continue
		}
		prev := ls[k-1]
		pt := prev.text
		switch {
		case len(prev.marker) == 0 && strings.HasSuffix(prev.raw, "-") && !strings.HasSuffix(prev.raw, " -") && startsWord(t):
			if s.dropHyphen(pt, t) {
				str := b.String()
				b.Reset()
				b.WriteString(strings.TrimSuffix(str, "-"))
			}
			b.WriteString(t)
		case strings.HasSuffix(pt, "–") && len(pt) > 3 && unicode.IsDigit(rune(pt[len(pt)-4])) && startsDigit(t):
			b.WriteString(t)
		default:
			b.WriteByte(' ')
			b.WriteString(t)
		}
	}
	return b.String()
}

func startsWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}

func startsDigit(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsDigit(r)
}

// dropHyphen decides whether "pre-" + "next…" was a word broken by
// hyphenation rather than a compound with a real hyphen.
func (s *segmenter) dropHyphen(prevLine, next string) bool {
	fields := strings.Fields(prevLine)
	if len(fields) == 0 {
		return false
	}
	pre := strings.TrimSuffix(fields[len(fields)-1], "-")
	// strip leading punctuation
	pre = strings.TrimLeftFunc(pre, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	word := next
	if i := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		word = next[:i]
	}
	if startsUpper(word) || utf8.RuneCountInString(pre) <= 2 || strings.ToUpper(pre) == pre {
		return false
	}
	joined := strings.ToLower(pre + word)
	hyph := strings.ToLower(pre + "-" + word)
	return s.vocab[joined] && !s.vocab[hyph]
}

// build turns blocks into passages, chapters, sections and examples.
func (s *segmenter) build(bs []block) {
	d := s.doc
	chapter, section, example, list := -1, -1, -1, -1
	lastKind := PassageKind(255)
	for _, b := range bs {
		first := b.lines[0]
		p := Passage{Kind: b.kind, PDFPage: first.page, Printed: s.printed[first.phys], Line: first.no,
			Text: s.joinLines(b.lines), Example: -1, List: -1, Section: -1}
		for _, l := range b.lines {
			p.Footnotes = append(p.Footnotes, l.marker...)
		}
		idx := len(d.Passages)
		switch b.kind {
		case ChapterHeading:
			d.Chapters = append(d.Chapters, Chapter{N: len(d.Chapters) + 1, Title: p.Text, Heading: idx})
			chapter, section, example = len(d.Chapters)-1, -1, -1
		case SectionHeading:
			if example >= 0 && section >= 0 && d.Examples[example].Section == section {
				// A heading without a region list among a section's
				// examples is one more example.
				p.Kind = ExampleHeading
				b.kind = ExampleHeading
				b.title = p.Text
				break
			}
			d.Sections = append(d.Sections, Section{Title: p.Text, Heading: idx, Chapter: chapter})
			section, example = len(d.Sections)-1, -1
		}
		if b.kind == ExampleHeading {
			if b.title == "" {
				b.title = p.Text
			}
			d.Examples = append(d.Examples, Example{Title: b.title, Regions: b.regions, Heading: idx, Chapter: chapter, Section: section})
			example = len(d.Examples) - 1
		}
		if b.kind == ListItem {
			if lastKind != ListItem {
				list++
			}
			p.List = list
		}
		lastKind = b.kind
		p.Chapter, p.Section, p.Example = chapter, section, example
		if example >= 0 && b.kind != ExampleHeading {
			d.Examples[example].Passages = append(d.Examples[example].Passages, idx)
		}
		d.Passages = append(d.Passages, p)
	}
	// Footnotes become passages on their own pages.
	anchor := map[int]int{}
	for i, p := range d.Passages {
		for _, n := range p.Footnotes {
			anchor[n] = i
		}
	}
	for _, blk := range s.blocks {
		urls := alignURLs(blk)
		for k, e := range blk.entries {
			title, _ := splitFootnote(e)
			first := e.lines[0]
			text := strings.TrimSpace(strings.TrimPrefix(s.joinLines(e.lines), strconv.Itoa(e.n)))
			a, ok := anchor[e.n]
			if !ok {
				a = -1
			}
			p := Passage{Kind: FootnoteText, PDFPage: first.page, Printed: s.printed[first.phys], Line: first.no,
				Text: text, Chapter: -1, Section: -1, Example: -1, List: -1, Footnote: e.n}
			if a >= 0 {
				p.Chapter, p.Section, p.Example = d.Passages[a].Chapter, d.Passages[a].Section, d.Passages[a].Example
			}
			d.Footnotes = append(d.Footnotes, Footnote{N: e.n, Title: title, URL: urls[k], Passage: len(d.Passages), Anchor: a})
			d.Passages = append(d.Passages, p)
		}
	}
}

// splitFootnote returns a footnote's title and the URL printed in it (line
// breaks inside the URL removed).
func splitFootnote(e *fnEntry) (title, url string) {
	var parts []string
	for _, l := range e.lines {
		parts = append(parts, l.text)
	}
	text := strings.Join(parts, "\n")
	text = strings.TrimSpace(strings.TrimPrefix(text, strconv.Itoa(e.n)))
	at := -1
	for _, p := range []string{"https://", "http://", "www."} {
		if i := strings.Index(text, p); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return strings.Join(strings.Fields(text), " "), ""
	}
	title = strings.Join(strings.Fields(text[:at]), " ")
	url = strings.Join(strings.Fields(text[at:]), "")
	if strings.HasSuffix(title, "(") {
		title = strings.TrimSpace(strings.TrimSuffix(title, "("))
		url = strings.TrimSuffix(url, ")")
	}
	return title, url
}

// alignURLs pairs footnote entries with the unbroken link targets listed
// after them: the list follows the entries' order, one target per linked
// footnote.
func alignURLs(b *fnBlock) []string {
	out := make([]string, len(b.entries))
	printed := make([]string, len(b.entries))
	withURL := 0
	for i, e := range b.entries {
		_, printed[i] = splitFootnote(e)
		if printed[i] != "" {
			withURL++
		}
	}
	j := 0
	for i := range b.entries {
		switch {
		case printed[i] != "":
			if j < len(b.clean) && sameURL(printed[i], b.clean[j]) {
				out[i] = b.clean[j]
				j++
			} else {
				out[i] = absURL(printed[i])
			}
			withURL--
		case len(b.clean)-j > withURL:
			// A footnote whose link is not printed: the list holds one
			// target more than the printed links still to come.
			out[i] = b.clean[j]
			j++
		}
	}
	return out
}

func absURL(u string) string {
	if strings.HasPrefix(u, "www.") {
		return "http://" + u
	}
	return u
}

func sameURL(a, b string) bool {
	norm := func(u string) string {
		u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
		return strings.ToLower(strings.TrimSuffix(u, "/"))
	}
	return norm(a) == norm(b)
}

// finish numbers passages within their pages and names examples.
func (s *segmenter) finish() {
	d := s.doc
	order := make([]int, len(d.Passages))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return d.Passages[a].Line - d.Passages[b].Line })
	count := map[int]int{}
	for _, i := range order {
		p := &d.Passages[i]
		count[p.PDFPage]++
		p.N = count[p.PDFPage]
		p.ID = fmt.Sprintf("%d-%d", p.PDFPage, p.N)
	}
	used := map[string]int{}
	for i := range d.Examples {
		e := &d.Examples[i]
		slug := Slugify(e.Title)
		used[slug]++
		if used[slug] > 1 {
			slug = fmt.Sprintf("%s-%d", slug, used[slug])
		}
		e.Slug = slug
	}
}
