package rdfio

import (
	"strings"
	"unicode/utf8"

	"kg/internal/grammar"
	"kg/internal/limits"
)

type tokKind uint8

const (
	tEOF     tokKind = iota
	tIRI             // <...>, text is the unescaped, unresolved IRI
	tPName           // prefixed name, prefix and text (the local part)
	tBlank           // _:label, text is the label
	tString          // any of the four string forms, text is unescaped
	tAtWord          // @prefix, @base or a language tag, text without '@'
	tInteger         // text is the lexical form
	tDecimal         //
	tDouble          //
	tWord            // a, true, false, PREFIX, BASE, GRAPH
	tPunct           // one of . ; , [ ] ( ) { } and "^^" (text)
)

type token struct {
	kind      tokKind
	text      string
	prefix    string
	line, col int
}

func (t token) is(p string) bool { return t.kind == tPunct && t.text == p }

func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tIRI:
		return "IRI <" + t.text + ">"
	case tPName:
		return "prefixed name " + t.prefix + ":" + t.text
	case tBlank:
		return "blank node _:" + t.text
	case tString:
		return "string literal"
	case tAtWord:
		return "'@" + t.text + "'"
	case tInteger, tDecimal, tDouble:
		return "number " + t.text
	}
	return "'" + t.text + "'"
}

// lexer turns Turtle or TriG text into tokens.
type lexer struct {
	s   *scanner
	buf []byte
	max int // bound on len(buf): the size of one term
}

// tooLong reports whether the token being read has outgrown the bound on
// term size; checked once per character appended.
func (lx *lexer) tooLong() bool { return len(lx.buf) > lx.max }

func (lx *lexer) errTooLong() error { return lx.s.errHere(limits.SizeMessage(lx.max)) }

func (lx *lexer) skipSpace() {
	for {
		switch lx.s.peek(0) {
		case ' ', '\t', '\n', '\r':
			lx.s.next()
		case '#':
			for {
				r := lx.s.peek(0)
				if r == '\n' || r == '\r' || r == runeEOF {
					break
				}
				lx.s.next()
			}
		default:
			return
		}
	}
}

func (lx *lexer) next() (token, error) {
	lx.skipSpace()
	line, col := lx.s.pos()
	t := token{line: line, col: col}
	r := lx.s.peek(0)
	var err error
	switch {
	case r == runeEOF:
		if lx.s.err != nil {
			return t, lx.s.err
		}
		t.kind = tEOF
		return t, nil
	case r == '<':
		t.kind = tIRI
		t.text, err = lx.iri()
	case r == '"' || r == '\'':
		t.kind = tString
		t.text, err = lx.str()
	case r == '_' && lx.s.peek(1) == ':':
		t.kind = tBlank
		t.text, err = lx.blank()
	case r == '@':
		lx.s.next()
		t.kind = tAtWord
		t.text, err = lx.atWord()
	case r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.' && isDigitRune(lx.s.peek(1)):
		t.kind, t.text, err = lx.number()
	case r == ':' || grammar.IsPNCharsBase(r):
		t, err = lx.name(t)
	case r == '^':
		lx.s.next()
		if lx.s.peek(0) != '^' {
			return t, lx.s.errHere("expected '^^'")
		}
		lx.s.next()
		t.kind, t.text = tPunct, "^^"
	case strings.ContainsRune(".;,[](){}", r):
		lx.s.next()
		t.kind, t.text = tPunct, string(r)
	case r == runeBad:
		return t, lx.s.errHere("invalid UTF-8")
	default:
		return t, lx.s.errHere("unexpected character " + quoteRune(r))
	}
	return t, err
}

func quoteRune(r rune) string {
	if r < 0x20 || r == 0x7f {
		return "U+" + strings.ToUpper(string("0123456789abcdef"[r>>4])+string("0123456789abcdef"[r&15]))
	}
	return "'" + string(r) + "'"
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }

// uchar reads a \u or \U escape; the backslash is the next rune.
func (lx *lexer) uchar() (rune, error) {
	line, col := lx.s.pos()
	lx.s.next()
	n := 0
	switch lx.s.peek(0) {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, lx.s.errAt(line, col, "bad escape sequence")
	}
	lx.s.next()
	var v rune
	for i := 0; i < n; i++ {
		h := hexVal(lx.s.peek(0))
		if h < 0 {
			return 0, lx.s.errHere("bad hexadecimal digit in escape")
		}
		lx.s.next()
		v = v<<4 | rune(h)
	}
	if !validScalar(v) {
		return 0, lx.s.errAt(line, col, "escape is not a Unicode scalar value")
	}
	return v, nil
}

func (lx *lexer) iri() (string, error) {
	lx.s.next()
	lx.buf = lx.buf[:0]
	for {
		if lx.tooLong() {
			return "", lx.errTooLong()
		}
		r := lx.s.peek(0)
		switch {
		case r == '>':
			lx.s.next()
			return string(lx.buf), nil
		case r == '\\':
			line, col := lx.s.pos()
			v, err := lx.uchar()
			if err != nil {
				return "", err
			}
			if !grammar.IsIRIRune(v) {
				return "", lx.s.errAt(line, col, "escaped character not allowed in IRI")
			}
			lx.buf = utf8.AppendRune(lx.buf, v)
		case r == runeEOF:
			return "", lx.s.errHere("unterminated IRI")
		case r == runeBad:
			return "", lx.s.errHere("invalid UTF-8")
		case !grammar.IsIRIRune(r):
			return "", lx.s.errHere("character " + quoteRune(r) + " not allowed in IRI")
		default:
			lx.s.next()
			lx.buf = utf8.AppendRune(lx.buf, r)
		}
	}
}

func (lx *lexer) str() (string, error) {
	q := lx.s.next()
	long := false
	if lx.s.peek(0) == q && lx.s.peek(1) == q {
		lx.s.next()
		lx.s.next()
		long = true
	}
	lx.buf = lx.buf[:0]
	for {
		if lx.tooLong() {
			return "", lx.errTooLong()
		}
		r := lx.s.peek(0)
		switch {
		case r == q:
			if !long {
				lx.s.next()
				return string(lx.buf), nil
			}
			if lx.s.peek(1) == q && lx.s.peek(2) == q {
				lx.s.next()
				lx.s.next()
				lx.s.next()
				return string(lx.buf), nil
			}
			lx.s.next()
			lx.buf = append(lx.buf, byte(q))
		case r == '\\':
			if n := lx.s.peek(1); n > 0 && n < 0x80 {
				if e, ok := echar(byte(n)); ok {
					lx.s.next()
					lx.s.next()
					lx.buf = append(lx.buf, e)
					continue
				}
			}
			v, err := lx.uchar()
			if err != nil {
				return "", err
			}
			lx.buf = utf8.AppendRune(lx.buf, v)
		case r == runeEOF:
			return "", lx.s.errHere("unterminated string")
		case r == runeBad:
			return "", lx.s.errHere("invalid UTF-8")
		case !long && (r == '\n' || r == '\r'):
			return "", lx.s.errHere("line break in short string (use a long string or \\n)")
		default:
			lx.s.next()
			lx.buf = utf8.AppendRune(lx.buf, r)
		}
	}
}

func (lx *lexer) blank() (string, error) {
	lx.s.next()
	lx.s.next()
	r := lx.s.peek(0)
	if !grammar.IsPNCharsU(r) && !isDigitRune(r) {
		return "", lx.s.errHere("bad blank node label")
	}
	lx.buf = utf8.AppendRune(lx.buf[:0], lx.s.next())
	for {
		if lx.tooLong() {
			return "", lx.errTooLong()
		}
		r := lx.s.peek(0)
		if r == '.' {
			// Dots may not end a label; keep them only if a name character follows.
			i := 1
			for lx.s.peek(i) == '.' {
				i++
			}
			if !grammar.IsPNChars(lx.s.peek(i)) {
				return string(lx.buf), nil
			}
			for ; i > 0; i-- {
				lx.buf = append(lx.buf, byte(lx.s.next()))
			}
			continue
		}
		if !grammar.IsPNChars(r) {
			return string(lx.buf), nil
		}
		lx.buf = utf8.AppendRune(lx.buf, lx.s.next())
	}
}

// atWord reads what follows '@': a directive name or a language tag.
func (lx *lexer) atWord() (string, error) {
	lx.buf = lx.buf[:0]
	for isLetterRune(lx.s.peek(0)) && !lx.tooLong() {
		lx.buf = append(lx.buf, byte(lx.s.next()))
	}
	if len(lx.buf) == 0 {
		return "", lx.s.errHere("expected language tag or directive after '@'")
	}
	for lx.s.peek(0) == '-' {
		if lx.tooLong() {
			return "", lx.errTooLong()
		}
		lx.buf = append(lx.buf, byte(lx.s.next()))
		n := 0
		for r := lx.s.peek(0); (isLetterRune(r) || isDigitRune(r)) && !lx.tooLong(); r = lx.s.peek(0) {
			lx.buf = append(lx.buf, byte(lx.s.next()))
			n++
		}
		if n == 0 {
			return "", lx.s.errHere("bad language tag")
		}
	}
	if lx.tooLong() {
		return "", lx.errTooLong()
	}
	return string(lx.buf), nil
}

func isLetterRune(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func (lx *lexer) number() (tokKind, string, error) {
	lx.buf = lx.buf[:0]
	if r := lx.s.peek(0); r == '+' || r == '-' {
		lx.buf = append(lx.buf, byte(lx.s.next()))
	}
	digits := 0
	for isDigitRune(lx.s.peek(0)) && !lx.tooLong() {
		lx.buf = append(lx.buf, byte(lx.s.next()))
		digits++
	}
	kind := tInteger
	if lx.s.peek(0) == '.' {
		switch {
		case isDigitRune(lx.s.peek(1)):
			lx.buf = append(lx.buf, byte(lx.s.next()))
			for isDigitRune(lx.s.peek(0)) && !lx.tooLong() {
				lx.buf = append(lx.buf, byte(lx.s.next()))
			}
			kind = tDecimal
		case digits > 0 && lx.exponentAt(1):
			lx.buf = append(lx.buf, byte(lx.s.next()))
		}
	}
	if lx.tooLong() {
		return 0, "", lx.errTooLong()
	}
	if digits == 0 && kind == tInteger {
		return 0, "", lx.s.errHere("expected digits in number")
	}
	if lx.exponentAt(0) {
		lx.buf = append(lx.buf, byte(lx.s.next()))
		if r := lx.s.peek(0); r == '+' || r == '-' {
			lx.buf = append(lx.buf, byte(lx.s.next()))
		}
		for isDigitRune(lx.s.peek(0)) && !lx.tooLong() {
			lx.buf = append(lx.buf, byte(lx.s.next()))
		}
		kind = tDouble
	}
	return kind, string(lx.buf), nil
}

// exponentAt reports whether an exponent ([eE][+-]?[0-9]) starts i runes ahead.
func (lx *lexer) exponentAt(i int) bool {
	if r := lx.s.peek(i); r != 'e' && r != 'E' {
		return false
	}
	if r := lx.s.peek(i + 1); r == '+' || r == '-' {
		i++
	}
	return isDigitRune(lx.s.peek(i + 1))
}

// name reads a prefixed name or a bare word.
func (lx *lexer) name(t token) (token, error) {
	lx.buf = lx.buf[:0]
	if lx.s.peek(0) != ':' {
		lx.buf = utf8.AppendRune(lx.buf, lx.s.next())
		for {
			if lx.tooLong() {
				return t, lx.errTooLong()
			}
			r := lx.s.peek(0)
			if r == '.' {
				i := 1
				for lx.s.peek(i) == '.' {
					i++
				}
				if !grammar.IsPNChars(lx.s.peek(i)) {
					break
				}
				for ; i > 0; i-- {
					lx.buf = append(lx.buf, byte(lx.s.next()))
				}
				continue
			}
			if !grammar.IsPNChars(r) {
				break
			}
			lx.buf = utf8.AppendRune(lx.buf, lx.s.next())
		}
	}
	if lx.s.peek(0) != ':' {
		t.kind, t.text = tWord, string(lx.buf)
		switch t.text {
		case "a", "true", "false":
			return t, nil
		}
		switch strings.ToUpper(t.text) {
		case "PREFIX", "BASE", "GRAPH":
			return t, nil
		}
		return t, lx.s.errAt(t.line, t.col, "unexpected word '"+t.text+"' (missing prefix or quotes?)")
	}
	lx.s.next()
	t.kind, t.prefix = tPName, string(lx.buf)
	local, err := lx.local()
	t.text = local
	return t, err
}

// local reads the local part of a prefixed name, unescaping \-escapes;
// %-escapes are kept as written, as the grammar says.
func (lx *lexer) local() (string, error) {
	lx.buf = lx.buf[:0]
	first := true
	for {
		if lx.tooLong() {
			return "", lx.errTooLong()
		}
		r := lx.s.peek(0)
		switch {
		case r == '\\':
			e := lx.s.peek(1)
			if !isPNLocalEsc(e) {
				lx.s.next()
				return "", lx.s.errHere("bad escape in local name")
			}
			lx.s.next()
			lx.s.next()
			lx.buf = utf8.AppendRune(lx.buf, e)
		case r == '%':
			if hexVal(lx.s.peek(1)) < 0 || hexVal(lx.s.peek(2)) < 0 {
				return "", lx.s.errHere("'%' must be followed by two hexadecimal digits")
			}
			for i := 0; i < 3; i++ {
				lx.buf = append(lx.buf, byte(lx.s.next()))
			}
		case r == ':' || grammar.IsPNCharsU(r) || isDigitRune(r):
			lx.buf = utf8.AppendRune(lx.buf, lx.s.next())
		case !first && grammar.IsPNChars(r):
			lx.buf = utf8.AppendRune(lx.buf, lx.s.next())
		case !first && r == '.':
			i := 1
			for lx.s.peek(i) == '.' {
				i++
			}
			if n := lx.s.peek(i); !grammar.IsPNChars(n) && n != ':' && n != '%' && n != '\\' {
				return string(lx.buf), nil
			}
			for ; i > 0; i-- {
				lx.buf = append(lx.buf, byte(lx.s.next()))
			}
		default:
			return string(lx.buf), nil
		}
		first = false
	}
}
