package recognise

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/ingest/doc"
)

// A document may give a name a short form in brackets right after it:
// "Almi Företagspartner Uppsala AB (Almi Uppsala)", "Business Region
// Kronoberg (BRK)". The short form is a name of the same thing, in the
// brackets and wherever the document uses it afterwards.

// alias is a short form a document defined, with what it stands for.
type alias struct {
	words            []string
	class, key, name string
	group            bool
}

type aliases struct{ list []alias }

// maxAlias is the most words a short form has.
const maxAlias = 4

// learn records the short forms a sentence defines and returns candidates
// for them where they stand.
func (a *aliases) learn(toks []doc.Token, cs []cand) []cand {
	var out []cand
	for _, c := range cs {
		if c.to+2 >= len(toks) || toks[c.to].Text != "(" || !(actorClass(c.class) || instrumentClass(c.class)) {
			continue
		}
		end := c.to + 1
		for end < len(toks) && end-c.to <= maxAlias && toks[end].Kind == doc.Word && capWord(toks[end].Text) {
			end++
		}
		if end == c.to+1 || end >= len(toks) || toks[end].Text != ")" {
			continue
		}
		var name, short []string
		for _, t := range toks[c.from:c.to] {
			name = append(name, t.Text)
		}
		for _, t := range toks[c.to+1 : end] {
			short = append(short, t.Text)
		}
		if !shortFor(short, name) {
			continue
		}
		full := c.name
		if full == "" {
			full = strings.Join(name, " ")
		}
		al := alias{words: short, class: c.class, key: c.key, name: full, group: c.group}
		a.list = append(a.list, al)
		out = append(out, al.cand(c.to+1, end))
	}
	return out
}

// find returns candidates for the short forms learnt before, where a
// sentence uses them.
func (a *aliases) find(toks []doc.Token) []cand {
	var out []cand
	for _, al := range a.list {
		for i := 0; i+len(al.words) <= len(toks); i++ {
			ok := true
			for k, w := range al.words {
				if toks[i+k].Text != w {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, al.cand(i, i+len(al.words)))
			}
		}
	}
	return out
}

func (al alias) cand(from, to int) cand {
	return cand{from: from, to: to, class: al.class, key: al.key, name: al.name, group: al.group, rule: "alias", prio: 5}
}

// shortFor reports whether short is a short form of name: its initials
// ("BRK" for "Business Region Kronoberg") or some of its words in order
// ("Almi Uppsala").
func shortFor(short, name []string) bool {
	if len(short) >= len(name) {
		return false
	}
	if len(short) == 1 && acronymWord(short[0]) {
		var initials strings.Builder
		for _, w := range name {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) {
				initials.WriteRune(r)
			}
		}
		if initials.String() == short[0] {
			return true
		}
	}
	k := 0
	for _, w := range name {
		if k < len(short) && w == short[k] {
			k++
		}
	}
	return k == len(short) && len(short) > 1
}

func acronymWord(w string) bool {
	return utf8.RuneCountInString(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// replace puts the candidates of short forms in place of what they overlap.
func replace(cs, short []cand) []cand {
	if len(short) == 0 {
		return cs
	}
	var out []cand
	for _, c := range cs {
		over := false
		for _, s := range short {
			if c.from < s.to && s.from < c.to {
				over = true
			}
		}
		if !over {
			out = append(out, c)
		}
	}
	return append(out, short...)
}
