package expr

import (
	"strings"

	"kg/term"
)

// XSD datatype IRIs beyond those in package term.
const (
	xsdNS                 = term.XSDNS
	XSDTime               = xsdNS + "time"
	XSDDayTimeDuration    = xsdNS + "dayTimeDuration"
	XSDNonPositiveInteger = xsdNS + "nonPositiveInteger"
	XSDNegativeInteger    = xsdNS + "negativeInteger"
	XSDLong               = xsdNS + "long"
	XSDInt                = xsdNS + "int"
	XSDShort              = xsdNS + "short"
	XSDByte               = xsdNS + "byte"
	XSDNonNegativeInteger = xsdNS + "nonNegativeInteger"
	XSDUnsignedLong       = xsdNS + "unsignedLong"
	XSDUnsignedInt        = xsdNS + "unsignedInt"
	XSDUnsignedShort      = xsdNS + "unsignedShort"
	XSDUnsignedByte       = xsdNS + "unsignedByte"
	XSDPositiveInteger    = xsdNS + "positiveInteger"
)

// class is the value space a term belongs to, as far as this package
// interprets it.
type class uint8

const (
	cNone     class = iota // zero term: unbound
	cIRI                   // IRI
	cBlank                 // blank node
	cString                // simple literal, xsd:string
	cLang                  // rdf:langString
	cNumeric               // valid numeric literal
	cBoolean               // valid xsd:boolean
	cDateTime              // valid xsd:dateTime
	cDate                  // valid xsd:date
	cTime                  // valid xsd:time
	cInvalid               // known datatype, lexical form outside its lexical space
	cOther                 // a datatype this package does not interpret
)

// datatypeOf returns t's datatype IRI with the RDF 1.1 defaults applied.
func datatypeOf(t term.Term) string {
	switch {
	case t.Lang != "":
		return term.RDFLangString
	case t.Datatype == "":
		return term.XSDString
	}
	return t.Datatype
}

// classify returns t's class; it validates lexical forms of the datatypes
// the package knows.
func classify(t term.Term) class {
	switch t.Kind {
	case term.KindIRI:
		return cIRI
	case term.KindBlank:
		return cBlank
	case term.KindLiteral:
	default:
		return cNone
	}
	dt := datatypeOf(t)
	switch dt {
	case term.XSDString:
		return cString
	case term.RDFLangString:
		if t.Lang == "" {
			return cInvalid
		}
		return cLang
	case term.XSDBoolean:
		if _, ok := parseBool(t.Value); ok {
			return cBoolean
		}
		return cInvalid
	case term.XSDDateTime:
		if _, ok := parseDateTime(t.Value, kDateTime); ok {
			return cDateTime
		}
		return cInvalid
	case term.XSDDate:
		if _, ok := parseDateTime(t.Value, kDate); ok {
			return cDate
		}
		return cInvalid
	case XSDTime:
		if _, ok := parseDateTime(t.Value, kTime); ok {
			return cTime
		}
		return cInvalid
	}
	if isNumericDatatype(dt) {
		if _, ok := parseNumber(t); ok {
			return cNumeric
		}
		return cInvalid
	}
	return cOther
}

// Valid reports whether a literal's lexical form is in the lexical space of
// its datatype. IRIs, blank nodes and literals of datatypes the package
// does not interpret count as valid.
func Valid(t term.Term) bool {
	c := classify(t)
	return c != cInvalid && c != cNone
}

// parseBool maps the xsd:boolean lexical space.
func parseBool(s string) (v, ok bool) {
	switch s {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

// Bool returns the canonical xsd:boolean literal for b.
func Bool(b bool) term.Term {
	if b {
		return trueTerm
	}
	return falseTerm
}

var (
	trueTerm  = term.Literal("true", term.XSDBoolean)
	falseTerm = term.Literal("false", term.XSDBoolean)
)

// isStringLit reports whether t is a string literal: simple, xsd:string or
// language-tagged.
func isStringLit(t term.Term) bool {
	if t.Kind != term.KindLiteral {
		return false
	}
	dt := datatypeOf(t)
	return dt == term.XSDString || (dt == term.RDFLangString && t.Lang != "")
}

// isSimple reports whether t is a simple literal or xsd:string (the same
// thing in RDF 1.1).
func isSimple(t term.Term) bool {
	return t.Kind == term.KindLiteral && datatypeOf(t) == term.XSDString
}

// sameLang compares language tags, which are case-insensitive.
func sameLang(a, b string) bool { return strings.EqualFold(a, b) }

// sameTerm is RDF term identity, with language tags compared
// case-insensitively and the RDF 1.1 datatype defaults applied.
func sameTerm(a, b term.Term) bool {
	if a.Kind != b.Kind || a.Value != b.Value {
		return false
	}
	if a.Kind != term.KindLiteral {
		return true
	}
	return datatypeOf(a) == datatypeOf(b) && sameLang(a.Lang, b.Lang)
}

// xmlWhitespace trims the XML whitespace characters, as XSD's whiteSpace
// facet "collapse" does for the atomic types' lexical forms.
func xmlWhitespace(s string) string {
	return strings.Trim(s, " \t\n\r")
}
