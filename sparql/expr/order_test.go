package expr

import (
	"sort"
	"testing"
)

// orderedTerms is in ORDER BY order, each strictly before the next.
var orderedTerms = []string{
	`UNBOUND`,
	`_:a`,
	`_:b`,
	`<http://ex/a>`,
	`<http://ex/b>`,
	`"NaN"^^xsd:double`,
	`"-INF"^^xsd:double`,
	`-99999999999999999999`,
	`-1`,
	`"-0.5"^^xsd:float`,
	`0.0`,
	`"0E0"^^xsd:double`,
	`0`,
	`0.1`,
	`"0.1"^^xsd:float`, // float32(0.1) is a little above 0.1
	`1e0`,
	`"1"^^xsd:int`,
	`"01"^^xsd:integer`,
	`1`,
	`1.5`,
	`2`,
	`9223372036854775807`,
	`9223372036854775808`,
	`"INF"^^xsd:float`,
	`"0"^^xsd:boolean`, // ties break on the lexical form
	`false`,
	`true`,
	`"2010-06-21T11:28:01+02:00"^^xsd:dateTime`,
	`"2010-06-21T11:28:01Z"^^xsd:dateTime`,
	`"2010-06-21T11:28:01.5Z"^^xsd:dateTime`,
	`"2010-06-21"^^xsd:date`,
	`"2010-06-22"^^xsd:date`,
	`"08:00:00"^^xsd:time`,
	`""`,
	`"A"`,
	`"B"`,
	`"a"`,
	`"a"@en`,
	`"a"@fr`,
	`"ab"`,
	`"b"@en`,
	`"z"`,
	`"ä"`,
	`"å"`,
	`"ö"`,
	`"x"^^<http://ex/t>`,
	`"y"^^<http://ex/t>`,
	`"P1D"^^xsd:duration`,
	`"abc"^^xsd:integer`,
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func TestOrderCompare(t *testing.T) {
	ts := terms(orderedTerms...)
	for i := range ts {
		for j := range ts {
			if got := sign(OrderCompare(ts[i], ts[j])); got != sign(i-j) {
				t.Errorf("OrderCompare(%s, %s) = %d, want %d", orderedTerms[i], orderedTerms[j], got, sign(i-j))
			}
		}
	}
	// Sorting a reversed copy restores the order.
	rev := make([]int, len(ts))
	for i := range rev {
		rev[i] = len(ts) - 1 - i
	}
	sort.SliceStable(rev, func(a, b int) bool { return OrderCompare(ts[rev[a]], ts[rev[b]]) < 0 })
	for i, k := range rev {
		if k != i {
			t.Fatalf("sorted position %d holds %s", i, orderedTerms[k])
		}
	}
}

// TestOrderAgreesWithLess checks that where "<" is defined and not NaN,
// ORDER BY agrees with it.
func TestOrderAgreesWithLess(t *testing.T) {
	ts := terms(orderedTerms...)
	for i := range ts {
		for j := range ts {
			r, err := Operator("<", ts[i], ts[j])
			if err != nil {
				continue
			}
			eq, _ := Equal(ts[i], ts[j])
			if eq {
				continue
			}
			less := r == Bool(true)
			if ord := OrderCompare(ts[i], ts[j]) < 0; less && !ord {
				t.Errorf("%s < %s but ORDER BY puts it after", orderedTerms[i], orderedTerms[j])
			}
		}
	}
}
