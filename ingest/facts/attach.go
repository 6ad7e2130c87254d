package facts

import (
	"strings"

	"kg/ingest/doc"
)

// Stage finds the values of every sentence and attaches each to the
// entity it belongs to.
type Stage struct{}

// Name implements doc.Stage.
func (Stage) Name() string { return "facts" }

// Requires implements doc.Stage.
func (Stage) Requires() []doc.Annotation {
	return []doc.Annotation{doc.Sentences, doc.Mentions, doc.Entities}
}

// Provides implements doc.Stage.
func (Stage) Provides() []doc.Annotation { return []doc.Annotation{doc.Facts} }

// Run implements doc.Stage.
func (Stage) Run(d *doc.Doc) error {
	Extract(d)
	return nil
}

// Stats counts what Extract found.
type Stats struct {
	Values     int // values found in the sentences
	Facts      int // values attached to an entity and appended as facts
	Unattached int // values no entity of their sentence takes; not appended
}

// Extract appends to d.Facts the values of every sentence that an entity
// of the sentence takes, in sentence and text order.
func Extract(d *doc.Doc) Stats {
	var st Stats
	bySentence := make([][]int, len(d.Sentences))
	for mi, m := range d.Mentions {
		if m.Sentence >= 0 && m.Sentence < len(d.Sentences) && m.Entity >= 0 && m.Entity < len(d.Entities) {
			bySentence[m.Sentence] = append(bySentence[m.Sentence], mi)
		}
	}
	carried := -1 // the company of the last share of the sentence before
	for si, sen := range d.Sentences {
		c := newClause(d, si, bySentence[si])
		st.Values += len(c.vals)
		company := -1
		if si > 0 && d.Sentences[si-1].Passage == sen.Passage {
			company = carried
		}
		carried = -1
		for vi, v := range c.vals {
			ent, other := -1, -1
			switch v.Kind {
			case doc.Amount:
				ent, other = c.amount(vi)
			case doc.Share:
				ent, other = c.share(vi, company)
				company, carried = other, other
			default:
				ent = c.point(vi)
				if ent < 0 && c.alone(vi) && si > 0 && d.PassageOf(si-1).Kind.Heading() {
					ent = newClause(d, si-1, bySentence[si-1]).heading(v.Kind)
				}
			}
			if ent < 0 {
				st.Unattached++
				continue
			}
			f := doc.Fact{
				Kind: v.Kind, Entity: ent, Other: other, Sentence: si,
				Start: sen.Start + v.Start, End: sen.Start + v.End, Text: v.Text, Qualifier: v.Qualifier,
				Value: v.Value, Currency: v.Currency, From: v.From, To: v.To,
			}
			d.Facts = append(d.Facts, f)
			st.Facts++
		}
	}
	return st
}

// Entity classes by what a value may belong to.
var (
	actorClasses = set("Region", "Municipality", "County", "GovernmentAgency", "CountyAdministrativeBoard",
		"Government", "Ministry", "Parliament", "EUBody", "University", "Company", "Association",
		"Partnership", "PoliticalBody", "ActorGroup")
	instrumentClasses = set("Strategy", "Plan", "Programme", "Project", "Fund", "Appropriation",
		"Platform", "Agreement", "Event", "Network")
	lawClasses = set("Act", "Ordinance", "EURegulation")
	// moneyClasses name money themselves: an amount near one is theirs.
	moneyClasses = set("Fund", "Appropriation", "Programme", "Project")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Verbs of giving and receiving money, and of owning.
var (
	receiveVerbs = set("tilldelats", "tilldelas", "tilldelades", "tilldelad", "tilldelat", "beviljats",
		"beviljas", "beviljades", "beviljad", "beviljat", "får", "fick", "fått", "erhåller", "erhöll",
		"erhållit", "mottar", "mottog", "mottagit", "tillförs", "tillfördes", "anvisas", "anvisades",
		"anvisats", "tilldelning")
	giveVerbs = set("fördelar", "fördelade", "fördelat", "beviljar", "beviljade", "beviljat", "avsätter",
		"avsatte", "avsatt", "anslår", "anslog", "anslagit", "ger", "gav", "gett", "givit", "satsar",
		"satsade", "satsat", "bidrar", "bidrog", "bidragit", "betalar", "betalade", "tillför", "tillförde",
		"investerar", "investerade", "klubbade", "finansierar", "finansierade",
		"stödjer", "stöder", "stödde", "stöttar", "stöttade", "medfinansierar", "medfinansierade",
		"tilldelar", "tilldelade", "anvisar", "anvisade", "föreslår", "föreslog")
	// dativeVerbs take the recipient right after them: "beviljade Region X 5 miljoner kronor".
	dativeVerbs = set("ger", "gav", "gett", "givit", "beviljar", "beviljade", "tilldelar", "tilldelade",
		"anvisar", "anvisade")
	// supportVerbs take the recipient before "med": "stödjer projektet X med 5 miljoner kronor".
	supportVerbs = set("stödjer", "stöder", "stödde", "stöttar", "stöttade", "finansierar", "finansierade",
		"medfinansierar", "medfinansierade", "bidrar", "bidrog")
	passiveGive = set("finansieras", "finansierades", "finansierats", "bekostas", "bekostades", "stöds", "stöddes")
	ownVerbs    = set("äger", "ägde", "ägt", "innehar", "innehade", "innehaft", "kontrollerar", "har", "hade")
	ownedVerbs  = set("ägs", "ägdes", "ägts")
	// holdingWords name what an owner holds of a company.
	holdingWords = set("av", "i", "antalet", "aktier", "aktierna", "aktiekapitalet", "ägandet", "andelarna",
		"bolaget", "ägarandelarna")
	// stopWords end the words that may stand between a preposition and
	// the name it governs.
	stopWords = set("att", "som", "och", "eller", "samt", "för", "från", "med", "av", "i", "på", "om",
		"till", "under", "inom", "ur", "men", "där", "vilket")
	// softWords may stand between a subject and its verb: "Region X har nu
	// tilldelats".
	softWords = set("har", "hade", "nu", "också", "även", "redan", "därmed", "sammanlagt", "totalt", "dessutom")
)

// clause is one sentence with its values and the mentions of linked
// entities, on the sentence's own byte offsets and tokens.
type clause struct {
	d    *doc.Doc
	s    scan
	ms   []ment
	vals []Value
	vtok [][3]int // hedge start, first token, token after
}

type ment struct {
	ent        int
	class      string
	start, end int // bytes in the sentence
	a, b       int // tokens [a, b)
}

func newClause(d *doc.Doc, si int, mentions []int) *clause {
	text := d.Text(si)
	c := &clause{d: d, s: scan{text: text, ts: lex(text)}}
	off := d.Sentences[si].Start
	for _, mi := range mentions {
		m := d.Mentions[mi]
		st, en := m.Start-off, m.End-off
		if st < 0 || en > len(text) || st >= en {
			continue
		}
		c.ms = append(c.ms, ment{ent: m.Entity, class: d.Entities[m.Entity].Class, start: st, end: en,
			a: c.tokenFrom(st), b: c.tokenFrom(en)})
	}
	c.vals = Find(text)
	for _, v := range c.vals {
		a, b := c.tokenFrom(v.Start), c.tokenFrom(v.End)
		h := a
		if v.Kind == doc.Amount || v.Kind == doc.Share {
			h = c.s.hedge(a)
		}
		c.vtok = append(c.vtok, [3]int{h, a, b})
	}
	return c
}

// tokenFrom returns the first token that starts at or after byte off.
func (c *clause) tokenFrom(off int) int {
	for i, t := range c.s.ts {
		if t.start >= off {
			return i
		}
	}
	return len(c.s.ts)
}

func (c *clause) low(i int) string { return c.s.low(i) }

func (c *clause) isPunct(i int) bool { return i >= 0 && i < len(c.s.ts) && c.s.ts[i].kind == punct }

// startingAt returns the longest mention starting at token t, -1 when none.
func (c *clause) startingAt(t int) int {
	best := -1
	for k, m := range c.ms {
		if m.a == t && (best < 0 || m.b > c.ms[best].b) {
			best = k
		}
	}
	return best
}

// endingAt returns the longest mention whose last token is t-1.
func (c *clause) endingAt(t int) int {
	best := -1
	for k, m := range c.ms {
		if m.b == t && (best < 0 || m.a < c.ms[best].a) {
			best = k
		}
	}
	return best
}

// after returns the mention starting at token t or after up to n plain
// words ("till programområdet Övre Norrland").
func (c *clause) after(t, n int) int {
	for k := t; k <= t+n && k < len(c.s.ts); k++ {
		if m := c.startingAt(k); m >= 0 {
			return m
		}
		if c.isPunct(k) || stopWords[c.low(k)] {
			return -1
		}
	}
	return -1
}

// before returns the mention ending right before token t, past up to n
// soft words ("Region X har tilldelats").
func (c *clause) before(t, n int) int {
	for k := t; k >= 0 && k >= t-n; k-- {
		if m := c.endingAt(k); m >= 0 {
			return m
		}
		if k == 0 || !softWords[c.low(k-1)] {
			return -1
		}
	}
	return -1
}

// inside returns the first mention wholly between tokens a and b.
func (c *clause) inside(a, b int) int {
	for k := a; k < b; k++ {
		if m := c.startingAt(k); m >= 0 && c.ms[m].b <= b {
			return m
		}
	}
	return -1
}

func (c *clause) isActor(m int) bool { return m >= 0 && actorClasses[c.ms[m].class] }

// instrumentLike tells the things money can be: instruments and mandates.
func (c *clause) instrumentLike(m int) bool {
	return m >= 0 && (instrumentClasses[c.ms[m].class] || c.ms[m].class == "Mandate")
}

func (c *clause) entity(m int) int {
	if m < 0 {
		return -1
	}
	return c.ms[m].ent
}

// verbBefore finds the nearest verb of the set within n tokens before
// token t, not across punctuation.
func (c *clause) verbBefore(t, n int, verbs map[string]bool) int {
	for k := t - 1; k >= 0 && k >= t-n; k-- {
		if c.isPunct(k) {
			return -1
		}
		if verbs[c.low(k)] {
			return k
		}
	}
	return -1
}

// amount attaches an amount: to the instrument that is the money or
// receives it, else to the recipient with the payer (or the instrument the
// money comes from) as other.
func (c *clause) amount(vi int) (ent, other int) {
	h, b := c.vtok[vi][0], c.vtok[vi][2]
	recipient := c.recipient(h, b)
	source, payer := c.sourceOf(b, recipient)
	explicitPayer := payer
	if payer < 0 {
		payer = c.giver(h, recipient)
	}
	switch {
	case c.instrumentLike(recipient):
		if source >= 0 && explicitPayer < 0 {
			return c.entity(recipient), c.entity(source)
		}
		return c.entity(recipient), c.entity(payer)
	case c.isActor(recipient):
		if source >= 0 {
			return c.entity(recipient), c.entity(source)
		}
		return c.entity(recipient), c.entity(payer)
	case source >= 0:
		return c.entity(source), c.entity(explicitPayer)
	}
	// A fund, appropriation, programme or project next to the amount.
	best := -1
	for m := range c.ms {
		if !moneyClasses[c.ms[m].class] {
			continue
		}
		if gap := c.tokenGap(m, h, b); gap <= 6 && (best < 0 || gap < c.tokenGap(best, h, b)) {
			best = m
		}
	}
	return c.entity(best), -1
}

// recipient finds who or what receives the amount at tokens h..b, or -1.
func (c *clause) recipient(h, b int) int {
	// "N kronor (i medel) till X"
	k := b
	for n := 0; n < 4 && k < len(c.s.ts) && c.low(k) != "till" && !c.isPunct(k) && !stopWords[c.low(k)] && c.startingAt(k) < 0; n++ {
		k++
	}
	if c.low(k) == "till" {
		if m := c.after(k+1, 3); m >= 0 {
			return m
		}
	}
	// "anslag till X på N kronor", "projektet X om N kronor"
	if c.low(h-1) == "på" || c.low(h-1) == "om" || c.low(h-1) == "med" {
		if m := c.endingAt(h - 1); m >= 0 {
			if c.tillBefore(m) || (c.low(h-1) != "med" && c.instrumentLike(m)) {
				return m
			}
		}
	}
	// "X har tilldelats N kronor", "beviljades X N kronor"
	if v := c.verbBefore(h, 8, receiveVerbs); v >= 0 {
		if m := c.inside(v+1, h); m >= 0 {
			return m
		}
		if m := c.before(v, 3); m >= 0 {
			return m
		}
	}
	// "regeringen beviljade X N kronor", "stödjer X med N kronor"
	recipient := -1
	if v := c.verbBefore(h, 8, dativeVerbs); v >= 0 {
		if m := c.endingAt(h); m >= 0 && c.ms[m].a > v+1 {
			recipient = m // "gav regeringen X N kronor" keeps the subject first
		} else if m := c.inside(v+1, h); m >= 0 && c.ms[m].b == h {
			recipient = m
		}
	}
	if c.low(h-1) == "med" {
		if v := c.verbBefore(h-1, 8, supportVerbs); v >= 0 {
			if m := c.endingAt(h - 1); m >= 0 && c.ms[m].a > v {
				recipient = m
			}
		}
	}
	return recipient
}

// sourceOf reads where the money comes from or what it is for, after the
// value (and after the recipient when it follows): "från Y", "ur Y",
// "inom Y", "för regionala utvecklingsåtgärder". It returns an instrument
// (source) and an actor (payer), each -1 when none.
func (c *clause) sourceOf(b, recipient int) (source, payer int) {
	source, payer = -1, -1
	from := b
	if recipient >= 0 && c.ms[recipient].a >= b {
		from = c.ms[recipient].b
	}
	for k := from; k < len(c.s.ts) && k < from+8; k++ {
		if c.isPunct(k) || c.low(k) == "att" || c.low(k) == "som" || c.low(k) == "och" || c.valueAt(k) {
			break
		}
		switch c.low(k) {
		case "från", "ur", "av", "inom", "för":
			m := c.after(k+1, 3)
			if m < 0 || m == recipient {
				continue
			}
			if c.instrumentLike(m) {
				if source < 0 {
					source = m
				}
			} else if c.isActor(m) && c.low(k) != "för" && c.low(k) != "inom" && payer < 0 {
				payer = m
			}
		}
	}
	return source, payer
}

// giver finds the subject of a verb of giving, before the verb or right
// after it ("klubbade regionstyrelsen ett anslag"), or "finansieras av Y";
// -1 when none.
func (c *clause) giver(h, recipient int) int {
	for k := h - 1; k >= 0; k-- {
		if passiveGive[c.low(k)] && c.low(k+1) == "av" {
			if m := c.after(k+2, 2); m >= 0 && m != recipient && c.ms[m].b <= h {
				return m
			}
		}
		if giveVerbs[c.low(k)] || (c.low(k) == "delar" || c.low(k) == "delade") && c.low(k+1) == "ut" {
			m := c.before(k, 3)
			if m < 0 || m == recipient {
				if n := c.startingAt(k + 1); n >= 0 && n != recipient {
					m = n
				}
			}
			if m >= 0 && m != recipient && (c.isActor(m) || moneyClasses[c.ms[m].class]) {
				return m
			}
			return -1
		}
	}
	return -1
}

// tillBefore reports whether "till" stands before mention m, past up to
// three plain words ("ett anslag till det regionala bolaget X").
func (c *clause) tillBefore(m int) bool {
	for k := c.ms[m].a - 1; k >= 0 && k >= c.ms[m].a-4; k-- {
		if c.low(k) == "till" {
			return true
		}
		if c.isPunct(k) || stopWords[c.low(k)] {
			return false
		}
	}
	return false
}

// valueAt reports whether token k lies in a value of the sentence.
func (c *clause) valueAt(k int) bool {
	for _, t := range c.vtok {
		if k >= t[0] && k < t[2] {
			return true
		}
	}
	return false
}

// tokenGap counts the tokens between mention m and the tokens [a, b).
func (c *clause) tokenGap(m, a, b int) int {
	switch {
	case c.ms[m].b <= a:
		return a - c.ms[m].b
	case c.ms[m].a >= b:
		return c.ms[m].a - b
	}
	return 0
}

// share attaches a share to its holder with the company as other: "Region
// X äger 51 procent av Y AB", "Y ägs till 49 procent av Z", and the
// elliptic "…, och Region Z högst 49 procent" after an earlier share of
// the sentence, whose company it takes.
func (c *clause) share(vi int, prevCompany int) (holder, company int) {
	h, b := c.vtok[vi][0], c.vtok[vi][2]
	holderM, companyM := -1, -1
	if c.low(h-1) == "till" {
		if v := c.verbBefore(h-1, 3, ownedVerbs); v >= 0 {
			for k := b; k < len(c.s.ts) && k < b+6; k++ {
				if c.low(k) == "av" {
					holderM = c.after(k+1, 3)
					break
				}
			}
			return c.ownedBy(holderM, c.before(v, 3), prevCompany)
		}
	}
	if v := c.verbBefore(h, 5, ownVerbs); v >= 0 {
		if m := c.inside(v+1, h); m >= 0 {
			holderM = m
		} else {
			holderM = c.before(v, 3)
		}
		if m := c.subject(); holderM < 0 && c.low(v-1) == "och" && m >= 0 && c.ms[m].b < v {
			holderM = m // "Bolaget förvaltar fastigheter och äger 40 procent av Y AB"
		}
		companyM = c.companyAfter(b)
		// "har" owns only a company's shares: "har 40 procent av aktierna
		// i Y AB", not "har hälften av platserna i Y AB"
		if (c.low(v) == "har" || c.low(v) == "hade") &&
			(companyM < 0 || c.ms[companyM].class != "Company" || !c.holdingWordsOnly(b, c.ms[companyM].a)) {
			return -1, -1
		}
		if c.isActor(holderM) && companyM >= 0 && companyM != holderM {
			return c.entity(holderM), c.entity(companyM)
		}
		return -1, -1
	}
	// "Y, som till 51 procent ägs av Z", "Resterande 49 procent ägs av Z"
	if ownedVerbs[c.low(b)] && c.low(b+1) == "av" {
		return c.ownedBy(c.after(b+2, 3), c.antecedent(h), prevCompany)
	}
	if m := c.endingAt(h); m >= 0 && c.isActor(m) && prevCompany >= 0 && c.ms[m].ent != prevCompany {
		if companyM = c.companyAfter(b); companyM >= 0 {
			return c.entity(m), c.entity(companyM)
		}
		return c.entity(m), prevCompany
	}
	return -1, -1
}

// ownedBy gives a share that a passive verb of owning states ("ägs av
// Z") to its holder Z, an actor. The company is the one the sentence names
// (companyM), else the one of the share before; it is never the holder
// itself, and the share keeps its holder when no company is named: "ägs av"
// makes it a holding all the same.
func (c *clause) ownedBy(holderM, companyM, prevCompany int) (holder, company int) {
	if !c.isActor(holderM) {
		return -1, -1
	}
	holder, company = c.entity(holderM), prevCompany
	if c.isActor(companyM) {
		company = c.entity(companyM)
	}
	if company == holder {
		company = -1
	}
	return holder, company
}

// antecedent returns the name a relative clause opening right before
// token h stands for: the mention before "som" (and its comma) in "Y, som
// till 51 procent ägs av Z"; -1 when none.
func (c *clause) antecedent(h int) int {
	k := h - 1
	if c.low(k) == "till" {
		k--
	}
	if c.low(k) != "som" {
		return -1
	}
	if c.low(k-1) == "," {
		k--
	}
	return c.endingAt(k)
}

// holdingWordsOnly reports whether tokens [a, b) name only what is owned
// of a company ("av aktierna i", "av aktiekapitalet i", "i").
func (c *clause) holdingWordsOnly(a, b int) bool {
	for k := a; k < b; k++ {
		if !holdingWords[c.low(k)] {
			return false
		}
	}
	return true
}

// companyAfter finds the company after a share: "av antalet aktier i Y",
// "i Y AB", "av Y".
func (c *clause) companyAfter(b int) int {
	for k := b; k < len(c.s.ts) && k < b+8; k++ {
		if c.isPunct(k) || c.valueAt(k) {
			return -1
		}
		if c.low(k) == "i" || c.low(k) == "av" {
			if m := c.after(k+1, 3); m >= 0 && c.isActor(m) {
				return m
			}
		}
	}
	return -1
}

// point attaches a date, start, end or period to the nearest instrument,
// mandate or law of the sentence; a start or end with none of them goes to
// the nearest actor ("sedan 2019 är Region X medlem"). A duration word
// ("treårig") goes to the name right after it.
func (c *clause) point(vi int) int {
	v := c.vals[vi]
	if b := c.vtok[vi][2]; v.Value != "" && isDurationAdjective(c.low(b-1)) {
		if m := c.after(b, 2); m >= 0 && c.target(m) {
			return c.entity(m)
		}
	}
	target := func(m int) bool { return c.target(m) && !c.frame(m, v) }
	// "Från 2019 är det regionerna som har ansvaret": the focus of a cleft
	// is what the sentence states the date of
	if m := c.cleft(); m >= 0 && v.Kind != doc.Period && c.sameClause(m, vi) && c.named(v) < 0 {
		if target(m) || v.Kind != doc.Date && c.isActor(m) {
			return c.entity(m)
		}
	}
	// "Konsulttimmen drivs fram till december 2022 som ett projekt
	// finansierat genom ERUF": the sentence's subject, when a verb follows
	// it and the value comes after that verb, has the date, not a name in
	// a phrase after the value
	if m := c.subject(); m >= 0 && target(m) && c.ms[m].end <= v.Start {
		if n := c.nearest(v.Start, v.End, target); n < 0 || c.ms[n].start >= v.End {
			return c.entity(m)
		}
	}
	if m := c.nearest(v.Start, v.End, target); m >= 0 {
		return c.entity(m)
	}
	if v.Kind == doc.Start || v.Kind == doc.End {
		// an actor of the value's own clause: "Sedan 2019 har alla
		// regioner koordinatorer, funktionen inrättades 2016 hos …" gives
		// 2016 to no region
		return c.entity(c.nearest(v.Start, v.End, func(m int) bool { return c.isActor(m) && c.sameClause(m, vi) }))
	}
	return -1
}

// holds reports whether mention m holds the value v ("Strategi 2021–2027").
func (c *clause) holds(m int, v Value) bool {
	return c.ms[m].start <= v.Start && v.End <= c.ms[m].end
}

// named returns a mention whose name holds the value v, -1 when none.
func (c *clause) named(v Value) int {
	for m := range c.ms {
		if c.holds(m, v) {
			return m
		}
	}
	return -1
}

// frame reports whether mention m is the law or plan a clause goes by
// ("ta fram regionala planer enligt PBL", "i enlighet med förordningen"):
// the date is not its own, unless the value is part of its name.
func (c *clause) frame(m int, v Value) bool {
	a := c.ms[m].a
	return !c.holds(m, v) && (c.low(a-1) == "enligt" || c.matchAt(a-3, "i enlighet med") || c.matchAt(a-3, "med stöd av"))
}

func (c *clause) matchAt(i int, p string) bool { return c.s.matchAt(i, phrase(p)) }

// cleft returns the focus of a cleft sentence, "är det X som …" or "var
// det X som …" (past a numeral or article), or -1.
func (c *clause) cleft() int {
	for k := 1; k+1 < len(c.s.ts); k++ {
		if c.low(k) != "det" || (c.low(k-1) != "är" && c.low(k-1) != "var") {
			continue
		}
		m := c.after(k+1, 2)
		if m < 0 {
			continue
		}
		for j := c.ms[m].b; j < len(c.s.ts) && j <= c.ms[m].b+3 && !c.isPunct(j); j++ {
			if c.low(j) == "som" {
				return m
			}
		}
	}
	return -1
}

// sameClause reports whether no punctuation stands between mention m and
// value vi.
func (c *clause) sameClause(m, vi int) bool {
	a, b := c.ms[m].b, c.vtok[vi][1]
	if c.ms[m].a >= c.vtok[vi][2] {
		a, b = c.vtok[vi][2], c.ms[m].a
	}
	for k := a; k < b; k++ {
		if c.isPunct(k) {
			return false
		}
	}
	return true
}

// subject returns the mention that opens the sentence (after an article
// or a demonstrative at most) when a word follows it, or -1.
func (c *clause) subject() int {
	m := c.startingAt(0)
	if m < 0 {
		switch c.low(0) {
		case "den", "det", "de", "denna", "detta":
			m = c.startingAt(1)
		}
	}
	if m < 0 || c.ms[m].b >= len(c.s.ts) || c.isPunct(c.ms[m].b) {
		return -1
	}
	return m
}

func (c *clause) target(m int) bool {
	cl := c.ms[m].class
	return instrumentClasses[cl] || lawClasses[cl] || cl == "Mandate"
}

// nearest returns the mention of the kind closest to the bytes [a, b): one
// that holds the value first, then the fewest bytes between, then the
// longer (a fund named inside a programme's name gives way to the
// programme).
func (c *clause) nearest(a, b int, ok func(int) bool) int {
	best, bestGap := -1, 0
	for m, x := range c.ms {
		if !ok(m) {
			continue
		}
		gap := 0
		switch {
		case x.end <= a:
			gap = a - x.end
		case x.start >= b:
			gap = x.start - b
		}
		if best < 0 || gap < bestGap || gap == bestGap && x.end-x.start > c.ms[best].end-c.ms[best].start {
			best, bestGap = m, gap
		}
	}
	return best
}

// alone reports whether the value is all the sentence says, as a period
// under a heading in a timeline ("Etablera regionala kompetensplattformar"
// / "2010 - 2012").
func (c *clause) alone(vi int) bool {
	return strings.Trim(c.s.text, " .:;,()") == c.vals[vi].Text
}

// heading returns the entity a heading names for a value standing alone
// under it: its longest instrument, mandate or law, or for a start or end
// its longest actor.
func (c *clause) heading(kind doc.FactKind) int {
	pick := func(ok func(int) bool) int {
		best := -1
		for m, x := range c.ms {
			if ok(m) && (best < 0 || x.end-x.start > c.ms[best].end-c.ms[best].start) {
				best = m
			}
		}
		return best
	}
	if m := pick(c.target); m >= 0 {
		return c.entity(m)
	}
	if kind == doc.Start || kind == doc.End {
		return c.entity(pick(c.isActor))
	}
	return -1
}

func isDurationAdjective(w string) bool {
	return strings.HasSuffix(w, "årig") || strings.HasSuffix(w, "årigt") || strings.HasSuffix(w, "åriga")
}
