package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"kg/term"
)

// ErrInvalid is returned, wrapped, when quads to be stored are not
// well-formed RDF: nothing of them is stored.
var ErrInvalid = errors.New("invalid RDF")

// checkQuads refuses quads that are not well-formed RDF (term.Quad.Check:
// IRIs by RFC 3987, language tags of BCP 47's shape, terms in the places
// RDF allows them). Every backend checks before it writes, so that no
// store ever holds what its own reader or an exporter would reject, even
// when a caller forgot to check.
func checkQuads(quads []term.Quad) error {
	var c term.Checker
	for _, q := range quads {
		if err := c.Quad(q); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrInvalid, shortQuad(q), err)
		}
	}
	return nil
}

// shortQuad prints q for an error message, cut to a line's length.
func shortQuad(q term.Quad) string {
	s := q.String()
	if len(s) <= 300 {
		return s
	}
	i := 300
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// verifyGraph reads every quad of g back and checks that g holds exactly
// the quads of want (in any order, duplicates aside).
func verifyGraph(ctx context.Context, g *cayleyGraph, want []term.Quad) error {
	sorted := slices.Clone(want)
	slices.SortFunc(sorted, term.CompareQuads)
	sorted = slices.Compact(sorted)
	var got []term.Quad
	if err := g.Match(ctx, Pattern{}, func(q term.Quad) bool { got = append(got, q); return true }); err != nil {
		return err
	}
	slices.SortFunc(got, term.CompareQuads)
	if len(got) != len(sorted) {
		return fmt.Errorf("%w: %d quads read back, %d written", ErrCorrupt, len(got), len(sorted))
	}
	for i := range got {
		if got[i] != sorted[i] {
			return fmt.Errorf("%w: %s reads back as %s", ErrCorrupt, shortQuad(sorted[i]), shortQuad(got[i]))
		}
	}
	return nil
}
