package facts

import (
	"math/big"
	"strconv"
	"strings"
)

// number is a decimal as written: integer digits (thousands separators
// taken out) and fraction digits.
type number struct {
	whole, frac string
}

// readNumber reads a number starting at token i: a run of digits, more
// groups of exactly three digits each after one space ("8 567 000"), and a
// decimal comma ("85,5"). It returns the token after the number.
func readNumber(text string, ts []token, i int) (number, int, bool) {
	if i >= len(ts) || ts[i].kind != digits {
		return number{}, i, false
	}
	// Digits after a glued stop, comma or colon continue another number
	// ("2.000", "2017:583").
	if i >= 2 && ts[i].start == ts[i-1].end && ts[i-1].end == ts[i-1].start+1 &&
		strings.Contains(".,:", ts[i-1].low) && ts[i-2].kind == digits && ts[i-2].end == ts[i-1].start {
		return number{}, i, false
	}
	n := number{whole: ts[i].low}
	j := i + 1
	glued := func(k int) bool { return k < len(ts) && ts[k].start == ts[k-1].end }
	if len(ts[i].low) <= 3 {
		for j < len(ts) && ts[j].kind == digits && len(ts[j].low) == 3 && isGroupSpace(text[ts[j-1].end:ts[j].start]) {
			n.whole += ts[j].low
			j++
		}
		if j == i+1 { // "2.000.000 kronor": stops between groups of three
			for glued(j) && ts[j].low == "." && glued(j+1) && ts[j+1].kind == digits && len(ts[j+1].low) == 3 {
				n.whole += ts[j+1].low
				j += 2
			}
		}
	}
	if glued(j) && ts[j].low == "." && glued(j+1) && ts[j+1].kind == digits {
		return number{}, i, false // "8.5" or a number with a stop: not Swedish, not read
	}
	if j+1 < len(ts) && ts[j].low == "," && ts[j].start == ts[j-1].end &&
		ts[j+1].kind == digits && ts[j+1].start == ts[j].end {
		n.frac = ts[j+1].low
		j += 2
	}
	// A number glued to a letter or digit after it is part of something
	// else ("3e", "2017:583" is caught by the callers).
	if j < len(ts) && ts[j].start == ts[j-1].end && ts[j].kind != punct {
		return number{}, i, false
	}
	return n, j, true
}

// decimal returns n times ten to the exp as an xsd:decimal in canonical
// form: no sign for positives, no leading zeros, no trailing fraction
// zeros, and no decimal point for whole numbers.
func (n number) decimal(exp int) string {
	r, ok := new(big.Rat).SetString(n.whole + "." + n.frac + "0")
	if !ok {
		return ""
	}
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil)))
	return canonical(r, len(n.frac))
}

// canonical writes r, which has at most prec fraction digits, as an
// xsd:decimal in canonical form.
func canonical(r *big.Rat, prec int) string {
	if r.IsInt() {
		return r.Num().String()
	}
	s := strings.TrimRight(r.FloatString(prec), "0")
	return strings.TrimSuffix(s, ".")
}

// year reads a four-digit year from 1900 to 2099.
func year(t token) (int, bool) {
	if t.kind != digits || len(t.low) != 4 {
		return 0, false
	}
	y, _ := strconv.Atoi(t.low)
	return y, y >= 1900 && y <= 2099
}
