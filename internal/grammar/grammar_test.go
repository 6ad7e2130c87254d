package grammar

import "testing"

func TestClasses(t *testing.T) {
	cases := []struct {
		r              rune
		base, u, chars bool
	}{
		{'a', true, true, true},
		{'Z', true, true, true},
		{'_', false, true, true},
		{'-', false, false, true},
		{'7', false, false, true},
		{'.', false, false, false},
		{':', false, false, false},
		{0xB7, false, false, true},   // middle dot
		{0xC0, true, true, true},     // À
		{0xD7, false, false, false},  // ×
		{0xF7, false, false, false},  // ÷
		{'å', true, true, true},      //
		{0x300, false, false, true},  // combining grave
		{0x37E, false, false, false}, // Greek question mark
		{0x203F, false, false, true}, // undertie
		{0x2070, true, true, true},
		{0xFFFE, false, false, false},
		{0x10000, true, true, true},
		{0xF0000, false, false, false},
	}
	for _, c := range cases {
		if got := IsPNCharsBase(c.r); got != c.base {
			t.Errorf("IsPNCharsBase(%U) = %v", c.r, got)
		}
		if got := IsPNCharsU(c.r); got != c.u {
			t.Errorf("IsPNCharsU(%U) = %v", c.r, got)
		}
		if got := IsPNChars(c.r); got != c.chars {
			t.Errorf("IsPNChars(%U) = %v", c.r, got)
		}
	}
	for r, want := range map[rune]bool{'a': true, 'é': true, ' ': false, '<': false, '\\': false, '^': false, 0x1F: false, '%': true} {
		if got := IsIRIRune(r); got != want {
			t.Errorf("IsIRIRune(%q) = %v", r, got)
		}
	}
}
