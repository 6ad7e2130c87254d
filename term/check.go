package term

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"kg/internal/grammar"
	"kg/iri"
)

// ErrInvalid is wrapped by every error of Check: the term or quad is not
// well-formed RDF.
var ErrInvalid = errors.New("invalid RDF term")

// Check reports whether t is a well-formed RDF term: an IRI is an absolute
// IRI (RFC 3987), a blank node label is one N-Triples can write, a literal
// is valid UTF-8 with an IRI datatype and, exactly when its datatype is
// rdf:langString, a language tag of BCP 47's shape. What passes Check
// survives a round trip through N-Quads unchanged.
func (t Term) Check() error { return (*Checker)(nil).Term(t) }

// A Checker checks many terms and quads as Check does, remembering the
// IRIs it found valid (predicates, classes, datatypes and graphs repeat;
// sorted quads repeat their subject) so that each is checked once. The
// zero Checker is ready to use; a nil *Checker remembers nothing.
type Checker struct {
	seen  map[string]struct{} // predicates, graphs, datatypes
	lastS Term                // the subject of the last quad
}

// iri checks s; with remember, a valid s is kept for next time (for the
// IRIs that repeat: remembering every subject would cost more than it
// saves).
func (c *Checker) iri(s string, remember bool) error {
	if c != nil && remember {
		if _, ok := c.seen[s]; ok {
			return nil
		}
	}
	if err := checkIRI(s); err != nil {
		return err
	}
	if c != nil && remember && len(c.seen) < 1<<12 {
		if c.seen == nil {
			c.seen = make(map[string]struct{})
		}
		c.seen[s] = struct{}{}
	}
	return nil
}

// Term checks t as Term.Check does.
func (c *Checker) Term(t Term) error { return c.term(t, false) }

func (c *Checker) term(t Term, repeats bool) error {
	switch t.Kind {
	case KindIRI:
		return c.iri(t.Value, repeats)
	case KindBlank:
		if !validBlankLabel(t.Value) {
			return fmt.Errorf("%w: bad blank node label %s", ErrInvalid, short(t.Value))
		}
		return nil
	case KindLiteral:
		if !utf8.ValidString(t.Value) {
			return fmt.Errorf("%w: literal is not valid UTF-8", ErrInvalid)
		}
		if t.Lang != "" || t.Datatype == RDFLangString {
			if t.Datatype != RDFLangString || !IsLangTag(t.Lang) {
				return fmt.Errorf("%w: bad language tag %s", ErrInvalid, short(t.Lang))
			}
			return nil
		}
		return c.iri(t.Datatype, true)
	}
	return fmt.Errorf("%w: empty term", ErrInvalid)
}

func checkIRI(s string) error {
	if err := iri.Check(s); err != nil {
		return fmt.Errorf("%w: bad IRI <%s>: %v", ErrInvalid, short(s), err)
	}
	return nil
}

// Check reports whether q is a well-formed RDF quad: Check holds for each
// term, the subject is an IRI or a blank node, the predicate an IRI, and
// the graph, when not the default graph, an IRI or a blank node.
func (q Quad) Check() error { return (*Checker)(nil).Quad(q) }

// Quad checks q as Quad.Check does.
func (c *Checker) Quad(q Quad) error {
	if !q.S.IsIRI() && !q.S.IsBlank() {
		return fmt.Errorf("%w: subject %s is not an IRI or a blank node", ErrInvalid, short(q.S.String()))
	}
	if !q.P.IsIRI() {
		return fmt.Errorf("%w: predicate %s is not an IRI", ErrInvalid, short(q.P.String()))
	}
	if !q.G.IsZero() && !q.G.IsIRI() && !q.G.IsBlank() {
		return fmt.Errorf("%w: graph name %s is not an IRI or a blank node", ErrInvalid, short(q.G.String()))
	}
	if c == nil || q.S != c.lastS {
		if err := c.Term(q.S); err != nil {
			return err
		}
		if c != nil {
			c.lastS = q.S
		}
	}
	if err := c.term(q.P, true); err != nil {
		return err
	}
	if err := c.Term(q.O); err != nil {
		return err
	}
	if q.G.IsZero() {
		return nil
	}
	return c.term(q.G, true)
}

// validBlankLabel is N-Triples' BLANK_NODE_LABEL without "_:".
func validBlankLabel(s string) bool {
	if s == "" || s[len(s)-1] == '.' || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		switch {
		case i == 0:
			if !grammar.IsPNCharsU(r) && !(r >= '0' && r <= '9') {
				return false
			}
		case !grammar.IsPNChars(r) && r != '.':
			return false
		}
	}
	return true
}

// short cuts a value for an error message.
func short(s string) string {
	if len(s) <= 200 {
		return s
	}
	i := 200
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
