// Package lang is kg's Swedish language data and the stage that splits
// passages into sentences and tokens. Every later stage reads its words
// through this package: abbreviations, genitive and definite forms,
// a light stemmer for inflected common nouns and adjectives, and
// hyphenated coordination ("kultur- och fritidsnämnden").
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations whose final full stop does not end a sentence (lower case,
// with their inner stops).
var abbreviations = map[string]bool{
	"t.ex.": true, "bl.a.": true, "m.m.": true, "dvs.": true, "d.v.s.": true, "osv.": true, "o.s.v.": true,
	"etc.": true, "s.k.": true, "ca.": true, "kap.": true, "nr.": true, "resp.": true, "fr.o.m.": true,
	"t.o.m.": true, "jfr.": true, "prop.": true, "m.fl.": true, "f.d.": true, "p.g.a.": true, "pga.": true,
	"mnkr.": true, "mdkr.": true, "tkr.": true, "milj.": true, "kr.": true, "st.": true, "bet.": true, "skr.": true,
	"dir.": true, "dnr.": true, "ang.": true, "enl.": true, "inkl.": true, "exkl.": true, "o.d.": true,
	"e.d.": true, "m.a.o.": true, "i.o.m.": true, "fig.": true, "tab.": true, "s.": true, "ff.": true,
	"mm.": true, "tex.": true, "bla.": true, "el.": true, "t.": true, "u.": true, "proc.": true,
}

// IsAbbreviation reports whether w (a word with its final stop) is an
// abbreviation whose stop does not end a sentence.
func IsAbbreviation(w string) bool { return abbreviations[strings.ToLower(w)] }

// Fold is the form names are compared in: lower case, dashes and spaces
// unified.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u00ad':
			if r == '\u00ad' {
				continue
			}
			space = true
			continue
		case r == '–' || r == '—' || r == '‑' || r == '‐' || r == '−':
			r = '-'
		case r == '’' || r == '´':
			r = '\''
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Genitive returns the base of a word in the genitive ("Tillväxtverkets" →
// "Tillväxtverket", "EU:s" → "EU"); ok is false when w has no genitive
// ending. It cannot tell a genitive from a word that ends in s; callers
// check the base against what they know.
func Genitive(w string) (base string, ok bool) {
	if strings.HasSuffix(w, ":s") && len(w) > 2 {
		return w[:len(w)-2], true
	}
	if strings.HasSuffix(w, "s") && len(w) > 2 {
		return w[:len(w)-1], true
	}
	return w, false
}

// UpperFirst reports whether s starts with an upper-case letter.
func UpperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// LowerFirst returns s with its first letter in lower case.
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// UpperFirstLetter returns s with its first letter in upper case.
func UpperFirstLetter(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// endings of Swedish inflection that the light stemmer removes, longest
// first: definite and plural forms of nouns, adjective agreement and the
// genitive.
var endings = []string{
	"ernas", "arnas", "ornas", "andets", "endets", "ande", "ende",
	"erna", "arna", "orna", "ens", "ets", "nas", "aste", "este",
	"are", "ast", "het", "en", "et", "er", "ar", "or", "na", "ns", "ts",
	"a", "e", "n", "t", "s",
}

// Stem is a light stem of a Swedish word: lower case, inflectional endings
// removed while a stem of at least four letters remains. Two forms of one
// noun or adjective ("strategin", "strategier", "regionala", "regional")
// usually share it; it is for matching common-noun phrases, not names.
func Stem(w string) string {
	w = strings.ToLower(w)
	if i := strings.Index(w, ":"); i > 0 {
		w = w[:i]
	}
	n := utf8.RuneCountInString(w)
	for _, e := range endings {
		if !strings.HasSuffix(w, e) || n-utf8.RuneCountInString(e) < 4 {
			continue
		}
		rest := w[:len(w)-len(e)]
		if e == "het" || (e == "t" || e == "ts") && strings.HasSuffix(rest, "he") {
			break // -het is derivational: "tillgänglighet", "myndighet" keep it
		}
		if e == "n" || e == "ns" {
			if r, _ := utf8.DecodeLastRuneInString(rest); r != 'i' && r != 'y' {
				break // "kulturplan", "region" are no definite forms; "strategin" is
			}
		}
		w = rest
		break
	}
	// a second pass for stacked endings ("strategierna" → "strategi")
	n = utf8.RuneCountInString(w)
	for _, e := range []string{"er", "ar", "or"} {
		if strings.HasSuffix(w, e) && n-2 >= 5 {
			w = w[:len(w)-2]
			break
		}
	}
	// "programm" (from "programmet") and "program" stem alike
	if k := len(w); k >= 2 && w[k-1] == w[k-2] && !strings.ContainsRune("aeiouy", rune(w[k-1])) && w[k-1] < 0x80 {
		w = w[:k-1]
	}
	return w
}

// StemPhrase stems every word of a phrase and joins them with spaces.
func StemPhrase(s string) string {
	ws := Words(s)
	for i, w := range ws {
		ws[i] = Stem(w)
	}
	return strings.Join(ws, " ")
}

// Words splits s into its words (letters, digits and inner hyphens or
// colons), dropping punctuation.
func Words(s string) []string {
	var out []string
	for _, t := range Tokenize(s, 0) {
		if t.Kind != punct {
			out = append(out, t.Text)
		}
	}
	return out
}
