package catalog

import (
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"kg/term"
)

// Namespaces used in the descriptions and the authority tables they cite.
const (
	nsDCAT    = "http://www.w3.org/ns/dcat#"
	nsDCTERMS = "http://purl.org/dc/terms/"
	nsFOAF    = "http://xmlns.com/foaf/0.1/"
	nsVCARD   = "http://www.w3.org/2006/vcard/ns#"
	nsVOID    = "http://rdfs.org/ns/void#"
	nsRDF     = term.RDFNS

	euAuthority  = "http://publications.europa.eu/resource/authority/"
	DataTheme    = euAuthority + "data-theme/"
	Language     = euAuthority + "language/"
	FileType     = euAuthority + "file-type/"
	AccessRight  = euAuthority + "access-right/"
	Country      = euAuthority + "country/"
	IANAMedia    = "http://www.iana.org/assignments/media-types/"
	W3CFormats   = "http://www.w3.org/ns/formats/"
	PublisherTyp = "http://purl.org/adms/publishertype/"
)

// Defaults applied by DCAT and VoID to empty fields of a Dataset.
const (
	// CC0 1.0, the licence IRI as Creative Commons publishes it.
	DefaultLicense      = "http://creativecommons.org/publicdomain/zero/1.0/"
	DefaultAccessRights = AccessRight + "PUBLIC"
)

// DataportalOrganisation is the namespace of dataportal.se's publisher
// IRIs: SE followed by the ten digits of the organisationsnummer.
const DataportalOrganisation = "http://dataportal.se/organisation/"

// PublisherInfo describes the agent that publishes the dataset: the body
// that runs kg, never the author of a source report.
type PublisherInfo struct {
	IRI        string            // empty: DataportalOrganisation + "SE" + orgnr, else Base + "publisher"
	Name       map[string]string // language ("" for none) → name
	Homepage   string
	Type       string // ADMS publisher type IRI
	Identifier string // organisationsnummer NNNNNN-NNNN, written only when set
}

// PublisherIRI is the dataportal.se IRI of the organisation with the
// organisationsnummer orgnr (NNNNNN-NNNN or ten digits).
func PublisherIRI(orgnr string) string {
	return DataportalOrganisation + "SE" + strings.ReplaceAll(orgnr, "-", "")
}

// Dump is one downloadable serialisation of the dataset.
type Dump struct {
	Format      string // short format name, such as "ttl" or "ttl.gz"
	MediaType   string // such as "text/turtle"
	Compression string // media type of the compression ("application/gzip"), "" for none
	URL         string
	ByteSize    int64  // 0: unknown
	SHA1        string // hex SHA-1 of the bytes served; "" for unknown
}

// SourceDoc is a document the graph is built from: the dataset's source,
// never its publisher.
type SourceDoc struct {
	IRI       string
	Title     map[string]string // language → title
	Publisher string            // the name of who published the document
	Issued    string            // xsd:date, xsd:gYear or xsd:gYearMonth lexical form
	Page      string            // where the document is published
}

// Dataset is what the caller knows about the dataset.
type Dataset struct {
	Base           string // IRI under which the catalogue resources are named
	Title          map[string]string
	Description    map[string]string
	Publisher      PublisherInfo
	ContactEmail   string
	License        string
	Issued         string      // when the dataset was first published: xsd:date lexical form
	Modified       string      // when the graph was built: xsd:dateTime (or xsd:date) lexical form
	Sources        []SourceDoc // the documents the graph is derived from
	Dumps          []Dump
	SPARQLEndpoint string
	Keywords       map[string][]string // language → keywords
	Themes         []string            // EU data-theme IRIs
	Spatial        []string            // place IRIs
	Language       []string            // EU language IRIs
	TemporalStart  string              // xsd:date of the period the data describes; "" for none
	TemporalEnd    string
	Frequency      string // EU frequency IRI; "" for none
	ConformsTo     string // IRI of the ontology the graph follows; "" for none
}

// Missing names what a DCAT record needs and d lacks: "publisher" (a
// name) and "contact" (an e-mail address). kg never invents either.
func (d Dataset) Missing() []string {
	var out []string
	named := false
	for _, n := range d.Publisher.Name {
		named = named || strings.TrimSpace(n) != ""
	}
	if !named {
		out = append(out, "publisher")
	}
	if strings.TrimSpace(d.ContactEmail) == "" {
		out = append(out, "contact")
	}
	return out
}

// Stats are the numbers VoID reports.
type Stats struct {
	Triples, Quads, Entities, Subjects, Objects int
	Classes                                     map[string]int // class IRI → instances
	Properties                                  map[string]int // property IRI → triples
	Graphs                                      int
	// Links counts the links from entities to the LinkTargets.
	Links map[LinkKey]Linkset
	// Examples gives, per class, its first instance (in IRI order) under
	// the URI space.
	Examples map[string]string
}

// withDefaults fills the empty fields of d.
func withDefaults(d Dataset) Dataset {
	if d.Base != "" && !strings.HasSuffix(d.Base, "/") && !strings.HasSuffix(d.Base, "#") {
		d.Base += "/"
	}
	if d.Publisher.IRI == "" && d.Publisher.Identifier != "" {
		d.Publisher.IRI = PublisherIRI(d.Publisher.Identifier)
	}
	if d.Publisher.IRI == "" && len(d.Missing()) == 0 {
		d.Publisher.IRI = d.Base + "publisher"
	}
	if d.License == "" {
		d.License = DefaultLicense
	}
	if d.Themes == nil {
		d.Themes = []string{DataTheme + "REGI", DataTheme + "GOVE"}
	}
	if d.Language == nil {
		d.Language = []string{Language + "SWE", Language + "ENG"}
	}
	if d.Spatial == nil {
		d.Spatial = []string{Country + "SWE"}
	}
	return d
}

// The IRIs of the described resources.
func catalogIRI(d Dataset) string        { return d.Base + "catalog" }
func datasetIRI(d Dataset) string        { return d.Base + "dataset" }
func contactIRI(d Dataset) string        { return d.Base + "contact" }
func serviceIRI(d Dataset) string        { return d.Base + "service/sparql" }
func distIRI(d Dataset, n string) string { return d.Base + "dataset/distribution/" + n }

// partitionIRI names a VoID partition after the IRI it partitions by, so
// the name stays the same when other classes come and go.
func partitionIRI(d Dataset, kind, iri string) string {
	sum := sha1.Sum([]byte(iri))
	return d.Base + "dataset/" + kind + "/" + hex.EncodeToString(sum[:8])
}

// builder collects quads in the default graph.
type builder struct{ qs []term.Quad }

func (b *builder) add(s, p string, o term.Term) {
	b.qs = append(b.qs, term.Quad{S: term.IRI(s), P: term.IRI(p), O: o})
}
func (b *builder) iri(s, p, o string) {
	if s != "" && o != "" {
		b.add(s, p, term.IRI(o))
	}
}
func (b *builder) langs(s, p string, m map[string]string) {
	for _, l := range sortedKeys(m) {
		switch {
		case m[l] == "":
		case l == "":
			b.add(s, p, term.String(m[l]))
		default:
			b.add(s, p, term.LangString(m[l], l))
		}
	}
}

// date writes a date or time in the XSD type its lexical form has:
// xsd:dateTime, xsd:date, xsd:gYearMonth or xsd:gYear.
func (b *builder) date(s, p, v string) {
	if v != "" {
		b.add(s, p, term.Literal(v, dateType(v)))
	}
}

func dateType(v string) string {
	switch {
	case strings.Contains(v, "T"):
		return term.XSDNS + "dateTime"
	case len(v) == 4:
		return term.XSDNS + "gYear"
	case len(v) == 7:
		return term.XSDNS + "gYearMonth"
	}
	return term.XSDDate
}
func (b *builder) int(s, p string, n int) {
	b.add(s, p, term.Literal(strconv.Itoa(n), term.XSDInteger))
}

// sorted returns the quads in term.CompareTriplesFirst order without
// duplicates, the order the triple writers of package export take.
func (b *builder) sorted() []term.Quad {
	qs := b.qs
	sort.Slice(qs, func(i, j int) bool { return term.CompareTriplesFirst(qs[i], qs[j]) < 0 })
	out := qs[:0]
	for i, q := range qs {
		if i == 0 || q != qs[i-1] {
			out = append(out, q)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Media types of the RDF syntaxes and their entries in the EU file-type
// table and the W3C format registry (http://www.w3.org/ns/formats/).
var mediaFormats = map[string]struct{ fileType, w3c string }{
	"text/turtle":           {"RDF_TURTLE", "Turtle"},
	"application/trig":      {"RDF_TRIG", "TriG"},
	"application/n-triples": {"RDF_N_TRIPLES", "N-Triples"},
	"application/n-quads":   {"RDF_N_QUADS", "N-Quads"},
	"application/ld+json":   {"JSON_LD", "JSON-LD"},
	"application/rdf+xml":   {"RDF_XML", "RDF_XML"},
}

// formatLabels name the dumps in titles.
var formatLabels = map[string]string{
	"text/turtle":           "Turtle",
	"application/trig":      "TriG",
	"application/n-triples": "N-Triples",
	"application/n-quads":   "N-Quads",
	"application/ld+json":   "JSON-LD",
	"application/rdf+xml":   "RDF/XML",
}

// mediaTypeIRI returns the IANA registry IRI of a media type.
func mediaTypeIRI(mt string) string {
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = mt[:i]
	}
	return IANAMedia + strings.TrimSpace(strings.ToLower(mt))
}

// namespaceOf splits an IRI after its last '#' or '/'.
func namespaceOf(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 {
		return iri[:i+1]
	}
	return iri
}
