package results

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"kg/term"
)

// CSVWriter streams text/csv results as SPARQL 1.1 Query Results CSV
// defines them: a header of variable names, then one line per solution with
// IRIs and lexical forms written bare, blank nodes as _:label and unbound
// variables as empty fields. Fields are quoted per RFC 4180 and lines end
// with CRLF. Datatypes and language tags are not written.
type CSVWriter struct {
	w     *bufio.Writer
	nvars int
	buf   []byte
}

// NewCSVWriter returns a Writer of SPARQL 1.1 CSV results.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{w: bufio.NewWriter(w)} }

// Begin implements Writer.
func (c *CSVWriter) Begin(vars []string) error {
	if err := checkVars(vars); err != nil {
		return err
	}
	c.nvars = len(vars)
	b := c.buf[:0]
	for i, v := range vars {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, v...)
	}
	c.buf = append(b, '\r', '\n')
	_, err := c.w.Write(c.buf)
	return err
}

// Row implements Writer.
func (c *CSVWriter) Row(values []term.Term) error {
	if len(values) != c.nvars {
		return errRowWidth(len(values), c.nvars)
	}
	b := c.buf[:0]
	for i, t := range values {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVField(b, CSVValue(t))
	}
	c.buf = append(b, '\r', '\n')
	_, err := c.w.Write(c.buf)
	return err
}

// End implements Writer.
func (c *CSVWriter) End() error { return c.w.Flush() }

// CSVValue is the text CSV results give a term: the IRI, the lexical form
// or _:label; "" for the zero term.
func CSVValue(t term.Term) string {
	if t.Kind == term.KindBlank {
		return "_:" + t.Value
	}
	return t.Value
}

func appendCSVField(b []byte, s string) []byte {
	if !strings.ContainsAny(s, "\",\r\n") {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

func writeCSVBoolean(w io.Writer, v bool) error {
	_, err := fmt.Fprintf(w, "%t\r\n", v)
	return err
}

// ReadCSV reads SPARQL 1.1 CSV results. CSV carries no types: values
// starting with "_:" become blank nodes, empty fields are unbound and every
// other value, IRIs included, becomes a simple literal. Lines may end with
// CRLF or LF. A document that is only the word true or false is read as a
// boolean result, as WriteBoolean writes it.
func ReadCSV(r io.Reader) (*Result, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if b, ok := booleanDoc(data); ok {
		return &Result{Boolean: &b}, nil
	}
	p := &csvParser{data: data, line: 1, col: 1}
	header, err := p.record()
	if err != nil {
		return nil, err
	}
	if header == nil {
		return nil, fmt.Errorf("results: csv:1:1: missing header line")
	}
	if len(header) == 1 && header[0] == "" {
		header = nil // SELECT of no variables
	}
	if err := checkVars(header); err != nil {
		return nil, fmt.Errorf("results: csv:1:1: %v", err)
	}
	res := &Result{Vars: header, Rows: [][]term.Term{}}
	if res.Vars == nil {
		res.Vars = []string{}
	}
	for {
		line := p.line
		rec, err := p.record()
		if err != nil {
			return nil, err
		}
		if rec == nil {
			return res, nil
		}
		if len(res.Vars) == 0 && len(rec) == 1 && rec[0] == "" {
			rec = nil // the empty solution of a SELECT of no variables
		}
		if len(rec) != len(res.Vars) {
			return nil, fmt.Errorf("results: csv:%d:1: %d fields for %d variables", line, len(rec), len(res.Vars))
		}
		row := make([]term.Term, len(rec))
		for i, f := range rec {
			switch {
			case f == "":
			case strings.HasPrefix(f, "_:") && len(f) > 2:
				row[i] = term.Blank(f[2:])
			default:
				row[i] = term.String(f)
			}
		}
		res.Rows = append(res.Rows, row)
	}
}

// booleanDoc recognises the one-word documents WriteBoolean writes for CSV
// and TSV.
func booleanDoc(data []byte) (bool, bool) {
	switch string(bytes.TrimRight(data, "\r\n")) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

type csvParser struct {
	data      []byte
	pos       int
	line, col int
}

func (p *csvParser) errorf(format string, args ...any) error {
	return fmt.Errorf("results: csv:%d:%d: %s", p.line, p.col, fmt.Sprintf(format, args...))
}

func (p *csvParser) advance(n int) {
	for _, c := range p.data[p.pos : p.pos+n] {
		if c == '\n' {
			p.line++
			p.col = 1
		} else if c < 0x80 || c >= 0xC0 {
			p.col++
		}
	}
	p.pos += n
}

// record reads one record; nil at the end of input. A line end right
// before the end of input ends the last record rather than starting one.
func (p *csvParser) record() ([]string, error) {
	if p.pos >= len(p.data) {
		return nil, nil
	}
	rec := []string{}
	for {
		f, err := p.field()
		if err != nil {
			return nil, err
		}
		rec = append(rec, f)
		if p.pos >= len(p.data) {
			return rec, nil
		}
		switch p.data[p.pos] {
		case ',':
			p.advance(1)
		case '\n':
			p.advance(1)
			return rec, nil
		case '\r':
			if p.pos+1 < len(p.data) && p.data[p.pos+1] == '\n' {
				p.advance(2)
				return rec, nil
			}
			return nil, p.errorf("bare CR outside quotes")
		default:
			return nil, p.errorf("unexpected %q after quoted field", p.data[p.pos])
		}
	}
}

func (p *csvParser) field() (string, error) {
	if p.pos < len(p.data) && p.data[p.pos] == '"' {
		startLine, startCol := p.line, p.col
		p.advance(1)
		var sb strings.Builder
		for {
			i := bytes.IndexByte(p.data[p.pos:], '"')
			if i < 0 {
				p.line, p.col = startLine, startCol
				return "", p.errorf("quoted field not closed")
			}
			sb.Write(p.data[p.pos : p.pos+i])
			p.advance(i + 1)
			if p.pos < len(p.data) && p.data[p.pos] == '"' {
				sb.WriteByte('"')
				p.advance(1)
				continue
			}
			return checkUTF8(p, sb.String())
		}
	}
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == ',' || c == '\n' || c == '\r' {
			break
		}
		if c == '"' {
			return "", p.errorf("quote inside an unquoted field")
		}
		p.advance(1)
	}
	return checkUTF8(p, string(p.data[start:p.pos]))
}

func checkUTF8(p *csvParser, s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", p.errorf("invalid UTF-8")
	}
	return s, nil
}
