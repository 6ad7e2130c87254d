package recognise

import (
	"slices"
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// A Theme is a policy area the text treats as a subject; a policy word
// used in passing is none (the guidelines). The vocabulary names the
// genre's policy areas wherever they occur, so a document-level pass
// keeps a vocabulary theme only when some mention of it stands where the
// language makes an area the subject:
//
//   - it opens a heading, or the part of one before a dash or a colon
//     ("Digital infrastruktur", "Regional samhällsplanering – …");
//   - it opens a list item;
//   - a cue for work in or on an area comes before it: "arbetet med X",
//     "inom X", "området X", "områden som X", "fokus på X", "satsningar
//     på X", "strategi för X", "ansvar för X", "frågan om X", "stöd till X";
//   - it is coordinated with such a mention ("inom områden som A, B och C").
//
// The same places name areas the vocabulary lacks: there a lower-case
// noun phrase whose head is a policy-area noun ("elektrifiering", "hållbar
// livsmedelsförsörjning", "kulturella och kreativa näringar") is a theme
// of its own, with rule "theme:subject".

// subjectRule marks a theme mention that stands where the text treats it
// as a subject.
const subjectRule = "theme:subject"

// tspan is a span of tokens [from, to) in one sentence; m is the index of
// its mention in Doc.Mentions, -1 for a phrase found here; over is the
// theme mention such a phrase takes in (-1 for none): "digital
// infrastruktur" is an area of its own.
type tspan struct{ from, to, m, over int }

// subjectThemes drops the vocabulary themes no mention of which is a
// subject and adds the policy-area phrases found in subject places.
func subjectThemes(d *doc.Doc) {
	subject := map[string]bool{}
	marked, over := map[int]bool{}, map[int]bool{}
	var fresh []doc.Mention
	bySentence := map[int][]int{}
	for mi, m := range d.Mentions {
		bySentence[m.Sentence] = append(bySentence[m.Sentence], mi)
	}
	for si, s := range d.Sentences {
		toks := s.Tokens
		var all, themes []tspan
		for _, mi := range bySentence[si] {
			m := d.Mentions[mi]
			from, to, ok := tokenSpan(toks, m.Start, m.End)
			if !ok {
				continue
			}
			all = append(all, tspan{from, to, mi, -1})
			if m.Class == "Theme" {
				themes = append(themes, tspan{from, to, mi, -1})
			}
		}
		kind := d.Passages[s.Passage].Kind
		for _, sp := range subjectSpans(toks, kind, all, themes, firstWords(d, si)) {
			if sp.m >= 0 {
				marked[sp.m] = true
				subject[themeIdentity(d.Mentions[sp.m])] = true
				continue
			}
			if sp.over >= 0 {
				over[sp.over] = true
			}
			fresh = append(fresh, mention(d, si, toks, cand{from: sp.from, to: sp.to, class: "Theme", rule: subjectRule}))
		}
	}
	kept := d.Mentions[:0]
	for mi, m := range d.Mentions {
		if over[mi] || m.Class == "Theme" && m.Rule == "register" && !subject[themeIdentity(m)] {
			continue
		}
		if marked[mi] && m.Rule == "register" {
			m.Rule = subjectRule
		}
		kept = append(kept, m)
	}
	d.Mentions = append(kept, fresh...)
	slices.SortStableFunc(d.Mentions, func(a, b doc.Mention) int {
		if a.Sentence != b.Sentence {
			return a.Sentence - b.Sentence
		}
		return a.Start - b.Start
	})
}

// themeIdentity tells which theme a mention names: its key, or its
// folded name.
func themeIdentity(m doc.Mention) string {
	if m.Key != "" {
		return m.Key
	}
	return "name:" + lang.Fold(m.Name)
}

// tokenSpan maps byte offsets to the tokens they cover.
func tokenSpan(toks []doc.Token, start, end int) (from, to int, ok bool) {
	from = -1
	for k, t := range toks {
		if t.Start == start {
			from = k
		}
		if from >= 0 && t.End == end {
			return from, k + 1, true
		}
	}
	return 0, 0, false
}

// subjectSpans returns the theme spans of a sentence that stand in a
// subject place and the policy-area phrases found there; all are the
// sentence's mentions, themes those of them that are themes, and first
// tells whether the sentence opens its passage.
func subjectSpans(toks []doc.Token, kind doc.PassageKind, all, themes []tspan, first bool) []tspan {
	var out []tspan
	add := func(sps []tspan) {
		for _, sp := range sps {
			if !slices.Contains(out, sp) {
				out = append(out, sp)
			}
		}
	}
	if first && (kind.Heading() || kind == doc.ListItem) {
		k := 0
		for k < len(toks) && toks[k].Kind != doc.Word {
			k++
		}
		// a heading that is a list of areas names them ("Digital
		// infrastruktur", "Kompetensförsörjning och kompetensutveckling –
		// …"); an item's first words may be a verb's phrase
		sps := areaChain(toks, k, all, themes, kind.Heading())
		if kind.Heading() && (len(sps) == 0 || !headEnd(toks, sps[len(sps)-1].to)) {
			sps = areaChain(toks, k, all, themes, false)
		}
		add(sps)
	}
	for k := 1; k < len(toks); k++ {
		switch cue := areaCue(toks, k); {
		case cue == strongCue && toks[k-1].Text == "(":
			add(areaItems(toks, k, all, themes))
		case cue != noCue:
			add(areaChain(toks, k, all, themes, cue == strongCue))
		}
	}
	for _, sp := range themes {
		// a named policy is a subject wherever it is named
		if sp.to-sp.from > 1 && strings.HasSuffix(lang.Stem(toks[sp.to-1].Text), "politik") {
			add([]tspan{sp})
		}
	}
	return out
}

// headEnd reports whether token k ends a heading's leading part: the
// heading ends there, or a dash or a colon follows.
func headEnd(toks []doc.Token, k int) bool {
	return k >= len(toks) || toks[k].Text == ":" || toks[k].Text == "–" || toks[k].Text == "-" || toks[k].Text == "—"
}

// areaChain reads the areas a subject place starting at token k names:
// themes and, when fresh is set, policy-area phrases, joined by commas,
// "och" and "samt".
func areaChain(toks []doc.Token, k int, all, themes []tspan, fresh bool) []tspan {
	var out []tspan
	open := true // a heading's first word has a capital
	for k < len(toks) {
		sp, ok := spanAt(themes, k)
		// an article or a level before a theme: "den regionala
		// kulturen", "regional infrastruktur"
		for n := 0; !ok && n < 2 && k+1 < len(toks) && (articles[low(toks[k])] || policyAdjectives[low(toks[k])]); n++ {
			k++
			sp, ok = spanAt(themes, k)
		}
		if in, inOK := spanAt(themes, k+1); !ok && inOK && !takenSpan(all, k) && themeAdjective(toks[k], open) {
			sp, ok = tspan{k, in.to, -1, in.m}, true
		}
		if !ok && fresh {
			if end := areaPhrase(toks, k, all, open); end > k {
				sp, ok = tspan{k, end, -1, -1}, true
			}
		}
		// a genitive modifies the noun after it: "transportsystemens omställning"
		if !ok || sp.to < len(toks) && toks[sp.to].Kind == doc.Word && !separator(toks[sp.to]) && genitive(toks[sp.to-1].Text) {
			break
		}
		out = append(out, sp)
		k, open = sp.to, false
		n := 0
		for k < len(toks) && n < 2 && separator(toks[k]) {
			k, n = k+1, n+1
		}
		if n == 0 {
			break
		}
	}
	return out
}

func separator(t doc.Token) bool {
	return t.Text == "," || low(t) == "och" || low(t) == "samt"
}

func genitive(w string) bool {
	_, gen := lang.Genitive(w)
	return gen
}

func spanAt(sps []tspan, k int) (tspan, bool) {
	for _, sp := range sps {
		if sp.from == k {
			return sp, true
		}
	}
	return tspan{}, false
}

func takenSpan(sps []tspan, k int) bool {
	for _, sp := range sps {
		if sp.from <= k && k < sp.to {
			return true
		}
	}
	return false
}

// maxAreaWords is the most words a policy-area phrase has.
const maxAreaWords = 4

// areaPhrase returns the end of a policy-area phrase at token k, or k: a
// few lower-case words that no other name takes, the last a policy-area
// noun; adjectives may be coordinated ("kulturella och kreativa
// näringar"). open allows a capital on the first word.
func areaPhrase(toks []doc.Token, k int, all []tspan, open bool) int {
	for j := k; j < len(toks) && j-k < maxAreaWords; j++ {
		t := toks[j]
		if t.Kind != doc.Word || takenSpan(all, j) || lang.UpperFirst(t.Text) && !(open && j == k) {
			return k
		}
		w := low(t)
		if w == "och" && coordinatedAdjective(toks, k, j) {
			continue // "kulturella och kreativa näringar"
		}
		if functionWord(w) || articles[w] {
			return k
		}
		if head, bare := areaHead(w); head {
			if bare && j == k {
				return k // a bare head names no area: "utveckling", "vård"
			}
			return j + 1
		}
	}
	return k
}

// coordinatedAdjective reports whether "och" at token j, inside a phrase
// starting at k, joins two adjectives before one noun: the word before it
// ends in -a and the word after it is no area noun of its own.
func coordinatedAdjective(toks []doc.Token, k, j int) bool {
	if j == k || j+2 >= len(toks) || !strings.HasSuffix(low(toks[j-1]), "a") {
		return false
	}
	head, _ := areaHead(low(toks[j+1]))
	return !head
}

// areaHeads end the stems of nouns that name a policy area: activities
// and provisions of society ("kompetensutveckling", "energiförsörjning",
// "samhällsplanering", "validering", "e-hälsa", "digital infrastruktur",
// "livslångt lärande", "maritima näringar", "kollektivtrafik").
var areaHeads = []string{"utveckling", "försörjning", "ifiering", "häls", "vård", "omsorg", "näring",
	"lärand", "struktur", "omställning", "trafik", "ekonomi", "arbetsliv", "kultur", "energi", "kommunikation"}

// areaHead reports whether a lower-case word is a policy-area noun, and
// whether it is the bare head ("utveckling", "vård") rather than a
// compound naming which ("kompetensutveckling", "e-hälsa"). The singular
// "aktivitet" is one too ("fysisk aktivitet"); the plural names events.
func areaHead(w string) (head, bare bool) {
	if w == "aktivitet" {
		return true, true
	}
	st := lang.Stem(w)
	for _, h := range areaHeads {
		if strings.HasSuffix(st, h) {
			return true, len(st) == len(h)
		}
	}
	return false, false
}

// Cue strengths: a strong cue names an area, so a policy-area phrase
// after it is a theme though the vocabulary lacks it; a weak cue makes a
// known theme a subject.
const (
	noCue = iota
	weakCue
	strongCue
)

// areaCue tells whether a cue for an area ends before token k, and how
// strong it is. Strong: "området X", "områden som X", "frågan om X",
// "fokus på X", "satsningar på X", "strategi för X". Weak: "inom X",
// "arbetet med X", "ansvar för X", "medel för X", "stöd till X",
// "främja X".
func areaCue(toks []doc.Token, k int) int {
	p1, p2 := low(toks[k-1]), ""
	if k >= 2 {
		p2 = low(toks[k-2])
	}
	strong := func(b bool) int {
		if b {
			return strongCue
		}
		return noCue
	}
	weak := func(b bool) int {
		if b {
			return weakCue
		}
		return noCue
	}
	switch p1 {
	case "inom":
		// "aktörer inom det civila samhället" places actors in a
		// sector: no work in an area
		return weak(low(toks[k]) != "ramen" && !sectorMembers(p2))
	case "området", "områdena", "temat", "politikområdet", "sakområdet":
		return strongCue
	case "(":
		// the definite names the areas; "områden (branscher, teknologier
		// …)" gives kinds of area
		return strong(k >= 2 && areaNounIn(toks[k-2:k-1]) && strings.HasSuffix(p2, "na"))
	case "som", "såsom":
		return strong(strings.HasSuffix(p2, "områden") || strings.HasSuffix(p2, "områdena") || strings.HasSuffix(p2, "frågor") || p2 == "teman")
	case "med":
		return weak(p2 == "arbete" || p2 == "arbetet" || p2 == "arbetar" || p2 == "arbeta" || p2 == "arbetat")
	case "på":
		return strong(strings.HasPrefix(p2, "fokus") || strings.HasPrefix(p2, "satsning") || strings.HasPrefix(p2, "satsa"))
	case "för":
		return forCue(p2)
	case "om":
		return strong(p2 == "fråga" || p2 == "frågan" || p2 == "frågor" || p2 == "frågorna")
	case "till":
		return weak(p2 == "stöd" || p2 == "stödet" || p2 == "fördelas" || p2 == "kopplat" || p2 == "kopplad")
	case "främja", "främjar":
		return weakCue
	}
	return noCue
}

// sectorMembers reports whether a word names the actors of a sector:
// "aktörer", "organisationer", "företag", "föreningar".
func sectorMembers(w string) bool {
	switch strings.TrimSuffix(strings.TrimSuffix(w, "na"), "en") {
	case "aktörer", "organisationer", "företag", "föreningar":
		return true
	}
	return false
}

// forCue tells the strength of a cue "X för" ending in word w.
func forCue(w string) int {
	for _, h := range []string{"strategi", "strategin", "strategier", "strategierna", "program", "programmet", "politik", "politiken"} {
		if strings.HasSuffix(w, h) {
			return strongCue
		}
	}
	for _, h := range []string{"ansvar", "ansvaret", "ansvarar", "medel", "medlen", "stöd", "projekt", "prioriteringar", "insatser"} {
		if strings.HasSuffix(w, h) {
			return weakCue
		}
	}
	return noCue
}

// themeAdjective reports whether a word is an adjective that narrows a
// theme to an area of its own: "digital infrastruktur", "samisk kultur",
// "miljödriven näringslivsutveckling". A level of government ("regional
// folkhälsa") or a quality ("hållbar", "ökad") narrows no area. open
// allows a capital.
func themeAdjective(t doc.Token, open bool) bool {
	w := low(t)
	if t.Kind != doc.Word || lang.UpperFirst(t.Text) && !open || functionWord(w) || articles[w] || groupQuantifiers[w] || policyAdjectives[w] {
		return false
	}
	for _, e := range []string{"al", "isk", "iv", "ig", "ell", "iven"} {
		if strings.HasSuffix(w, e) || strings.HasSuffix(w, e+"a") || strings.HasSuffix(w, e+"t") {
			return true
		}
	}
	return false
}

// maxItemWords is the most words an item of a bracketed list of areas
// has.
const maxItemWords = 5

// areaItems reads a bracketed list of areas after an area noun: "de
// prioriterade områdena (barn och unga, jämställdhet, tillgänglighet,
// internationellt och interkulturellt arbete)". Each item is a theme:
// the known theme it is, or the lower-case phrase.
func areaItems(toks []doc.Token, k int, all, themes []tspan) []tspan {
	var out []tspan
	from := k
	for j := k; j < len(toks); j++ {
		if t := toks[j]; t.Text != "," && t.Text != ")" && low(t) != "samt" {
			continue
		}
		if sp, ok := spanAt(themes, from); ok && sp.to == j {
			out = append(out, sp)
		} else if item(toks[from:j]) && !takenAny(all, from, j) {
			out = append(out, tspan{from, j, -1, -1})
		}
		if toks[j].Text == ")" {
			break
		}
		from = j + 1
	}
	if len(out) < 2 {
		return nil // a list has more than one item
	}
	return out
}

// item reports whether tokens are a short lower-case phrase.
func item(toks []doc.Token) bool {
	if len(toks) == 0 || len(toks) > maxItemWords {
		return false
	}
	for _, t := range toks {
		if t.Kind != doc.Word || lang.UpperFirst(t.Text) {
			return false
		}
	}
	return !functionWord(low(toks[0])) && !functionWord(low(toks[len(toks)-1]))
}

func takenAny(sps []tspan, from, to int) bool {
	for k := from; k < to; k++ {
		if takenSpan(sps, k) {
			return true
		}
	}
	return false
}
