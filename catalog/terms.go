package catalog

import (
	"strings"
)

// More namespaces of the terms a DCAT-AP record refers to.
const (
	nsSKOS         = "http://www.w3.org/2004/02/skos/core#"
	nsRDFS         = "http://www.w3.org/2000/01/rdf-schema#"
	nsPROV         = "http://www.w3.org/ns/prov#"
	nsSPDX         = "http://spdx.org/rdf/terms#"
	Frequency      = euAuthority + "frequency/"
	LicenceType    = "http://purl.org/adms/licencetype/"
	OntologyIRI    = "https://w3id.org/regionalkg/ontology"
	sparqlProtocol = "https://www.w3.org/TR/sparql11-protocol/"
)

// termInfo is what a record says of a term it refers to: its labels and,
// for the concepts of an authority table, the table.
type termInfo struct {
	scheme string
	labels map[string]string // language → label
}

func sv(sv, en string) map[string]string { return map[string]string{"sv": sv, "en": en} }
func en(en string) map[string]string     { return map[string]string{"en": en} }

// knownTerms holds the labels of the controlled terms kg uses, as the
// tables that define them give them (the EU Publications Office authority
// tables, ADMS, Creative Commons).
var knownTerms = map[string]termInfo{
	DataTheme + "REGI":                     {DataTheme, sv("Regioner och städer", "Regions and cities")},
	DataTheme + "GOVE":                     {DataTheme, sv("Regeringen och den offentliga sektorn", "Government and public sector")},
	Language + "SWE":                       {Language, sv("svenska", "Swedish")},
	Language + "ENG":                       {Language, sv("engelska", "English")},
	Country + "SWE":                        {Country, sv("Sverige", "Sweden")},
	AccessRight + "PUBLIC":                 {AccessRight, sv("offentlig", "public")},
	Frequency + "IRREG":                    {Frequency, sv("oregelbunden", "irregular")},
	Frequency + "ANNUAL":                   {Frequency, sv("årlig", "annual")},
	Frequency + "MONTHLY":                  {Frequency, sv("månatlig", "monthly")},
	FileType + "RDF_TURTLE":                {FileType, en("RDF Turtle")},
	FileType + "RDF_TRIG":                  {FileType, en("RDF TriG")},
	FileType + "RDF_N_TRIPLES":             {FileType, en("RDF N-Triples")},
	FileType + "RDF_N_QUADS":               {FileType, en("RDF N-Quads")},
	FileType + "JSON_LD":                   {FileType, en("JSON-LD")},
	FileType + "RDF_XML":                   {FileType, en("RDF/XML")},
	PublisherTyp + "NationalAuthority":     {PublisherTyp, en("National authority")},
	PublisherTyp + "RegionalAuthority":     {PublisherTyp, en("Regional authority")},
	PublisherTyp + "LocalAuthority":        {PublisherTyp, en("Local authority")},
	PublisherTyp + "NonProfitOrganisation": {PublisherTyp, en("Non-profit organisation")},
	LicenceType + "PublicDomain":           {LicenceType, en("Public domain")},
	LicenceType + "Attribution":            {LicenceType, en("Attribution")},
}

// licences names the licences kg knows and their ADMS licence type.
var licences = map[string]struct {
	label map[string]string
	typ   string
}{
	DefaultLicense: {sv("CC0 1.0 Universell", "CC0 1.0 Universal"), LicenceType + "PublicDomain"},
	"http://creativecommons.org/licenses/by/4.0/": {sv("Creative Commons Erkännande 4.0", "Creative Commons Attribution 4.0"), LicenceType + "Attribution"},
}

// schemeTitles title the authority tables a record cites.
var schemeTitles = map[string]map[string]string{
	DataTheme:    en("Data theme"),
	Language:     en("Language"),
	Country:      en("Country"),
	AccessRight:  en("Access right"),
	Frequency:    en("Frequency"),
	FileType:     en("File type"),
	PublisherTyp: en("Publisher type"),
	LicenceType:  en("Licence type"),
}

// concept types iri with the classes DCAT-AP ranges the referring
// property over and as a skos:Concept of its table, with its labels (the
// local name when kg knows none: DCAT-AP requires a skos:prefLabel).
func (b *builder) concept(iri string, classes ...string) {
	if iri == "" {
		return
	}
	for _, c := range append(classes, nsSKOS+"Concept") {
		b.iri(iri, nsRDF+"type", c)
	}
	info, ok := knownTerms[iri]
	if !ok {
		info.labels = en(localName(iri))
	}
	b.langs(iri, nsSKOS+"prefLabel", info.labels)
	if info.scheme != "" {
		scheme := strings.TrimSuffix(info.scheme, "/")
		if info.scheme == LicenceType || info.scheme == PublisherTyp {
			scheme = info.scheme + "1.0" // the ADMS tables' scheme IRIs
		}
		b.iri(iri, nsSKOS+"inScheme", scheme)
		b.iri(scheme, nsRDF+"type", nsSKOS+"ConceptScheme")
		b.langs(scheme, nsDCTERMS+"title", schemeTitles[info.scheme])
	}
}

// licence types a licence IRI as a dct:LicenseDocument.
func (b *builder) licence(iri string) {
	b.iri(iri, nsRDF+"type", nsDCTERMS+"LicenseDocument")
	if l, ok := licences[iri]; ok {
		b.langs(iri, nsRDFS+"label", l.label)
		b.iri(iri, nsDCTERMS+"type", l.typ)
		b.concept(l.typ)
	}
}

// mediaType types an IANA media-type IRI as a dct:MediaType.
func (b *builder) mediaType(iri string) {
	b.iri(iri, nsRDF+"type", nsDCTERMS+"MediaType")
}

// licenceLabel names a licence in a language, or gives its IRI.
func licenceLabel(iri, lang string) string {
	if l, ok := licences[iri]; ok {
		return l.label[lang]
	}
	return iri
}

// localName is the part of an IRI after its last '/' or '#'.
func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 && i < len(iri)-1 {
		return iri[i+1:]
	}
	return iri
}
