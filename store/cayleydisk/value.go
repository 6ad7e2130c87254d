package cayleydisk

import (
	"github.com/cayleygraph/quad"

	"kg/term"
)

// Value converts a term to Cayley's value type, as kg's other Cayley
// backends (memory, Bolt, PostgreSQL) store it, through this same
// function: a plain literal or one typed xsd:string is a
// quad.String, a language-tagged one a quad.LangString, any other typed
// literal a quad.TypedString (its lexical form kept as written). The zero
// Term is nil.
func Value(t term.Term) quad.Value {
	switch t.Kind {
	case term.KindIRI:
		return quad.IRI(t.Value)
	case term.KindBlank:
		return quad.BNode(t.Value)
	case term.KindLiteral:
		switch {
		case t.Lang != "":
			return quad.LangString{Value: quad.String(t.Value), Lang: t.Lang}
		case t.Datatype == "" || t.Datatype == term.XSDString:
			return quad.String(t.Value)
		default:
			return quad.TypedString{Value: quad.String(t.Value), Type: quad.IRI(t.Datatype)}
		}
	}
	return nil
}

// Term converts a Cayley value back to a term; ok is false for nil and
// for values that have no RDF form. Native Go values (quad.Int, quad.Bool,
// quad.Time, …) become their XSD literals, and a datatype written with a
// prefix Cayley knows (xsd:integer) is expanded.
func Term(v quad.Value) (t term.Term, ok bool) {
	switch v := v.(type) {
	case quad.IRI:
		return term.IRI(string(v)), true
	case quad.BNode:
		return term.Blank(string(v)), true
	case quad.String:
		return term.String(string(v)), true
	case quad.LangString:
		return term.LangString(string(v.Value), v.Lang), true
	case quad.TypedString:
		return term.Literal(string(v.Value), string(v.Type.Full())), true
	case quad.TypedStringer:
		ts := v.TypedString()
		return term.Literal(string(ts.Value), string(ts.Type.Full())), true
	}
	return term.Term{}, false
}
