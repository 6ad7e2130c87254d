package rdfio

import (
	"bufio"
	"io"
	"unicode/utf8"
)

// runeEOF and runeBad are returned by peek at the end of input and for a
// byte sequence that is not UTF-8.
const (
	runeEOF rune = -1
	runeBad rune = -2
)

type posRune struct {
	r         rune
	line, col int
}

// scanner reads runes from a stream with a small lookahead and tracks
// 1-based line and column (in characters) of every rune.
type scanner struct {
	br        *bufio.Reader
	buf       []posRune // lookahead, buf[head:] is unread
	head      int
	line, col int // position of the next rune read from br
	eof       bool
	err       error // read error other than EOF
	file      string
}

func newScanner(r io.Reader, file string) *scanner {
	return &scanner{br: bufio.NewReaderSize(r, 1<<16), line: 1, col: 1, file: file, buf: make([]posRune, 0, 16)}
}

func (s *scanner) fill(n int) {
	// Drop consumed runes so the buffer stays as small as the lookahead.
	if s.head > 0 && (s.head == len(s.buf) || s.head >= 64) {
		n := copy(s.buf, s.buf[s.head:])
		s.buf, s.head = s.buf[:n], 0
	}
	for len(s.buf)-s.head <= n {
		if s.eof {
			s.buf = append(s.buf, posRune{runeEOF, s.line, s.col})
			continue
		}
		r, size, err := s.br.ReadRune()
		if err != nil {
			if err != io.EOF {
				s.err = err
			}
			s.eof = true
			continue
		}
		if r == utf8.RuneError && size == 1 {
			r = runeBad
		}
		s.buf = append(s.buf, posRune{r, s.line, s.col})
		if r == '\n' {
			s.line++
			s.col = 1
		} else {
			s.col++
		}
	}
}

// peek returns the rune i places ahead without consuming it.
func (s *scanner) peek(i int) rune {
	if len(s.buf)-s.head > i {
		return s.buf[s.head+i].r
	}
	s.fill(i)
	return s.buf[s.head+i].r
}

// next consumes and returns one rune.
func (s *scanner) next() rune {
	r := s.peek(0)
	if r != runeEOF {
		s.head++
	}
	return r
}

// pos returns the position of the next rune.
func (s *scanner) pos() (line, col int) {
	s.peek(0)
	p := s.buf[s.head]
	return p.line, p.col
}

func (s *scanner) errAt(line, col int, msg string) *SyntaxError {
	return &SyntaxError{File: s.file, Line: line, Col: col, Msg: msg}
}

func (s *scanner) errHere(msg string) *SyntaxError {
	l, c := s.pos()
	return s.errAt(l, c, msg)
}
