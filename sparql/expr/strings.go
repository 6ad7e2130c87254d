package expr

import (
	"math"
	"strings"
	"unicode/utf8"

	"kg/term"
)

// withLexical returns a literal of the same kind as src (language-tagged
// with src's tag, or xsd:string) with lexical form s.
func withLexical(src term.Term, s string) term.Term {
	if datatypeOf(src) == term.RDFLangString {
		return term.Term{Kind: term.KindLiteral, Value: s, Datatype: term.RDFLangString, Lang: src.Lang}
	}
	return term.String(s)
}

func strArg(name string, t term.Term) error {
	if !isStringLit(t) {
		return typeErr("%s needs a string literal, got %s", name, t)
	}
	return nil
}

// compatible implements the argument compatibility rules (17.4.3.1.2):
// two simple literals / xsd:strings, two language-tagged strings with the
// same tag, or a language-tagged string and a simple literal/xsd:string.
func compatible(name string, a, b term.Term) error {
	if err := strArg(name, a); err != nil {
		return err
	}
	if err := strArg(name, b); err != nil {
		return err
	}
	if isSimple(b) || sameLang(a.Lang, b.Lang) {
		return nil
	}
	return typeErr("%s: incompatible arguments %s and %s", name, a, b)
}

func fnStrlen(_ *Context, a []term.Term) (term.Term, error) {
	if err := strArg("STRLEN", a[0]); err != nil {
		return term.Term{}, err
	}
	return Integer(int64(utf8.RuneCountInString(a[0].Value))), nil
}

// fnSubstr follows fn:substring: the characters (code points) at
// 1-based positions p with round(start) <= p < round(start)+round(length),
// where rounding is fn:round and NaN/infinite bounds behave as in IEEE
// arithmetic. Any numeric type is accepted for start and length.
func fnSubstr(_ *Context, a []term.Term) (term.Term, error) {
	if err := strArg("SUBSTR", a[0]); err != nil {
		return term.Term{}, err
	}
	st, ok := parseNumber(a[1])
	if !ok {
		return term.Term{}, typeErr("SUBSTR: start %s is not numeric", a[1])
	}
	start := xpathRound(st.float())
	end := math.Inf(1)
	if len(a) == 3 {
		ln, ok := parseNumber(a[2])
		if !ok {
			return term.Term{}, typeErr("SUBSTR: length %s is not numeric", a[2])
		}
		end = start + xpathRound(ln.float())
	}
	s := a[0].Value
	if math.IsNaN(start) || math.IsNaN(end) {
		return withLexical(a[0], ""), nil
	}
	// Slice by byte offsets of the first and last code point kept.
	from, to := len(s), len(s)
	p := 1
	for i := range s {
		fp := float64(p)
		if fp >= end {
			to = i
			break
		}
		if fp >= start && from == len(s) {
			from = i
		}
		p++
	}
	if from > to {
		from = to
	}
	return withLexical(a[0], s[from:to]), nil
}

// Full case mappings from Unicode SpecialCasing.txt that the simple
// mappings of package unicode miss (unconditional, language-independent
// ones outside Greek iota subscripts).
var specialUpper = map[rune]string{
	'\u00DF': "SS",
	'\u0149': "\u02BCN",
	'\u01F0': "J\u030C",
	'\u0390': "\u0399\u0308\u0301",
	'\u03B0': "\u03A5\u0308\u0301",
	'\u0587': "\u0535\u0552",
	'\u1E96': "H\u0331",
	'\u1E97': "T\u0308",
	'\u1E98': "W\u030A",
	'\u1E99': "Y\u030A",
	'\u1E9A': "A\u02BE",
	'\uFB00': "FF",
	'\uFB01': "FI",
	'\uFB02': "FL",
	'\uFB03': "FFI",
	'\uFB04': "FFL",
	'\uFB05': "ST",
	'\uFB06': "ST",
	'\uFB13': "\u0544\u0546",
	'\uFB14': "\u0544\u0535",
	'\uFB15': "\u0544\u053B",
	'\uFB16': "\u054E\u0546",
	'\uFB17': "\u0544\u053D",
}

var specialLower = map[rune]string{
	'\u0130': "i\u0307",
}

func mapCase(s string, special map[rune]string, simple func(string) string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { _, ok := special[r]; return ok }) {
		return simple(s)
	}
	var b strings.Builder
	for _, r := range s {
		if m, ok := special[r]; ok {
			b.WriteString(m)
		} else {
			b.WriteString(simple(string(r)))
		}
	}
	return b.String()
}

// Upper is fn:upper-case: "å" becomes "Å", "ß" becomes "SS".
func Upper(s string) string { return mapCase(s, specialUpper, strings.ToUpper) }

// Lower is fn:lower-case.
func Lower(s string) string { return mapCase(s, specialLower, strings.ToLower) }

func fnUcase(_ *Context, a []term.Term) (term.Term, error) {
	if err := strArg("UCASE", a[0]); err != nil {
		return term.Term{}, err
	}
	return withLexical(a[0], Upper(a[0].Value)), nil
}

func fnLcase(_ *Context, a []term.Term) (term.Term, error) {
	if err := strArg("LCASE", a[0]); err != nil {
		return term.Term{}, err
	}
	return withLexical(a[0], Lower(a[0].Value)), nil
}

// EncodeForURI is fn:encode-for-uri: every byte of the UTF-8 encoding
// except the RFC 3986 unreserved characters becomes %XX.
func EncodeForURI(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

func fnEncodeForURI(_ *Context, a []term.Term) (term.Term, error) {
	if err := strArg("ENCODE_FOR_URI", a[0]); err != nil {
		return term.Term{}, err
	}
	return term.String(EncodeForURI(a[0].Value)), nil
}

func fnConcat(c *Context, a []term.Term) (term.Term, error) {
	n := 0
	for _, t := range a {
		n += len(t.Value)
	}
	if limit := c.maxLen(); limit >= 0 && n > limit {
		return term.Term{}, tooLarge("CONCAT", n, limit)
	}
	var b strings.Builder
	b.Grow(n)
	lang, allLang := "", len(a) > 0
	for i, t := range a {
		if err := strArg("CONCAT", t); err != nil {
			return term.Term{}, err
		}
		b.WriteString(t.Value)
		switch {
		case datatypeOf(t) != term.RDFLangString:
			allLang = false
		case i == 0:
			lang = t.Lang
		case !sameLang(lang, t.Lang):
			allLang = false
		}
	}
	if allLang {
		return term.Term{Kind: term.KindLiteral, Value: b.String(), Datatype: term.RDFLangString, Lang: lang}, nil
	}
	return term.String(b.String()), nil
}

func fnContains(_ *Context, a []term.Term) (term.Term, error) {
	if err := compatible("CONTAINS", a[0], a[1]); err != nil {
		return term.Term{}, err
	}
	return Bool(strings.Contains(a[0].Value, a[1].Value)), nil
}

func fnStrStarts(_ *Context, a []term.Term) (term.Term, error) {
	if err := compatible("STRSTARTS", a[0], a[1]); err != nil {
		return term.Term{}, err
	}
	return Bool(strings.HasPrefix(a[0].Value, a[1].Value)), nil
}

func fnStrEnds(_ *Context, a []term.Term) (term.Term, error) {
	if err := compatible("STRENDS", a[0], a[1]); err != nil {
		return term.Term{}, err
	}
	return Bool(strings.HasSuffix(a[0].Value, a[1].Value)), nil
}

// fnStrBefore: without a match the result is the empty simple literal;
// with one it keeps the kind of the first argument.
func fnStrBefore(_ *Context, a []term.Term) (term.Term, error) {
	if err := compatible("STRBEFORE", a[0], a[1]); err != nil {
		return term.Term{}, err
	}
	i := strings.Index(a[0].Value, a[1].Value)
	if i < 0 {
		return term.String(""), nil
	}
	return withLexical(a[0], a[0].Value[:i]), nil
}

func fnStrAfter(_ *Context, a []term.Term) (term.Term, error) {
	if err := compatible("STRAFTER", a[0], a[1]); err != nil {
		return term.Term{}, err
	}
	i := strings.Index(a[0].Value, a[1].Value)
	if i < 0 {
		return term.String(""), nil
	}
	return withLexical(a[0], a[0].Value[i+len(a[1].Value):]), nil
}
