package eval

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"kg/ingest/doc"
)

// normaliseFact turns a gold value into the normal form the facts stage
// writes into the graph. It must be the facts stage's own function
// (facts.Normalise in kg/ingest/facts) so that both sides agree by
// construction; until that package exists, standInNormalise covers the
// forms the corpus uses.
var normaliseFact func(kind doc.FactKind, text string) (value, currency, from, to string, ok bool) = standInNormalise

var (
	months = map[string]int{"januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
		"juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12}
	scales = map[string]string{"tusen": "1e3", "miljon": "1e6", "miljoner": "1e6", "mnkr": "1e6", "mkr": "1e6",
		"miljard": "1e9", "miljarder": "1e9", "mdkr": "1e9", "mdr": "1e9"}
	currencies = map[string]string{"kronor": "SEK", "kr": "SEK", "sek": "SEK", "mnkr": "SEK", "mkr": "SEK",
		"mdkr": "SEK", "euro": "EUR", "eur": "EUR", "€": "EUR"}
	durations = map[string]int{"ett": 1, "ettårig": 1, "tvåårig": 2, "treårig": 3, "fyraårig": 4, "femårig": 5,
		"sexårig": 6, "sjuårig": 7, "åttaårig": 8, "nioårig": 9, "tioårig": 10}

	numberPattern = regexp.MustCompile(`^[0-9]+(?:[ \x{a0}\x{202f}][0-9]{3})*(?:,[0-9]+)?`)
	rangePattern  = regexp.MustCompile(`^([0-9]{4})\s*-\s*([0-9]{4})$`)
	datePattern   = regexp.MustCompile(`^(?:([0-9]{1,2}) )?([a-zåäö]+) ([0-9]{4})$`)
	isoPattern    = regexp.MustCompile(`^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$`)
)

// standInNormalise is a small normaliser of Swedish values, standing in
// for facts.Normalise.
func standInNormalise(kind doc.FactKind, text string) (value, currency, from, to string, ok bool) {
	s := NormaliseName(text) // lower case, one kind of dash, single spaces
	switch kind {
	case doc.Amount, doc.Share:
		num := numberPattern.FindString(s)
		if num == "" {
			return "", "", "", "", false
		}
		r, okNum := new(big.Rat).SetString(strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", ",", ".").Replace(num))
		if !okNum {
			return "", "", "", "", false
		}
		words := strings.Fields(strings.TrimSpace(s[len(num):]))
		if kind == doc.Share {
			if len(words) == 0 || (words[0] != "procent" && words[0] != "%") {
				return "", "", "", "", false
			}
			return decimal(r), "", "", "", true
		}
		for _, w := range words {
			if m, ok := scales[w]; ok {
				f, _ := new(big.Rat).SetString(m)
				r.Mul(r, f)
			}
			if c, ok := currencies[w]; ok {
				currency = c
			}
		}
		if currency == "" {
			return "", "", "", "", false
		}
		return decimal(r), currency, "", "", true
	case doc.Period:
		if m := rangePattern.FindStringSubmatch(s); m != nil {
			return "", "", m[1], m[2], true
		}
		if n, ok := durations[s]; ok {
			return fmt.Sprintf("P%dY", n), "", "", "", true
		}
		if f := strings.Fields(s); len(f) == 2 && f[1] == "år" {
			if n, err := strconv.Atoi(f[0]); err == nil {
				return fmt.Sprintf("P%dY", n), "", "", "", true
			}
		}
		return "", "", "", "", false
	case doc.Start, doc.End, doc.Date:
		if isoPattern.MatchString(s) {
			return "", "", s, "", true
		}
		m := datePattern.FindStringSubmatch(s)
		if m == nil {
			return "", "", "", "", false
		}
		month, ok := months[m[2]]
		if !ok {
			return "", "", "", "", false
		}
		if m[1] == "" {
			return "", "", fmt.Sprintf("%s-%02d", m[3], month), "", true
		}
		day, _ := strconv.Atoi(m[1])
		return "", "", fmt.Sprintf("%s-%02d-%02d", m[3], month, day), "", true
	}
	return "", "", "", "", false
}

// decimal writes r in the canonical lexical form of xsd:decimal: no
// exponent, no leading zeros, no trailing fractional zeros.
func decimal(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	s := r.FloatString(12)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// sameDecimal reports whether two numeric lexical forms denote the same
// number ("1100000000" and "1.1E9", "49" and "49.0").
func sameDecimal(a, b string) bool {
	if a == b {
		return a != ""
	}
	x, ok1 := new(big.Rat).SetString(strings.TrimSpace(a))
	y, ok2 := new(big.Rat).SetString(strings.TrimSpace(b))
	return ok1 && ok2 && x.Cmp(y) == 0
}
