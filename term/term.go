package term

import (
	"strings"
)

// Kind tells which of the three RDF term kinds a Term is.
type Kind uint8

// The term kinds. The zero Kind marks the zero Term, which stands for
// "nothing": an unbound variable, a wildcard or the default graph.
const (
	KindNone Kind = iota
	KindIRI
	KindBlank
	KindLiteral
)

// Well-known namespaces and datatypes.
const (
	RDFNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	XSDNS = "http://www.w3.org/2001/XMLSchema#"

	XSDString     = XSDNS + "string"
	XSDBoolean    = XSDNS + "boolean"
	XSDInteger    = XSDNS + "integer"
	XSDDecimal    = XSDNS + "decimal"
	XSDDouble     = XSDNS + "double"
	XSDFloat      = XSDNS + "float"
	XSDDateTime   = XSDNS + "dateTime"
	XSDDate       = XSDNS + "date"
	XSDGYear      = XSDNS + "gYear"
	XSDAnyURI     = XSDNS + "anyURI"
	RDFLangString = RDFNS + "langString"
	RDFType       = RDFNS + "type"
	RDFFirst      = RDFNS + "first"
	RDFRest       = RDFNS + "rest"
	RDFNil        = RDFNS + "nil"
)

// Term is an RDF term: an IRI, a blank node or a literal.
//
// Value holds the IRI, the blank node label (without "_:") or the literal's
// lexical form. Datatype and Lang are set only for literals.
type Term struct {
	Kind     Kind
	Value    string
	Datatype string
	Lang     string
}

// IRI returns the IRI term for s. It does not validate s; parsers do.
func IRI(s string) Term { return Term{Kind: KindIRI, Value: s} }

// Blank returns the blank node with the given label.
func Blank(label string) Term { return Term{Kind: KindBlank, Value: label} }

// Literal returns a literal with the given lexical form and datatype IRI.
// An empty datatype means xsd:string.
func Literal(lexical, datatype string) Term {
	if datatype == "" {
		datatype = XSDString
	}
	return Term{Kind: KindLiteral, Value: lexical, Datatype: datatype}
}

// String returns a simple literal (xsd:string).
func String(s string) Term { return Term{Kind: KindLiteral, Value: s, Datatype: XSDString} }

// LangString returns a language-tagged string. Language tags are
// case-insensitive; they are stored in lower case so that equal tags compare
// equal.
func LangString(s, lang string) Term {
	return Term{Kind: KindLiteral, Value: s, Datatype: RDFLangString, Lang: strings.ToLower(lang)}
}

// IsLangTag reports whether s has the shape of a BCP 47 language tag:
// subtags of 1 to 8 letters or digits separated by "-", the first of
// letters only. (The RDF syntaxes' own LANGTAG rule is looser.)
func IsLangTag(s string) bool {
	if s == "" {
		return false
	}
	for i, sub := range strings.Split(s, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for j := 0; j < len(sub); j++ {
			c := sub[j]
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// IsZero reports whether t is the zero Term.
func (t Term) IsZero() bool { return t.Kind == KindNone }

// IsIRI reports whether t is an IRI.
func (t Term) IsIRI() bool { return t.Kind == KindIRI }

// IsBlank reports whether t is a blank node.
func (t Term) IsBlank() bool { return t.Kind == KindBlank }

// IsLiteral reports whether t is a literal.
func (t Term) IsLiteral() bool { return t.Kind == KindLiteral }

// String returns t in N-Triples syntax; the zero Term prints as "".
func (t Term) String() string {
	var b strings.Builder
	t.AppendNT(&b)
	return b.String()
}

// AppendNT writes t in N-Triples syntax to b.
func (t Term) AppendNT(b *strings.Builder) {
	switch t.Kind {
	case KindIRI:
		b.WriteByte('<')
		escapeIRI(b, t.Value)
		b.WriteByte('>')
	case KindBlank:
		b.WriteString("_:")
		b.WriteString(t.Value)
	case KindLiteral:
		b.WriteByte('"')
		EscapeString(b, t.Value)
		b.WriteByte('"')
		switch {
		case t.Lang != "":
			b.WriteByte('@')
			b.WriteString(t.Lang)
		case t.Datatype != "" && t.Datatype != XSDString:
			b.WriteString("^^<")
			escapeIRI(b, t.Datatype)
			b.WriteByte('>')
		}
	}
}

// Compare orders terms: blank nodes, then IRIs, then literals; within a kind
// by value, datatype and language. It is a total order used for
// deterministic output, not SPARQL's ORDER BY.
func Compare(a, b Term) int {
	if a.Kind != b.Kind {
		return kindRank(a.Kind) - kindRank(b.Kind)
	}
	if c := strings.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	if c := strings.Compare(a.Datatype, b.Datatype); c != 0 {
		return c
	}
	return strings.Compare(a.Lang, b.Lang)
}

func kindRank(k Kind) int {
	switch k {
	case KindBlank:
		return 1
	case KindIRI:
		return 2
	case KindLiteral:
		return 3
	}
	return 0
}

// EscapeString writes s with the escapes N-Triples, N-Quads and Turtle
// require inside a double-quoted string.
func EscapeString(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7f {
				writeUEscape(b, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
}

func escapeIRI(b *strings.Builder, s string) {
	for _, r := range s {
		switch {
		case r <= 0x20, r == '<', r == '>', r == '"', r == '{', r == '}', r == '|', r == '^', r == '`', r == '\\':
			writeUEscape(b, r)
		default:
			b.WriteRune(r)
		}
	}
}

func writeUEscape(b *strings.Builder, r rune) {
	const hex = "0123456789ABCDEF"
	if r > 0xFFFF {
		b.WriteString(`\U`)
		for i := 28; i >= 0; i -= 4 {
			b.WriteByte(hex[(r>>uint(i))&0xF])
		}
		return
	}
	b.WriteString(`\u`)
	for i := 12; i >= 0; i -= 4 {
		b.WriteByte(hex[(r>>uint(i))&0xF])
	}
}
