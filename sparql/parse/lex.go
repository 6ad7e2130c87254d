package parse

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"kg/internal/grammar"
)

type tokKind uint8

const (
	tEOF     tokKind = iota
	tIRI             // <...>, text is the unescaped IRI
	tPName           // prefix:local, text is the prefix, local the decoded local part
	tBlank           // _:label, text is the label
	tVar             // ?x or $x, text is the name
	tLang            // @en, text is the tag
	tInteger         // text is the lexical form (with sign if any)
	tDecimal
	tDouble
	tString // text is the decoded value
	tNil    // ()
	tAnon   // []
	tPunct  // text is the punctuation
	tWord   // keyword or the 'a' shorthand; text as written
)

type token struct {
	kind      tokKind
	text      string
	local     string
	line, col int
}

// Error is a syntax error at a position of the query text.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

type lexer struct {
	src       string
	pos       int
	line, col int
}

func (l *lexer) errf(line, col int, format string, args ...any) *Error {
	return &Error{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (l *lexer) peekRune(off int) rune {
	p := l.pos
	for ; off > 0 && p < len(l.src); off-- {
		_, n := utf8.DecodeRuneInString(l.src[p:])
		p += n
	}
	if p >= len(l.src) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(l.src[p:])
	return r
}

func (l *lexer) next() rune {
	if l.pos >= len(l.src) {
		return -1
	}
	r, n := utf8.DecodeRuneInString(l.src[l.pos:])
	l.pos += n
	if r == '\n' {
		l.line++
		l.col = 1
	} else {
		l.col++
	}
	return r
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.src) {
		switch c := l.src[l.pos]; c {
		case ' ', '\t', '\r', '\n':
			l.next()
		case '#':
			for l.pos < len(l.src) && l.src[l.pos] != '\n' {
				l.next()
			}
		default:
			return
		}
	}
}

func (l *lexer) token() (token, error) {
	l.skipSpace()
	line, col := l.line, l.col
	tok := func(k tokKind, text string) (token, error) {
		return token{kind: k, text: text, line: line, col: col}, nil
	}
	if l.pos >= len(l.src) {
		return tok(tEOF, "")
	}
	r := l.peekRune(0)
	switch {
	case r == '<':
		if iri, ok, err := l.iriRef(); err != nil {
			return token{}, err
		} else if ok {
			return tok(tIRI, iri)
		}
		l.next()
		if l.peekRune(0) == '=' {
			l.next()
			return tok(tPunct, "<=")
		}
		return tok(tPunct, "<")
	case r == '?' || r == '$':
		if c := l.peekRune(1); c >= 0 && (grammar.IsPNCharsU(c) || isDigit(c)) {
			l.next()
			start := l.pos
			for c := l.peekRune(0); c >= 0 && isVarChar(c); c = l.peekRune(0) {
				l.next()
			}
			return tok(tVar, l.src[start:l.pos])
		}
		l.next()
		if r == '$' {
			return token{}, l.errf(line, col, "unexpected '$'")
		}
		return tok(tPunct, "?")
	case r == '"' || r == '\'':
		s, err := l.str()
		if err != nil {
			return token{}, err
		}
		return tok(tString, s)
	case r == '@':
		l.next()
		start := l.pos
		for c := l.peekRune(0); isAlpha(c); c = l.peekRune(0) {
			l.next()
		}
		if l.pos == start {
			return token{}, l.errf(line, col, "bad language tag")
		}
		for l.peekRune(0) == '-' {
			l.next()
			n := l.pos
			for c := l.peekRune(0); isAlpha(c) || isDigit(c); c = l.peekRune(0) {
				l.next()
			}
			if l.pos == n {
				return token{}, l.errf(line, col, "bad language tag")
			}
		}
		return tok(tLang, l.src[start:l.pos])
	case isDigit(r) || (r == '.' && isDigit(l.peekRune(1))):
		return l.number(line, col, "")
	case (r == '+' || r == '-') && (isDigit(l.peekRune(1)) || (l.peekRune(1) == '.' && isDigit(l.peekRune(2)))):
		l.next()
		return l.number(line, col, string(r))
	case r == '_' && l.peekRune(1) == ':':
		l.next()
		l.next()
		c := l.peekRune(0)
		if c < 0 || !(grammar.IsPNCharsU(c) || isDigit(c)) {
			return token{}, l.errf(line, col, "bad blank node label")
		}
		start := l.pos
		last := l.pos
		for c := l.peekRune(0); c >= 0 && (grammar.IsPNChars(c) || c == '.'); c = l.peekRune(0) {
			l.next()
			if c != '.' {
				last = l.pos
			}
		}
		l.rewind(last)
		return tok(tBlank, l.src[start:l.pos])
	case r == ':' || grammar.IsPNCharsBase(r):
		return l.word(line, col)
	case r == '(' || r == '[':
		// NIL and ANON may contain white space between the brackets.
		save := *l
		l.next()
		l.skipSpace()
		closing := ')'
		kind := tNil
		if r == '[' {
			closing, kind = ']', tAnon
		}
		if l.peekRune(0) == closing {
			l.next()
			return tok(kind, "")
		}
		*l = save
		l.next()
		return tok(tPunct, string(r))
	}
	two := ""
	if l.pos+2 <= len(l.src) {
		two = l.src[l.pos : l.pos+2]
	}
	switch two {
	case "!=", ">=", "&&", "||", "^^":
		l.next()
		l.next()
		return tok(tPunct, two)
	}
	switch r {
	case '{', '}', ')', ']', '.', ',', ';', '=', '>', '!', '+', '-', '*', '/', '^', '|':
		l.next()
		return tok(tPunct, string(r))
	}
	return token{}, l.errf(line, col, "unexpected character %q", r)
}

// rewind moves back to byte offset p on the current line.
func (l *lexer) rewind(p int) {
	l.col -= utf8.RuneCountInString(l.src[p:l.pos])
	l.pos = p
}

func (l *lexer) number(line, col int, sign string) (token, error) {
	start := l.pos
	kind := tInteger
	for isDigit(l.peekRune(0)) {
		l.next()
	}
	if l.peekRune(0) == '.' && (isDigit(l.peekRune(1)) || (l.pos > start && isExp(l.peekRune(1)))) {
		l.next()
		kind = tDecimal
		for isDigit(l.peekRune(0)) {
			l.next()
		}
	}
	if isExp(l.peekRune(0)) {
		save := *l
		l.next()
		if c := l.peekRune(0); c == '+' || c == '-' {
			l.next()
		}
		if isDigit(l.peekRune(0)) {
			for isDigit(l.peekRune(0)) {
				l.next()
			}
			kind = tDouble
		} else {
			*l = save
		}
	}
	return token{kind: kind, text: sign + l.src[start:l.pos], line: line, col: col}, nil
}

func isExp(r rune) bool { return r == 'e' || r == 'E' }

// word reads a prefixed name or a keyword.
func (l *lexer) word(line, col int) (token, error) {
	start := l.pos
	if l.peekRune(0) != ':' {
		last := l.pos
		for c := l.peekRune(0); c >= 0 && (grammar.IsPNChars(c) || c == '.'); c = l.peekRune(0) {
			l.next()
			if c != '.' {
				last = l.pos
			}
		}
		l.rewind(last)
	}
	prefix := l.src[start:l.pos]
	if l.peekRune(0) != ':' {
		return token{kind: tWord, text: prefix, line: line, col: col}, nil
	}
	l.next()
	local, err := l.local()
	if err != nil {
		return token{}, err
	}
	return token{kind: tPName, text: prefix, local: local, line: line, col: col}, nil
}

// local reads the local part of a prefixed name and decodes its escapes.
func (l *lexer) local() (string, error) {
	var b strings.Builder
	first := true
	lastLen := 0
	lastPos := l.pos
	lastLine, lastCol := l.line, l.col
	for {
		c := l.peekRune(0)
		switch {
		case c == '\\':
			line, col := l.line, l.col
			l.next()
			e := l.next()
			if e < 0 || !strings.ContainsRune("_~.-!$&'()*+,;=/?#@%", e) {
				return "", l.errf(line, col, "bad escape in prefixed name")
			}
			b.WriteRune(e)
		case c == '%':
			line, col := l.line, l.col
			l.next()
			h1, h2 := l.next(), l.next()
			if !isHex(h1) || !isHex(h2) {
				return "", l.errf(line, col, "bad %%-escape in prefixed name")
			}
			b.WriteRune('%')
			b.WriteRune(h1)
			b.WriteRune(h2)
		case c >= 0 && (grammar.IsPNCharsU(c) || isDigit(c) || c == ':' || (!first && (grammar.IsPNChars(c) || c == '.'))):
			l.next()
			b.WriteRune(c)
			if c == '.' {
				first = false
				continue
			}
		default:
			// A local name cannot end in '.', so give the dots back.
			s := b.String()[:lastLen]
			if l.pos != lastPos {
				l.pos, l.line, l.col = lastPos, lastLine, lastCol
			}
			return s, nil
		}
		first = false
		lastLen = b.Len()
		lastPos, lastLine, lastCol = l.pos, l.line, l.col
	}
}

// iriRef reads <...> if the text at the cursor is an IRI reference; ok is
// false (and nothing is consumed) when it is a '<' operator instead.
func (l *lexer) iriRef() (string, bool, error) {
	save := *l
	l.next()
	var b strings.Builder
	for {
		line, col := l.line, l.col
		c := l.next()
		switch {
		case c == '>':
			return b.String(), true, nil
		case c == '\\':
			r, err := l.uescape(line, col)
			if err != nil {
				return "", false, err
			}
			b.WriteRune(r)
		case c < 0 || c <= 0x20 || strings.ContainsRune("<\"{}|^`", c):
			*l = save
			return "", false, nil
		default:
			b.WriteRune(c)
		}
	}
}

// uescape decodes \uXXXX or \UXXXXXXXX after the backslash.
func (l *lexer) uescape(line, col int) (rune, error) {
	c := l.next()
	n := 0
	switch c {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, l.errf(line, col, "bad escape sequence")
	}
	var r rune
	for i := 0; i < n; i++ {
		h := l.next()
		if !isHex(h) {
			return 0, l.errf(line, col, "bad \\%c escape", c)
		}
		r = r*16 + hexVal(h)
	}
	if (r >= 0xD800 && r <= 0xDFFF) || r > 0x10FFFF {
		return 0, l.errf(line, col, "escape \\%c names no Unicode scalar value", c)
	}
	return r, nil
}

func (l *lexer) str() (string, error) {
	line, col := l.line, l.col
	q := l.next()
	long := false
	if l.peekRune(0) == q && l.peekRune(1) == q {
		l.next()
		l.next()
		long = true
	} else if l.peekRune(0) == q {
		l.next()
		return "", nil
	}
	var b strings.Builder
	for {
		eline, ecol := l.line, l.col
		c := l.next()
		switch {
		case c < 0:
			return "", l.errf(line, col, "unterminated string")
		case c == q:
			if !long {
				return b.String(), nil
			}
			if l.peekRune(0) == q && l.peekRune(1) == q && l.peekRune(2) != q {
				l.next()
				l.next()
				return b.String(), nil
			}
			b.WriteRune(c)
		case c == '\\':
			e := l.peekRune(0)
			switch e {
			case 't':
				b.WriteByte('\t')
			case 'b':
				b.WriteByte('\b')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 'f':
				b.WriteByte('\f')
			case '"', '\'', '\\':
				b.WriteRune(e)
			case 'u', 'U':
				r, err := l.uescape(eline, ecol)
				if err != nil {
					return "", err
				}
				b.WriteRune(r)
				continue
			default:
				return "", l.errf(eline, ecol, "bad escape sequence in string")
			}
			l.next()
		case !long && (c == '\n' || c == '\r'):
			return "", l.errf(eline, ecol, "line break in short string")
		default:
			b.WriteRune(c)
		}
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isAlpha(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }
func isHex(r rune) bool {
	return isDigit(r) || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F')
}

func hexVal(r rune) rune {
	switch {
	case isDigit(r):
		return r - '0'
	case r >= 'a':
		return r - 'a' + 10
	}
	return r - 'A' + 10
}

func isVarChar(r rune) bool {
	return grammar.IsPNCharsU(r) || isDigit(r) || r == 0xB7 ||
		(r >= 0x300 && r <= 0x36F) || (r >= 0x203F && r <= 0x2040)
}
