package relate

import (
	"kg/ingest/doc"
	"kg/ingest/lang"
)

// ownerRoles name a shareholder: "där regionerna är delägare".
var ownerRoles = map[string]bool{"ägare": true, "delägare": true, "huvudägare": true, "majoritetsägare": true}

// partNouns name the parts a strategy or programme sets out: "en av fyra
// prioriteringar".
var partNouns = map[string]bool{"prioriteringar": true, "prioriteringarna": true, "insatsområden": true,
	"insatsområdena": true, "fokusområden": true, "fokusområdena": true, "delar": true, "delarna": true}

// owned are the classes a shareholder owns.
var owned = []string{"Company", "Association", "Actor"}

// roles reads a copula clause that gives a name its role in another
// without a cue verb: "inkubatorer där regionerna är delägare" (the
// regions own the incubators), "X är en av fyra prioriteringar i Y" and
// "Y styr arbetet, där X är en av fyra prioriteringar" (X is part of the
// strategy).
func (r *relater) roles(sc *sentence) {
	for _, x := range sc.spans {
		c := x.to + adverbialAt(sc.toks, x.to)
		if c+2 >= len(sc.toks) || low(sc.toks[c]) != "är" {
			continue
		}
		c++
		c += adverbialAt(sc.toks, c)
		w := sc.where(x)
		if c < len(sc.toks) && ownerRoles[low(sc.toks[c])] && w >= 0 && fits(x.class, actor) {
			if a, ok := sc.endingAt(w); ok && fits(a.class, owned) {
				r.add(x.e, a.e, "owns", sc.i, "role:owner")
			}
			continue
		}
		end := sc.oneOfParts(c)
		if end < 0 || !fits(x.class, []string{"Theme", "Instrument"}) {
			continue
		}
		var whole []span
		if end+1 < len(sc.toks) && (low(sc.toks[end]) == "i" || low(sc.toks[end]) == "inom") {
			whole = sc.objects(end+1, []string{"Strategy", "Programme", "Plan"})
		}
		if len(whole) == 0 && w >= 0 {
			whole = sc.before(w, []string{"Strategy", "Programme", "Plan"}, true)
		}
		if len(whole) > 0 && whole[0].e != x.e {
			r.add(x.e, whole[0].e, "partOf", sc.i, "role:part")
		}
	}
}

// where returns the token of the "där" that opens a clause with x as
// its subject, a class noun possibly between ("där projektet X är …"),
// or -1.
func (sc *sentence) where(x span) int {
	w := x.from - 1
	if w > 0 && commonWord(sc.toks[w]) && !lang.UpperFirst(sc.toks[w].Text) && low(sc.toks[w]) != "där" {
		w--
	}
	if w >= 0 && low(sc.toks[w]) == "där" {
		return w
	}
	return -1
}

// endingAt returns the name that ends at token i or, with a comma
// between, at token i-1.
func (sc *sentence) endingAt(i int) (span, bool) {
	for _, s := range sc.spans {
		if s.to == i || s.to == i-1 && i > 0 && sc.toks[i-1].Text == "," {
			return s, true
		}
	}
	return span{}, false
}

// oneOfParts returns the token after "en av (de) (fyra) prioriteringar"
// standing at token i, or -1.
func (sc *sentence) oneOfParts(i int) int {
	if i+2 >= len(sc.toks) || low(sc.toks[i]) != "en" && low(sc.toks[i]) != "ett" || low(sc.toks[i+1]) != "av" {
		return -1
	}
	k := i + 2
	if low(sc.toks[k]) == "de" {
		k++
	}
	if k < len(sc.toks) && (sc.toks[k].Kind == doc.Number || numberWords[low(sc.toks[k])]) {
		k++
	}
	if k < len(sc.toks) && partNouns[low(sc.toks[k])] {
		return k + 1
	}
	return -1
}
