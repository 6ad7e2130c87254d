package results

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"kg/term"
)

// XMLNS is the namespace of SPARQL Query Results XML.
const XMLNS = "http://www.w3.org/2005/sparql-results#"

const xmlLangNS = "http://www.w3.org/XML/1998/namespace"

// XMLWriter streams application/sparql-results+xml.
type XMLWriter struct {
	w    *bufio.Writer
	vars []string
	buf  []byte
}

// NewXMLWriter returns a Writer of SPARQL Query Results XML.
func NewXMLWriter(w io.Writer) *XMLWriter { return &XMLWriter{w: bufio.NewWriter(w)} }

// Begin implements Writer.
func (x *XMLWriter) Begin(vars []string) error {
	if err := checkVars(vars); err != nil {
		return err
	}
	x.vars = append([]string(nil), vars...)
	b := append(x.buf[:0], "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sparql xmlns=\""+XMLNS+"\">\n  <head>\n"...)
	for _, v := range vars {
		b = append(b, `    <variable name="`...)
		b = append(b, v...) // VARNAME characters need no escaping
		b = append(b, "\"/>\n"...)
	}
	b = append(b, "  </head>\n  <results>\n"...)
	x.buf = b
	_, err := x.w.Write(b)
	return err
}

// Row implements Writer.
func (x *XMLWriter) Row(values []term.Term) error {
	if len(values) != len(x.vars) {
		return errRowWidth(len(values), len(x.vars))
	}
	b := append(x.buf[:0], "    <result>\n"...)
	var err error
	for i, t := range values {
		if t.IsZero() {
			continue
		}
		b = append(b, `      <binding name="`...)
		b = append(b, x.vars[i]...)
		b = append(b, `">`...)
		switch t.Kind {
		case term.KindIRI:
			b = append(b, "<uri>"...)
			b, err = appendXMLText(b, t.Value, false)
			b = append(b, "</uri>"...)
		case term.KindBlank:
			b = append(b, "<bnode>"...)
			b, err = appendXMLText(b, t.Value, false)
			b = append(b, "</bnode>"...)
		case term.KindLiteral:
			b = append(b, "<literal"...)
			switch {
			case t.Lang != "":
				b = append(b, ` xml:lang="`...)
				b, err = appendXMLText(b, t.Lang, true)
				b = append(b, '"')
			case t.Datatype != "" && t.Datatype != term.XSDString:
				b = append(b, ` datatype="`...)
				b, err = appendXMLText(b, t.Datatype, true)
				b = append(b, '"')
			}
			if err == nil {
				b = append(b, '>')
				b, err = appendXMLText(b, t.Value, false)
			}
			b = append(b, "</literal>"...)
		default:
			err = fmt.Errorf("results: cannot write term of kind %d", t.Kind)
		}
		if err != nil {
			return err
		}
		b = append(b, "</binding>\n"...)
	}
	b = append(b, "    </result>\n"...)
	x.buf = b
	_, err = x.w.Write(b)
	return err
}

// End implements Writer.
func (x *XMLWriter) End() error {
	x.w.WriteString("  </results>\n</sparql>\n")
	return x.w.Flush()
}

// appendXMLText escapes s for element content or, with attr, for a
// double-quoted attribute value. CR is written as a character reference so
// that XML line-end normalisation does not drop it; characters XML 1.0
// cannot carry at all are an error.
func appendXMLText(b []byte, s string, attr bool) ([]byte, error) {
	for i, r := range s {
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case attr && r == '"':
			b = append(b, "&quot;"...)
		case attr && r == '\n':
			b = append(b, "&#xA;"...)
		case attr && r == '\t':
			b = append(b, "&#x9;"...)
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return b, fmt.Errorf("results: xml: invalid UTF-8 in %q", s)
		case !xmlChar(r):
			return b, fmt.Errorf("results: xml: %w: character U+%04X cannot be written in XML 1.0, not even as a character reference", ErrUnrepresentable, r)
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b, nil
}

func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

func writeXMLBoolean(w io.Writer, v bool) error {
	_, err := fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sparql xmlns=\"%s\">\n  <head/>\n  <boolean>%t</boolean>\n</sparql>\n", XMLNS, v)
	return err
}

// xmlReader walks the token stream of a results document.
type xmlReader struct {
	d *xml.Decoder
}

func (x *xmlReader) errorf(format string, args ...any) error {
	line, col := x.d.InputPos()
	return fmt.Errorf("results: xml:%d:%d: %s", line, col, fmt.Sprintf(format, args...))
}

// next returns the next start or end element, skipping comments,
// processing instructions and whitespace; other text is an error.
func (x *xmlReader) next() (xml.Token, error) {
	for {
		tok, err := x.d.Token()
		if err != nil {
			if err == io.EOF {
				return nil, x.errorf("unexpected end of document")
			}
			return nil, x.errorf("%v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement, xml.EndElement:
			return t, nil
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return nil, x.errorf("unexpected text %q", strings.TrimSpace(string(t)))
			}
		}
	}
}

// text reads character data up to the end of the current element.
func (x *xmlReader) text() (string, error) {
	var sb strings.Builder
	for {
		tok, err := x.d.Token()
		if err != nil {
			return "", x.errorf("%v", err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.EndElement:
			return sb.String(), nil
		case xml.StartElement:
			return "", x.errorf("unexpected element <%s> in text", t.Name.Local)
		}
	}
}

// skip skips the rest of the current element.
func (x *xmlReader) skip() error {
	if err := x.d.Skip(); err != nil {
		return x.errorf("%v", err)
	}
	return nil
}

func attr(se xml.StartElement, space, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value, true
		}
	}
	return "", false
}

// ReadXML reads SPARQL Query Results XML.
func ReadXML(r io.Reader) (*Result, error) {
	x := &xmlReader{d: xml.NewDecoder(r)}
	tok, err := x.next()
	if err != nil {
		return nil, err
	}
	root, ok := tok.(xml.StartElement)
	if !ok || root.Name.Local != "sparql" || root.Name.Space != XMLNS {
		return nil, x.errorf("root element must be <sparql> in namespace %s", XMLNS)
	}
	res := &Result{}
	var index map[string]int
	sawHead, sawBody := false, false
	for {
		tok, err := x.next()
		if err != nil {
			return nil, err
		}
		if _, end := tok.(xml.EndElement); end {
			break
		}
		se := tok.(xml.StartElement)
		if se.Name.Space != XMLNS {
			return nil, x.errorf("unexpected element <%s>", se.Name.Local)
		}
		switch se.Name.Local {
		case "head":
			if sawHead || sawBody {
				return nil, x.errorf("unexpected <head>")
			}
			sawHead = true
			if res.Vars, err = x.readHead(); err != nil {
				return nil, err
			}
			index = varIndex(res.Vars)
		case "results":
			if !sawHead || sawBody {
				return nil, x.errorf("<results> must follow <head>, once")
			}
			sawBody = true
			if res.Rows, err = x.readResults(res.Vars, index); err != nil {
				return nil, err
			}
		case "boolean":
			if !sawHead || sawBody {
				return nil, x.errorf("<boolean> must follow <head>, once")
			}
			sawBody = true
			s, err := x.text()
			if err != nil {
				return nil, err
			}
			var b bool
			switch strings.TrimSpace(s) {
			case "true":
				b = true
			case "false":
			default:
				return nil, x.errorf("<boolean> must hold true or false, not %q", s)
			}
			res.Boolean = &b
		default:
			return nil, x.errorf("unexpected element <%s>", se.Name.Local)
		}
	}
	if !sawBody {
		return nil, x.errorf("missing <results> or <boolean>")
	}
	if res.Boolean != nil {
		res.Vars = nil
	}
	return res, nil
}

func (x *xmlReader) readHead() ([]string, error) {
	vars := []string{}
	for {
		tok, err := x.next()
		if err != nil {
			return nil, err
		}
		if _, end := tok.(xml.EndElement); end {
			if err := checkVars(vars); err != nil {
				return nil, x.errorf("%v", err)
			}
			return vars, nil
		}
		se := tok.(xml.StartElement)
		switch se.Name.Local {
		case "variable":
			name, ok := attr(se, "", "name")
			if !ok {
				return nil, x.errorf("<variable> without name")
			}
			vars = append(vars, name)
		case "link":
		default:
			return nil, x.errorf("unexpected element <%s> in <head>", se.Name.Local)
		}
		if err := x.skip(); err != nil {
			return nil, err
		}
	}
}

func (x *xmlReader) readResults(vars []string, index map[string]int) ([][]term.Term, error) {
	rows := [][]term.Term{}
	for {
		tok, err := x.next()
		if err != nil {
			return nil, err
		}
		if _, end := tok.(xml.EndElement); end {
			return rows, nil
		}
		if se := tok.(xml.StartElement); se.Name.Local != "result" {
			return nil, x.errorf("unexpected element <%s> in <results>", se.Name.Local)
		}
		row := make([]term.Term, len(vars))
		for {
			tok, err := x.next()
			if err != nil {
				return nil, err
			}
			if _, end := tok.(xml.EndElement); end {
				break
			}
			se := tok.(xml.StartElement)
			if se.Name.Local != "binding" {
				return nil, x.errorf("unexpected element <%s> in <result>", se.Name.Local)
			}
			name, _ := attr(se, "", "name")
			i, ok := index[name]
			if !ok {
				return nil, x.errorf("binding of %q, which is not a declared variable", name)
			}
			if !row[i].IsZero() {
				return nil, x.errorf("variable %q bound twice in one result", name)
			}
			if row[i], err = x.readTerm(); err != nil {
				return nil, err
			}
		}
		rows = append(rows, row)
	}
}

// readTerm reads the one RDF term inside <binding> and the binding's end.
func (x *xmlReader) readTerm() (term.Term, error) {
	tok, err := x.next()
	if err != nil {
		return term.Term{}, err
	}
	se, ok := tok.(xml.StartElement)
	if !ok {
		return term.Term{}, x.errorf("empty <binding>")
	}
	s, err := x.text()
	if err != nil {
		return term.Term{}, err
	}
	var t term.Term
	switch se.Name.Local {
	case "uri":
		t = term.IRI(s)
	case "bnode":
		if s == "" {
			return t, x.errorf("empty blank node label")
		}
		t = term.Blank(s)
	case "literal":
		lang, hasLang := attr(se, xmlLangNS, "lang")
		dt, _ := attr(se, "", "datatype")
		switch {
		case hasLang && lang != "":
			if dt != "" && dt != term.RDFLangString {
				return t, x.errorf("literal with both xml:lang and datatype")
			}
			t = term.LangString(s, lang)
		case dt == term.RDFLangString:
			return t, x.errorf("rdf:langString literal without xml:lang")
		default:
			t = term.Literal(s, dt)
		}
	default:
		return t, x.errorf("unexpected element <%s> in <binding>", se.Name.Local)
	}
	tok, err = x.next()
	if err != nil {
		return t, err
	}
	if _, end := tok.(xml.EndElement); !end {
		return t, x.errorf("<binding> holds more than one term")
	}
	return t, nil
}
