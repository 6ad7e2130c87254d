package recognise

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// A name a document has introduced ("en satsning under namnet
// Konsulttimmen", "projektet MarkEn") names the same thing wherever the
// document uses it again, with no class noun before it: "Konsulttimmen
// drivs fram till december 2022 …".

// introducingRules are the rules that find names by their context; what
// they find is remembered.
var introducingRules = map[string]bool{"pattern:name": true, "pattern:quoted": true, "pattern:company": true,
	"pattern:partner": true, "pattern:title": true, "pattern:owntitle": true, "example:title": true}

type recurring struct {
	list    []alias
	seen    map[string]bool
	byFirst map[string][]int // first word (or a one-word name's genitive) → names in list
}

// learn remembers the capitalised names a sentence introduced.
func (r *recurring) learn(toks []doc.Token, cs []cand) {
	if r.seen == nil {
		r.seen, r.byFirst = map[string]bool{}, map[string][]int{}
	}
	for _, c := range cs {
		if !introducingRules[c.rule] || c.class == "Mandate" || c.class == "Theme" || c.to > len(toks) || c.from >= c.to {
			continue
		}
		if !lang.UpperFirst(toks[c.from].Text) || len([]rune(toks[c.from].Text)) < 3 {
			continue
		}
		var words []string
		for _, t := range toks[c.from:c.to] {
			words = append(words, t.Text)
		}
		k := strings.Join(words, " ")
		if r.seen[k] {
			continue
		}
		r.seen[k] = true
		name := c.name
		if name == "" {
			name = k
		}
		r.byFirst[words[0]] = append(r.byFirst[words[0]], len(r.list))
		if len(words) == 1 {
			r.byFirst[words[0]+"s"] = append(r.byFirst[words[0]+"s"], len(r.list))
		}
		r.list = append(r.list, alias{words: words, class: c.class, key: c.key, name: name})
	}
}

// find returns candidates where a sentence uses a remembered name again,
// the last word also in the genitive ("Konsulttimmens").
func (r *recurring) find(toks []doc.Token) []cand {
	var out []cand
	for i, t := range toks {
		for _, li := range r.byFirst[t.Text] {
			al := r.list[li]
			n := len(al.words)
			if i+n > len(toks) {
				continue
			}
			ok := true
			for k, w := range al.words {
				t := toks[i+k].Text
				if t != w && (k < n-1 || t != w+"s") {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, cand{from: i, to: i + n, class: al.class, key: al.key, name: al.name, rule: "pattern:again", prio: 0})
			}
		}
	}
	return out
}
