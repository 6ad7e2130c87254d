package read

import (
	"regexp"
	"strings"

	"kg/ingest/doc"
)

// assembler appends passages to a Doc in reading order and keeps the
// chapter, section, worked example and list each passage belongs to.
type assembler struct {
	d                               *doc.Doc
	chapter, section, example, list int
	last                            doc.PassageKind
	started                         bool
}

func newAssembler(d *doc.Doc) *assembler {
	return &assembler{d: d, chapter: -1, section: -1, example: -1, list: -1}
}

// add appends p, which has its Kind, Page, Printed, Line and Text set; a
// worked example's heading gives its title and regions. It returns the
// passage's index.
func (a *assembler) add(p doc.Passage, title string, regions []string) int {
	d := a.d
	idx := len(d.Passages)
	switch p.Kind {
	case doc.ChapterHeading:
		d.Chapters = append(d.Chapters, doc.Chapter{N: len(d.Chapters) + 1, Title: p.Text, Heading: idx})
		a.chapter, a.section, a.example = len(d.Chapters)-1, -1, -1
	case doc.SectionHeading:
		d.Sections = append(d.Sections, doc.Section{Title: p.Text, Heading: idx, Chapter: a.chapter})
		a.section, a.example = len(d.Sections)-1, -1
	case doc.ExampleHeading:
		if title == "" {
			title = p.Text
		}
		d.Examples = append(d.Examples, doc.Example{Title: title, Regions: regions, Heading: idx, Chapter: a.chapter, Section: a.section})
		a.example = len(d.Examples) - 1
	}
	p.List = -1
	if p.Kind == doc.ListItem {
		if !a.started || a.last != doc.ListItem {
			a.list++
		}
		p.List = a.list
	}
	a.last, a.started = p.Kind, true
	p.Chapter, p.Section, p.Example = a.chapter, a.section, a.example
	if a.example >= 0 && p.Kind != doc.ExampleHeading {
		d.Examples[a.example].Passages = append(d.Examples[a.example].Passages, idx)
	}
	if p.Links == nil {
		p.Links = bareLinks(p.Text)
	}
	d.Passages = append(d.Passages, p)
	return idx
}

// heading adds a heading of the given kind, or a worked-example heading
// when its text is "Title (Region X och Region Y)".
func (a *assembler) heading(p doc.Passage, isRegion func(string) bool) int {
	if title, regions, ok := exampleHeading(p.Text, isRegion); ok {
		p.Kind = doc.ExampleHeading
		return a.add(p, title, regions)
	}
	return a.add(p, "", nil)
}

var urlRe = regexp.MustCompile(`(?:https?://|www\.)[^\s<>"”]+`)

// bareLinks finds the web addresses written out in a text.
func bareLinks(t string) []doc.Link {
	var out []doc.Link
	for _, m := range urlRe.FindAllStringIndex(t, -1) {
		end := m[1]
		for end > m[0] && strings.ContainsRune(".,;:!?)]'", rune(t[end-1])) {
			if t[end-1] == ')' && strings.Count(t[m[0]:end], "(") >= strings.Count(t[m[0]:end], ")") {
				break
			}
			end--
		}
		out = append(out, doc.Link{Start: m[0], End: end, URL: absURL(t[m[0]:end])})
	}
	return out
}
