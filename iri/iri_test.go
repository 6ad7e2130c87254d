package iri

import "testing"

func TestResolve(t *testing.T) {
	// RFC 3986 section 5.4.
	const base = "http://a/b/c/d;p?q"
	cases := []struct{ ref, want string }{
		{"g:h", "g:h"},
		{"g", "http://a/b/c/g"},
		{"./g", "http://a/b/c/g"},
		{"g/", "http://a/b/c/g/"},
		{"/g", "http://a/g"},
		{"//g", "http://g"},
		{"?y", "http://a/b/c/d;p?y"},
		{"g?y", "http://a/b/c/g?y"},
		{"#s", "http://a/b/c/d;p?q#s"},
		{"g#s", "http://a/b/c/g#s"},
		{"g?y#s", "http://a/b/c/g?y#s"},
		{";x", "http://a/b/c/;x"},
		{"g;x", "http://a/b/c/g;x"},
		{"g;x?y#s", "http://a/b/c/g;x?y#s"},
		{"", "http://a/b/c/d;p?q"},
		{".", "http://a/b/c/"},
		{"./", "http://a/b/c/"},
		{"..", "http://a/b/"},
		{"../", "http://a/b/"},
		{"../g", "http://a/b/g"},
		{"../..", "http://a/"},
		{"../../", "http://a/"},
		{"../../g", "http://a/g"},
		{"../../../g", "http://a/g"},
		{"../../../../g", "http://a/g"},
		{"/./g", "http://a/g"},
		{"/../g", "http://a/g"},
		{"g.", "http://a/b/c/g."},
		{".g", "http://a/b/c/.g"},
		{"g..", "http://a/b/c/g.."},
		{"..g", "http://a/b/c/..g"},
		{"./../g", "http://a/b/g"},
		{"./g/.", "http://a/b/c/g/"},
		{"g/./h", "http://a/b/c/g/h"},
		{"g/../h", "http://a/b/c/h"},
		{"g;x=1/./y", "http://a/b/c/g;x=1/y"},
		{"g;x=1/../y", "http://a/b/c/y"},
		{"g?y/./x", "http://a/b/c/g?y/./x"},
		{"g?y/../x", "http://a/b/c/g?y/../x"},
		{"g#s/./x", "http://a/b/c/g#s/./x"},
		{"g#s/../x", "http://a/b/c/g#s/../x"},
		{"http:g", "http:g"},
		// Characters net/url would escape or normalise are kept.
		{"ä b%7e", "http://a/b/c/ä b%7e"},
	}
	for _, c := range cases {
		if got := Resolve(base, c.ref); got != c.want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", base, c.ref, got, c.want)
		}
	}
	more := []struct{ base, ref, want string }{
		{"http://a", "b", "http://a/b"},                    // empty base path with authority
		{"http://a/b#frag", "", "http://a/b"},              // fragment of base dropped
		{"http://a/b?", "", "http://a/b?"},                 // empty query kept
		{"file:///x/y.ttl", "z.ttl", "file:///x/z.ttl"},    //
		{"", "rel", "rel"},                                 // no base: unchanged
		{"urn:x:y", "#f", "urn:x:y#f"},                     // no authority
		{"http://a/b/", "http://c/./d/../e", "http://c/e"}, // absolute refs lose dot segments
	}
	for _, c := range more {
		if got := Resolve(c.base, c.ref); got != c.want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", c.base, c.ref, got, c.want)
		}
	}
}
