package expr

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"math"
	"math/big"
	"strings"

	"kg/term"
)

// builtin describes one function: its arity and whether zero (unbound)
// arguments are passed through instead of failing the call.
type builtin struct {
	min, max int // max < 0: any number
	lazyArgs bool
	fn       func(ctx *Context, args []term.Term) (term.Term, error)
}

var builtins map[string]builtin

func init() {
	builtins = map[string]builtin{
		"STR":            {min: 1, max: 1, fn: fnStr},
		"LANG":           {min: 1, max: 1, fn: fnLang},
		"LANGMATCHES":    {min: 2, max: 2, fn: fnLangMatches},
		"DATATYPE":       {min: 1, max: 1, fn: fnDatatype},
		"BOUND":          {min: 1, max: 1, lazyArgs: true, fn: fnBound},
		"IRI":            {min: 1, max: 1, fn: fnIRI},
		"URI":            {min: 1, max: 1, fn: fnIRI},
		"BNODE":          {min: 0, max: 1, fn: fnBNode},
		"RAND":           {min: 0, max: 0, fn: fnRand},
		"ABS":            {min: 1, max: 1, fn: numericFn("ABS", numAbs)},
		"CEIL":           {min: 1, max: 1, fn: numericFn("CEIL", numCeil)},
		"FLOOR":          {min: 1, max: 1, fn: numericFn("FLOOR", numFloor)},
		"ROUND":          {min: 1, max: 1, fn: numericFn("ROUND", numRound)},
		"CONCAT":         {min: 0, max: -1, fn: fnConcat},
		"SUBSTR":         {min: 2, max: 3, fn: fnSubstr},
		"STRLEN":         {min: 1, max: 1, fn: fnStrlen},
		"REPLACE":        {min: 3, max: 4, fn: fnReplace},
		"UCASE":          {min: 1, max: 1, fn: fnUcase},
		"LCASE":          {min: 1, max: 1, fn: fnLcase},
		"ENCODE_FOR_URI": {min: 1, max: 1, fn: fnEncodeForURI},
		"CONTAINS":       {min: 2, max: 2, fn: fnContains},
		"STRSTARTS":      {min: 2, max: 2, fn: fnStrStarts},
		"STRENDS":        {min: 2, max: 2, fn: fnStrEnds},
		"STRBEFORE":      {min: 2, max: 2, fn: fnStrBefore},
		"STRAFTER":       {min: 2, max: 2, fn: fnStrAfter},
		"YEAR":           {min: 1, max: 1, fn: dateFn("YEAR", fieldYear)},
		"MONTH":          {min: 1, max: 1, fn: dateFn("MONTH", fieldMonth)},
		"DAY":            {min: 1, max: 1, fn: dateFn("DAY", fieldDay)},
		"HOURS":          {min: 1, max: 1, fn: dateFn("HOURS", fieldHours)},
		"MINUTES":        {min: 1, max: 1, fn: dateFn("MINUTES", fieldMinutes)},
		"SECONDS":        {min: 1, max: 1, fn: dateFn("SECONDS", fieldSeconds)},
		"TIMEZONE":       {min: 1, max: 1, fn: dateFn("TIMEZONE", fieldTimezone)},
		"TZ":             {min: 1, max: 1, fn: dateFn("TZ", fieldTZ)},
		"NOW":            {min: 0, max: 0, fn: fnNow},
		"UUID":           {min: 0, max: 0, fn: fnUUID},
		"STRUUID":        {min: 0, max: 0, fn: fnStrUUID},
		"MD5":            {min: 1, max: 1, fn: hashFn("MD5", md5.New)},
		"SHA1":           {min: 1, max: 1, fn: hashFn("SHA1", sha1.New)},
		"SHA256":         {min: 1, max: 1, fn: hashFn("SHA256", sha256.New)},
		"SHA384":         {min: 1, max: 1, fn: hashFn("SHA384", sha512.New384)},
		"SHA512":         {min: 1, max: 1, fn: hashFn("SHA512", sha512.New)},
		"COALESCE":       {min: 0, max: -1, lazyArgs: true, fn: fnCoalesce},
		"IF":             {min: 3, max: 3, lazyArgs: true, fn: fnIf},
		"IN":             {min: 1, max: -1, lazyArgs: true, fn: fnIn},
		"NOT IN":         {min: 1, max: -1, lazyArgs: true, fn: fnNotIn},
		"SAMETERM":       {min: 2, max: 2, fn: fnSameTerm},
		"ISIRI":          {min: 1, max: 1, fn: fnIsIRI},
		"ISURI":          {min: 1, max: 1, fn: fnIsIRI},
		"ISBLANK":        {min: 1, max: 1, fn: fnIsBlank},
		"ISLITERAL":      {min: 1, max: 1, fn: fnIsLiteral},
		"ISNUMERIC":      {min: 1, max: 1, fn: fnIsNumeric},
		"STRLANG":        {min: 2, max: 2, fn: fnStrLang},
		"STRDT":          {min: 2, max: 2, fn: fnStrDT},
		"REGEX":          {min: 2, max: 3, fn: fnRegex},
	}
}

// Call evaluates the built-in function name (any case: "STRLEN", "sameTerm",
// "isIRI"; "NOT IN" with a space) or, when name is an absolute IRI, the
// XSD cast function of that datatype (xsd:boolean, xsd:double, xsd:float,
// xsd:decimal, xsd:integer and the derived integer types, xsd:dateTime,
// xsd:date, xsd:time, xsd:string). Arguments are evaluated terms; a zero
// term.Term stands for an unbound or failed argument. COALESCE, IF, BOUND
// and IN accept zero terms with their usual meaning, for callers that
// evaluate eagerly.
func Call(ctx *Context, name string, args []term.Term) (term.Term, error) {
	if strings.Contains(name, ":") {
		if len(args) != 1 {
			return term.Term{}, typeErr("cast to <%s> takes one argument, got %d", name, len(args))
		}
		return Cast(name, args[0])
	}
	b, ok := builtins[strings.ToUpper(name)]
	if !ok {
		return term.Term{}, typeErr("unknown function %s", name)
	}
	if len(args) < b.min || (b.max >= 0 && len(args) > b.max) {
		return term.Term{}, typeErr("%s: wrong number of arguments (%d)", strings.ToUpper(name), len(args))
	}
	if !b.lazyArgs {
		for _, a := range args {
			if a.Kind == term.KindNone {
				return term.Term{}, typeErr("%s: unbound argument", strings.ToUpper(name))
			}
		}
	}
	return b.fn(ctx, args)
}

// Known reports whether name is a built-in function Call evaluates.
func Known(name string) bool {
	if strings.Contains(name, ":") {
		_, ok := castTargets[name]
		return ok
	}
	_, ok := builtins[strings.ToUpper(name)]
	return ok
}

func fnStr(_ *Context, a []term.Term) (term.Term, error) {
	switch a[0].Kind {
	case term.KindLiteral, term.KindIRI:
		return term.String(a[0].Value), nil
	}
	return term.Term{}, typeErr("STR of a blank node")
}

func fnLang(_ *Context, a []term.Term) (term.Term, error) {
	if a[0].Kind != term.KindLiteral {
		return term.Term{}, typeErr("LANG of %s", kindName(a[0]))
	}
	return term.String(a[0].Lang), nil
}

func fnDatatype(_ *Context, a []term.Term) (term.Term, error) {
	if a[0].Kind != term.KindLiteral {
		return term.Term{}, typeErr("DATATYPE of %s", kindName(a[0]))
	}
	return term.IRI(datatypeOf(a[0])), nil
}

func fnBound(_ *Context, a []term.Term) (term.Term, error) {
	return Bool(a[0].Kind != term.KindNone), nil
}

func fnLangMatches(_ *Context, a []term.Term) (term.Term, error) {
	if !isSimple(a[0]) || !isSimple(a[1]) {
		return term.Term{}, typeErr("LANGMATCHES needs simple literals")
	}
	return Bool(LangMatches(a[0].Value, a[1].Value)), nil
}

// LangMatches is RFC 4647 basic filtering: "*" matches every non-empty
// tag, otherwise the range must equal the tag or a prefix of it ending at
// a "-", ignoring case.
func LangMatches(tag, rng string) bool {
	if rng == "*" {
		return tag != ""
	}
	if rng == "" {
		return tag == ""
	}
	if len(tag) < len(rng) || !strings.EqualFold(tag[:len(rng)], rng) {
		return false
	}
	return len(tag) == len(rng) || tag[len(rng)] == '-'
}

func fnIRI(ctx *Context, a []term.Term) (term.Term, error) {
	switch {
	case a[0].Kind == term.KindIRI:
		return a[0], nil
	case isSimple(a[0]):
		base := ""
		if ctx != nil {
			base = ctx.Base
		}
		s, err := resolveIRI(base, a[0].Value)
		if err != nil {
			return term.Term{}, err
		}
		return term.IRI(s), nil
	}
	return term.Term{}, typeErr("IRI needs an IRI or a simple literal, got %s", a[0])
}

func fnBNode(ctx *Context, a []term.Term) (term.Term, error) {
	if len(a) == 0 {
		return ctx.newBlank(), nil
	}
	if !isSimple(a[0]) {
		return term.Term{}, typeErr("BNODE needs a simple literal, got %s", a[0])
	}
	if ctx == nil || ctx.BNodes == nil {
		return term.Term{}, typeErr("BNODE(str) needs Context.BNodes")
	}
	return ctx.BNodes(a[0].Value), nil
}

func fnRand(ctx *Context, _ []term.Term) (term.Term, error) {
	return Double(ctx.rand()), nil
}

func fnNow(ctx *Context, _ []term.Term) (term.Term, error) {
	return DateTime(ctx.now()), nil
}

// uuid4 returns a random (version 4) UUID in lower case.
func uuid4() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func fnUUID(_ *Context, _ []term.Term) (term.Term, error) {
	return term.IRI("urn:uuid:" + uuid4()), nil
}

func fnStrUUID(_ *Context, _ []term.Term) (term.Term, error) {
	return term.String(uuid4()), nil
}

func hashFn(name string, h func() hash.Hash) func(*Context, []term.Term) (term.Term, error) {
	return func(_ *Context, a []term.Term) (term.Term, error) {
		if !isSimple(a[0]) {
			return term.Term{}, typeErr("%s needs a simple literal or xsd:string, got %s", name, a[0])
		}
		d := h()
		d.Write([]byte(a[0].Value))
		return term.String(hex.EncodeToString(d.Sum(nil))), nil
	}
}

func fnCoalesce(_ *Context, a []term.Term) (term.Term, error) {
	for _, t := range a {
		if t.Kind != term.KindNone {
			return t, nil
		}
	}
	return term.Term{}, typeErr("COALESCE: no bound argument")
}

func fnIf(_ *Context, a []term.Term) (term.Term, error) {
	if a[0].Kind == term.KindNone {
		return term.Term{}, typeErr("IF: unbound condition")
	}
	c, err := EBV(a[0])
	if err != nil {
		return term.Term{}, err
	}
	r := a[2]
	if c {
		r = a[1]
	}
	if r.Kind == term.KindNone {
		return term.Term{}, typeErr("IF: unbound result")
	}
	return r, nil
}

func eagerList(a []term.Term) ([]term.Term, []error) {
	errs := make([]error, len(a)-1)
	for i, t := range a[1:] {
		if t.Kind == term.KindNone {
			errs[i] = typeErr("IN: unbound list member")
		}
	}
	return a[1:], errs
}

func fnIn(ctx *Context, a []term.Term) (term.Term, error) {
	list, errs := eagerList(a)
	return boolResult(In(ctx, a[0], list, errs))
}

func fnNotIn(ctx *Context, a []term.Term) (term.Term, error) {
	list, errs := eagerList(a)
	return boolResult(NotIn(ctx, a[0], list, errs))
}

func fnSameTerm(_ *Context, a []term.Term) (term.Term, error) {
	return Bool(sameTerm(a[0], a[1])), nil
}

func fnIsIRI(_ *Context, a []term.Term) (term.Term, error) {
	return Bool(a[0].Kind == term.KindIRI), nil
}

func fnIsBlank(_ *Context, a []term.Term) (term.Term, error) {
	return Bool(a[0].Kind == term.KindBlank), nil
}

func fnIsLiteral(_ *Context, a []term.Term) (term.Term, error) {
	return Bool(a[0].Kind == term.KindLiteral), nil
}

func fnIsNumeric(_ *Context, a []term.Term) (term.Term, error) {
	return Bool(IsNumeric(a[0])), nil
}

func fnStrLang(_ *Context, a []term.Term) (term.Term, error) {
	if !isSimple(a[0]) || !isSimple(a[1]) {
		return term.Term{}, typeErr("STRLANG needs simple literals, got %s and %s", a[0], a[1])
	}
	if !term.IsLangTag(a[1].Value) {
		return term.Term{}, typeErr("STRLANG: invalid language tag %q", a[1].Value)
	}
	return term.LangString(a[0].Value, a[1].Value), nil
}

func fnStrDT(_ *Context, a []term.Term) (term.Term, error) {
	if !isSimple(a[0]) || a[1].Kind != term.KindIRI {
		return term.Term{}, typeErr("STRDT needs a simple literal and an IRI, got %s and %s", a[0], a[1])
	}
	if a[1].Value == term.RDFLangString {
		return term.Term{}, typeErr("STRDT cannot make an rdf:langString")
	}
	return term.Literal(a[0].Value, a[1].Value), nil
}

// numericFn wraps a one-argument numeric function; results keep the
// primitive type of the argument (derived integer types give xsd:integer).
func numericFn(name string, f func(number) number) func(*Context, []term.Term) (term.Term, error) {
	return func(_ *Context, a []term.Term) (term.Term, error) {
		n, ok := parseNumber(a[0])
		if !ok {
			return term.Term{}, typeErr("%s needs a numeric argument, got %s", name, a[0])
		}
		return f(n).term(), nil
	}
}

func numAbs(n number) number {
	if n.sign() < 0 {
		return negate(n)
	}
	if n.t >= tFloat {
		return number{t: n.t, f: math.Abs(n.f)} // also clears -0
	}
	return n
}

// ratFloor returns the largest integer not above r.
func ratFloor(r *big.Rat) *big.Int {
	// Div is Euclidean division; with the positive denominator of a Rat
	// that is the floor.
	return new(big.Int).Div(r.Num(), r.Denom())
}

func numFloor(n number) number {
	switch n.t {
	case tInteger:
		return n
	case tDecimal:
		return number{t: tDecimal, r: new(big.Rat).SetInt(ratFloor(n.rat()))}
	}
	return number{t: n.t, f: math.Floor(n.f)}
}

func numCeil(n number) number {
	switch n.t {
	case tInteger:
		return n
	case tDecimal:
		neg := new(big.Rat).Neg(n.rat())
		return number{t: tDecimal, r: new(big.Rat).SetInt(new(big.Int).Neg(ratFloor(neg)))}
	}
	return number{t: n.t, f: math.Ceil(n.f)}
}

// numRound rounds half towards positive infinity (fn:round).
func numRound(n number) number {
	switch n.t {
	case tInteger:
		return n
	case tDecimal:
		h := new(big.Rat).Add(n.rat(), big.NewRat(1, 2))
		return number{t: tDecimal, r: new(big.Rat).SetInt(ratFloor(h))}
	}
	return number{t: n.t, f: xpathRound(n.f)}
}

// xpathRound is fn:round on a double; it keeps negative zero for values
// in [-0.5, -0].
func xpathRound(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	r := math.Floor(x)
	if x-r >= 0.5 {
		r++
	}
	if r == 0 && math.Signbit(x) || r == 0 && x < 0 {
		return math.Copysign(0, -1)
	}
	return r
}
