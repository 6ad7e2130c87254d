package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind tells what a token of the scanner is.
type tokKind uint8

const (
	word   tokKind = iota // letters, possibly with digits
	digits                // digits only
	punct                 // one rune of anything else
)

// token is a word, a run of digits or a punctuation mark, with byte offsets
// in the scanned text. Numbers are read from runs of digits by the
// matchers, which look at the space between tokens to tell a thousands
// separator from a gap between two numbers.
type token struct {
	start, end int
	low        string // lower case
	kind       tokKind
}

func lex(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u00ad':
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j, allDigits := i, true
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				if r < '0' || r > '9' {
					allDigits = false
				}
				j += n
			}
			k := word
			if allDigits {
				k = digits
			}
			out = append(out, token{start: i, end: j, low: strings.ToLower(s[i:j]), kind: k})
			i = j
		default:
			out = append(out, token{start: i, end: i + n, low: s[i : i+n], kind: punct})
			i += n
		}
	}
	return out
}

// phrase splits a cue written as text into the token forms it matches.
func phrase(s string) []string {
	ts := lex(s)
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.low
	}
	return out
}

// isGroupSpace reports whether s is exactly one space of the kinds Swedish
// typesetting puts between groups of digits.
func isGroupSpace(s string) bool {
	switch s {
	case " ", "\u00a0", "\u2009", "\u202f", "\u2007":
		return true
	}
	return false
}

// isDash reports whether a token is a hyphen or dash of any kind.
func isDash(s string) bool {
	switch s {
	case "-", "‐", "‑", "‒", "–", "—", "−":
		return true
	}
	return false
}
