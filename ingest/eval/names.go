package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// NormaliseName returns the form under which two names are compared: NFC,
// Unicode case folding, every dash (hyphen, non-breaking hyphen, en and em
// dash, minus) as "-" with no space around it, curly and angle quotes as
// straight ones, soft hyphens dropped and runs of white space (no-break
// spaces too) as one space, trimmed.
//
// The evaluator keeps its own normalisation, apart from the extractor's,
// so that it measures the extractor rather than agreeing with it.
func NormaliseName(s string) string {
	s = cases.Fold().String(norm.NFC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	for _, r := range s {
		switch {
		case r == '\u00ad':
			continue
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' || r == '\u2007':
			space = b.Len() > 0
			continue
		case isDash(r):
			b.WriteByte('-')
			space = false
			continue
		}
		if space && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case '‘', '’', '‚', '‛', '′', '`', '´':
			b.WriteByte('\'')
		case '“', '”', '„', '‟', '″', '«', '»':
			b.WriteByte('"')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
		return true
	}
	return false
}

// genitiveless returns a normalised name without a final genitive "s" or
// ":s" ("Kulturrådets" → "kulturrådet", "EU:s" → "eu"), or "" when it has
// none.
func genitiveless(n string) string {
	if strings.HasSuffix(n, ":s") && len(n) > 2 {
		return n[:len(n)-2]
	}
	if strings.HasSuffix(n, "s") && len(n) > 1 {
		return n[:len(n)-1]
	}
	return ""
}

// sameName reports whether two normalised names name the same thing: they
// are equal, or equal once one of them loses a genitive ending.
func sameName(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	a, b = articleless(a), articleless(b)
	return a == b || genitiveless(a) == b || a == genitiveless(b)
}

// articleless drops a leading definite article: "den nationella
// bredbandsstrategin" and "nationella bredbandsstrategin" are one name
// (an annotator may take the article in or leave it out).
func articleless(n string) string {
	for _, a := range []string{"den ", "det ", "de "} {
		if rest, ok := strings.CutPrefix(n, a); ok && rest != "" {
			return rest
		}
	}
	return n
}

// anySameName reports whether a name of as and one of bs are the same
// name; both lists hold normalised names.
func anySameName(as, bs []string) bool {
	for _, a := range as {
		for _, b := range bs {
			if sameName(a, b) {
				return true
			}
		}
	}
	return false
}

// samePhrase reports whether two normalised mandate names name the same
// task: they are the same name, or one holds the other word for word and
// covers at least half of its words. The guidelines ask for "the shortest
// verbatim phrase that names it", which leaves where a task's phrase ends
// to judgement ("Ansvaret för frågorna om infrastruktur" and "Ansvaret för
// frågorna om infrastruktur delas mellan stat" name one task); containment
// of a single word is never enough.
func samePhrase(a, b string) bool {
	if sameName(a, b) {
		return true
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		a, b, wa, wb = b, a, wb, wa
	}
	if len(wa) < 2 || 2*len(wa) < len(wb) {
		return false
	}
	return strings.Contains(" "+b+" ", " "+a+" ")
}

// anySamePhrase is anySameName for mandates.
func anySamePhrase(as, bs []string) bool {
	for _, a := range as {
		for _, b := range bs {
			if samePhrase(a, b) {
				return true
			}
		}
	}
	return false
}
