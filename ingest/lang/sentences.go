package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/ingest/doc"
)

// Stage splits every passage into sentences and tokens.
type Stage struct{}

// Name implements doc.Stage.
func (Stage) Name() string { return "lang" }

// Requires implements doc.Stage.
func (Stage) Requires() []doc.Annotation { return []doc.Annotation{doc.Passages} }

// Provides implements doc.Stage.
func (Stage) Provides() []doc.Annotation { return []doc.Annotation{doc.Sentences} }

// Run implements doc.Stage.
func (Stage) Run(d *doc.Doc) error {
	d.Sentences = d.Sentences[:0]
	for pi, p := range d.Passages {
		for _, sp := range Split(p.Text) {
			d.Sentences = append(d.Sentences, doc.Sentence{Passage: pi, Start: sp[0], End: sp[1],
				Tokens: Tokenize(p.Text[sp[0]:sp[1]], sp[0])})
		}
	}
	return nil
}

// Split returns the sentences of a text as byte ranges, trimmed of
// surrounding space. A sentence ends at '.', '!' or '?' (with closing
// quotes and brackets) followed by space and a capital letter, a digit or
// an opening quote or bullet, unless the stop ends an abbreviation, an
// ordinal in a date ("1. ") or the number a list item opens with.
func Split(s string) [][2]int {
	var out [][2]int
	start := 0
	toks := Tokenize(s, 0)
	for i, t := range toks {
		if t.Kind != punct || !strings.ContainsAny(t.Text, ".!?") {
			continue
		}
		end := t.End
		k := i + 1
		for k < len(toks) && toks[k].Start == end && strings.ContainsAny(toks[k].Text, "\"”’»)]") {
			end = toks[k].End
			k++
		}
		if k >= len(toks) {
			break
		}
		if toks[k].Start == end { // no space after the stop
			continue
		}
		if t.Text == "." && i > 0 && toks[i-1].End == t.Start && IsAbbreviation(toks[i-1].Text+".") {
			continue
		}
		if !opensSentence(toks[k].Text) {
			continue
		}
		if t.Text == "." && i > 0 && toks[i-1].Kind == number && toks[i-1].End == t.Start && len(toks[i-1].Text) <= 2 && i > 1 && toks[i-2].Kind == punct {
			continue // a list number "(1." is no end
		}
		if t.Text == "." && i == 1 && toks[0].Kind == number && toks[0].End == t.Start && len(toks[0].Text) <= 2 {
			continue // nor is the number a list item opens with ("1. Det tidiga …")
		}
		out = appendTrimmed(out, s, start, end)
		start = end
	}
	return appendTrimmed(out, s, start, len(s))
}

func opensSentence(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"”“«•–-(", r)
}

func appendTrimmed(out [][2]int, s string, a, b int) [][2]int {
	for a < b {
		r, n := utf8.DecodeRuneInString(s[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(s[:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	if a < b {
		out = append(out, [2]int{a, b})
	}
	return out
}
