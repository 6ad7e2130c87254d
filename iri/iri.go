package iri

import "strings"

// iriParts is an IRI reference split per RFC 3986 appendix B. The has*
// flags tell an empty component from an absent one, which resolution
// distinguishes ("http://a/b?" keeps its empty query).
type iriParts struct {
	scheme, authority, path, query, fragment       string
	hasScheme, hasAuthority, hasQuery, hasFragment bool
}

func splitIRI(s string) iriParts {
	var p iriParts
	if i := schemeLen(s); i > 0 {
		p.scheme, p.hasScheme = s[:i], true
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "//") {
		s = s[2:]
		end := strings.IndexAny(s, "/?#")
		if end < 0 {
			end = len(s)
		}
		p.authority, p.hasAuthority = s[:end], true
		s = s[end:]
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		p.fragment, p.hasFragment = s[i+1:], true
		s = s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		p.query, p.hasQuery = s[i+1:], true
		s = s[:i]
	}
	p.path = s
	return p
}

// schemeLen returns the length of s's scheme (without the colon), or 0 when
// s does not start with one.
func schemeLen(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return i
		default:
			return 0
		}
	}
	return 0
}

// IsAbsolute reports whether s starts with a scheme.
func IsAbsolute(s string) bool { return schemeLen(s) > 0 }

func (p *iriParts) String() string {
	var b strings.Builder
	b.Grow(len(p.scheme) + len(p.authority) + len(p.path) + len(p.query) + len(p.fragment) + 6)
	if p.hasScheme {
		b.WriteString(p.scheme)
		b.WriteByte(':')
	}
	if p.hasAuthority {
		b.WriteString("//")
		b.WriteString(p.authority)
	}
	b.WriteString(p.path)
	if p.hasQuery {
		b.WriteByte('?')
		b.WriteString(p.query)
	}
	if p.hasFragment {
		b.WriteByte('#')
		b.WriteString(p.fragment)
	}
	return b.String()
}

// Resolve resolves the IRI reference ref against base following RFC 3986
// section 5.2. It works on strings and never re-encodes anything, unlike
// net/url, so IRIs keep their exact characters. When base is empty or not
// absolute, ref is returned unchanged.
func Resolve(base, ref string) string {
	if IsAbsolute(ref) {
		if !hasDotSegment(ref) {
			return ref
		}
		r := splitIRI(ref)
		r.path = removeDotSegments(r.path)
		return r.String()
	}
	if base == "" || !IsAbsolute(base) {
		return ref
	}
	b := splitIRI(base)
	r := splitIRI(ref)
	var t iriParts
	if r.hasAuthority {
		t.authority, t.hasAuthority = r.authority, true
		t.path = removeDotSegments(r.path)
		t.query, t.hasQuery = r.query, r.hasQuery
	} else {
		switch {
		case r.path == "":
			t.path = b.path
			if r.hasQuery {
				t.query, t.hasQuery = r.query, true
			} else {
				t.query, t.hasQuery = b.query, b.hasQuery
			}
		case r.path[0] == '/':
			t.path = removeDotSegments(r.path)
			t.query, t.hasQuery = r.query, r.hasQuery
		default:
			t.path = removeDotSegments(mergePaths(&b, r.path))
			t.query, t.hasQuery = r.query, r.hasQuery
		}
		t.authority, t.hasAuthority = b.authority, b.hasAuthority
	}
	t.scheme, t.hasScheme = b.scheme, true
	t.fragment, t.hasFragment = r.fragment, r.hasFragment
	return t.String()
}

func mergePaths(base *iriParts, ref string) string {
	if base.hasAuthority && base.path == "" {
		return "/" + ref
	}
	i := strings.LastIndexByte(base.path, '/')
	if i < 0 {
		return ref
	}
	return base.path[:i+1] + ref
}

// hasDotSegment reports whether the path of an absolute IRI may contain a
// "." or ".." segment; a cheap pre-check that keeps the common case free
// of allocations.
func hasDotSegment(s string) bool {
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	return strings.Contains(s, "/.")
}

// removeDotSegments implements RFC 3986 section 5.2.4.
func removeDotSegments(in string) string {
	if !strings.Contains(in, ".") {
		return in
	}
	var out []string // output segments, each starting with "/" except maybe the first
	for len(in) > 0 {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"):
			in = in[3:]
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "/..":
			in = "/"
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "." || in == "..":
			in = ""
		default:
			start := 0
			if in[0] == '/' {
				start = 1
			}
			end := strings.IndexByte(in[start:], '/')
			if end < 0 {
				end = len(in)
			} else {
				end += start
			}
			out = append(out, in[:end])
			in = in[end:]
		}
	}
	return strings.Join(out, "")
}
