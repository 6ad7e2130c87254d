package export

import (
	"io"
	"strings"

	"kg/catalog"
	"kg/ontology"
	"kg/rdfio"
	"kg/term"
)

// Prefix is a namespace prefix for the syntaxes that abbreviate IRIs;
// ontology.Prefixes gives kg's own.
type Prefix = ontology.Prefix

// Options controls a writer.
type Options struct {
	// Prefixes are declared, all of them and in this order, at the top of
	// Turtle, TriG and RDF/XML output, and become terms of the JSON-LD
	// context. A prefix is used for an IRI only where the rest of the IRI
	// is a valid local name; the longest matching namespace wins.
	Prefixes []Prefix
	// Base is the base IRI of the dataset. JSON-LD output declares it as
	// @base so that the dataset's own IRIs print relative to it.
	Base string
	// Catalog describes the dataset for the dcat format, which ignores the
	// quads except to count them.
	Catalog *catalog.Dataset
	// ContextIRI, when set, makes JSON-LD output refer to kg's shared
	// context (Context, published by kg serve at ContextIRI(base)) by this
	// IRI instead of embedding it; only the prefixes it lacks follow
	// inline. Empty: the context is embedded, a self-contained document.
	ContextIRI string
}

// Encoder writes quads in one syntax. Encode takes quads in the order
// described in the package documentation; Close finishes the document and
// flushes it, without closing the underlying writer. After an error every
// later call returns the same error.
type Encoder interface {
	Encode(q term.Quad) error
	Close() error
}

// Format describes one output syntax.
type Format struct {
	Name       string   // short name used by the command line: "ttl", ...
	Label      string   // human-readable name: "Turtle", ...
	Extensions []string // file name extensions with the dot, lower case
	MediaTypes []string // the first is the canonical one
	Quads      bool     // the syntax keeps graph names
	New        func(w io.Writer, opt Options) Encoder
	Parse      rdfio.ParseFunc // reads the syntax; nil for write-only formats
}

// Formats lists every output syntax. It is the one table that the command
// line and HTTP content negotiation consult.
var Formats = []Format{
	{"ttl", "Turtle", []string{".ttl"}, []string{"text/turtle", "application/x-turtle"}, false, newTurtle, rdfio.ParseTurtle},
	{"trig", "TriG", []string{".trig"}, []string{"application/trig", "application/x-trig"}, true, newTriG, rdfio.ParseTriG},
	{"nt", "N-Triples", []string{".nt"}, []string{"application/n-triples"}, false, newNTriples, rdfio.ParseNTriples},
	{"nq", "N-Quads", []string{".nq"}, []string{"application/n-quads", "text/x-nquads"}, true, newNQuads, rdfio.ParseNQuads},
	{"jsonld", "JSON-LD", []string{".jsonld"}, []string{"application/ld+json"}, false, newJSONLD, rdfio.ParseJSONLD},
	{"rdfxml", "RDF/XML", []string{".rdf", ".owl"}, []string{"application/rdf+xml"}, false, newRDFXML, rdfio.ParseRDFXML},
	{"dcat", "DCAT-AP-SE catalogue record (RDF/XML)", nil, nil, false, newDCAT, nil},
	{"void", "VoID description (Turtle)", nil, nil, false, newVoID, nil},
}

// ForFile finds the format of a file by its extension; a final ".gz" is
// looked through (rdfio.OpenFile decompresses such files).
func ForFile(path string) (Format, bool) {
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		path = path[:len(path)-3]
	}
	i := strings.LastIndexByte(path, '.')
	if i < 0 || strings.ContainsRune(path[i:], '/') {
		return Format{}, false
	}
	return ByExtension(path[i:])
}

// Lookup finds a format by short name, label ("Turtle"), media type or
// extension, ignoring case: what a user may type after --format.
func Lookup(s string) (Format, bool) {
	if f, ok := ByName(strings.ToLower(s)); ok {
		return f, true
	}
	for _, f := range Formats {
		if strings.EqualFold(f.Label, s) {
			return f, true
		}
	}
	if f, ok := ByMediaType(s); ok {
		return f, true
	}
	return ByExtension(s)
}

// ByName finds a format by its short name.
func ByName(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// ByExtension finds a format by file name extension, with or without the
// leading dot, ignoring case.
func ByExtension(ext string) (Format, bool) {
	ext = strings.ToLower(ext)
	if !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	for _, f := range Formats {
		for _, e := range f.Extensions {
			if e == ext {
				return f, true
			}
		}
	}
	return Format{}, false
}

// ByMediaType finds a format by media type, ignoring case and parameters
// such as "; charset=utf-8".
func ByMediaType(mt string) (Format, bool) {
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = mt[:i]
	}
	mt = strings.ToLower(strings.TrimSpace(mt))
	for _, f := range Formats {
		for _, m := range f.MediaTypes {
			if m == mt {
				return f, true
			}
		}
	}
	return Format{}, false
}

// sticky carries the first error of an encoder so that later calls
// report it instead of writing after a failure.
type sticky struct{ err error }

func (s *sticky) fail(err error) error {
	if s.err == nil {
		s.err = err
	}
	return s.err
}
