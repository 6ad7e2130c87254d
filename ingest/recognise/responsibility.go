package recognise

import (
	"kg/ingest/doc"
)

// A Mandate is a task conferred on an actor (the guidelines). Two
// phrases of responsibility confer none:
//
//   - responsibility placed on no one the text names: "ansvaret för att nå
//     målen vilar på aktörer på flera nivåer", "ansvaret … kan ligga hos
//     en annan part" speak of responsibility in general;
//   - responsibility for the publication itself: "ett samordnande ansvar
//     för rapporten" credits its authors.

// placingVerbs place a responsibility on its holders: "vilar på", "ligger
// hos".
var placingVerbs = map[string]string{"vilar": "på", "vila": "på", "ligger": "hos", "ligga": "hos", "läggs": "på"}

// publicationNouns name the publication a text is in its own words.
var publicationNouns = map[string]bool{"rapporten": true, "skriften": true, "publikationen": true, "studien": true}

// generalResponsibilities drops the mandate candidates that confer no
// task on anyone.
func generalResponsibilities(toks []doc.Token, cs []cand) []cand {
	out := cs[:0]
	for _, c := range cs {
		if c.class == "Mandate" && c.to > c.from && (publicationNouns[low(toks[c.to-1])] || placedOnNoOne(toks, cs, c.to)) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// placedOnNoOne reports whether a placing verb after token k (a modal
// verb may come first) places the responsibility on holders no actor's
// name names.
func placedOnNoOne(toks []doc.Token, cs []cand, k int) bool {
	if k < len(toks) && (low(toks[k]) == "kan" || low(toks[k]) == "ska" || low(toks[k]) == "bör") {
		k++
	}
	if k+1 >= len(toks) || placingVerbs[low(toks[k])] == "" || low(toks[k+1]) != placingVerbs[low(toks[k])] {
		return false
	}
	k += 2
	for k < len(toks) && (low(toks[k]) == "både" || low(toks[k]) == "såväl") {
		k++
	}
	for _, c := range cs {
		if c.from == k && actorClass(c.class) {
			return false
		}
	}
	return true
}
