package eval

import (
	"testing"

	"kg/ingest/doc"
)

func TestNormaliseFact(t *testing.T) {
	tests := []struct {
		kind                      doc.FactKind
		text                      string
		value, currency, from, to string
		ok                        bool
	}{
		{doc.Amount, "8 567 000 kronor", "8567000", "SEK", "", "", true},
		{doc.Amount, "17,5 miljoner kronor", "17500000", "SEK", "", "", true},
		{doc.Amount, "1 100 miljoner kronor", "1100000000", "SEK", "", "", true},
		{doc.Amount, "196 miljoner euro", "196000000", "EUR", "", "", true},
		{doc.Amount, "2,5 miljarder kronor", "2500000000", "SEK", "", "", true},
		{doc.Amount, "många kronor", "", "", "", "", false},
		{doc.Amount, "17 miljoner", "", "", "", "", false},
		{doc.Share, "49 procent", "49", "", "", "", true},
		{doc.Share, "12,5 %", "12.5", "", "", "", true},
		{doc.Share, "49 kronor", "", "", "", "", false},
		{doc.Period, "2021–2027", "", "", "2021", "2027", true},
		{doc.Period, "2021 – 2027", "", "", "2021", "2027", true},
		{doc.Period, "2021\u20112030", "", "", "2021", "2030", true},
		{doc.Period, "treårig", "P3Y", "", "", "", true},
		{doc.Period, "4 år", "P4Y", "", "", "", true},
		{doc.Start, "2011", "", "", "2011", "", true},
		{doc.Start, "1 januari 2019", "", "", "2019-01-01", "", true},
		{doc.Date, "december 2009", "", "", "2009-12", "", true},
		{doc.Date, "22 december 2010", "", "", "2010-12-22", "", true},
		{doc.Date, "2026-02-01", "", "", "2026-02-01", "", true},
		{doc.End, "midsommar 2026", "", "", "", "", false},
	}
	for _, tt := range tests {
		v, c, f, to, ok := standInNormalise(tt.kind, tt.text)
		if v != tt.value || c != tt.currency || f != tt.from || to != tt.to || ok != tt.ok {
			t.Errorf("normalise(%s, %q) = %q %q %q %q %v, want %q %q %q %q %v", tt.kind, tt.text,
				v, c, f, to, ok, tt.value, tt.currency, tt.from, tt.to, tt.ok)
		}
	}
}

func TestSameDecimal(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"49", "49.0", true},
		{"1100000000", "1.1E9", true},
		{"17500000", "17500000.00", true},
		{"49", "51", false},
		{"", "", false},
		{"x", "x", true},
		{"x", "y", false},
	} {
		if got := sameDecimal(tt.a, tt.b); got != tt.want {
			t.Errorf("sameDecimal(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}
