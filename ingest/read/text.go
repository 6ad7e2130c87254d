package read

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"kg/ingest/doc"
)

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

// Text reads a plain-text document. A text laid out as a typeset report
// (pages that begin with a line starting with a space, running footers with
// page numbers) is read as one, with its chapters, worked examples and
// footnotes; any other text is one page of paragraphs separated by blank
// lines, with headings told by their shape and bullet items as list items.
//
// Header lines at the top ("# source: <url>", "# title: <title>", also
// "# publisher:" and "# date:") give metadata and are not passages; they
// still count as lines of the file, so line numbers are the file's.
func Text(name string, b []byte, meta doc.Meta, opt Options) (*doc.Doc, error) {
	if err := CheckUTF8(name, b); err != nil {
		return nil, err
	}
	lines := strings.Split(string(b), "\n")
	lines[0] = strings.TrimPrefix(lines[0], "\ufeff")
	fill(&meta, takeHeader(lines))
	finishMeta(&meta, name, "text")
	d := &doc.Doc{Meta: meta}
	if !blank(lines) {
		if reportLayout(lines) {
			segmentReport(d, lines, layout{title: meta.Title, isRegion: opt.isRegion()})
		} else {
			segmentPlain(d, lines, opt.isRegion())
		}
	}
	if len(d.Passages) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	return d, nil
}

func blank(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return false
		}
	}
	return true
}

var (
	headerRe = regexp.MustCompile(`^#\s*(source|url|title|publisher|date|issued|language)\s*:\s*(.*?)\s*$`)
	dateRe   = regexp.MustCompile(`^\d{4}(?:-\d{2}(?:-\d{2})?)?`)
)

// takeHeader reads the header lines at the top of a text into a Meta and
// blanks them, so that line numbers stay those of the file.
func takeHeader(lines []string) doc.Meta {
	var m doc.Meta
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		h := headerRe.FindStringSubmatch(l)
		if h == nil {
			break
		}
		switch v := h[2]; h[1] {
		case "source", "url":
			m.URL = v
		case "title":
			m.Title = v
		case "publisher":
			m.Publisher = v
		case "date", "issued":
			m.Issued = dateRe.FindString(v)
		case "language":
			m.Language = v
		}
		lines[i] = ""
	}
	return m
}

// reportLayout tells a typeset report's text from plain text: several
// pages opened by a line that starts with a space, each holding a page's
// worth of lines, or running footers.
func reportLayout(lines []string) bool {
	starts, nonblank := 0, 0
	footers := map[string]int{}
	for _, l := range lines {
		l = strings.TrimRight(l, "\r")
		if strings.HasPrefix(l, " ") {
			starts++
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		nonblank++
		if m := footerRe.FindStringSubmatch(strings.TrimRight(l, " \t")); m != nil {
			footers[strings.TrimSpace(m[1])]++
		}
	}
	for _, n := range footers {
		if n >= 2 {
			return true
		}
	}
	return starts >= 2 && nonblank >= 10*starts
}
