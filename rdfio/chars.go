package rdfio

import (
	"fmt"
	"unicode/utf8"

	"kg/iri"
	"kg/term"
)

// Lexical helpers of the Turtle-family grammars; the character classes
// they share with SPARQL are in package grammar.

func hexVal(c rune) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// validScalar reports whether a \u or \U escape denotes a Unicode scalar
// value (surrogates cannot be encoded in UTF-8).
func validScalar(r rune) bool {
	return r >= 0 && r <= 0x10FFFF && (r < 0xD800 || r > 0xDFFF)
}

// isPNLocalEsc reports whether c may follow a backslash in a local name.
func isPNLocalEsc(c rune) bool {
	switch c {
	case '_', '~', '.', '-', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', '/', '?', '#', '@', '%':
		return true
	}
	return false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// blankLabel maps a document's blank node label to the label stored, such
// that it can never equal a label made by freshBlank: labels starting with
// '_' get another '_', and fresh labels are '_' followed by a digit.
func blankLabel(prefix, label string) string {
	if len(label) > 0 && label[0] == '_' {
		return prefix + "_" + label
	}
	return prefix + label
}

// checkIRI checks an IRI a parser made: an absolute IRI per RFC 3987 as
// the RDF syntaxes require, or an IRI reference where no base made it
// absolute. The error is the message of a *SyntaxError.
func checkIRI(s string) error {
	var err error
	if iri.IsAbsolute(s) {
		err = iri.Check(s)
	} else {
		err = iri.CheckRef(s)
	}
	if err != nil {
		return fmt.Errorf("bad IRI <%s>: %v", shorten(s), err)
	}
	return nil
}

// checkLang checks a language tag against BCP 47's shape.
func checkLang(tag string) error {
	if !term.IsLangTag(tag) {
		return fmt.Errorf("bad language tag %q", shorten(tag))
	}
	return nil
}

// shorten cuts a value quoted in an error message.
func shorten(s string) string {
	if len(s) <= 200 {
		return s
	}
	i := 200
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
