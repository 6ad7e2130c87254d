package recognise

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// A grant scheme is named by a title that a line or a heading gives on its
// own: "Stöd till kommersiell service", "Verksamhetsstöd för social
// hållbarhet med inriktning Folkhälsa i Västra Götalandsregionen." The
// title opens with a noun for a grant and "till" or "för", and has no
// finite verb; a closing "i" with the granting body's name is no part of
// it.

// maxGrantTitle is the most tokens such a title has.
const maxGrantTitle = 16

// grantNoun reports whether w, capitalised, is a noun for a grant in its
// indefinite form: "Stöd", "Bidrag", "Verksamhetsstöd", "Projektbidrag".
func grantNoun(w string) bool {
	if !lang.UpperFirst(w) {
		return false
	}
	l := strings.ToLower(w)
	return l == "stöd" || l == "bidrag" || len(l) > 7 && (strings.HasSuffix(l, "stöd") || strings.HasSuffix(l, "bidrag"))
}

// grantTitles finds a grant scheme's title that makes up a line.
func grantTitles(toks []doc.Token) []cand {
	if len(toks) < 3 || !grantNoun(toks[0].Text) || low(toks[1]) != "till" && low(toks[1]) != "för" {
		return nil
	}
	end := 2
	for end < len(toks) && toks[end].Text != "." && toks[end].Text != "(" {
		t := toks[end]
		if t.Kind == doc.Punct && t.Text != "," && t.Text != "-" || end >= maxGrantTitle {
			return nil
		}
		if l := low(t); finiteVerbs[l] || len(l) >= 6 && strings.HasSuffix(l, "as") {
			return nil
		}
		end++
	}
	if end < len(toks) && toks[end].Text == "." && end+1 != len(toks) {
		return nil // a title ends its line
	}
	// "… i Region Värmland": the body that grants it
	for k := end - 2; k > 2; k-- {
		if low(toks[k]) == "i" && lang.UpperFirst(toks[k+1].Text) && capSeq(toks, k+1) == end {
			end = k
			break
		}
	}
	if end <= 2 {
		return nil
	}
	return []cand{{from: 0, to: end, class: "Appropriation", rule: "pattern:grant", prio: 1}}
}
