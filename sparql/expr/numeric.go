package expr

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"kg/term"
)

// numType is a primitive numeric type in XPath promotion order.
type numType uint8

const (
	tInteger numType = iota
	tDecimal
	tFloat
	tDouble
)

var numTypeIRI = [...]string{term.XSDInteger, term.XSDDecimal, term.XSDFloat, term.XSDDouble}

// intRange bounds a derived integer type; nil means unbounded.
type intRange struct{ min, max *big.Int }

// numericTypes maps every numeric datatype to its primitive type; derived
// integer types carry their value range.
var numericTypes = map[string]struct {
	t numType
	r intRange
}{
	term.XSDInteger:       {t: tInteger},
	term.XSDDecimal:       {t: tDecimal},
	term.XSDFloat:         {t: tFloat},
	term.XSDDouble:        {t: tDouble},
	XSDNonPositiveInteger: {tInteger, intRange{nil, big.NewInt(0)}},
	XSDNegativeInteger:    {tInteger, intRange{nil, big.NewInt(-1)}},
	XSDLong:               {tInteger, intRange{big.NewInt(math.MinInt64), big.NewInt(math.MaxInt64)}},
	XSDInt:                {tInteger, intRange{big.NewInt(math.MinInt32), big.NewInt(math.MaxInt32)}},
	XSDShort:              {tInteger, intRange{big.NewInt(math.MinInt16), big.NewInt(math.MaxInt16)}},
	XSDByte:               {tInteger, intRange{big.NewInt(math.MinInt8), big.NewInt(math.MaxInt8)}},
	XSDNonNegativeInteger: {tInteger, intRange{big.NewInt(0), nil}},
	XSDUnsignedLong:       {tInteger, intRange{big.NewInt(0), new(big.Int).SetUint64(math.MaxUint64)}},
	XSDUnsignedInt:        {tInteger, intRange{big.NewInt(0), big.NewInt(math.MaxUint32)}},
	XSDUnsignedShort:      {tInteger, intRange{big.NewInt(0), big.NewInt(math.MaxUint16)}},
	XSDUnsignedByte:       {tInteger, intRange{big.NewInt(0), big.NewInt(math.MaxUint8)}},
	XSDPositiveInteger:    {tInteger, intRange{big.NewInt(1), nil}},
}

// number is a numeric value. Integers live in i unless they overflow int64
// (then bi); decimals are exact rationals with a finite decimal expansion;
// floats are float64 values already rounded to float32.
type number struct {
	t  numType
	i  int64
	bi *big.Int
	r  *big.Rat
	f  float64
}

// IsNumeric reports whether t is a literal of a numeric datatype whose
// lexical form is valid (isNUMERIC, 17.4.2.4).
func IsNumeric(t term.Term) bool {
	if t.Kind != term.KindLiteral {
		return false
	}
	_, ok := parseNumber(t)
	return ok
}

// parseNumber reads a numeric literal; ok is false for non-numeric
// datatypes and for lexical forms outside the datatype's lexical space.
func parseNumber(t term.Term) (number, bool) {
	if t.Kind != term.KindLiteral {
		return number{}, false
	}
	nt, known := numericTypes[t.Datatype]
	if !known {
		return number{}, false
	}
	var n number
	var ok bool
	switch nt.t {
	case tInteger:
		n, ok = parseIntegerLex(t.Value)
		if ok && (nt.r.min != nil || nt.r.max != nil) {
			ok = inRange(n, nt.r)
		}
	case tDecimal:
		n, ok = parseDecimalLex(t.Value)
	case tFloat:
		n, ok = parseFloatLex(t.Value, 32)
	case tDouble:
		n, ok = parseFloatLex(t.Value, 64)
	}
	return n, ok
}

func inRange(n number, r intRange) bool {
	v := n.bigInt()
	if r.min != nil && v.Cmp(r.min) < 0 {
		return false
	}
	if r.max != nil && v.Cmp(r.max) > 0 {
		return false
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// parseIntegerLex reads [+-]?[0-9]+.
func parseIntegerLex(s string) (number, bool) {
	body := s
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	if body == "" {
		return number{}, false
	}
	for i := 0; i < len(body); i++ {
		if !isDigit(body[i]) {
			return number{}, false
		}
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return number{t: tInteger, i: v}, true
	}
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return number{}, false
	}
	return intNumber(b), true
}

// scanDecimal checks [+-]?([0-9]+(.[0-9]*)?|.[0-9]+) and returns the sign,
// the digits without the point and the number of fraction digits.
func scanDecimal(s string) (neg bool, digits string, scale int, ok bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" && frac == "" {
		return false, "", 0, false
	}
	for i := 0; i < len(intPart); i++ {
		if !isDigit(intPart[i]) {
			return false, "", 0, false
		}
	}
	for i := 0; i < len(frac); i++ {
		if !isDigit(frac[i]) {
			return false, "", 0, false
		}
	}
	return neg, intPart + frac, len(frac), true
}

func parseDecimalLex(s string) (number, bool) {
	neg, digits, scale, ok := scanDecimal(s)
	if !ok {
		return number{}, false
	}
	m, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return number{}, false
	}
	if neg {
		m.Neg(m)
	}
	r := new(big.Rat).SetFrac(m, pow10(scale))
	return number{t: tDecimal, r: r}, true
}

// isFloatLex checks the xsd:double/xsd:float lexical space (XSD 1.1, which
// also allows "+INF").
func isFloatLex(s string) bool {
	switch s {
	case "INF", "+INF", "-INF", "NaN":
		return true
	}
	mant, exp, hasExp := strings.Cut(s, "e")
	if !hasExp {
		mant, exp, hasExp = strings.Cut(s, "E")
	}
	if _, _, _, ok := scanDecimal(mant); !ok {
		return false
	}
	if !hasExp {
		return true
	}
	if exp != "" && (exp[0] == '+' || exp[0] == '-') {
		exp = exp[1:]
	}
	if exp == "" {
		return false
	}
	for i := 0; i < len(exp); i++ {
		if !isDigit(exp[i]) {
			return false
		}
	}
	return true
}

func parseFloatLex(s string, bits int) (number, bool) {
	if !isFloatLex(s) {
		return number{}, false
	}
	t := tDouble
	if bits == 32 {
		t = tFloat
	}
	var f float64
	switch s {
	case "INF", "+INF":
		f = math.Inf(1)
	case "-INF":
		f = math.Inf(-1)
	case "NaN":
		f = math.NaN()
	default:
		// Out-of-range values round to ±INF, as XSD 1.1 specifies; the
		// lexical form was already checked, so only ErrRange can occur.
		f, _ = strconv.ParseFloat(s, bits)
	}
	return number{t: t, f: f}, true
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// intNumber makes an integer number, using the int64 form when it fits.
func intNumber(b *big.Int) number {
	if b.IsInt64() {
		return number{t: tInteger, i: b.Int64()}
	}
	return number{t: tInteger, bi: b}
}

func (n number) bigInt() *big.Int {
	if n.bi != nil {
		return n.bi
	}
	return big.NewInt(n.i)
}

// rat returns an integer or decimal as a rational.
func (n number) rat() *big.Rat {
	if n.t == tDecimal {
		return n.r
	}
	if n.bi != nil {
		return new(big.Rat).SetInt(n.bi)
	}
	return new(big.Rat).SetInt64(n.i)
}

// float returns n as a float64 (promotion to xsd:double or xsd:float).
func (n number) float() float64 {
	switch n.t {
	case tInteger:
		if n.bi == nil {
			return float64(n.i)
		}
		f, _ := new(big.Float).SetInt(n.bi).Float64()
		return f
	case tDecimal:
		f, _ := n.r.Float64()
		return f
	}
	return n.f
}

// to promotes n to type t (t must not be lower than n.t).
func (n number) to(t numType) number {
	if n.t == t {
		return n
	}
	switch t {
	case tDecimal:
		return number{t: tDecimal, r: n.rat()}
	case tFloat:
		return number{t: tFloat, f: float64(float32(n.float()))}
	case tDouble:
		return number{t: tDouble, f: n.float()}
	}
	return n
}

func (n number) isZero() bool {
	switch n.t {
	case tInteger:
		return n.bi == nil && n.i == 0
	case tDecimal:
		return n.r.Sign() == 0
	}
	return n.f == 0
}

func (n number) isNaN() bool {
	return (n.t == tFloat || n.t == tDouble) && math.IsNaN(n.f)
}

func (n number) sign() int {
	switch n.t {
	case tInteger:
		if n.bi != nil {
			return n.bi.Sign()
		}
		switch {
		case n.i < 0:
			return -1
		case n.i > 0:
			return 1
		}
		return 0
	case tDecimal:
		return n.r.Sign()
	}
	switch {
	case n.f < 0:
		return -1
	case n.f > 0:
		return 1
	}
	return 0
}

// cmpNumbers compares two numbers after promotion; ok is false when the
// values are unordered (a NaN is involved).
func cmpNumbers(a, b number) (c int, ok bool) {
	if a.t == tInteger && b.t == tInteger && a.bi == nil && b.bi == nil {
		switch {
		case a.i < b.i:
			return -1, true
		case a.i > b.i:
			return 1, true
		}
		return 0, true
	}
	t := max(a.t, b.t)
	switch t {
	case tInteger:
		return a.bigInt().Cmp(b.bigInt()), true
	case tDecimal:
		return a.rat().Cmp(b.rat()), true
	}
	x, y := a.to(t).f, b.to(t).f
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		return 0, false
	case x < y:
		return -1, true
	case x > y:
		return 1, true
	}
	return 0, true
}

// divScale is the number of fraction digits kept when a decimal division
// has no finite decimal expansion (XPath leaves the precision to the
// implementation; it must be at least 18 digits).
const divScale = 24

// arith applies + - * / with XPath promotion (op:numeric-add etc.).
func arith(op byte, a, b number) (number, error) {
	t := max(a.t, b.t)
	if op == '/' && t == tInteger {
		t = tDecimal // op:numeric-divide on integers returns xsd:decimal
	}
	switch t {
	case tInteger:
		if a.bi == nil && b.bi == nil {
			if v, ok := int64Arith(op, a.i, b.i); ok {
				return number{t: tInteger, i: v}, nil
			}
		}
		x, y := a.bigInt(), b.bigInt()
		r := new(big.Int)
		switch op {
		case '+':
			r.Add(x, y)
		case '-':
			r.Sub(x, y)
		case '*':
			r.Mul(x, y)
		}
		return intNumber(r), nil
	case tDecimal:
		x, y := a.rat(), b.rat()
		r := new(big.Rat)
		switch op {
		case '+':
			r.Add(x, y)
		case '-':
			r.Sub(x, y)
		case '*':
			r.Mul(x, y)
		case '/':
			if y.Sign() == 0 {
				return number{}, typeErr("division by zero")
			}
			r.Quo(x, y)
			r = roundDecimal(r, divScale)
		}
		return number{t: tDecimal, r: r}, nil
	}
	x, y := a.to(t).f, b.to(t).f
	var f float64
	switch op {
	case '+':
		f = x + y
	case '-':
		f = x - y
	case '*':
		f = x * y
	case '/':
		f = x / y // IEEE 754: ±INF or NaN on division by zero
	}
	if t == tFloat {
		f = float64(float32(f))
	}
	return number{t: t, f: f}, nil
}

func int64Arith(op byte, x, y int64) (int64, bool) {
	switch op {
	case '+':
		s := x + y
		return s, (x^s)&(y^s) >= 0
	case '-':
		s := x - y
		return s, (x^y)&(x^s) >= 0
	case '*':
		if x == 0 || y == 0 {
			return 0, true
		}
		p := x * y
		if p/y != x || (x == -1 && y == math.MinInt64) || (y == -1 && x == math.MinInt64) {
			return 0, false
		}
		return p, true
	}
	return 0, false
}

// decimalScale returns the number of fraction digits of r's exact decimal
// expansion, or -1 when it has none.
func decimalScale(r *big.Rat) int {
	d := new(big.Int).Set(r.Denom())
	var twos, fives int
	five := big.NewInt(5)
	m := new(big.Int)
	for d.Bit(0) == 0 && d.Sign() != 0 {
		d.Rsh(d, 1)
		twos++
	}
	for {
		q, rem := new(big.Int).QuoRem(d, five, m)
		if rem.Sign() != 0 {
			break
		}
		d = q
		fives++
	}
	if d.Cmp(big.NewInt(1)) != 0 {
		return -1
	}
	return max(twos, fives)
}

// roundDecimal rounds r half away from zero to scale fraction digits if
// its exact expansion is longer or infinite.
func roundDecimal(r *big.Rat, scale int) *big.Rat {
	if s := decimalScale(r); s >= 0 && s <= scale {
		return r
	}
	p := pow10(scale)
	num := new(big.Int).Mul(r.Num(), p)
	num.Mul(num, big.NewInt(2))
	num.Add(num, new(big.Int).Mul(r.Denom(), big.NewInt(int64(r.Sign()))))
	den := new(big.Int).Mul(r.Denom(), big.NewInt(2))
	q := new(big.Int).Quo(num, den) // truncates towards zero
	return new(big.Rat).SetFrac(q, p)
}

// canonical returns the canonical literal for n.
func (n number) term() term.Term {
	return term.Literal(n.lexical(), numTypeIRI[n.t])
}

func (n number) lexical() string {
	switch n.t {
	case tInteger:
		if n.bi != nil {
			return n.bi.String()
		}
		return strconv.FormatInt(n.i, 10)
	case tDecimal:
		return formatDecimal(n.r)
	case tFloat:
		return formatFloat(n.f, 32)
	}
	return formatFloat(n.f, 64)
}

// formatDecimal writes the XSD 1.0 canonical decimal form: no leading
// zeros or sign "+", at least one digit on each side of the point.
func formatDecimal(r *big.Rat) string {
	s := decimalScale(r)
	if s < 0 {
		r = roundDecimal(r, divScale)
		s = decimalScale(r)
	}
	return r.FloatString(max(s, 1))
}

// formatFloat writes the XSD 1.0 canonical double/float form: a mantissa
// with one non-zero digit before the point (zero is "0.0E0"), "E" and the
// exponent without leading zeros.
func formatFloat(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0E0"
		}
		return "0.0E0"
	}
	s := strconv.FormatFloat(f, 'E', -1, bits)
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// Integer returns the canonical xsd:integer literal for v.
func Integer(v int64) term.Term { return number{t: tInteger, i: v}.term() }

// Double returns the canonical xsd:double literal for v.
func Double(v float64) term.Term { return number{t: tDouble, f: v}.term() }

// Float returns the canonical xsd:float literal for v rounded to float32.
func Float(v float32) term.Term { return number{t: tFloat, f: float64(v)}.term() }

// Decimal returns the canonical xsd:decimal literal for lexical form s; ok
// is false if s is not a decimal lexical form.
func Decimal(s string) (term.Term, bool) {
	n, ok := parseDecimalLex(s)
	if !ok {
		return term.Term{}, false
	}
	return n.term(), true
}

// Canonical returns t in the canonical lexical form of its datatype when t
// is a valid numeric, boolean, dateTime, date or time literal; any other
// term is returned unchanged. Derived integer types keep their datatype.
func Canonical(t term.Term) term.Term {
	switch classify(t) {
	case cNumeric:
		n, _ := parseNumber(t)
		return term.Literal(n.lexical(), t.Datatype)
	case cBoolean:
		v, _ := parseBool(t.Value)
		return Bool(v)
	case cDateTime, cDate, cTime:
		d, _ := parseDateTime(t.Value, kindOfDT(t.Datatype))
		return term.Literal(d.canonical(), t.Datatype)
	}
	return t
}
