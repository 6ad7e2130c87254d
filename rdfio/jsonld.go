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
// loaded only from local copies: file: IRIs and IRIs under a prefix mapped
// in opt.Documents; any other remote document is an error, so parsing
// never uses the network.
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
	doc, err := decodeJSON(data, opt.File)
	if err != nil {
		return err
	}
	ldOpt := jsonld.Options{
		Base:         opt.Base,
		BlankPrefix:  opt.BlankPrefix,
		File:         opt.File,
		LoadDocument: localLoader(opt.Documents),
	}
	if tune != nil {
		tune(&ldOpt)
	}
	return jsonld.ToRDF(doc, ldOpt, emit)
}

// decodeJSON parses JSON, numbers keeping their lexical form, and reports
// syntax errors as *SyntaxError with line and column.
func decodeJSON(data []byte, file string) (any, error) {
	doc, err := jsonld.DecodeBytes(data, file)
	var se *jsonld.SyntaxError
	if errors.As(err, &se) {
		return nil, &SyntaxError{File: se.File, Line: se.Line, Col: se.Col, Msg: se.Msg}
	}
	return doc, err
}

// errRemote explains why a context could not be loaded.
var errRemote = errors.New("remote JSON-LD documents are not fetched; map the IRI prefix to a local directory (Options.Documents) or use a file: IRI")

// localLoader returns a JSON-LD document loader that reads local files
// only: IRIs under a prefix of documents (the longest matching prefix
// wins, so nested mappings work) and file: IRIs.
func localLoader(documents map[string]string) func(string) (any, error) {
	return func(u string) (any, error) {
		path := ""
		best := -1
		for prefix, dir := range documents {
			if strings.HasPrefix(u, prefix) && len(prefix) > best {
				best = len(prefix)
				rest := strings.TrimPrefix(u, prefix)
				if i := strings.IndexAny(rest, "?#"); i >= 0 {
					rest = rest[:i]
				}
				path = filepath.Join(dir, filepath.FromSlash(rest))
			}
		}
		if path == "" && strings.HasPrefix(u, "file:") {
			if pu, err := url.Parse(u); err == nil {
				path = filepath.FromSlash(pu.Path)
			}
		}
		if path == "" {
			return nil, fmt.Errorf("%s: %w", u, errRemote)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return decodeJSON(data, path)
	}
}
