package ingest

import (
	"regexp"
	"slices"
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

// Relate derives relations from a segmented, recognised and resolved
// report: worked examples (regions, subject, theme, links), chapter themes
// and relations stated by cue phrases within a sentence. Anaphors are
// resolved here, in ms.
//
// Funding is kept in one direction: an instrument is kgo:fundedBy a fund
// or an appropriation, and an actor kgo:finances an instrument, whichever
// way the sentence puts it.
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
			if e := kb.Entities[ms[mi].Entity]; e != nil && e.Class == "Theme" && !ms[mi].Nested {
				rel.Themes[ci] = e.ID
				add(Node{Kind: ChapterNode, N: ci}, ontology.HasTheme, ent(e.ID), c.Heading)
				break
			}
		}
	}

	// Worked examples. ctx holds, per passage of an example, the subjects
	// it speaks of: all of the example's, or under a heading that
	// introduces several examples, the one its paragraph introduced.
	regionsOf := make([][]string, len(doc.Examples))
	ctx := make([][]string, len(doc.Passages))
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
		subj, per := exampleSubjects(doc, xi, ms, byPassage, kb)
		rel.Subjects[xi] = subj
		ctx[x.Heading] = subj
		for _, pi := range x.Passages {
			ctx[pi] = per[pi]
		}
		for _, s := range subj {
			add(xn, ontology.Features, ent(s), x.Heading)
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

	// Anaphors: "Projektet" stands for the subject its passage speaks of
	// when its class fits, "Regionen" for an example's single region,
	// "regionerna" for all of its regions, "detta uppdrag" for the last
	// name of its class before it in the same chapter.
	last := map[string]int{} // class → index of the last mention of it, in reading order
	for i := range ms {
		m := &ms[i]
		if !m.Anaphor {
			if e := kb.Entities[m.Entity]; e != nil && !m.Nested {
				last[e.Class] = i
				last[classTop[e.Class]] = i
			}
			continue
		}
		p := doc.Passages[m.Passage]
		x := p.Example
		switch {
		case m.Head:
			idx := byPassage[m.Passage]
			var before []Mention
			for _, mi := range idx {
				if mi < i {
					before = append(before, ms[mi])
				}
			}
			if j := antecedent(before, 0, m.Start, m.Surface); j >= 0 {
				m.Entity = before[j].Entity
			}
		case m.Back:
			if j, ok := last[m.Class]; ok && doc.Passages[ms[j].Passage].Chapter == p.Chapter {
				m.Entity = ms[j].Entity
			}
		case x < 0:
		case m.Plural:
			if len(regionsOf[x]) >= 2 {
				m.Entity = regionsOf[x][0]
			}
		case m.Class == "Region":
			if len(regionsOf[x]) == 1 {
				m.Entity = regionsOf[x][0]
			} else {
				m.Entity = namedRegion(regionsOf[x], ms, byPassage[m.Passage], kb)
			}
		default:
			if c := ctx[m.Passage]; len(c) == 1 && fits(kb.Entities[c[0]].Class, []string{m.Class}) {
				m.Entity = c[0]
			}
		}
	}
	members := func(m Mention) []string {
		switch {
		case m.Plural:
			return regionsOf[doc.Passages[m.Passage].Example]
		case m.Group:
			return kb.ofClass(m.Class)
		}
		return []string{m.Entity}
	}

	// Cue phrases within a sentence. A list item whose lead-in ends in a
	// colon ("… sägs att regionerna ska:") also sees the lead-in's names.
	var stated []Fact
	for pi, p := range doc.Passages {
		var facts []Fact
		idx := byPassage[pi]
		lead := leadIn(doc, pi, byPassage, ms)
		if len(idx) == 0 && len(lead) == 0 {
			continue
		}
		// focus is what the sentences speak of: the passage's subjects,
		// until a sentence introduces another instrument without naming
		// them ("… erbjuder ett nytt koncept – Naturaktivitet på Recept.
		// I samarbete med Länsstyrelsen … har …").
		focus := ctx[pi]
		for si, sp := range sentences(p.Text, kb.Lex) {
			var sf []Fact
			var in []Mention
			for _, mi := range idx {
				m := ms[mi]
				if (m.Entity != "" || m.Group) && !m.Nested && m.Start >= sp[0] && m.End <= sp[1] {
					in = append(in, m)
				}
			}
			context := focus
			if len(ctx[pi]) == 0 {
				context = opening(in, sp[0], kb)
			}
			sc := &sentence{text: p.Text, start: sp[0], end: sp[1], in: in, context: context, kb: kb, members: members}
			focus = nextFocus(ctx[pi], focus, in, kb)
			if si == 0 {
				sc.lead = lead
			}
			for _, cue := range kb.Lex.Cues {
				if cue.Genitive {
					for _, f := range sc.genitive(cue, ms, idx) {
						f.Passage = pi
						sf = append(sf, f)
					}
					continue
				}
				for _, loc := range cue.Re.FindAllStringIndex(p.Text[sp[0]:sp[1]], -1) {
					cs, ce := sp[0]+loc[0], sp[0]+loc[1]
					if !cueBounded(p.Text, cs, ce) || insideMention(in, cs, ce) {
						continue
					}
					subs := sc.pick(cue, cue.Subject, cue.Domain, cs, ce)
					if len(subs) == 0 {
						continue
					}
					objs := sc.pick(cue, cue.Object, cue.Range, cs, ce)
					for _, s := range subs {
						for _, o := range objs {
							if s != o {
								sf = append(sf, Fact{S: ent(s), P: ontology.NS + cue.Property, O: ent(o), Passage: pi})
							}
						}
					}
				}
			}
			facts = append(facts, preferred(normaliseFunding(sf, kb))...)
		}
		// Names nested in others: the county a county administrative
		// board is named after.
		for _, mi := range idx {
			m := ms[mi]
			if m.Nested && kb.Entities[m.Entity].Class == "County" && kb.Entities[ms[m.Outer].Entity].Class == "CountyAdministrativeBoard" {
				facts = append(facts, Fact{S: ent(ms[m.Outer].Entity), P: ontology.ServesCounty, O: ent(m.Entity), Passage: pi})
			}
		}
		stated = append(stated, facts...)
	}
	rel.Facts = append(rel.Facts, stated...)

	// The regions in an example's heading run what it is about when the
	// text about it names them, unless it tells how they take part (they
	// finance it, are members, …) or names someone else as running it.
	for xi, x := range doc.Examples {
		inX := map[int]bool{x.Heading: true}
		for _, pi := range x.Passages {
			inX[pi] = true
		}
		told := map[[2]string]bool{}
		runBy := map[string]bool{}
		for _, f := range stated {
			if !inX[f.Passage] || f.S.Kind != EntityNode || f.O.Kind != EntityNode {
				continue
			}
			told[[2]string{f.S.ID, f.O.ID}] = true
			told[[2]string{f.O.ID, f.S.ID}] = true
			if f.P == ontology.ResponsibleFor {
				runBy[f.O.ID] = true
			}
		}
		_, multi := kb.Lex.matchAny("multi", x.Title)
		if !multi && len(rel.Subjects[xi]) > 1 {
			continue // a title listing several things tells nothing of who runs each
		}
		for _, s := range rel.Subjects[xi] {
			if runBy[s] {
				continue
			}
			for _, r := range regionsOf[xi] {
				if told[[2]string{r, s}] || !namedWith(doc, x, ms, byPassage, ctx, r, s) {
					continue
				}
				add(ent(r), ontology.ResponsibleFor, ent(s), x.Heading)
			}
		}
	}
	rel.Facts = dedupeFacts(rel.Facts)
	return rel
}

// opening returns the instrument a sentence outside worked examples opens
// with, which is what it speaks of ("Inkubatorn har drivits av … i
// samverkan med …").
func opening(in []Mention, start int, kb *KB) []string {
	if len(in) == 0 || in[0].Start != start || in[0].Entity == "" {
		return nil
	}
	if e := kb.Entities[in[0].Entity]; e != nil && classTop[e.Class] == "Instrument" {
		return []string{e.ID}
	}
	return nil
}

// nextFocus returns what the sentences after one naming the names in
// speak of: the passage's subjects ctx again when it names one of them,
// the last instrument it names when it names another but none of them,
// else the focus so far. Only passages with subjects shift focus.
func nextFocus(ctx, focus []string, in []Mention, kb *KB) []string {
	if len(ctx) == 0 {
		return focus
	}
	var other string
	for _, m := range in {
		if m.Group || m.Entity == "" {
			continue
		}
		if slices.Contains(ctx, m.Entity) {
			return ctx
		}
		if e := kb.Entities[m.Entity]; e != nil && classTop[e.Class] == "Instrument" && !m.Anaphor {
			other = m.Entity
		}
	}
	if other != "" {
		return []string{other}
	}
	return focus
}

// namedRegion picks, among an example's regions, the one a passage names
// by itself or by its county ("… ägas av regionen … i Blekinge"); "" when
// it names none or several.
func namedRegion(regions []string, ms []Mention, idx []int, kb *KB) string {
	found := ""
	for _, mi := range idx {
		m := ms[mi]
		if m.Anaphor || m.Entity == "" {
			continue
		}
		for _, id := range []string{m.Entity, kb.regionOf[m.Entity]} {
			if slices.Contains(regions, id) {
				if found != "" && found != id {
					return ""
				}
				found = id
			}
		}
	}
	return found
}

// compoundHead reports whether a name ending at i opens a hyphenated
// compound ("EU-medel"): the name is then a modifier, not an argument.
func compoundHead(text string, i int) bool {
	if i+1 >= len(text) || text[i] != '-' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return unicode.IsLower(r)
}

// namedWith reports whether a passage of example x that speaks of subject
// s names region r.
func namedWith(doc *Document, x Example, ms []Mention, byPassage map[int][]int, ctx [][]string, r, s string) bool {
	for _, pi := range x.Passages {
		if !slices.Contains(ctx[pi], s) {
			continue
		}
		for _, mi := range byPassage[pi] {
			if ms[mi].Entity == r {
				return true
			}
		}
	}
	return false
}

// leadIn returns the names of the sentence that introduces a list item:
// the last sentence of the paragraph before the item's list, when it ends
// in a colon.
func leadIn(doc *Document, pi int, byPassage map[int][]int, ms []Mention) []Mention {
	if doc.Passages[pi].Kind != ListItem {
		return nil
	}
	j := pi - 1
	for j >= 0 && doc.Passages[j].Kind == ListItem && doc.Passages[j].List == doc.Passages[pi].List {
		j--
	}
	if j < 0 || doc.Passages[j].Kind != Paragraph || !strings.HasSuffix(strings.TrimSpace(doc.Passages[j].Text), ":") {
		return nil
	}
	text := doc.Passages[j].Text
	from := 0
	if i := strings.LastIndexAny(strings.TrimRight(text, ": "), ".!?"); i >= 0 {
		from = i + 1
	}
	var out []Mention
	for _, mi := range byPassage[j] {
		if m := ms[mi]; m.Start >= from && m.Entity != "" && !m.Nested {
			out = append(out, m)
		}
	}
	return out
}

// normaliseFunding turns "an instrument funded by an actor" into "the
// actor finances the instrument" and "an actor (that is a fund) finances"
// into "funded by the fund", so that each funding fact has one form.
func normaliseFunding(fs []Fact, kb *KB) []Fact {
	isFund := func(id string) bool {
		c := kb.Entities[id].Class
		return c == "Fund" || c == "Appropriation"
	}
	for i, f := range fs {
		switch {
		case f.P == ontology.FundedBy && classTop[kb.Entities[f.O.ID].Class] == "Actor":
			fs[i] = Fact{S: f.O, P: ontology.Finances, O: f.S, Passage: f.Passage}
		case f.P == ontology.Finances && isFund(f.S.ID):
			fs[i] = Fact{S: f.O, P: ontology.FundedBy, O: f.S, Passage: f.Passage}
		}
	}
	return fs
}

// preferred drops a weaker reading a sentence gives of a pair it also
// states more exactly: taking part in what one runs, finances or is a
// member of, an instrument governed by a law that requires it.
func preferred(fs []Fact) []Fact {
	has := map[Fact]bool{}
	for _, f := range fs {
		has[Fact{S: f.S, P: f.P, O: f.O}] = true
	}
	out := fs[:0]
	for _, f := range fs {
		k := Fact{S: f.S, O: f.O}
		switch f.P {
		case ontology.ParticipatesIn:
			stronger := false
			for _, p := range []string{ontology.ResponsibleFor, ontology.MemberOf, ontology.Finances} {
				k.P = p
				stronger = stronger || has[k]
			}
			if stronger {
				continue
			}
		case ontology.Governs:
			k.P = ontology.Requires
			if has[k] {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

func insideMention(in []Mention, s, e int) bool {
	for _, m := range in {
		if s < m.End && e > m.Start && !m.Anaphor {
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

// sentence is one sentence of a passage with the names in it.
type sentence struct {
	text       string // the passage
	start, end int    // the sentence's span in text
	in         []Mention
	lead       []Mention // names of a list item's lead-in
	context    []string  // what the passage speaks of
	kb         *KB
	members    func(Mention) []string
}

// clauseWord matches words that end a list: a name after them is no longer
// coordinated with the one before.
var clauseWord = regexp.MustCompile(`^(?:som|att|för|med|från|av|i|på|till|är|har|ska|kan|inom|genom|där|men|vilket|vilka|då|när|om)$`)

// relativeGap matches "X (2010:2012) som styr …": a preposition before X
// does not keep it from being the relative clause's subject.
var relativeGap = regexp.MustCompile(`^\s*(?:\([^)]*\))?\s*,?\s*som\s`)

var coordSplit = regexp.MustCompile(`\s*(?:,|&|/|\s(?:och|samt|eller)\s)\s*`)

// coordinated reports whether the text between two names joins them in a
// list: separators, and between them at most short lower-case phrases
// ("Region Skåne, fem skånska kommuner, kommunförbundet Skånes kommuner").
func coordinated(gap string) bool {
	if strings.TrimSpace(gap) == "" {
		return true
	}
	g := " " + gap + " "
	if !coordSplit.MatchString(g) {
		return false
	}
	for _, piece := range coordSplit.Split(g, -1) {
		ws := strings.Fields(piece)
		if len(ws) > 3 {
			return false
		}
		for _, w := range ws {
			if clauseWord.MatchString(w) || startsUpper(w) || w == "utom" || w == "förutom" {
				return false
			}
		}
	}
	return true
}

// groups splits the sentence's names before from (or from on, when
// after) into runs of coordinated names; the cue's own words are no names.
func (sc *sentence) groups(cs, ce int, after bool) [][]Mention {
	var out [][]Mention
	var prev *Mention
	for i := range sc.in {
		m := sc.in[i]
		if (after && m.Start < ce) || (!after && m.End > cs) {
			continue
		}
		if prev != nil && (coordinated(sc.text[prev.End:m.Start]) || sc.repeatsPreposition(out[len(out)-1][0].Start, sc.text[prev.End:m.Start])) {
			out[len(out)-1] = append(out[len(out)-1], m)
		} else {
			out = append(out, []Mention{m})
		}
		prev = &sc.in[i]
	}
	return out
}

// clauseAfter matches an infinitive clause that opens between a cue and a
// name after it ("består av åtta kommuner med ett gemensamt mål att driva
// regionen framåt"): the name is that verb's object. A clause right after
// the cue is its argument ("ansvarar för att bedriva …").
var clauseAfter = regexp.MustCompile(`^\s*\S.*\satt\s`)

// prepCoord matches the gap of coordinated prepositional phrases: "… och
// av …", ", av …".
var prepCoord = regexp.MustCompile(`^\s*(?:,|,?\s*(?:och|samt|eller))\s+(\p{L}+)\s+$`)

// repeatsPreposition reports whether gap joins a name to the group
// starting at start by repeating the preposition before the group
// ("av Region Örebro och av Örebro kommun").
func (sc *sentence) repeatsPreposition(start int, gap string) bool {
	m := prepCoord.FindStringSubmatch(gap)
	if m == nil {
		return false
	}
	if _, ok := sc.kb.Lex.matchAny("preposition", m[1]); !ok {
		return false
	}
	ws := strings.Fields(sc.text[sc.start:start])
	return len(ws) > 0 && strings.EqualFold(ws[len(ws)-1], m[1])
}

// governed tells whether a preposition governs the name starting at i (a
// name in "i samverkan med det statliga Riksantikvarieämbetet" is no
// subject), and whether the preposition makes it a companion of the
// subject before it ("Region Stockholm har, tillsammans med Länsstyrelsen").
func (sc *sentence) governed(i int) (gov, companion bool) {
	before := strings.TrimRight(sc.text[sc.start:i], " ")
	for _, p := range sc.kb.Lex.patterns("companion") {
		if loc := p.Re.FindStringIndex(before); loc != nil && loc[1] == len(before) {
			return true, true
		}
	}
	ws := strings.Fields(before)
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-3; k-- {
		w := strings.Trim(ws[k], "”\"(")
		if strings.ContainsAny(ws[k], ",;:–") && k < len(ws)-1 {
			return false, false
		}
		if _, ok := sc.kb.Lex.matchAny("preposition", w); ok {
			return true, false
		}
		if !startsLowerWord(w) {
			return false, false
		}
	}
	return false, false
}

func startsLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// genitiveAt reports whether mention m stands in the genitive.
func (sc *sentence) genitiveAt(m Mention) bool {
	if m.Name != m.Surface {
		return true
	}
	return m.End < len(sc.text) && sc.text[m.End] == 's' && !isWordAt(sc.text, m.End+1)
}

// ownsCue reports whether m and the genitives coordinated with it run
// right up to the cue at cs.
func (sc *sentence) ownsCue(m Mention, cs int) bool {
	if m.End > cs {
		return false
	}
	end := m.End
	if sc.text[end] == 's' && m.Name == m.Surface {
		end++
	}
	for _, n := range sc.in {
		if n.Start < end || n.End > cs {
			continue
		}
		if !sc.genitiveAt(n) || !coordinated(sc.text[end:n.Start]) {
			return false
		}
		end = n.End
	}
	return strings.TrimSpace(sc.text[end:cs]) == ""
}

// pick chooses a cue's argument among the sentence's names.
func (sc *sentence) pick(cue Cue, side Side, classes []string, cs, ce int) []string {
	kb := sc.kb
	ok := func(m Mention) bool {
		if compoundHead(sc.text, m.End) || (m.Anaphor && m.Start < ce && m.End > cs) {
			return false // a modifier, or a word of the cue phrase itself
		}
		// A name in the genitive owns the noun after it ("regionens
		// besöksnäring"); it is an argument only as the owner of the cue's
		// own noun ("Region Xs och Länsstyrelsen Xs gemensamma strategi").
		if sc.genitiveAt(m) && !sc.ownsCue(m, cs) {
			return false
		}
		if m.Group {
			return cue.Groups && fits(m.Class, classes)
		}
		e := kb.Entities[m.Entity]
		return e != nil && fits(e.Class, classes)
	}
	ids := func(g []Mention) []string {
		var out []string
		for _, m := range g {
			if ok(m) {
				out = append(out, sc.members(m)...)
			}
		}
		return out
	}
	switch side {
	case Context:
		var out []string
		for _, id := range sc.context {
			if e := kb.Entities[id]; e != nil && fits(e.Class, classes) {
				out = append(out, id)
			}
		}
		return out
	case Sentence:
		var out []string
		for _, m := range sc.in {
			if (m.End <= cs || m.Start >= ce) && ok(m) {
				out = append(out, sc.members(m)...)
			}
		}
		return out
	case Before:
		gs := sc.groups(cs, ce, false)
		var companions []string
		for g := len(gs) - 1; g >= 0; g-- {
			grp := gs[g]
			if len(ids(grp)) == 0 {
				continue
			}
			first := grp[0]
			for _, m := range grp {
				if ok(m) {
					first = m
					break
				}
			}
			gov, comp := sc.governed(first.Start)
			relative := relativeGap.MatchString(sc.text[grp[len(grp)-1].End:cs])
			if gov && !relative {
				if comp {
					companions = append(companions, ids(grp)...)
				}
				continue
			}
			return append(ids(grp), companions...)
		}
		// Inverted order after a fronted phrase: the subject follows the
		// verb ("I samverkan med … driver regionen ett projekt").
		if next := sc.groups(cs, ce, true); len(next) > 0 && strings.TrimSpace(sc.text[ce:next[0][0].Start]) == "" {
			if out := ids(next[0]); len(out) > 0 {
				return append(out, companions...)
			}
		}
		for i := len(sc.lead) - 1; i >= 0; i-- {
			if ok(sc.lead[i]) {
				return sc.members(sc.lead[i])
			}
		}
	case After:
		for _, grp := range sc.groups(cs, ce, true) {
			var out []string
			modifiers := 0
			for _, m := range grp {
				if len(out) == 0 && (m.Start-ce > cue.Window || clauseAfter.MatchString(sc.text[ce:m.Start])) {
					return nil
				}
				if ok(m) {
					out = append(out, sc.members(m)...)
				} else if compoundHead(sc.text, m.End) {
					modifiers++
				}
			}
			if len(out) > 0 {
				return out
			}
			if modifiers > 0 {
				return nil // "med stöd av EU-medel och …": the argument is no name
			}
		}
	case Any:
		best, dist := -1, -1
		for i, m := range sc.in {
			if !ok(m) {
				continue
			}
			d := cs - m.End
			if m.Start >= ce {
				d = m.Start - ce
			}
			if d >= 0 && (dist < 0 || d < dist) {
				best, dist = i, d
			}
		}
		if best >= 0 {
			return sc.members(sc.in[best])
		}
		for i := len(sc.lead) - 1; i >= 0; i-- {
			if ok(sc.lead[i]) {
				return sc.members(sc.lead[i])
			}
		}
	}
	return nil
}

// ownerGap reports whether the text between an owner in the genitive and
// a name keeps them together: nothing, or one class noun ("regeringens
// satsning Smart Industri").
func ownerGap(lx *Lexicon, gap string) bool {
	ws := strings.Fields(gap)
	if len(ws) == 0 {
		return strings.TrimSpace(gap) == ""
	}
	if len(ws) > 1 || gap != " "+ws[0]+" " {
		return false
	}
	for _, p := range lx.patterns("noun") {
		if loc := p.Re.FindStringIndex(ws[0]); loc != nil && loc[0] == 0 && loc[1] == len(ws[0]) {
			return true
		}
	}
	return false
}

// genitive finds what a genitive cue states: a subject in the genitive
// right before the object ("Post- och telestyrelsens bredbandsstöd"), or
// opening the object's name ("Region Norrbottens Smarta
// specialiseringsstrategi").
func (sc *sentence) genitive(cue Cue, ms []Mention, idx []int) []Fact {
	fit := func(id string, classes []string) bool {
		e := sc.kb.Entities[id]
		return e != nil && fits(e.Class, classes)
	}
	var out []Fact
	add := func(s, o string) {
		if s != o && fit(s, cue.Domain) && fit(o, cue.Range) {
			out = append(out, Fact{S: Node{Kind: EntityNode, ID: s}, P: ontology.NS + cue.Property, O: Node{Kind: EntityNode, ID: o}})
		}
	}
	for i := 1; i < len(sc.in); i++ {
		a, b := sc.in[i-1], sc.in[i]
		if a.Anaphor || a.Group || a.Name == a.Surface || !ownerGap(sc.kb.Lex, sc.text[a.End:b.Start]) {
			continue
		}
		add(a.Entity, b.Entity)
	}
	for _, mi := range idx {
		m := ms[mi]
		if m.Nested && m.Start >= sc.start && m.End <= sc.end && m.Start == ms[m.Outer].Start && m.Name != m.Surface {
			add(m.Entity, ms[m.Outer].Entity)
		}
	}
	return out
}

// exampleSubjects finds what a worked example is about, and per passage
// of the example, the subjects that passage speaks of. A heading that
// introduces several examples features the entities that open its
// paragraphs, each spoken of until the next paragraph opening with a name;
// otherwise the heading's title names the subject: a known entity, the
// known entities a title lists ("ESS, Max IV och Science Village"), or a
// new instrument whose class the text tells ("projektet", "strategin", …).
// A title whose class nothing tells is no subject: a wrong entity is worse
// than a missing one.
func exampleSubjects(doc *Document, xi int, ms []Mention, byPassage map[int][]int, kb *KB) ([]string, map[int][]string) {
	x := doc.Examples[xi]
	per := map[int][]string{}
	if _, multi := kb.Lex.matchAny("multi", x.Title); multi || x.Title == "" {
		var out, cur []string
		seen := map[string]bool{}
		for _, pi := range x.Passages {
			idx := byPassage[pi]
			opens := false
			for k, mi := range idx {
				m := ms[mi]
				if m.Start > 0 || m.Anaphor {
					break
				}
				opens = true
				cur = nil
				// "Region Skånes Innovationsstrategi …": what the opening
				// genitive owns.
				if k+1 < len(idx) && m.Name != m.Surface && strings.TrimSpace(doc.Passages[pi].Text[m.End:ms[idx[k+1]].Start]) == "" {
					m = ms[idx[k+1]]
				}
				e := kb.Entities[m.Entity]
				if e != nil && featurable(e.Class) {
					cur = []string{e.ID}
				}
				break
			}
			if !opens && len(cur) == 1 {
				if id := introduced(doc.Passages[pi].Text, idx, ms, kb, cur[0]); id != "" {
					cur = []string{id}
				}
			}
			for _, id := range cur {
				if !seen[id] {
					seen[id] = true
					out = append(out, id)
				}
			}
			per[pi] = cur
		}
		return out, per
	}
	subj := titleSubjects(doc, x, ms, byPassage, kb)
	for _, pi := range x.Passages {
		per[pi] = subj
	}
	return subj, per
}

// introduced returns the one thing of the same top class as the current
// subject cur that the first sentence of a paragraph names without
// referring back to anything ("År 2020 övergick det tidigare privatägda
// bolaget Visit Blekinge …" after a paragraph on Visit Halland): the
// paragraph is about it. "" when there is none or more than one.
func introduced(text string, idx []int, ms []Mention, kb *KB, cur string) string {
	sp := sentences(text, kb.Lex)
	if len(sp) == 0 {
		return ""
	}
	found := ""
	for _, mi := range idx {
		m := ms[mi]
		if m.Start >= sp[0][1] {
			break
		}
		if m.Anaphor && featurable(m.Class) || m.Entity == cur {
			return "" // the sentence refers to a subject
		}
		e := kb.Entities[m.Entity]
		if m.Nested || e == nil || !featurable(e.Class) || classTop[e.Class] != classTop[kb.Entities[cur].Class] {
			continue
		}
		if found != "" && found != e.ID {
			return ""
		}
		found = e.ID
	}
	return found
}

// titleSplit separates the names a title lists.
var titleSplit = regexp.MustCompile(`\s*,\s*|\s+och\s+`)

func titleSubjects(doc *Document, x Example, ms []Mention, byPassage map[int][]int, kb *KB) []string {
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
		if m.Start == 0 && m.End >= len(main) && m.Entity != "" && !m.Nested {
			if e := kb.Entities[m.Entity]; e != nil && featurable(e.Class) {
				return []string{e.ID}
			}
		}
	}
	for _, name := range []string{main, x.Title} {
		if id, ok := kb.Find(name); ok {
			if e := kb.Entities[id]; featurable(e.Class) {
				return []string{id}
			}
			return nil
		}
	}
	// A title listing names: the ones that are known.
	if parts := titleSplit.Split(main, -1); len(parts) > 1 {
		var out []string
		for _, part := range parts {
			if id, ok := kb.Find(part); ok && featurable(kb.Entities[id].Class) && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		if len(out) > 0 || strings.Contains(main, ",") {
			return out
		}
	}
	if len(strings.Fields(main)) > 6 {
		return nil // a description, not a name
	}
	class := subjectClass(doc, x, main, kb.Lex)
	if class == "" {
		return nil
	}
	return []string{kb.Mint(main, class, "")}
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
// title, then from "<name> är en … <noun>" in its text, then from a class
// noun opening a sentence of its first paragraph; "" when nothing tells.
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
		return ""
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
	// A definite class noun opening a sentence of the first paragraph
	// ("Satsningen har fått stöd …") speaks of the subject.
	first := doc.Passages[x.Passages[0]].Text
	for _, sp := range sentences(first, lx) {
		w := strings.ToLower(strings.FieldsFunc(first[sp[0]:sp[1]], func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })[0])
		for _, p := range nouns {
			if wordMatch(p, w) {
				return p.Class
			}
		}
	}
	return ""
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
		next := i + 1
		for next < len(text) && text[next] == ' ' {
			next++
		}
		if next == i+1 || next >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[next:])
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
		start = next
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}
