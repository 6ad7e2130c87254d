package eval

import (
	"errors"
	"fmt"
	"unsafe"

	"kg/sparql/expr"
	"kg/term"
)

// Limits of one evaluation (see Options). The deadline is the context's.
var (
	// ErrMemory is wrapped by the error of a query whose evaluation needs
	// more memory than Options.MaxMemory.
	ErrMemory = errors.New("query needs more memory than its limit")
	// ErrTermSize is wrapped by the error of a query that computes a term
	// (a string or a number) larger than Options.MaxTermSize.
	ErrTermSize = errors.New("query computes a term larger than its limit")
)

// DefaultMaxTermSize bounds computed terms when Options.MaxTermSize is zero.
const DefaultMaxTermSize = 16 << 20

// Sizes the memory estimate counts with.
const (
	termBytes  = int64(unsafe.Sizeof(term.Term{}))
	sliceBytes = int64(unsafe.Sizeof([]term.Term(nil)))
	// mapEntry is the overhead of one entry of a map keyed by string,
	// the map's growth included.
	mapEntry = 64
	// tripleBytes is a constructed triple: in the result and in the set
	// of triples seen.
	tripleBytes = 2*int64(unsafe.Sizeof(term.Triple{})) + mapEntry
)

// checkEvery is the work, in ticks, between two looks at the context.
const checkEvery = 1024

// work counts n units of work (a solution, or a kilobyte of a computed
// term) and checks for cancellation every checkEvery units; it returns
// false once the query must stop.
func (ev *evaluator) work(n int) bool {
	ev.ticks -= n
	if ev.ticks <= 0 {
		ev.ticks = checkEvery
		if err := ev.ctx.Err(); err != nil {
			ev.fail(err)
		}
	}
	return ev.err == nil
}

// tick counts one unit of work; see work.
func (ev *evaluator) tick() bool { return ev.work(1) }

// alloc adds n bytes to the estimate of the memory the evaluation holds
// and stops it when the estimate passes the limit; it returns false once
// the query must stop.
func (ev *evaluator) alloc(n int64) bool {
	ev.mem += n
	if ev.maxMem > 0 && ev.mem > ev.maxMem {
		ev.fail(fmt.Errorf("%w of %d bytes", ErrMemory, ev.maxMem))
	}
	return ev.err == nil
}

// free takes n bytes off the estimate, when what alloc counted is dropped.
func (ev *evaluator) free(n int64) { ev.mem -= n }

// solutionBytes estimates the memory of a copy of s: the slots, and the
// strings of computed values, which no dataset shares.
func (ev *evaluator) solutionBytes(s solution) int64 {
	n := sliceBytes + int64(len(s))*termBytes
	for _, i := range ev.comp.computed {
		if i < len(s) {
			n += int64(len(s[i].Value))
		}
	}
	return n
}

// computed checks the result of a function or operator: a term larger
// than the limit, or a function's refusal to build one, stops the query;
// large terms count as work in proportion to their size.
func (ev *evaluator) computed(t term.Term, err error) (term.Term, error) {
	if err != nil {
		if errors.Is(err, expr.ErrTooLarge) {
			ev.fail(fmt.Errorf("%w of %d bytes: %w", ErrTermSize, ev.maxTerm, err))
		}
		return term.Term{}, err
	}
	n := len(t.Value)
	if n > ev.maxTerm {
		err := fmt.Errorf("%w of %d bytes (%d bytes computed)", ErrTermSize, ev.maxTerm, n)
		ev.fail(err)
		return term.Term{}, err
	}
	if n >= 1024 {
		ev.work(n >> 10)
	}
	return t, nil
}
