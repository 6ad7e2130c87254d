package expr

import (
	"errors"
	"strings"
	"testing"

	"kg/term"
)

// TestMaxLen: CONCAT and REPLACE refuse to build a string longer than
// Context.MaxLen, with an error that is both a type error and
// ErrTooLarge; strings within the bound are built as before.
func TestMaxLen(t *testing.T) {
	ctx := &Context{MaxLen: 100}
	x := term.String(strings.Repeat("a", 60))
	if _, err := Call(ctx, "CONCAT", []term.Term{x, x}); !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrType) {
		t.Errorf("CONCAT over the bound: err = %v, want ErrTooLarge and ErrType", err)
	}
	if got, err := Call(ctx, "CONCAT", []term.Term{x, term.String("b")}); err != nil || len(got.Value) != 61 {
		t.Errorf("CONCAT within the bound = %v, %v", got, err)
	}
	if _, err := Call(ctx, "REPLACE", []term.Term{x, term.String("a"), term.String("bb")}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("REPLACE over the bound: err = %v, want ErrTooLarge", err)
	}
	if got, err := Call(ctx, "REPLACE", []term.Term{x, term.String("a"), term.String("b")}); err != nil || got.Value != strings.Repeat("b", 60) {
		t.Errorf("REPLACE within the bound = %v, %v", got, err)
	}
	if got, err := Call(nil, "CONCAT", []term.Term{x, x}); err != nil || len(got.Value) != 120 {
		t.Errorf("CONCAT without a bound = %v, %v", got, err)
	}
}

// TestMaxDigits: squaring an integer again and again ends in an overflow
// error once the result would pass MaxDigits digits, and is exact until
// then; so do decimals.
func TestMaxDigits(t *testing.T) {
	for _, start := range []term.Term{tt("3"), tt("3.5")} {
		x := start
		var err error
		steps := 0
		for ; steps < 40; steps++ {
			var y term.Term
			if y, err = Operator("*", x, x); err != nil {
				break
			}
			x = y
		}
		if err == nil || !errors.Is(err, ErrType) {
			t.Fatalf("%v squared 40 times: err = %v, want an overflow error", start, err)
		}
		if len(x.Value) > MaxDigits+2 {
			t.Errorf("%v: the last result has %d characters, over MaxDigits", start, len(x.Value))
		}
	}
	if got, err := Operator("*", tt("99999999999999999999"), tt("99999999999999999999")); err != nil || got.Value != "9999999999999999999800000000000000000001" {
		t.Errorf("big product = %v, %v", got, err)
	}
	long := term.Literal(strings.Repeat("7", MaxDigits+1), term.XSDInteger)
	if _, err := Operator("+", long, tt("1")); err == nil {
		t.Error("an integer literal with more than MaxDigits digits is added")
	}
}
