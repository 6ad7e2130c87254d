package export

import (
	"strconv"
	"strings"
)

// The datatypes whose canonical values JSON-LD output writes as JSON
// numbers and booleans. A JSON-LD reader turns a JSON integer back into an
// xsd:integer literal in canonical form, and true and false into
// xsd:boolean, so the graph does not change.
const (
	xsdInteger = "http://www.w3.org/2001/XMLSchema#integer"
	xsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean"
	// maxExact bounds the integers written as JSON numbers: beyond 2^53 a
	// reader that keeps numbers as doubles (JavaScript) would change them.
	maxExact = 1 << 53
)

// coercions maps the terms of a context to the datatype IRI their values
// are coerced to.
func coercions(ctx map[string]any) map[string]string {
	out := map[string]string{}
	for name, def := range ctx {
		m, ok := def.(map[string]any)
		if !ok {
			continue
		}
		if t, ok := m["@type"].(string); ok {
			out[name] = expandCURIE(ctx, t)
		}
	}
	return out
}

// expandCURIE expands prefix:local with a prefix of ctx.
func expandCURIE(ctx map[string]any, s string) string {
	if p, local, ok := strings.Cut(s, ":"); ok {
		if ns, ok := ctx[p].(string); ok {
			return ns + local
		}
	}
	return s
}

// nativeValues replaces, in a compacted document, the canonical integers
// and booleans with JSON numbers and booleans: a string under a term
// coerced to xsd:integer or xsd:boolean, and a value object typed so under
// a term without a coercion of another type. key is the property v is a
// value of.
func nativeValues(v any, key string, coerce map[string]string) any {
	switch x := v.(type) {
	case []any:
		for i := range x {
			x[i] = nativeValues(x[i], key, coerce)
		}
	case string:
		if n, ok := native(x, coerce[key]); ok {
			return n
		}
	case map[string]any:
		if val, ok := x["@value"].(string); ok {
			t, _ := x["@type"].(string)
			if t == "" {
				t, _ = x["type"].(string) // kg's context aliases @type as type
			}
			if len(x) != 2 || t == "" {
				return x
			}
			typ := t
			if strings.HasPrefix(t, "xsd:") {
				typ = "http://www.w3.org/2001/XMLSchema#" + t[len("xsd:"):]
			}
			if c := coerce[key]; c != "" && c != typ {
				return x
			}
			if n, ok := native(val, typ); ok {
				return n
			}
			return x
		}
		for k, sub := range x {
			if k == "@context" {
				continue
			}
			x[k] = nativeValues(sub, k, coerce)
		}
	}
	return v
}

// native returns the JSON value of a literal of datatype typ when its
// lexical form is canonical.
func native(lex, typ string) (any, bool) {
	switch typ {
	case xsdBoolean:
		if lex == "true" || lex == "false" {
			return lex == "true", true
		}
	case xsdInteger:
		n, err := strconv.ParseInt(lex, 10, 64)
		if err == nil && strconv.FormatInt(n, 10) == lex && n > -maxExact && n < maxExact {
			return n, true
		}
	}
	return nil, false
}
