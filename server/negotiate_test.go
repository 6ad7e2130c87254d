package server

import "testing"

func TestParseQ(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1000, true}, {"1.0", 1000, true}, {"1.000", 1000, true}, {"0", 0, true},
		{"0.5", 500, true}, {"0.05", 50, true}, {"0.123", 123, true},
		{"1.001", 0, false}, {"0.1234", 0, false}, {"2", 0, false}, {".5", 0, false},
		{"", 0, false}, {"0.", 0, true}, {"-0.5", 0, false}, {"0.5x", 0, false},
	} {
		got, ok := parseQ(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("parseQ(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestNegotiate(t *testing.T) {
	rdf := []string{"text/html", "text/turtle", "application/ld+json", "application/n-triples"}
	res := []string{"application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values", "text/html"}
	for _, c := range []struct {
		name   string
		accept []string
		offers []string
		want   int
	}{
		{"absent header means anything: server's first", nil, rdf, 0},
		{"empty header means anything", []string{""}, rdf, 0},
		{"star star", []string{"*/*"}, res, 0},
		{"exact type", []string{"text/turtle"}, rdf, 1},
		{"case-insensitive", []string{"Text/Turtle"}, rdf, 1},
		{"highest q wins", []string{"text/turtle;q=0.5, application/ld+json;q=0.9"}, rdf, 2},
		{"browser prefers html", []string{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, rdf, 0},
		{"browser on the endpoint gets html", []string{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, res, 4},
		{"rdf client", []string{"application/n-triples, text/turtle;q=0.9, */*;q=0.1"}, rdf, 3},
		{"q=0 excludes", []string{"text/html;q=0, */*"}, rdf, 1},
		{"more specific range overrides", []string{"text/*;q=0.2, text/turtle;q=0.9, */*;q=0.1"}, rdf, 1},
		{"type wildcard", []string{"application/*"}, rdf, 2},
		{"ties go to the server's order", []string{"application/ld+json, text/turtle"}, rdf, 1},
		{"nothing acceptable", []string{"image/png"}, rdf, -1},
		{"only q=0", []string{"*/*;q=0"}, rdf, -1},
		{"invalid elements are skipped", []string{"garbage, text/turtle;q=x, application/ld+json"}, rdf, 2},
		{"bad q drops the element", []string{"text/turtle;q=1.5"}, rdf, -1},
		{"media type parameters do not block a match", []string{`application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"`}, rdf, 2},
		{"accept-ext after q ignored", []string{"text/turtle;q=0.4;foo=bar, application/n-triples;q=0.3"}, rdf, 1},
		{"several header fields", []string{"text/csv;q=0.5", "application/sparql-results+xml"}, res, 1},
		{"whitespace", []string{" text/csv ; q=0.5 ,  text/tab-separated-values ; q=0.6 "}, res, 3},
		{"star subtype with a star type is invalid", []string{"*/json"}, res, -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := negotiate(c.accept, c.offers); got != c.want {
				t.Errorf("negotiate(%q) = %d, want %d", c.accept, got, c.want)
			}
		})
	}
}

func TestQualitySpecificity(t *testing.T) {
	ranges := parseAccept([]string{"text/*;q=0.3, text/html;q=0.7, text/html;level=1, */*;q=0.5"})
	for _, c := range []struct {
		mt   string
		want int
	}{
		{"text/html", 1000}, // the range with a parameter is the most specific match
		{"text/plain", 300},
		{"image/jpeg", 500},
	} {
		if got := quality(ranges, c.mt); got != c.want {
			t.Errorf("quality(%s) = %d, want %d", c.mt, got, c.want)
		}
	}
}
