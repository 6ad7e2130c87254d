package register

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Swedish language data the registers' names are inflected with. It is
// kept here, in one place, as data: the genitive of proper names, the
// definite singular of the nouns agencies are named after, and the way a
// municipality's name combines with "kommun".

// definiteRule turns an indefinite singular noun ending in Ending into its
// definite form: Cut runes are taken off the end and Add is appended.
type definiteRule struct {
	Ending string
	Cut    int
	Add    string
	Neuter bool // ett-word; documentation only
}

// definiteRules is the definite singular by noun ending, longest ending
// first. Nouns whose ending is not listed get no definite form: a wrong
// form would be a name no one writes, a missing one only a missed match.
var definiteRules = []definiteRule{
	// neuter (ett-ord): -et, -t after an unstressed -e, -um → -et
	{Ending: "sekretariat", Add: "et", Neuter: true},
	{Ending: "departement", Add: "et", Neuter: true},
	{Ending: "universitet", Add: "et", Neuter: true},
	{Ending: "bibliotek", Add: "et", Neuter: true},
	{Ending: "kollegium", Cut: 2, Add: "et", Neuter: true},
	{Ending: "institut", Add: "et", Neuter: true},
	{Ending: "centrum", Add: "et", Neuter: true},
	{Ending: "program", Add: "met", Neuter: true},
	{Ending: "museum", Cut: 2, Add: "et", Neuter: true},
	{Ending: "ämbete", Add: "t", Neuter: true},
	{Ending: "center", Cut: 2, Add: "ret", Neuter: true},
	{Ending: "kontor", Add: "et", Neuter: true},
	{Ending: "arkiv", Add: "et", Neuter: true},
	{Ending: "forum", Add: "et", Neuter: true},
	{Ending: "organ", Add: "et", Neuter: true},
	{Ending: "verk", Add: "et", Neuter: true},
	{Ending: "råd", Add: "et", Neuter: true},
	{Ending: "län", Add: "et", Neuter: true},
	// common gender (en-ord): -en, -n after an unstressed -e
	{Ending: "ombudsman", Add: "nen"},
	{Ending: "myndighet", Add: "en"},
	{Ending: "kommission", Add: "en"},
	{Ending: "inspektion", Add: "en"},
	{Ending: "delegation", Add: "en"},
	{Ending: "styrelse", Add: "n"},
	{Ending: "kommitté", Add: "n"},
	{Ending: "anstalt", Add: "en"},
	{Ending: "kansler", Add: "n"},
	{Ending: "nämnd", Add: "en"},
	{Ending: "tjänst", Add: "en"},
	{Ending: "byrå", Add: "n"},
	{Ending: "fond", Add: "en"},
	{Ending: "balk", Add: "en"},
	{Ending: "plan", Add: "en"},
	{Ending: "het", Add: "en"},
	{Ending: "tion", Add: "en"},
	{Ending: "sion", Add: "en"},
	{Ending: "ing", Add: "en"},
	{Ending: "lag", Add: "en"},
}

// Definite returns the definite singular of a Swedish noun ("kulturråd" →
// "kulturrådet", "energimyndighet" → "energimyndigheten"), and false when
// the noun's ending is not in the rule table.
func Definite(noun string) (string, bool) {
	lower := strings.ToLower(noun)
	for _, r := range definiteRules {
		if strings.HasSuffix(lower, r.Ending) {
			rs := []rune(noun)
			return string(rs[:len(rs)-r.Cut]) + r.Add, true
		}
	}
	return "", false
}

// Genitive returns the genitive of a proper name: -s, except after s, x
// and z, which take none ("Stockholms", "Bollnäs", "Halmstads").
func Genitive(name string) string {
	switch lastRune(name) {
	case 's', 'x', 'z', 'S', 'X', 'Z':
		return name
	}
	return name + "s"
}

// KommunName is the usual name of a municipality formed from its short
// name: names ending in a vowel, s, x or z stand as they are ("Malmö
// kommun", "Bollnäs kommun"), other names take the genitive -s
// ("Stockholms kommun"). A few municipalities' own names break the rule
// (Kalmar kommun, Orust kommun, Falu kommun); the register gives them.
func KommunName(short string) string {
	if isVowel(lastRune(short)) {
		return short + " kommun"
	}
	return Genitive(short) + " kommun"
}

// UnGenitive strips the genitive -s from a name that ends in one
// ("Stockholms" → "Stockholm", "Uppsala" stays): the base of a county's
// name in "X län".
func UnGenitive(name string) string {
	if strings.HasSuffix(name, "s") && len(name) > 2 {
		return strings.TrimSuffix(name, "s")
	}
	return name
}

// Capitalise upper-cases the first letter.
func Capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Uncapitalise lower-cases the first letter.
func Uncapitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isVowel(r rune) bool {
	return strings.ContainsRune("aeiouyåäöéAEIOUYÅÄÖÉ", r)
}

// looksAbbreviated reports whether a name has the shape of an
// abbreviation: one word with at least two capital letters ("SCB", "HaV",
// "JäMy", "ArkDes"). Abbreviations are matched with their case.
func looksAbbreviated(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}
