package recognise

import (
	"strings"
	"unicode/utf8"

	"kg/ingest/doc"
)

// A name defined with its abbreviation in brackets is a name even in lower
// case: "Fonden för en rättvis omställning (FRO)", "regional
// utvecklingsstrategi (RUS)". The words before the brackets that the
// abbreviation's letters spell, in order, from the start of a word (or of
// a compound's part), make the name; its class is the class its head noun
// tells.

// maxDefined is the most words a name defined by an abbreviation has.
const maxDefined = 8

// acronymNames finds names defined by an abbreviation in brackets.
func acronymNames(toks []doc.Token) []cand {
	var out []cand
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].Text != "(" || toks[i+2].Text != ")" || !acronymWord(toks[i+1].Text) || utf8.RuneCountInString(toks[i+1].Text) > 6 {
			continue
		}
		from, ok := spelled(toks, i, toks[i+1].Text)
		if !ok {
			continue
		}
		class := ""
		for k := i - 1; k >= from && class == ""; k-- {
			if class = nounClass(toks[k].Text); class == "" {
				class = compoundInstrument(toks[k].Text)
			}
		}
		if class == "" {
			continue
		}
		out = append(out, cand{from: from, to: i, class: class, rule: "pattern:acronym", prio: 1})
	}
	return out
}

// spelled finds the start of the shortest run of words ending before
// token end whose initials, or the starts of their compounds' parts, spell
// acr in order and whose first word starts with acr's first letter.
func spelled(toks []doc.Token, end int, acr string) (int, bool) {
	letters := []rune(strings.ToLower(acr))
	for from := end - 1; from >= 0 && end-from <= maxDefined; from-- {
		t := toks[from]
		if t.Kind != doc.Word {
			return 0, false
		}
		first, _ := utf8.DecodeRuneInString(strings.ToLower(t.Text))
		if first != letters[0] || functionWord(low(t)) {
			continue
		}
		if covers(toks[from:end], letters) {
			return from, true
		}
	}
	return 0, false
}

// covers reports whether the letters can be read in order from the words:
// each letter the first of a word, or a letter inside a word after the
// word's first ("utvecklingsfonden" gives "u" and "f"); function words may
// give none.
func covers(words []doc.Token, letters []rune) bool {
	k := 0
	for _, w := range words {
		rs := []rune(strings.ToLower(w.Text))
		if k < len(letters) && len(rs) > 0 && rs[0] == letters[k] {
			k++
			// later letters of the abbreviation may start parts of a compound
			for j := 3; j < len(rs) && k < len(letters) && len(rs) > 6; j++ {
				if rs[j] == letters[k] && j+3 <= len(rs) && partStart(rs, j) {
					k++
				}
			}
		} else if !functionWord(strings.ToLower(w.Text)) && k < len(letters) {
			return false
		}
	}
	return k == len(letters)
}

// partStart guesses that a compound's next part starts at rune j: after a
// linking "s" ("utvecklings|fonden").
func partStart(rs []rune, j int) bool {
	return rs[j-1] == 's' && j >= 4
}
