// Package ingest builds kg's graph from documents of one genre: Swedish
// reports and pages on how regions, agencies and municipalities carry
// regional development.
//
// Build reads each document (plain text, HTML or PDF) into one document
// value and runs it through ordered stages, each a package of its own with
// plain data in and out; the stages never call back into an earlier one.
// What each stage needs and adds is declared in code (doc.Stage) and
// checked when the pipeline is assembled:
//
//	read       (ingest/read)       file → doc.Doc: metadata (from the document or its
//	                               sidecar <name>.meta.tsv), pages, passages with verbatim
//	                               text, and for reports chapters, sections, worked
//	                               examples and footnotes
//	lang       (ingest/lang)       passages → sentences and tokens (Swedish abbreviations,
//	                               numbers, genitives, hyphenated coordination)
//	recognise  (ingest/recognise)  sentences → mentions with their class: names from the
//	                               registers and the genre's vocabulary, general Swedish
//	                               patterns for names no register holds, stated tasks
//	                               (mandates), back-references
//	link       (ingest/link)       mentions → entities: register entries, SFS numbers,
//	                               approximate matches kept as hidden labels, one entity per
//	                               thing within a document
//	relate     (ingest/relate)     → relations stated by cue phrases, mandates with their
//	                               holders and the laws that confer them
//	facts      (ingest/facts)      → dates, periods, amounts and shares of the entities
//	emit       (ingest/emit)       documents → quads, sorted, with provenance
//
// What kg knows before it reads is in ingest/register: the public
// registers (municipalities, counties and regions, state agencies,
// ministries, laws) vendored with their sources, and a curated vocabulary
// of the genre. Nothing is there because one report mentions it, and an
// entity enters the graph only when a document mentions it.
//
// ingest/eval scores a graph against gold annotations (kg eval).
package ingest
