package eval

import (
	"math/big"
	"strings"

	"kg/ingest/doc"
	"kg/ingest/facts"
)

// normaliseFact turns a gold value into the normal form the facts stage
// writes into the graph. It is the facts stage's own function, so that
// both sides agree by construction.
var normaliseFact func(kind doc.FactKind, text string) (value, currency, from, to string, ok bool) = facts.Normalise

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
