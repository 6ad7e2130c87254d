package rdfio

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"kg/internal/limits"
	"kg/term"
)

// Options controls a parse.
type Options struct {
	// Base is the base IRI against which relative IRIs are resolved,
	// usually the file: IRI of the document. Empty means "no base": relative
	// IRIs are then kept as written in Turtle-family syntaxes. N-Triples and
	// N-Quads allow only absolute IRIs and do not use it.
	Base string
	// BlankPrefix is prepended to every blank node label, so that blank
	// nodes of different documents loaded into one store never merge. It
	// should end in a character that cannot start a label, such as '_' or
	// '.', to keep prefixes of different documents apart.
	BlankPrefix string
	// File is the name used in error messages.
	File string
	// OnPrefix, when set, is called for every prefix declaration seen by
	// the Turtle and TriG parsers (and for namespace declarations in
	// RDF/XML), with the prefix without its colon and the resolved IRI.
	OnPrefix func(prefix, iri string)
	// Documents maps IRI prefixes to local directories for the JSON-LD
	// document loader: a remote context whose IRI starts with a key is read
	// from the file under the mapped directory. Any other remote document is
	// an error; the loader never uses the network.
	Documents map[string]string
	// MaxDepth bounds nesting: blank node property lists and collections
	// in Turtle and TriG, elements in RDF/XML, objects and arrays in
	// JSON-LD. Zero means limits.Depth.
	MaxDepth int
	// MaxTermSize bounds, in bytes, one IRI, blank node label or literal
	// of the streaming parsers, and one line of N-Triples or N-Quads. Zero
	// means limits.TermSize.
	MaxTermSize int
	// ReadFiles lets the JSON-LD document loader read file: IRIs (remote
	// contexts and @import). It is off by default: a document could
	// otherwise make kg read any file the user can.
	ReadFiles bool
	// SkipTermCheck leaves out the checks of N-Triples and N-Quads IRIs
	// (RFC 3987) and language tags (BCP 47) beyond the grammar's own rules:
	// for files kg wrote itself after checking every term, such as the
	// store's.
	SkipTermCheck bool
	// Contexts are JSON-LD documents the loader knows by IRI (such as
	// kg's shared context, export.Contexts), consulted before Documents.
	Contexts map[string][]byte
}

func (o *Options) maxDepth() int    { return limits.Or(o.MaxDepth, limits.Depth) }
func (o *Options) maxTermSize() int { return limits.Or(o.MaxTermSize, limits.TermSize) }

// SyntaxError is a parse error at a position of the input. Line and Col are
// 1-based; Col counts characters, not bytes.
type SyntaxError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ParseFunc is the common signature of the parsers: it reads a document
// from r and calls emit for every quad, stopping at the first error
// (a *SyntaxError for bad input, or whatever emit or r returned).
type ParseFunc func(r io.Reader, opt Options, emit func(term.Quad) error) error

// FileIRI returns the file: IRI of an absolute file path, suitable as
// Options.Base.
func FileIRI(absPath string) string {
	var b strings.Builder
	b.WriteString("file://")
	if !strings.HasPrefix(absPath, "/") {
		b.WriteByte('/')
	}
	for i := 0; i < len(absPath); i++ {
		c := absPath[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("%<>\"{}|\\^`#?", c) >= 0 {
			b.WriteString("%" + strings.ToUpper(strconv.FormatInt(int64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
