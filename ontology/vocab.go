package ontology

// NS is the namespace of kg's ontology. Terms are hash IRIs so that the
// whole vocabulary is one document, served at the namespace IRI.
const NS = "https://w3id.org/regionalkg/ontology#"

// IRI is the ontology's own IRI and VersionIRI the IRI of this version.
const (
	IRI        = "https://w3id.org/regionalkg/ontology"
	Version    = "1.0.0"
	VersionIRI = "https://w3id.org/regionalkg/ontology/1.0.0"
)

// Standard namespaces used by kg's data and ontology.
const (
	RDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS    = "http://www.w3.org/2000/01/rdf-schema#"
	OWL     = "http://www.w3.org/2002/07/owl#"
	XSD     = "http://www.w3.org/2001/XMLSchema#"
	SKOS    = "http://www.w3.org/2004/02/skos/core#"
	DCTERMS = "http://purl.org/dc/terms/"
	DCAT    = "http://www.w3.org/ns/dcat#"
	PROV    = "http://www.w3.org/ns/prov#"
	ORG     = "http://www.w3.org/ns/org#"
	ELI     = "http://data.europa.eu/eli/ontology#"
	SCHEMA  = "https://schema.org/"
	FOAF    = "http://xmlns.com/foaf/0.1/"
	VOID    = "http://rdfs.org/ns/void#"
	VCARD   = "http://www.w3.org/2006/vcard/ns#"
	VANN    = "http://purl.org/vocab/vann/"
	ADMS    = "http://www.w3.org/ns/adms#"
	WD      = "http://www.wikidata.org/entity/"
)

// Top classes. Their local names are fixed.
const (
	Actor      = NS + "Actor"
	Mandate    = NS + "Mandate"
	Law        = NS + "Law"
	Instrument = NS + "Instrument"
	Theme      = NS + "Theme"
)

// Actor subclasses.
const (
	Region                    = NS + "Region"
	Municipality              = NS + "Municipality"
	CountyAdministrativeBoard = NS + "CountyAdministrativeBoard"
	GovernmentAgency          = NS + "GovernmentAgency"
	Government                = NS + "Government"
	Ministry                  = NS + "Ministry"
	Parliament                = NS + "Parliament"
	EUBody                    = NS + "EUBody"
	University                = NS + "University"
	Company                   = NS + "Company"
	Association               = NS + "Association"
	Partnership               = NS + "Partnership"
	PoliticalBody             = NS + "PoliticalBody" // regionfullmäktige, a nämnd
	ActorGroup                = NS + "ActorGroup"    // "regionerna": actors a text speaks of together
)

// Law subclasses.
const (
	Act          = NS + "Act"
	Ordinance    = NS + "Ordinance"
	EURegulation = NS + "EURegulation"
)

// Instrument subclasses.
const (
	Strategy      = NS + "Strategy"
	Plan          = NS + "Plan"
	Programme     = NS + "Programme"
	Fund          = NS + "Fund"
	Appropriation = NS + "Appropriation"
	Project       = NS + "Project"
	Platform      = NS + "Platform"
	Agreement     = NS + "Agreement"
	Event         = NS + "Event"
	Network       = NS + "Network"
)

// Places, documents and provenance.
const (
	County        = NS + "County"        // a län: a place, not an organisation
	Report        = NS + "Report"        // a report the graph is built from
	Chapter       = NS + "Chapter"       // a chapter of a report
	Passage       = NS + "Passage"       // a quoted passage: the unit of provenance
	WorkedExample = NS + "WorkedExample" // a worked example in a report
	Source        = NS + "Source"        // an external source of identifiers
)

// Relations the report states.
const (
	Confers             = NS + "confers"        // Law → Mandate
	HoldsMandate        = NS + "holdsMandate"   // Actor → Mandate
	Requires            = NS + "requires"       // Law → Instrument
	Governs             = NS + "governs"        // Law → Instrument
	ResponsibleFor      = NS + "responsibleFor" // Actor → Instrument | Partnership
	ParticipatesIn      = NS + "participatesIn" // Actor → Instrument | Partnership
	Finances            = NS + "finances"       // Actor → Instrument
	FundedBy            = NS + "fundedBy"       // Instrument → Fund | Appropriation | Actor
	Implements          = NS + "implements"     // Instrument → Instrument (most often a Strategy)
	PartOf              = NS + "partOf"         // anything → its whole
	Owns                = NS + "owns"           // Actor → Actor | Instrument
	MemberOf            = NS + "memberOf"       // Actor → Actor
	HasTheme            = NS + "hasTheme"       // anything → Theme
	ServesCounty        = NS + "servesCounty"   // Region | CountyAdministrativeBoard → County
	InCounty            = NS + "inCounty"       // Municipality (or anything with a seat) → County
	SupervisedBy        = NS + "supervisedBy"   // GovernmentAgency → Ministry | Government
	Features            = NS + "features"       // WorkedExample → Instrument | Actor
	InvolvesRegion      = NS + "involvesRegion" // WorkedExample → Region
	OrganisationNo      = NS + "organisationNumber"
	SFSNumber           = NS + "sfsNumber"
	CelexNumber         = NS + "celexNumber"
	SCBCountyCode       = NS + "scbCountyCode"
	SCBMunicipalityCode = NS + "scbMunicipalityCode"
	WikidataCandidate   = NS + "wikidataCandidate" // an item matched by name only
	ISO31662Code        = NS + "iso3166_2"
	NUTSCode            = NS + "nutsCode"
	InstructionSFS      = NS + "instructionSFS" // agency → its instruction ordinance number
	SFSCorrection       = NS + "sfsAsPrinted"   // the SFS number as the report prints it, when wrong
	SFSAmendment        = NS + "sfsAmendment"   // the SFS number of an act that amended the law
	Page                = NS + "page"           // printed page number
	PDFPage             = NS + "pdfPage"        // 1-based page index in the source file
	InChapter           = NS + "inChapter"      // Passage | WorkedExample → Chapter
	Quote               = NS + "quote"          // Passage → verbatim text
	ChapterNumber       = NS + "chapterNumber"
)

// Groups, amounts and shares.
const (
	MemberClass    = NS + "memberClass"    // ActorGroup → the members' class (annotation)
	Amount         = NS + "amount"         // anything → schema:MonetaryAmount
	Payer          = NS + "payer"          // schema:MonetaryAmount → Actor | Fund | Appropriation
	OwnershipShare = NS + "ownershipShare" // Actor → schema:QuantitativeValue
	ShareOf        = NS + "shareOf"        // schema:QuantitativeValue → Actor
	Qualifier      = NS + "qualifier"      // an amount's or share's hedge or scope, as written
)
