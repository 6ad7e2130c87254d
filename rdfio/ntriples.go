package rdfio

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"kg/internal/grammar"
	"kg/iri"
	"kg/term"
)

// ParseNTriples reads an N-Triples document line by line.
func ParseNTriples(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return parseLines(r, opt, emit, false)
}

// ParseNQuads reads an N-Quads document line by line.
func ParseNQuads(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return parseLines(r, opt, emit, true)
}

// ParseGeneralizedNQuads is ParseNQuads that also accepts blank nodes as
// predicates, as in the generalized RDF some JSON-LD tests expect.
func ParseGeneralizedNQuads(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return parseLinesWith(r, &lineParser{opt: opt, quads: true, generalized: true}, emit)
}

// lineParser parses one line at a time from a byte slice. Strings for
// IRIs that repeat (the previous subject, predicates, datatypes, graphs)
// are reused instead of allocated again, which is most of its speed.
type lineParser struct {
	opt   Options
	quads bool
	// generalized allows blank node predicates.
	generalized bool
	line        []byte
	pos         int
	lineNo      int

	lastS    string
	lastSRaw []byte
	intern   map[string]string // IRIs
	langs    map[string]string // raw language tag -> normalised
}

func parseLines(r io.Reader, opt Options, emit func(term.Quad) error, quads bool) error {
	return parseLinesWith(r, &lineParser{opt: opt, quads: quads}, emit)
}

func parseLinesWith(r io.Reader, p *lineParser, emit func(term.Quad) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	p.intern, p.langs = make(map[string]string), make(map[string]string)
	var long []byte
	max := p.opt.maxTermSize()
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			long = append(long[:0], line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
				if len(long) > max {
					return &SyntaxError{File: p.opt.File, Line: p.lineNo + 1, Col: 1, Msg: fmt.Sprintf("line longer than %d bytes", max)}
				}
			}
			line = long
		}
		if err != nil && err != io.EOF {
			return err
		}
		p.lineNo++
		if len(line) > 0 {
			if perr := p.parseLine(line, emit); perr != nil {
				return perr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

func (p *lineParser) errorf(msg string) error {
	col := utf8.RuneCount(p.line[:min(p.pos, len(p.line))]) + 1
	return &SyntaxError{File: p.opt.File, Line: p.lineNo, Col: col, Msg: msg}
}

func (p *lineParser) skipWS() {
	for p.pos < len(p.line) {
		c := p.line[p.pos]
		if c != ' ' && c != '\t' {
			return
		}
		p.pos++
	}
}

// atEOL reports whether only an end of line or a comment remains.
func (p *lineParser) atEOL() bool {
	if p.pos >= len(p.line) {
		return true
	}
	switch p.line[p.pos] {
	case '\n', '\r', '#':
		return true
	}
	return false
}

func (p *lineParser) parseLine(line []byte, emit func(term.Quad) error) error {
	p.line, p.pos = line, 0
	if !utf8.Valid(line) {
		for p.pos < len(line) {
			r, n := utf8.DecodeRune(line[p.pos:])
			if r == utf8.RuneError && n == 1 {
				return p.errorf("invalid UTF-8")
			}
			p.pos += n
		}
	}
	for {
		p.skipWS()
		if p.atEOL() {
			// A lone CR is an end of line too, so another statement may follow.
			if p.pos < len(line) && line[p.pos] == '\r' {
				p.pos++
				continue
			}
			return nil
		}
		var q term.Quad
		var err error
		if q.S, err = p.subject(); err != nil {
			return err
		}
		p.skipWS()
		if p.generalized && p.pos < len(line) && line[p.pos] == '_' {
			q.P, err = p.blank()
		} else {
			q.P, err = p.iri(true)
		}
		if err != nil {
			return err
		}
		p.skipWS()
		if q.O, err = p.object(); err != nil {
			return err
		}
		p.skipWS()
		if p.quads && p.pos < len(line) && line[p.pos] != '.' {
			if q.G, err = p.graph(); err != nil {
				return err
			}
			p.skipWS()
		}
		if p.pos >= len(line) || line[p.pos] != '.' {
			return p.errorf("expected '.' at end of statement")
		}
		p.pos++
		p.skipWS()
		if !p.atEOL() {
			return p.errorf("unexpected text after '.'")
		}
		if err := emit(q); err != nil {
			return err
		}
	}
}

func (p *lineParser) subject() (term.Term, error) {
	if p.pos < len(p.line) {
		switch p.line[p.pos] {
		case '<':
			start := p.pos
			raw := p.line[start:]
			if p.lastSRaw != nil && bytes.HasPrefix(raw, p.lastSRaw) {
				p.pos += len(p.lastSRaw)
				return term.IRI(p.lastS), nil
			}
			t, err := p.iri(false)
			if err != nil {
				return t, err
			}
			p.lastS = t.Value
			p.lastSRaw = append(p.lastSRaw[:0], p.line[start:p.pos]...)
			return t, nil
		case '_':
			return p.blank()
		}
	}
	return term.Term{}, p.errorf("expected IRI or blank node as subject")
}

func (p *lineParser) graph() (term.Term, error) {
	switch p.line[p.pos] {
	case '<':
		return p.iri(true)
	case '_':
		return p.blank()
	}
	return term.Term{}, p.errorf("expected graph label or '.'")
}

func (p *lineParser) object() (term.Term, error) {
	if p.pos < len(p.line) {
		switch p.line[p.pos] {
		case '<':
			return p.iri(false)
		case '_':
			return p.blank()
		case '"':
			return p.literal()
		}
	}
	return term.Term{}, p.errorf("expected IRI, blank node or literal as object")
}

// iri reads an absolute IRIREF. With intern set the string is shared with
// earlier equal IRIs (predicates, datatypes and graphs repeat a lot).
func (p *lineParser) iri(intern bool) (term.Term, error) {
	s, err := p.iriString(intern)
	return term.IRI(s), err
}

func (p *lineParser) iriString(intern bool) (string, error) {
	if p.pos >= len(p.line) || p.line[p.pos] != '<' {
		return "", p.errorf("expected IRI")
	}
	start := p.pos
	i := p.pos + 1
	for ; i < len(p.line); i++ {
		c := p.line[i]
		if c == '>' {
			break
		}
		if c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' || c == '\\' {
			if c == '\\' {
				return p.iriSlow(start)
			}
			p.pos = i
			return "", p.errorf("character not allowed in IRI")
		}
	}
	if i >= len(p.line) {
		p.pos = start
		return "", p.errorf("unterminated IRI")
	}
	raw := p.line[start+1 : i]
	if intern {
		if s, ok := p.intern[string(raw)]; ok {
			p.pos = i + 1
			return s, nil
		}
	}
	s := string(raw)
	if err := p.checkIRI(start, s); err != nil {
		return "", err
	}
	if intern && len(p.intern) < 4096 {
		p.intern[s] = s
	}
	p.pos = i + 1
	return s, nil
}

// checkIRI checks that the IRI s read at start is absolute and, unless
// the options skip it, that it is an IRI by RFC 3987.
func (p *lineParser) checkIRI(start int, s string) error {
	if !iri.IsAbsolute(s) {
		p.pos = start
		return p.errorf("relative IRI not allowed: <" + shorten(s) + ">")
	}
	if p.opt.SkipTermCheck {
		return nil
	}
	if err := checkIRI(s); err != nil {
		p.pos = start
		return p.errorf(err.Error())
	}
	return nil
}

// iriSlow handles IRIs with \u escapes.
func (p *lineParser) iriSlow(start int) (string, error) {
	var b strings.Builder
	p.pos = start + 1
	for p.pos < len(p.line) {
		c := p.line[p.pos]
		if c == '>' {
			p.pos++
			s := b.String()
			if err := p.checkIRI(start, s); err != nil {
				return "", err
			}
			return s, nil
		}
		if c == '\\' {
			at := p.pos
			r, err := p.uchar()
			if err != nil {
				return "", err
			}
			if !grammar.IsIRIRune(r) {
				p.pos = at
				return "", p.errorf("escaped character not allowed in IRI")
			}
			b.WriteRune(r)
			continue
		}
		r, n := utf8.DecodeRune(p.line[p.pos:])
		if !grammar.IsIRIRune(r) {
			return "", p.errorf("character not allowed in IRI")
		}
		b.WriteRune(r)
		p.pos += n
	}
	p.pos = start
	return "", p.errorf("unterminated IRI")
}

// uchar decodes \uXXXX or \UXXXXXXXX at p.pos.
func (p *lineParser) uchar() (rune, error) {
	if p.pos+1 >= len(p.line) {
		return 0, p.errorf("bad escape")
	}
	n := 0
	switch p.line[p.pos+1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, p.errorf("bad escape in IRI (only \\u and \\U are allowed)")
	}
	var r rune
	for k := 0; k < n; k++ {
		i := p.pos + 2 + k
		if i >= len(p.line) || hexVal(rune(p.line[i])) < 0 {
			return 0, p.errorf("bad \\" + string(p.line[p.pos+1]) + " escape")
		}
		r = r<<4 | rune(hexVal(rune(p.line[i])))
	}
	if !validScalar(r) {
		return 0, p.errorf("escape is not a Unicode scalar value")
	}
	p.pos += 2 + n
	return r, nil
}

func (p *lineParser) blank() (term.Term, error) {
	start := p.pos
	if p.pos+1 >= len(p.line) || p.line[p.pos+1] != ':' {
		return term.Term{}, p.errorf("expected '_:' blank node label")
	}
	p.pos += 2
	first := true
	lastDot := -1
	for p.pos < len(p.line) {
		r, n := rune(p.line[p.pos]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(p.line[p.pos:])
		}
		if first {
			if !grammar.IsPNCharsU(r) && !(r >= '0' && r <= '9') {
				break
			}
			first = false
		} else if r == '.' {
			lastDot = p.pos
		} else if !grammar.IsPNChars(r) {
			break
		} else {
			lastDot = -1
		}
		p.pos += n
	}
	if first {
		return term.Term{}, p.errorf("bad blank node label")
	}
	if lastDot >= 0 {
		// A label cannot end in '.'; the dots belong to what follows.
		for p.line[p.pos-1] == '.' {
			p.pos--
		}
	}
	return term.Blank(p.opt.BlankPrefix + string(p.line[start+2:p.pos])), nil
}

func (p *lineParser) literal() (term.Term, error) {
	p.pos++ // opening quote
	start := p.pos
	var lex string
	i := p.pos
	for i < len(p.line) && p.line[i] != '"' && p.line[i] != '\\' && p.line[i] != '\n' && p.line[i] != '\r' {
		i++
	}
	if i < len(p.line) && p.line[i] == '"' {
		lex = string(p.line[start:i])
		p.pos = i + 1
	} else {
		var b strings.Builder
		b.Write(p.line[start:i])
		p.pos = i
		for {
			if p.pos >= len(p.line) || p.line[p.pos] == '\n' || p.line[p.pos] == '\r' {
				p.pos = start - 1
				return term.Term{}, p.errorf("unterminated string")
			}
			c := p.line[p.pos]
			if c == '"' {
				p.pos++
				break
			}
			if c == '\\' {
				if p.pos+1 < len(p.line) {
					if e, ok := echar(p.line[p.pos+1]); ok {
						b.WriteByte(e)
						p.pos += 2
						continue
					}
				}
				r, err := p.uchar()
				if err != nil {
					return term.Term{}, err
				}
				b.WriteRune(r)
				continue
			}
			b.WriteByte(c)
			p.pos++
		}
		lex = b.String()
	}
	if p.pos < len(p.line) {
		switch p.line[p.pos] {
		case '@':
			lang, err := p.langTag()
			if err != nil {
				return term.Term{}, err
			}
			return term.Term{Kind: term.KindLiteral, Value: lex, Datatype: term.RDFLangString, Lang: lang}, nil
		case '^':
			if p.pos+1 >= len(p.line) || p.line[p.pos+1] != '^' {
				return term.Term{}, p.errorf("expected '^^'")
			}
			p.pos += 2
			dt, err := p.iriString(true)
			if err != nil {
				return term.Term{}, err
			}
			return term.Literal(lex, dt), nil
		}
	}
	return term.String(lex), nil
}

// echar maps the character after a backslash to what a string escape
// stands for.
func echar(c byte) (byte, bool) {
	switch c {
	case 't':
		return '\t', true
	case 'b':
		return '\b', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 'f':
		return '\f', true
	case '"', '\'', '\\':
		return c, true
	}
	return 0, false
}

func (p *lineParser) langTag() (string, error) {
	start := p.pos + 1
	i := start
	for i < len(p.line) && isLetter(p.line[i]) {
		i++
	}
	if i == start {
		p.pos = start
		return "", p.errorf("bad language tag")
	}
	for i < len(p.line) && p.line[i] == '-' {
		j := i + 1
		for j < len(p.line) && (isLetter(p.line[j]) || isDigit(p.line[j])) {
			j++
		}
		if j == i+1 {
			p.pos = j
			return "", p.errorf("bad language tag")
		}
		i = j
	}
	p.pos = i
	raw := p.line[start:i]
	if s, ok := p.langs[string(raw)]; ok {
		return s, nil
	}
	s := strings.ToLower(string(raw))
	if err := checkLang(s); err != nil && !p.opt.SkipTermCheck {
		p.pos = start
		return "", p.errorf(err.Error())
	}
	if len(p.langs) < 4096 {
		p.langs[string(raw)] = s
	}
	return s, nil
}
