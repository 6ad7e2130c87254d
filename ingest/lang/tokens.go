package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/ingest/doc"
)

const (
	word   = doc.Word
	number = doc.Number
	punct  = doc.Punct
)

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Tokenize splits s into tokens; offsets are byte offsets into s plus off.
// A word keeps inner hyphens, colons, apostrophes and full stops followed by
// a letter ("EU:s", "REACT-EU", "t.ex."), and a hyphen that ends a word
// before a coordinating conjunction ("kultur- och"). A number keeps digit
// groups separated by single spaces when each group after the first has
// three digits ("8 567 000"), a decimal comma, and colons between digits
// ("2017:583", "1:1").
func Tokenize(s string, off int) []doc.Token {
	var out []doc.Token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsDigit(r):
			j := scanNumber(s, i)
			// a digit run glued to letters is a word ("1:1-anslaget", "3D")
			if j < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j:]); unicode.IsLetter(r2) || r2 == '-' && j+1 < len(s) && isLetterAt(s, j+1) {
					j = scanWord(s, i)
					out = append(out, doc.Token{Start: off + i, End: off + j, Text: s[i:j], Kind: word})
					i = j
					continue
				}
			}
			out = append(out, doc.Token{Start: off + i, End: off + j, Text: s[i:j], Kind: number})
			i = j
		case unicode.IsLetter(r):
			j := scanWord(s, i)
			out = append(out, doc.Token{Start: off + i, End: off + j, Text: s[i:j], Kind: word})
			i = j
		default:
			out = append(out, doc.Token{Start: off + i, End: off + i + n, Text: s[i : i+n], Kind: punct})
			i += n
		}
	}
	return out
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetter(r)
}

func scanWord(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isLetter(r) {
			i += n
			continue
		}
		if (r == '-' || r == '‑' || r == ':' || r == '\'' || r == '’' || r == '.' || r == '/') && i+n < len(s) && isLetterAt(s, i+n) {
			if r == '.' && !abbrevContinues(s, i) {
				return i
			}
			if r == '/' {
				return i
			}
			i += n
			continue
		}
		if r == '-' && coordinatedHyphen(s[i+n:]) {
			return i + n
		}
		return i
	}
	return i
}

// abbrevContinues reports whether the full stop at i is inside an
// abbreviation such as "t.ex." or "bl.a." (one or two letters before it).
func abbrevContinues(s string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	return utf8.RuneCountInString(s[j:i]) <= 2
}

// coordinatedHyphen reports whether rest (the text after a word-final
// hyphen) goes on with a conjunction: "kultur- och fritidsnämnden".
func coordinatedHyphen(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, c := range []string{"och ", "eller ", "samt ", "resp. ", "respektive ", "som ", "men "} {
		if strings.HasPrefix(rest, c) {
			return true
		}
	}
	return strings.HasPrefix(rest, ", ")
}

func scanNumber(s string, i int) int {
	digits := func(j int) int {
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j
	}
	j := digits(i)
	first := j - i
	for j < len(s) {
		c := s[j]
		switch {
		case (c == ',' || c == ':' || c == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9':
			j = digits(j + 1)
		case first <= 3 && (c == ' ' || strings.HasPrefix(s[j:], "\u00a0") || strings.HasPrefix(s[j:], "\u202f")):
			sp := 1
			if c != ' ' {
				_, sp = utf8.DecodeRuneInString(s[j:])
			}
			k := digits(j + sp)
			if k-(j+sp) != 3 || (k < len(s) && s[k] >= '0' && s[k] <= '9') {
				return j
			}
			// "2021 2022" are two years, not 2 021 2022: a group of four
			// digits never starts a thousands-separated number.
			j = k
		default:
			return j
		}
	}
	return j
}
