package server

import (
	"strconv"
	"strings"
)

// mediaRange is one element of an Accept header: type/subtype with its
// parameters (other than q) and its weight in thousandths.
type mediaRange struct {
	typ, sub string
	params   []string // "name=value", names lower case
	q        int      // 0..1000
}

// specificity ranks ranges for RFC 9110 §12.5.1: a range with parameters
// beats type/subtype, which beats type/*, which beats */*.
func (m mediaRange) specificity() int {
	switch {
	case m.typ == "*":
		return 0
	case m.sub == "*":
		return 1
	case len(m.params) == 0:
		return 2
	}
	return 3
}

// matches reports whether the range covers the media type mt (lower case,
// without parameters). Parameters of the range are not compared: the
// representations offered here have none that a client could ask for
// differently (a JSON-LD profile asks for compacted output, which is what
// is served).
func (m mediaRange) matches(mt string) bool {
	if m.typ == "*" {
		return true
	}
	typ, sub, _ := strings.Cut(mt, "/")
	if m.typ != typ {
		return false
	}
	return m.sub == "*" || m.sub == sub
}

// parseAccept parses the value of one or more Accept fields. Elements that
// do not parse (no slash, a bad q value) are skipped, as a recipient may
// ignore what it cannot understand. An absent or empty header is "*/*".
func parseAccept(values []string) []mediaRange {
	var out []mediaRange
	for _, v := range values {
		for elem := range strings.SplitSeq(v, ",") {
			if m, ok := parseMediaRange(elem); ok {
				out = append(out, m)
			}
		}
	}
	if len(out) == 0 && acceptEmpty(values) {
		return []mediaRange{{typ: "*", sub: "*", q: 1000}}
	}
	return out
}

func acceptEmpty(values []string) bool {
	for _, v := range values {
		if strings.Trim(v, " \t,") != "" {
			return false
		}
	}
	return true
}

func parseMediaRange(s string) (mediaRange, bool) {
	parts := strings.Split(s, ";")
	mt := strings.ToLower(strings.TrimSpace(parts[0]))
	typ, sub, ok := strings.Cut(mt, "/")
	if !ok || !isToken(typ) || !isToken(sub) || (typ == "*" && sub != "*") {
		return mediaRange{}, false
	}
	m := mediaRange{typ: typ, sub: sub, q: 1000}
	for _, p := range parts[1:] {
		name, value, ok := strings.Cut(strings.TrimSpace(p), "=")
		name = strings.ToLower(strings.TrimSpace(name))
		if !ok || !isToken(name) {
			return mediaRange{}, false
		}
		value = strings.TrimSpace(value)
		if name == "q" {
			q, ok := parseQ(value)
			if !ok {
				return mediaRange{}, false
			}
			m.q = q
			// RFC 9110 has nothing after the weight; older accept-ext
			// parameters are ignored.
			break
		}
		m.params = append(m.params, name+"="+value)
	}
	return m, true
}

// parseQ reads a qvalue: "0" ["." 0*3DIGIT] / "1" ["." 0*3("0")].
func parseQ(s string) (int, bool) {
	if s == "" || len(s) > 5 {
		return 0, false
	}
	if s[0] != '0' && s[0] != '1' {
		return 0, false
	}
	n := int(s[0]-'0') * 1000
	if len(s) == 1 {
		return n, true
	}
	if s[1] != '.' {
		return 0, false
	}
	frac := s[2:]
	for _, c := range frac {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	f, _ := strconv.Atoi((frac + "000")[:3])
	if n == 1000 && f != 0 {
		return 0, false
	}
	return n + f, true
}

func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// quality returns the weight (0..1000) the ranges give the media type mt:
// that of the most specific matching range, 0 when none matches.
func quality(ranges []mediaRange, mt string) int {
	best, q := -1, 0
	for _, m := range ranges {
		if !m.matches(mt) {
			continue
		}
		if s := m.specificity(); s > best || (s == best && m.q > q) {
			best, q = s, m.q
		}
	}
	return q
}

// negotiate picks the offer the client prefers: highest weight, and among
// equal weights the first in offers (the server's preference). It returns
// -1 when the client accepts none of them.
func negotiate(accept []string, offers []string) int {
	ranges := parseAccept(accept)
	best, bestQ := -1, 0
	for i, o := range offers {
		if q := quality(ranges, o); q > bestQ {
			best, bestQ = i, q
		}
	}
	return best
}
