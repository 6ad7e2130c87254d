package export

import (
	"errors"
	"io"

	"kg/catalog"
	"kg/term"
)

// dcatEncoder counts the quads it is given and on Close writes the DCAT-AP-SE
// record of Options.Catalog as RDF/XML, the syntax dataportal.se harvests.
type dcatEncoder struct {
	sticky
	w      io.Writer
	opt    Options
	count  *catalog.Counter
	closed bool
}

func newDCAT(w io.Writer, opt Options) Encoder {
	e := &dcatEncoder{w: w, opt: opt}
	if opt.Catalog == nil {
		e.fail(errors.New("export: the dcat format needs Options.Catalog"))
		return e
	}
	e.count = catalog.NewCounter(opt.Catalog.Base)
	return e
}

func (e *dcatEncoder) Encode(q term.Quad) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	e.count.Add(q)
	return nil
}

func (e *dcatEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	e.closed = true
	x := newRDFXML(e.w, Options{Prefixes: dcatPrefixes})
	for _, q := range catalog.DCAT(*e.opt.Catalog, e.count.Stats()) {
		if err := x.Encode(q); err != nil {
			return e.fail(err)
		}
	}
	if err := x.Close(); err != nil {
		return e.fail(err)
	}
	return nil
}

// dcatPrefixes are the namespaces of a DCAT-AP record.
var dcatPrefixes = []Prefix{
	{"dcat", "http://www.w3.org/ns/dcat#"},
	{"dcterms", "http://purl.org/dc/terms/"},
	{"foaf", "http://xmlns.com/foaf/0.1/"},
	{"vcard", "http://www.w3.org/2006/vcard/ns#"},
	{"void", "http://rdfs.org/ns/void#"},
}
