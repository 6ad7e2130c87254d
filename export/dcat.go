package export

import (
	"errors"
	"io"
	"slices"
	"strings"

	"kg/catalog"
	"kg/ontology"
	"kg/term"
)

// describeEncoder counts the quads it is given and on Close writes a
// description of the dataset in Options.Catalog instead of the quads:
// the DCAT-AP-SE record as RDF/XML (the syntax dataportal.se harvests) or
// the VoID description as Turtle.
type describeEncoder struct {
	sticky
	w        io.Writer
	opt      Options
	count    *catalog.Counter
	closed   bool
	describe func(catalog.Dataset, catalog.Stats) []term.Quad
	inner    func(io.Writer, Options) Encoder
	prefixes []Prefix
}

func newDCAT(w io.Writer, opt Options) Encoder {
	return newDescribe(w, opt, "dcat", catalog.DCAT, newRDFXML, dcatPrefixes)
}

func newVoID(w io.Writer, opt Options) Encoder {
	return newDescribe(w, opt, "void", catalog.VoID, newTurtle, append(slices.Clone(dcatPrefixes), opt.Prefixes...))
}

func newDescribe(w io.Writer, opt Options, name string, describe func(catalog.Dataset, catalog.Stats) []term.Quad,
	inner func(io.Writer, Options) Encoder, prefixes []Prefix) Encoder {
	e := &describeEncoder{w: w, opt: opt, describe: describe, inner: inner, prefixes: prefixes}
	if opt.Catalog == nil {
		e.fail(errors.New("export: the " + name + " format needs Options.Catalog"))
		return e
	}
	if m := opt.Catalog.Missing(); name == "dcat" && len(m) > 0 {
		e.fail(&MissingError{Missing: m})
		return e
	}
	e.count = catalog.NewCounter(opt.Catalog.Base)
	return e
}

func (e *describeEncoder) Encode(q term.Quad) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	e.count.Add(q)
	return nil
}

func (e *describeEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	e.closed = true
	x := e.inner(e.w, Options{Prefixes: dedupPrefixes(e.prefixes)})
	for _, q := range e.describe(*e.opt.Catalog, e.count.Stats()) {
		if err := x.Encode(q); err != nil {
			return e.fail(err)
		}
	}
	if err := x.Close(); err != nil {
		return e.fail(err)
	}
	return nil
}

// MissingError is the error of the dcat format for a dataset whose
// publisher or contact is not known: kg writes no record with invented
// ones.
type MissingError struct {
	Missing []string // "publisher", "contact"
}

func (e *MissingError) Error() string {
	return "export: the DCAT record needs the dataset's " + strings.Join(e.Missing, " and ")
}

// dedupPrefixes keeps the first declaration of each name and namespace.
func dedupPrefixes(ps []Prefix) []Prefix {
	var out []Prefix
	names, iris := map[string]bool{}, map[string]bool{}
	for _, p := range ps {
		if !names[p.Name] && !iris[p.IRI] {
			names[p.Name], iris[p.IRI] = true, true
			out = append(out, p)
		}
	}
	return out
}

// dcatPrefixes are the namespaces of a DCAT-AP record.
var dcatPrefixes = []Prefix{
	{Name: "dcat", IRI: ontology.DCAT},
	{Name: "dcterms", IRI: ontology.DCTERMS},
	{Name: "foaf", IRI: ontology.FOAF},
	{Name: "vcard", IRI: ontology.VCARD},
	{Name: "void", IRI: ontology.VOID},
}
