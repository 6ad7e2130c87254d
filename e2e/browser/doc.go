// Package browser tests kg's web pages end to end in a real browser:
// headless Chromium, driven over the DevTools protocol, uses the server of
// package server the way a reader would, and the test asserts on what the
// reader sees. The package holds only tests.
//
// The test builds the graph of the seeds into a memory store, serves it on
// a loopback port and, in one browser tab, loads the front page, searches
// for "Skåne" with the search box, follows the result to Region Skåne,
// checks the page shows its names, its type and where the report says
// what (page number and verbatim quote, which must occur in the report
// text), follows a quote to its passage, checks the Swedish-aware search
// (case, genitive forms, and the approximate retry that reads å, ä and ö
// as a and o, announced on the page), follows Region Skåne on the front
// page's map (21 named links, shaded, with a legend) to its page and
// another region on that page's small map (the page's own region marked
// as current), reads the regions and mandates tables the front page links
// to, runs an example in YASGUI on the query page (results without a page
// load, kg's prefixes, every field named), runs example queries on the
// plain query page, both by their link and through the editor's script,
// and with scripts off through the plain form, and sees result rows under
// the expected column headers. Every page must
// have a language, one h1, a main landmark and named form fields, and the
// first Tab on the front page must reach the skip link. Any uncaught
// exception, console or browser-log error, failed request or HTTP error
// response of a page or sub-resource fails the test; a final step checks
// that this watch does catch a missing style sheet and a throwing script.
// The one exception is /favicon.ico, which the browser asks for by itself
// because the pages name no icon: its 404 is logged, not counted.
//
// A full-page PNG is written after every step (and at a failing step) to
// $KG_ARTEFACTS/browser when KG_ARTEFACTS is set, else to a temporary
// directory; the test logs where.
//
// Chromium is /usr/bin/chromium unless KG_CHROMIUM names another binary.
// Without it the test is skipped, unless KG_REQUIRE_BROWSER=1, as CI sets
// it, in which case the missing browser is a failure. The browser may
// reach nothing but the loopback server: host names do not resolve.
package browser
