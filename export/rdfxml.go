package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"kg/internal/grammar"
	"kg/term"
)

// rdfxmlEncoder writes RDF/XML (RDF 1.1 XML Syntax): one rdf:Description
// per subject, property elements in input order. Namespaces of the
// declared prefixes go on the root element; any other predicate namespace
// is declared on the property element itself under a generated name, so
// the writer never needs to look ahead.
type rdfxmlEncoder struct {
	sticky
	w         *bufio.Writer
	nsPrefix  map[string]string // namespace IRI → prefix
	taken     map[string]bool   // prefix names in use
	declared  []Prefix
	generated int
	started   bool
	closed    bool
	subj      term.Term
	open      bool // an rdf:Description is open
	last      term.Quad
	any       bool
	b         strings.Builder
}

func newRDFXML(w io.Writer, opt Options) Encoder {
	e := &rdfxmlEncoder{
		w:        bufio.NewWriterSize(w, 64<<10),
		nsPrefix: map[string]string{term.RDFNS: "rdf"},
		taken:    map[string]bool{"rdf": true},
	}
	e.declared = append(e.declared, Prefix{Name: "rdf", IRI: term.RDFNS})
	for _, p := range opt.Prefixes {
		// Prefixes that XML cannot declare are left out: they only make
		// the output shorter. Names starting with "xml" are reserved.
		if !validNCName(p.Name) || strings.HasPrefix(strings.ToLower(p.Name), "xml") ||
			e.taken[p.Name] || checkIRI(p.IRI) != nil || e.nsPrefix[p.IRI] != "" {
			continue
		}
		e.taken[p.Name] = true
		e.nsPrefix[p.IRI] = p.Name
		e.declared = append(e.declared, p)
	}
	return e
}

func (e *rdfxmlEncoder) start() {
	e.started = true
	e.w.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF")
	for _, p := range e.declared {
		e.w.WriteString("\n    xmlns:")
		e.w.WriteString(p.Name)
		e.w.WriteString("=\"")
		e.w.WriteString(xmlAttr(p.IRI))
		e.w.WriteString("\"")
	}
	e.w.WriteString(">\n")
}

// rdfReserved are the names in the rdf: namespace that cannot be property
// elements (RDF/XML §7.2.5 coreSyntaxTerms, rdf:Description, oldTerms) or
// that parsers rewrite (rdf:li becomes rdf:_n).
var rdfReserved = map[string]bool{
	"RDF": true, "ID": true, "about": true, "parseType": true, "resource": true,
	"nodeID": true, "datatype": true, "Description": true, "aboutEach": true,
	"aboutEachPrefix": true, "bagID": true, "li": true,
}

// splitQName splits an IRI into a namespace and the longest NCName suffix.
func splitQName(iri string) (ns, local string, ok bool) {
	i := len(iri)
	for i > 0 {
		r, size := lastRune(iri[:i])
		if r != '.' && !grammar.IsPNChars(r) {
			break
		}
		i -= size
	}
	// The local name must start with a NameStartChar.
	for i < len(iri) {
		r, size := firstRune(iri[i:])
		if grammar.IsPNCharsU(r) {
			break
		}
		i += size
	}
	if i == len(iri) || i == 0 {
		return "", "", false
	}
	return iri[:i], iri[i:], true
}

func (e *rdfxmlEncoder) Encode(q term.Quad) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	q.G = term.Term{}
	if q.O.IsLiteral() {
		q.O = literal(q.O)
	}
	if e.any && q == e.last {
		return nil
	}
	if err := checkQuad(q, false); err != nil {
		return e.fail(err)
	}
	ns, local, ok := splitQName(q.P.Value)
	if !ok {
		return e.fail(fmt.Errorf("export: %w: RDF/XML cannot write predicate <%s>: it does not end in an XML name", ErrUnrepresentable, q.P.Value))
	}
	if ns == term.RDFNS && rdfReserved[local] {
		return e.fail(fmt.Errorf("export: %w: RDF/XML cannot write predicate rdf:%s", ErrUnrepresentable, local))
	}
	if q.O.IsLiteral() {
		if err := checkXMLChars(q.O.Value); err != nil {
			return e.fail(err)
		}
	}
	if !e.started {
		e.start()
	}
	b := &e.b
	b.Reset()
	// Reset drops the buffer; growing it once is cheaper than doubling.
	b.Grow(256)
	if !e.open || q.S != e.subj {
		if e.open {
			b.WriteString("  </rdf:Description>\n")
		}
		b.WriteString("  <rdf:Description ")
		e.nodeAttr(b, q.S, "about")
		b.WriteString(">\n")
		e.subj, e.open = q.S, true
	}
	prefix, known := e.nsPrefix[ns]
	if !known {
		for {
			e.generated++
			prefix = "ns" + strconv.Itoa(e.generated)
			if !e.taken[prefix] {
				break
			}
		}
		e.taken[prefix] = true
		e.nsPrefix[ns] = prefix
	}
	qname := prefix + ":" + local
	b.WriteString("    <")
	b.WriteString(qname)
	if !e.onRoot(prefix) {
		b.WriteString(" xmlns:")
		b.WriteString(prefix)
		b.WriteString("=\"")
		b.WriteString(xmlAttr(ns))
		b.WriteString("\"")
	}
	switch q.O.Kind {
	case term.KindIRI, term.KindBlank:
		b.WriteByte(' ')
		e.nodeAttr(b, q.O, "resource")
		b.WriteString("/>\n")
	default:
		switch {
		case q.O.Lang != "":
			b.WriteString(" xml:lang=\"")
			b.WriteString(q.O.Lang)
			b.WriteString("\"")
		case q.O.Datatype != term.XSDString:
			b.WriteString(" rdf:datatype=\"")
			b.WriteString(xmlAttr(q.O.Datatype))
			b.WriteString("\"")
		}
		b.WriteByte('>')
		b.WriteString(xmlText(q.O.Value))
		b.WriteString("</")
		b.WriteString(qname)
		b.WriteString(">\n")
	}
	e.last, e.any = q, true
	if _, err := e.w.WriteString(b.String()); err != nil {
		return e.fail(err)
	}
	return nil
}

// onRoot reports whether prefix is declared on rdf:RDF.
func (e *rdfxmlEncoder) onRoot(prefix string) bool {
	for _, p := range e.declared {
		if p.Name == prefix {
			return true
		}
	}
	return false
}

// nodeAttr writes rdf:about / rdf:resource for an IRI, rdf:nodeID for a
// blank node.
func (e *rdfxmlEncoder) nodeAttr(b *strings.Builder, t term.Term, iriAttr string) {
	if t.IsBlank() {
		b.WriteString("rdf:nodeID=\"")
		b.WriteString(xmlAttr(blankLabel(t.Value, validNCName)))
	} else {
		b.WriteString("rdf:")
		b.WriteString(iriAttr)
		b.WriteString("=\"")
		b.WriteString(xmlAttr(t.Value))
	}
	b.WriteByte('"')
}

func (e *rdfxmlEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	e.closed = true
	if !e.started {
		e.start()
	}
	if e.open {
		e.w.WriteString("  </rdf:Description>\n")
	}
	e.w.WriteString("</rdf:RDF>\n")
	if err := e.w.Flush(); err != nil {
		return e.fail(err)
	}
	return nil
}

// ErrUnrepresentable is wrapped by the error of an encoder given a quad its
// syntax cannot write: RDF/XML has no way to write U+0000 and most other
// C0 controls (XML 1.0 excludes them, even as character references), nor
// a predicate that does not end in an XML name.
var ErrUnrepresentable = errors.New("not representable in this syntax")

// checkXMLChars rejects characters that XML 1.0 cannot carry even as
// character references (§2.2 Char).
func checkXMLChars(s string) error {
	for _, r := range s {
		if !(r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF ||
			r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
			return fmt.Errorf("export: %w: RDF/XML cannot carry %U in literal %q", ErrUnrepresentable, r, s)
		}
	}
	return nil
}

// xmlText escapes character data. CR is written as a reference because XML
// parsers turn a raw CR into LF; '>' is escaped so that "]]>" cannot occur.
func xmlText(s string) string {
	return textEscaper.Replace(s)
}

// xmlAttr escapes an attribute value in double quotes. Tab, LF and CR are
// references because attribute-value normalisation would turn them into
// spaces.
func xmlAttr(s string) string {
	return attrEscaper.Replace(s)
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;",
		"\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")
)

// sortedKeys returns the keys of m in order, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
