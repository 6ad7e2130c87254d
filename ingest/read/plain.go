package read

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"kg/ingest/doc"
)

// Plain text: one page; paragraphs separated by blank lines; headings told
// by their shape (a short line without closing punctuation, with a
// paragraph after it) or marked "# " as in Markdown; bullet items as list
// items.

var (
	plainBullet = regexp.MustCompile(`^(?:[-*+–]\s+|[•▪◦●·■□➢►‣⁃]\s*|\d{1,2}[.)]\s+)`)
	mdHeading   = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
)

// plainLine is a non-blank line of a plain text.
type plainLine struct {
	no   int
	text string
}

// plainBlock is a run of non-blank lines.
type plainBlock []plainLine

// maxHeading is the longest line, in characters, read as a heading.
const maxHeading = 150

// headingShape reports whether a block could be a heading: one short line
// that starts like a title and does not end like a sentence.
func (b plainBlock) headingShape() bool {
	if len(b) != 1 {
		return false
	}
	t := b[0].text
	return utf8.RuneCountInString(t) <= maxHeading && startsUpper(t) && !endsClause(t) &&
		!plainBullet.MatchString(t) && !strings.Contains(t, "://")
}

func segmentPlain(d *doc.Doc, lines []string, isRegion func(string) bool) {
	var blocks []plainBlock
	var cur plainBlock
	var texts []string
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, plainLine{no: i + 1, text: t})
		texts = append(texts, t)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	if len(blocks) == 0 {
		return
	}
	d.Pages = []doc.Page{{Index: 1, Line: blocks[0][0].no}}
	vocab := vocabulary(texts)
	a := newAssembler(d)
	for i, b := range blocks {
		if m := mdHeading.FindStringSubmatch(b[0].text); m != nil && len(b) == 1 {
			kind := doc.SectionHeading
			if len(m[1]) <= 2 {
				kind = doc.ChapterHeading
			}
			a.heading(doc.Passage{Kind: kind, Page: 1, Line: b[0].no, Text: m[2]}, isRegion)
			continue
		}
		if b.headingShape() && paragraphFollows(blocks[i+1:]) {
			kind := doc.SectionHeading
			if len(d.Passages) == 0 || ChapterTitle(b[0].text) {
				kind = doc.ChapterHeading
			}
			a.heading(doc.Passage{Kind: kind, Page: 1, Line: b[0].no, Text: b[0].text}, isRegion)
			continue
		}
		plainItems(a, b, vocab)
	}
	number(d)
}

// paragraphFollows reports whether a block that is not heading-shaped comes
// within the next two blocks: a heading may stand over a subheading, but a
// run of short lines is text.
func paragraphFollows(next []plainBlock) bool {
	for k := 0; k < 2 && k < len(next); k++ {
		if !next[k].headingShape() {
			return true
		}
	}
	return false
}

// plainItems adds a block's passages: the lines before the first bullet as
// a paragraph, then one list item per bullet with the lines that continue
// it.
func plainItems(a *assembler, b plainBlock, vocab map[string]bool) {
	var run []string
	start, kind := 0, doc.Paragraph
	flush := func() {
		if len(run) > 0 {
			a.add(doc.Passage{Kind: kind, Page: 1, Line: start, Text: joinWrapped(run, vocab, false)}, "", nil)
		}
		run = nil
	}
	for _, l := range b {
		t := l.text
		if plainBullet.MatchString(t) {
			// The item keeps its bullet: passages are verbatim text.
			flush()
			start, kind = l.no, doc.ListItem
		}
		if len(run) == 0 && kind == doc.Paragraph {
			start = l.no
		}
		run = append(run, t)
	}
	flush()
}
