package iri

import (
	"errors"
	"net/netip"
	"strings"
	"unicode/utf8"
)

// Errors of Check and CheckRef: what makes a string no IRI.
var (
	ErrRelative = errors.New("not an absolute IRI (no scheme)")
	ErrChar     = errors.New("character not allowed in an IRI")
	ErrPercent  = errors.New("'%' not followed by two hexadecimal digits")
	ErrHost     = errors.New("bad host")
	ErrPort     = errors.New("bad port")
	ErrScheme   = errors.New("bad scheme")
)

// CheckError says where and why a string is not an IRI.
type CheckError struct {
	Offset int // byte offset of the fault in the string
	Err    error
}

func (e *CheckError) Error() string { return e.Err.Error() }
func (e *CheckError) Unwrap() error { return e.Err }

// Check reports whether s is an absolute IRI as RFC 3987 section 2.2
// defines it (rule IRI): the RDF syntaxes require every IRI of a graph to
// be one. It checks the grammar only; it does not normalise.
func Check(s string) error {
	n := schemeLen(s)
	if n == 0 {
		if i := strings.IndexByte(s, ':'); i > 0 && !strings.ContainsAny(s[:i], "/?#") {
			return &CheckError{0, ErrScheme}
		}
		return &CheckError{0, ErrRelative}
	}
	return checkRest(s, n+1, false)
}

// CheckRef reports whether s is an IRI reference (RFC 3987 rule
// IRI-reference): an absolute IRI or a relative reference.
func CheckRef(s string) error {
	if n := schemeLen(s); n > 0 {
		return checkRest(s, n+1, false)
	}
	return checkRest(s, 0, true)
}

// checkRest checks what follows the scheme and its colon (from offset
// i): hierarchical part, query and fragment. In a relative reference the
// first segment of a path without authority may not contain ':'.
func checkRest(s string, i int, relative bool) error {
	if strings.HasPrefix(s[i:], "//") {
		end := i + 2
		for end < len(s) && s[end] != '/' && s[end] != '?' && s[end] != '#' {
			end++
		}
		if err := checkAuthority(s, i+2, end); err != nil {
			return err
		}
		i = end
	} else if relative {
		seg := s[i:]
		if j := strings.IndexAny(seg, "/?#"); j >= 0 {
			seg = seg[:j]
		}
		if j := strings.IndexByte(seg, ':'); j >= 0 {
			return &CheckError{i + j, ErrScheme}
		}
	}
	query, fragment := false, false
	for i < len(s) {
		// Most of an IRI is plain path characters.
		for i < len(s) && pathByte[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		switch {
		case c == '?' && !fragment:
			query = true
			i++
		case c == '?':
			i++
		case c == '#' && !fragment:
			fragment = true
			i++
		case c == '%':
			if err := checkPercent(s, i); err != nil {
				return err
			}
			i += 3
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isUcschar(r) && !(query && !fragment && isIprivate(r)) {
				return &CheckError{i, ErrChar}
			}
			i += size
		default:
			return &CheckError{i, ErrChar}
		}
	}
	return nil
}

func checkPercent(s string, i int) error {
	if i+2 >= len(s) || !isHexByte(s[i+1]) || !isHexByte(s[i+2]) {
		return &CheckError{i, ErrPercent}
	}
	return nil
}

// checkAuthority checks s[start:end]: [ iuserinfo "@" ] ihost [ ":" port ].
func checkAuthority(s string, start, end int) error {
	a := s[start:end]
	host := start
	if at := strings.LastIndexByte(a, '@'); at >= 0 {
		if err := checkRun(s, start, start+at, ":"); err != nil {
			return err
		}
		host = start + at + 1
	}
	h := s[host:end]
	if strings.HasPrefix(h, "[") {
		close := strings.IndexByte(h, ']')
		if close < 0 || !validIPLiteral(h[1:close]) {
			return &CheckError{host, ErrHost}
		}
		return checkPort(s, host+close+1, end)
	}
	portAt := end
	if c := strings.LastIndexByte(h, ':'); c >= 0 {
		portAt = host + c
	}
	if err := checkRun(s, host, portAt, ""); err != nil {
		return err
	}
	return checkPort(s, portAt, end)
}

// checkPort checks an optional ":" port from s[i:end].
func checkPort(s string, i, end int) error {
	if i == end {
		return nil
	}
	if s[i] != ':' {
		return &CheckError{i, ErrHost}
	}
	for j := i + 1; j < end; j++ {
		if s[j] < '0' || s[j] > '9' {
			return &CheckError{j, ErrPort}
		}
	}
	return nil
}

// checkRun checks that s[i:end] is made of iunreserved, pct-encoded,
// sub-delims and the bytes of extra.
func checkRun(s string, i, end int, extra string) error {
	for i < end {
		for i < end && unreservedOrSubDelim[s[i]] {
			i++
		}
		if i == end {
			break
		}
		c := s[i]
		switch {
		case c == '%':
			if err := checkPercent(s[:end], i); err != nil {
				return err
			}
			i += 3
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:end])
			if !isUcschar(r) {
				return &CheckError{i, ErrChar}
			}
			i += size
		case unreservedOrSubDelim[c] || extra != "" && strings.IndexByte(extra, c) >= 0:
			i++
		default:
			return &CheckError{i, ErrChar}
		}
	}
	return nil
}

// validIPLiteral checks the inside of "[…]": an IPv6 address or IPvFuture.
func validIPLiteral(s string) bool {
	if len(s) > 1 && (s[0] == 'v' || s[0] == 'V') {
		dot := strings.IndexByte(s, '.')
		if dot < 2 || dot == len(s)-1 {
			return false
		}
		for i := 1; i < dot; i++ {
			if !isHexByte(s[i]) {
				return false
			}
		}
		for i := dot + 1; i < len(s); i++ {
			if !unreservedOrSubDelim[s[i]] && s[i] != ':' {
				return false
			}
		}
		return true
	}
	if strings.IndexByte(s, '%') >= 0 {
		return false // zones are not part of RFC 3986's IPv6address
	}
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6()
}

func isHexByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// unreservedOrSubDelim marks the ASCII bytes of unreserved and sub-delims;
// pathByte adds ':', '@' (ipchar) and '/'.
var unreservedOrSubDelim, pathByte = func() (u, p [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		b := byte(c)
		u[c] = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' ||
			strings.IndexByte("-._~!$&'()*+,;=", b) >= 0
		p[c] = u[c] || b == ':' || b == '@' || b == '/'
	}
	return
}()

// isUcschar is RFC 3987's ucschar.
func isUcschar(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFEF:
		return true
	case r >= 0x10000 && r <= 0xEFFFD:
		return r&0xFFFF <= 0xFFFD && r < 0xE0000 || r >= 0xE1000
	}
	return false
}

// isIprivate is RFC 3987's iprivate, allowed in queries only.
func isIprivate(r rune) bool {
	return r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 && r <= 0xFFFFD || r >= 0x100000 && r <= 0x10FFFD
}
