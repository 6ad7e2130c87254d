package results

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"kg/term"
)

// JSONWriter streams application/sparql-results+json.
type JSONWriter struct {
	w    *bufio.Writer
	vars []string
	rows int
	buf  []byte
}

// NewJSONWriter returns a Writer of SPARQL 1.1 Query Results JSON.
func NewJSONWriter(w io.Writer) *JSONWriter { return &JSONWriter{w: bufio.NewWriter(w)} }

// Begin implements Writer.
func (j *JSONWriter) Begin(vars []string) error {
	if err := checkVars(vars); err != nil {
		return err
	}
	j.vars = append([]string(nil), vars...)
	b := append(j.buf[:0], "{\n  \"head\": { \"vars\": ["...)
	for i, v := range vars {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSONString(b, v)
	}
	b = append(b, "] },\n  \"results\": { \"bindings\": ["...)
	j.buf = b
	_, err := j.w.Write(b)
	return err
}

// Row implements Writer.
func (j *JSONWriter) Row(values []term.Term) error {
	if len(values) != len(j.vars) {
		return errRowWidth(len(values), len(j.vars))
	}
	b := j.buf[:0]
	if j.rows > 0 {
		b = append(b, ',')
	}
	b = append(b, "\n    {"...)
	first := true
	for i, t := range values {
		if t.IsZero() {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, "\n      "...)
		b = appendJSONString(b, j.vars[i])
		b = append(b, ": "...)
		var err error
		if b, err = appendJSONTerm(b, t); err != nil {
			return err
		}
	}
	if !first {
		b = append(b, "\n    "...)
	}
	b = append(b, '}')
	j.buf = b
	j.rows++
	_, err := j.w.Write(b)
	return err
}

// End implements Writer.
func (j *JSONWriter) End() error {
	if j.rows > 0 {
		j.w.WriteString("\n  ")
	}
	j.w.WriteString("] }\n}\n")
	return j.w.Flush()
}

func appendJSONTerm(b []byte, t term.Term) ([]byte, error) {
	switch t.Kind {
	case term.KindIRI:
		b = append(b, `{ "type": "uri", "value": `...)
		b = appendJSONString(b, t.Value)
	case term.KindBlank:
		b = append(b, `{ "type": "bnode", "value": `...)
		b = appendJSONString(b, t.Value)
	case term.KindLiteral:
		b = append(b, `{ "type": "literal", "value": `...)
		b = appendJSONString(b, t.Value)
		switch {
		case t.Lang != "":
			b = append(b, `, "xml:lang": `...)
			b = appendJSONString(b, t.Lang)
		case t.Datatype != "" && t.Datatype != term.XSDString:
			b = append(b, `, "datatype": `...)
			b = appendJSONString(b, t.Datatype)
		}
	default:
		return b, fmt.Errorf("results: cannot write term of kind %d", t.Kind)
	}
	return append(b, " }"...), nil
}

// appendJSONString quotes s as a JSON string. Unlike encoding/json it leaves
// <, > and & alone, which keeps IRIs readable; invalid UTF-8 becomes U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20 || c == 0x7f:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == 0x2028 || r == 0x2029:
			// Valid JSON, but not valid inside JavaScript strings.
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

func writeJSONBoolean(w io.Writer, v bool) error {
	_, err := fmt.Fprintf(w, "{\n  \"head\": {},\n  \"boolean\": %t\n}\n", v)
	return err
}

type jsonDoc struct {
	Head *struct {
		Vars []string `json:"vars"`
		Link []string `json:"link"`
	} `json:"head"`
	Results *struct {
		Bindings []map[string]jsonTerm `json:"bindings"`
	} `json:"results"`
	Boolean *bool `json:"boolean"`
}

type jsonTerm struct {
	Type     string  `json:"type"`
	Value    *string `json:"value"`
	Lang     string  `json:"xml:lang"`
	Datatype string  `json:"datatype"`
}

// ReadJSON reads SPARQL 1.1 Query Results JSON. It also accepts the
// "typed-literal" type of the older SPARQL 1.0 JSON note.
func ReadJSON(r io.Reader) (*Result, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var doc jsonDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, jsonPosError(data, se.Offset, se.Error())
		case errors.As(err, &te):
			return nil, jsonPosError(data, te.Offset, te.Error())
		}
		return nil, fmt.Errorf("results: json: %v", err)
	}
	if dec.More() {
		return nil, jsonPosError(data, dec.InputOffset(), "data after the result object")
	}
	if doc.Head == nil {
		return nil, errors.New(`results: json: missing "head"`)
	}
	if doc.Boolean != nil {
		if doc.Results != nil {
			return nil, errors.New(`results: json: both "boolean" and "results"`)
		}
		return &Result{Boolean: doc.Boolean}, nil
	}
	if doc.Results == nil {
		return nil, errors.New(`results: json: missing "results" or "boolean"`)
	}
	res := &Result{Vars: doc.Head.Vars}
	if res.Vars == nil {
		res.Vars = []string{}
	}
	if err := checkVars(res.Vars); err != nil {
		return nil, fmt.Errorf("results: json: %v", err)
	}
	index := varIndex(res.Vars)
	res.Rows = make([][]term.Term, 0, len(doc.Results.Bindings))
	for n, b := range doc.Results.Bindings {
		row := make([]term.Term, len(res.Vars))
		for name, jt := range b {
			i, ok := index[name]
			if !ok {
				return nil, fmt.Errorf("results: json: solution %d binds %q, which is not in head.vars", n+1, name)
			}
			t, err := jt.term()
			if err != nil {
				return nil, fmt.Errorf("results: json: solution %d, variable %q: %v", n+1, name, err)
			}
			row[i] = t
		}
		res.Rows = append(res.Rows, row)
	}
	return res, nil
}

func (jt jsonTerm) term() (term.Term, error) {
	if jt.Value == nil {
		return term.Term{}, errors.New(`missing "value"`)
	}
	v := *jt.Value
	switch jt.Type {
	case "uri":
		return term.IRI(v), nil
	case "bnode":
		if v == "" {
			return term.Term{}, errors.New("empty blank node label")
		}
		return term.Blank(v), nil
	case "literal", "typed-literal":
		if jt.Lang != "" {
			if jt.Datatype != "" && jt.Datatype != term.RDFLangString {
				return term.Term{}, fmt.Errorf("literal with both xml:lang and datatype %s", jt.Datatype)
			}
			return term.LangString(v, jt.Lang), nil
		}
		if jt.Datatype == term.RDFLangString {
			return term.Term{}, errors.New("rdf:langString literal without xml:lang")
		}
		return term.Literal(v, jt.Datatype), nil
	case "":
		return term.Term{}, errors.New(`missing "type"`)
	}
	return term.Term{}, fmt.Errorf("unknown type %q", jt.Type)
}

func varIndex(vars []string) map[string]int {
	m := make(map[string]int, len(vars))
	for i, v := range vars {
		m[v] = i
	}
	return m
}

// jsonPosError reports a JSON error at a byte offset as line:column.
func jsonPosError(data []byte, off int64, msg string) error {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col := lineCol(data[:off])
	return fmt.Errorf("results: json:%d:%d: %s", line, col, msg)
}

// lineCol gives the 1-based line and column (in runes) just after prefix.
func lineCol(prefix []byte) (int, int) {
	line := 1 + bytes.Count(prefix, []byte{'\n'})
	last := bytes.LastIndexByte(prefix, '\n')
	return line, utf8.RuneCount(prefix[last+1:]) + 1
}
