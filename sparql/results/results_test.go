package results

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kg/term"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const ex = "http://example.org/"

// sample exercises what the formats must carry: every term kind, language
// tags, datatypes that do and do not have a short form, characters each
// format must escape, Swedish text and unbound variables.
func sample() *Result {
	return &Result{
		Vars: []string{"s", "värde", "o"},
		Rows: [][]term.Term{
			{term.IRI(ex + "s1"), term.String("Västerbotten"), term.LangString("Örnsköldsvik", "sv")},
			{term.IRI(ex + "s2"), term.Literal("42", term.XSDInteger), term.Literal("-3", term.XSDNS+"negativeInteger")},
			{term.Blank("b0"), term.Literal("5.5", term.XSDDecimal), term.Literal("1.0E6", term.XSDDouble)},
			{term.IRI(ex + "a&b<c>"), term.String("say \"hi\", then\nleave\ttab"), {}},
			{{}, {}, {}},
			{term.Blank("b1"), term.String("cr\rhere"), term.Literal("true", term.XSDBoolean)},
			{term.IRI(ex + "s3"), term.String(""), term.Literal("2024-01-01", term.XSDDate)},
			{term.IRI("urn:x-nyckel:å"), term.LangString("Skellefteå kommun", "sv-SE"), term.Literal("1.", term.XSDDecimal)},
		},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

var testPrefixes = Options{Prefixes: map[string]string{"ex": ex, "xsd": term.XSDNS}}

func TestGoldenWrite(t *testing.T) {
	for _, f := range Formats {
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Copy(f.New(&buf, testPrefixes), sample()); err != nil {
				t.Fatal(err)
			}
			golden(t, "sample"+f.Extensions[0], buf.Bytes())
		})
	}
}

func TestGoldenBoolean(t *testing.T) {
	for _, f := range Formats {
		for _, b := range []bool{true, false} {
			var buf bytes.Buffer
			if err := WriteBoolean(f.Name, &buf, b); err != nil {
				t.Fatal(err)
			}
			name := "ask-false" + f.Extensions[0]
			if b {
				name = "ask-true" + f.Extensions[0]
			}
			golden(t, name, buf.Bytes())
			if f.Read == nil {
				continue
			}
			got, err := f.Read(&buf)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if got.Boolean == nil || *got.Boolean != b {
				t.Errorf("%s read back as %+v", name, got)
			}
		}
	}
}

// TestRoundTrip writes the sample and reads it back. JSON, XML and TSV keep
// every term; CSV keeps only the text of each value.
func TestRoundTrip(t *testing.T) {
	for _, f := range Formats {
		if f.Read == nil {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(f.Name, &buf, sample(), Options{}); err != nil {
				t.Fatal(err)
			}
			got, err := f.Read(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.Bytes())
			}
			want := sample()
			if f.Name == "csv" {
				want = csvView(want)
			}
			if !sameResult(got, want) {
				t.Errorf("round trip changed the result:\n got %v\nwant %v", got, want)
			}
		})
	}
}

// csvView is what a result looks like after a trip through CSV.
func csvView(r *Result) *Result {
	out := &Result{Vars: r.Vars}
	for _, row := range r.Rows {
		nr := make([]term.Term, len(row))
		for i, v := range row {
			switch {
			case v.IsZero() || (v.IsLiteral() && v.Value == ""):
			case v.IsBlank():
				nr[i] = v
			default:
				nr[i] = term.String(CSVValue(v))
			}
		}
		out.Rows = append(out.Rows, nr)
	}
	return out
}

// sameResult is strict equality: same variables in order, same rows in
// order, same blank node labels.
func sameResult(a, b *Result) bool {
	if (a.Boolean == nil) != (b.Boolean == nil) || (a.Boolean != nil && *a.Boolean != *b.Boolean) {
		return false
	}
	if strings.Join(a.Vars, " ") != strings.Join(b.Vars, " ") || len(a.Rows) != len(b.Rows) {
		return false
	}
	for i := range a.Rows {
		if len(a.Rows[i]) != len(b.Rows[i]) {
			return false
		}
		for j := range a.Rows[i] {
			if a.Rows[i][j] != b.Rows[i][j] {
				return false
			}
		}
	}
	return true
}

func TestReadGolden(t *testing.T) {
	for _, f := range Formats {
		if f.Read == nil {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "sample"+f.Extensions[0]))
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.Read(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			want := sample()
			if f.Name == "csv" {
				want = csvView(want)
			}
			if !sameResult(got, want) {
				t.Errorf("got %v\nwant %v", got, want)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		by, key, want string
	}{
		{"name", "json", "json"},
		{"name", "XML", "xml"},
		{"name", "table", "table"},
		{"ext", ".srj", "json"},
		{"ext", "srx", "xml"},
		{"ext", ".TSV", "tsv"},
		{"ext", ".csv", "csv"},
		{"media", "application/sparql-results+json", "json"},
		{"media", "application/sparql-results+xml; charset=utf-8", "xml"},
		{"media", "text/csv", "csv"},
		{"media", "text/tab-separated-values", "tsv"},
		{"media", "text/plain", "table"},
		{"name", "turtle", ""},
		{"ext", ".ttl", ""},
		{"media", "text/turtle", ""},
	}
	for _, tt := range tests {
		var f Format
		var ok bool
		switch tt.by {
		case "name":
			f, ok = ByName(tt.key)
		case "ext":
			f, ok = ByExtension(tt.key)
		case "media":
			f, ok = ByMediaType(tt.key)
		}
		if ok != (tt.want != "") || f.Name != tt.want {
			t.Errorf("by %s %q = %q, %v; want %q", tt.by, tt.key, f.Name, ok, tt.want)
		}
	}
	if err := WriteBoolean("turtle", &bytes.Buffer{}, true); err == nil {
		t.Error("WriteBoolean accepted an unknown format")
	}
}

func TestWriterErrors(t *testing.T) {
	for _, f := range Formats {
		w := f.New(&bytes.Buffer{}, Options{})
		if err := w.Begin([]string{"a", "a"}); err == nil {
			t.Errorf("%s: duplicate variables accepted", f.Name)
		}
		w = f.New(&bytes.Buffer{}, Options{})
		if err := w.Begin([]string{"a b"}); err == nil {
			t.Errorf("%s: invalid variable name accepted", f.Name)
		}
		w = f.New(&bytes.Buffer{}, Options{})
		if err := w.Begin([]string{"a", "b"}); err != nil {
			t.Fatal(err)
		}
		if err := w.Row([]term.Term{term.IRI(ex)}); err == nil {
			t.Errorf("%s: short row accepted", f.Name)
		}
	}
	w := NewXMLWriter(&bytes.Buffer{})
	w.Begin([]string{"x"})
	if err := w.Row([]term.Term{term.String("bell\a")}); err == nil {
		t.Error("xml: a character XML 1.0 cannot carry was accepted")
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		format, input, want string
	}{
		{"json", "{\n  \"head\": {\"vars\": [\"x\"]},\n  \"results\": {\"bindings\": [ { \"x\": } ]}}", "json:3:"},
		{"json", `{"head": {"vars": ["x"]}, "results": {"bindings": [{"y": {"type": "uri", "value": "u"}}]}}`, `"y"`},
		{"json", `{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "iri", "value": "u"}}]}}`, `unknown type`},
		{"json", `{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri"}}]}}`, `missing "value"`},
		{"json", `{"results": {"bindings": []}}`, `missing "head"`},
		{"json", `{"head": {}}`, `missing "results"`},
		{"json", `{"head": {}, "boolean": true} {}`, `data after`},
		{"xml", "<?xml version=\"1.0\"?>\n<sparql xmlns=\"" + XMLNS + "\">\n<head><variable name=\"x\"/></head>\n<results><result><binding name=\"y\"><uri>u</uri></binding></result></results></sparql>", "xml:4:"},
		{"xml", `<sparql xmlns="http://example.org/"><head/><boolean>true</boolean></sparql>`, "root element"},
		{"xml", `<sparql xmlns="` + XMLNS + `"><head/><boolean>maybe</boolean></sparql>`, "true or false"},
		{"xml", `<sparql xmlns="` + XMLNS + `"><head/>`, "EOF"},
		{"xml", `<sparql xmlns="` + XMLNS + `"><head><variable name="x"/></head><results><result><binding name="x"><uri>a</uri><uri>b</uri></binding></result></results></sparql>`, "more than one"},
		{"csv", "a,b\r\n1,2,3\r\n", "csv:2:1: 3 fields"},
		{"csv", "a,b\r\n\"1,2\r\n", "csv:2:1: quoted field not closed"},
		{"csv", "a,b\r\n1,x\"y\r\n", "csv:2:4: quote inside"},
		{"csv", "", "missing header"},
		{"tsv", "?a\t?b\n<x>\t\"unclosed\n", "tsv:2:5: string not closed"},
		{"tsv", "?a\tb\n", "tsv:1:4: variable \"b\""},
		{"tsv", "?a\n\"x\"@\n", "language tag"},
		{"tsv", "?a\n\"x\\q\"\n", "tsv:2:3: invalid escape"},
		{"tsv", "?a\nfoo\n", "not an RDF term"},
		{"tsv", "?a\n<a b>\n", "tsv:2:3: character not allowed in IRI"},
		{"tsv", "?a\n1.\n", "not an RDF term"},
	}
	for _, tt := range tests {
		f, _ := ByName(tt.format)
		_, err := f.Read(strings.NewReader(tt.input))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %q: error %v, want one containing %q", tt.format, tt.input, err, tt.want)
		}
	}
}

func TestReadTSVForms(t *testing.T) {
	in := "?a\t?b\n" +
		"<http://example.org/\\u00E5>\t'single'\n" +
		"\"\"\"long \"quoted\" \"\"\"@en-GB\t-1.5e+10\n" +
		"true\t\"x\"^^<http://example.org/dt>\n" +
		"+7\t.5\n" +
		"\t\n"
	got, err := ReadTSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]term.Term{
		{term.IRI("http://example.org/å"), term.String("single")},
		{term.LangString(`long "quoted" `, "en-gb"), term.Literal("-1.5e+10", term.XSDDouble)},
		{term.Literal("true", term.XSDBoolean), term.Literal("x", ex+"dt")},
		{term.Literal("+7", term.XSDInteger), term.Literal(".5", term.XSDDecimal)},
		{{}, {}},
	}
	if !sameResult(got, &Result{Vars: []string{"a", "b"}, Rows: want}) {
		t.Errorf("got %v\nwant %v", got.Rows, want)
	}
}

// A result of one variable whose only solution leaves it unbound is an
// empty line in CSV and TSV; it must not be lost.
func TestEmptyLines(t *testing.T) {
	for _, name := range []string{"csv", "tsv", "json", "xml"} {
		for _, r := range []*Result{
			{Vars: []string{"x"}, Rows: [][]term.Term{{{}}, {{}}}},
			{Vars: []string{"x"}, Rows: [][]term.Term{}},
			{Vars: []string{}, Rows: [][]term.Term{{}}},
			{Vars: []string{}, Rows: [][]term.Term{}},
		} {
			var buf bytes.Buffer
			if err := Write(name, &buf, r, Options{}); err != nil {
				t.Fatal(err)
			}
			f, _ := ByName(name)
			got, err := f.Read(&buf)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !sameResult(got, r) {
				t.Errorf("%s: %v read back as %v", name, r, got)
			}
		}
	}
}

func TestTSVValue(t *testing.T) {
	tests := []struct {
		in   term.Term
		want string
	}{
		{term.Literal("4", term.XSDInteger), "4"},
		{term.Literal("-04", term.XSDInteger), "-04"},
		{term.Literal("4.0", term.XSDInteger), `"4.0"^^<http://www.w3.org/2001/XMLSchema#integer>`},
		{term.Literal("2.2", term.XSDDecimal), "2.2"},
		{term.Literal("2", term.XSDDecimal), `"2"^^<http://www.w3.org/2001/XMLSchema#decimal>`},
		{term.Literal("1.0E6", term.XSDDouble), "1.0E6"},
		{term.Literal("INF", term.XSDDouble), `"INF"^^<http://www.w3.org/2001/XMLSchema#double>`},
		{term.Literal("1e0", term.XSDDouble), "1e0"},
		{term.String("a\tb"), `"a\tb"`},
		{term.LangString("hej", "sv"), `"hej"@sv`},
		{term.Blank("x"), "_:x"},
		{term.Term{}, ""},
	}
	for _, tt := range tests {
		if got := TSVValue(tt.in); got != tt.want {
			t.Errorf("TSVValue(%v) = %s, want %s", tt.in, got, tt.want)
		}
		if tt.want == "" {
			continue
		}
		back, _, err := ParseTSVTerm(tt.want)
		if err != nil || back != tt.in {
			t.Errorf("ParseTSVTerm(%s) = %v, %v; want %v", tt.want, back, err, tt.in)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"Umeå", 4},
		{"Ume\u0061\u030A", 4}, // å as a + combining ring
		{"Ö\u0308", 1},
		{"日本", 4},
		{"a\u200Db", 2},
		{"", 0},
	}
	for _, tt := range tests {
		if got := DisplayWidth(tt.s); got != tt.want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestTableAlignment checks that the column separators line up in terminal
// cells whether Swedish letters are precomposed or decomposed.
func TestTableAlignment(t *testing.T) {
	var buf bytes.Buffer
	r := &Result{Vars: []string{"namn", "x"}, Rows: [][]term.Term{
		{term.String("Luleå"), term.IRI(ex + "a")},
		{term.String("Lule\u0061\u030A"), term.IRI(ex + "b")},
		{term.String("Gällivare kommun"), {}},
		{term.String("東京"), term.IRI("http://other.example/c")},
	}}
	if err := Write("table", &buf, r, Options{Prefixes: map[string]string{"ex": ex}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 7 || lines[6] != "4 rows" {
		t.Fatalf("unexpected table:\n%s", buf.String())
	}
	col := -1
	for _, l := range lines[:6] {
		if l == `"Gällivare kommun"` {
			continue // nothing follows an unbound last column
		}
		sep := strings.IndexAny(l, "|+")
		if sep < 0 {
			t.Fatalf("no separator in %q", l)
		}
		if w := DisplayWidth(l[:sep]); col < 0 {
			col = w
		} else if w != col {
			t.Errorf("separator at cell %d, want %d:\n%s", w, col, buf.String())
		}
	}
	if !strings.Contains(buf.String(), "| ex:a\n") || !strings.Contains(buf.String(), "<http://other.example/c>") {
		t.Errorf("prefixes not applied as expected:\n%s", buf.String())
	}
}

// TestTableStreams checks that rows past the look-ahead are still written,
// in order, with the count.
func TestTableStreams(t *testing.T) {
	var buf bytes.Buffer
	w := NewTableWriter(&buf, Options{})
	w.Begin([]string{"n"})
	n := tableLookahead + 10
	for i := range n {
		w.Row([]term.Term{term.Literal(strings.Repeat("9", i%7+1), term.XSDInteger)})
	}
	if err := w.End(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != n+3 || lines[len(lines)-1] != "1010 rows" {
		t.Errorf("got %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}

func TestEqual(t *testing.T) {
	a, b, c := term.Blank("a"), term.Blank("b"), term.Blank("c")
	x, y := term.IRI(ex+"x"), term.IRI(ex+"y")
	res := func(vars string, rows ...[]term.Term) *Result {
		return &Result{Vars: strings.Fields(vars), Rows: rows}
	}
	tr, fa := true, false
	tests := []struct {
		name string
		a, b *Result
		want bool
	}{
		{"same", res("s o", []term.Term{x, y}), res("s o", []term.Term{x, y}), true},
		{"var order", res("s o", []term.Term{x, y}), res("o s", []term.Term{y, x}), true},
		{"row order", res("s", []term.Term{x}, []term.Term{y}), res("s", []term.Term{y}, []term.Term{x}), true},
		{"multiset", res("s", []term.Term{x}, []term.Term{x}, []term.Term{y}), res("s", []term.Term{x}, []term.Term{y}, []term.Term{y}), false},
		{"renamed blanks", res("s o", []term.Term{a, b}, []term.Term{b, x}), res("s o", []term.Term{c, a}, []term.Term{a, x}), true},
		{"blank not bijective", res("s o", []term.Term{a, x}, []term.Term{a, y}), res("s o", []term.Term{b, x}, []term.Term{c, y}), false},
		{"blank merged", res("s o", []term.Term{b, x}, []term.Term{c, y}), res("s o", []term.Term{a, x}, []term.Term{a, y}), false},
		{"needs backtracking", res("s o", []term.Term{a, x}, []term.Term{b, x}, []term.Term{b, y}),
			res("s o", []term.Term{c, x}, []term.Term{a, x}, []term.Term{a, y}), true},
		{"unbound vs empty", res("s", []term.Term{{}}), res("s", []term.Term{term.String("")}), false},
		{"different vars", res("s"), res("o"), false},
		{"blank vs iri", res("s", []term.Term{a}), res("s", []term.Term{x}), false},
		{"bool", &Result{Boolean: &tr}, &Result{Boolean: &tr}, true},
		{"bool differs", &Result{Boolean: &tr}, &Result{Boolean: &fa}, false},
		{"bool vs rows", &Result{Boolean: &tr}, res("s"), false},
		{"lang case is data", res("s", []term.Term{term.LangString("a", "SV")}), res("s", []term.Term{term.LangString("a", "sv")}), true},
		{"datatype matters", res("s", []term.Term{term.Literal("1", term.XSDInteger)}), res("s", []term.Term{term.Literal("1", term.XSDDecimal)}), false},
	}
	for _, tt := range tests {
		if got := Equal(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: Equal = %v, want %v", tt.name, got, tt.want)
		}
		if got := Equal(tt.b, tt.a); got != tt.want {
			t.Errorf("%s (swapped): Equal = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// BenchmarkWriters streams rows through each writer; allocations per row
// stay constant, which is what lets large results pass through.
func BenchmarkWriters(b *testing.B) {
	row := sample().Rows[0]
	for _, f := range Formats {
		b.Run(f.Name, func(b *testing.B) {
			b.ReportAllocs()
			w := f.New(io.Discard, testPrefixes)
			if err := w.Begin(sample().Vars); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := w.Row(row); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.End(); err != nil {
				b.Fatal(err)
			}
		})
	}
}
