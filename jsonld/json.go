package jsonld

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"kg/internal/limits"
)

// Decode reads one JSON document the way the processor expects it:
// numbers as json.Number, so they keep their lexical form. Syntax errors
// carry the line and column (in characters) where they were found.
func Decode(r io.Reader, file string) (any, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return DecodeBytes(data, file)
}

// DecodeBytes is Decode on a byte slice.
func DecodeBytes(data []byte, file string) (any, error) {
	return DecodeBytesDepth(data, file, 0)
}

// DecodeBytesDepth is DecodeBytes with a bound on the nesting of arrays
// and objects (0 means DefaultMaxDepth): a deeper document is a
// *SyntaxError "nesting deeper than N" at the bracket that crosses it.
func DecodeBytesDepth(data []byte, file string, maxDepth int) (any, error) {
	maxDepth = limits.Or(maxDepth, DefaultMaxDepth)
	if off := tooDeep(data, maxDepth); off >= 0 {
		// posError takes the offset after the offending byte, as json does.
		return nil, posError(data, file, off+1, limits.DepthMessage(maxDepth))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	err := dec.Decode(&doc)
	if err == nil {
		if _, err := dec.Token(); err != io.EOF {
			return nil, posError(data, file, dec.InputOffset(), "content after the JSON document")
		}
		return doc, nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return nil, posError(data, file, se.Offset, se.Error())
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return nil, posError(data, file, int64(len(data)), "unexpected end of JSON input")
	}
	return nil, err
}

// tooDeep returns the offset of the first '[' or '{' nested deeper than
// max, or -1. It runs before decoding, which would recurse that deep.
func tooDeep(data []byte, max int) int64 {
	depth := 0
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			if depth++; depth > max {
				return int64(i)
			}
		case ']', '}':
			depth--
		}
	}
	return -1
}

// SyntaxError is malformed JSON input, with its position.
type SyntaxError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

func posError(data []byte, file string, off int64, msg string) error {
	off = min(max(off, 0), int64(len(data)))
	line, start := 1, 0
	for i := 0; i < int(off); i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	col := max(utf8.RuneCount(data[start:off]), 1)
	return &SyntaxError{File: file, Line: line, Col: col, Msg: msg}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// toFloat returns the value of a JSON number in any of the forms a
// decoder may produce.
func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, false
		}
		return f, true
	case float64:
		return n, true
	case float32:
		return float64(n), true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	}
	return 0, false
}

func isNumber(v any) bool {
	switch v.(type) {
	case json.Number, float64, float32, int, int64:
		return true
	}
	return false
}

func isScalar(v any) bool {
	switch v.(type) {
	case string, bool:
		return true
	}
	return isNumber(v)
}

func asArray(v any) []any {
	if a, ok := v.([]any); ok {
		return a
	}
	return []any{v}
}

// jsonEqual compares JSON values; numbers compare by value, as JSON-LD
// processors built on JavaScript do.
func jsonEqual(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	if fa, ok := toFloat(a); ok {
		fb, ok := toFloat(b)
		return ok && (fa == fb || math.IsNaN(fa) && math.IsNaN(fb))
	}
	return false
}

// short renders a JSON value for an error message, cut to a readable
// length.
func short(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 60 {
		return string(b[:57]) + "..."
	}
	return string(b)
}
