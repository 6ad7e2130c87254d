package expr

import (
	"math"
	"math/big"
	"strings"

	"kg/term"
)

// OrderCompare orders terms for ORDER BY (15.1): unbound, then blank
// nodes, then IRIs, then literals. Literals that "<" can compare are in
// that order: numerics by value (NaN first), booleans, dateTimes, dates
// and times by instant, strings by code point. Literals of different
// kinds are grouped (numerics, booleans, dateTimes, dates, times, strings
// and language-tagged strings, then everything else by datatype IRI), and
// ties are broken by datatype, lexical form and language, so the result is
// a total order that sorts deterministically.
func OrderCompare(a, b term.Term) int {
	if a.Kind != b.Kind {
		return orderRank(a.Kind) - orderRank(b.Kind)
	}
	switch a.Kind {
	case term.KindNone:
		return 0
	case term.KindBlank, term.KindIRI:
		return strings.Compare(a.Value, b.Value)
	}
	x, xNum := parseNumber(a)
	y, yNum := parseNumber(b)
	var ca, cb group
	if !xNum {
		ca = literalGroup(a)
	}
	if !yNum {
		cb = literalGroup(b)
	}
	if ca != cb {
		return int(ca) - int(cb)
	}
	c := 0
	switch ca {
	case gNumeric:
		c = exactCmp(x, y)
	case gBoolean:
		x, _ := parseBool(a.Value)
		y, _ := parseBool(b.Value)
		c = boolCmp(x, y)
	case gDateTime, gDate, gTime:
		k := kindOfDT(datatypeOf(a))
		x, _ := parseDateTime(a.Value, k)
		y, _ := parseDateTime(b.Value, k)
		c = cmpDateTime(x, y)
	case gString:
		if c = strings.Compare(a.Value, b.Value); c == 0 {
			// A simple literal sorts before a language-tagged string
			// with the same lexical form.
			c = strings.Compare(strings.ToLower(a.Lang), strings.ToLower(b.Lang))
		}
		return c
	case gOther:
		c = strings.Compare(datatypeOf(a), datatypeOf(b))
	}
	if c != 0 {
		return c
	}
	if c = strings.Compare(datatypeOf(a), datatypeOf(b)); c != 0 {
		return c
	}
	if c = strings.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	return strings.Compare(strings.ToLower(a.Lang), strings.ToLower(b.Lang))
}

func orderRank(k term.Kind) int {
	switch k {
	case term.KindBlank:
		return 1
	case term.KindIRI:
		return 2
	case term.KindLiteral:
		return 3
	}
	return 0
}

type group uint8

// Literal groups in ORDER BY order; valid numerics are gNumeric (zero).
const (
	gNumeric group = iota
	gBoolean
	gDateTime
	gDate
	gTime
	gString
	gOther
)

func literalGroup(t term.Term) group {
	switch classify(t) {
	case cBoolean:
		return gBoolean
	case cDateTime:
		return gDateTime
	case cDate:
		return gDate
	case cTime:
		return gTime
	case cString, cLang:
		return gString
	}
	return gOther
}

// exactCmp compares numbers by their exact mathematical values, so that
// the order stays transitive across mixed types (promotion to float can
// make 0.1 equal to two different decimals). NaN sorts first.
func exactCmp(a, b number) int {
	if max(a.t, b.t) <= tDecimal && a.small() && b.small() {
		c, _ := cmpNumbers(a, b) // exact in fixed point
		return c
	}
	if a.t >= tFloat && b.t >= tFloat {
		x, y := a.f, b.f
		switch {
		case math.IsNaN(x) && math.IsNaN(y):
			return 0
		case math.IsNaN(x):
			return -1
		case math.IsNaN(y):
			return 1
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	if r, ok := specialRank(a); ok {
		s, _ := specialRank(b)
		return r - s
	}
	if s, ok := specialRank(b); ok {
		return 0 - s
	}
	return exactRat(a).Cmp(exactRat(b))
}

// specialRank places NaN and the infinities around the finite values;
// ok is false for a finite value.
func specialRank(n number) (int, bool) {
	if n.t < tFloat {
		return 0, false
	}
	switch {
	case math.IsNaN(n.f):
		return -2, true
	case math.IsInf(n.f, -1):
		return -1, true
	case math.IsInf(n.f, 1):
		return 1, true
	}
	return 0, false
}

func exactRat(n number) *big.Rat {
	if n.t < tFloat {
		return n.rat()
	}
	return new(big.Rat).SetFloat64(n.f)
}
