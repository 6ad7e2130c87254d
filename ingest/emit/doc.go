// Package emit turns annotated documents (package ingest/doc) into kg's
// quads, linking what they mention to the registry (package
// ingest/register). It is the last stage of the ingest pipeline: it reads
// every annotation and adds none. Emit's result is sorted, free of
// duplicates and the same for the same input.
//
// # Graph shape
//
// IRIs, under a configurable base (https://w3id.org/regionalkg/ when
// published):
//
//	{base}id/{id}                             entities: actors, laws, mandates, instruments, counties, themes
//	{base}id/themes                           the theme scheme (skos:ConceptScheme)
//	{base}report/{slug}                       a document (kgo:Report, foaf:Document, prov:Entity)
//	{base}report/{slug}/chapter/{n}           chapters (kgo:Chapter)
//	{base}report/{slug}/passage/{page}-{n}    passages: n counts passages within page
//	{base}report/{slug}/example/{slug}        worked examples (kgo:WorkedExample)
//	{base}fact/{slug}/{page}-{n}-{k}          the k-th fact of a passage: an amount or a share
//	{base}source/{key}                        a register's source (kgo:Source, prov:Entity)
//
// A document has dcterms:title, dcterms:publisher (a Swedish literal, as
// printed), dcterms:issued (xsd:gYear, xsd:gYearMonth or xsd:date by its
// form), dcterms:language, foaf:page (its public address), dcterms:format
// (its media type as a literal: text/plain, text/html, application/pdf) and
// dcterms:identifier (the file name it was read from). Chapters have
// dcterms:title, kgo:chapterNumber, kgo:page and kgo:pdfPage of their
// heading. A worked example has dcterms:title, kgo:page, kgo:inChapter,
// kgo:involvesRegion for each region the recogniser found in the
// parenthesised list of its heading (in the heading's graph), and foaf:page
// for each URL its footnotes cite (in the footnote's graph). A passage's
// hyperlinks, and the URL of a footnote, are rdfs:seeAlso of the passage
// (for a footnote, also of the passage carrying its marker).
//
// An entity has rdf:type (its class in the ontology, and a register
// entry's further classes: Region Gotland is also a Municipality), rdfs:label and
// skos:prefLabel in Swedish (and English where a register gives one),
// skos:altLabel for the other forms a text uses and a register's former
// names, and skos:hiddenLabel for forms matched approximately (misprints:
// found by search, never shown). Entities of two documents with the same
// ID are one node; the first document's class and label win for a name no
// register holds, and another document's label becomes an altLabel. A
// theme is also a skos:Concept in the theme scheme, at its top unless the
// register gives a broader theme.
//
// A group of actors ("regionerna", "länets kommuner") is a kgo:ActorGroup
// with kgo:memberClass the class of its members, not an instance of that
// class. When the register says which entries the group stands for
// (Registry.Members: all of the class, or a list), it has foaf:member each
// of them; when the text decides ("länets kommuner"), none. A collective of
// things other than actors ("strukturfonderna") is typed by its members'
// class and its listed members are kgo:partOf it.
//
// What a register states of a mentioned entry (Entry.Props) is in its
// source's graph: identifiers as plain literals (kgo:organisationNumber,
// kgo:sfsNumber, kgo:scbCountyCode, …), IRIs as IRIs (owl:sameAs a
// Wikidata item), and links to other entries by property:
//
//	servesCounty  kgo:servesCounty  a region or county administrative board → its county
//	county        kgo:inCounty      a municipality → the county it lies in
//	supervisedBy  kgo:supervisedBy  an agency → its ministry or the government
//	confers       kgo:confers       a law → the mandate it confers
//	partOf        kgo:partOf
//	broader       skos:broader      a theme → a broader theme
//	other         kgo:{name}, or the property's full IRI
//
// A link the register states from the other end (Prop.Inverse) is turned
// round: a mandate's confers names its law, and <law> kgo:confers <mandate>.
//
// An entry that such a link (or a group's membership) reaches and that no
// document mentions is register context: in the graph of the statement
// that reaches it, only its rdf:type and rdfs:label, and no
// prov:wasDerivedFrom. Only mentioned entities are described in full.
//
// Relations are <S> kgo:{P} <O> between mentioned entities. Facts attach
// to a mentioned entity: start → schema:startDate, end → schema:endDate,
// period → both or schema:duration (xsd:duration), date → dcterms:date;
// amount → kgo:amount a schema:MonetaryAmount node (schema:value as
// xsd:decimal, schema:currency, rdfs:label the text as written,
// kgo:qualifier, kgo:payer); share → kgo:ownershipShare a
// schema:QuantitativeValue node (schema:value, schema:unitCode "P1" for
// per cent, rdfs:label, kgo:shareOf the company).
//
// # Provenance
//
// Named graphs say where each statement comes from. What a text states —
// a relation, a fact, the class and label of a name no register holds, a
// form of a name, a worked example's regions — is a quad whose graph is
// the IRI of the passage stating it (a statement several passages make is
// in each). What a register states is in the graph of its source, which
// has dcterms:title, foaf:page of its address and dcterms:license.
// Document structure is in the default graph, and so is provenance itself:
// every mentioned entity is prov:wasDerivedFrom each passage that mentions
// it (and the source of its register entry); every amount or share node is
// prov:wasDerivedFrom its passage. Passages are kgo:Passage and
// prov:Entity with dcterms:isPartOf the document, kgo:page (printed page,
// when known), kgo:pdfPage, kgo:inChapter and kgo:quote (the passage's
// text). So "where does it say that?" is
//
//	GRAPH ?passage { ?s ?p ?o } ?passage kgo:quote ?q ; kgo:page ?n .
package emit
