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
func (t Term) Check() error {
	switch t.Kind {
	case KindIRI:
		return checkIRI(t.Value)
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
		return checkIRI(t.Datatype)
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
func (q Quad) Check() error {
	if !q.S.IsIRI() && !q.S.IsBlank() {
		return fmt.Errorf("%w: subject %s is not an IRI or a blank node", ErrInvalid, short(q.S.String()))
	}
	if !q.P.IsIRI() {
		return fmt.Errorf("%w: predicate %s is not an IRI", ErrInvalid, short(q.P.String()))
	}
	if !q.G.IsZero() && !q.G.IsIRI() && !q.G.IsBlank() {
		return fmt.Errorf("%w: graph name %s is not an IRI or a blank node", ErrInvalid, short(q.G.String()))
	}
	for _, t := range [...]Term{q.S, q.P, q.O} {
		if err := t.Check(); err != nil {
			return err
		}
	}
	if q.G.IsZero() {
		return nil
	}
	return q.G.Check()
}

// validBlankLabel is N-Triples' BLANK_NODE_LABEL without "_:".
func validBlankLabel(s string) bool {
	if s == "" || s[len(s)-1] == '.' {
		return false
	}
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			return false
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
