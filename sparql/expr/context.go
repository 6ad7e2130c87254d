package expr

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"time"

	"kg/term"
)

// ErrType is the SPARQL "type error". Every error this package returns is
// ErrType or wraps it, so callers can test with errors.Is.
var ErrType = errors.New("type error")

// ErrTooLarge is wrapped, beside ErrType, by the error of a function whose
// string result would exceed Context.MaxLen. Evaluators treat it as a
// resource limit of the query rather than as an expression error.
var ErrTooLarge = errors.New("computed term too large")

// tooLarge is the error of a function whose result would be n bytes.
func tooLarge(fn string, n, limit int) error {
	return fmt.Errorf("%w: %w: %s would build a string of %d bytes, over the limit of %d", ErrType, ErrTooLarge, fn, n, limit)
}

// typeErr builds an error that wraps ErrType with a reason.
func typeErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrType, fmt.Sprintf(format, args...))
}

// Context carries what the functions need from the running query.
type Context struct {
	// Now is the value of NOW(); it must stay the same for a whole query.
	// The zero time means the current time at each call.
	Now time.Time
	// Base is the base IRI against which IRI()/URI() resolve relative
	// strings.
	Base string
	// BNodes maps the argument of BNODE(str) to a blank node; the caller
	// keeps it stable within one solution.
	BNodes func(label string) term.Term
	// NewBlank returns a fresh blank node for BNODE(); nil means a random
	// label.
	NewBlank func() term.Term
	// Rand returns a number in [0, 1) for RAND(); nil means math/rand.
	Rand func() float64
	// MaxLen bounds the bytes of a string that CONCAT or REPLACE builds:
	// longer results are an error wrapping ErrTooLarge, raised before the
	// string is built. Zero means no bound.
	MaxLen int
}

// maxLen returns the bound on built strings, or -1 for none.
func (c *Context) maxLen() int {
	if c == nil || c.MaxLen <= 0 {
		return -1
	}
	return c.MaxLen
}

func (c *Context) now() time.Time {
	if c == nil || c.Now.IsZero() {
		return time.Now()
	}
	return c.Now
}

func (c *Context) rand() float64 {
	if c == nil || c.Rand == nil {
		return mrand.Float64()
	}
	return c.Rand()
}

func (c *Context) newBlank() term.Term {
	if c != nil && c.NewBlank != nil {
		return c.NewBlank()
	}
	var b [12]byte
	_, _ = rand.Read(b[:])
	return term.Blank("r" + hex.EncodeToString(b[:]))
}
