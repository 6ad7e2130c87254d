// Package recognise is the stage that finds names in sentences: spans that
// name an actor, law, mandate, instrument or theme, each with its class.
//
// It reads Doc.Sentences (with tokens) and adds Doc.Mentions. Known names
// come from a Gazetteer built from the registers and the genre's vocabulary;
// names no register holds are found by general Swedish patterns (law
// citations with SFS numbers, "-lagen" compounds, companies "X AB",
// capitalised names a class noun or an apposition classifies, quoted
// names); stated tasks ("ansvar för …", "i uppdrag att …", an actor that
// "ska …", the items of a list of duties) become Mandate mentions. It does
// not decide which real thing a name is: that is the linker's work.
package recognise

import (
	"regexp"
	"slices"
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// Stage recognises mentions with a gazetteer.
type Stage struct {
	G *Gazetteer
	// RegionOf maps a county's key to the key of the region that serves
	// it: bare county names listed after "regionerna" name regions.
	RegionOf map[string]string
}

// Name implements doc.Stage.
func (Stage) Name() string { return "recognise" }

// Requires implements doc.Stage.
func (Stage) Requires() []doc.Annotation { return []doc.Annotation{doc.Sentences} }

// Provides implements doc.Stage.
func (Stage) Provides() []doc.Annotation { return []doc.Annotation{doc.Mentions} }

// Run implements doc.Stage.
func (s Stage) Run(d *doc.Doc) error {
	var dutyLead bool      // the passage before was a lead-in to a list of duties
	var areas areaLead     // the passages are the areas a lead-in announced
	var actorLead bool     // the passage before was a lead-in naming an actor
	var regionsBefore bool // the sentence before spoke of the regions as a group
	subjects := exampleSubjects(d)
	regions := map[int][]cand{} // the regions a worked example's heading names
	back := &antecedents{last: map[string]antecedent{}}
	before := &recent{}
	short := &aliases{}
	named := &namedClasses{}
	again := &recurring{}
	for si, sent := range d.Sentences {
		p := &d.Passages[sent.Passage]
		var sub subject
		if p.Example >= 0 && p.Example < len(subjects) {
			sub = subjects[p.Example]
		}
		cs := s.sentence(sent.Tokens, p, sub, append(short.find(sent.Tokens), again.find(sent.Tokens)...))
		if regionsBefore {
			cs = s.openingRegions(sent.Tokens, cs)
		}
		regionsBefore = slices.ContainsFunc(cs, func(c cand) bool { return c.group && c.class == "Region" })
		cs = replace(cs, short.learn(sent.Tokens, cs))
		if sub.ok && p.Example < len(d.Examples) {
			before.nearer(cs, sub, d.Examples[p.Example].Heading, si)
		}
		again.learn(sent.Tokens, cs)
		cs = regionReferences(sent.Tokens, p, cs, regions)
		// an item that opens with "Att" and a verb states a task of the
		// lead-in's actor even when the lead-in names no duty
		if p.Kind == doc.ListItem && (dutyLead || actorLead && infinitive(sent.Tokens)) && len(sent.Tokens) > 1 && firstWords(d, si) {
			if c, ok := duty(sent.Tokens, cs); ok {
				cs = append(cs, c)
			}
		}
		if areas != noAreas && firstWords(d, si) {
			if c, ok := area(d, si, areas); ok {
				cs = append(cs, c)
			} else {
				areas = noAreas
			}
		}
		cs = append(cs, inlineAreas(sent.Tokens, cs)...)
		if p.Example < 0 || p.Example >= len(d.Examples) {
			cs = append(cs, back.subjectActor(sent.Tokens, cs, sent.Passage)...)
			cs = append(cs, s.G.genericOwners(sent.Tokens, cs, named.of(sent.Passage))...)
		}
		cs = append(cs, back.resolve(sent.Tokens, cs, sent.Passage)...)
		cs = append(cs, before.heads(sent.Tokens, cs, sent.Passage)...)
		cs = append(cs, before.pronouns(d, si, cs)...)
		slices.SortFunc(cs, func(a, b cand) int { return a.from - b.from })
		first := len(d.Mentions)
		for _, c := range cs {
			d.Mentions = append(d.Mentions, mention(d, si, sent.Tokens, c))
		}
		if len(sent.Tokens) > 0 {
			back.remember(d.Mentions[first:], sent.Passage, sent.Tokens[opening(sent.Tokens)].Start)
		}
		before.remember(d, si, d.Mentions[first:])
		named.remember(d.Mentions[first:], sent.Passage)
		if lastOfPassage(d, si) {
			switch {
			case p.Kind != doc.ListItem:
				dutyLead = leadsDuties(sent.Tokens, cs)
				actorLead = leadsActor(sent.Tokens, cs)
			}
			if lead := leadsAreas(d, si); lead != noAreas {
				areas = lead
			}
		}
	}
	subjectThemes(d)
	return nil
}

// firstWords reports whether sentence si is the first of its passage with
// words ("1." may stand alone before the item's words).
func firstWords(d *doc.Doc, si int) bool {
	if !hasWords(d.Sentences[si].Tokens) {
		return false
	}
	for k := si - 1; k >= 0 && d.Sentences[k].Passage == d.Sentences[si].Passage; k-- {
		if hasWords(d.Sentences[k].Tokens) {
			return false
		}
	}
	return true
}

func hasWords(toks []doc.Token) bool {
	for _, t := range toks {
		if t.Kind == doc.Word {
			return true
		}
	}
	return false
}

func firstOfPassage(d *doc.Doc, si int) bool {
	return si == 0 || d.Sentences[si-1].Passage != d.Sentences[si].Passage
}

func lastOfPassage(d *doc.Doc, si int) bool {
	return si == len(d.Sentences)-1 || d.Sentences[si+1].Passage != d.Sentences[si].Passage
}

// sentence returns the selected candidates of one sentence.
func (s Stage) sentence(toks []doc.Token, p *doc.Passage, sub subject, known []cand) []cand {
	all := known // the short forms the document defined before
	if sub.ok && p.Kind == doc.ExampleHeading {
		if c, ok := titleMention(p.Text, toks, sub); ok {
			all = append(all, c)
		}
	}
	if sub.ok && p.Kind != doc.ExampleHeading {
		for i := range toks {
			if c, ok := anaphor(toks, i, sub); ok {
				all = append(all, c)
			}
		}
	}
	st := stems(toks)
	for i := 0; i < len(toks); i++ {
		if m, ok := s.G.longest(toks, st, i); ok {
			n := s.G.names[m.name]
			prio := 4
			if m.stemmed {
				prio = 3
			}
			all = append(all, cand{from: m.from, to: m.to, class: n.Class, rule: "register", key: n.Key, group: n.Group, prio: prio})
		}
	}
	all = append(all, laws(toks)...)
	all = append(all, euActs(toks)...)
	all = append(all, companies(toks)...)
	all = append(all, names(toks, 0)...)
	all = append(all, kinds(toks)...)
	all = append(all, objectives(toks)...)
	all = append(all, acronymNames(toks)...)
	all = append(all, titles(toks)...)
	all = append(all, grantTitles(toks)...)
	all = append(all, compounds(toks)...)
	all = append(all, bodies(toks)...)
	all = append(all, campuses(toks)...)
	all = append(all, s.levels(toks)...)
	picked := placesInNames(toks, instructions(toks, selectSpans(trimAgencies(toks, all))))
	// a partner coordinated with a partner is one too: "tillsammans med A och B"
	for range 3 {
		more, drop := s.coordinatedActors(toks, picked)
		if len(more) == 0 {
			break
		}
		kept := picked[:0]
		for _, c := range picked {
			if !drop[c.from] {
				kept = append(kept, c)
			}
		}
		picked = append(kept, more...)
	}
	picked = extendGroups(toks, picked)
	picked = s.listedRegions(toks, picked)
	picked = s.regionAppositions(toks, picked)
	picked = s.slashRegions(toks, picked)
	picked = extendArticles(toks, picked)
	picked = extendPeriods(toks, picked)
	sp := newSpans(toks, picked)
	ms := mandates(toks, sp)
	ms = append(ms, roles(toks, sp.actorEndsAt)...)
	ms = append(ms, ownedTasks(toks, sp)...)
	ms = append(ms, subjectTask(toks, sp)...)
	for _, m := range ms {
		// a known mandate inside the phrase names it already; the phrase
		// with its lead is another name of it ("ansvar för att bedriva
		// regional biblioteksverksamhet")
		if k := indexClass(picked, m, "Mandate"); k >= 0 {
			if c := &picked[k]; !c.hasAlt && m.from < c.from {
				c.alt, c.altTo, c.hasAlt = m.from, m.to, true
			}
			continue
		}
		picked = append(picked, m)
	}
	// a counted group in passing still bounds the tasks around it
	picked = generalResponsibilities(toks, passingCounts(toks, picked))
	slices.SortFunc(picked, func(a, b cand) int { return a.from - b.from })
	return picked
}

func indexClass(cs []cand, m cand, class string) int {
	for i, c := range cs {
		if c.class == class && c.from < m.to && m.from < c.to {
			return i
		}
	}
	return -1
}

// selectSpans keeps the longest candidates that do not overlap; a
// candidate of a closed class yields to any register name it overlaps.
func selectSpans(all []cand) []cand {
	slices.SortStableFunc(all, func(a, b cand) int {
		if la, lb := a.to-a.from, b.to-b.from; la != lb {
			return lb - la
		}
		if a.prio != b.prio {
			return b.prio - a.prio
		}
		return a.from - b.from
	})
	var out []cand
	for _, c := range all {
		if (strings.HasPrefix(c.rule, "closed:") || c.rule == "pattern:compound") && overlapsRule(all, c, "register") {
			continue
		}
		// a kind that starts inside a known name is part of it
		if c.rule == "pattern:kind" && startsInside(all, c, "register") {
			continue
		}
		// a title pattern yields to a known name it starts with
		if c.rule == "pattern:title" && startsRule(all, c, "register") {
			continue
		}
		if !overlapsAny(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func startsInside(cs []cand, c cand, rule string) bool {
	for _, o := range cs {
		if o.rule == rule && o.from < c.from && c.from < o.to {
			return true
		}
	}
	return false
}

func startsRule(cs []cand, c cand, rule string) bool {
	for _, o := range cs {
		if o.rule == rule && o.from == c.from {
			return true
		}
	}
	return false
}

func overlapsRule(cs []cand, c cand, rule string) bool {
	for _, o := range cs {
		if o.rule == rule && o.from < c.to && c.from < o.to {
			return true
		}
	}
	return false
}

func overlapsAny(cs []cand, c cand) bool {
	for _, o := range cs {
		if o.from < c.to && c.from < o.to {
			return true
		}
	}
	return false
}

// placedGroups extends a group over the place that narrows it:
// "Regionerna i Norra Mellansverige", "alla kommuner i Örebro län" are
// groups of their own; the place's name inside is no mention of its own.
func placedGroups(toks []doc.Token, cs []cand) []cand {
	drop := map[int]bool{}
	for i := range cs {
		c := &cs[i]
		if !c.group || c.to+1 >= len(toks) || low(toks[c.to]) != "i" || toks[c.to+1].Kind != doc.Word || !lang.UpperFirst(toks[c.to+1].Text) {
			continue
		}
		end := capSeq(toks, c.to+1)
		inner := -1
		for k, o := range cs {
			if o.from == c.to+1 {
				inner = k
			}
		}
		if inner >= 0 && (cs[inner].to != end || !placeClass(cs[inner].class)) || inner < 0 && notNames[toks[c.to+1].Text] {
			continue // "regionerna i Region Skånes …" names no place; "regionerna i Sverige" are all of them
		}
		if inner >= 0 {
			drop[inner] = true
		}
		var words []string
		for _, t := range toks[c.to+1 : end] {
			words = append(words, t.Text)
		}
		c.key += "@i " + strings.Join(words, " ")
		c.to = end
	}
	if len(drop) == 0 {
		return cs
	}
	out := cs[:0]
	for k, c := range cs {
		if !drop[k] {
			out = append(out, c)
		}
	}
	return out
}

// placeClass tells the classes whose names name a place: a county, or a
// municipality named by its town.
func placeClass(c string) bool { return c == "County" || c == "Municipality" }

// groupQuantifiers before a group noun belong to the group's name and keep
// its meaning ("samtliga regioner"); groupScopes narrow it to another group
// ("länets kommuner").
var (
	groupQuantifiers = map[string]bool{"alla": true, "samtliga": true, "sveriges": true, "landets": true, "berörda": true, "flera": false}
	groupScopes      = map[string]bool{"länets": true, "regionens": true, "länens": true, "två": true, "tre": true, "fyra": true,
		"fem": true, "sex": true, "sju": true, "åtta": true, "nio": true, "tio": true, "elva": true, "tolv": true}
)

func extendGroups(toks []doc.Token, cs []cand) []cand {
	cs = placedGroups(toks, cs)
	for i := range cs {
		c := &cs[i]
		if !c.group || c.from == 0 {
			continue
		}
		w := low(toks[c.from-1])
		// "fem skånska kommuner": an adjective between the number and the noun
		if c.from >= 2 && groupScopes[low(toks[c.from-2])] && adjective(w) {
			c.key += "@" + w
			c.from--
			w = low(toks[c.from-1])
		}
		switch {
		case groupQuantifiers[w]:
			c.from--
		case groupScopes[w]:
			c.from--
			c.key += "@" + w
			// "länets sex kommuner": the county's scope before a number
			if c.from > 0 && groupScopes[low(toks[c.from-1])] {
				c.from--
				c.key += "@" + low(toks[c.from])
			}
		}
	}
	return cs
}

// placeQualifiers are capitalised words that make a place's name with the
// place: "Norra Dalarna", "Östra Göinge".
var placeQualifiers = map[string]bool{"Norra": true, "Södra": true, "Östra": true, "Västra": true, "Mellersta": true,
	"Inre": true, "Övre": true, "Nedre": true, "Stor": true, "Stora": true, "Lilla": true}

// placesInNames drops a place's one-word name that ends a longer
// capitalised name no rule took: a person's surname ("Karin Berg", "Per
// Lund") or the place of an organisation ("Science Park Lund") is no
// mention of the place.
func placesInNames(toks []doc.Token, cs []cand) []cand {
	out := cs[:0]
	for _, c := range cs {
		p := c.from - 1
		if c.rule == "register" && placeClass(c.class) && c.to-c.from == 1 && p > 0 && toks[p].Kind == doc.Word &&
			lang.UpperFirst(toks[p].Text) && !taken(cs, p) && !notNames[toks[p].Text] && !countries[toks[p].Text] &&
			!placeQualifiers[toks[p].Text] && toks[p].End < toks[c.from].Start {
			continue
		}
		out = append(out, c)
	}
	return out
}

// adjective guesses an inflected adjective: "skånska", "statliga".
func adjective(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "a") && !functionWord(w) && !groupScopes[w]
}

// extendArticles takes a definite article before a common-noun name into
// it: "det regionala utvecklingsansvaret". A body's name has none: "den
// regionala utvecklingsnämnden" is "regionala utvecklingsnämnden".
func extendArticles(toks []doc.Token, cs []cand) []cand {
	for i := range cs {
		c := &cs[i]
		if c.from == 0 || c.group || c.class == "PoliticalBody" || lang.UpperFirst(toks[c.from].Text) {
			continue
		}
		if w := low(toks[c.from-1]); (w == "det" || w == "den" || w == "de") && !taken(cs, c.from-1) {
			c.from--
		}
	}
	return cs
}

// extendPeriods takes the years an instrument's name ends with into it:
// "den nationella strategin … i hela landet 2021–2030".
func extendPeriods(toks []doc.Token, cs []cand) []cand {
	for i := range cs {
		c := &cs[i]
		if !instrumentClass(c.class) || c.to >= len(toks) || taken(cs, c.to) {
			continue
		}
		if end := periodAt(toks, c.to); end > 0 {
			c.to = end
		}
	}
	return cs
}

// periodAt returns the end of a year or a period of years ("2021–2030",
// "2021‑2030") starting at token i, or 0.
func periodAt(toks []doc.Token, i int) int {
	year := func(k int) bool { return k < len(toks) && yearRe.MatchString(toks[k].Text) }
	switch {
	case year(i) && i+2 < len(toks) && strings.ContainsAny(toks[i+1].Text, "-–‑‐") && year(i+2) && toks[i+1].Start == toks[i].End:
		return i + 3
	case i < len(toks) && periodRe.MatchString(toks[i].Text):
		return i + 1
	}
	return 0
}

var (
	yearRe   = regexp.MustCompile(`^(19|20)\d\d$`)
	periodRe = regexp.MustCompile(`^(19|20)\d\d[-–‑‐](19|20)\d\d$`)
)

func taken(cs []cand, t int) bool {
	for _, c := range cs {
		if c.from <= t && t < c.to {
			return true
		}
	}
	return false
}

func mention(d *doc.Doc, si int, toks []doc.Token, c cand) doc.Mention {
	text := d.Passages[d.Sentences[si].Passage].Text
	m := doc.Mention{Sentence: si, Start: toks[c.from].Start, End: toks[c.to-1].End, Class: c.class, Rule: c.rule,
		Key: c.key, Group: c.group, SFS: c.sfs, Entity: -1, Score: 1}
	m.Text = text[m.Start:m.End]
	if c.hasAlt {
		end := m.End
		if c.altTo > 0 {
			end = toks[c.altTo-1].End
		}
		m.Alt = text[toks[c.alt].Start:end]
	}
	m.Name = c.name
	if m.Name == "" {
		m.Name = m.Text
	}
	if c.sfs == "" && (c.class == "Act" || c.class == "Ordinance") {
		for _, t := range toks[c.from:c.to] {
			if sfsRe.MatchString(t.Text) {
				m.SFS = t.Text
			}
		}
	}
	return m
}

// areaNouns announce the areas a strategy or policy sets out.
var areaNouns = []string{"områden", "områdena", "prioriteringar", "prioriteringarna"}

// areaLead tells what kind of lead-in announced a list of areas.
type areaLead uint8

const (
	noAreas      areaLead = iota
	colonAreas            // a passage ending in a colon: its passages after are areas
	headingAreas          // a heading of areas: only its list items are
)

// leadsAreas tells whether a passage, whose last sentence is si,
// introduces a list of a strategy's or a policy's areas: it ends in a
// colon and speaks of areas or priorities ("Strategiska områden för … är:",
// "… de åtta målområdena … Dessa är:"), or it is a short heading that
// ends in an area noun ("Prioriterade områden", "Våra prioriteringar").
func leadsAreas(d *doc.Doc, si int) areaLead {
	toks := d.Sentences[si].Tokens
	p := d.Sentences[si].Passage
	if d.Passages[p].Kind.Heading() && len(toks) > 0 && len(toks) <= 4 && areaNounIn(toks[len(toks)-1:]) {
		return headingAreas
	}
	if len(toks) == 0 || toks[len(toks)-1].Text != ":" {
		return noAreas
	}
	for k := si; k >= 0 && k > si-3 && d.Sentences[k].Passage == p; k-- {
		if areaNounIn(d.Sentences[k].Tokens) {
			return colonAreas
		}
	}
	return noAreas
}

// inlineAreas reads the areas a sentence lists after a colon that follows
// an area noun: "… listar fyra styrkeområden för länet: Innovativa
// material, Life science samt Cirkulär biobaserad ekonomi."
func inlineAreas(toks []doc.Token, cs []cand) []cand {
	colon := -1
	for k, t := range toks {
		if t.Text == ":" {
			colon = k
			break
		}
	}
	if colon < 0 || colon+2 >= len(toks) || !areaNounIn(toks[:colon]) {
		return nil
	}
	var out []cand
	from := colon + 1
	for k := from; k <= len(toks); k++ {
		if k < len(toks) && !(toks[k].Text == "," || toks[k].Text == "." || toks[k].Text == ";" || low(toks[k]) == "samt" ||
			low(toks[k]) == "och" && k+1 < len(toks) && lang.UpperFirst(toks[k+1].Text)) {
			continue
		}
		if k > from && k-from <= maxArea/2 && toks[from].Kind == doc.Word && lang.UpperFirst(toks[from].Text) && !taken(cs, from) {
			out = append(out, cand{from: from, to: k, class: "Theme", rule: "theme:area"})
		}
		from = k + 1
	}
	if len(out) < 2 {
		return nil // a list has more than one item
	}
	return out
}

func areaNounIn(toks []doc.Token) bool {
	for _, t := range toks {
		l := low(t)
		for _, n := range areaNouns {
			if strings.HasSuffix(l, n) {
				return true
			}
		}
	}
	return false
}

// maxArea is the most tokens an area's name has.
const maxArea = 16

// area makes a short passage after a lead-in to areas a Theme: the
// passage's words without its bullet, number or closing full stop. A long
// passage ends the list, and so does any other passage than a list item
// after a heading of areas.
func area(d *doc.Doc, si int, lead areaLead) (cand, bool) {
	p := d.Sentences[si].Passage
	if lead == headingAreas && d.Passages[p].Kind != doc.ListItem {
		return cand{}, false
	}
	n := 0
	for _, s := range d.Sentences[si:] {
		if s.Passage != p {
			break
		}
		n += len(s.Tokens)
	}
	toks := d.Sentences[si].Tokens
	if n > maxArea || d.Passages[p].Kind == doc.ChapterHeading {
		return cand{}, false
	}
	from, to := 0, len(toks)
	for from < to && (toks[from].Kind != doc.Word || toks[from].Kind == doc.Number) {
		from++
	}
	for to > from && toks[to-1].Kind == doc.Punct {
		to--
	}
	if to-from < 1 || !lang.UpperFirst(toks[from].Text) {
		return cand{}, false
	}
	return cand{from: from, to: to, class: "Theme", rule: "theme:area"}, true
}

// leadsActor reports whether a sentence ends in a colon after naming an
// actor: "Regionerna arbetar i huvudsak med tre frågor:".
func leadsActor(toks []doc.Token, cs []cand) bool {
	if len(toks) == 0 || toks[len(toks)-1].Text != ":" {
		return false
	}
	for _, c := range cs {
		if actorClass(c.class) {
			return true
		}
	}
	return false
}

// infinitive reports whether a list item opens with "Att" and a verb.
func infinitive(toks []doc.Token) bool {
	k := 0
	for k < len(toks) && toks[k].Kind != doc.Word {
		k++
	}
	return k+1 < len(toks) && low(toks[k]) == "att" && verbLike(toks[k+1].Text)
}

// leadsDuties reports whether a passage's last sentence introduces a list
// of an actor's duties: it ends in a colon and speaks of what an actor
// shall do or is responsible for.
func leadsDuties(toks []doc.Token, cs []cand) bool {
	if !leadsActor(toks, cs) {
		return statuteLead(toks, cs)
	}
	for _, t := range toks {
		switch low(t) {
		case "ska", "uppdrag", "uppdraget", "ansvar", "ansvarar", "ansvaret", "uppgifter", "uppgiften", "uppgift", "ansvarsområden":
			return true
		}
	}
	return false
}

// statuteLead reports whether a sentence introduces a numbered list of
// duties as a statute does, with no colon: "2 § Myndigheten ska
// särskilt", followed by "1. följa …", "2. …".
func statuteLead(toks []doc.Token, cs []cand) bool {
	if len(toks) < 2 || toks[len(toks)-1].Kind != doc.Word || !slices.ContainsFunc(cs, func(c cand) bool { return actorClass(c.class) }) {
		return false
	}
	return slices.ContainsFunc(toks, func(t doc.Token) bool { return low(t) == "ska" })
}

// duty makes the first sentence of a list item after a lead-in a Mandate
// unless a mandate was found in it already.
func duty(toks []doc.Token, cs []cand) (cand, bool) {
	for _, c := range cs {
		if c.class == "Mandate" {
			return cand{}, false
		}
	}
	from := 0
	for from < len(toks) && toks[from].Kind != doc.Word { // "•", "1."
		from++
	}
	if from >= len(toks) {
		return cand{}, false
	}
	if low(toks[from]) == "att" && from+1 < len(toks) {
		from++ // "Att ta fram kunskap …": the task is the verb's phrase
	}
	end := from
	for end < len(toks) && end-from < 14 && !(toks[end].Kind == doc.Punct && strings.ContainsAny(toks[end].Text, ".;:!?(")) {
		end++
	}
	for end > from && (functionWord(low(toks[end-1])) || toks[end-1].Text == ",") {
		end--
	}
	if end-from < 2 {
		return cand{}, false
	}
	return cand{from: from, to: end, class: "Mandate", rule: "mandate:list"}, true
}

var actorClasses = map[string]bool{"Actor": true, "Region": true, "Municipality": true, "County": false, "GovernmentAgency": true,
	"CountyAdministrativeBoard": true, "Government": true, "Ministry": true, "Parliament": true, "EUBody": true,
	"University": true, "Company": true, "Association": true, "Partnership": true, "PoliticalBody": true}

func actorClass(c string) bool { return actorClasses[c] }

var instrumentClasses = map[string]bool{"Instrument": true, "Strategy": true, "Plan": true, "Programme": true, "Project": true,
	"Fund": true, "Appropriation": true, "Platform": true, "Agreement": true, "Event": true, "Network": true}

func instrumentClass(c string) bool { return instrumentClasses[c] }

// regionReferences records the regions a worked example's heading names
// and adds "regionen" for the one region its example, or the sentence
// itself ("Region Värmlands plan tydliggör regionens folkhälsouppdrag"),
// names.
func regionReferences(toks []doc.Token, p *doc.Passage, cs []cand, regions map[int][]cand) []cand {
	if p.Example >= 0 {
		if p.Kind == doc.ExampleHeading {
			for _, c := range cs {
				if c.class == "Region" && c.key != "" && !c.group {
					regions[p.Example] = append(regions[p.Example], c)
				}
			}
		} else if rs := regions[p.Example]; len(rs) == 1 {
			cs = append(cs, regionAnaphors(toks, cs, rs[0])...)
		}
	}
	if r, ok := soleRegion(cs); ok {
		cs = append(cs, regionAnaphors(toks, cs, r)...)
	}
	return cs
}

// soleRegion returns the one region a sentence names, when it names one
// region and no group of regions.
func soleRegion(cs []cand) (cand, bool) {
	var out cand
	n := 0
	for _, c := range cs {
		if c.class != "Region" {
			continue
		}
		if c.group || c.key == "" || n > 0 && c.key != out.key {
			return cand{}, false
		}
		out, n = c, n+1
	}
	return out, n > 0
}

// regionAnaphors returns "regionen" in a worked example whose heading names
// one region: it is that region.
func regionAnaphors(toks []doc.Token, cs []cand, region cand) []cand {
	var out []cand
	for i, t := range toks {
		switch low(t) {
		case "regionen", "regionens":
		default:
			continue
		}
		if taken(cs, i) || i+1 < len(toks) && lang.UpperFirst(toks[i+1].Text) && toks[i+1].Kind == doc.Word {
			continue
		}
		out = append(out, cand{from: i, to: i + 1, class: "Region", rule: "anaphor", key: region.key})
	}
	return out
}

// instructions makes an agency's instruction a law: "Kulturrådets
// instruktion" is the ordinance that instructs the agency.
func instructions(toks []doc.Token, cs []cand) []cand {
	for i := range cs {
		c := &cs[i]
		if c.class != "GovernmentAgency" || c.to >= len(toks) {
			continue
		}
		if w := low(toks[c.to]); (w == "instruktion" || w == "instruktionen") && strings.HasSuffix(low(toks[c.to-1]), "s") {
			*c = cand{from: c.from, to: c.to + 1, class: "Ordinance", rule: "pattern:instruction", prio: 2}
		}
	}
	return cs
}

// regionAppositions reads a county's name that an apposition calls one of
// the regions as the region: "Västra Götaland, som en av de sex första
// regionerna, skulle …".
func (s Stage) regionAppositions(toks []doc.Token, cs []cand) []cand {
	for i := range cs {
		c := &cs[i]
		if c.class != "County" || c.to+2 >= len(toks) || toks[c.to].Text != "," || low(toks[c.to+1]) != "som" {
			continue
		}
		for _, o := range cs {
			if o.group && o.class == "Region" && o.from > c.to+1 && o.from <= c.to+8 {
				if key := s.regionNamed(toks, *c); key != "" {
					c.class, c.key, c.rule = "Region", key, "register:apposition"
				}
				break
			}
		}
	}
	return cs
}

// slashRegions reads two places joined by a slash that together are a
// region's name as the region: "Jämtland/Härjedalen".
func (s Stage) slashRegions(toks []doc.Token, cs []cand) []cand {
	for i := 0; i+1 < len(cs); i++ {
		a, b := cs[i], cs[i+1]
		if b.from != a.to+1 || toks[a.to].Text != "/" || !placeClass(a.class) || !placeClass(b.class) {
			continue
		}
		name := lang.Fold(joinTokens(toks[a.from:a.to]) + " " + joinTokens(toks[b.from:b.to]))
		if key := s.RegionOf["name:"+name]; key != "" {
			joined := cand{from: a.from, to: b.to, class: "Region", key: key, rule: "register:listed"}
			cs = slices.Replace(cs, i, i+2, joined)
		}
	}
	return cs
}

// openingRegions reads a list of two or more county or region names that
// opens a sentence after one about the regions as the regions they name:
// "Vilka regioner som har uppdraget framgår av lagen. Stockholm, Skåne
// och Halland har detta uppdrag."
func (s Stage) openingRegions(toks []doc.Token, cs []cand) []cand {
	var listed []int
	next := 0 // the token the next name of the list must start at
	for i, c := range cs {
		if c.from != next || s.regionNamed(toks, c) == "" {
			break
		}
		listed = append(listed, i)
		next = c.to + 1
		if next-1 >= len(toks) || toks[next-1].Text != "," && low(toks[next-1]) != "och" {
			break
		}
	}
	if len(listed) < 2 {
		return cs
	}
	for _, i := range listed {
		c := &cs[i]
		c.class, c.key, c.rule, c.group = "Region", s.regionNamed(toks, *c), "register:listed", false
	}
	return cs
}

// listedRegions reads "regionerna (Gävleborg, Dalarna och Värmland)",
// "fem regioner (Västmanland, Östergötland …)" and "sådana regioner är
// Kalmar, Sörmland och Västernorrland": county names listed after a group
// of regions name the regions serving them, in brackets or as a list of
// two or more.
func (s Stage) listedRegions(toks []doc.Token, cs []cand) []cand {
	open, bracket := -1, false
	for _, c := range cs {
		if c.group && c.class == "Region" && open < 0 {
			open, bracket = c.to, c.to < len(toks) && toks[c.to].Text == "("
		}
	}
	if open < 0 {
		return cs
	}
	var listed []int
	for i, c := range cs {
		if c.from >= open && s.regionNamed(toks, c) != "" {
			listed = append(listed, i)
		}
	}
	// "samtliga regioner, utom Stockholm": one name excepted from the group
	except := len(listed) == 1 && cs[listed[0]].from > 0 && (low(toks[cs[listed[0]].from-1]) == "utom" || low(toks[cs[listed[0]].from-1]) == "förutom")
	if !bracket && !except && len(listed) < 2 {
		return cs
	}
	for _, i := range listed {
		c := &cs[i]
		c.class, c.key, c.rule, c.group = "Region", s.regionNamed(toks, *c), "register:listed", false
	}
	return cs
}

// regionNamed returns the key of the region a county's name, or a bare
// name in a list of regions, stands for, or "".
func (s Stage) regionNamed(toks []doc.Token, c cand) string {
	if c.class == "County" {
		return s.RegionOf[c.key]
	}
	if c.class == "Region" || c.to-c.from > 2 {
		return ""
	}
	var name []string
	for _, t := range toks[c.from:c.to] {
		name = append(name, t.Text)
	}
	n := lang.Fold(strings.Join(name, " "))
	if key, ok := s.RegionOf["name:"+n]; ok {
		return key
	}
	// "Jämtland-Härjedalen", "Jämtland/Härjedalen" for Region Jämtland Härjedalen
	return s.RegionOf["name:"+strings.NewReplacer("-", " ", "/", " ").Replace(n)]
}
