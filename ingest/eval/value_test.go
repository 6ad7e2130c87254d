package eval

import "testing"

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
