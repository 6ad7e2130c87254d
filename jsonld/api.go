package jsonld

import (
	"kg/internal/limits"
	"kg/term"
)

// Options control processing.
type Options struct {
	// Base is the document's base IRI; relative IRIs resolve against it
	// and relative remote context references against it too.
	Base string
	// ExpandContext is a context applied before the document's own: parsed
	// JSON (an object with or without an @context member, an array) or
	// the IRI of a context document.
	ExpandContext any
	// ProcessingMode is "json-ld-1.1" (the default when empty) or
	// "json-ld-1.0".
	ProcessingMode string
	// RDFDirection selects how strings with a base direction become RDF:
	// "" drops the direction, "i18n-datatype" or "compound-literal".
	RDFDirection string
	// ProduceGeneralizedRDF keeps triples whose predicate is a blank node.
	ProduceGeneralizedRDF bool
	// BlankPrefix is put before every blank node label produced.
	BlankPrefix string
	// LoadDocument returns the parsed JSON document at an IRI (remote
	// contexts, @import). When nil, every remote context is an error.
	LoadDocument func(iri string) (any, error)
	// File names the document in error messages.
	File string
	// MaxDepth bounds the nesting of arrays and objects that expansion
	// follows; 0 means DefaultMaxDepth.
	MaxDepth int
}

// DefaultMaxDepth is the nesting limit used when Options.MaxDepth is 0:
// kg's one bound on nesting, limits.Depth.
const DefaultMaxDepth = limits.Depth

// processor holds the state of one Expand or ToRDF call.
type processor struct {
	opt      Options
	mode10   bool
	maxDepth int
	depth    int
	docs     map[string]any
	ctxCache map[ctxKey]*context

	// settings for term definitions created on demand (see applyContextMap)
	termBase     string
	termOverride bool
	termRemote   []string
}

func newProcessor(opt Options) *processor {
	p := &processor{opt: opt, mode10: opt.ProcessingMode == "json-ld-1.0", maxDepth: opt.MaxDepth}
	if p.maxDepth <= 0 {
		p.maxDepth = DefaultMaxDepth
	}
	return p
}

func (p *processor) fail(err error) error {
	if e, ok := err.(*Error); ok && e.File == "" && p.opt.File != "" {
		e.File = p.opt.File
	}
	return err
}

// Expand returns the expanded form of doc (JSON-LD 1.1 API, expand()).
func Expand(doc any, opt Options) ([]any, error) {
	p := newProcessor(opt)
	out, err := p.expandDocument(doc)
	if err != nil {
		return nil, p.fail(err)
	}
	return out, nil
}

func (p *processor) expandDocument(doc any) ([]any, error) {
	ac := &context{terms: map[string]*termDef{}, base: p.opt.Base, originalBase: p.opt.Base}
	if ec := p.opt.ExpandContext; ec != nil {
		if m, ok := ec.(map[string]any); ok {
			if c, ok := m["@context"]; ok {
				ec = c
			}
		}
		var err error
		ac, err = p.processContext(ac, ec, p.opt.Base, nil, false, true, true)
		if err != nil {
			return nil, err
		}
	}
	res, err := p.expand(ac, noProp, doc, p.opt.Base, false)
	if err != nil {
		return nil, err
	}
	if m, ok := res.(map[string]any); ok && len(m) == 1 {
		if g, ok := m["@graph"]; ok {
			res = g
		}
	}
	if res == nil {
		return []any{}, nil
	}
	return asArray(res), nil
}

// ToRDF expands doc and emits the RDF dataset it denotes (JSON-LD 1.1 API,
// toRdf()), quad by quad, in a deterministic order. An error from emit
// stops processing and is returned.
func ToRDF(doc any, opt Options, emit func(term.Quad) error) error {
	p := newProcessor(opt)
	expanded, err := p.expandDocument(doc)
	if err != nil {
		return p.fail(err)
	}
	nm := newNodeMap()
	if err := nm.add(expanded, "@default", "", false, "", nil); err != nil {
		return p.fail(err)
	}
	return p.fail(p.toRDF(nm, emit))
}
