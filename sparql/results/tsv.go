package results

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"kg/term"
)

// TSVWriter streams text/tab-separated-values results as SPARQL 1.1 Query
// Results TSV defines them: a header of ?-prefixed variable names, then one
// line per solution with each term in Turtle syntax and unbound variables as
// empty fields. Integers, decimals and doubles whose lexical form is a
// Turtle number are written in that short form; tabs and line breaks inside
// literals are escaped, so every solution is one line.
type TSVWriter struct {
	w     *bufio.Writer
	nvars int
	buf   []byte
}

// NewTSVWriter returns a Writer of SPARQL 1.1 TSV results.
func NewTSVWriter(w io.Writer) *TSVWriter { return &TSVWriter{w: bufio.NewWriter(w)} }

// Begin implements Writer.
func (t *TSVWriter) Begin(vars []string) error {
	if err := checkVars(vars); err != nil {
		return err
	}
	t.nvars = len(vars)
	b := t.buf[:0]
	for i, v := range vars {
		if i > 0 {
			b = append(b, '\t')
		}
		b = append(b, '?')
		b = append(b, v...)
	}
	t.buf = append(b, '\n')
	_, err := t.w.Write(t.buf)
	return err
}

// Row implements Writer.
func (t *TSVWriter) Row(values []term.Term) error {
	if len(values) != t.nvars {
		return errRowWidth(len(values), t.nvars)
	}
	b := t.buf[:0]
	for i, v := range values {
		if i > 0 {
			b = append(b, '\t')
		}
		b = append(b, TSVValue(v)...)
	}
	t.buf = append(b, '\n')
	_, err := t.w.Write(t.buf)
	return err
}

// End implements Writer.
func (t *TSVWriter) End() error { return t.w.Flush() }

// TSVValue is the text TSV results give a term: Turtle syntax, with
// numbers in short form where their lexical form allows; "" for the zero
// term.
func TSVValue(t term.Term) string {
	if t.Kind == term.KindLiteral && t.Lang == "" {
		switch t.Datatype {
		case term.XSDInteger, term.XSDDecimal, term.XSDDouble:
			if numberType(t.Value) == t.Datatype {
				return t.Value
			}
		}
	}
	return t.String()
}

// numberType returns the datatype of s read as a Turtle numeric literal
// (INTEGER, DECIMAL or DOUBLE), or "" when s is not one.
func numberType(s string) string {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	intDigits := digits()
	fracDigits, dot := 0, false
	if i < len(s) && s[i] == '.' {
		dot = true
		i++
		fracDigits = digits()
	}
	if intDigits+fracDigits == 0 {
		return ""
	}
	if i == len(s) {
		switch {
		case !dot:
			return term.XSDInteger
		case fracDigits > 0:
			return term.XSDDecimal
		}
		return "" // "1." is not a Turtle number
	}
	if s[i] != 'e' && s[i] != 'E' {
		return ""
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if digits() == 0 || i != len(s) {
		return ""
	}
	return term.XSDDouble
}

func writeTSVBoolean(w io.Writer, v bool) error {
	_, err := fmt.Fprintf(w, "%t\n", v)
	return err
}

// ReadTSV reads SPARQL 1.1 TSV results. Terms may be written in any of the
// Turtle forms TSV allows: <IRI>, _:label, quoted literals with a language
// tag or ^^<datatype>, numbers and booleans. Lines may end with LF or CRLF.
// A document that is only the word true or false is read as a boolean
// result, as WriteBoolean writes it.
func ReadTSV(r io.Reader) (*Result, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("results: tsv: invalid UTF-8")
	}
	if b, ok := booleanDoc(data); ok {
		return &Result{Boolean: &b}, nil
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("results: tsv:1:1: missing header line")
	}
	lines := strings.Split(string(data), "\n")
	if data[len(data)-1] == '\n' {
		lines = lines[:len(lines)-1]
	}
	res := &Result{Vars: []string{}, Rows: [][]term.Term{}}
	for n, line := range lines {
		line = strings.TrimSuffix(line, "\r")
		var fields []string
		if line != "" || n > 0 {
			fields = strings.Split(line, "\t")
		}
		if n == 0 {
			for i, f := range fields {
				if !strings.HasPrefix(f, "?") && !strings.HasPrefix(f, "$") {
					return nil, fmt.Errorf("results: tsv:1:%d: variable %q must start with ?", fieldCol(fields, i), f)
				}
				res.Vars = append(res.Vars, f[1:])
			}
			if err := checkVars(res.Vars); err != nil {
				return nil, fmt.Errorf("results: tsv:1:1: %v", err)
			}
			continue
		}
		if len(res.Vars) == 0 && line == "" {
			fields = nil
		}
		if len(fields) != len(res.Vars) {
			return nil, fmt.Errorf("results: tsv:%d:1: %d fields for %d variables", n+1, len(fields), len(res.Vars))
		}
		row := make([]term.Term, len(fields))
		for i, f := range fields {
			t, off, err := ParseTSVTerm(f)
			if err != nil {
				return nil, fmt.Errorf("results: tsv:%d:%d: %v", n+1, fieldCol(fields, i)+utf8.RuneCountInString(f[:off]), err)
			}
			row[i] = t
		}
		res.Rows = append(res.Rows, row)
	}
	return res, nil
}

// fieldCol is the 1-based column where field i starts.
func fieldCol(fields []string, i int) int {
	col := 1
	for _, f := range fields[:i] {
		col += utf8.RuneCountInString(f) + 1
	}
	return col
}

// ParseTSVTerm parses one TSV field: a term in Turtle syntax, or "" for
// unbound. On error it also returns the byte offset of the problem.
func ParseTSVTerm(s string) (term.Term, int, error) {
	s = strings.Trim(s, " ")
	if s == "" {
		return term.Term{}, 0, nil
	}
	switch {
	case s[0] == '<':
		if !strings.HasSuffix(s, ">") || len(s) < 2 {
			return term.Term{}, 0, fmt.Errorf("IRI not closed with >")
		}
		body := s[1 : len(s)-1]
		// Turtle's IRIREF forbids these raw but allows them as \u escapes.
		if i := strings.IndexFunc(body, func(r rune) bool { return r <= ' ' || strings.ContainsRune("<>\"{}|^`", r) }); i >= 0 {
			return term.Term{}, 1 + i, fmt.Errorf("character not allowed in IRI <%s>", body)
		}
		v, off, err := unescape(body, false)
		if err != nil {
			return term.Term{}, off + 1, err
		}
		return term.IRI(v), 0, nil
	case strings.HasPrefix(s, "_:"):
		if len(s) == 2 || strings.ContainsAny(s, " \t<>\"") {
			return term.Term{}, 0, fmt.Errorf("invalid blank node %q", s)
		}
		return term.Blank(s[2:]), 0, nil
	case s[0] == '"' || s[0] == '\'':
		return parseQuoted(s)
	case s == "true" || s == "false":
		return term.Literal(s, term.XSDBoolean), 0, nil
	}
	if dt := numberType(s); dt != "" {
		return term.Literal(s, dt), 0, nil
	}
	return term.Term{}, 0, fmt.Errorf("not an RDF term: %q", s)
}

func parseQuoted(s string) (term.Term, int, error) {
	q := s[0]
	long := len(s) >= 6 && s[1] == q && s[2] == q
	var body string
	var rest int
	if long {
		end := strings.Index(s[3:], strings.Repeat(string(q), 3))
		for end >= 0 && isEscaped(s[3:], end) {
			next := strings.Index(s[3+end+1:], strings.Repeat(string(q), 3))
			if next < 0 {
				end = -1
				break
			}
			end += 1 + next
		}
		if end < 0 {
			return term.Term{}, 0, fmt.Errorf("string not closed")
		}
		// A long string may end in up to two more quote characters.
		for 3+end+3 < len(s) && s[3+end+3] == q {
			end++
		}
		body, rest = s[3:3+end], 3+end+3
	} else {
		end := -1
		for i := 1; i < len(s); i++ {
			if s[i] == '\\' {
				i++
				continue
			}
			if s[i] == q {
				end = i
				break
			}
		}
		if end < 0 {
			return term.Term{}, 0, fmt.Errorf("string not closed")
		}
		body, rest = s[1:end], end+1
	}
	lex, off, err := unescape(body, true)
	if err != nil {
		if long {
			return term.Term{}, off + 3, err
		}
		return term.Term{}, off + 1, err
	}
	suffix := s[rest:]
	switch {
	case suffix == "":
		return term.String(lex), 0, nil
	case strings.HasPrefix(suffix, "@"):
		lang := suffix[1:]
		if !validLang(lang) {
			return term.Term{}, rest, fmt.Errorf("invalid language tag %q", lang)
		}
		return term.LangString(lex, lang), 0, nil
	case strings.HasPrefix(suffix, "^^"):
		dt, off, err := ParseTSVTerm(suffix[2:])
		if err != nil {
			return term.Term{}, rest + 2 + off, err
		}
		if !dt.IsIRI() {
			return term.Term{}, rest + 2, fmt.Errorf("datatype must be an IRI")
		}
		if dt.Value == term.RDFLangString {
			return term.Term{}, rest + 2, fmt.Errorf("rdf:langString needs a language tag")
		}
		return term.Literal(lex, dt.Value), 0, nil
	}
	return term.Term{}, rest, fmt.Errorf("unexpected %q after string", suffix)
}

// isEscaped reports whether s[i] is preceded by an odd number of
// backslashes.
func isEscaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

func validLang(s string) bool {
	if s == "" {
		return false
	}
	for i, part := range strings.Split(s, "-") {
		if part == "" {
			return false
		}
		for _, c := range part {
			alpha := (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
			if !alpha && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// unescape resolves \u and \U escapes and, in strings, the Turtle ECHAR
// escapes. It returns the offset of a bad escape.
func unescape(s string, str bool) (string, int, error) {
	if !strings.Contains(s, `\`) {
		return s, 0, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			return "", i, fmt.Errorf("lone backslash")
		}
		e := s[i+1]
		switch {
		case e == 'u' || e == 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			if i+2+n > len(s) {
				return "", i, fmt.Errorf("short \\%c escape", e)
			}
			v, err := strconv.ParseUint(s[i+2:i+2+n], 16, 32)
			if err != nil || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
				return "", i, fmt.Errorf("invalid escape %s", s[i:i+2+n])
			}
			b.WriteRune(rune(v))
			i += 1 + n
		case str && strings.IndexByte(`tbnrf"'\`, e) >= 0:
			b.WriteByte(echar(e))
			i++
		default:
			return "", i, fmt.Errorf("invalid escape \\%c", e)
		}
	}
	return b.String(), 0, nil
}

func echar(e byte) byte {
	switch e {
	case 't':
		return '\t'
	case 'b':
		return '\b'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 'f':
		return '\f'
	}
	return e // the quote characters and backslash stand for themselves
}
