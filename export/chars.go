package export

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"kg/internal/grammar"
	"kg/iri"
	"kg/term"
)

// Character classes of the Turtle grammar (RDF 1.1 Turtle §6.5). XML's
// NCName classes coincide with them: NameStartChar without ':' is
// PN_CHARS_U and NameChar without ':' is PN_CHARS plus '.'.

// validDotted reports whether s is first (PN_CHARS | '.')* with a last
// character that is not '.', where first decides the first character: the
// shape shared by PN_PREFIX, PN_LOCAL (without escapes) and blank node
// labels.
func validDotted(s string, first func(rune) bool) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if i == 0 {
			if !first(r) {
				return false
			}
			continue
		}
		if r != '.' && !grammar.IsPNChars(r) {
			return false
		}
	}
	return s[len(s)-1] != '.'
}

// validPrefixName reports whether s can be declared with @prefix: the empty
// prefix or a PN_PREFIX.
func validPrefixName(s string) bool {
	return s == "" || validDotted(s, grammar.IsPNCharsBase)
}

// validLocal reports whether s can follow a prefix as written, without
// backslash escapes or percent sequences: those are legal Turtle but not
// read the same by every parser in use, so IRIs that need them are written
// in full instead.
func validLocal(s string) bool {
	if s == "" {
		return true
	}
	return validDotted(s, func(r rune) bool { return grammar.IsPNCharsU(r) || r >= '0' && r <= '9' })
}

func validBlankLabel(s string) bool {
	return validDotted(s, func(r rune) bool { return grammar.IsPNCharsU(r) || r >= '0' && r <= '9' })
}

// validNCName reports whether s is an XML NCName.
func validNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if i == 0 {
			if !grammar.IsPNCharsU(r) {
				return false
			}
		} else if r != '.' && !grammar.IsPNChars(r) {
			return false
		}
	}
	return true
}

// encodedBlankPrefix starts every rewritten blank node label. A label that
// already starts with it is rewritten too, which keeps the mapping
// injective: distinct labels never print the same.
const encodedBlankPrefix = "u_"

// blankLabel returns a label for the blank node b that is valid in the
// target syntax (valid reports validity there). Valid labels print as they
// are; others are hex-encoded behind encodedBlankPrefix.
func blankLabel(label string, valid func(string) bool) string {
	if valid(label) && !strings.HasPrefix(label, encodedBlankPrefix) {
		return label
	}
	const hex = "0123456789abcdef"
	b := make([]byte, 0, len(encodedBlankPrefix)+2*len(label))
	b = append(b, encodedBlankPrefix...)
	for i := 0; i < len(label); i++ {
		b = append(b, hex[label[i]>>4], hex[label[i]&0xF])
	}
	return string(b)
}

// checkIRI rejects IRIs that no RDF syntax can carry faithfully: relative
// references, invalid UTF-8 and the characters RFC 3987 excludes (spaces,
// controls, <>"{}|^`\). Such a value is a defect in the data; writing it
// with \u escapes would only move the error to the reader.
func checkIRI(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("IRI %q is not valid UTF-8", s)
	}
	if !iri.IsAbsolute(s) {
		return fmt.Errorf("IRI %q is not absolute", s)
	}
	// The excluded characters are all ASCII, so a byte loop finds them.
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= 0x20 || c == 0x7F || iriExcluded[c] {
			return fmt.Errorf("IRI %q contains %U, which IRIs do not allow", s, rune(c))
		}
	}
	return nil
}

var iriExcluded = [256]bool{'<': true, '>': true, '"': true, '{': true, '}': true, '|': true, '^': true, '`': true, '\\': true}

// validLangTag checks the BCP 47 shape that the RDF syntaxes accept:
// [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func validLangTag(s string) bool {
	if s == "" {
		return false
	}
	for i, part := range strings.Split(s, "-") {
		if part == "" {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// literal normalises the hand-built forms of a literal (empty datatype,
// a language without rdf:langString) into the canonical term shape.
func literal(t term.Term) term.Term {
	if t.Lang != "" {
		t.Datatype = term.RDFLangString
		t.Lang = strings.ToLower(t.Lang)
	} else if t.Datatype == "" {
		t.Datatype = term.XSDString
	}
	return t
}

// checkQuad validates the positions of q. graphs tells whether a graph
// name is kept by the target format.
func checkQuad(q term.Quad, graphs bool) error {
	switch q.S.Kind {
	case term.KindIRI:
		if err := checkIRI(q.S.Value); err != nil {
			return err
		}
	case term.KindBlank:
	default:
		return fmt.Errorf("subject %s is not an IRI or blank node", describe(q.S))
	}
	if !q.P.IsIRI() {
		return fmt.Errorf("predicate %s is not an IRI", describe(q.P))
	}
	if err := checkIRI(q.P.Value); err != nil {
		return err
	}
	switch q.O.Kind {
	case term.KindIRI:
		if err := checkIRI(q.O.Value); err != nil {
			return err
		}
	case term.KindBlank:
	case term.KindLiteral:
		o := literal(q.O)
		if !utf8.ValidString(o.Value) {
			return fmt.Errorf("literal %q is not valid UTF-8", o.Value)
		}
		if o.Lang == "" && o.Datatype == term.RDFLangString {
			return fmt.Errorf("literal %q has datatype rdf:langString but no language tag", o.Value)
		}
		if o.Lang != "" {
			if !validLangTag(o.Lang) {
				return fmt.Errorf("literal %s has an invalid language tag", describe(o))
			}
		} else if err := checkIRI(o.Datatype); err != nil {
			return fmt.Errorf("datatype: %w", err)
		}
	default:
		return fmt.Errorf("object is missing")
	}
	if graphs {
		switch q.G.Kind {
		case term.KindNone, term.KindBlank:
		case term.KindIRI:
			if err := checkIRI(q.G.Value); err != nil {
				return err
			}
		default:
			return fmt.Errorf("graph name %s is not an IRI or blank node", describe(q.G))
		}
	}
	return nil
}

func describe(t term.Term) string {
	if t.IsZero() {
		return "(none)"
	}
	return t.String()
}

func lastRune(s string) (rune, int)  { return utf8.DecodeLastRuneInString(s) }
func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
