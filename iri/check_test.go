package iri

import (
	"errors"
	"testing"
)

func TestCheck(t *testing.T) {
	good := []string{
		"http://ex.org/a", "http://ex.org", "http:", "urn:isbn:0451450523", "mailto:a@b.se",
		"http://user:pw@ex.org:8080/p/a;b=c?q=1&r=2#frag/?", "https://sv.wikipedia.org/wiki/Malmö",
		"http://[::1]:80/", "http://[2001:db8::7]/c=GB?objectClass?one", "http://[v7.fe:80]/",
		"file:///data/a%20b.ttl", "http://ex.org/%C3%A5", "tag:kg,2026:x", "http://ex.org/~a!$&'()*+,;=:@",
		"http://ex.org/?\U000F0000", "http://例え.テスト/", "http://ex.org/a#",
	}
	for _, s := range good {
		if err := Check(s); err != nil {
			t.Errorf("Check(%q) = %v, want nil", s, err)
		}
	}
	bad := []struct {
		s   string
		err error
		at  int
	}{
		{"not an iri", ErrRelative, 0},
		{"{x}", ErrRelative, 0},
		{"a/b:c", ErrRelative, 0},
		{"1a:b", ErrScheme, 0},
		{"http://ex.org/a b", ErrChar, 15},
		{"http://ex .org/", ErrChar, 9},
		{"http://ex.org/a#b#c", ErrChar, 17},
		{"http://ex.org/%zz", ErrPercent, 14},
		{"http://ex.org/%4", ErrPercent, 14},
		{"http://ex.org/a<b>", ErrChar, 15},
		{"http://ex.org/a\\b", ErrChar, 15},
		{"http://ex.org/a|b", ErrChar, 15},
		{"http://ex.org/a^b", ErrChar, 15},
		{"http://ex.org/a\"b", ErrChar, 15},
		{"http://ex.org/a`b", ErrChar, 15},
		{"http://ex.org/a\x00", ErrChar, 15},
		{"http://ex.org/?r[]=1", ErrChar, 16},
		{"http://ex.org/\U000F0000", ErrChar, 14},
		{"http://ex.org/a\xff", ErrChar, 15},
		{"http://ex.org:8o/", ErrPort, 15},
		{"http://[::1/", ErrHost, 7},
		{"http://[fe80::1%eth0]/", ErrHost, 7},
		{"http://[1.2.3.4]/", ErrHost, 7},
		{"http://ex[1].org/", ErrChar, 9},
	}
	for _, c := range bad {
		err := Check(c.s)
		var ce *CheckError
		if !errors.As(err, &ce) || !errors.Is(err, c.err) || ce.Offset != c.at {
			t.Errorf("Check(%q) = %v (%+v), want %v at %d", c.s, err, ce, c.err, c.at)
		}
	}
}

func TestCheckRef(t *testing.T) {
	for _, s := range []string{"", "a", "../b?c#d", "//ex.org/x", "/a:b", "#f", "./a:b", "å"} {
		if err := CheckRef(s); err != nil {
			t.Errorf("CheckRef(%q) = %v", s, err)
		}
	}
	for _, s := range []string{"a b", "a:b c", "{x}", "%", "//ex .org/", "1a:b/c"} {
		if err := CheckRef(s); err == nil {
			t.Errorf("CheckRef(%q) = nil, want an error", s)
		}
	}
}
