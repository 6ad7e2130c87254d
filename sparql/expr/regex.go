package expr

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"kg/term"
)

// Regular expressions follow XPath/XQuery syntax (F&O 7.6.1) and run on
// Go's RE2 engine. The translation rewrites the constructs whose meaning
// differs (".", \s, \d, \w, \i, \c) and rejects those RE2 cannot express
// (back-references, character class subtraction, Unicode block escapes)
// instead of matching something else.

var xpathCategories = map[string]bool{
	"L": true, "Lu": true, "Ll": true, "Lt": true, "Lm": true, "Lo": true,
	"M": true, "Mn": true, "Mc": true, "Me": true,
	"N": true, "Nd": true, "Nl": true, "No": true,
	"P": true, "Pc": true, "Pd": true, "Ps": true, "Pe": true, "Pi": true, "Pf": true, "Po": true,
	"Z": true, "Zs": true, "Zl": true, "Zp": true,
	"S": true, "Sm": true, "Sc": true, "Sk": true, "So": true,
	"C": true, "Cc": true, "Cf": true, "Co": true, "Cn": true,
}

// XML 1.0 (fifth edition) name characters, for \i and \c.
const (
	nameStartRanges = `:A-Z_a-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2FF}\x{370}-\x{37D}\x{37F}-\x{1FFF}\x{200C}-\x{200D}\x{2070}-\x{218F}\x{2C00}-\x{2FEF}\x{3001}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFFD}\x{10000}-\x{EFFFF}`
	nameRanges      = nameStartRanges + `\-.0-9\x{B7}\x{300}-\x{36F}\x{203F}-\x{2040}`
)

type regexKey struct{ pattern, flags string }

type regexEntry struct {
	re  *regexp.Regexp
	err error
}

var regexCache struct {
	sync.Mutex
	m map[regexKey]regexEntry
}

const regexCacheMax = 512

// CompileRegex compiles an XPath regular expression with SPARQL/XPath
// flags (s, m, i, x, q). Results are cached.
func CompileRegex(pattern, flags string) (*regexp.Regexp, error) {
	k := regexKey{pattern, flags}
	regexCache.Lock()
	e, ok := regexCache.m[k]
	regexCache.Unlock()
	if ok {
		return e.re, e.err
	}
	src, err := translateRegex(pattern, flags)
	var re *regexp.Regexp
	if err == nil {
		re, err = regexp.Compile(src)
		if err != nil {
			err = typeErr("invalid regular expression %q: %v", pattern, err)
		}
	}
	regexCache.Lock()
	if regexCache.m == nil || len(regexCache.m) >= regexCacheMax {
		regexCache.m = make(map[regexKey]regexEntry)
	}
	regexCache.m[k] = regexEntry{re, err}
	regexCache.Unlock()
	return re, err
}

func isXMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// translateRegex turns an XPath regular expression and flags into RE2
// syntax.
func translateRegex(pattern, flags string) (string, error) {
	var fs, fm, fi, fx, fq bool
	for _, f := range flags {
		switch f {
		case 's':
			fs = true
		case 'm':
			fm = true
		case 'i':
			fi = true
		case 'x':
			fx = true
		case 'q':
			fq = true
		default:
			return "", typeErr("invalid regular expression flag %q", f)
		}
	}
	var b strings.Builder
	if fi {
		b.WriteString("(?i)")
	}
	if fq {
		b.WriteString(regexp.QuoteMeta(pattern))
		return b.String(), nil
	}
	if fm {
		b.WriteString("(?m)")
	}
	rs := []rune(pattern)
	bad := func(msg string) (string, error) {
		return "", typeErr("regular expression %q: %s", pattern, msg)
	}
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		if fx && isXMLSpace(c) {
			continue
		}
		switch c {
		case '\\':
			if i+1 >= len(rs) {
				return bad("trailing backslash")
			}
			s, n, err := translateEscape(rs[i+1:], false)
			if err != nil {
				return bad(err.Error())
			}
			b.WriteString(s)
			i += n
		case '[':
			s, n, err := translateClass(rs[i:])
			if err != nil {
				return bad(err.Error())
			}
			b.WriteString(s)
			i += n - 1
		case '.':
			if fs {
				b.WriteString(`(?s:.)`)
			} else {
				b.WriteString(`[^\n\r]`)
			}
		case '(':
			if i+1 < len(rs) && rs[i+1] == '?' {
				if i+2 < len(rs) && rs[i+2] == ':' {
					b.WriteString("(?:")
					i += 2
					continue
				}
				return bad("unsupported group construct (?")
			}
			b.WriteByte('(')
		case '{':
			j := i + 1
			for j < len(rs) && ((rs[j] >= '0' && rs[j] <= '9') || rs[j] == ',') {
				j++
			}
			q := string(rs[i+1 : min(j, len(rs))])
			if j >= len(rs) || rs[j] != '}' || !validQuantifier(q) {
				return bad("invalid quantifier")
			}
			b.WriteString("{" + q + "}")
			i = j
		case ']', '}':
			return bad("unescaped " + string(c))
		default:
			b.WriteRune(c)
		}
	}
	return b.String(), nil
}

// validQuantifier checks the inside of {n}, {n,} or {n,m} with n <= m.
func validQuantifier(q string) bool {
	lo, hi, comma := strings.Cut(q, ",")
	if lo == "" {
		return false
	}
	n, err := strconv.Atoi(lo)
	if err != nil {
		return false
	}
	if !comma || hi == "" {
		return true
	}
	m, err := strconv.Atoi(hi)
	return err == nil && n <= m
}

// translateEscape translates the escape whose character(s) start rs (the
// backslash already consumed); n is how many runes it used.
func translateEscape(rs []rune, inClass bool) (s string, n int, err error) {
	c := rs[0]
	switch c {
	case 'n':
		return `\n`, 1, nil
	case 'r':
		return `\r`, 1, nil
	case 't':
		return `\t`, 1, nil
	case '\\', '|', '.', '?', '*', '+', '(', ')', '{', '}', '-', '[', ']', '^', '$':
		return `\` + string(c), 1, nil
	case 's':
		if inClass {
			return ` \t\n\r`, 1, nil
		}
		return `[ \t\n\r]`, 1, nil
	case 'S':
		if inClass {
			return "", 0, typeErr(`\S inside a character class is not supported`)
		}
		return `[^ \t\n\r]`, 1, nil
	case 'd':
		return `\p{Nd}`, 1, nil
	case 'D':
		return `\P{Nd}`, 1, nil
	case 'w':
		// \w is everything except punctuation, separators and "other";
		// the general categories partition Unicode, so that is L, M, N, S.
		if inClass {
			return `\p{L}\p{M}\p{N}\p{S}`, 1, nil
		}
		return `[\p{L}\p{M}\p{N}\p{S}]`, 1, nil
	case 'W':
		if inClass {
			return `\p{P}\p{Z}\p{C}`, 1, nil
		}
		return `[\p{P}\p{Z}\p{C}]`, 1, nil
	case 'i', 'c':
		r := nameStartRanges
		if c == 'c' {
			r = nameRanges
		}
		if inClass {
			return r, 1, nil
		}
		return "[" + r + "]", 1, nil
	case 'I', 'C':
		if inClass {
			return "", 0, typeErr(`\%c inside a character class is not supported`, c)
		}
		r := nameStartRanges
		if c == 'C' {
			r = nameRanges
		}
		return "[^" + r + "]", 1, nil
	case 'p', 'P':
		if len(rs) < 3 || rs[1] != '{' {
			return "", 0, typeErr(`\%c needs {name}`, c)
		}
		end := -1
		for j := 2; j < len(rs); j++ {
			if rs[j] == '}' {
				end = j
				break
			}
		}
		if end < 0 {
			return "", 0, typeErr(`unterminated \%c{`, c)
		}
		name := string(rs[2:end])
		if strings.HasPrefix(name, "Is") {
			return "", 0, typeErr(`Unicode block escapes (\%c{%s}) are not supported`, c, name)
		}
		if !xpathCategories[name] {
			return "", 0, typeErr(`unknown character category %q`, name)
		}
		return `\` + string(c) + "{" + name + "}", end + 1, nil
	}
	if c >= '0' && c <= '9' {
		return "", 0, typeErr("back-references are not supported")
	}
	return "", 0, typeErr(`invalid escape \%c`, c)
}

// translateClass translates the character class expression starting at
// rs[0] == '['; n is its length in runes.
func translateClass(rs []rune) (s string, n int, err error) {
	var b strings.Builder
	b.WriteByte('[')
	i := 1
	if i < len(rs) && rs[i] == '^' {
		b.WriteByte('^')
		i++
	}
	first := true
	for ; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == ']':
			if first {
				return "", 0, typeErr("empty character class")
			}
			b.WriteByte(']')
			return b.String(), i + 1, nil
		case c == '[':
			return "", 0, typeErr("unescaped [ inside a character class")
		case c == '-' && i+1 < len(rs) && rs[i+1] == '[':
			return "", 0, typeErr("character class subtraction is not supported")
		case c == '\\':
			if i+1 >= len(rs) {
				return "", 0, typeErr("trailing backslash")
			}
			t, k, err := translateEscape(rs[i+1:], true)
			if err != nil {
				return "", 0, err
			}
			b.WriteString(t)
			i += k
		default:
			b.WriteRune(c)
		}
		first = false
	}
	return "", 0, typeErr("unterminated character class")
}

func fnRegex(_ *Context, a []term.Term) (term.Term, error) {
	if err := strArg("REGEX", a[0]); err != nil {
		return term.Term{}, err
	}
	flags, err := patternArgs("REGEX", a[1:])
	if err != nil {
		return term.Term{}, err
	}
	re, err := CompileRegex(a[1].Value, flags)
	if err != nil {
		return term.Term{}, err
	}
	return Bool(re.MatchString(a[0].Value)), nil
}

// patternArgs checks that the pattern (and flags, if any) are simple
// literals and returns the flags.
func patternArgs(name string, a []term.Term) (string, error) {
	for _, t := range a {
		if !isSimple(t) {
			return "", typeErr("%s: pattern and flags must be simple literals, got %s", name, t)
		}
	}
	if len(a) > 1 {
		return a[len(a)-1].Value, nil
	}
	return "", nil
}

func fnReplace(c *Context, a []term.Term) (term.Term, error) {
	if err := strArg("REPLACE", a[0]); err != nil {
		return term.Term{}, err
	}
	if !isSimple(a[2]) {
		return term.Term{}, typeErr("REPLACE: replacement must be a simple literal, got %s", a[2])
	}
	pat := []term.Term{a[1]}
	if len(a) == 4 {
		pat = append(pat, a[3])
	}
	flags, err := patternArgs("REPLACE", pat)
	if err != nil {
		return term.Term{}, err
	}
	s, err := replace(a[0].Value, a[1].Value, a[2].Value, flags, c.maxLen())
	if err != nil {
		return term.Term{}, err
	}
	return withLexical(a[0], s), nil
}

// replPart is a piece of a parsed replacement string: literal text, or a
// capture group reference when group >= 0.
type replPart struct {
	lit   string
	group int
}

// parseReplacement reads fn:replace's replacement syntax: \\ and \$ are
// literal, $N refers to group N (digits are taken while the number stays
// a valid group, any single digit counting as one); anything else after a
// backslash or dollar is an error.
func parseReplacement(r string, groups int, literal bool) ([]replPart, error) {
	if literal {
		return []replPart{{lit: r, group: -1}}, nil
	}
	var parts []replPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, replPart{lit: lit.String(), group: -1})
			lit.Reset()
		}
	}
	for i := 0; i < len(r); i++ {
		switch c := r[i]; c {
		case '\\':
			if i+1 >= len(r) || (r[i+1] != '\\' && r[i+1] != '$') {
				return nil, typeErr(`REPLACE: invalid replacement string %q (a backslash must be followed by \ or $)`, r)
			}
			lit.WriteByte(r[i+1])
			i++
		case '$':
			j := i + 1
			for j < len(r) && isDigit(r[j]) {
				j++
			}
			if j == i+1 {
				return nil, typeErr(`REPLACE: invalid replacement string %q ($ must be followed by a digit)`, r)
			}
			k := j
			for k > i+2 {
				if n, _ := strconv.Atoi(r[i+1 : k]); n <= groups {
					break
				}
				k--
			}
			n, _ := strconv.Atoi(r[i+1 : k])
			flush()
			parts = append(parts, replPart{group: n})
			i = k - 1
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return parts, nil
}

// Replace is fn:replace: every non-overlapping match of pattern in s is
// replaced by replacement, where $N inserts capture group N. A pattern
// that matches the empty string is an error, as in XPath 2.0.
func Replace(s, pattern, replacement, flags string) (string, error) {
	return replace(s, pattern, replacement, flags, -1)
}

// replace is Replace with a bound on the length of the result (-1 for
// none), checked as the result grows.
func replace(s, pattern, replacement, flags string, limit int) (string, error) {
	re, err := CompileRegex(pattern, flags)
	if err != nil {
		return "", err
	}
	if re.MatchString("") {
		return "", typeErr("REPLACE: pattern %q matches the empty string", pattern)
	}
	parts, err := parseReplacement(replacement, re.NumSubexp(), strings.ContainsRune(flags, 'q'))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		for _, p := range parts {
			switch {
			case p.group < 0:
				b.WriteString(p.lit)
			case 2*p.group+1 < len(m) && m[2*p.group] >= 0:
				b.WriteString(s[m[2*p.group]:m[2*p.group+1]])
			}
		}
		last = m[1]
		if limit >= 0 && b.Len()+len(s)-last > limit {
			return "", tooLarge("REPLACE", b.Len()+len(s)-last, limit)
		}
	}
	b.WriteString(s[last:])
	return b.String(), nil
}
