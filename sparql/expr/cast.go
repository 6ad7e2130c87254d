package expr

import (
	"math"
	"math/big"
	"strconv"

	"kg/term"
)

// castTargets lists the datatypes Cast can produce.
var castTargets = map[string]bool{
	term.XSDString: true, term.XSDBoolean: true,
	term.XSDInteger: true, term.XSDDecimal: true, term.XSDFloat: true, term.XSDDouble: true,
	XSDNonPositiveInteger: true, XSDNegativeInteger: true, XSDLong: true, XSDInt: true,
	XSDShort: true, XSDByte: true, XSDNonNegativeInteger: true, XSDUnsignedLong: true,
	XSDUnsignedInt: true, XSDUnsignedShort: true, XSDUnsignedByte: true, XSDPositiveInteger: true,
	term.XSDDateTime: true, term.XSDDate: true, XSDTime: true,
}

// Cast converts t to the XSD datatype IRI target following the XPath
// casting rules as SPARQL 17.5 restricts them: IRIs cast only to
// xsd:string, blank nodes never; strings cast by lexical form (after
// trimming whitespace); numerics and booleans convert by value; dates and
// times cast among themselves and to xsd:string. Ill-typed literals
// cannot be cast. Results are canonical.
func Cast(target string, t term.Term) (term.Term, error) {
	if !castTargets[target] {
		return term.Term{}, typeErr("no cast function <%s>", target)
	}
	fail := func() (term.Term, error) {
		return term.Term{}, typeErr("cannot cast %s to <%s>", t, target)
	}
	switch t.Kind {
	case term.KindIRI:
		if target == term.XSDString {
			return term.String(t.Value), nil
		}
		return fail()
	case term.KindLiteral:
	default:
		return fail()
	}
	switch classify(t) {
	case cString:
		if target == term.XSDString {
			return term.String(t.Value), nil
		}
		return castLexical(target, xmlWhitespace(t.Value), fail)
	case cLang:
		if target == term.XSDString {
			return term.String(t.Value), nil
		}
	case cNumeric:
		n, _ := parseNumber(t)
		return castNumber(target, n, fail)
	case cBoolean:
		v, _ := parseBool(t.Value)
		switch target {
		case term.XSDString:
			return term.String(Bool(v).Value), nil
		case term.XSDBoolean:
			return Bool(v), nil
		}
		n := number{t: tInteger}
		if v {
			n.i = 1
		}
		return castNumber(target, n, fail)
	case cDateTime, cDate, cTime:
		d, _ := parseDateTime(t.Value, kindOfDT(t.Datatype))
		return castDate(target, d, fail)
	case cOther:
		// A datatype without a known value space casts to xsd:string by
		// its lexical form, like any XPath atomic value.
		if target == term.XSDString {
			return term.String(t.Value), nil
		}
	}
	return fail()
}

// castLexical casts a (whitespace-trimmed) string to a non-string type.
func castLexical(target, s string, fail func() (term.Term, error)) (term.Term, error) {
	switch target {
	case term.XSDBoolean:
		v, ok := parseBool(s)
		if !ok {
			return fail()
		}
		return Bool(v), nil
	case term.XSDDateTime, term.XSDDate, XSDTime:
		d, ok := parseDateTime(s, kindOfDT(target))
		if !ok {
			return fail()
		}
		return term.Literal(d.format(false), target), nil
	case term.XSDDecimal:
		n, ok := parseDecimalLex(s)
		if !ok {
			return fail()
		}
		return n.term(), nil
	case term.XSDDouble, term.XSDFloat:
		bits := 64
		if target == term.XSDFloat {
			bits = 32
		}
		n, ok := parseFloatLex(s, bits)
		if !ok {
			return fail()
		}
		return n.term(), nil
	}
	// xsd:integer and the derived integer types
	n, ok := parseIntegerLex(s)
	if !ok {
		return fail()
	}
	return integerResult(target, n, fail)
}

func integerResult(target string, n number, fail func() (term.Term, error)) (term.Term, error) {
	_, rng, _ := numInfo(target)
	if !inRange(n, rng) {
		return fail()
	}
	return term.Literal(n.lexical(), target), nil
}

// castNumber casts a numeric value (booleans arrive as 0 or 1).
func castNumber(target string, n number, fail func() (term.Term, error)) (term.Term, error) {
	switch target {
	case term.XSDString:
		return term.String(numberString(n)), nil
	case term.XSDBoolean:
		return Bool(!n.isZero() && !n.isNaN()), nil
	case term.XSDDouble:
		if n.t < tFloat {
			f, _ := n.rat().Float64()
			return number{t: tDouble, f: f}.term(), nil
		}
		return number{t: tDouble, f: n.f}.term(), nil
	case term.XSDFloat:
		if n.t < tFloat {
			f, _ := n.rat().Float32()
			return number{t: tFloat, f: float64(f)}.term(), nil
		}
		return number{t: tFloat, f: float64(float32(n.f))}.term(), nil
	case term.XSDDecimal:
		if n.t < tFloat {
			return n.to(tDecimal).term(), nil
		}
		r, ok := floatToDecimal(n)
		if !ok {
			return fail()
		}
		return number{t: tDecimal, r: r}.term(), nil
	case term.XSDDateTime, term.XSDDate, XSDTime:
		return fail()
	}
	// integer targets truncate towards zero
	var i *big.Int
	switch n.t {
	case tInteger:
		return integerResult(target, n, fail)
	case tDecimal:
		r := n.rat()
		i = new(big.Int).Quo(r.Num(), r.Denom())
	default:
		if math.IsNaN(n.f) || math.IsInf(n.f, 0) {
			return fail()
		}
		i, _ = big.NewFloat(math.Trunc(n.f)).Int(nil)
	}
	return integerResult(target, intNumber(i), fail)
}

// floatToDecimal converts a float or double to the shortest decimal that
// reads back as the same binary value; NaN and infinities have none.
func floatToDecimal(n number) (*big.Rat, bool) {
	if math.IsNaN(n.f) || math.IsInf(n.f, 0) {
		return nil, false
	}
	bits := 64
	if n.t == tFloat {
		bits = 32
	}
	d, ok := parseDecimalLex(strconv.FormatFloat(n.f, 'f', -1, bits))
	if !ok {
		return nil, false
	}
	return d.rat(), true
}

// numberString is the XPath cast of a numeric value to xsd:string:
// integers and decimals in canonical form (which has no ".0"), floats and
// doubles of magnitude in [1e-6, 1e6) as decimals, others in canonical
// form.
func numberString(n number) string {
	switch n.t {
	case tInteger, tDecimal:
		return n.lexical()
	}
	bits := 64
	if n.t == tFloat {
		bits = 32
	}
	a := math.Abs(n.f)
	switch {
	case math.IsNaN(n.f), math.IsInf(n.f, 0):
		return formatFloat(n.f, bits)
	case n.f == 0:
		if math.Signbit(n.f) {
			return "-0"
		}
		return "0"
	case a >= 1e-6 && a < 1e6:
		r, _ := floatToDecimal(n)
		return formatDecimal(r)
	}
	return formatFloat(n.f, bits)
}

func castDate(target string, d dateTime, fail func() (term.Term, error)) (term.Term, error) {
	switch target {
	case term.XSDString:
		return term.String(d.format(false)), nil
	case term.XSDDateTime:
		if d.kind == kTime {
			return fail()
		}
		d.kind = kDateTime // a date becomes midnight of that day
	case term.XSDDate:
		if d.kind == kTime {
			return fail()
		}
		d.kind = kDate
		d.hour, d.minute, d.second, d.frac = 0, 0, 0, ""
	case XSDTime:
		if d.kind == kDate {
			return fail()
		}
		d.kind = kTime
	default:
		return fail()
	}
	return term.Literal(d.format(false), target), nil
}
