package recognise

import (
	"strings"

	"kg/ingest/doc"
)

// A group named by a number is a group actor when the text names it as a
// group ("fem skånska kommuner", "länets sex kommuner"). Two counted
// groups are no actor of their own: one that a partitive takes a member
// from ("en av de sex första regionerna" says something of one member),
// and one whose members the text lists right after it in brackets ("fem
// regioner (Västmanland, Östergötland …)", where the listed members are
// the actors).

// passingCounts drops the counted groups that name no group actor.
func passingCounts(toks []doc.Token, cs []cand) []cand {
	out := cs[:0]
	for _, c := range cs {
		if c.group && countedGroup(toks, c) && (partitive(toks, c.from) || c.to < len(toks) && toks[c.to].Text == "(") {
			continue
		}
		out = append(out, c)
	}
	return out
}

// countedGroup reports whether a group's span holds a number.
func countedGroup(toks []doc.Token, c cand) bool {
	for _, t := range toks[c.from:c.to] {
		if t.Kind == doc.Number || countWords[strings.ToLower(t.Text)] {
			return true
		}
	}
	return false
}

// partitive reports whether a partitive ends before token k: "en av
// (de)", "ett av (de)", "någon av (de)".
func partitive(toks []doc.Token, k int) bool {
	if k > 0 && low(toks[k-1]) == "de" {
		k--
	}
	if k < 2 || low(toks[k-1]) != "av" {
		return false
	}
	switch low(toks[k-2]) {
	case "en", "ett", "någon", "något", "ingen", "inget":
		return true
	}
	return false
}
