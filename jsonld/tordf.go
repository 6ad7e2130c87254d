package jsonld

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"kg/iri"
	"kg/term"
)

const (
	rdfJSON      = term.RDFNS + "JSON"
	rdfValue     = term.RDFNS + "value"
	rdfLanguage  = term.RDFNS + "language"
	rdfDirection = term.RDFNS + "direction"
	i18nNS       = "https://www.w3.org/ns/i18n#"
)

// toRDF is the Deserialize JSON-LD to RDF algorithm (section 8.1.2) over
// a node map. Quads that repeat within one subject are emitted once.
func (p *processor) toRDF(nm *nodeMap, emit func(term.Quad) error) error {
	type po struct{ p, o term.Term }
	seen := map[po]bool{}
	var extra []term.Quad
	for _, gname := range nm.order {
		var g term.Term
		if gname != "@default" {
			if !wellFormedNode(gname) {
				continue
			}
			g = p.nodeTerm(gname)
		}
		graph := nm.graphs[gname]
		for _, sid := range graph.order {
			if !wellFormedNode(sid) {
				continue
			}
			n := graph.nodes[sid]
			s := p.nodeTerm(sid)
			clear(seen)
			out := func(pr, o term.Term) error {
				k := po{pr, o}
				if seen[k] {
					return nil
				}
				seen[k] = true
				return emit(term.Quad{S: s, P: pr, O: o, G: g})
			}
			for _, t := range n.types {
				if wellFormedNode(t) {
					if err := out(term.IRI(term.RDFType), p.nodeTerm(t)); err != nil {
						return err
					}
				}
			}
			for _, prop := range n.order {
				if isBlank(prop) {
					if !p.opt.ProduceGeneralizedRDF {
						continue
					}
				} else if !wellFormedIRI(prop) {
					continue
				}
				pt := p.nodeTerm(prop)
				for _, item := range n.props[prop] {
					extra = extra[:0]
					o, ok := p.objectToRDF(nm, item, &extra)
					if ok {
						if err := out(pt, o); err != nil {
							return err
						}
					}
					for _, q := range extra {
						q.G = g
						if err := emit(q); err != nil {
							return err
						}
					}
				}
			}
		}
	}
	return nil
}

func (p *processor) nodeTerm(id string) term.Term {
	if isBlank(id) {
		return term.Blank(p.opt.BlankPrefix + id[2:])
	}
	return term.IRI(id)
}

// objectToRDF is the Object to RDF Conversion algorithm (section 8.1.4);
// triples it needs beside the object (lists, compound literals) go to
// extra. ok is false when the item denotes no RDF term.
func (p *processor) objectToRDF(nm *nodeMap, item any, extra *[]term.Quad) (term.Term, bool) {
	switch v := item.(type) {
	case ref:
		if !wellFormedNode(string(v)) {
			return term.Term{}, false
		}
		return p.nodeTerm(string(v)), true
	case *listObj:
		return p.listToRDF(nm, v.items, extra), true
	case map[string]any:
		return p.valueToRDF(nm, v, extra)
	}
	return term.Term{}, false
}

// listToRDF is the List to RDF Conversion algorithm (section 8.1.5).
func (p *processor) listToRDF(nm *nodeMap, items []any, extra *[]term.Quad) term.Term {
	if len(items) == 0 {
		return term.IRI(term.RDFNil)
	}
	nodes := make([]term.Term, len(items))
	for i := range items {
		nodes[i] = p.nodeTerm(nm.blank(""))
	}
	first, rest := term.IRI(term.RDFFirst), term.IRI(term.RDFRest)
	for i, it := range items {
		var embedded []term.Quad
		if o, ok := p.objectToRDF(nm, it, &embedded); ok {
			*extra = append(*extra, term.Quad{S: nodes[i], P: first, O: o})
		}
		next := term.IRI(term.RDFNil)
		if i+1 < len(nodes) {
			next = nodes[i+1]
		}
		*extra = append(*extra, term.Quad{S: nodes[i], P: rest, O: next})
		*extra = append(*extra, embedded...)
	}
	return nodes[0]
}

func (p *processor) valueToRDF(nm *nodeMap, v map[string]any, extra *[]term.Quad) (term.Term, bool) {
	value := v["@value"]
	dt, _ := v["@type"].(string)
	if dt != "" && dt != "@json" && !wellFormedIRI(dt) {
		return term.Term{}, false
	}
	lang, hasLang := v["@language"].(string)
	if hasLang && !term.IsLangTag(lang) {
		return term.Term{}, false
	}
	var lex string
	if dt == "@json" {
		lex, dt = Canonical(value), rdfJSON
	} else {
		switch x := value.(type) {
		case bool:
			lex = strconv.FormatBool(x)
			if dt == "" {
				dt = term.XSDBoolean
			}
		case string:
			lex = x
			if dt == "" {
				if hasLang {
					dt = term.RDFLangString
				} else {
					dt = term.XSDString
				}
			}
		default:
			f, ok := toFloat(value)
			if !ok {
				return term.Term{}, false
			}
			if f != math.Trunc(f) || math.Abs(f) >= 1e21 || dt == term.XSDDouble {
				lex = CanonicalDouble(f)
				if dt == "" {
					dt = term.XSDDouble
				}
			} else {
				lex = canonicalInteger(value, f)
				if dt == "" {
					dt = term.XSDInteger
				}
			}
		}
	}
	if dir, ok := v["@direction"].(string); ok && p.opt.RDFDirection != "" {
		lang = strings.ToLower(lang)
		switch p.opt.RDFDirection {
		case "i18n-datatype":
			return term.Literal(lex, i18nNS+lang+"_"+dir), true
		case "compound-literal":
			b := p.nodeTerm(nm.blank(""))
			*extra = append(*extra, term.Quad{S: b, P: term.IRI(rdfValue), O: term.String(lex)})
			if hasLang {
				*extra = append(*extra, term.Quad{S: b, P: term.IRI(rdfLanguage), O: term.String(lang)})
			}
			*extra = append(*extra, term.Quad{S: b, P: term.IRI(rdfDirection), O: term.String(dir)})
			return b, true
		}
	}
	if dt == term.RDFLangString && hasLang {
		return term.LangString(lex, lang), true
	}
	return term.Literal(lex, dt), true
}

// canonicalInteger writes an integral JSON number as an xsd:integer. A
// number written with digits only keeps them (so integers beyond 2^53 stay
// exact); other forms (1.0, 1e3) are printed from their value.
func canonicalInteger(v any, f float64) string {
	if n, ok := v.(json.Number); ok {
		s := string(n)
		digits := strings.TrimPrefix(s, "-")
		if digits != "" && strings.Trim(digits, "0123456789") == "" {
			digits = strings.TrimLeft(digits, "0")
			if digits == "" {
				return "0"
			}
			if s[0] == '-' {
				return "-" + digits
			}
			return digits
		}
	}
	if f == 0 {
		return "0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// CanonicalDouble returns the canonical lexical form JSON-LD uses for
// xsd:double: one digit before the point, at least one after it, no
// trailing zeros, and an exponent without "+" or leading zeros
// (1.1E0, 1.0E-1, -2.5E21).
func CanonicalDouble(f float64) string {
	s := strconv.FormatFloat(f, 'E', 15, 64) // d.dddddddddddddddE±dd
	mant, exp, _ := strings.Cut(s, "E")
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		mant = strings.TrimRight(mant, "0")
		if strings.HasSuffix(mant, ".") {
			mant += "0"
		}
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

func wellFormedNode(s string) bool {
	if isBlank(s) {
		return len(s) > 2
	}
	return wellFormedIRI(s)
}

// wellFormedIRI reports whether s is an absolute IRI by RFC 3987: toRdf
// drops what is not.
func wellFormedIRI(s string) bool { return iri.Check(s) == nil }
