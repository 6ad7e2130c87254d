package register

import "testing"

func TestValidOrgnr(t *testing.T) {
	for nr, want := range map[string]bool{
		"202100-2742": true,  // Domstolsverket
		"212000-0142": true,  // Stockholms kommun
		"232100-0016": true,  // Region Stockholm
		"857209-0606": true,  // Andra AP-fonden
		"202100-2743": false, // wrong check digit
		"2021002742":  false, // no hyphen
		"202100-274":  false,
		"20210-02742": false,
		"20210a-2742": false,
		"":            false,
	} {
		if got := ValidOrgnr(nr); got != want {
			t.Errorf("ValidOrgnr(%q) = %v, want %v", nr, got, want)
		}
	}
}
