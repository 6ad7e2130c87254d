// Package ingest turns the text of Swedish regional-development reports into
// kg's RDF graph, with the passage that states each fact.
//
// The pipeline is a chain of layers with plain data between them, each
// usable and testable alone:
//
//	Segment    text → pages (PDF index and printed page number), chapters,
//	           sections, worked examples with their region lists, passages
//	           (paragraphs, headings, list items, footnotes) and footnote URLs
//	Recognise  passages → mentions: lexicon labels (longest match first,
//	           Swedish genitive allowed) and patterns for unlisted names (a
//	           longer pattern name wins over lexicon names inside it); in
//	           sentences that speak of regions, bare county names listed as
//	           regions ("regionerna (Gävleborg, Dalarna …)")
//	Resolve    mentions → one entity per real thing (lexicon ids, SFS
//	           numbers, normalised names; new names get a minted slug);
//	           names nested in others (the county in "Länsstyrelsen i
//	           Stockholms län", the owner in "Region Norrbottens Smarta
//	           specialiseringsstrategi")
//	Relate     → facts: who runs and is featured in each worked example,
//	           relations stated by cue phrases within a sentence, chapter
//	           and example themes, footnote links
//	Emit       → quads, sorted and without duplicates
//
// Nothing about a particular report lives in Go code: names, classes and
// identifiers are in lexicon/entities.tsv, Swedish recognition patterns and
// layout cues in lexicon/patterns.tsv, relation cue phrases in
// lexicon/relations.tsv (each file documents its columns). Build reads every
// *.txt in the seeds directory, its optional sidecar <name>.meta.tsv
// (key<TAB>value lines: slug, title, publisher, issued, language, url) and
// identifiers.csv when present.
//
// # Graph shape
//
// IRIs, under a configurable base (DefaultBase, https://w3id.org/regionalkg/):
//
//	{base}id/{slug}                           actors, laws, mandates, instruments, counties, themes
//	{base}id/themes                           the theme scheme (skos:ConceptScheme)
//	{base}report/{report}                     the report (kgo:Report, foaf:Document, prov:Entity)
//	{base}report/{report}/chapter/{n}         chapters (kgo:Chapter)
//	{base}report/{report}/passage/{pdf}-{n}   passages: n counts passages within PDF page pdf
//	{base}report/{report}/example/{slug}      worked examples (kgo:WorkedExample)
//	{base}source/{slug}                       external sources: the lexicon, identifier sources
//
// Entities have rdf:type (an ontology class), rdfs:label and skos:prefLabel
// in Swedish (and English when the lexicon gives one), skos:altLabel for
// variants seen in the text, skos:hiddenLabel for a name the report gives
// by mistake (the lexicon's misnomer key), identifiers as plain literals (kgo:sfsNumber,
// kgo:sfsAsPrinted for a number the report prints wrongly, kgo:sfsAmendment
// for an act that amended it,
// kgo:organisationNumber, kgo:instructionSFS, kgo:scbCountyCode,
// kgo:iso3166_2, kgo:nutsCode) and owl:sameAs a Wikidata item only when a
// verified row of identifiers.csv gives it with a source. A region is an
// organisation that kgo:servesCounty a county (a place) carrying the codes.
//
// Relations stated in the text come from cue phrases (relations.tsv) read
// with the sentence's structure: coordinated names ("A, B och C"), a
// companion of the subject ("X har, tillsammans med Y, tagit fram …"),
// names a preposition governs (no subjects), inverted order after a
// fronted phrase ("… driver regionen ett projekt"), a list item's lead-in
// ("… sägs att regionerna ska:"), anaphors ("projektet", "regionerna",
// "detta uppdrag"; not a noun introducing a name, "projektet X"; a
// sentence opening with the head of a compound name just before it,
// "… kulturarvsinkubatorn. Inkubatorn har …"),
// quantified groups ("alla regioner", each region) and the focus of a
// worked example's text, which moves to an instrument a sentence
// introduces until the example's subject is named again (outside worked
// examples, the instrument a sentence opens with).
// Funding has one form: an instrument kgo:fundedBy a fund or an
// appropriation, an actor kgo:finances an instrument. A county
// administrative board kgo:servesCounty the county its name gives.
//
// A worked example has dcterms:title, kgo:involvesRegion for each region in
// its heading's parentheses, kgo:features for what it is about (a lexicon
// entity, or an instrument created from its title with a class the text
// tells: "projektet" → Project, "strategin" → Strategy, …), kgo:hasTheme
// (its chapter's theme), foaf:page for its footnote URLs, kgo:page and
// kgo:inChapter. A region in the parentheses is kgo:responsibleFor the
// subject when the text about it names the region and neither tells
// another part the region plays (financing, membership, …) nor names
// someone else as running it. A title whose class nothing in the text
// tells gives no subject.
//
// # Provenance
//
// Named graphs per passage: a fact read from the text is a quad whose graph
// is the IRI of the passage stating it (a fact stated by several passages is
// in each). Passages, in the default graph, are kgo:Passage and prov:Entity
// with dcterms:isPartOf the report, kgo:page (printed page, when known),
// kgo:pdfPage, kgo:inChapter and kgo:quote (the passage's text as printed,
// lines joined, running footers and footnote markers taken out). Every
// entity has prov:wasDerivedFrom each passage that mentions it. Facts from
// the lexicon or from identifiers.csv are in the graph of that source
// ({base}source/…, a kgo:Source and prov:Entity with foaf:page of its URL).
// So "where does it say that?" is
//
//	GRAPH ?passage { ?s ?p ?o } ?passage kgo:quote ?q ; kgo:page ?n .
//
// # Printed page numbers
//
// Pages of the text start at lines that begin with a space. Running footers
// ("<title>  42") close a printed page and give its number; a footnote area
// belongs to the page before it, and a page whose footnote markers have no
// footnote area of its own is printed together with the next page. Numbers
// are carried from footer to footer where the page count between them
// agrees, counted on before the first and after the last footer, and left
// unknown otherwise.
package ingest
