// Package relate is the stage that reads relations between entities from
// the sentences that state them.
//
// It reads Doc.Sentences, Doc.Mentions and Doc.Entities and adds
// Doc.Relations. A relation is stated by a cue (cues.go: Swedish verbs and
// phrases of the genre, active or passive) between a fitting name before it
// and one after it, with the names coordinated with them ("A, B och C");
// a name a preposition governs is no subject. Mandates get their holders
// (the actor that "ansvarar för", "har i uppdrag att", "ska …", the actors
// of a list of duties' lead-in, the actor given an assignment: "regeringen
// gav Tillväxtverket i uppdrag att …") and the law that confers them when
// the sentence or the one before it in the passage names one.
package relate

import (
	"slices"
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// Stage relates entities.
type Stage struct{}

// Name implements doc.Stage.
func (Stage) Name() string { return "relate" }

// Requires implements doc.Stage.
func (Stage) Requires() []doc.Annotation {
	return []doc.Annotation{doc.Sentences, doc.Mentions, doc.Entities}
}

// Provides implements doc.Stage.
func (Stage) Provides() []doc.Annotation { return []doc.Annotation{doc.Relations} }

// span is a linked mention with its token range in its sentence.
type span struct {
	m        int // index into Doc.Mentions
	e        int // entity
	class    string
	from, to int
}

type sentence struct {
	d     *doc.Doc
	i     int
	toks  []doc.Token
	spans []span
}

// Run implements doc.Stage.
func (Stage) Run(d *doc.Doc) error {
	bySentence := map[int][]int{}
	for mi, m := range d.Mentions {
		if m.Entity >= 0 {
			bySentence[m.Sentence] = append(bySentence[m.Sentence], mi)
		}
	}
	r := &relater{d: d, seen: map[[3]string]bool{}, listed: map[int][]span{}}
	subjects := exampleSubjects(d)
	var ld lead // what the lead-in of a list says of its items
	var prevLaws, prevSubjects, prevTasks []span
	ar := &areaList{top: -1, policy: -1}
	var before [2]int // the relations the sentence before added
	for si, sent := range d.Sentences {
		sc := newSentence(d, si, bySentence[si])
		p := d.Passages[sent.Passage]
		added := len(d.Relations)
		r.instances(sc, before)
		var implied []span
		if p.Kind == doc.ListItem {
			implied = ld.actors
		}
		if p.Example >= 0 && p.Example < len(subjects) && subjects[p.Example] >= 0 {
			sub := subjects[p.Example]
			if p.Kind == doc.ExampleHeading {
				r.heading(sc, sub)
			} else {
				implied = append(implied, span{m: -1, e: sub, class: d.Entities[sub].Class, from: -1, to: -1})
			}
		}
		r.cues(sc, implied)
		r.lastNamed = sc.lastNamedAfter(r.lastNamed)
		r.phrases(sc)
		ar.relate(r, sc, p.Kind == doc.ListItem)
		first := si == 0 || d.Sentences[si-1].Passage != sent.Passage
		if first {
			prevLaws = nil
		}
		laws := prevLaws
		if p.Kind == doc.ListItem && len(ld.laws) > 0 {
			laws = ld.laws // "Enligt förordningen ska regionerna: …"
		}
		holders := ld.actors
		if p.Kind == doc.ListItem && ld.mandate != nil {
			// the items are parts of the lead's task: its holders and
			// grounds are the task's, stated once
			holders, laws = nil, nil
		}
		r.mandates(sc, holders, laws, prevSubjects, prevTasks)
		prevTasks = sc.ofClass("Mandate")
		if subs := sc.subject(); len(subs) > 0 && !sc.opensWithPronoun() {
			prevSubjects = subs
		} else if first && p.Kind.Heading() {
			prevSubjects = nil
		}
		if p.Kind == doc.ListItem && ld.mandate != nil {
			for _, m := range sc.ofClass("Mandate") {
				r.add(m.e, ld.mandate.e, "partOf", sc.i, "list:part")
			}
		}
		if laws := sc.ofClass("Law"); len(laws) > 0 {
			prevLaws = laws
		}
		if last := si == len(d.Sentences)-1 || d.Sentences[si+1].Passage != sent.Passage; last && p.Kind != doc.ListItem {
			ld = readLead(d, si, sc)
		}
		before = [2]int{added, len(d.Relations)}
	}
	r.settle()
	return nil
}

// leadIn reports whether sentence si, the last of its passage, leads in
// to the list items after it: it ends in a colon, or, as a statute
// writes, it says what someone "ska" do and the numbered items go on
// without a colon ("2 § Myndigheten ska särskilt" + "1. följa …").
func leadIn(d *doc.Doc, si int) bool {
	toks := d.Sentences[si].Tokens
	n := len(toks)
	if n > 0 && toks[n-1].Text == ":" {
		return true
	}
	if n < 2 || toks[n-1].Kind != doc.Word || si+1 >= len(d.Sentences) || d.Passages[d.Sentences[si+1].Passage].Kind != doc.ListItem {
		return false
	}
	return slices.ContainsFunc(toks, func(t doc.Token) bool { return strings.EqualFold(t.Text, "ska") })
}

// lead is what a passage that leads in to a list says of the items.
type lead struct {
	actors  []span
	mandate *span  // a task the lead-in names: the items are its parts
	laws    []span // the laws a lead-in names: they confer the items' tasks
}

// readLead reads the lead-in that sentence si, the last of a passage,
// makes, or none.
func readLead(d *doc.Doc, si int, sc *sentence) lead {
	var ld lead
	n := len(sc.toks)
	if n == 0 || !leadIn(d, si) {
		return ld
	}
	ld.laws = sc.ofClass("Law")
	if ms := sc.ofClass("Mandate"); len(ms) > 0 {
		ld.mandate = &ms[len(ms)-1]
	}
	ld.actors = sc.subjects(n-1, []string{"Actor"})
	// "Vidare ska RUS:" — what the items go on to say is of the instrument
	if len(ld.actors) == 0 {
		ld.actors = sc.subjects(n-1, []string{"Instrument"})
	}
	return ld
}

func newSentence(d *doc.Doc, si int, mis []int) *sentence {
	sc := &sentence{d: d, i: si, toks: d.Sentences[si].Tokens}
	for _, mi := range mis {
		m := d.Mentions[mi]
		from, to := -1, -1
		for k, t := range sc.toks {
			if from < 0 && t.Start >= m.Start {
				from = k
			}
			if t.End <= m.End {
				to = k + 1
			}
		}
		if from < 0 || to <= from {
			continue
		}
		sc.spans = append(sc.spans, span{m: mi, e: m.Entity, class: d.Entities[m.Entity].Class, from: from, to: to})
	}
	slices.SortFunc(sc.spans, func(a, b span) int { return a.from - b.from })
	return sc
}

type relater struct {
	d       *doc.Doc
	seen    map[[3]string]bool
	pending []doc.Relation // what worked examples' headings say, until their texts are read
	listed  map[int][]span // the regions a worked example's heading lists, by example
	// lastNamed is the last instrument the sentence before named, for a
	// demonstrative that opens the next one
	lastNamed []span
}

func (r *relater) add(s, o int, p string, si int, rule string) {
	if s == o || s < 0 || o < 0 {
		return
	}
	k := [3]string{r.d.Entities[s].ID, p, r.d.Entities[o].ID}
	if r.seen[k] {
		return
	}
	r.seen[k] = true
	r.d.Relations = append(r.d.Relations, doc.Relation{S: s, O: o, P: p, Sentence: si, Rule: rule})
}

func (r *relater) has(s, o int, p string) bool {
	return r.seen[[3]string{r.d.Entities[s].ID, p, r.d.Entities[o].ID}]
}

func (r *relater) remove(s, o int, p string) {
	delete(r.seen, [3]string{r.d.Entities[s].ID, p, r.d.Entities[o].ID})
	r.d.Relations = slices.DeleteFunc(r.d.Relations, func(x doc.Relation) bool { return x.S == s && x.O == o && x.P == p })
}

func low(t doc.Token) string { return strings.ToLower(t.Text) }

// cueAt returns the token after the cue's words standing at token i, or
// -1. An adverbial may stand between two of the words ("finansieras bland
// annat av", "ingår även i").
func cueAt(toks []doc.Token, i int, c cue) int {
	k := i
	for n, w := range c.words {
		if n > 0 && k < len(toks) && low(toks[k]) != w {
			k += adverbialAt(toks, k)
		}
		if k >= len(toks) || w != "*" && low(toks[k]) != w {
			return -1
		}
		k++
	}
	return k
}

// adverbials may stand inside a cue, word by word.
var adverbials = [][]string{{"bland", "annat"}, {"till", "största", "delen"}, {"till", "stor", "del"}, {"till", "viss", "del"},
	{"till", "del"}, {"framför", "allt"}, {"i", "huvudsak"}, {"i", "första", "hand"}, {"främst"}, {"även"}, {"också"},
	{"huvudsakligen"}, {"delvis"}, {"ofta"}, {"bl.a."}}

// adverbialAt returns how many tokens an adverbial at token k takes, or 0.
func adverbialAt(toks []doc.Token, k int) int {
	for _, a := range adverbials {
		if k+len(a) > len(toks) {
			continue
		}
		n := 0
		for n < len(a) && low(toks[k+n]) == a[n] {
			n++
		}
		if n == len(a) {
			return n
		}
	}
	return 0
}

// cues reads the relations cue phrases state. In a list item after a
// lead-in, the lead-in's actors are the subject the item leaves out. Of
// the cues at one place the longest that states something wins
// ("ingår även organisationerna" over "ingår även").
func (r *relater) cues(sc *sentence, implied []span) {
	named := len(sc.spans) + len(implied)
	if sc.opensWithDemonstrative() || sc.opensWithRole() {
		named += len(r.lastNamed)
	}
	if named < 2 {
		return
	}
	first := len(r.d.Relations)
	defer r.coAgents(sc, first)
	for i := range sc.toks {
		if sc.inside(i) {
			continue
		}
		type match struct {
			c        cue
			end      int
			inverted bool
		}
		var ms []match
		for _, c := range cues {
			if end, inverted := sc.cueEnd(i, c); end >= 0 {
				ms = append(ms, match{c, end, inverted})
			}
		}
		slices.SortStableFunc(ms, func(a, b match) int { return len(b.c.words) - len(a.c.words) })
		for _, m := range ms {
			if r.cue(sc, implied, i, m.end, m.c, m.inverted) > 0 {
				break
			}
		}
	}
}

// coAgents gives the partners "tillsammans med" adds to a subject the
// parts the sentence's verbs give that subject, in place of the mere
// taking part the phrase gives them: "A har, tillsammans med B, tagit
// initiativet till C" and "A är medfinansiär tillsammans med B" make B
// run or pay for C too.
func (r *relater) coAgents(sc *sentence, first int) {
	for k := 1; k < len(sc.toks); k++ {
		if low(sc.toks[k-1]) != "tillsammans" || low(sc.toks[k]) != "med" {
			continue
		}
		subs := sc.before(k-1, []string{"Actor"}, false)
		partners := sc.objects(k+1, []string{"Actor", "Fund"})
		if len(subs) == 0 || len(partners) == 0 || partners[0].from != k+1 {
			continue
		}
		for _, y := range slices.Clone(r.d.Relations[first:]) {
			if y.S != subs[0].e || y.P == "participatesIn" {
				continue
			}
			for _, b := range partners {
				if b.e == y.O {
					continue
				}
				r.remove(b.e, y.O, "participatesIn")
				r.add(b.e, y.O, y.P, sc.i, "cue:tillsammans med")
			}
		}
	}
}

// cue states the relations of cue c standing at tokens [i, end) and
// returns how many it found.
func (r *relater) cue(sc *sentence, implied []span, i, end int, c cue, inverted bool) int {
	var subs, objs []span
	// "Regionerna driver projekt med finansiering från ESF": a phrase
	// with "med" funds the undertaking, not the actor that runs it
	if c.p == "fundedBy" && i > 0 && low(sc.toks[i-1]) == "med" {
		c.subj = instrument
	}
	blocked := false
	if c.after {
		if subs, _ = sc.following(end, c.subj); len(subs) > 0 {
			objs = sc.objects(subs[len(subs)-1].to, c.obj)
		}
	} else if c.passive {
		// "I projektet X deltar A": the object may stand in a
		// prepositional phrase before the cue
		objs = sc.before(i, c.obj, true)
		subs, _ = sc.following(end, c.subj)
		if len(subs) == 0 && !inverted {
			subs = sc.adjacentActor(i, c.subj) // "… där regionerna deltar"
		}
	} else if c.phrase {
		subs = sc.before(i, c.subj, true)
		objs, blocked = sc.following(end, c.obj)
	} else {
		subs = sc.agents(i, c.subj)
		subs = append(subs, sc.through(end, c)...)
		objs, blocked = sc.following(end, c.obj)
	}
	if s := sc.spanAt(i + 1); inverted && fits(s.class, c.subj) {
		subs = append(subs, s)
	}
	if c.passive && len(objs) > 0 {
		objs = append(objs, sc.aside(i, end, c.obj)...)
	} else if !c.passive && len(subs) > 0 {
		subs = append(subs, sc.aside(i, end, c.subj)...)
	}
	if len(subs) > 0 {
		subs = append(subs, sc.besides(i, c.subj)...)
	}
	// what the sentence leaves out: the actors of a list's lead-in, the
	// subject of a worked example
	if len(subs) == 0 {
		subs = fitting(implied, c.subj)
	}
	// the implied thing is no object where a definite noun the text does
	// not name stands in its place: "administrerar stödet"
	// nor where the cue is a preposition alone ("inom"): its object follows it
	if len(objs) == 0 && !blocked && (c.passive || !sc.otherThing(end) && !sc.indefiniteThing(end) && !lonePreposition(c)) {
		objs = fitting(implied, c.obj)
	}
	// "Dessa ska utvecklas i samverkan med kommunerna": the pronoun
	// stands for what the sentence before named last
	if len(objs) == 0 && c.passive && (sc.opensWithDemonstrative() || i == 0 && sc.opensWithRole()) {
		objs = fitting(r.lastNamed, c.obj)
	}
	subs, objs = r.expand(sc, subs), r.expand(sc, objs)
	if !c.passive && !c.after {
		subs = append(subs, sc.ellipticSubjects(objs, c.subj)...)
	}
	n := 0
	for _, s := range subs {
		for _, o := range objs {
			if s.e != o.e {
				r.add(s.e, o.e, c.p, sc.i, "cue:"+strings.Join(c.words, " "))
				n++
			}
		}
	}
	return n
}

// through returns the actors "genom" puts right after an active cue
// ending at token end: in "Staten upprättar genom Trafikverket en
// nationell plan" the agency draws up the plan as well as the state. Only
// for who runs an instrument; money paid through an agency is the payer's.
func (sc *sentence) through(end int, c cue) []span {
	if c.p != "responsibleFor" || end+1 >= len(sc.toks) || low(sc.toks[end]) != "genom" {
		return nil
	}
	for k, s := range sc.spans {
		if s.from == end+1 && fits(s.class, c.subj) {
			return sc.coordinatedAfter(k, len(sc.toks), c.subj)
		}
	}
	return nil
}

// areaList follows the areas a strategy sets out: each area is part of
// the strategy named last before the list, and an item under an area
// (a bullet) is part of that area.
type areaList struct {
	top     int  // the last area outside a bullet, -1 when none
	policy  int  // the last strategy, programme or plan named, -1 when none
	at      int  // the passage that named it
	listing bool // list items are being read as the policy's areas
}

// areaReach is how many passages before a list of areas its strategy may
// be named.
const areaReach = 3

func (a *areaList) relate(r *relater, sc *sentence, item bool) {
	found := false
	for _, s := range sc.spans {
		rule := r.d.Mentions[s.m].Rule
		// a named objective a list item opens with is one of the areas too
		if rule != "theme:area" && !(item && rule == "pattern:objective" && s.m == sc.spans[0].m) {
			if !found && (policyClass(s.class) || r.d.Mentions[s.m].Rule == "pattern:objective") {
				a.policy, a.at = s.e, r.d.Sentences[sc.i].Passage // named before any area of the sentence
			}
			continue
		}
		found = true
		switch {
		case item && a.top >= 0:
			r.add(s.e, a.top, "partOf", sc.i, "area:item")
		case a.policy >= 0 && (a.top >= 0 || a.listing || r.d.Sentences[sc.i].Passage-a.at <= areaReach):
			r.add(s.e, a.policy, "partOf", sc.i, "area")
			if !item {
				a.top = s.e
			}
			a.listing = item // a numbered list runs on past the reach
		}
	}
	if !found {
		a.top, a.listing = -1, false // the list has ended
	}
}

// policyClass tells the classes that set out areas: strategies,
// programmes and plans (and a named policy: "de åtta målområdena för den
// nationella folkhälsopolitiken").
func policyClass(c string) bool { return c == "Strategy" || c == "Programme" || c == "Plan" }

// agents finds who does what an active cue at token i states: the actors
// asked to ("Regeringen uppdrar åt Trafikverket att ta fram …"), a
// relative clause's antecedent, or the subject.
func (sc *sentence) agents(i int, allowed []string) []span {
	if i > 0 && low(sc.toks[i-1]) == "att" {
		if off, _ := sc.offered(i); len(off) > 0 {
			return off
		}
	}
	if subs := sc.antecedent(i, allowed); len(subs) > 0 {
		return subs
	}
	return sc.subjects(i, allowed)
}

// opensWithRole reports whether the sentence opens with a role noun and
// "är" ("Projektägare är X.", "Partners är A och B."): the role is one in
// what the text named last.
func (sc *sentence) opensWithRole() bool {
	return len(sc.toks) > 2 && sc.toks[0].Kind == doc.Word && low(sc.toks[1]) == "är" && !sc.inside(0)
}

// expand reads "regionerna" in a worked example whose heading lists
// several regions as those regions.
func (r *relater) expand(sc *sentence, spans []span) []span {
	x := r.d.Passages[r.d.Sentences[sc.i].Passage].Example
	listed := r.listed[x]
	if x < 0 || len(listed) == 0 {
		return spans
	}
	var out []span
	for _, s := range spans {
		e := r.d.Entities[s.e]
		if s.m < 0 || !e.Group || e.Class != "Region" {
			out = append(out, s)
			continue
		}
		text := strings.ToLower(r.d.Mentions[s.m].Text)
		if e.Group && e.Class == "Region" && text == "regionerna" {
			out = append(out, listed...)
			continue
		}
		// "Regionerna i Norra Mellansverige": the group the text names,
		// and the regions the heading lists as its members
		if e.Group && e.Class == "Region" && strings.HasPrefix(text, "regionerna i ") {
			out = append(append(out, s), listed...)
			continue
		}
		out = append(out, s)
	}
	return out
}

// opensWithDemonstrative reports whether the sentence opens with "Dessa",
// "Denna" or "Detta", or "Den" or "Det" as a pronoun.
func (sc *sentence) opensWithDemonstrative() bool {
	if len(sc.toks) == 0 {
		return false
	}
	switch low(sc.toks[0]) {
	case "dessa", "denna", "detta":
		return true
	case "den", "det":
		// "Den ska också ligga till grund för …": a pronoun before a verb
		return len(sc.toks) > 1 && auxiliaries[low(sc.toks[1])]
	}
	return false
}

// auxiliaries follow a pronoun that opens a sentence.
var auxiliaries = map[string]bool{"ska": true, "skall": true, "är": true, "har": true, "kan": true, "bör": true, "måste": true, "blir": true, "ligger": true}

// lastNamedAfter is the instrument a sentence leaves for the next to
// refer to: its own last one, or the one before when it only gave a role
// in it ("Projektägare är A. Partners är B.").
func (sc *sentence) lastNamedAfter(before []span) []span {
	if last := sc.lastInstrument(); last != nil || !sc.opensWithRole() {
		return last
	}
	return before
}

// lastInstrument returns the last instrument the sentence names, if any.
// A fund or grant the money comes from ("… beviljades 12 miljoner kronor
// från Regionalfonden") is passed over for an instrument named before it:
// the sentence is about what received the money.
func (sc *sentence) lastInstrument() []span {
	var source []span
	for k := len(sc.spans) - 1; k >= 0; k-- {
		s := sc.spans[k]
		if !fits(s.class, []string{"Instrument"}) {
			continue
		}
		if source == nil && s.from > 0 && moneySource(s.class) && (low(sc.toks[s.from-1]) == "från" || low(sc.toks[s.from-1]) == "ur") {
			source = []span{s}
			continue
		}
		return []span{s}
	}
	return source
}

// moneySource reports whether instruments of the class pay money out.
func moneySource(class string) bool {
	return class == "Fund" || class == "Appropriation"
}

// otherThing reports whether token i is a definite common noun outside
// every mention ("stödet", "verksamheten"): a thing the sentence names
// without the text giving it a name.
func (sc *sentence) otherThing(i int) bool {
	if i >= len(sc.toks) || sc.toks[i].Kind != doc.Word || sc.inside(i) {
		return false
	}
	w := sc.toks[i].Text
	if lang.UpperFirst(w) {
		return false
	}
	for _, end := range []string{"et", "en", "na", "n"} {
		if strings.HasSuffix(w, end) && len(w) > len(end)+3 {
			return true
		}
	}
	return false
}

// lonePreposition reports whether the cue is a preposition alone.
func lonePreposition(c cue) bool { return len(c.words) == 1 && prepositions[c.words[0]] }

// indefiniteThing reports whether tokens i and i+1 are an adjective and
// a noun outside every mention ("erbjuder liknande lösningar"): an object
// of the verb's own that the text does not name.
func (sc *sentence) indefiniteThing(i int) bool {
	if i+1 >= len(sc.toks) || adverbialAt(sc.toks, i) > 0 || sc.inside(i) || sc.inside(i+1) {
		return false
	}
	for _, t := range sc.toks[i : i+2] {
		if !commonWord(t) || lang.UpperFirst(t.Text) || determiners[low(t)] {
			return false
		}
	}
	return true
}

// determiners open a noun phrase; what follows may be a name.
var determiners = map[string]bool{"en": true, "ett": true, "den": true, "det": true, "de": true, "sin": true, "sitt": true, "sina": true}

func fitting(spans []span, allowed []string) []span {
	var out []span
	for _, s := range spans {
		if fits(s.class, allowed) {
			out = append(out, s)
		}
	}
	return out
}

// exampleSubjects returns for each worked example the entity its heading's
// title names, or -1.
func exampleSubjects(d *doc.Doc) []int {
	out := make([]int, len(d.Examples))
	for i := range out {
		out[i] = -1
	}
	for _, m := range d.Mentions {
		if m.Rule != "example:title" || m.Entity < 0 {
			continue
		}
		if x := d.Passages[d.Sentences[m.Sentence].Passage].Example; x >= 0 && x < len(out) {
			out[x] = m.Entity
		}
	}
	return out
}

// heading reads a worked example's heading, "Title (Region X, Region
// Y)": the regions in the parentheses run what the title names, one
// region alone, several together. What the example's text says of a
// region's part (it finances, takes part) or of someone else running it
// wins; a region that also sits in the body it runs keeps both. The
// heading's reading is decided once the text is read (settle).
func (r *relater) heading(sc *sentence, sub int) {
	open := -1
	for k, t := range sc.toks {
		if t.Text == "(" {
			open = k
		}
	}
	if open < 0 {
		return
	}
	var regions []span
	for _, s := range sc.spans {
		if s.from > open && fits(s.class, []string{"Actor"}) && s.e != sub {
			regions = append(regions, s)
		}
	}
	p := "responsibleFor"
	if len(regions) > 1 {
		p = "participatesIn"
		r.listed[r.d.Passages[r.d.Sentences[sc.i].Passage].Example] = regions
	}
	for _, s := range regions {
		r.pending = append(r.pending, doc.Relation{S: s.e, O: sub, P: p, Sentence: sc.i, Rule: "example:heading"})
	}
}

// settle adds the heading relations the examples' texts leave standing.
// The one region a heading names that the text has work with others in
// what the heading names runs it: "Strukturbild X (Region Y)" and "I
// strukturbildsarbetet samverkar Region Y med länets kommuner"; a
// cooperation "mellan" equal parties leaves it one of them.
func (r *relater) settle() {
	for _, h := range r.pending {
		if h.P == "responsibleFor" && r.has(h.S, h.O, "participatesIn") && r.cooperates(h.S, h.O) {
			r.remove(h.S, h.O, "participatesIn")
		}
		told := false
		for _, x := range r.d.Relations {
			if x.S == h.S && x.O == h.O && !shared(x.P) || x.O == h.S && x.S == h.O || x.O == h.O && x.P == "responsibleFor" && x.S != h.S {
				told = true
				break
			}
		}
		if !told {
			r.add(h.S, h.O, h.P, h.Sentence, h.Rule)
		}
	}
}

// cooperates reports whether a verb of cooperation with partners
// ("samverkar med", "samarbetar med") gives s its part in o.
func (r *relater) cooperates(s, o int) bool {
	for _, x := range r.d.Relations {
		if x.S == s && x.O == o && x.P == "participatesIn" && (x.Rule == "cue:samverkar med" || x.Rule == "cue:samarbetar med") {
			return true
		}
	}
	return false
}

// shared tells the parts a region may have in an example besides
// running it: it sits in its body.
func shared(p string) bool { return p == "memberOf" }

// phrases reads the relations that phrases without a cue verb state:
// owners in the genitive, principals, parents in brackets, places and
// units.
func (r *relater) phrases(sc *sentence) {
	r.owners(sc)
	r.principals(sc)
	r.bracketedParents(sc)
	r.placed(sc)
	r.units(sc)
	r.roles(sc)
}

// owners reads an actor's name in the genitive right before an
// instrument's: "Region Värmlands folkhälsostrategiska plan" is the
// region's.
func (r *relater) owners(sc *sentence) {
	for k := 0; k+1 < len(sc.spans); k++ {
		a, b := sc.spans[k], sc.spans[k+1]
		if !fits(a.class, []string{"Actor"}) || !fits(b.class, []string{"Instrument"}) {
			continue
		}
		// "regeringens satsning Smart Industri", "Region Skånes digitala
		// applikation X": a class noun, with an adjective before it, may
		// stand between the owner and the name
		if gap := b.from - a.to; gap < 0 || gap > 2 || !sc.commonWords(a.to, b.from) {
			continue
		}
		if last := low(sc.toks[a.to-1]); strings.HasSuffix(last, "s") {
			r.add(a.e, b.e, "responsibleFor", sc.i, "genitive")
		}
	}
}

// commonWords reports whether the tokens [a, b) are all common words.
func (sc *sentence) commonWords(a, b int) bool {
	for _, t := range sc.toks[a:b] {
		if !commonWord(t) || lang.UpperFirst(t.Text) {
			return false
		}
	}
	return true
}

// placed reads a line that names an instrument and where it is, and
// nothing else: "Verksamhetsstöd för social hållbarhet i Region X." is
// the region's.
func (r *relater) placed(sc *sentence) {
	n := len(sc.toks)
	if n > 0 && sc.toks[n-1].Text == "." {
		n--
	}
	if len(sc.spans) != 2 {
		return
	}
	a, b := sc.spans[0], sc.spans[1]
	if a.from != 0 || !fits(a.class, []string{"Instrument"}) || !fits(b.class, []string{"Actor"}) ||
		b.from != a.to+1 || low(sc.toks[a.to]) != "i" || b.to != n {
		return
	}
	r.add(b.e, a.e, "responsibleFor", sc.i, "placed")
}

// unitNouns end the words that name a unit of an organisation.
var unitNouns = []string{"avdelning", "förvaltning", "enhet", "kansli", "sekretariat"}

// units reads "X är Region Ys besöksnäringsavdelning": X is a unit of
// the actor in the genitive.
func (r *relater) units(sc *sentence) {
	actor := []string{"Actor"}
	for k := 0; k+1 < len(sc.spans); k++ {
		a, b := sc.spans[k], sc.spans[k+1]
		if !fits(a.class, actor) || !fits(b.class, actor) || b.from != a.to+1 || low(sc.toks[a.to]) != "är" ||
			b.to >= len(sc.toks) || !strings.HasSuffix(low(sc.toks[b.to-1]), "s") {
			continue
		}
		for _, u := range unitNouns {
			if strings.HasSuffix(low(sc.toks[b.to]), u) {
				r.add(a.e, b.e, "partOf", sc.i, "unit")
				break
			}
		}
	}
}

// principalRoles name who runs a thing: "med Region X som huvudman".
var principalRoles = map[string]bool{"huvudman": true, "projektägare": true, "ägare": true, "värd": true, "projektledare": true}

// principals reads "X är ett partnerskap …, med Region Y som huvudman":
// the actor in the role runs what the sentence opens with.
func (r *relater) principals(sc *sentence) {
	if len(sc.spans) < 2 || sc.spans[0].from > 1 || sc.spans[0].from == 1 && !commonWord(sc.toks[0]) {
		return // "Projektet X är …" opens with X too
	}
	first := sc.spans[0]
	for _, s := range sc.spans[1:] {
		if s.from < 1 || s.to+1 >= len(sc.toks) || low(sc.toks[s.from-1]) != "med" || low(sc.toks[s.to]) != "som" ||
			!principalRoles[low(sc.toks[s.to+1])] || !fits(s.class, []string{"Actor"}) || s.e == first.e {
			continue
		}
		r.add(s.e, first.e, "responsibleFor", sc.i, "principal")
	}
}

// commonWord reports whether t is a word, no function word, that no name
// takes: a class noun or an adjective between an owner and a name
// ("regeringens satsning Smart Industri"), or before the name that opens
// a sentence ("Projektet Smart Industri är …").
func commonWord(t doc.Token) bool {
	if t.Kind != doc.Word {
		return false
	}
	switch w := strings.ToLower(t.Text); w {
	case "och", "samt", "eller", "även", "också", "men", "att", "som", "där":
		return false
	default:
		return !prepositions[w]
	}
}

// bracketedParents reads an organisation with its parent in brackets:
// "Trafikförvaltningen (Region Stockholm)" is part of the region.
func (r *relater) bracketedParents(sc *sentence) {
	if r.d.Passages[r.d.Sentences[sc.i].Passage].Kind == doc.ExampleHeading {
		return // "Title (Region X)" names who runs the example
	}
	actor := []string{"Actor"}
	for k := 0; k+1 < len(sc.spans); k++ {
		a, b := sc.spans[k], sc.spans[k+1]
		if !fits(a.class, actor) || !fits(b.class, actor) || b.from != a.to+1 || b.to >= len(sc.toks) {
			continue
		}
		if sc.toks[a.to].Text != "(" || sc.toks[b.to].Text != ")" || r.d.Entities[a.e].Group || r.d.Entities[b.e].Group {
			continue
		}
		if a.class == "Government" && b.class == "Ministry" {
			// "Regeringskansliet (Finansdepartementet)": the ministry in
			// brackets is the unit of the government offices meant
			r.add(b.e, a.e, "partOf", sc.i, "bracket:unit")
			continue
		}
		r.add(a.e, b.e, "partOf", sc.i, "bracket:parent")
	}
}

// inside reports whether token i belongs to a mention (a cue word inside a
// name is no cue).
func (sc *sentence) inside(i int) bool {
	for _, s := range sc.spans {
		if s.from <= i && i < s.to && s.class != "Mandate" {
			return true
		}
	}
	return false
}

var prepositions = map[string]bool{"i": true, "för": true, "av": true, "med": true, "till": true, "på": true, "om": true,
	"från": true, "inom": true, "mellan": true, "hos": true, "genom": true, "vid": true, "under": true, "enligt": true,
	"mot": true, "via": true, "åt": true, "utifrån": true, "kring": true, "bland": true, "utom": true, "förutom": true}

func (sc *sentence) governed(s span) bool {
	if s.from == 0 || !prepositions[low(sc.toks[s.from-1])] {
		return false
	}
	// "även om X har …": a conjunction, not a preposition
	if s.from >= 2 && low(sc.toks[s.from-1]) == "om" {
		if l := low(sc.toks[s.from-2]); l == "även" || l == "som" || l == "fast" {
			return false
		}
	}
	return true
}

// fits reports whether an entity class fits one of the allowed classes
// (a top class covers its subclasses).
func fits(class string, allowed []string) bool {
	top := topClass(class)
	for _, a := range allowed {
		if a == class || a == top {
			return true
		}
	}
	return false
}

// subjects returns the nearest fitting name that ends before token i and
// that no preposition governs, with the names coordinated with it and the
// partners placed beside it ("A har, tillsammans med B, tagit fram …").
func (sc *sentence) subjects(i int, allowed []string) []span {
	out := sc.before(i, allowed, false)
	if len(out) == 0 {
		return nil
	}
	for _, s := range sc.spans {
		if s.from > out[0].to && s.to <= i && fits(s.class, allowed) && sc.partner(s) {
			out = append(out, s)
		}
	}
	return out
}

// before returns the nearest fitting name that ends before token i, with
// the names coordinated with it; one a preposition governs only when
// governed is set.
func (sc *sentence) before(i int, allowed []string, governed bool) []span {
	for k := len(sc.spans) - 1; k >= 0; k-- {
		s := sc.spans[k]
		if s.to > i || !fits(s.class, allowed) || !governed && sc.governedList(k) {
			continue
		}
		return sc.withCoordinatedBefore(k, allowed)
	}
	return nil
}

// governedList reports whether a preposition governs span k or the list
// of names it closes: in "finansieras av A och B och är …" B is no
// subject either.
func (sc *sentence) governedList(k int) bool {
	for j := k; j >= 0; j-- {
		if sc.governed(sc.spans[j]) {
			return true
		}
		if j == 0 || !sc.coordinated(sc.spans[j-1].to, sc.spans[j].from) || sc.spans[j].within(sc.spans[j-1]) {
			return false
		}
	}
	return false
}

// withCoordinatedBefore returns span k with the fitting names coordinated
// with it before it ("A, B och k").
func (sc *sentence) withCoordinatedBefore(k int, allowed []string) []span {
	out := []span{sc.spans[k]}
	next := k
	for j := k - 1; j >= 0; j-- {
		if sc.spans[next].within(sc.spans[j]) {
			continue // "Regional utveckling Norrbotten" holds "Norrbotten"
		}
		if !sc.coordinated(sc.spans[j].to, sc.spans[next].from) {
			break
		}
		if next = j; fits(sc.spans[j].class, allowed) {
			out = append(out, sc.spans[j])
		}
	}
	return out
}

// within reports whether s lies inside the other name t: a name within a
// name ("Norrbotten" in "Regional utveckling Norrbotten") takes no part in
// a list of names.
func (s span) within(t span) bool {
	return s.m != t.m && t.from <= s.from && s.to <= t.to
}

// antecedent returns the name a relative "som" right before token i
// stands for, with the names coordinated with it: the subject of the
// clause even where a preposition governs it ("enligt den förordning som
// styr X").
func (sc *sentence) antecedent(i int, allowed []string) []span {
	if i < 1 || low(sc.toks[i-1]) != "som" {
		return nil
	}
	for k, s := range sc.spans {
		if s.to == i-1 && fits(s.class, allowed) {
			return sc.withCoordinatedBefore(k, allowed)
		}
	}
	return nil
}

// besides returns the names "förutom" or "utöver" adds before token i:
// "Förutom A och B ingår även C" states of A and B what it states of C.
func (sc *sentence) besides(i int, allowed []string) []span {
	for k, t := range sc.toks[:i] {
		if w := low(t); w != "förutom" && w != "utöver" {
			continue
		}
		for j, s := range sc.spans {
			if s.from == k+1 && s.to < i && fits(s.class, allowed) {
				return sc.coordinatedAfter(j, i, allowed)
			}
		}
	}
	return nil
}

// coordinatedAfter returns span k with the fitting names coordinated with
// it after it that end before token i.
func (sc *sentence) coordinatedAfter(k, i int, allowed []string) []span {
	out := []span{sc.spans[k]}
	last := k
	for j := k + 1; j < len(sc.spans) && sc.spans[j].to <= i; j++ {
		if sc.spans[j].within(sc.spans[last]) {
			continue
		}
		if !sc.coordinated(sc.spans[last].to, sc.spans[j].from) {
			break
		}
		if last = j; fits(sc.spans[j].class, allowed) {
			out = append(out, sc.spans[j])
		}
	}
	return out
}

// partner reports whether "tillsammans med" stands right before s.
func (sc *sentence) partner(s span) bool {
	return s.from >= 2 && low(sc.toks[s.from-1]) == "med" && low(sc.toks[s.from-2]) == "tillsammans"
}

// adjacentActor returns the fitting name that ends right before token i,
// with the names coordinated with it.
func (sc *sentence) adjacentActor(i int, allowed []string) []span {
	for k, s := range sc.spans {
		if s.to == i && fits(s.class, allowed) {
			return sc.withCoordinatedBefore(k, allowed)
		}
	}
	return nil
}

// spanAt returns the mention starting at token i; cueEnd has checked
// there is one.
func (sc *sentence) spanAt(i int) span {
	for _, s := range sc.spans {
		if s.from == i {
			return s
		}
	}
	return span{}
}

// cueEnd returns the token after the cue c standing at token i, or -1.
// inverted is set when an actor's name stands between the cue's verb and
// the rest of it, as when the subject follows the verb: "I projektet
// samverkar Region Blekinge med …".
func (sc *sentence) cueEnd(i int, c cue) (end int, inverted bool) {
	if end := cueAt(sc.toks, i, c); end >= 0 {
		return end, false
	}
	if len(c.words) < 2 || low(sc.toks[i]) != c.words[0] {
		return -1, false
	}
	rest := cue{words: c.words[1:]}
	for _, s := range sc.spans {
		if s.from != i+1 || !fits(s.class, []string{"Actor"}) {
			continue
		}
		if end := cueAt(sc.toks, s.to, rest); end >= 0 {
			return end, true
		}
	}
	if k := sc.asideEnd(i + 1); k > 0 {
		return cueAt(sc.toks, k, rest), false
	}
	return -1, false
}

// asideEnd returns the token after a partner set off by commas at token
// i, ", tillsammans med B,", or -1: "A ligger, tillsammans med B, till
// grund för C".
func (sc *sentence) asideEnd(i int) int {
	if i+3 >= len(sc.toks) || sc.toks[i].Text != "," || low(sc.toks[i+1]) != "tillsammans" || low(sc.toks[i+2]) != "med" {
		return -1
	}
	for k := i + 3; k < len(sc.toks); k++ {
		if sc.toks[k].Text == "," {
			return k + 1
		}
	}
	return -1
}

// aside returns the fitting names of a partner set off by commas inside
// the cue standing at tokens [i, end).
func (sc *sentence) aside(i, end int, allowed []string) []span {
	var out []span
	for _, s := range sc.spans {
		if s.from > i && s.to < end && sc.asideEnd(i+1) > s.to && fits(s.class, allowed) {
			out = append(out, s)
		}
	}
	return out
}

// objects returns the first fitting name starting at or after token i,
// within ten tokens, with the names coordinated with it.
func (sc *sentence) objects(i int, allowed []string) []span {
	for k := 0; k < len(sc.spans); k++ {
		s := sc.spans[k]
		if s.from < i || s.from-i > 10 {
			continue
		}
		// the partners the subject has "tillsammans med" are no objects
		if sc.partner(s) && s.from-2 >= i {
			for k+1 < len(sc.spans) && sc.coordinated(sc.spans[k].to, sc.spans[k+1].from) {
				k++
			}
			continue
		}
		if !fits(s.class, allowed) {
			continue
		}
		out := []span{s}
		last := k
		for j := k + 1; j < len(sc.spans); j++ {
			if sc.spans[j].within(sc.spans[last]) {
				continue
			}
			if !sc.coordinated(sc.spans[last].to, sc.spans[j].from) || sc.elliptic(sc.spans[j]) {
				break // "…, och Region Uppsala högst 49 procent": a clause of its own
			}
			if last = j; fits(sc.spans[j].class, allowed) {
				out = append(out, sc.spans[j])
			}
		}
		return out
	}
	return nil
}

// following returns the names objects finds after a cue ending at token
// i, unless a clause or a phrase of its own opens before them: "finansieras
// via ett anslag, medan regionerna …", "med stöd av EU-medel och i
// samarbete med A".
// An interrogative right after the cue makes a clause its object ("styr
// vem som ansvarar för …"). blocked is set when a clause or phrase stands
// in the way.
func (sc *sentence) following(i int, allowed []string) (out []span, blocked bool) {
	out = sc.objects(i, allowed)
	if len(out) == 0 || i >= len(sc.toks) || interrogatives[low(sc.toks[i])] {
		return out, false
	}
	for k := i; k < out[0].from; k++ {
		w := low(sc.toks[k])
		if clauseWords[w] {
			return nil, true
		}
		if (w == "och" || w == "samt") && k+1 < out[0].from && k > 0 {
			if next := low(sc.toks[k+1]); prepositions[next] && next != low(sc.toks[i-1]) {
				return nil, true
			}
		}
	}
	return out, false
}

// clauseWords open a clause of their own.
var clauseWords = map[string]bool{"medan": true, "men": true, "där": true, "eftersom": true, "när": true, "som": true, "vilket": true, "vilka": true}

// interrogatives open an indirect question.
var interrogatives = map[string]bool{"vem": true, "vilka": true, "vilken": true, "vilket": true, "vad": true, "hur": true, "var": true}

// quantityWords open a quantity.
var quantityWords = map[string]bool{"högst": true, "minst": true, "cirka": true, "drygt": true, "knappt": true, "ungefär": true, "omkring": true}

// elliptic reports whether a quantity follows the name s: "…, och Region
// Uppsala högst 49 procent" leaves out the verb of the clause before.
func (sc *sentence) elliptic(s span) bool {
	if s.to >= len(sc.toks) {
		return false
	}
	t := sc.toks[s.to]
	return t.Kind == doc.Number || quantityWords[low(t)]
}

// ellipticSubjects returns the names after the objects that open a clause
// without its verb, to hold the same relation to the first object.
func (sc *sentence) ellipticSubjects(objs []span, allowed []string) []span {
	if len(objs) == 0 {
		return nil
	}
	last := objs[len(objs)-1]
	if last.to < 0 {
		return nil // implied, not in the sentence
	}
	for _, s := range sc.spans {
		if s.from > last.to && fits(s.class, allowed) && sc.coordinated(last.to, s.from) && sc.elliptic(s) {
			return []span{s}
		}
	}
	return nil
}

// coordinated reports whether the tokens [a, b) only join two names: a
// comma, "och", "samt", "eller", "liksom", "respektive" and prepositions
// repeated before the next name ("av A och av B").
func (sc *sentence) coordinated(a, b int) bool {
	if b <= a {
		return b == a
	}
	conj := false
	// ", kommunförbundet X": a definite noun may introduce the next name
	if b-a >= 2 && sc.toks[b-1].Kind == doc.Word && !lang.UpperFirst(sc.toks[b-1].Text) {
		if w := low(sc.toks[b-1]); (strings.HasSuffix(w, "et") || strings.HasSuffix(w, "en")) && len(w) > 5 {
			b--
		}
	}
	a = sc.unnamedItem(a, b)
	for _, t := range sc.toks[a:b] {
		switch low(t) {
		case ",", "och", "samt", "eller", "liksom", "respektive", "/":
			conj = true
		case "andra", "övriga":
			// "kommuner och andra berörda myndigheter"
		case "med":
			return false // ", med Region X som huvudman" sets X apart
		default:
			if !prepositions[low(t)] {
				return false
			}
		}
	}
	return conj
}

// unnamedItem returns the token after an item of a list the text does
// not name, set off by a comma before it and a comma or a conjunction
// after it, that stands at token a: ", territoriella program, regionala
// tillväxtprogram". Where there is none it returns a.
func (sc *sentence) unnamedItem(a, b int) int {
	if a >= b || sc.toks[a].Text != "," {
		return a
	}
	k := a + 1
	for k < b && k-a <= 3 && commonWord(sc.toks[k]) && !lang.UpperFirst(sc.toks[k].Text) && !clauseWords[low(sc.toks[k])] {
		k++
	}
	if k == a+1 || k >= b {
		return a
	}
	switch low(sc.toks[k]) {
	case ",", "och", "samt", "eller":
		return k
	}
	return a
}

func (sc *sentence) ofClass(top string) []span {
	var out []span
	for _, s := range sc.spans {
		if topClass(s.class) == top {
			out = append(out, s)
		}
	}
	return out
}

var tops = map[string]string{}

func init() {
	for top, subs := range map[string][]string{
		"Actor": {"Region", "Municipality", "GovernmentAgency", "CountyAdministrativeBoard", "Government", "Ministry",
			"Parliament", "EUBody", "University", "Company", "Association", "Partnership", "PoliticalBody", "ActorGroup"},
		"Place":      {"County"}, // a county is a place: it runs nothing
		"Law":        {"Act", "Ordinance", "EURegulation"},
		"Instrument": {"Strategy", "Plan", "Programme", "Project", "Fund", "Appropriation", "Platform", "Agreement", "Event", "Network"},
		"Mandate":    {},
		"Theme":      {},
	} {
		tops[top] = top
		for _, s := range subs {
			tops[s] = top
		}
	}
}

func topClass(c string) string { return tops[c] }

// instances carries what the sentence before stated of a group over to
// the members a sentence then gives as its instances: "Flera regioner har
// arbetat med strukturbilder. Exempel på sådana regioner är Kalmar och
// Sörmland."
func (r *relater) instances(sc *sentence, before [2]int) {
	if len(sc.toks) < 5 || low(sc.toks[0]) != "exempel" || low(sc.toks[1]) != "på" {
		return
	}
	switch low(sc.toks[2]) {
	case "sådana", "dessa":
	default:
		return
	}
	is := slices.IndexFunc(sc.toks, func(t doc.Token) bool { return low(t) == "är" })
	if is < 0 {
		return
	}
	for _, m := range sc.spans {
		if m.from <= is || r.d.Entities[m.e].Group {
			continue
		}
		for _, rel := range r.d.Relations[before[0]:before[1]] {
			g := r.d.Entities[rel.S]
			if g.Group && g.Class == m.class {
				r.add(m.e, rel.O, rel.P, sc.i, "instance")
			}
		}
	}
}
