// Package server publishes a kg store over HTTP: a read-only SPARQL 1.1
// Protocol endpoint, every IRI minted under the base as a page people can
// read and as RDF by content negotiation, the ontology's documentation,
// the VoID and DCAT-AP-SE descriptions of the dataset, and dumps. It is
// what kg serve runs; New returns an http.Handler.
//
// # Paths and IRIs
//
// The base IRI (Options.Base, https://w3id.org/regionalkg/ by default)
// maps onto the root of the server: the request path /id/x names the IRI
// {base}id/x, whatever host the server runs on, so pages work on
// localhost as well as behind the w3id.org redirect. Ontology terms are
// hash IRIs in https://w3id.org/regionalkg/ontology#, one document served
// at /ontology (and at its version IRI /ontology/1.0.0).
//
//	/                      front page: what the dataset is, counts per class, search box
//	                       (as RDF: the VoID description)
//	/search?q=&lang=       label search (HTML, or JSON with Accept: application/json)
//	/browse[?class=IRI]    classes, or the instances of one class (page=N)
//	/query                 query page: editor, examples, results table (GET ?query=, form POST)
//	/sparql                SPARQL 1.1 Protocol; without a query the service description
//	                       (RDF) or the query page (HTML)
//	/ontology              ontology documentation (HTML) or the ontology (RDF)
//	/.well-known/void      VoID (Turtle by default)
//	/catalog.rdf           DCAT-AP-SE record as RDF/XML, as kg export --format=dcat writes it,
//	                       for dataportal.se; /catalog.ttl the same in Turtle; /catalog negotiates.
//	                       Without Options.Publishing's publisher and contact: 404 saying so
//	/context.jsonld        kg's JSON-LD context, which JSON-LD documents refer to by IRI
//	/dump/kg.EXT[.gz]      the whole graph: ttl, nt, nq, jsonld, trig, rdf; .gz is application/gzip
//	/static/style.css      the one style sheet; /robots.txt
//	/{anything else}       the resource {base}{path} if the graph mentions it, else 404
//
// Dumps are made on first request and kept in memory with their gzip
// form; the plain dump is sent gzip-encoded to clients that accept it.
// Rendered pages and RDF descriptions of resources are kept too, up to
// 32 MiB. At start the server opens only the query dataset, so that
// queries are answered at once; what the pages need from the whole graph
// (labels, types, passages, counts, the dataset descriptions) is read
// once, by the first request that needs it or in the background after
// Server.Warm, and shared. It never writes to the store. A Server serves one
// graph; kg serve makes a new Server when the store reports a newer graph
// (store.Changer) and swaps it in through a Live, so a rebuild needs no
// restart; the replaced graph is closed when its last request ends.
//
// # Dereferencing: 200 with Content-Location, not 303
//
// A request for a thing's IRI (/id/region-skane) is answered directly with
// 200, the representation the client prefers, Content-Location naming the
// document URL of that representation (/id/region-skane.ttl,
// /id/region-skane.html, ...) and Vary: Accept. Document URLs with an
// extension are never negotiated. This is the option the W3C TAG's
// httpRange-14 follow-up allows next to 303: the Content-Location tells
// the thing and its description apart, and it saves every client a round
// trip, which matters for linked-data crawlers following thousands of
// links and for browsers on slow networks; the hash-IRI ontology needs no
// redirect either. A ?format= parameter (output= on /sparql too; a format
// name such as ttl or csv, a media type, or a common alias such as
// turtle, or xml and json, which mean RDF/XML and JSON-LD for graphs)
// overrides Accept, for links people can paste and for clients such as
// SPARQLWrapper that send it.
//
// # Content negotiation
//
// Accept is parsed per RFC 9110 §12.5.1: q values (three decimals), the
// weight of the most specific matching range (type/subtype with
// parameters, type/subtype, type/*, */*) applies, q=0 refuses, elements
// that do not parse are skipped, and an absent or empty Accept means */*.
// Among equal weights the server's order wins: HTML first for resources
// (so browsers and curl get a page), then Turtle, JSON-LD, N-Triples,
// RDF/XML, N-Quads, TriG (and JSON-LD for application/json); SPARQL JSON first for SELECT and ASK results,
// then XML, CSV, TSV, plain JSON/XML aliases, a text table, and HTML;
// Turtle first for CONSTRUCT and DESCRIBE. Nothing acceptable is 406 with
// the list of available types. The triple formats write the union of the
// graphs; N-Quads and TriG keep the passage graphs, so they carry the
// provenance of every statement.
//
// Complete representations carry a strong ETag (a hash of the bytes, so
// every representation and encoding has its own) and Last-Modified (when
// the server read the store); If-None-Match and If-Modified-Since give
// 304, and HEAD and Range requests work (http.ServeContent).
//
// # The SPARQL endpoint
//
// GET ?query=, POST application/x-www-form-urlencoded and POST
// application/sparql-query, with default-graph-uri and named-graph-uri.
// The default graph is the union of all graphs; each passage of the report
// is a named graph holding the facts it states. The protocol's graph
// parameters, or else the query's own FROM and FROM NAMED, select graphs
// of the store; nothing is ever loaded from a file or the network, and
// SERVICE is refused by the parser. SPARQL Update (the update parameter or
// application/sparql-update) is refused: the endpoint is read-only.
//
// Limits: a query runs under Options.Timeout from the moment its request
// is read, parsing and waiting for a turn included (503 with a message
// when it is exceeded; the evaluator checks the deadline as it works, so
// the query really stops; a client that goes away stops it too), within
// Options.MaxMemory as the evaluator estimates it and computing no term
// over Options.MaxTermSize (503 otherwise). At most MaxConcurrent queries
// run at once and MaxQueued wait; beyond, and when the deadline passes
// while waiting, 503 with Retry-After. At most Options.MaxResults rows or
// triples are returned (CONSTRUCT and DESCRIBE stop building there), every
// result says the limit in KG-Result-Limit and a cut result has
// KG-Results-Truncated: true. The result is written whole before the
// status goes out, so that a deadline, an error or a value the format
// cannot hold (U+0000 in SPARQL XML: 406) is still a proper status rather
// than a broken stream. A malformed query string is 400. Bodies over Options.MaxBody are 413, request targets over
// MaxURI 414, header fields over MaxHeader 431. Errors: 400 with the
// parser's "line:column: message", 405 with Allow, 406, 415 for other
// POST media types. CORS: Access-Control-Allow-Origin: * on every
// response and preflight answers with a fixed list of allowed headers, so
// YASGUI and Comunica work from any origin.
//
// # Security
//
// Request paths with dot segments, empty segments, backslashes, encoded
// slashes or backslashes, NUL or control characters are refused with 400;
// pages, templates and the style sheet are compiled into the binary, so
// no request path reaches the file system. Nothing a client sends is
// copied into a response header (the preflight's allowed headers are
// fixed; Content-Location is built from the matched path). Every response
// has X-Content-Type-Options: nosniff, X-Frame-Options: DENY, a Referrer-
// Policy and a Content-Security-Policy that allows only the server's own
// style sheet and, by its SHA-256 hash, the one inline script of the query
// page. The query page's own policy (yasgui.go) widens it, to the server's
// origin only, for YASGUI: its script files ('self'), the two style
// elements its results table adds (by hash, read from the bundle) and
// connect-src 'self' for its requests to /sparql. Pages are html/template
// output, so labels, quotes and search text are escaped.
//
// # Pages
//
// Plain server-rendered HTML in Swedish or English: ?lang=sv|en, else the
// lang cookie that parameter sets, else Accept-Language, else Swedish
// (lang.go); every page links to itself in the other language
// (#lang-switch), and pages say Vary: Accept-Language, Cookie. The
// interface strings and the labels of things, where both languages exist,
// follow the language; lang="sv"/"en" marks every label, quote and
// definition (the query page's own text is English, marked on main). Landmarks (header, nav, main, footer),
// labelled form fields, no script needed except for the editor's
// conveniences (Ctrl+Enter runs; "(edit)" loads an example without
// running it), no external resources.
//
// An entity page opens with a summary (types and the ontology's top
// class, identifiers, links out, IRI), then what matters most for its
// kind (a mandate's holders and the laws conferring it, a law's mandates),
// the other relations by property, other facts, its names (hidden labels
// never), the passages it is derived from, incoming links. Every statement
// shows where it comes from: a source by its title, or a passage by its
// printed page with the quote in a <details>, quoted once per page; later
// citations link to that quote. Every link out is a triple of the graph
// (owl:sameAs, schema:sameAs, foaf:page …), never made from a code.
//
// The query page mounts YASGUI (@zazuko/yasgui 4.6.2, MIT, compiled in
// under static/) over its plain form when scripts run; without them, and
// on every result page, the form and the server-rendered table remain.
//
// The front page and /regions draw the map of Sweden's counties (the CC
// BY 4.0 SVG of @svg-maps/sweden 1.0.1, static/sweden.svg, credited on
// the page) inline: each outline links to the region serving the county,
// matched by its ISO 3166-2 code, and is shaded by the number of worked
// examples involving the region, with a legend, a caption naming the
// drawing and the map as a table. A region's page ends with a small map,
// the region marked aria-current="page". /regions tables the regions with
// their counties' SCB, ISO 3166-2 and NUTS codes; /mandates every mandate
// with its holders and the laws conferring it; all of them in the page's
// language. Stable hooks for tests and styling:
//
//	#search-form, #search-input, #search-button   search box in the header of every page
//	#front-search-form, #front-search-input       search box on the front page
//	#class-counts, #dumps, #front-examples        front page sections
//	#search-results > li.search-result > a.result-link   search results
//	#approximate, #no-results                     search notes
//	#classes section.class-group#group-{actors,…} li.class, #members > li.member   browse pages
//	#lang-switch                                  the page in the other language
//	#entity (about=IRI), #entity-title, #summary (#types, dt.identifier, #links-out li.link-out, #entity-iri)
//	section.lead#{holders,conferred-by,confers}, #relations section.relation h3.property,
//	    #facts dl.properties: dt.property, dd.value; #labels, #other-names
//	details.provenance.passage#q-… (summary .page/.pdf-page, blockquote.quote,
//	    a.passage-link), p.provenance.passage.seen (a link to the quote),
//	    p.provenance.source a.source-link          where a statement comes from
//	#provenance ol.mentions > li.mention          passages the thing is derived from
//	#passage (a passage's own quote and pages), #statements #graph-table (a graph's statements)
//	#incoming, #links-out, #formats
//	#query-form, #query-editor (textarea name=query), #run-query (submit),
//	#error, #results, #result-count, #truncated, #result-boolean,
//	#results-table tr.result-row, #downloads
//	#examples li.example: a.example-run, a.example-load, pre.example-text
//	#yasgui-section #yasgui, #yasgui-config (JSON)   YASGUI on the query page
//	#map-section figure.map svg a.map-area path.shade-N   the maps; .current marks a region's own
//	#regions-table, #mandates-table               the tables of /regions and /mandates
//	#ontology, #hierarchy, #classes/#properties section.term#{LocalName}, #alignment-table
//	#error-title, #error-message                  error pages
package server
