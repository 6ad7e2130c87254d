package rdfio

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"kg/jsonld"
	"kg/term"
)

// ParseJSONLD reads a JSON-LD document and emits the RDF dataset it
// denotes (JSON-LD 1.1 toRdf, by package jsonld). Remote contexts are
// loaded only from local copies under a prefix mapped in opt.Documents, and
// from file: IRIs only when opt.ReadFiles allows it; anything else is an
// error, so parsing never uses the network and a document cannot make kg
// read an arbitrary file.
func ParseJSONLD(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return parseJSONLD(r, opt, emit, nil)
}

// parseJSONLD is ParseJSONLD with a hook to set further processor options
// (the conformance tests need processingMode, expandContext and so on).
func parseJSONLD(r io.Reader, opt Options, emit func(term.Quad) error, tune func(*jsonld.Options)) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	doc, err := decodeJSON(data, opt.File, opt.maxDepth())
	if err != nil {
		return err
	}
	ldOpt := jsonld.Options{
		Base:         opt.Base,
		BlankPrefix:  opt.BlankPrefix,
		File:         opt.File,
		LoadDocument: knownLoader(opt, localLoader(opt)),
		MaxDepth:     opt.maxDepth(),
	}
	if tune != nil {
		tune(&ldOpt)
	}
	return jsonld.ToRDF(doc, ldOpt, emit)
}

// decodeJSON parses JSON, numbers keeping their lexical form, and reports
// syntax errors as *SyntaxError with line and column.
func decodeJSON(data []byte, file string, maxDepth int) (any, error) {
	doc, err := jsonld.DecodeBytesDepth(data, file, maxDepth)
	var se *jsonld.SyntaxError
	if errors.As(err, &se) {
		return nil, &SyntaxError{File: se.File, Line: se.Line, Col: se.Col, Msg: se.Msg}
	}
	return doc, err
}

// Why a context could not be loaded. The messages speak to the user of kg
// load, not to a programmer.
var (
	errRemote  = errors.New("remote JSON-LD contexts are not fetched")
	errFile    = errors.New("local files named by a JSON-LD document are not read")
	errOutside = errors.New("the context is outside the directory its IRI prefix maps to")
)

// knownLoader answers the documents of opt.Contexts from memory and
// passes every other IRI to next.
func knownLoader(opt Options, next func(string) (any, error)) func(string) (any, error) {
	return func(u string) (any, error) {
		if doc, ok := opt.Contexts[u]; ok {
			return decodeJSON(doc, u, opt.maxDepth())
		}
		return next(u)
	}
}

// localLoader returns a JSON-LD document loader that reads local files
// only: IRIs under a prefix of opt.Documents (the longest matching prefix
// wins, so nested mappings work; the rest of the IRI must name a file
// inside the mapped directory) and, with opt.ReadFiles, file: IRIs. A file
// that is not JSON is reported by position only, never by its content.
func localLoader(opt Options) func(string) (any, error) {
	return func(u string) (any, error) {
		path := ""
		best := -1
		for prefix, dir := range opt.Documents {
			if strings.HasPrefix(u, prefix) && len(prefix) > best {
				best = len(prefix)
				rest := strings.TrimPrefix(u, prefix)
				if i := strings.IndexAny(rest, "?#"); i >= 0 {
					rest = rest[:i]
				}
				path = ""
				if filepath.IsLocal(filepath.FromSlash(rest)) {
					path = filepath.Join(dir, filepath.FromSlash(rest))
				}
			}
		}
		switch {
		case path != "":
		case best >= 0:
			return nil, errOutside
		case strings.HasPrefix(u, "file:") && !opt.ReadFiles:
			return nil, errFile
		case strings.HasPrefix(u, "file:"):
			pu, err := url.Parse(u)
			if err != nil || pu.Path == "" {
				return nil, errFile
			}
			path = filepath.FromSlash(pu.Path)
		default:
			return nil, errRemote
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, unwrapPath(err)
		}
		doc, err := decodeJSON(data, path, opt.maxDepth())
		var se *SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s:%d:%d: not a JSON document", path, se.Line, se.Col)
		}
		return doc, err
	}
}

// unwrapPath drops the operation and path of an *os.PathError, which the
// JSON-LD error already names by its IRI.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
