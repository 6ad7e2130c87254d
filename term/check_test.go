package term

import (
	"errors"
	"testing"
)

func TestCheck(t *testing.T) {
	s, p := IRI("http://ex.org/s"), IRI("http://ex.org/p")
	good := []Quad{
		{S: s, P: p, O: String("x")},
		{S: Blank("b1"), P: p, O: LangString("x", "sv-SE"), G: IRI("http://ex.org/g")},
		{S: s, P: p, O: Literal("01", XSDInteger), G: Blank("g.1")},
		{S: s, P: p, O: IRI("http://ex.org/Malmö")},
		{S: Blank("x\uFFFDy"), P: p, O: s},
	}
	for _, q := range good {
		if err := q.Check(); err != nil {
			t.Errorf("%v: %v", q, err)
		}
	}
	bad := []Quad{
		{S: IRI("http://ex.org/a b"), P: p, O: s},
		{S: s, P: IRI("not an iri"), O: s},
		{S: s, P: p, O: s, G: IRI("{x}")},
		{S: s, P: p, O: s, G: String("g")},
		{S: String("s"), P: p, O: s},
		{S: s, P: Blank("p"), O: s},
		{S: s, P: p},
		{S: s, P: p, O: LangString("x", "en us")},
		{S: s, P: p, O: LangString("x", "")},
		{S: s, P: p, O: Term{Kind: KindLiteral, Value: "x", Datatype: XSDString, Lang: "en"}},
		{S: s, P: p, O: Literal("x", "http://ex.org/a b")},
		{S: s, P: p, O: String("\xff")},
		{S: Blank("a."), P: p, O: s},
		{S: Blank("a b"), P: p, O: s},
		{S: Blank(""), P: p, O: s},
		{S: Blank("a\xffb"), P: p, O: s},
	}
	for _, q := range bad {
		if err := q.Check(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%#v: got %v, want ErrInvalid", q, err)
		}
	}
}
