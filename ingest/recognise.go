package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mention is a stretch of a passage that names something.
type Mention struct {
	Passage int    // index into Document.Passages
	Start   int    // byte offsets into the passage text
	End     int    //
	Surface string // as printed, genitive ending included
	Name    string // the name without a genitive ending
	Entity  string // entity id; set by the lexicon or by Resolve
	Class   string // class from the pattern, for names not in the lexicon
	SFS     string // SFS number cited with the name
	Anaphor bool   // a definite noun standing for an example's subject or region
	Plural  bool   // an anaphor standing for all the regions of an example ("regionerna")
	Back    bool   // an anaphor standing for the last name of its class before it ("detta uppdrag")
	Group   bool   // a quantified noun standing for every entity of its class ("alla regioner")
	// RegionOf marks a bare place name in a list that speaks of regions
	// ("regionerna (Gävleborg, Dalarna …)"): it names the region serving
	// the county, not the county.
	RegionOf bool
	// Head marks an anaphor that opens a sentence with the head noun of a
	// compound name in the sentence before ("… kulturarvsinkubatorn på
	// Gotland. Inkubatorn har drivits av …"): it stands for that name.
	Head   bool
	Nested bool // a name inside another mention ("Stockholms län" in "Länsstyrelsen i Stockholms län")
	Outer  int  // for nested mentions: index of the enclosing mention
}

// token is a word of running text: letters and digits, with inner '.', ':',
// '\” or '&' joining them ("K.R.O.K", "EU:s", "2010:630").
type token struct {
	text       string
	start, end int
}

func tokenize(s string) []token {
	var out []token
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWord(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if isWord(r) || r == '®' {
				j += n
				continue
			}
			if strings.ContainsRune(".:'&", r) && j+n < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[j+n:])
				if isWord(r2) {
					j += n
					continue
				}
			}
			break
		}
		out = append(out, token{s[i:j], i, j})
		i = j
	}
	return out
}

// weakSep reports whether the text between two tokens lets a name run on:
// spaces, a hyphen or a slash ("Jämtland-Härjedalen", "Jämtland Härjedalen"
// and "Jämtland/Härjedalen" are one name).
func weakSep(s string) bool {
	t := strings.TrimSpace(s)
	return t == "" || t == "-" || t == "/" || t == "- " || strings.Trim(t, " -/") == ""
}

// foldFirst lower-cases the first letter: a name may stand capitalised at
// the start of a sentence, or a proper name in lower case ("region Skåne").
func foldFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

type label struct {
	id     string
	toks   []string
	seps   []string // separator before each token after the first
	strong []bool
}

// matcher finds lexicon labels in text, longest match first.
type matcher struct {
	byFirst map[string][]label
}

func newMatcher(entries []*Entry) *matcher {
	m := &matcher{byFirst: map[string][]label{}}
	for _, e := range entries {
		names := append([]string{e.LabelSV}, e.Alt...)
		if e.LabelEN != "" && e.Class != "Theme" {
			names = append(names, e.LabelEN)
		}
		for _, n := range names {
			m.add(e.ID, n)
		}
	}
	for k := range m.byFirst {
		ls := m.byFirst[k]
		sort.SliceStable(ls, func(i, j int) bool { return len(ls[i].toks) > len(ls[j].toks) })
	}
	return m
}

func (m *matcher) add(id, name string) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return
	}
	l := label{id: id}
	for i, t := range toks {
		l.toks = append(l.toks, t.text)
		if i > 0 {
			sep := name[toks[i-1].end:t.start]
			l.seps = append(l.seps, sep)
			l.strong = append(l.strong, !weakSep(sep))
		}
	}
	k := foldFirst(l.toks[0])
	m.byFirst[k] = append(m.byFirst[k], l)
}

// match returns the longest label starting at token i of toks in s: its
// entity, the end token index (exclusive), the byte end and whether a
// genitive ending was taken off.
func (m *matcher) match(s string, toks []token, i int) (id string, endTok, end, nameEnd int, ok bool) {
	return m.matchExcept(s, toks, i, "")
}

// matchExcept is match ignoring the labels of entity except.
func (m *matcher) matchExcept(s string, toks []token, i int, except string) (id string, endTok, end, nameEnd int, ok bool) {
	best := -1
	first := foldFirst(toks[i].text)
	cands := m.byFirst[first]
	// "EU:s", "Kronobergs": the first token may itself carry the genitive,
	// even when longer labels start with the genitive form ("EU:s
	// regionalfond" does not make "EU:s fonder" a name).
	if g, ok := stripGenitive(first); ok {
		for _, l := range m.byFirst[g] {
			if len(l.toks) == 1 {
				cands = append(cands[:len(cands):len(cands)], l)
			}
		}
	}
	for _, l := range cands {
		if i+len(l.toks) > len(toks) || l.id == except {
			continue
		}
		good := true
		gen := false
		for k := 0; k < len(l.toks); k++ {
			tt := toks[i+k].text
			lt := l.toks[k]
			if k == 0 {
				tt, lt = foldFirst(tt), foldFirst(lt)
			} else {
				sep := s[toks[i+k-1].end:toks[i+k].start]
				if l.strong[k-1] {
					if strings.TrimSpace(sep) != strings.TrimSpace(l.seps[k-1]) {
						good = false
						break
					}
				} else if !weakSep(sep) {
					good = false
					break
				}
			}
			if tt == lt {
				continue
			}
			if k == len(l.toks)-1 {
				if g, ok := stripGenitive(tt); ok && g == lt {
					gen = true
					continue
				}
			}
			good = false
			break
		}
		if !good {
			continue
		}
		if len(l.toks) > best {
			best = len(l.toks)
			id = l.id
			endTok = i + len(l.toks)
			end = toks[endTok-1].end
			nameEnd = end
			if gen {
				nameEnd = end - genitiveLen(toks[endTok-1].text)
			}
			ok = true
		}
	}
	return
}

// stripGenitive takes a Swedish genitive ending off a word: "Skånes" →
// "Skåne", "EU:s" → "EU".
func stripGenitive(w string) (string, bool) {
	if strings.HasSuffix(w, ":s") {
		return w[:len(w)-2], true
	}
	if strings.HasSuffix(w, "s") && len(w) > 2 {
		return w[:len(w)-1], true
	}
	return "", false
}

func genitiveLen(w string) int {
	if strings.HasSuffix(w, ":s") {
		return 2
	}
	return 1
}

// Recogniser finds mentions with a lexicon.
type Recogniser struct {
	lx *Lexicon
	m  *matcher
}

// NewRecogniser prepares a lexicon for matching.
func NewRecogniser(lx *Lexicon) *Recogniser { return &Recogniser{lx: lx, m: newMatcher(lx.Entries)} }

// Lookup returns the lexicon entity a whole name stands for, if any.
func (r *Recogniser) Lookup(name string) (string, bool) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return "", false
	}
	id, endTok, _, _, ok := r.m.match(name, toks, 0)
	if ok && endTok == len(toks) {
		return id, true
	}
	return "", false
}

// IsRegion reports whether name names an entity of class Region, in the
// lexicon or by a Region pattern.
func (r *Recogniser) IsRegion(name string) bool {
	if id, ok := r.Lookup(name); ok {
		return r.lx.ByID[id].Class == "Region"
	}
	for _, p := range r.lx.patterns("name") {
		if p.Class != "Region" {
			continue
		}
		if loc := p.Re.FindStringSubmatchIndex(name); loc != nil {
			gi := p.Re.SubexpIndex("name")
			if loc[2*gi] == 0 && (loc[2*gi+1] == len(name) || name[loc[2*gi+1]:] == "s") {
				return true
			}
		}
	}
	return false
}

// Recognise finds the mentions in every passage of doc: lexicon labels
// first (longest match wins), then name patterns for what the lexicon does
// not know, then anaphors inside worked examples.
func Recognise(doc *Document, r *Recogniser) []Mention {
	var out []Mention
	stops := r.lx.patterns("stop")
	names := r.lx.patterns("name")
	groups := r.lx.patterns("group")
	for pi, p := range doc.Passages {
		text := p.Text
		toks := tokenize(text)
		taken := make([]bool, len(text)+1)
		var ms []Mention
		for i := 0; i < len(toks); {
			id, endTok, end, nameEnd, ok := r.m.match(text, toks, i)
			if !ok {
				i++
				continue
			}
			start := toks[i].start
			ms = append(ms, Mention{Passage: pi, Start: start, End: end, Surface: text[start:end], Name: text[start:nameEnd], Entity: id})
			for k := start; k < end; k++ {
				taken[k] = true
			}
			i = endTok
		}
		for _, pat := range names {
			gi := pat.Re.SubexpIndex("name")
			si := pat.Re.SubexpIndex("sfs")
			for _, loc := range pat.Re.FindAllStringSubmatchIndex(text, -1) {
				g := gi
				if g < 0 || loc[2*g] < 0 {
					g = si
				}
				start, end := loc[2*g], loc[2*g+1]
				if !wordBounded(text, start, end) {
					continue
				}
				if overlaps(taken, start, end) {
					// A name the pattern finds around lexicon names ("Länsstyrelsen
					// i Nordmarks län", "lagen (2099:123) om regional
					// fjällplanering") is the longer name: it wins over them.
					var inner []int
					for k, m := range ms {
						if m.Start < end && m.End > start {
							inner = append(inner, k)
						}
					}
					if !swallows(ms, inner, start, end, pat.Class, r.lx) {
						continue
					}
					for i := len(inner) - 1; i >= 0; i-- {
						for k := ms[inner[i]].Start; k < ms[inner[i]].End; k++ {
							taken[k] = false
						}
						ms = append(ms[:inner[i]], ms[inner[i]+1:]...)
					}
				}
				name := text[start:end]
				if stopped(stops, name) {
					continue
				}
				if classTop[pat.Class] != "Actor" && !strings.Contains(name, " ") && sentenceStart(text, start) && si < 0 {
					continue // a lone capitalised word opening a sentence is too weak
				}
				m := Mention{Passage: pi, Start: start, End: end, Surface: name, Name: name, Class: pat.Class}
				if si >= 0 && loc[2*si] >= 0 {
					m.SFS = text[loc[2*si]:loc[2*si+1]]
				}
				if end < len(text) && text[end] == 's' && !isWordAt(text, end+1) {
					m.End++
					m.Surface = text[start:m.End]
				}
				ms = append(ms, m)
				for k := start; k < end; k++ {
					taken[k] = true
				}
			}
		}
		for _, pat := range groups {
			for _, loc := range pat.Re.FindAllStringIndex(text, -1) {
				if !wordBounded(text, loc[0], loc[1]) || overlaps(taken, loc[0], loc[1]) {
					continue
				}
				ms = append(ms, Mention{Passage: pi, Start: loc[0], End: loc[1], Surface: text[loc[0]:loc[1]], Name: text[loc[0]:loc[1]], Class: pat.Class, Group: true})
				for k := loc[0]; k < loc[1]; k++ {
					taken[k] = true
				}
			}
		}
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
		ms = r.regionLists(pi, text, toks, taken, ms)
		for _, pat := range r.lx.patterns("back") {
			for _, loc := range pat.Re.FindAllStringIndex(text, -1) {
				if wordBounded(text, loc[0], loc[1]) && !overlaps(taken, loc[0], loc[1]) {
					ms = append(ms, Mention{Passage: pi, Start: loc[0], End: loc[1], Surface: text[loc[0]:loc[1]], Name: text[loc[0]:loc[1]], Class: pat.Class, Anaphor: true, Back: true})
				}
			}
		}
		if p.Example >= 0 && p.Kind != ExampleHeading {
			for _, kind := range []string{"anaphor", "plural"} {
				for _, pat := range r.lx.patterns(kind) {
					for _, loc := range pat.Re.FindAllStringIndex(text, -1) {
						if !wordBounded(text, loc[0], loc[1]) || overlaps(taken, loc[0], loc[1]) {
							continue
						}
						if loc[1]+1 < len(text) && text[loc[1]] == ' ' && taken[loc[1]+1] {
							continue // the noun introduces the name after it: "projektet Vinterleden"
						}
						ms = append(ms, Mention{Passage: pi, Start: loc[0], End: loc[1], Surface: text[loc[0]:loc[1]], Name: text[loc[0]:loc[1]], Class: pat.Class, Anaphor: true, Plural: kind == "plural"})
					}
				}
			}
		}
		sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
		ms = headAnaphors(pi, text, taken, ms, r.lx)
		out = append(out, ms...)
	}
	return out
}

// headAnaphors adds the sentence openings that repeat the head of a
// compound name in the sentence before ("Inkubatorn" after
// "kulturarvsinkubatorn"); Relate resolves them to that name.
func headAnaphors(pi int, text string, taken []bool, ms []Mention, lx *Lexicon) []Mention {
	prev := 0
	var add []Mention
	for _, sp := range sentences(text, lx) {
		start := sp[0]
		end := start
		for end < sp[1] {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !unicode.IsLetter(r) {
				break
			}
			end += n
		}
		w := text[start:end]
		free := !overlaps(taken, start, end)
		for _, m := range ms {
			free = free && (m.End <= start || m.Start >= end)
		}
		if free && utf8.RuneCountInString(w) >= 5 && startsUpper(w) && !isWordAt(text, end) && antecedent(ms, prev, start, w) >= 0 {
			add = append(add, Mention{Passage: pi, Start: start, End: end, Surface: w, Name: w, Anaphor: true, Head: true})
		}
		prev = start
	}
	if len(add) == 0 {
		return ms
	}
	ms = append(ms, add...)
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return ms
}

// antecedent returns the index in ms of the last name between from and to
// with a word that is a longer compound ending in head, -1 if none.
func antecedent(ms []Mention, from, to int, head string) int {
	h := strings.ToLower(head)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Anaphor || m.Start < from || m.End > to {
			continue
		}
		for _, f := range strings.Fields(strings.ToLower(m.Name)) {
			if len(f) > len(h) && strings.HasSuffix(f, h) {
				return i
			}
		}
	}
	return -1
}

// swallows reports whether the mentions ms[inner] lie wholly inside
// [start, end) and are shorter than it, all of them names from the lexicon
// of another class than the pattern's (a pattern for regions running past
// a known region's name only overreaches).
func swallows(ms []Mention, inner []int, start, end int, class string, lx *Lexicon) bool {
	if len(inner) == 0 {
		return false
	}
	for _, k := range inner {
		m := ms[k]
		if m.Entity == "" || m.Start < start || m.End > end || m.End-m.Start >= end-start || lx.ByID[m.Entity].Class == class {
			return false
		}
	}
	return true
}

func overlaps(taken []bool, start, end int) bool {
	for k := start; k < end; k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

func isWordAt(s string, i int) bool {
	if i >= len(s) || i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordBounded reports whether s[start:end] stands on word boundaries; a
// genitive -s may follow.
func wordBounded(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if isWordAt(s, end) {
		if s[end] == 's' && !isWordAt(s, end+1) {
			return true
		}
		return false
	}
	return true
}

func stopped(stops []Pattern, name string) bool {
	for _, p := range stops {
		if p.Re.MatchString(name) {
			return true
		}
	}
	return false
}

// sentenceStart reports whether position i opens a sentence.
func sentenceStart(s string, i int) bool {
	t := strings.TrimRight(s[:i], " ")
	if t == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?:–•", r)
}

// listSep matches what stands between the names of a list: a comma, a
// conjunction or both ("Gävleborg, Dalarna och Värmland, respektive
// Östergötland").
var listSep = regexp.MustCompile(`^\s*(?:,|och|samt|eller|/)?\s*(?:och|samt|eller|respektive)?\s*$`)

// regionLists marks the bare place names of lists that speak of regions:
// in a sentence that names regions in the plural (or right after one), a
// list of county names or capitalised words ("Kalmar, Sörmland,
// Jämtland-Härjedalen …", "regionerna (Gävleborg, Dalarna …)") stands for
// the regions serving those counties, unless a place preposition governs
// it ("företag i Halland, Jämtland/Härjedalen och Örebro län" are places).
// Resolve decides what each name stands for; names it cannot place are
// dropped there.
func (r *Recogniser) regionLists(pi int, text string, toks []token, taken []bool, ms []Mention) []Mention {
	ctxs, preps := r.lx.patterns("regions"), r.lx.patterns("placeprep")
	if len(ctxs) == 0 {
		return ms
	}
	speaks := func(s string) bool {
		for _, p := range ctxs {
			if p.Re.MatchString(s) {
				return true
			}
		}
		return false
	}
	type item struct {
		start, end int
		mention    int // index into ms, -1 for a word no mention covers
	}
	sents := sentences(text, r.lx)
	var added []Mention
	for si, sp := range sents {
		if !speaks(text[sp[0]:sp[1]]) && (si == 0 || !speaks(text[sents[si-1][0]:sents[si-1][1]])) {
			continue
		}
		var items []item
		for k, m := range ms {
			if m.Start >= sp[0] && m.End <= sp[1] && m.Entity != "" && r.lx.ByID[m.Entity] != nil && r.lx.ByID[m.Entity].Class == "County" {
				items = append(items, item{m.Start, m.End, k})
			}
		}
		for _, t := range toks {
			if t.start < sp[0] || t.end > sp[1] || !startsUpper(t.text) || overlaps(taken, t.start, t.end) || strings.ContainsAny(t.text, ".:&") {
				continue
			}
			items = append(items, item{t.start, t.end, -1})
		}
		sort.Slice(items, func(a, b int) bool { return items[a].start < items[b].start })
		for i := 0; i < len(items); {
			j := i + 1
			for j < len(items) && listSep.MatchString(text[items[j-1].end:items[j].start]) && strings.TrimSpace(text[items[j-1].end:items[j].start]) != "" {
				j++
			}
			run := items[i:j]
			i = j
			before := strings.TrimRight(text[sp[0]:run[0].start], " (")
			governed := false
			for _, p := range preps {
				if p.Re.MatchString(before) {
					governed = true
				}
			}
			// A lone name needs the regions named right before it
			// ("samtliga regioner, utom Stockholm").
			if governed || (len(run) == 1 && !speaks(lastWords(before, 4))) {
				continue
			}
			for _, it := range run {
				if it.mention >= 0 {
					ms[it.mention].RegionOf = true
					continue
				}
				added = append(added, Mention{Passage: pi, Start: it.start, End: it.end, Surface: text[it.start:it.end], Name: text[it.start:it.end], Class: "Region", RegionOf: true})
			}
		}
	}
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].Start < ms[b].Start })
	return ms
}

// lastWords returns the last n words of s.
func lastWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ")
}
