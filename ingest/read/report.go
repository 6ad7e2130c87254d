package read

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/ingest/doc"
)

// The report layout: the text of a typeset report as the project's seed
// texts have it. A line that begins with a space opens a page; running
// footers "<title>  42" carry printed page numbers; footnote areas, with
// the unbroken link targets listed after the entries, follow the text they
// source; chapters open printed pages; worked examples are headed
// "Title (Region X och Region Y)".

// layout tells the report segmenter what it cannot know from the text's shape.
type layout struct {
	title    string            // report title: running footers repeat it
	isRegion func(string) bool // whether a name in a heading's parentheses names a region
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
	footerRe   = regexp.MustCompile(`^(.*\S)\s{2,}(\d{1,4})$`)
	fnEntryRe  = regexp.MustCompile(`^(\d{1,3})\s+(\S.*)$`)
	cleanURLRe = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)
)

// segmentReport splits the lines of a report text into pages, chapters,
// sections, worked examples, passages and footnotes. The Doc has no
// passages when the text has none.
func segmentReport(d *doc.Doc, lines []string, lay layout) {
	s := &segmenter{lay: lay, doc: d}
	s.readLines(lines)
	s.findFooters()
	s.splitFootnotes()
	s.findMarkers()
	s.physicalPages()
	s.makeBlocks()
	s.finish()
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
	lay    layout
	doc    *doc.Doc
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
	bodyIndex map[*srcLine]int
}

func (s *segmenter) readLines(lines []string) {
	page := 0
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		start := strings.HasPrefix(l, " ")
		if start {
			page++
			s.doc.Pages = append(s.doc.Pages, doc.Page{Index: page, Line: i + 1})
		}
		if strings.TrimSpace(l) == "" && !start {
			continue
		}
		if page == 0 { // text before the first page marker is page 1
			page = 1
			s.doc.Pages = append(s.doc.Pages, doc.Page{Index: 1, Line: i + 1})
		}
		raw := l
		if start {
			raw = l[1:]
		}
		s.all = append(s.all, &srcLine{no: i + 1, page: page, pageStart: start, raw: raw, text: strings.TrimSpace(raw)})
	}
	// Body line width: the 90th percentile of line lengths, URLs left out.
	var lens []int
	texts := make([]string, len(s.all))
	for i, l := range s.all {
		if l.text != "" && !strings.Contains(l.text, "://") {
			lens = append(lens, utf8.RuneCountInString(l.text))
		}
		texts[i] = l.text
	}
	s.vocab = vocabulary(texts)
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
		if count[m[1]] >= 2 || (s.lay.title != "" && strings.EqualFold(m[1], s.lay.title)) {
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
	if k == 1 && ChapterTitle(l.text) {
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
			title, regions, ok := exampleHeading(strings.Join(parts, " "), s.lay.isRegion)
			if !ok {
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
	if i, ok := s.bodyIndex[l]; ok {
		return i
	}
	return -1
}

// block is a run of body lines that becomes one passage.
type block struct {
	kind    doc.PassageKind
	lines   []*srcLine
	title   string
	regions []string
}

func (s *segmenter) makeBlocks() {
	s.bodyIndex = make(map[*srcLine]int, len(s.body))
	for i, l := range s.body {
		s.bodyIndex[l] = i
	}
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
			out = append(out, block{kind: doc.ChapterHeading, lines: ls})
			i = idx[len(idx)-1] + 1
			continue
		}
		if k, title, regions := s.exampleAt(i); k > 0 {
			ls, idx := s.take(i, k)
			out = append(out, block{kind: doc.ExampleHeading, lines: ls, title: title, regions: regions})
			i = idx[len(idx)-1] + 1
			continue
		}
		if k := s.sectionAt(i); k > 0 {
			ls, idx := s.take(i, k)
			out = append(out, block{kind: doc.SectionHeading, lines: ls})
			i = idx[len(idx)-1] + 1
			continue
		}
		kind := doc.Paragraph
		if isBullet(l.text) {
			kind = doc.ListItem
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
func (s *segmenter) blockEnds(kind doc.PassageKind, l *srcLine, i int) bool {
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
	if kind == doc.ListItem && !startsLower(nx.text) {
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

// joinLines joins a block's lines into running text (see joinNext).
func (s *segmenter) joinLines(ls []*srcLine) string {
	var b strings.Builder
	for k, l := range ls {
		if k == 0 {
			b.WriteString(l.text)
			continue
		}
		prev := ls[k-1]
		hyphen := len(prev.marker) == 0 && strings.HasSuffix(prev.raw, "-") && !strings.HasSuffix(prev.raw, " -")
		joinNext(&b, prev.text, l.text, hyphen, s.vocab, false)
	}
	return b.String()
}

// build turns blocks into passages, chapters, sections and examples.
func (s *segmenter) build(bs []block) {
	d := s.doc
	chapter, section, example, list := -1, -1, -1, -1
	lastKind := doc.PassageKind(255)
	for _, b := range bs {
		first := b.lines[0]
		p := doc.Passage{Kind: b.kind, Page: first.page, Printed: s.printed[first.phys], Line: first.no,
			Text: s.joinLines(b.lines), Example: -1, List: -1, Section: -1}
		for _, l := range b.lines {
			p.Footnotes = append(p.Footnotes, l.marker...)
		}
		idx := len(d.Passages)
		switch b.kind {
		case doc.ChapterHeading:
			d.Chapters = append(d.Chapters, doc.Chapter{N: len(d.Chapters) + 1, Title: p.Text, Heading: idx})
			chapter, section, example = len(d.Chapters)-1, -1, -1
		case doc.SectionHeading:
			if example >= 0 && section >= 0 && d.Examples[example].Section == section {
				// A heading without a region list among a section's
				// examples is one more example.
				p.Kind = doc.ExampleHeading
				b.kind = doc.ExampleHeading
				b.title = p.Text
				break
			}
			d.Sections = append(d.Sections, doc.Section{Title: p.Text, Heading: idx, Chapter: chapter})
			section, example = len(d.Sections)-1, -1
		}
		if b.kind == doc.ExampleHeading {
			if b.title == "" {
				b.title = p.Text
			}
			d.Examples = append(d.Examples, doc.Example{Title: b.title, Regions: b.regions, Heading: idx, Chapter: chapter, Section: section})
			example = len(d.Examples) - 1
		}
		if b.kind == doc.ListItem {
			if lastKind != doc.ListItem {
				list++
			}
			p.List = list
		}
		lastKind = b.kind
		p.Chapter, p.Section, p.Example = chapter, section, example
		if example >= 0 && b.kind != doc.ExampleHeading {
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
			p := doc.Passage{Kind: doc.FootnoteText, Page: first.page, Printed: s.printed[first.phys], Line: first.no,
				Text: text, Chapter: -1, Section: -1, Example: -1, List: -1, Footnote: e.n}
			if a >= 0 {
				p.Chapter, p.Section, p.Example = d.Passages[a].Chapter, d.Passages[a].Section, d.Passages[a].Example
			}
			d.Footnotes = append(d.Footnotes, doc.Footnote{N: e.n, Title: title, URL: urls[k], Passage: len(d.Passages), Anchor: a})
			d.Passages = append(d.Passages, p)
		}
	}
}

// splitFootnote returns a footnote's title and the URL printed in it.
func splitFootnote(e *fnEntry) (title, url string) {
	var parts []string
	for _, l := range e.lines {
		parts = append(parts, l.text)
	}
	return splitNote(e.n, parts)
}

// splitNote returns the title of footnote n, printed on lines, and the URL
// printed in it (line breaks inside the URL removed).
func splitNote(n int, lines []string) (title, url string) {
	text := strings.Join(lines, "\n")
	text = strings.TrimSpace(strings.TrimPrefix(text, strconv.Itoa(n)))
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
	// The URL runs on over line breaks and ends at a space within a line.
	var b strings.Builder
	for _, seg := range strings.Split(text[at:], "\n") {
		f := strings.Fields(seg)
		if len(f) == 0 {
			continue
		}
		b.WriteString(f[0])
		if len(f) > 1 || strings.HasSuffix(seg, " ") {
			break
		}
	}
	url = b.String()
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
func (s *segmenter) finish() { number(s.doc) }
