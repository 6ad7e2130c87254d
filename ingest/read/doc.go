// Package read turns one document file — a plain or report-laid-out text, a
// web page or a PDF — into a *doc.Doc: its metadata, pages and passages
// (paragraphs, headings, list items, footnotes), and for reports laid out
// as such their chapters, sections, worked examples and footnotes. It is
// the first stage of the ingest pipeline; every later stage annotates the
// Doc it makes.
//
// File picks the reader by extension and content; Text, HTML and PDF read
// bytes already in hand. Metadata comes, in this order, from the sidecar
// <name>.meta.tsv beside the file (ReadSidecar), from what the document
// says of itself (text header lines, HTML head, PDF Info), and from the
// file name (the slug). The language is Swedish unless one of them says
// otherwise.
//
// What the readers know of the genre — Swedish public reports on regional
// development — lives in genre.go: front and back matter headings that
// open chapters, titles that introduce several worked examples, the shape
// of a region's name, and how words break across lines.
//
// PDFs are read by PDFium compiled to WebAssembly and run by wazero, so no
// C library or cgo is needed. The engine starts on the first PDF (one to
// three seconds, mostly compiling the module) and is reused for the life
// of the process; a page then takes a few milliseconds. Setting
// KG_PDF_CACHE (CacheEnv) to a directory keeps the compiled engine there,
// which brings later starts down to about a tenth of a second.
package read
