package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/ontology"
)

// NodeKind tells what a fact's subject or object is.
type NodeKind uint8

// Node kinds.
const (
	EntityNode  NodeKind = iota // an entity, by id
	ExampleNode                 // a worked example, by index
	ChapterNode                 // a chapter, by index
	URLNode                     // a web page, by URL
)

// Node is a fact's subject or object.
type Node struct {
	Kind NodeKind
	ID   string // entity id or URL
	N    int    // example or chapter index
}

// Fact is a relation stated by one passage.
type Fact struct {
	S       Node
	P       string // property IRI
	O       Node
	Passage int // the passage that states it
}

// Relations holds what Relate found in one report.
type Relations struct {
	Facts    []Fact
	Subjects [][]string // per example: the entities it features
	Themes   []string   // per chapter: its theme entity, "" when none
}

var coordGap = regexp.MustCompile(`^\s*(?:,|och|samt|&|, och|, samt|och med|samt med)\s*$`)

// Relate derives relations from a segmented, recognised and resolved
// report: worked examples (regions, subject, theme, links), chapter themes
// and relations stated by cue phrases within a sentence. Anaphors inside
// examples are resolved here, in ms.
func Relate(doc *Document, ms []Mention, kb *KB) *Relations {
	rel := &Relations{Subjects: make([][]string, len(doc.Examples)), Themes: make([]string, len(doc.Chapters))}
	byPassage := map[int][]int{}
	for i, m := range ms {
		byPassage[m.Passage] = append(byPassage[m.Passage], i)
	}
	add := func(s Node, p string, o Node, passage int) {
		if s == o {
			return
		}
		rel.Facts = append(rel.Facts, Fact{S: s, P: p, O: o, Passage: passage})
	}
	ent := func(id string) Node { return Node{Kind: EntityNode, ID: id} }

	// Chapter themes: the first theme named in the chapter heading.
	for ci, c := range doc.Chapters {
		for _, mi := range byPassage[c.Heading] {
			if e := kb.Entities[ms[mi].Entity]; e != nil && e.Class == "Theme" {
				rel.Themes[ci] = e.ID
				add(Node{Kind: ChapterNode, N: ci}, ontology.HasTheme, ent(e.ID), c.Heading)
				break
			}
		}
	}

	// Worked examples.
	regionsOf := make([][]string, len(doc.Examples))
	for xi, x := range doc.Examples {
		xn := Node{Kind: ExampleNode, N: xi}
		for _, name := range x.Regions {
			id, ok := kb.Find(name)
			if !ok {
				id = kb.Mint(name, "Region", "")
			}
			if e := kb.Entities[id]; e != nil {
				if v := variant(e, name); v != "" {
					e.Seen[v] = true
				}
			}
			regionsOf[xi] = append(regionsOf[xi], id)
			add(xn, ontology.InvolvesRegion, ent(id), x.Heading)
		}
		subj := exampleSubjects(doc, xi, ms, byPassage, kb)
		rel.Subjects[xi] = subj
		for _, s := range subj {
			add(xn, ontology.Features, ent(s), x.Heading)
			for _, r := range regionsOf[xi] {
				add(ent(r), ontology.ResponsibleFor, ent(s), x.Heading)
			}
		}
		if x.Chapter >= 0 && rel.Themes[x.Chapter] != "" {
			add(xn, ontology.HasTheme, ent(rel.Themes[x.Chapter]), doc.Chapters[x.Chapter].Heading)
		}
		if len(x.Regions) == 0 {
			// Without a region list, the regions the example's text names
			// are the ones it involves.
			for _, pi := range x.Passages {
				for _, mi := range byPassage[pi] {
					if e := kb.Entities[ms[mi].Entity]; e != nil && e.Class == "Region" {
						add(xn, ontology.InvolvesRegion, ent(e.ID), pi)
					}
				}
			}
		}
		for _, pi := range append([]int{x.Heading}, x.Passages...) {
			for _, n := range doc.Passages[pi].Footnotes {
				for _, f := range doc.Footnotes {
					if f.N == n && f.URL != "" && validIRI(f.URL) {
						add(xn, ontology.FOAF+"page", Node{Kind: URLNode, ID: f.URL}, f.Passage)
					}
				}
			}
		}
	}

	// Anaphors stand for the example's single subject or single region.
	for i := range ms {
		m := &ms[i]
		if !m.Anaphor {
			continue
		}
		x := doc.Passages[m.Passage].Example
		if x < 0 {
			continue
		}
		switch {
		case m.Class == "Region" && len(regionsOf[x]) == 1:
			m.Entity = regionsOf[x][0]
		case m.Class != "Region" && len(rel.Subjects[x]) == 1:
			m.Entity = rel.Subjects[x][0]
		}
	}

	// Cue phrases within a sentence.
	for pi, p := range doc.Passages {
		idx := byPassage[pi]
		if len(idx) == 0 {
			continue
		}
		var context []string
		if p.Example >= 0 {
			context = rel.Subjects[p.Example]
		}
		for _, sp := range sentences(p.Text, kb.Lex) {
			var in []Mention
			for _, mi := range idx {
				m := ms[mi]
				if m.Entity != "" && m.Start >= sp[0] && m.End <= sp[1] {
					in = append(in, m)
				}
			}
			if len(in) == 0 {
				continue
			}
			sent := p.Text[sp[0]:sp[1]]
			for _, cue := range kb.Lex.Cues {
				for _, loc := range cue.Re.FindAllStringIndex(sent, -1) {
					cs, ce := sp[0]+loc[0], sp[0]+loc[1]
					if !cueBounded(p.Text, cs, ce) || insideMention(in, cs, ce) {
						continue
					}
					subs := pick(in, cue.Subject, cue.Domain, cs, ce, p.Text, context, kb)
					objs := pick(in, cue.Object, cue.Range, cs, ce, p.Text, context, kb)
					for _, s := range subs {
						for _, o := range objs {
							add(ent(s), ontology.NS+cue.Property, ent(o), pi)
						}
					}
				}
			}
		}
	}
	rel.Facts = dedupeFacts(rel.Facts)
	return rel
}

func insideMention(in []Mention, s, e int) bool {
	for _, m := range in {
		if s < m.End && e > m.Start {
			return true
		}
	}
	return false
}

func cueBounded(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return !isWordAt(s, end)
}

// pick chooses a cue's argument among the sentence's mentions.
func pick(in []Mention, side Side, classes []string, cs, ce int, text string, context []string, kb *KB) []string {
	ok := func(m Mention) bool {
		e := kb.Entities[m.Entity]
		return e != nil && fits(e.Class, classes)
	}
	switch side {
	case Context:
		var out []string
		for _, id := range context {
			if e := kb.Entities[id]; e != nil && fits(e.Class, classes) {
				out = append(out, id)
			}
		}
		return out
	case Before:
		for i := len(in) - 1; i >= 0; i-- {
			if in[i].End <= cs && ok(in[i]) {
				return []string{in[i].Entity}
			}
		}
	case After:
		for i, m := range in {
			if m.Start < ce {
				continue
			}
			if m.Start-ce > 80 {
				return nil
			}
			if !ok(m) {
				continue
			}
			out := []string{m.Entity}
			last := m
			for _, n := range in[i+1:] {
				if !coordGap.MatchString(text[last.End:n.Start]) {
					break
				}
				if ok(n) {
					out = append(out, n.Entity)
				}
				last = n
			}
			return out
		}
	case Any:
		best, dist := "", -1
		for _, m := range in {
			if !ok(m) {
				continue
			}
			d := cs - m.End
			if m.Start >= ce {
				d = m.Start - ce
			}
			if d >= 0 && (dist < 0 || d < dist) {
				best, dist = m.Entity, d
			}
		}
		if best != "" {
			return []string{best}
		}
	}
	return nil
}

// sentences splits a passage into sentence spans: a full stop, question or
// exclamation mark followed by a space and a capital ends a sentence unless
// it closes an abbreviation or an initial.
func sentences(text string, lx *Lexicon) [][2]int {
	var out [][2]int
	start := 0
	abbrevs := lx.patterns("abbrev")
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+2 >= len(text) || text[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[i+2:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '”' {
			continue
		}
		if c == '.' {
			j := strings.LastIndexAny(text[:i], " (") + 1
			word := text[j:i]
			if utf8.RuneCountInString(word) == 1 && startsUpper(word) {
				continue // an initial
			}
			abbrev := false
			for _, p := range abbrevs {
				if p.Re.MatchString(strings.ToLower(word)) {
					abbrev = true
				}
			}
			if abbrev {
				continue
			}
		}
		out = append(out, [2]int{start, i + 1})
		start = i + 2
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// exampleSubjects finds what a worked example is about. A heading that
// introduces several examples features the entities that open its
// paragraphs; otherwise the heading's title names the subject: a known
// entity, or a new instrument whose class the text tells ("projektet",
// "strategin", …).
func exampleSubjects(doc *Document, xi int, ms []Mention, byPassage map[int][]int, kb *KB) []string {
	x := doc.Examples[xi]
	if _, multi := kb.Lex.matchAny("multi", x.Title); multi || x.Title == "" {
		var out []string
		seen := map[string]bool{}
		for _, pi := range x.Passages {
			for _, mi := range byPassage[pi] {
				m := ms[mi]
				if m.Start > 0 || m.Anaphor {
					break
				}
				e := kb.Entities[m.Entity]
				if e != nil && featurable(e.Class) && !seen[e.ID] {
					seen[e.ID] = true
					out = append(out, e.ID)
				}
				break
			}
		}
		return out
	}
	main := x.Title
	for _, sep := range []string{" – ", " - "} {
		if i := strings.Index(main, sep); i > 0 {
			head := main[:i]
			if bodyContains(doc, x, head) {
				main = head
			}
			break
		}
	}
	// A mention in the heading that covers the title's main part.
	for _, mi := range byPassage[x.Heading] {
		m := ms[mi]
		if m.Start == 0 && m.End >= len(main) && m.Entity != "" {
			if e := kb.Entities[m.Entity]; e != nil && featurable(e.Class) {
				return []string{e.ID}
			}
		}
	}
	if id, ok := kb.Find(main); ok {
		if e := kb.Entities[id]; featurable(e.Class) {
			return []string{id}
		}
		return nil
	}
	if id, ok := kb.Find(x.Title); ok {
		if e := kb.Entities[id]; featurable(e.Class) {
			return []string{id}
		}
		return nil
	}
	class := subjectClass(doc, x, main, kb.Lex)
	id := kb.Mint(main, class, "")
	return []string{id}
}

// featurable reports whether a class can be what an example is about.
func featurable(class string) bool {
	switch class {
	case "Region", "County", "Theme", "Municipality", "Government", "Ministry", "Parliament", "Law", "Act", "Ordinance", "EURegulation", "Mandate":
		return false
	}
	return true
}

func bodyContains(doc *Document, x Example, s string) bool {
	for _, pi := range x.Passages {
		if strings.Contains(strings.ToLower(doc.Passages[pi].Text), strings.ToLower(s)) {
			return true
		}
	}
	return false
}

// subjectClass tells an example subject's class from the nouns of its
// title, then from "<name> är en … <noun>" in its text, then from the first
// class noun of its first paragraph; an instrument of no known kind
// otherwise.
func subjectClass(doc *Document, x Example, name string, lx *Lexicon) string {
	nouns := lx.patterns("noun")
	wordMatch := func(p Pattern, w string) bool {
		loc := p.Re.FindStringIndex(w)
		return loc != nil && loc[0] == 0 && loc[1] == len(w)
	}
	fields := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) })
	for i := len(fields) - 1; i >= 0; i-- {
		for _, p := range nouns {
			if wordMatch(p, fields[i]) {
				return p.Class
			}
		}
	}
	if len(x.Passages) == 0 {
		return "Instrument"
	}
	copula := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(name) + `s? är (?:ett|en) ((?:\p{L}+[ -]){0,3}\p{L}+)`)
	for _, pi := range x.Passages {
		if m := copula.FindStringSubmatch(doc.Passages[pi].Text); m != nil {
			ws := strings.Fields(strings.ToLower(m[1]))
			for _, w := range ws {
				for _, p := range nouns {
					if wordMatch(p, strings.Trim(w, "-")) {
						return p.Class
					}
				}
			}
		}
	}
	first := strings.ToLower(doc.Passages[x.Passages[0]].Text)
	words := strings.FieldsFunc(first, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for _, w := range words {
		for _, p := range nouns {
			if wordMatch(p, w) {
				return p.Class
			}
		}
	}
	return "Instrument"
}

func dedupeFacts(fs []Fact) []Fact {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Passage != b.Passage {
			return a.Passage < b.Passage
		}
		if a.P != b.P {
			return a.P < b.P
		}
		if a.S != b.S {
			return nodeLess(a.S, b.S)
		}
		return nodeLess(a.O, b.O)
	})
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && f == fs[i-1] {
			continue
		}
		out = append(out, f)
	}
	return out
}

func nodeLess(a, b Node) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.ID != b.ID {
		return a.ID < b.ID
	}
	return a.N < b.N
}

// validIRI reports whether u can be written as an absolute IRI.
func validIRI(u string) bool {
	if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return false
	}
	for _, r := range u {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) {
			return false
		}
	}
	return true
}
