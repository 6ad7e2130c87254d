package parse

import "strings"

// iriParts is an IRI reference split as in RFC 3986; the has* flags tell
// an empty component from an absent one.
type iriParts struct {
	scheme, auth, path, query, frag string
	hasScheme, hasAuth, hasQuery    bool
	hasFrag                         bool
}

func splitIRI(s string) iriParts {
	var p iriParts
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, p.frag, p.hasFrag = s[:i], s[i+1:], true
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s, p.query, p.hasQuery = s[:i], s[i+1:], true
	}
	if i := schemeEnd(s); i > 0 {
		p.scheme, s, p.hasScheme = s[:i], s[i+1:], true
	}
	if strings.HasPrefix(s, "//") {
		s = s[2:]
		i := strings.IndexByte(s, '/')
		if i < 0 {
			i = len(s)
		}
		p.auth, s, p.hasAuth = s[:i], s[i:], true
	}
	p.path = s
	return p
}

// schemeEnd returns the index of the ':' ending a scheme, or -1.
func schemeEnd(s string) int {
	for i, c := range s {
		switch {
		case c == ':':
			if i > 0 {
				return i
			}
			return -1
		case isAlpha(c):
		case i > 0 && (isDigit(c) || c == '+' || c == '-' || c == '.'):
		default:
			return -1
		}
	}
	return -1
}

func (p iriParts) String() string {
	var b strings.Builder
	if p.hasScheme {
		b.WriteString(p.scheme + ":")
	}
	if p.hasAuth {
		b.WriteString("//" + p.auth)
	}
	b.WriteString(p.path)
	if p.hasQuery {
		b.WriteString("?" + p.query)
	}
	if p.hasFrag {
		b.WriteString("#" + p.frag)
	}
	return b.String()
}

// resolveIRI resolves ref against base (RFC 3986 section 5.2.2). An empty
// base leaves a relative ref as it is.
func resolveIRI(base, ref string) string {
	r := splitIRI(ref)
	if base == "" && !r.hasScheme {
		return ref
	}
	var t iriParts
	if r.hasScheme {
		t = r
		t.path = removeDots(r.path)
		return t.String()
	}
	b := splitIRI(base)
	t.scheme, t.hasScheme = b.scheme, b.hasScheme
	switch {
	case r.hasAuth:
		t.auth, t.hasAuth = r.auth, true
		t.path = removeDots(r.path)
		t.query, t.hasQuery = r.query, r.hasQuery
	case r.path == "":
		t.auth, t.hasAuth = b.auth, b.hasAuth
		t.path = b.path
		if r.hasQuery {
			t.query, t.hasQuery = r.query, true
		} else {
			t.query, t.hasQuery = b.query, b.hasQuery
		}
	default:
		t.auth, t.hasAuth = b.auth, b.hasAuth
		if strings.HasPrefix(r.path, "/") {
			t.path = removeDots(r.path)
		} else if b.hasAuth && b.path == "" {
			t.path = removeDots("/" + r.path)
		} else {
			i := strings.LastIndexByte(b.path, '/')
			t.path = removeDots(b.path[:i+1] + r.path)
		}
		t.query, t.hasQuery = r.query, r.hasQuery
	}
	t.frag, t.hasFrag = r.frag, r.hasFrag
	return t.String()
}

func removeDots(in string) string {
	if !strings.Contains(in, ".") {
		return in
	}
	var out []string
	for in != "" {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"), in == "/..":
			if in == "/.." {
				in = "/"
			} else {
				in = in[3:]
			}
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "." || in == "..":
			in = ""
		default:
			i := strings.IndexByte(in[1:], '/')
			if i < 0 {
				out = append(out, in)
				in = ""
			} else {
				out = append(out, in[:i+1])
				in = in[i+1:]
			}
		}
	}
	return strings.Join(out, "")
}
