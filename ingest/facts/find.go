package facts

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"kg/ingest/doc"
)

// Value is a date, period, amount of money or share written in a text.
type Value struct {
	Kind       doc.FactKind
	Start, End int    // byte offsets of the value in the text
	Text       string // the value as written: number and unit, without hedge words
	Qualifier  string // hedge and scope as written, joined by "; ", "" when none
	Cue        string // the word or phrase that made a date a start, end or date, as written
	// Normalised form, as in doc.Fact.
	Value, Currency, From, To string
}

// Find returns the values a sentence's text states, in text order. Amounts
// need a currency, shares a percent sign or word or a fraction ("hälften",
// "en fjärdedel"; only a verb of owning makes one a fact); dates with a day or
// month are always values, while a bare year is one only after a cue that
// says what it is ("från och med 2011", "senast 2030", "till 2030") or
// before a verb that does ("2011 infördes …"). Year spans ("2021–2027",
// "mellan 2019 och 2022") and stated durations ("treårig", "under tre år")
// are periods.
func Find(text string) []Value {
	s := scan{text: text, ts: lex(text)}
	var out []Value
	var hedgeAt []int // where each value's hedge starts, for scopes
	for i := 0; i < len(s.ts); {
		v, h, next, ok := s.at(i)
		if !ok {
			i++
			continue
		}
		out = append(out, v)
		hedgeAt = append(hedgeAt, h)
		i = next
	}
	s.scopes(out, hedgeAt)
	return out
}

type scan struct {
	text string
	ts   []token
}

// low returns the lower-case text of token i, "" outside the text.
func (s *scan) low(i int) string {
	if i < 0 || i >= len(s.ts) {
		return ""
	}
	return s.ts[i].low
}

// glued reports whether token i follows token i-1 with no space between.
func (s *scan) glued(i int) bool {
	return i > 0 && i < len(s.ts) && s.ts[i].start == s.ts[i-1].end
}

// span returns the text from token a to token b-1.
func (s *scan) span(a, b int) string { return s.text[s.ts[a].start:s.ts[b-1].end] }

// matchAt reports whether the phrase p stands at token i.
func (s *scan) matchAt(i int, p []string) bool {
	if i < 0 || i+len(p) > len(s.ts) {
		return false
	}
	for k, w := range p {
		if s.ts[i+k].low != w {
			return false
		}
	}
	return true
}

// at tries the matchers at token i; it returns the value, the token its
// hedge starts at (i when none) and the token after it.
func (s *scan) at(i int) (Value, int, int, bool) {
	if v, h, next, ok := s.amount(i); ok {
		return v, h, next, true
	}
	if v, h, next, ok := s.share(i); ok {
		return v, h, next, true
	}
	if v, h, next, ok := s.fractionShare(i); ok {
		return v, h, next, true
	}
	if v, next, ok := s.period(i); ok {
		return v, i, next, true
	}
	if v, next, ok := s.duration(i); ok {
		return v, i, next, true
	}
	if v, next, ok := s.point(i); ok {
		return v, i, next, true
	}
	return Value{}, i, i, false
}

func (s *scan) value(kind doc.FactKind, a, b int) Value {
	return Value{Kind: kind, Start: s.ts[a].start, End: s.ts[b-1].end, Text: s.span(a, b)}
}

// hedge returns the first token of the hedge words right before token i
// (i when none).
func (s *scan) hedge(i int) int {
	h := i
	for {
		found := false
		for _, p := range hedges {
			if s.matchAt(h-len(p), p) {
				h -= len(p)
				found = true
				break
			}
		}
		if !found {
			return h
		}
	}
}

func (s *scan) withHedge(v Value, i int) (Value, int) {
	h := s.hedge(i)
	if h < i {
		v.Qualifier = s.span(h, i)
	}
	return v, h
}

// Amounts.

// money reads a number, an optional scale and a currency, or a number and
// a unit that holds both ("500 tkr"), from token i.
func (s *scan) money(i int) (value, currency string, next int, ok bool) {
	n, j, ok := readNumber(s.text, s.ts, i)
	if !ok {
		w, isNum := numerals[s.low(i)]
		if !isNum {
			return "", "", i, false
		}
		j = i + 1
		n = number{whole: strconv.Itoa(w)}
		if w == 1 && s.low(j) == "halv" {
			n, j = number{whole: "0", frac: "5"}, j+1
		}
		if _, ok := scales[s.low(j)]; !ok {
			return "", "", i, false // a number word needs a scale: "en miljon kronor"
		}
	}
	exp := 0
	if e, ok := scales[s.low(j)]; ok {
		exp = e
		j++
		if scaleStop[s.low(j-1)] && s.low(j) == "." && s.glued(j) {
			j++
		}
	}
	if c, ok := currencies[s.low(j)]; ok {
		return n.decimal(exp), c, j + 1, true
	}
	if u, ok := units[s.low(j)]; ok && exp == 0 {
		return n.decimal(u.exp), u.currency, j + 1, true
	}
	return "", "", i, false
}

// rangeEnd reports whether the number at token i ends a range of numbers
// ("10–15 miljoner kronor", "mellan 40 och 60 procent"): such a value is
// not read, as one end alone would misstate it.
func (s *scan) rangeEnd(i int) bool {
	if i < 2 || s.ts[i-2].kind != digits {
		return false
	}
	p := s.low(i - 1)
	if isDash(p) {
		return true
	}
	_, isYear := year(s.ts[i-2])
	return (p == "till" || p == "och" || p == "à") && !isYear
}

func (s *scan) amount(i int) (Value, int, int, bool) {
	if s.rangeEnd(i) {
		return Value{}, i, i, false
	}
	val, cur, next, ok := s.money(i)
	if !ok {
		return Value{}, i, i, false
	}
	v := s.value(doc.Amount, i, next)
	v.Value, v.Currency = val, cur
	v, h := s.withHedge(v, i)
	return v, h, next, true
}

// Shares.

func (s *scan) percentage(i int) (string, int, bool) {
	n, j, ok := readNumber(s.text, s.ts, i)
	if !ok || !percent[s.low(j)] {
		return "", i, false
	}
	return n.decimal(0), j + 1, true
}

func (s *scan) share(i int) (Value, int, int, bool) {
	if s.ts[i].kind != digits || s.rangeEnd(i) {
		return Value{}, i, i, false
	}
	return s.shareOf(i, s.percentage)
}

// shareOf makes the share that read finds at token i, with its hedge.
func (s *scan) shareOf(i int, read func(int) (string, int, bool)) (Value, int, int, bool) {
	val, next, ok := read(i)
	if !ok {
		return Value{}, i, i, false
	}
	v := s.value(doc.Share, i, next)
	v.Value = val
	v, h := s.withHedge(v, i)
	return v, h, next, true
}

// fraction reads a share written as a fraction at token i and returns it
// in per cent: "hälften" and "halva" with its noun ("halva bolaget") are
// 50, "en fjärdedel" and "var sin fjärdedel" 25, "tre fjärdedelar" 75.
func (s *scan) fraction(i int) (string, int, bool) {
	switch s.low(i) {
	case "hälften":
		return "50", i + 1, true
	case "halva":
		if t := tokenAt(s.ts, i+1); t.kind == word && !numeralOrStop(t.low) {
			return "50", i + 2, true
		}
		return "", i, false
	}
	n, j := 0, i+1
	switch {
	case s.matchAt(i, phrase("var sin")) || s.matchAt(i, phrase("var sitt")):
		n, j = 1, i+2
	default:
		n = numerals[s.low(i)]
	}
	whole, ok := fractionWords[s.low(j)]
	plural := strings.HasSuffix(s.low(j), "ar")
	if !ok || n == 0 || n >= whole || plural != (n > 1) {
		return "", i, false
	}
	return canonical(big.NewRat(int64(100*n), int64(whole)), 2), j + 1, true
}

func numeralOrStop(w string) bool {
	_, num := numerals[w]
	return num || stopWords[w]
}

func (s *scan) fractionShare(i int) (Value, int, int, bool) { return s.shareOf(i, s.fraction) }

// Dates.

// when is a point in time read from the text.
type when struct {
	lex  string // xsd:date, xsd:gYearMonth or xsd:gYear lexical form
	year int
	bare bool // a year alone
}

// dateLike reads an ISO date ("2023-05-12"), a day, month and year ("1
// januari 2019"), a month and year ("december 2009") or a year from
// token i.
func (s *scan) dateLike(i int) (when, int, bool) {
	t := s.low(i)
	if i >= len(s.ts) {
		return when{}, i, false
	}
	if y, ok := year(s.ts[i]); ok {
		// 2023-05-12
		if s.glued(i+1) && s.low(i+1) == "-" && s.glued(i+2) && len(s.low(i+2)) == 2 && s.ts[i+2].kind == digits &&
			s.glued(i+3) && s.low(i+3) == "-" && s.glued(i+4) && len(s.low(i+4)) == 2 && s.ts[i+4].kind == digits {
			m, _ := strconv.Atoi(s.low(i + 2))
			d, _ := strconv.Atoi(s.low(i + 4))
			if validDay(y, m, d) {
				return when{lex: fmt.Sprintf("%04d-%02d-%02d", y, m, d), year: y}, i + 5, true
			}
			return when{}, i, false
		}
		if !s.yearAlone(i) {
			return when{}, i, false
		}
		return when{lex: t, year: y, bare: true}, i + 1, true
	}
	if s.ts[i].kind == digits && len(t) <= 2 {
		d, _ := strconv.Atoi(t)
		j := i + 1
		if s.low(j) == "." && s.glued(j) { // "1. januari"
			j++
		}
		if m, k, ok := s.month(j); ok {
			if y, ok := year(tokenAt(s.ts, k)); ok && s.yearAlone(k) && validDay(y, m, d) {
				return when{lex: fmt.Sprintf("%04d-%02d-%02d", y, m, d), year: y}, k + 1, true
			}
		}
		return when{}, i, false
	}
	if m, k, ok := s.month(i); ok && !(i > 0 && s.ts[i-1].kind == digits && len(s.low(i-1)) <= 2) {
		// (after a day that did not make a date, as in "31 februari 2021", no month either)
		if y, ok := year(tokenAt(s.ts, k)); ok && s.yearAlone(k) {
			return when{lex: fmt.Sprintf("%04d-%02d", y, m), year: y}, k + 1, true
		}
	}
	return when{}, i, false
}

// month reads a month name, with the stop of an abbreviation.
func (s *scan) month(i int) (int, int, bool) {
	m, ok := months[s.low(i)]
	if !ok {
		return 0, i, false
	}
	if abbreviatedMonth[s.low(i)] && s.low(i+1) == "." && s.glued(i+1) {
		return m, i + 2, true
	}
	return m, i + 1, true
}

func tokenAt(ts []token, i int) token {
	if i < 0 || i >= len(ts) {
		return token{}
	}
	return ts[i]
}

// yearAlone reports whether the four digits at token i stand as a year and
// not as part of a number, an SFS or document number ("2017:583", "SOU
// 2010:11"), a decade ("2010-talet") or a genitive ("2019 års budget").
func (s *scan) yearAlone(i int) bool {
	if s.glued(i+1) && (s.low(i+1) == ":" || s.low(i+1) == ".") && s.glued(i+2) && s.ts[i+2].kind == digits {
		return false
	}
	if s.glued(i+1) && isDash(s.low(i+1)) && s.glued(i+2) && s.ts[i+2].kind == word {
		return false
	}
	if i > 0 && s.ts[i-1].kind == digits && isGroupSpace(s.text[s.ts[i-1].end:s.ts[i].start]) && len(s.ts[i-1].low) <= 3 {
		return false // "1 2019" is a number's groups
	}
	switch s.low(i + 1) {
	case "års", "år", "kronor", "kr":
		return false
	}
	return true
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Periods.

// rangeAt reads two points joined as a span from token i: "2021–2027",
// "2021 - 2023", "2021/2022", "2021/22", "mellan 2019 och 2022", "från 2019
// till 2022", "2019 till och med 2022" (after "perioden" or "åren").
func (s *scan) rangeAt(i int, cued bool) (from, to string, next int, ok bool) {
	switch s.low(i) {
	case "mellan":
		a, j, ok := s.dateLike(s.skipYearWord(i + 1))
		if !ok || s.low(j) != "och" {
			return "", "", i, false
		}
		b, k, ok := s.dateLike(s.skipYearWord(j + 1))
		if !ok || !ordered(a, b) {
			return "", "", i, false
		}
		return a.lex, b.lex, k, true
	case "från", "fr":
		j := i + 1
		if s.low(i) == "fr" {
			c, ok := s.cueWords(i, "fr.o.m.", "fr.o.m", "fr o m")
			if !ok {
				return "", "", i, false
			}
			j = c
		} else if s.matchAt(i+1, phrase("och med")) {
			j = i + 3
		}
		a, j, ok := s.dateLike(s.skipYearWord(j))
		if !ok {
			return "", "", i, false
		}
		k, ok := s.until(j)
		if !ok {
			return "", "", i, false
		}
		b, k, ok := s.dateLike(s.skipYearWord(k))
		if !ok || !ordered(a, b) {
			return "", "", i, false
		}
		return a.lex, b.lex, k, true
	}
	a, j, ok := s.dateLike(i)
	if !ok {
		return "", "", i, false
	}
	if k, ok := s.until(j); ok && (cued || periodWords[s.low(i-1)]) {
		if b, k, ok := s.dateLike(s.skipYearWord(k)); ok && ordered(a, b) {
			return a.lex, b.lex, k, true
		}
	}
	sep := s.low(j)
	slash := sep == "/" && s.glued(j) && s.glued(j+1)
	if !slash && !(isDash(sep) && s.sameLine(j)) {
		return "", "", i, false
	}
	// "2021/22", "2021–22"
	if a.bare && s.ts[j+1].kind == digits && len(s.low(j+1)) == 2 && (slash || sep == "–" || sep == "—") {
		yy, _ := strconv.Atoi(s.low(j + 1))
		y := a.year - a.year%100 + yy
		if y <= a.year {
			y += 100
		}
		if y-a.year > 10 || s.followedByNumber(j+1) {
			return "", "", i, false
		}
		return a.lex, strconv.Itoa(y), j + 2, true
	}
	b, k, ok := s.dateLike(j + 1)
	if !ok || !ordered(a, b) || (slash && !(a.bare && b.bare)) || s.followedByNumber(k-1) {
		return "", "", i, false
	}
	return a.lex, b.lex, k, true
}

var periodWords = map[string]bool{
	"perioden": true, "period": true, "åren": true, "programperioden": true, "tidsperioden": true,
}

// until reads "till", "till och med" or "t.o.m." between the ends of a span.
func (s *scan) until(j int) (int, bool) {
	if s.matchAt(j, phrase("till och med")) {
		return j + 3, true
	}
	if s.low(j) == "till" {
		return j + 1, true
	}
	return s.cueWords(j, "t.o.m.", "t.o.m", "t o m")
}

// cueWords reads one of the phrases at token i and returns the token after it.
func (s *scan) cueWords(i int, ps ...string) (int, bool) {
	for _, p := range ps {
		w := phrase(p)
		if s.matchAt(i, w) {
			return i + len(w), true
		}
	}
	return i, false
}

func (s *scan) skipYearWord(i int) int {
	if s.low(i) == "år" || s.low(i) == "året" {
		return i + 1
	}
	return i
}

// sameLine reports whether the dash at token j has no line break around it.
func (s *scan) sameLine(j int) bool {
	if j+1 >= len(s.ts) {
		return false
	}
	gap := s.text[s.ts[j-1].end:s.ts[j+1].start]
	return !strings.ContainsAny(gap, "\n\r")
}

// followedByNumber reports whether token i runs on into ":1" or ".5", as
// in a bill number "2019/20:1".
func (s *scan) followedByNumber(i int) bool {
	return s.glued(i+1) && (s.low(i+1) == ":" || s.low(i+1) == "," || s.low(i+1) == ".") && s.glued(i+2) && tokenAt(s.ts, i+2).kind == digits
}

// ordered reports whether b is later than a and, for years, no more than
// fifty years later.
func ordered(a, b when) bool {
	if b.lex <= a.lex || strings.HasPrefix(b.lex, a.lex) {
		return false
	}
	return b.year-a.year <= 50
}

func (s *scan) period(i int) (Value, int, bool) {
	from, to, next, ok := s.rangeAt(i, false)
	if !ok {
		return Value{}, i, false
	}
	v := s.value(doc.Period, i, next)
	v.From, v.To = from, to
	return v, next, true
}

// Durations.

// durationWord reads "treårig", "tvåårigt", "femårsperiod" and "3-åriga"
// at token i.
func (s *scan) durationWord(i int) (string, int, bool) {
	t := s.low(i)
	for _, suf := range durationSuffixes {
		if n, ok := numerals[strings.TrimSuffix(t, suf)]; ok && strings.HasSuffix(t, suf) {
			return fmt.Sprintf("P%dY", n), i + 1, true
		}
		if tokenAt(s.ts, i).kind == digits && len(t) <= 2 && s.glued(i+1) && isDash(s.low(i+1)) && s.glued(i+2) && s.low(i+2) == suf {
			n, _ := strconv.Atoi(t)
			return fmt.Sprintf("P%dY", n), i + 3, true
		}
	}
	return "", i, false
}

// count reads a small number, in digits or a word, and a unit of time.
func (s *scan) count(i int) (string, int, bool) {
	t := s.low(i)
	n, ok := numerals[t]
	if !ok && tokenAt(s.ts, i).kind == digits && len(t) <= 2 {
		n, _ = strconv.Atoi(t)
		ok = n > 0
	}
	if !ok {
		return "", i, false
	}
	u, ok := durationUnits[s.low(i+1)]
	if !ok || durationTails[s.low(i+2)] {
		return "", i, false
	}
	return fmt.Sprintf("P%d%s", n, u), i + 2, true
}

func (s *scan) duration(i int) (Value, int, bool) {
	d, next, ok := s.durationWord(i)
	if !ok {
		lead := s.low(i - 1)
		if !durationLeads[lead] && !((lead == "på" || lead == "om") && periodNouns[s.low(i-2)]) {
			return Value{}, i, false
		}
		if d, next, ok = s.count(i); !ok {
			return Value{}, i, false
		}
	}
	v := s.value(doc.Period, i, next)
	v.Value = d
	return v, next, true
}

// Points: dates, starts and ends.

// point reads a date or a cued year at token i.
func (s *scan) point(i int) (Value, int, bool) {
	w, next, ok := s.dateLike(i)
	if !ok {
		return Value{}, i, false
	}
	kind, cueFrom, cueTo, ok := s.cueBefore(i)
	if !ok {
		kind, cueFrom, cueTo, ok = s.cueAfter(i, next)
	}
	if !ok {
		kind, cueFrom, cueTo, ok = s.agentCue(i)
	}
	if kind == "" { // a document's date: "rapporten från 2019"
		ok = false
	}
	if !ok {
		if w.bare {
			return Value{}, i, false
		}
		kind = doc.Date
	}
	v := s.value(kind, i, next)
	v.From = w.lex
	if ok {
		v.Cue = s.span(cueFrom, cueTo)
		if strings.ToLower(v.Cue) == "senast" {
			v.Qualifier = v.Cue
		}
	}
	return v, next, true
}

// cueBefore finds the cue before token i, past fillers; it returns the
// kind and the cue's tokens. The kind is "" for "från" after a document
// noun.
func (s *scan) cueBefore(i int) (doc.FactKind, int, int, bool) {
	// The nearest cue wins; fillers are passed one at a time, since a cue
	// may end in one ("vid utgången av 2025").
	for k, n := i, 0; ; k, n = k-1, n+1 {
		for _, c := range preCues {
			a := k - len(c.words)
			if !s.matchAt(a, c.words) {
				continue
			}
			kind := c.kind
			switch strings.Join(c.words, " ") {
			case "till":
				for b := a - 1; b >= 0 && b >= a-4; b-- {
					if lastingVerbs[s.low(b)] {
						kind = doc.End
					}
				}
			case "från":
				if documentNouns[s.low(a-1)] {
					kind = ""
				}
			}
			return kind, a, k, true
		}
		if n == 4 || !fillers[s.low(k-1)] {
			return "", i, i, false
		}
	}
}

// agentCue finds a verb cue before a phrase of a preposition and at most
// three words that ends at token i: "inrättades genom ett regeringsbeslut
// 2018". The words are plain: no punctuation, number or word that opens
// another phrase or clause.
func (s *scan) agentCue(i int) (doc.FactKind, int, int, bool) {
	for p := i - 2; p >= 0 && p >= i-4; p-- {
		if t := s.ts[p+1]; t.kind != word || agentPreps[t.low] || stopWords[t.low] {
			return "", i, i, false
		}
		if !agentPreps[s.low(p)] || !agentVerbs[s.low(p-1)] {
			continue
		}
		for _, c := range preCues {
			if len(c.words) == 1 && c.words[0] == s.low(p-1) {
				return c.kind, p - 1, p, true
			}
		}
	}
	return "", i, i, false
}

// cueAfter finds a verb right after a date that opens a clause: "Den 1
// januari 2019 tog Region X över ansvaret", "2011 infördes modellen".
func (s *scan) cueAfter(i, next int) (doc.FactKind, int, int, bool) {
	k := i
	for k > 0 && fillers[s.low(k-1)] {
		k--
	}
	if k > 0 && s.ts[k-1].kind != punct {
		return "", i, i, false
	}
	for _, c := range postCues {
		if !s.matchAt(next, c.words) {
			continue
		}
		switch c.words[0] {
		case "tog":
			// "tog Region X över ansvaret", "tog Region X initiativet till …"
			if !s.within(next+1, 8, "över") && !s.within(next+1, 5, "initiativet") && !s.within(next+1, 5, "initiativ") {
				continue
			}
		case "trädde":
			if !s.within(next+1, 5, "kraft") {
				continue
			}
		}
		return c.kind, next, next + len(c.words), true
	}
	return "", i, i, false
}

// within reports whether the word w stands within n tokens from token i.
func (s *scan) within(i, n int, w string) bool {
	for k := i; k < i+n && k < len(s.ts); k++ {
		if s.ts[k].low == w {
			return true
		}
		if s.ts[k].kind == punct && s.ts[k].low != "," {
			return false
		}
	}
	return false
}

// Scopes.

// scopes gives each amount the scope phrases of its sentence ("för 2022",
// "varje år", "per år"), each to the nearest amount.
func (s *scan) scopes(vs []Value, hedgeAt []int) {
	var amounts []int
	for k, v := range vs {
		if v.Kind == doc.Amount {
			amounts = append(amounts, k)
		}
	}
	if len(amounts) == 0 {
		return
	}
	taken := func(a, b int) bool { // token range overlaps a value or hedge
		for k, v := range vs {
			lo := v.Start
			if hedgeAt[k] < len(s.ts) {
				lo = min(lo, s.ts[hedgeAt[k]].start)
			}
			if s.ts[a].start < v.End && s.ts[b-1].end > lo {
				return true
			}
		}
		return false
	}
	scope := make([][]string, len(vs))
	for i := 0; i < len(s.ts); i++ {
		n := s.scopeAt(i)
		if n == 0 || taken(i, i+n) {
			continue
		}
		best := amounts[0]
		for _, k := range amounts[1:] {
			if distance(s.ts[i].start, s.ts[i+n-1].end, vs[k]) < distance(s.ts[i].start, s.ts[i+n-1].end, vs[best]) {
				best = k
			}
		}
		scope[best] = append(scope[best], s.span(i, i+n))
		i += n - 1
	}
	for k := range vs {
		if len(scope[k]) == 0 {
			continue
		}
		q := scope[k]
		if vs[k].Qualifier != "" {
			q = append([]string{vs[k].Qualifier}, q...)
		}
		vs[k].Qualifier = strings.Join(q, "; ")
	}
}

// scopeAt returns the length of a scope phrase at token i, 0 when none.
func (s *scan) scopeAt(i int) int {
	switch s.low(i) {
	case "för", "under":
		j := s.skipYearWord(i + 1)
		if _, ok := year(tokenAt(s.ts, j)); ok && s.yearAlone(j) && !isDash(s.low(j+1)) && s.low(j+1) != "/" {
			return j + 1 - i
		}
	}
	for _, p := range scopeWords {
		if s.matchAt(i, p) && !(len(p) == 2 && p[1] == "år" && tokenAt(s.ts, i+2).kind == digits) {
			return len(p)
		}
	}
	return 0
}

func distance(a, b int, v Value) int {
	switch {
	case b <= v.Start:
		return v.Start - b
	case a >= v.End:
		return a - v.End
	}
	return 0
}
