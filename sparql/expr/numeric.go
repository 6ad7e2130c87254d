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

var (
	rangeNonPositive = intRange{nil, big.NewInt(0)}
	rangeNegative    = intRange{nil, big.NewInt(-1)}
	rangeLong        = intRange{big.NewInt(math.MinInt64), big.NewInt(math.MaxInt64)}
	rangeInt         = intRange{big.NewInt(math.MinInt32), big.NewInt(math.MaxInt32)}
	rangeShort       = intRange{big.NewInt(math.MinInt16), big.NewInt(math.MaxInt16)}
	rangeByte        = intRange{big.NewInt(math.MinInt8), big.NewInt(math.MaxInt8)}
	rangeNonNegative = intRange{big.NewInt(0), nil}
	rangeULong       = intRange{big.NewInt(0), new(big.Int).SetUint64(math.MaxUint64)}
	rangeUInt        = intRange{big.NewInt(0), big.NewInt(math.MaxUint32)}
	rangeUShort      = intRange{big.NewInt(0), big.NewInt(math.MaxUint16)}
	rangeUByte       = intRange{big.NewInt(0), big.NewInt(math.MaxUint8)}
	rangePositive    = intRange{big.NewInt(1), nil}
)

// numInfo tells whether dt is a numeric datatype, its primitive type and,
// for derived integer types, its value range. A switch rather than a map
// keeps this cheap on the comparison hot path.
func numInfo(dt string) (numType, intRange, bool) {
	if len(dt) <= len(xsdNS) || dt[:len(xsdNS)] != xsdNS {
		return 0, intRange{}, false
	}
	switch dt[len(xsdNS):] {
	case "integer":
		return tInteger, intRange{}, true
	case "decimal":
		return tDecimal, intRange{}, true
	case "double":
		return tDouble, intRange{}, true
	case "float":
		return tFloat, intRange{}, true
	case "int":
		return tInteger, rangeInt, true
	case "long":
		return tInteger, rangeLong, true
	case "short":
		return tInteger, rangeShort, true
	case "byte":
		return tInteger, rangeByte, true
	case "nonPositiveInteger":
		return tInteger, rangeNonPositive, true
	case "negativeInteger":
		return tInteger, rangeNegative, true
	case "nonNegativeInteger":
		return tInteger, rangeNonNegative, true
	case "positiveInteger":
		return tInteger, rangePositive, true
	case "unsignedLong":
		return tInteger, rangeULong, true
	case "unsignedInt":
		return tInteger, rangeUInt, true
	case "unsignedShort":
		return tInteger, rangeUShort, true
	case "unsignedByte":
		return tInteger, rangeUByte, true
	}
	return 0, intRange{}, false
}

func isNumericDatatype(dt string) bool {
	_, _, ok := numInfo(dt)
	return ok
}

// number is a numeric value.
//
// Integers live in i unless they overflow int64 (then bi). Decimals are
// kept in fixed point, mantissa i and scale sc (value i / 10^sc), while
// they fit in 18 digits, and as an exact rational r otherwise; the fixed
// point form keeps comparisons and sums free of allocations. Floats are
// float64 values already rounded to float32.
type number struct {
	t  numType
	i  int64
	sc int
	bi *big.Int
	r  *big.Rat
	f  float64
}

// small reports whether an integer or decimal is in its int64 form.
func (n number) small() bool { return n.bi == nil && n.r == nil }

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
	nt, rng, known := numInfo(t.Datatype)
	if !known {
		return number{}, false
	}
	var n number
	var ok bool
	switch nt {
	case tInteger:
		n, ok = parseIntegerLex(t.Value)
		if ok && (rng.min != nil || rng.max != nil) {
			ok = inRange(n, rng)
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
	if n.bi == nil && (r.min == nil || r.min.IsInt64()) && (r.max == nil || r.max.IsInt64()) {
		return (r.min == nil || n.i >= r.min.Int64()) && (r.max == nil || n.i <= r.max.Int64())
	}
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
	var v int64
	for i := 0; i < len(body); i++ {
		if !isDigit(body[i]) {
			return number{}, false
		}
		v = v*10 + int64(body[i]-'0')
	}
	if len(body) <= 18 {
		if s[0] == '-' {
			v = -v
		}
		return number{t: tInteger, i: v}, true
	}
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return number{t: tInteger, i: v}, true
	}
	if len(body) > MaxDigits {
		return number{}, false
	}
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return number{}, false
	}
	return intNumber(b), true
}

// scanDecimal checks [+-]?([0-9]+(.[0-9]*)?|.[0-9]+) and returns the sign,
// the integer and fraction digits.
func scanDecimal(s string) (neg bool, intPart, frac string, ok bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	intPart, frac, _ = strings.Cut(s, ".")
	if intPart == "" && frac == "" {
		return false, "", "", false
	}
	for i := 0; i < len(intPart); i++ {
		if !isDigit(intPart[i]) {
			return false, "", "", false
		}
	}
	for i := 0; i < len(frac); i++ {
		if !isDigit(frac[i]) {
			return false, "", "", false
		}
	}
	return neg, intPart, frac, true
}

func parseDecimalLex(s string) (number, bool) {
	neg, intPart, frac, ok := scanDecimal(s)
	if !ok {
		return number{}, false
	}
	if len(intPart)+len(frac) <= 18 {
		var m int64
		for i := 0; i < len(intPart); i++ {
			m = m*10 + int64(intPart[i]-'0')
		}
		for i := 0; i < len(frac); i++ {
			m = m*10 + int64(frac[i]-'0')
		}
		if neg {
			m = -m
		}
		return number{t: tDecimal, i: m, sc: len(frac)}, true
	}
	if len(intPart)+len(frac) > MaxDigits {
		return number{}, false
	}
	scale := len(frac)
	m, ok := new(big.Int).SetString(intPart+frac, 10)
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
	if n.r != nil {
		return n.r
	}
	if n.t == tDecimal && n.bi == nil {
		return new(big.Rat).SetFrac64(n.i, pow10s[n.sc])
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
		// One IEEE division of exact operands rounds correctly.
		if n.r == nil && n.i < 1<<53 && n.i > -(1<<53) {
			return float64(n.i) / float64(pow10s[n.sc])
		}
		f, _ := n.rat().Float64()
		return f
	}
	return n.f
}

// pow10s holds the powers of ten that fit in an int64.
var pow10s = func() [19]int64 {
	var p [19]int64
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// scaleUp returns m * 10^k, or false on overflow.
func scaleUp(m int64, k int) (int64, bool) {
	if k == 0 {
		return m, true
	}
	if k >= len(pow10s) {
		return 0, m == 0
	}
	return int64Arith('*', m, pow10s[k])
}

// fixedPair brings two small integers/decimals to a common scale.
func fixedPair(a, b number) (x, y int64, sc int, ok bool) {
	sc = max(a.sc, b.sc)
	if x, ok = scaleUp(a.i, sc-a.sc); !ok {
		return 0, 0, 0, false
	}
	if y, ok = scaleUp(b.i, sc-b.sc); !ok {
		return 0, 0, 0, false
	}
	return x, y, sc, true
}

// to promotes n to type t (t must not be lower than n.t).
func (n number) to(t numType) number {
	if n.t == t {
		return n
	}
	switch t {
	case tDecimal:
		if n.small() {
			return number{t: tDecimal, i: n.i}
		}
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
		if n.r == nil {
			return n.i == 0
		}
		return n.r.Sign() == 0
	}
	return n.f == 0
}

func (n number) isNaN() bool {
	return (n.t == tFloat || n.t == tDouble) && math.IsNaN(n.f)
}

func (n number) sign() int {
	switch n.t {
	case tInteger, tDecimal:
		if n.bi != nil {
			return n.bi.Sign()
		}
		if n.r != nil {
			return n.r.Sign()
		}
		switch {
		case n.i < 0:
			return -1
		case n.i > 0:
			return 1
		}
		return 0
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
	t := max(a.t, b.t)
	if t <= tDecimal && a.small() && b.small() {
		x, y := a.i, b.i
		if a.sc != b.sc {
			var ok bool
			if x, y, _, ok = fixedPair(a, b); !ok {
				return a.rat().Cmp(b.rat()), true
			}
		}
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
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

// MaxDigits bounds the digits of the xsd:integer and xsd:decimal values
// arithmetic reads and makes. XSD asks for at least 18; a result beyond
// the bound is an overflow error (XPath's FOAR0002), which keeps chains
// such as ?x*?x from growing numbers without end. A literal with more
// digits is not a number to the operators.
const MaxDigits = 10000

// maxBits is the bit length of a MaxDigits-digit number.
const maxBits = MaxDigits*3322/1000 + 1

// ratBits is the size of a rational in bits, numerator and denominator: at
// least the digits of its decimal form, as a scale of n digits needs a
// denominator of at least n bits.
func ratBits(r *big.Rat) int { return r.Num().BitLen() + r.Denom().BitLen() }

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
		if x.BitLen()+y.BitLen() > maxBits && (op == '*' || max(x.BitLen(), y.BitLen()) >= maxBits) {
			return number{}, typeErr("integer overflow: the result would have more than %d digits", MaxDigits)
		}
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
		if a.small() && b.small() && op != '/' {
			if v, ok := fixedArith(op, a, b); ok {
				return v, nil
			}
		}
		x, y := a.rat(), b.rat()
		if ratBits(x)+ratBits(y) > MaxDigits {
			return number{}, typeErr("decimal overflow: the result would have more than %d digits", MaxDigits)
		}
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

// fixedArith adds, subtracts or multiplies two fixed-point decimals; ok
// is false on overflow.
func fixedArith(op byte, a, b number) (number, bool) {
	if op == '*' {
		if a.sc+b.sc >= len(pow10s) {
			return number{}, false
		}
		v, ok := int64Arith('*', a.i, b.i)
		return number{t: tDecimal, i: v, sc: a.sc + b.sc}, ok
	}
	x, y, sc, ok := fixedPair(a, b)
	if !ok {
		return number{}, false
	}
	v, ok := int64Arith(op, x, y)
	return number{t: tDecimal, i: v, sc: sc}, ok
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
		if n.r == nil {
			return formatFixed(n.i, n.sc)
		}
		return formatDecimal(n.r)
	case tFloat:
		return formatFloat(n.f, 32)
	}
	return formatFloat(n.f, 64)
}

// formatDecimal writes the XSD 1.1 canonical decimal form
// (decimalCanonicalMap): no sign "+", no leading or trailing zeros, and no
// point at all for integral values ("3", "-0.5", "0"). A value without a
// finite decimal expansion (a quotient) is first rounded to divScale
// fraction digits.
func formatDecimal(r *big.Rat) string {
	s := decimalScale(r)
	if s < 0 {
		r = roundDecimal(r, divScale)
		s = decimalScale(r)
	}
	return r.FloatString(s)
}

// formatFixed writes m / 10^sc as a canonical decimal (see formatDecimal).
func formatFixed(m int64, sc int) string {
	neg := m < 0
	u := uint64(m)
	if neg {
		u = -u
	}
	digits := strconv.FormatUint(u, 10)
	for len(digits) <= sc {
		digits = "0" + digits
	}
	ip, fp := digits[:len(digits)-sc], strings.TrimRight(digits[len(digits)-sc:], "0")
	s := ip
	if fp != "" {
		s += "." + fp
	}
	if neg && (ip != "0" || fp != "") {
		s = "-" + s
	}
	return s
}

// formatFloat writes the canonical double/float form (the same in XSD 1.0
// and 1.1, doubleCanonicalMap): the shortest digits that read back as the
// same binary value, as a mantissa
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
