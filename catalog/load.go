package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"kg/ingest/register"
	"kg/term"
)

// DatasetFile names the description of the published dataset in the seeds
// directory.
const DatasetFile = "dataset.tsv"

// The terms of the graph Load reads the source documents from.
const (
	reportClass = OntologyIRI + "#Report"
	dctTitle    = nsDCTERMS + "title"
	dctPub      = nsDCTERMS + "publisher"
	dctIssued   = nsDCTERMS + "issued"
	foafPage    = nsFOAF + "page"
)

// Publishing is what the person who publishes the dataset says of it on
// the command line or in the environment; it overrides the DatasetFile.
type Publishing struct {
	PublisherName  string
	PublisherOrgnr string // organisationsnummer, NNNNNN-NNNN or ten digits
	Contact        string // e-mail address
	Built          time.Time
}

// DumpFormat is a serialisation kg publishes as a dump at
// {base}dump/kg{Ext} and, gzip-compressed, at {base}dump/kg{Ext}.gz.
type DumpFormat struct {
	Name, Ext, MediaType string
}

// DumpFormats are the dumps kg publishes, in the order they are listed.
var DumpFormats = []DumpFormat{
	{"ttl", ".ttl", "text/turtle"},
	{"nt", ".nt", "application/n-triples"},
	{"nq", ".nq", "application/n-quads"},
	{"jsonld", ".jsonld", "application/ld+json"},
	{"trig", ".trig", "application/trig"},
	{"rdfxml", ".rdf", "application/rdf+xml"},
}

// Load describes the dataset published at base: the DatasetFile in
// seedsDir when there is one, overridden by pub; the reports of the graph
// as its sources; the modification time pub.Built; every dump of
// DumpFormats under {base}dump/, plain and gzip-compressed (without sizes
// or checksums: the caller, which writes the dumps, adds them); and the
// SPARQL endpoint at {base}sparql. A malformed organisationsnummer or
// e-mail address is an error; missing ones are not (see
// Dataset.Missing).
func Load(seedsDir, base string, pub Publishing, quads []term.Quad) (Dataset, error) {
	path := filepath.Join(seedsDir, DatasetFile)
	var d Dataset
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return d, err
	default:
		d, err = ReadDataset(f, path)
		f.Close()
		if err != nil {
			return d, err
		}
	}
	d.Base = base
	if err := d.publish(pub); err != nil {
		return d, err
	}
	if d.Title == nil {
		d.Title = map[string]string{"en": "kg knowledge graph"}
	}
	if d.Description == nil {
		d.Description = map[string]string{"en": "A knowledge graph built by kg, with provenance to page and quote."}
	}
	d.ConformsTo = OntologyIRI
	d.Sources = append(d.Sources, Sources(quads)...)
	for _, df := range DumpFormats {
		url := base + "dump/kg" + df.Ext
		d.Dumps = append(d.Dumps,
			Dump{Format: df.Name, MediaType: df.MediaType, URL: url},
			Dump{Format: df.Name + ".gz", MediaType: df.MediaType, Compression: "application/gzip", URL: url + ".gz"})
	}
	d.SPARQLEndpoint = base + "sparql"
	return d, nil
}

// Check reports a malformed organisationsnummer or e-mail address.
func (p Publishing) Check() error {
	var d Dataset
	return d.publish(p)
}

// publish applies what the publisher said and checks the identifiers.
func (d *Dataset) publish(pub Publishing) error {
	if n := strings.TrimSpace(pub.PublisherName); n != "" {
		d.Publisher.Name = map[string]string{"": n}
	}
	if o := strings.TrimSpace(pub.PublisherOrgnr); o != "" {
		d.Publisher.Identifier = o
	}
	if c := strings.TrimSpace(pub.Contact); c != "" {
		d.ContactEmail = c
	}
	if id := d.Publisher.Identifier; id != "" {
		if len(id) == 10 && !strings.Contains(id, "-") {
			id = id[:6] + "-" + id[6:]
		}
		if !register.ValidOrgnr(id) {
			return fmt.Errorf("publisher organisationsnummer %q: want NNNNNN-NNNN with a valid check digit", d.Publisher.Identifier)
		}
		d.Publisher.Identifier = id
	}
	if c := strings.TrimPrefix(d.ContactEmail, "mailto:"); c != "" {
		a, err := mail.ParseAddress(c)
		if err != nil || a.Address != c || !strings.Contains(c[strings.IndexByte(c, '@'):], ".") {
			return fmt.Errorf("contact %q: want an e-mail address such as opendata@example.se", d.ContactEmail)
		}
		d.ContactEmail = c
	}
	if !pub.Built.IsZero() {
		d.Modified = pub.Built.UTC().Truncate(time.Second).Format(time.RFC3339)
	}
	return nil
}

// SourcePredicates are the predicates of the quads Sources reads besides
// rdf:type: it may be given only the quads of these.
var SourcePredicates = []string{term.RDFType, dctTitle, dctPub, dctIssued, foafPage}

// Sources describes the reports of a graph, in IRI order: the sources
// Load adds to the dataset from its quads.
func Sources(quads []term.Quad) []SourceDoc {
	byIRI := map[string]*SourceDoc{}
	for _, q := range quads {
		if q.P.Value == term.RDFType && q.O.Value == reportClass && q.S.IsIRI() && byIRI[q.S.Value] == nil {
			byIRI[q.S.Value] = &SourceDoc{IRI: q.S.Value, Title: map[string]string{}}
		}
	}
	for _, q := range quads {
		src := byIRI[q.S.Value]
		if src == nil || !q.S.IsIRI() {
			continue
		}
		switch {
		case q.P.Value == dctTitle && q.O.IsLiteral():
			src.Title[q.O.Lang] = q.O.Value
		case q.P.Value == dctPub && q.O.IsLiteral():
			src.Publisher = q.O.Value
		case q.P.Value == dctIssued && q.O.IsLiteral():
			src.Issued = q.O.Value
		case q.P.Value == foafPage && q.O.IsIRI():
			src.Page = q.O.Value
		}
	}
	var out []SourceDoc
	for _, iri := range slices.Sorted(maps.Keys(byIRI)) {
		out = append(out, *byIRI[iri])
	}
	return out
}
