// Package grammar holds the character classes that the Turtle family
// (RDF 1.1 Turtle §6.5, TriG, N-Triples) and SPARQL 1.1 (§19.8) share, for
// the parsers that read those syntaxes and the writers that must only
// produce what they accept. XML's NCName classes coincide with them:
// NameStartChar without ':' is PN_CHARS_U and NameChar without ':' is
// PN_CHARS plus '.'.
package grammar

// IsPNCharsBase is PN_CHARS_BASE.
func IsPNCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		return true
	case r < 0xC0:
		return false
	case r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF,
		r >= 0x200C && r <= 0x200D, r >= 0x2070 && r <= 0x218F,
		r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD,
		r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

// IsPNCharsU is PN_CHARS_U: PN_CHARS_BASE or '_'.
func IsPNCharsU(r rune) bool { return r == '_' || IsPNCharsBase(r) }

// IsPNChars is PN_CHARS.
func IsPNChars(r rune) bool {
	switch {
	case IsPNCharsU(r), r == '-', r >= '0' && r <= '9', r == 0xB7,
		r >= 0x300 && r <= 0x36F, r >= 0x203F && r <= 0x2040:
		return true
	}
	return false
}

// IsIRIRune reports whether r may appear in an IRIREF, literally or
// through a \u escape.
func IsIRIRune(r rune) bool {
	if r <= 0x20 {
		return false
	}
	switch r {
	case '<', '>', '"', '{', '}', '|', '^', '`', '\\':
		return false
	}
	return true
}
