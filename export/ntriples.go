package export

import (
	"bufio"
	"errors"
	"io"
	"strings"

	"kg/term"
)

var errClosed = errors.New("export: encoder is closed")

// lineEncoder writes N-Triples or N-Quads, one statement per line.
type lineEncoder struct {
	sticky
	w      *bufio.Writer
	quads  bool
	buf    strings.Builder
	last   term.Quad
	any    bool
	closed bool
}

func newNTriples(w io.Writer, _ Options) Encoder {
	return &lineEncoder{w: bufio.NewWriterSize(w, 64<<10)}
}

func newNQuads(w io.Writer, _ Options) Encoder {
	return &lineEncoder{w: bufio.NewWriterSize(w, 64<<10), quads: true}
}

func (e *lineEncoder) Encode(q term.Quad) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	if !e.quads {
		q.G = term.Term{}
	}
	if q.O.IsLiteral() {
		q.O = literal(q.O)
	}
	if e.any && q == e.last {
		return nil
	}
	if err := checkQuad(q, e.quads); err != nil {
		return e.fail(err)
	}
	e.last, e.any = q, true
	b := &e.buf
	b.Reset()
	// Reset drops the buffer; growing it once is cheaper than doubling.
	b.Grow(256)
	writeNT(b, q.S)
	b.WriteByte(' ')
	writeNT(b, q.P)
	b.WriteByte(' ')
	writeNT(b, q.O)
	if !q.G.IsZero() {
		b.WriteByte(' ')
		writeNT(b, q.G)
	}
	b.WriteString(" .\n")
	if _, err := e.w.WriteString(b.String()); err != nil {
		return e.fail(err)
	}
	return nil
}

func (e *lineEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	e.closed = true
	if err := e.w.Flush(); err != nil {
		return e.fail(err)
	}
	return nil
}

// writeNT writes t in N-Triples syntax. term.Term.AppendNT does the work
// except for blank node labels, which are made valid first.
func writeNT(b *strings.Builder, t term.Term) {
	if t.IsBlank() {
		b.WriteString("_:")
		b.WriteString(blankLabel(t.Value, validBlankLabel))
		return
	}
	t.AppendNT(b)
}
