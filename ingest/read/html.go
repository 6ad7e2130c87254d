package read

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"kg/ingest/doc"
)

// HTML reads a web page: the main content only (<main>, [role=main] or a
// lone <article>; page furniture such as navigation, banners, footers,
// cookie dialogs, skip links and breadcrumbs left out), headings h1–h2 as
// chapter and h3–h6 as section headings, paragraphs, list items, and each
// table row as a paragraph of its cells; links as Passage.Links with
// absolute addresses. Metadata comes from the head: title, publisher,
// dates, canonical address and language.
// Worked-example headings are told by the general rule for region names;
// File uses the rule its Options give.
func HTML(name string, b []byte, meta doc.Meta) (*doc.Doc, error) {
	return readHTML(name, b, meta, LooksLikeRegion)
}

func readHTML(name string, b []byte, meta doc.Meta, isRegion func(string) bool) (*doc.Doc, error) {
	root, err := parseHTML(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	fill(&meta, htmlMeta(root))
	finishMeta(&meta, name, "html")
	d := &doc.Doc{Meta: meta, Pages: []doc.Page{{Index: 1}}}
	w := &htmlWalker{a: newAssembler(d), base: baseURL(root, meta.URL), isRegion: isRegion}
	w.walk(contentRoot(root))
	w.flush()
	if len(d.Passages) == 0 {
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	number(d)
	return d, nil
}

// parseHTML decodes the page from the encoding it declares (UTF-8 when it
// declares none) and parses it.
func parseHTML(b []byte) (*html.Node, error) {
	enc, _, _ := charset.DetermineEncoding(b, "text/html")
	r := enc.NewDecoder().Reader(bytes.NewReader(b))
	return html.Parse(r)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// find returns the first element in document order for which ok holds.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, ok); f != nil {
			return f
		}
	}
	return nil
}

func findAll(n *html.Node, ok func(*html.Node) bool, out []*html.Node) []*html.Node {
	if n.Type == html.ElementNode && ok(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = findAll(c, ok, out)
	}
	return out
}

func isTag(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a }
}

// contentRoot picks the element holding the page's own content.
func contentRoot(doc *html.Node) *html.Node {
	if m := find(doc, isTag(atom.Main)); m != nil {
		return m
	}
	if m := find(doc, func(n *html.Node) bool { return strings.EqualFold(attr(n, "role"), "main") }); m != nil {
		return m
	}
	if arts := findAll(doc, isTag(atom.Article), nil); len(arts) == 1 {
		return arts[0]
	}
	if b := find(doc, isTag(atom.Body)); b != nil {
		return b
	}
	return doc
}

// furniture are elements that are never content.
var furniture = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Script: true, atom.Style: true,
	atom.Noscript: true, atom.Form: true, atom.Template: true, atom.Svg: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Dialog: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
	atom.Img: true, atom.Picture: true, atom.Map: true, atom.Head: true,
}

var furnitureRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true,
	"complementary": true, "search": true, "dialog": true, "alertdialog": true}

// furnitureName matches ids, classes and labels of cookie and consent
// banners, breadcrumbs and skip links.
var furnitureName = regexp.MustCompile(`(?i)cookie|consent|gdpr|samtycke|breadcrumb|br[oö]dsmul|skip-?link|skip-?to|hoppa-?till`)

var skipLinkText = regexp.MustCompile(`(?i)^\s*(?:hoppa|gå)\s+(?:direkt\s+)?till\b|^\s*skip\s+to\b`)

// skip reports whether an element and everything in it is page furniture.
// A <header> inside the content root is the content's own (its title).
func skip(n *html.Node, inRoot bool, rootLen int) bool {
	if furniture[n.DataAtom] || (n.DataAtom == atom.Header && !inRoot) {
		return true
	}
	if hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" || furnitureRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if furnitureName.MatchString(attr(n, "id")+" "+attr(n, "class")+" "+attr(n, "aria-label")) &&
		n.DataAtom != atom.Body && n.DataAtom != atom.Html && n.DataAtom != atom.Main {
		// A page may flag its body or wrapper "cookie-…" while a banner is
		// shown: an element holding most of the text is content.
		return 2*len(textOf(n)) < rootLen
	}
	if style := strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""); strings.Contains(style, "display:none") {
		return true
	}
	if n.DataAtom == atom.A && strings.HasPrefix(attr(n, "href"), "#") && skipLinkText.MatchString(textOf(n)) {
		return true
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// blockTags start and end a passage.
var blockTags = map[atom.Atom]doc.PassageKind{
	atom.P: doc.Paragraph, atom.Li: doc.ListItem, atom.Dt: doc.Paragraph, atom.Dd: doc.Paragraph,
	atom.Blockquote: doc.Paragraph, atom.Pre: doc.Paragraph, atom.Figcaption: doc.Paragraph,
	atom.Caption: doc.Paragraph, atom.Address: doc.Paragraph, atom.Tr: doc.Paragraph,
	atom.Div: doc.Paragraph, atom.Section: doc.Paragraph, atom.Article: doc.Paragraph,
	atom.Main: doc.Paragraph, atom.Header: doc.Paragraph, atom.Ul: doc.Paragraph, atom.Ol: doc.Paragraph,
	atom.Dl: doc.Paragraph, atom.Table: doc.Paragraph, atom.Figure: doc.Paragraph, atom.Details: doc.Paragraph,
	atom.Summary: doc.Paragraph, atom.Hr: doc.Paragraph,
}

var headingLevel = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// htmlWalker gathers the running text of the current block with its links
// and adds it as a passage when the block ends.
type htmlWalker struct {
	a     *assembler
	base  *url.URL
	buf   strings.Builder
	space bool // whitespace is pending before the next word
	kind  doc.PassageKind
	links []doc.Link
	// rootLen is the length of the content root's text.
	rootLen  int
	isRegion func(string) bool
}

// walk reads the content root; a <header> in it is content when the root
// is the page's <main> or <article>, not its <body>.
func (w *htmlWalker) walk(root *html.Node) {
	w.rootLen = len(textOf(root))
	w.walkIn(root, root.DataAtom != atom.Body && root.Type == html.ElementNode)
}

func (w *htmlWalker) walkIn(n *html.Node, inRoot bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		if skip(n, inRoot, w.rootLen) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	if lvl, ok := headingLevel[n.DataAtom]; ok {
		w.flush()
		w.kind = doc.SectionHeading
		if lvl <= 2 {
			w.kind = doc.ChapterHeading
		}
		w.children(n, inRoot)
		w.flush()
		return
	}
	kind, block := blockTags[n.DataAtom]
	switch {
	case n.DataAtom == atom.Br:
		w.space = true
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		if w.buf.Len() > 0 {
			w.buf.WriteString(" |")
			w.space = true
		}
		w.children(n, inRoot)
	case n.DataAtom == atom.A:
		w.link(n, inRoot)
	case block:
		w.flush()
		w.kind = kind
		w.children(n, inRoot)
		w.flush()
	default:
		w.children(n, inRoot)
	}
}

func (w *htmlWalker) children(n *html.Node, inRoot bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walkIn(c, inRoot)
	}
}

// text appends text with its whitespace collapsed; a space is written
// only between words, never at the start of a passage.
func (w *htmlWalker) text(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			w.space = true
			continue
		}
		if w.space && w.buf.Len() > 0 {
			w.buf.WriteByte(' ')
		}
		w.space = false
		w.buf.WriteRune(r)
	}
}

// link walks an anchor and records its text's span and absolute target.
func (w *htmlWalker) link(n *html.Node, inRoot bool) {
	start := w.buf.Len()
	w.children(n, inRoot)
	s := w.buf.String()
	if start < len(s) && s[start] == ' ' {
		start++
	}
	href := strings.TrimSpace(attr(n, "href"))
	if len(s) <= start || href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return
	}
	w.links = append(w.links, doc.Link{Start: start, End: len(s), URL: w.resolve(href)})
}

func (w *htmlWalker) resolve(href string) string {
	u, err := url.Parse(href)
	if err != nil || w.base == nil {
		return href
	}
	return w.base.ResolveReference(u).String()
}

// flush adds the gathered text as a passage of the current kind.
func (w *htmlWalker) flush() {
	t := w.buf.String()
	w.buf.Reset()
	w.space = false
	links := w.links
	w.links = nil
	kind := w.kind
	w.kind = doc.Paragraph
	if strings.Trim(t, " |") == "" {
		return
	}
	if links == nil {
		links = []doc.Link{}
	}
	p := doc.Passage{Kind: kind, Page: 1, Text: t, Links: links}
	if kind.Heading() {
		w.a.heading(p, w.isRegion)
		return
	}
	w.a.add(p, "", nil)
}

// baseURL is the address relative links resolve against: <base href>
// (itself relative to the page's address) or the page's address.
func baseURL(root *html.Node, page string) *url.URL {
	pu, err := url.Parse(page)
	if err != nil || page == "" {
		pu = nil
	}
	if b := find(root, isTag(atom.Base)); b != nil {
		if bu, err := url.Parse(attr(b, "href")); err == nil && attr(b, "href") != "" {
			if pu != nil {
				return pu.ResolveReference(bu)
			}
			if bu.IsAbs() {
				return bu
			}
		}
	}
	return pu
}

// htmlMeta reads what the page says of itself.
func htmlMeta(root *html.Node) doc.Meta {
	var m doc.Meta
	props := map[string]string{}
	for _, n := range findAll(root, isTag(atom.Meta), nil) {
		k := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
		if v := strings.TrimSpace(attr(n, "content")); k != "" && v != "" && props[k] == "" {
			props[k] = v
		}
	}
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := props[k]; v != "" {
				return v
			}
		}
		return ""
	}
	m.Title = first("og:title", "dcterms.title", "dc.title")
	if t := find(root, isTag(atom.Title)); m.Title == "" && t != nil {
		m.Title = textOf(t)
	}
	m.Publisher = first("publisher", "dcterms.publisher", "dc.publisher", "og:site_name", "author", "dcterms.creator", "dc.creator")
	m.Issued = dateRe.FindString(first("article:published_time", "dcterms.issued", "dcterms.date", "dc.date",
		"date", "datepublished", "article:modified_time", "dcterms.modified"))
	if m.Issued == "" {
		if t := find(root, func(n *html.Node) bool { return n.DataAtom == atom.Time && attr(n, "datetime") != "" }); t != nil {
			m.Issued = dateRe.FindString(attr(t, "datetime"))
		}
	}
	if l := find(root, func(n *html.Node) bool {
		return n.DataAtom == atom.Link && strings.EqualFold(attr(n, "rel"), "canonical") && attr(n, "href") != ""
	}); l != nil {
		m.URL = attr(l, "href")
	}
	if m.URL == "" {
		m.URL = props["og:url"]
	}
	if h := find(root, isTag(atom.Html)); h != nil {
		m.Language = strings.TrimSpace(attr(h, "lang"))
	}
	return m
}
