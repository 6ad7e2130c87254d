package expr

import (
	"errors"
	"math"
	"sort"
	"testing"

	"kg/term"
)

// fuzzDatatypes are the datatypes fuzz inputs pick from by index.
var fuzzDatatypes = []string{
	term.XSDString, term.RDFLangString, term.XSDInteger, term.XSDDecimal, term.XSDDouble,
	term.XSDFloat, term.XSDBoolean, term.XSDDateTime, term.XSDDate, XSDTime, XSDInt, XSDByte,
	XSDUnsignedLong, XSDNegativeInteger, "http://ex/unknown", "", "", // "" picks IRI / blank
}

func fuzzTerm(lex string, dt uint8) term.Term {
	i := int(dt) % len(fuzzDatatypes)
	switch {
	case fuzzDatatypes[i] == term.RDFLangString:
		return term.LangString(lex, "sv")
	case fuzzDatatypes[i] != "":
		return term.Literal(lex, fuzzDatatypes[i])
	case i == len(fuzzDatatypes)-1:
		return term.Blank("b")
	}
	return term.IRI("http://ex/" + lex)
}

var castTargetList = func() []string {
	var l []string
	for k := range castTargets {
		l = append(l, k)
	}
	sort.Strings(l)
	return l
}()

func FuzzCast(f *testing.F) {
	for _, s := range []string{"1", "-1.5", "1e0", "+33.3300", "true", "0", "NaN", "-INF", "2002-10-10T17:00:00Z",
		"2002-10-10", "12:00:00", " 13 ", "1e400", "0.1", "99999999999999999999", "-0", ".5", "abc", ""} {
		for dt := 0; dt < len(fuzzDatatypes); dt += 3 {
			f.Add(s, uint8(dt), uint8(dt))
		}
	}
	f.Fuzz(func(t *testing.T, lex string, dt, target uint8) {
		in := fuzzTerm(lex, dt)
		to := castTargetList[int(target)%len(castTargetList)]
		out, err := Cast(to, in)
		if err != nil {
			if !errors.Is(err, ErrType) {
				t.Fatalf("Cast(%s, %s): error %v does not wrap ErrType", to, in, err)
			}
			return
		}
		if out.Datatype != to || !Valid(out) {
			t.Fatalf("Cast(%s, %s) = %s: wrong datatype or invalid", to, in, out)
		}
		again, err := Cast(to, out)
		if err != nil || again != out {
			t.Fatalf("Cast(%s, %s) = %s, but casting that again gives %s, %v", to, in, out, again, err)
		}
		// A numeric result survives the trip through xsd:string.
		if IsNumeric(out) {
			s, err := Cast(term.XSDString, out)
			if err != nil {
				t.Fatalf("xsd:string(%s): %v", out, err)
			}
			back, err := Cast(to, s)
			if err != nil {
				t.Fatalf("%s(%s) (from %s): %v", to, s, out, err)
			}
			n, _ := parseNumber(out)
			if eq, _ := Equal(back, out); !eq && !n.isNaN() {
				t.Fatalf("%s -> %s -> %s changes the value", out, s, back)
			}
		}
	})
}

func FuzzCompare(f *testing.F) {
	seeds := []string{"1", "1.0", "1e0", "01", "-0", "NaN", "INF", "a", "", "true", "0", "2002-10-10T17:00:00Z", "2002-10-10T12:00:00-05:00", "2002-10-10"}
	for i, s := range seeds {
		f.Add(s, uint8(i), seeds[(i+1)%len(seeds)], uint8(i+2), seeds[(i+5)%len(seeds)], uint8(i+4))
	}
	f.Fuzz(func(t *testing.T, la string, da uint8, lb string, db uint8, lc string, dc uint8) {
		a, b, c := fuzzTerm(la, da), fuzzTerm(lb, db), fuzzTerm(lc, dc)
		for _, op := range []string{"+", "-", "*", "/", "=", "!=", "<", ">", "<=", ">="} {
			r, err := Operator(op, a, b)
			if err != nil && !errors.Is(err, ErrType) {
				t.Fatalf("%s %s %s: error %v does not wrap ErrType", a, op, b, err)
			}
			if err == nil && !Valid(r) {
				t.Fatalf("%s %s %s = %s is not valid", a, op, b, r)
			}
		}
		for _, op := range []string{"!", "-", "+"} {
			_, _ = Unary(op, a)
		}
		_, _ = EBV(a)
		// "=" is symmetric.
		e1, err1 := Equal(a, b)
		e2, err2 := Equal(b, a)
		if e1 != e2 || (err1 == nil) != (err2 == nil) {
			t.Fatalf("Equal(%s, %s) = %v, %v but reversed %v, %v", a, b, e1, err1, e2, err2)
		}
		// "<" and ">" mirror each other.
		lt, errLt := Operator("<", a, b)
		gt, errGt := Operator(">", b, a)
		if lt != gt || (errLt == nil) != (errGt == nil) {
			t.Fatalf("%s < %s = %s but %s > %s = %s", a, b, lt, b, a, gt)
		}
		// ORDER BY is a total order: antisymmetric, zero only for the
		// same term, transitive.
		ab, ba := OrderCompare(a, b), OrderCompare(b, a)
		if sign(ab) != -sign(ba) {
			t.Fatalf("OrderCompare(%s, %s) = %d but reversed %d", a, b, ab, ba)
		}
		if (ab == 0) != sameTerm(a, b) {
			t.Fatalf("OrderCompare(%s, %s) = 0 for different terms (or not 0 for the same)", a, b)
		}
		if ab <= 0 && OrderCompare(b, c) <= 0 && OrderCompare(a, c) > 0 {
			t.Fatalf("OrderCompare is not transitive on %s, %s, %s", a, b, c)
		}
		if ab < 0 && OrderCompare(b, c) < 0 && OrderCompare(a, c) >= 0 {
			t.Fatalf("OrderCompare is not transitive on %s, %s, %s", a, b, c)
		}
	})
}

func FuzzRegex(f *testing.F) {
	for _, p := range []string{`a.b`, `[a-z-[aeiou]]`, `\p{Lu}+`, `(a)|(b)`, `\i\c*`, `[\w\d]`, `a{2,3}`, `(?:x)`, `[^\s]`, `\`} {
		f.Add(p, "imsx", "abc AÅÄÖ 123", "$1-\\$")
	}
	f.Fuzz(func(t *testing.T, pattern, flags, input, repl string) {
		re, err := CompileRegex(pattern, flags)
		if err != nil {
			if !errors.Is(err, ErrType) {
				t.Fatalf("CompileRegex(%q, %q): %v does not wrap ErrType", pattern, flags, err)
			}
			return
		}
		re.MatchString(input)
		if _, err := Replace(input, pattern, repl, flags); err != nil && !errors.Is(err, ErrType) {
			t.Fatalf("Replace: %v does not wrap ErrType", err)
		}
	})
}

func FuzzStrings(f *testing.F) {
	f.Add("räksmörgås", "ö", 2.0, 3.0)
	f.Add("\U0001F46Ax", "", -1.0, math.Inf(1))
	f.Fuzz(func(t *testing.T, s, sub string, start, length float64) {
		src := term.LangString(s, "sv")
		for _, fn := range []string{"STRLEN", "UCASE", "LCASE", "ENCODE_FOR_URI"} {
			if _, err := Call(nil, fn, []term.Term{src}); err != nil {
				t.Fatalf("%s(%s): %v", fn, src, err)
			}
		}
		for _, fn := range []string{"CONTAINS", "STRSTARTS", "STRENDS", "STRBEFORE", "STRAFTER"} {
			if _, err := Call(nil, fn, []term.Term{src, term.String(sub)}); err != nil {
				t.Fatalf("%s(%s, %q): %v", fn, src, sub, err)
			}
		}
		r, err := Call(nil, "SUBSTR", []term.Term{src, Double(start), Double(length)})
		if err != nil || r.Lang != "sv" || len(r.Value) > len(s) {
			t.Fatalf("SUBSTR(%s, %v, %v) = %s, %v", src, start, length, r, err)
		}
	})
}
