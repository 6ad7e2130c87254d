package server

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"kg/term"
)

// foldTable maps accented Latin letters (already lower case) to the letter
// Swedish treats them as. å, ä and ö are letters of their own in Swedish
// and stay distinct; æ and ø are the Danish and Norwegian spellings of ä
// and ö; every other accent is dropped. So "Malmo" does not find "Malmö"
// (o and ö are different letters), while "Rene" finds "René".
var foldTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ä", 'ø': "ö",
	'ç': "c", 'ć': "c", 'č': "c",
	'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ł': "l", 'ľ': "l", 'ĺ': "l",
	'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ō': "o", 'ő': "o",
	'ř': "r", 'ŕ': "r",
	'ś': "s", 'š': "s", 'ş': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y",
	'ź': "z", 'ż': "z", 'ž': "z",
}

// composeSwedish joins the decomposed spellings of å, ä and ö (a letter
// followed by a combining ring or diaeresis) into the letters themselves,
// so that dropping combining marks below keeps them.
var composeSwedish = strings.NewReplacer(
	"a\u030a", "å", "a\u0308", "ä", "o\u0308", "ö",
	"A\u030a", "Å", "A\u0308", "Ä", "O\u0308", "Ö",
)

// fold lowers s and removes the accents Swedish does not distinguish.
func fold(s string) string {
	s = composeSwedish.Replace(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tokens splits folded text into words of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// loose folds å, ä and ö too, for a second try when the Swedish-aware
// search finds nothing: someone typing "Skane" on a keyboard without å
// still finds Skåne, but only then.
var loose = strings.NewReplacer("å", "a", "ä", "a", "ö", "o")

func looseTokens(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = loose.Replace(w)
	}
	return out
}

// searchEntry is one label of one resource.
type searchEntry struct {
	iri   string
	label term.Term // as stored, for display
	shown bool      // false for a hidden label (skos:hiddenLabel): found, never shown
	words []string  // folded label, split into words
	loose []string  // words with å, ä, ö folded as well
}

// searchIndex answers label searches. It is built once and read
// concurrently.
type searchIndex struct {
	entries []searchEntry
	display map[string]term.Term // the label shown for a hit on a hidden label
}

// Hit is one search result: a resource and its best-matching label.
type Hit struct {
	IRI    string
	Label  term.Term // the matching label, or for a hidden label the one to show instead
	score  int
	hidden bool
}

// newSearchIndex indexes the display labels of each resource and its
// hidden labels (misspellings and names given by mistake), which find the
// resource but are never shown: its first display label stands for them.
func newSearchIndex(labels, hidden map[string][]term.Term) *searchIndex {
	ix := &searchIndex{}
	add := func(iri string, l term.Term, shown bool) {
		ws := tokens(l.Value)
		ix.entries = append(ix.entries, searchEntry{iri: iri, label: l, shown: shown, words: ws, loose: looseTokens(ws)})
	}
	for iri, ls := range labels {
		for _, l := range ls {
			add(iri, l, true)
		}
	}
	ix.display = map[string]term.Term{}
	for iri, ls := range hidden {
		for _, l := range ls {
			add(iri, l, false)
		}
		if len(labels[iri]) > 0 {
			ix.display[iri] = labels[iri][0]
		}
	}
	slices.SortFunc(ix.entries, func(a, b searchEntry) int {
		return cmp.Or(strings.Compare(a.iri, b.iri), strings.Compare(a.label.Value, b.label.Value), strings.Compare(a.label.Lang, b.label.Lang))
	})
	return ix
}

// wordScore scores how well a query word matches a label word: 3 for the
// same word, 2 for the same word but for a genitive s on either side
// ("Skånes" and "Skåne"), 1 for a prefix, 0 for no match.
func wordScore(q, w string) int {
	switch {
	case q == w:
		return 3
	case genitive(q, w) || genitive(w, q):
		return 2
	case strings.HasPrefix(w, q):
		return 1
	}
	return 0
}

// genitive reports whether a is b with the Swedish genitive ending -s
// (no apostrophe: "Skånes", "Sveriges").
func genitive(a, b string) bool {
	return len(b) >= 2 && len(a) == len(b)+1 && a[len(a)-1] == 's' && a[:len(b)] == b
}

// Search returns up to limit resources whose labels contain every word of
// the query (each as a word, a word prefix or a genitive form), best first:
// whole-label matches, then by the sum of word scores, then shorter
// labels, then alphabetically. Each resource appears once, with its best
// label; ties between labels prefer lang. When nothing matches, it tries
// again with å, ä and ö folded to a and o, and reports approx.
func (ix *searchIndex) Search(query string, limit int, lang string) (hits []Hit, approx bool) {
	qw := tokens(query)
	if len(qw) == 0 || limit <= 0 {
		return nil, false
	}
	if hits := ix.search(qw, false, limit, lang); len(hits) > 0 {
		return hits, false
	}
	hits = ix.search(looseTokens(qw), true, limit, lang)
	return hits, len(hits) > 0
}

func (ix *searchIndex) search(qw []string, useLoose bool, limit int, lang string) []Hit {
	qnorm := strings.Join(qw, " ")
	best := map[string]Hit{}
	for _, e := range ix.entries {
		words := e.words
		if useLoose {
			words = e.loose
		}
		score := 0
		for _, q := range qw {
			s := 0
			for _, w := range words {
				s = max(s, wordScore(q, w))
			}
			if s == 0 {
				score = -1
				break
			}
			score += s
		}
		if score < 0 {
			continue
		}
		score *= 10
		switch norm := strings.Join(words, " "); {
		case norm == qnorm:
			score += 1000
		case genitive(qnorm, norm) || genitive(norm, qnorm):
			score += 500
		}
		if e.label.Lang == lang {
			score++
		}
		if !e.shown {
			score -= 5 // a real name that matches as well wins
		}
		h, ok := best[e.iri]
		if !ok || score > h.score || (score == h.score && len(e.label.Value) < len(h.Label.Value)) {
			best[e.iri] = Hit{IRI: e.iri, Label: e.label, score: score, hidden: !e.shown}
		}
	}
	hits := make([]Hit, 0, len(best))
	for _, h := range best {
		if h.hidden {
			if l, ok := ix.display[h.IRI]; ok {
				h.Label = l
			}
		}
		hits = append(hits, h)
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(len(a.Label.Value), len(b.Label.Value)),
			strings.Compare(fold(a.Label.Value), fold(b.Label.Value)), strings.Compare(a.IRI, b.IRI))
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}
