package recognise

import (
	"strings"
	"unicode"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// Name is a form under which a known thing is recognised.
type Name struct {
	Text  string // as the register or vocabulary gives it
	Key   string // the entry it names
	Class string // ontology class of the entry
	Group bool   // the entry is a group of actors ("regionerna")
	Exact bool   // match in the name's own case ("Mark", "Vara": place names that are common words)
}

// Gazetteer finds known names in token sequences. Proper names (with a
// capital letter) match word for word, case folded, with a genitive -s
// allowed on the last word; acronyms match in their case. Common-noun
// phrases ("regional utvecklingsstrategi", "det regionala
// utvecklingsansvaret") match by the stems of their words, so that their
// definite, plural and adjective forms are found too. Group nouns of one
// or two words match exactly: "regionen" is no group though "regionerna"
// is.
type Gazetteer struct {
	exact *trie
	stem  *trie
	names []Name
}

type trie struct {
	next map[string]*trie
	hit  []int // indexes into Gazetteer.names
}

func newTrie() *trie { return &trie{next: map[string]*trie{}} }

func (t *trie) add(keys []string, id int) {
	for _, k := range keys {
		n := t.next[k]
		if n == nil {
			n = newTrie()
			t.next[k] = n
		}
		t = n
	}
	for _, h := range t.hit {
		if h == id {
			return
		}
	}
	t.hit = append(t.hit, id)
}

// articles that may open a common-noun phrase without being part of its
// stem key.
var articles = map[string]bool{"det": true, "den": true, "de": true, "en": true, "ett": true}

// NewGazetteer indexes names. A name that two entries share is kept for
// neither: it cannot be resolved without more context.
func NewGazetteer(names []Name) *Gazetteer {
	g := &Gazetteer{exact: newTrie(), stem: newTrie()}
	seen := map[string]string{}
	ambiguous := map[string]bool{}
	for _, n := range names {
		k := lang.Fold(n.Text)
		if prev, ok := seen[k]; ok && prev != n.Key {
			ambiguous[k] = true
		}
		seen[k] = n.Key
	}
	for _, n := range names {
		if ambiguous[lang.Fold(n.Text)] || strings.TrimSpace(n.Text) == "" {
			continue
		}
		id := len(g.names)
		g.names = append(g.names, n)
		words := lang.Words(n.Text)
		if len(words) == 0 {
			continue
		}
		if n.Exact {
			g.exact.add(words, id)
			continue
		}
		// a group of three words or more ("regionalt utvecklingsansvariga
		// aktörer") is one in any of its forms; shorter group nouns are
		// not ("regionen" is no group though "regionerna" is)
		if proper(n.Text) || n.Group && len(words) < 3 {
			keys := exactKeys(words)
			g.exact.add(keys, id)
			// "Region Jämtland Härjedalen" is also written "Region Jämtland-Härjedalen"
			if k := len(words); k >= 3 && lang.UpperFirst(words[k-1]) && lang.UpperFirst(words[k-2]) {
				joined := append(append([]string{}, keys[:k-2]...), keys[k-2]+"-"+keys[k-1])
				g.exact.add(joined, id)
			}
			continue
		}
		if articles[strings.ToLower(words[0])] && len(words) > 1 {
			words = words[1:]
		}
		keys := make([]string, len(words))
		for i, w := range words {
			keys[i] = lang.Stem(w)
		}
		g.stem.add(keys, id)
	}
	return g
}

// proper reports whether a name is a proper name: some word of it has a
// capital letter.
func proper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func acronym(w string) bool {
	up := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			up++
		}
	}
	return up >= 2
}

func exactKeys(words []string) []string {
	keys := make([]string, len(words))
	for i, w := range words {
		if acronym(w) {
			keys[i] = w
		} else {
			keys[i] = strings.ToLower(w)
		}
	}
	return keys
}

// match is a gazetteer hit over tokens [from, to).
type match struct {
	from, to int
	name     int
	stemmed  bool
}

// stems returns the stems of a sentence's words ("" for other tokens),
// computed once for every start the gazetteer tries.
func stems(toks []doc.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		if t.Kind == doc.Word {
			out[i] = lang.Stem(t.Text)
		}
	}
	return out
}

// longest returns the longest name starting at token i of toks; stems are
// the tokens' stems.
func (g *Gazetteer) longest(toks []doc.Token, stems []string, i int) (match, bool) {
	best, ok := match{}, false
	// exact, with a genitive allowed on the last word
	t := g.exact
	for j := i; j < len(toks) && t != nil; j++ {
		if toks[j].Text == "/" && j > i && j+1 < len(toks) && lang.UpperFirst(toks[j+1].Text) {
			continue // "Region Jämtland/Härjedalen"
		}
		if toks[j].Kind == doc.Punct && toks[j].Text != "(" && toks[j].Text != ")" && toks[j].Text != "-" {
			break
		}
		w := toks[j].Text
		k := w
		if !acronym(w) {
			k = strings.ToLower(w)
		}
		if n := t.next[k]; n != nil && len(n.hit) > 0 && j+1-i > best.to-best.from {
			best, ok = match{from: i, to: j + 1, name: n.hit[0]}, true
		}
		if n := t.next[w]; n != nil && w != k && len(n.hit) > 0 && j+1-i > best.to-best.from {
			best, ok = match{from: i, to: j + 1, name: n.hit[0]}, true
		}
		if base, gen := lang.Genitive(w); gen {
			kb := base
			if !acronym(base) {
				kb = strings.ToLower(base)
			}
			if n := t.next[kb]; n != nil && len(n.hit) > 0 && j+1-i > best.to-best.from {
				best, ok = match{from: i, to: j + 1, name: n.hit[0]}, true
			}
		}
		if n := t.next[k]; n != nil {
			t = n
		} else {
			t = t.next[w]
		}
	}
	// stems; a capitalised word inside a sentence is a name, not a
	// common noun inflected ("Företagarna" is no "företagande")
	t = g.stem
	if i > 0 && lang.UpperFirst(toks[i].Text) && toks[i-1].Text != ":" {
		t = nil
	}
	for j := i; j < len(toks) && t != nil; j++ {
		if toks[j].Kind != doc.Word {
			break
		}
		t = t.next[stems[j]]
		if t != nil && len(t.hit) > 0 && j+1-i > best.to-best.from && g.verbalNounKept(t.hit[0], toks[j].Text) {
			best, ok = match{from: i, to: j + 1, name: t.hit[0], stemmed: true}, true
		}
	}
	return best, ok
}

// verbalNounKept reports whether word w, the last word of a stemmed match
// of name n, keeps the name's verbal noun: the stem of "företagande" is
// that of "företag", but the activity is not the company.
func (g *Gazetteer) verbalNounKept(n int, w string) bool {
	ws := lang.Words(g.names[n].Text)
	last := strings.ToLower(ws[len(ws)-1])
	if !strings.HasSuffix(last, "ande") && !strings.HasSuffix(last, "ende") {
		return true
	}
	return strings.HasPrefix(strings.ToLower(w), strings.TrimSuffix(last, "e"))
}
