package rdfio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/piprate/json-gold/ld"

	"kg/term"
)

// ParseJSONLD reads a JSON-LD document and emits the RDF dataset it
// denotes (JSON-LD 1.1 toRdf). Remote contexts are loaded only from local
// copies: file: IRIs and IRIs under a prefix mapped in opt.Documents; any
// other remote document is an error, so parsing never uses the network.
func ParseJSONLD(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return parseJSONLD(r, opt, emit, nil)
}

// parseJSONLD is ParseJSONLD with a hook to set further processor options
// (the conformance tests need processingMode, expandContext and so on).
func parseJSONLD(r io.Reader, opt Options, emit func(term.Quad) error, tune func(*ld.JsonLdOptions)) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	doc, err := decodeJSON(data, opt.File)
	if err != nil {
		return err
	}
	ldOpt := ld.NewJsonLdOptions(opt.Base)
	ldOpt.DocumentLoader = &localLoader{prefixes: opt.Documents}
	if tune != nil {
		tune(ldOpt)
	}
	res, err := ld.NewJsonLdProcessor().ToRDF(doc, ldOpt)
	if err != nil {
		if opt.File != "" {
			return fmt.Errorf("%s: %w", opt.File, err)
		}
		return err
	}
	ds, ok := res.(*ld.RDFDataset)
	if !ok {
		return fmt.Errorf("json-ld: unexpected result %T", res)
	}
	names := make([]string, 0, len(ds.Graphs))
	for g := range ds.Graphs {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		for _, q := range ds.Graphs[g] {
			tq := term.Quad{
				S: ldTerm(q.Subject, opt.BlankPrefix),
				P: ldTerm(q.Predicate, opt.BlankPrefix),
				O: ldTerm(q.Object, opt.BlankPrefix),
				G: ldTerm(q.Graph, opt.BlankPrefix),
			}
			if tq.S.IsZero() || tq.P.IsZero() || tq.O.IsZero() {
				continue
			}
			if err := emit(tq); err != nil {
				return err
			}
		}
	}
	return nil
}

// decodeJSON parses JSON, reporting syntax errors with line and column.
func decodeJSON(data []byte, file string) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var doc any
	err := dec.Decode(&doc)
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			err = &json.SyntaxError{Offset: dec.InputOffset()}
			return nil, jsonPosError(data, file, dec.InputOffset(), "content after the JSON document")
		}
		return doc, nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return nil, jsonPosError(data, file, se.Offset, se.Error())
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return nil, jsonPosError(data, file, int64(len(data)), "unexpected end of JSON input")
	}
	return nil, err
}

func jsonPosError(data []byte, file string, off int64, msg string) error {
	off = min(max(off, 0), int64(len(data)))
	line, start := 1, 0
	for i := 0; i < int(off); i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	col := utf8.RuneCount(data[start:off])
	if col == 0 {
		col = 1
	}
	return &SyntaxError{File: file, Line: line, Col: col, Msg: msg}
}

func ldTerm(n ld.Node, blankPrefix string) term.Term {
	switch v := n.(type) {
	case ld.IRI:
		return term.IRI(v.Value)
	case *ld.IRI:
		return term.IRI(v.Value)
	case ld.BlankNode:
		return term.Blank(blankPrefix + strings.TrimPrefix(v.Attribute, "_:"))
	case *ld.BlankNode:
		return term.Blank(blankPrefix + strings.TrimPrefix(v.Attribute, "_:"))
	case ld.Literal:
		return ldLiteral(v)
	case *ld.Literal:
		return ldLiteral(*v)
	}
	return term.Term{}
}

func ldLiteral(l ld.Literal) term.Term {
	if l.Language != "" {
		return term.LangString(l.Value, l.Language)
	}
	return term.Literal(l.Value, l.Datatype)
}

// localLoader is a JSON-LD document loader that reads local files only.
type localLoader struct {
	prefixes map[string]string
}

// errRemote explains why a context could not be loaded.
var errRemote = errors.New("remote JSON-LD documents are not fetched; map the IRI prefix to a local directory (Options.Documents) or use a file: IRI")

func (l *localLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	path := ""
	// Longest matching prefix wins, so nested mappings work.
	best := -1
	for prefix, dir := range l.prefixes {
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
		pu, err := url.Parse(u)
		if err == nil {
			path = filepath.FromSlash(pu.Path)
		}
	}
	if path == "" {
		return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, fmt.Sprintf("%s: %v", u, errRemote))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, err)
	}
	doc, err := decodeJSON(data, path)
	if err != nil {
		return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, err)
	}
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}
