package expr

import (
	"testing"

	"kg/term"
)

func benchOp(b *testing.B, op, x, y string) {
	l, r := tt(x), tt(y)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Operator(op, l, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLessInteger(b *testing.B) { benchOp(b, "<", `12345`, `67890`) }
func BenchmarkLessDouble(b *testing.B)  { benchOp(b, "<", `1.5e3`, `2.5e-3`) }
func BenchmarkLessDecimal(b *testing.B) { benchOp(b, "<", `123.45`, `678.9`) }
func BenchmarkLessMixed(b *testing.B)   { benchOp(b, "<", `12345`, `1.5e3`) }
func BenchmarkLessString(b *testing.B)  { benchOp(b, "<", `"Göteborg"`, `"Malmö"`) }
func BenchmarkLessDateTime(b *testing.B) {
	benchOp(b, "<", `"2010-06-21T11:28:01Z"^^xsd:dateTime`, `"2010-12-21T15:38:02-08:00"^^xsd:dateTime`)
}
func BenchmarkEqualIntegerOp(b *testing.B) { benchOp(b, "=", `12345`, `12345`) }
func BenchmarkAddInteger(b *testing.B)     { benchOp(b, "+", `12345`, `67890`) }
func BenchmarkAddDecimal(b *testing.B)     { benchOp(b, "+", `123.45`, `678.9`) }
func BenchmarkDivideInteger(b *testing.B)  { benchOp(b, "/", `1`, `3`) }
func BenchmarkMultiplyDouble(b *testing.B) { benchOp(b, "*", `1.5e3`, `2.5e-3`) }

func benchEqual(b *testing.B, x, y string) {
	l, r := tt(x), tt(y)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Equal(l, r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEqualIRI(b *testing.B)     { benchEqual(b, `<http://ex/a>`, `<http://ex/b>`) }
func BenchmarkEqualString(b *testing.B)  { benchEqual(b, `"Skåne"`, `"Skåne"`) }
func BenchmarkEqualLang(b *testing.B)    { benchEqual(b, `"Skåne"@sv`, `"Skåne"@sv`) }
func BenchmarkEqualInteger(b *testing.B) { benchEqual(b, `42`, `42`) }
func BenchmarkEqualMixed(b *testing.B)   { benchEqual(b, `42`, `42.0`) }

func BenchmarkEBV(b *testing.B) {
	t := tt(`"1"^^xsd:boolean`)
	b.ReportAllocs()
	for b.Loop() {
		_, _ = EBV(t)
	}
}

func BenchmarkOrderCompare(b *testing.B) {
	ts := terms(`1`, `2.5`, `"a"`, `<http://ex/a>`, `"b"@sv`, `3e0`)
	b.ReportAllocs()
	for b.Loop() {
		for i := range ts {
			OrderCompare(ts[i], ts[(i+1)%len(ts)])
		}
	}
}

func BenchmarkRegexCached(b *testing.B) {
	args := []term.Term{term.String("Region Västra Götaland"), term.String("^region"), term.String("i")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Call(nil, "REGEX", args); err != nil {
			b.Fatal(err)
		}
	}
}
