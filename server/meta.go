package server

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"

	"kg/catalog"
	"kg/export"
	"kg/store"
	"kg/term"
)

// dumpFormats are the dumps served under /dump/, by file extension.
var dumpFormats = func() []struct{ ext, format string } {
	var out []struct{ ext, format string }
	for _, d := range catalog.DumpFormats {
		out = append(out, struct{ ext, format string }{d.Ext, d.Name})
	}
	return out
}()

// dump is one serialisation of the whole graph, made on first request
// and kept.
type dump struct {
	once     sync.Once
	body, gz []byte
	err      error
}

func (s *Server) dumpOf(format string) (*dump, error) {
	s.mu.Lock()
	d := s.dumps[format]
	if d == nil {
		d = &dump{}
		s.dumps[format] = d
	}
	s.mu.Unlock()
	d.once.Do(func() {
		f, _ := export.ByName(format)
		order := term.CompareTriplesFirst
		if f.Quads {
			order = term.CompareQuads
		}
		// Not the request's context: the dump is shared by every later
		// request, so one client going away must not spoil it.
		quads, err := store.All(context.Background(), s.st, store.Pattern{}, order)
		if err != nil {
			d.err = err
			return
		}
		// The same bytes as kg export, whose DCAT record gives their
		// sizes and checksums.
		r, err := export.RenderDump(format, quads, export.Options{Prefixes: s.prefix, Base: s.base})
		d.body, d.gz, d.err = r.Body, r.Gzip, err
	})
	return d, d.err
}

// dumpFile serves /dump/kg.EXT and /dump/kg.EXT.gz. The plain file is sent
// gzip-encoded to clients that accept it; the .gz file is a gzip file
// (application/gzip), as dataset harvesters expect.
func (s *Server) dumpFile(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimPrefix(r.URL.Path, "/dump/")
	gz := strings.HasSuffix(name, ".gz")
	name = strings.TrimSuffix(name, ".gz")
	format := ""
	for _, d := range dumpFormats {
		if name == "kg"+d.ext {
			format = d.format
		}
	}
	if format == "" {
		return errorf(http.StatusNotFound, "no such dump; see the front page for the list")
	}
	d, err := s.dumpOf(format)
	if err != nil {
		return err
	}
	f, _ := export.ByName(format)
	h := w.Header()
	if gz {
		s.serveBytes(w, r, "application/gzip", d.gz)
		return nil
	}
	h.Add("Vary", "Accept-Encoding")
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		h.Set("ETag", strings.TrimSuffix(etag(d.gz), `"`)+`-gzip"`)
		s.serveBytes(w, r, contentType(f.MediaTypes[0]), d.gz)
		return nil
	}
	s.serveBytes(w, r, contentType(f.MediaTypes[0]), d.body)
	return nil
}

// acceptsGzip reads Accept-Encoding: gzip with a non-zero weight.
func acceptsGzip(r *http.Request) bool {
	for _, v := range r.Header.Values("Accept-Encoding") {
		for elem := range strings.SplitSeq(v, ",") {
			parts := strings.Split(elem, ";")
			if strings.ToLower(strings.TrimSpace(parts[0])) != "gzip" {
				continue
			}
			q := 1000
			for _, p := range parts[1:] {
				if n, val, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(n, "q") {
					if x, ok := parseQ(strings.TrimSpace(val)); ok {
						q = x
					}
				}
			}
			return q > 0
		}
	}
	return false
}

func (s *Server) dumpLinks() []linkView {
	var out []linkView
	for _, d := range dumpFormats {
		f, _ := export.ByName(d.format)
		out = append(out, linkView{Href: "/dump/kg" + d.ext, Text: f.Label, Datatype: f.MediaTypes[0]},
			linkView{Href: "/dump/kg" + d.ext + ".gz", Text: f.Label + " (gzip)", Datatype: "application/gzip"})
	}
	return out
}

// catalogFile serves the DCAT-AP-SE record: /catalog.rdf as RDF/XML,
// byte for byte what kg export --format=dcat writes (what dataportal.se
// harvests), and /catalog.ttl as Turtle.
func (s *Server) catalogFile(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.record()
	if err != nil {
		return err
	}
	if strings.HasSuffix(r.URL.Path, ".rdf") {
		s.serveBytes(w, r, "application/rdf+xml", rec.xml)
		return nil
	}
	f, _ := export.ByName("ttl")
	return s.serveQuads(w, r, offer{f.MediaTypes[0], "ttl"}, rec.quads)
}

// contextFile serves kg's JSON-LD context, which the JSON-LD documents
// and the dump refer to by IRI.
func (s *Server) contextFile(w http.ResponseWriter, r *http.Request) error {
	s.serveBytes(w, r, "application/ld+json", export.Context())
	return nil
}

// dcatRecord is the DCAT-AP-SE record with its dumps described.
type dcatRecord struct {
	xml   []byte
	quads []term.Quad
}

// makeRecord renders every dump to describe it, then the record.
func (s *Server) makeRecord() (*dcatRecord, error) {
	if s.catalogErr != nil {
		return nil, s.catalogErr
	}
	g := s.data()
	d := g.dataset
	d.Dumps = slices.Clone(d.Dumps)
	err := export.DescribeDumps(&d, func(format string) (export.Dump, error) {
		dd, err := s.dumpOf(format)
		if err != nil {
			return export.Dump{}, err
		}
		return export.Dump{Body: dd.body, Gzip: dd.gz}, nil
	})
	if err != nil {
		return nil, err
	}
	quads := catalog.DCAT(d, g.stats)
	// RDF/XML as kg export --format=dcat writes it.
	xml, err := describeIn("rdfxml", dcatPrefixes, quads)
	if err != nil {
		return nil, err
	}
	return &dcatRecord{xml: xml, quads: quads}, nil
}

func (s *Server) voidQuads() []term.Quad {
	g := s.data()
	return catalog.VoID(g.dataset, g.stats)
}

func (s *Server) dcatQuads(context.Context) ([]term.Quad, error) {
	rec, err := s.record()
	if err != nil {
		return nil, err
	}
	return rec.quads, nil
}

// The SPARQL 1.1 Service Description vocabulary and W3C format IRIs.
const (
	nsSD      = "http://www.w3.org/ns/sparql-service-description#"
	nsFormats = "http://www.w3.org/ns/formats/"
	nsVoID    = "http://rdfs.org/ns/void#"
)

// serviceDescription describes the endpoint (SPARQL 1.1 Service
// Description), returned by GET /sparql without a query; triples is the
// size of the default graph.
func (s *Server) serviceDescription(triples int) []term.Quad {
	ep := term.IRI(s.base + "sparql")
	// The default dataset is the VoID and DCAT dataset.
	ds, dg := term.IRI(s.base+"dataset"), term.Blank("sd-default-graph")
	q := func(s, p, o term.Term) term.Quad { return term.Quad{S: s, P: p, O: o} }
	iri := term.IRI
	out := []term.Quad{
		q(ep, iri(term.RDFType), iri(nsSD+"Service")),
		q(ep, iri(nsSD+"endpoint"), ep),
		q(ep, iri(nsSD+"supportedLanguage"), iri(nsSD+"SPARQL11Query")),
		q(ep, iri(nsSD+"feature"), iri(nsSD+"UnionDefaultGraph")),
		q(ep, iri(nsSD+"defaultDataset"), ds),
		q(ds, iri(term.RDFType), iri(nsSD+"Dataset")),
		q(ds, iri(nsSD+"defaultGraph"), dg),
		q(dg, iri(term.RDFType), iri(nsSD+"Graph")),
		q(dg, iri(nsVoID+"triples"), term.Literal(strconv.Itoa(triples), term.XSDInteger)),
	}
	for _, f := range []string{"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
		"Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML"} {
		out = append(out, q(ep, iri(nsSD+"resultFormat"), iri(nsFormats+f)))
	}
	return out
}
