package results

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"kg/internal/grammar"
	"kg/term"
)

// ErrUnrepresentable is wrapped by the error of a writer given a value its
// format cannot hold: the SPARQL XML format is XML 1.0, which has no way
// to write U+0000 or most other C0 control characters, not even as
// character references.
var ErrUnrepresentable = errors.New("value not representable in this format")

// Writer receives a SELECT result as a stream. Begin is called once with the
// projected variable names (without "?"), Row once per solution with values
// aligned with those names (the zero term.Term marks an unbound variable),
// and End once at the end. A Writer does not close the underlying io.Writer.
type Writer interface {
	Begin(vars []string) error
	Row(values []term.Term) error
	End() error
}

// Result is a whole query result: either a solution sequence (Vars and Rows,
// each row aligned with Vars, zero terms unbound) or, for ASK, a Boolean.
type Result struct {
	Vars    []string
	Rows    [][]term.Term
	Boolean *bool
}

// Options tune writers. Only the table format uses them.
type Options struct {
	// Prefixes maps a prefix label to a namespace IRI; the table writer
	// shows IRIs in that namespace as label:local.
	Prefixes map[string]string
}

// Format describes one result format.
type Format struct {
	Name       string   // short name, as given on a command line
	Extensions []string // file extensions with the dot, preferred first
	MediaTypes []string // media types, preferred first
	// New returns a streaming writer of the format.
	New func(w io.Writer, opt Options) Writer
	// Read reads a whole result; nil if the format cannot be read.
	Read func(r io.Reader) (*Result, error)
	// boolean writes an ASK result.
	boolean func(w io.Writer, b bool) error
}

// Formats lists the supported formats; lookups search this table.
var Formats = []Format{
	{
		Name:       "json",
		Extensions: []string{".srj", ".json"},
		MediaTypes: []string{"application/sparql-results+json", "application/json"},
		New:        func(w io.Writer, _ Options) Writer { return NewJSONWriter(w) },
		Read:       ReadJSON,
		boolean:    writeJSONBoolean,
	},
	{
		Name:       "xml",
		Extensions: []string{".srx", ".xml"},
		MediaTypes: []string{"application/sparql-results+xml", "application/xml", "text/xml"},
		New:        func(w io.Writer, _ Options) Writer { return NewXMLWriter(w) },
		Read:       ReadXML,
		boolean:    writeXMLBoolean,
	},
	{
		Name:       "csv",
		Extensions: []string{".csv"},
		MediaTypes: []string{"text/csv"},
		New:        func(w io.Writer, _ Options) Writer { return NewCSVWriter(w) },
		Read:       ReadCSV,
		boolean:    writeCSVBoolean,
	},
	{
		Name:       "tsv",
		Extensions: []string{".tsv"},
		MediaTypes: []string{"text/tab-separated-values"},
		New:        func(w io.Writer, _ Options) Writer { return NewTSVWriter(w) },
		Read:       ReadTSV,
		boolean:    writeTSVBoolean,
	},
	{
		Name:       "table",
		Extensions: []string{".txt"},
		MediaTypes: []string{"text/plain"},
		New:        func(w io.Writer, opt Options) Writer { return NewTableWriter(w, opt) },
		boolean:    writeTableBoolean,
	},
}

// ByName returns the format with the given name (case-insensitive).
func ByName(name string) (Format, bool) {
	for _, f := range Formats {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return Format{}, false
}

// ByExtension returns the format for a file extension, given with or
// without the dot (case-insensitive).
func ByExtension(ext string) (Format, bool) {
	if !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	for _, f := range Formats {
		for _, e := range f.Extensions {
			if strings.EqualFold(e, ext) {
				return f, true
			}
		}
	}
	return Format{}, false
}

// ByMediaType returns the format for a media type. Parameters such as
// "; charset=utf-8" are ignored.
func ByMediaType(mt string) (Format, bool) {
	if parsed, _, err := mime.ParseMediaType(mt); err == nil {
		mt = parsed
	}
	mt = strings.TrimSpace(mt)
	for _, f := range Formats {
		for _, m := range f.MediaTypes {
			if strings.EqualFold(m, mt) {
				return f, true
			}
		}
	}
	return Format{}, false
}

// WriteBoolean writes an ASK result in the named format. JSON and XML use
// their boolean forms; CSV and TSV, which define none, write the single word
// true or false on a line, which ReadCSV and ReadTSV read back as a boolean;
// the table prints the word.
func WriteBoolean(format string, w io.Writer, b bool) error {
	f, ok := ByName(format)
	if !ok {
		return fmt.Errorf("results: unknown format %q", format)
	}
	return f.boolean(w, b)
}

// Write writes a whole Result in the named format, as a solution sequence
// or, when r.Boolean is set, as a boolean.
func Write(format string, w io.Writer, r *Result, opt Options) error {
	f, ok := ByName(format)
	if !ok {
		return fmt.Errorf("results: unknown format %q", format)
	}
	if r.Boolean != nil {
		return f.boolean(w, *r.Boolean)
	}
	return Copy(f.New(w, opt), r)
}

// Copy streams r's solutions into wr.
func Copy(wr Writer, r *Result) error {
	if err := wr.Begin(r.Vars); err != nil {
		return err
	}
	for _, row := range r.Rows {
		if err := wr.Row(row); err != nil {
			return err
		}
	}
	return wr.End()
}

// Collector is a Writer that keeps the rows in a Result.
type Collector struct {
	Result Result
}

// Begin implements Writer.
func (c *Collector) Begin(vars []string) error {
	c.Result.Vars = append([]string(nil), vars...)
	return nil
}

// Row implements Writer. It copies values.
func (c *Collector) Row(values []term.Term) error {
	if len(values) != len(c.Result.Vars) {
		return errRowWidth(len(values), len(c.Result.Vars))
	}
	c.Result.Rows = append(c.Result.Rows, append([]term.Term(nil), values...))
	return nil
}

// End implements Writer.
func (c *Collector) End() error { return nil }

func errRowWidth(got, want int) error {
	return fmt.Errorf("results: row has %d values for %d variables", got, want)
}

// checkVars rejects variable names that no format could write back: SPARQL
// VARNAME characters only, so that readers see the same names.
func checkVars(vars []string) error {
	seen := make(map[string]bool, len(vars))
	for _, v := range vars {
		if !validVarName(v) {
			return fmt.Errorf("results: invalid variable name %q", v)
		}
		if seen[v] {
			return fmt.Errorf("results: duplicate variable %q", v)
		}
		seen[v] = true
	}
	return nil
}

// validVarName follows the SPARQL 1.1 VARNAME production.
func validVarName(v string) bool {
	if v == "" {
		return false
	}
	for i, r := range v {
		switch {
		case r == '_' || grammar.IsPNCharsBase(r) || (r >= '0' && r <= '9'):
		case i > 0 && (r == 0xB7 || (r >= 0x300 && r <= 0x36F) || (r >= 0x203F && r <= 0x2040)):
		default:
			return false
		}
	}
	return true
}
