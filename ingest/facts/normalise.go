package facts

import "kg/ingest/doc"

// Normalise returns the canonical form of a value as written, such as a
// gold annotation's value: for amounts an xsd:decimal and an ISO 4217 code
// ("15 miljoner kronor" → "15000000", "SEK"), for shares the percentage
// ("49 procent" → "49", "hälften" → "50", "var sin fjärdedel" → "25"), for starts, ends and dates an xsd:date,
// xsd:gYearMonth or xsd:gYear in from, for periods from and to
// ("2021–2027") or an xsd:duration in value ("treårig" → "P3Y"). Hedge
// words before an amount or share, and the cue or preposition before a
// date or duration ("den", "från och med år", "under"), are passed over;
// ok is false when the rest is not a value of the kind.
func Normalise(kind doc.FactKind, text string) (value, currency, from, to string, ok bool) {
	s := scan{text: text, ts: lex(text)}
	for len(s.ts) > 0 && (s.ts[len(s.ts)-1].low == "." || s.ts[len(s.ts)-1].low == ",") {
		s.ts = s.ts[:len(s.ts)-1]
	}
	end := len(s.ts)
	i := 0
	switch kind {
	case doc.Amount, doc.Share:
		i = s.skipHedges(0)
		if kind == doc.Amount {
			v, c, next, ok := s.money(i)
			if ok && next == end {
				return v, c, "", "", true
			}
			return "", "", "", "", false
		}
		v, next, ok := s.percentage(i)
		if !ok {
			v, next, ok = s.fraction(i)
		}
		if ok && next == end {
			return v, "", "", "", true
		}
	case doc.Period:
		if from, to, next, ok := s.rangeAt(i, true); ok && next == end {
			return "", "", from, to, true
		}
		i = s.skipLeads(i)
		if d, next, ok := s.durationWord(i); ok && next == end {
			return d, "", "", "", true
		}
		if d, next, ok := s.count(i); ok && next == end {
			return d, "", "", "", true
		}
	case doc.Start, doc.End, doc.Date:
		i = s.skipCue(i)
		if w, next, ok := s.dateLike(i); ok && next == end {
			return "", "", w.lex, "", true
		}
	}
	return "", "", "", "", false
}

func (s *scan) skipHedges(i int) int {
	for {
		found := false
		for _, p := range hedges {
			if s.matchAt(i, p) {
				i += len(p)
				found = true
				break
			}
		}
		if !found {
			return i
		}
	}
}

func (s *scan) skipLeads(i int) int {
	for durationLeads[s.low(i)] || periodNouns[s.low(i)] || s.low(i) == "på" || s.low(i) == "om" || s.low(i) == "en" && !s.isUnit(i+1) {
		i++
	}
	return i
}

func (s *scan) isUnit(i int) bool { _, ok := durationUnits[s.low(i)]; return ok }

// skipCue passes over a cue and fillers before a date.
func (s *scan) skipCue(i int) int {
	for _, c := range preCues {
		if s.matchAt(i, c.words) {
			i += len(c.words)
			break
		}
	}
	for fillers[s.low(i)] && i+1 < len(s.ts) {
		i++
	}
	return i
}
