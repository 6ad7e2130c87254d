package rdfio

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"kg/internal/limits"
	"kg/iri"
	"kg/term"
)

const (
	xmlNS          = "http://www.w3.org/XML/1998/namespace"
	rdfXMLLiteral  = term.RDFNS + "XMLLiteral"
	rdfDescription = term.RDFNS + "Description"
)

// ParseRDFXML reads an RDF/XML document (RDF 1.1 XML Syntax). The input is
// read into memory first, because XML positions are only available as byte
// offsets and error columns are reported in characters; the RDF/XML
// documents kg meets are small.
func ParseRDFXML(r io.Reader, opt Options, emit func(term.Quad) error) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	p := &xmlParser{data: data, opt: opt, emit: emit, ids: map[string]bool{}, maxDepth: opt.maxDepth()}
	p.dec = xml.NewDecoder(bytes.NewReader(data))
	p.dec.Strict = true
	return p.document()
}

type xmlAttr struct {
	prefix, local, space, value string
	off                         int64
}

func (a *xmlAttr) uri() string { return a.space + a.local }

// xmlElem is a start tag with its namespaces resolved and the base IRI and
// language in scope.
type xmlElem struct {
	prefix, local, space string
	attrs                []xmlAttr // without namespace declarations
	nsDecls              []xml.Attr
	base, lang           string
	off                  int64
}

func (e *xmlElem) uri() string { return e.space + e.local }

type nsBinding struct{ prefix, uri string }

type xmlFrame struct {
	name       xml.Name
	nsMark     int
	base, lang string
}

type xmlParser struct {
	dec   *xml.Decoder
	data  []byte
	opt   Options
	emit  func(term.Quad) error
	ns    []nsBinding
	stack []xmlFrame
	fresh int
	ids   map[string]bool // rdf:ID IRIs already used
	off   int64           // start offset of the last token
	// maxDepth bounds len(stack): node and property elements recurse
	// into each other once per level.
	maxDepth int
}

func (p *xmlParser) errAtOff(off int64, msg string) error {
	if off > int64(len(p.data)) {
		off = int64(len(p.data))
	}
	line, col := 1, 1
	start := 0
	for i := 0; i < int(off); i++ {
		if p.data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	col = utf8.RuneCount(p.data[start:off]) + 1
	return &SyntaxError{File: p.opt.File, Line: line, Col: col, Msg: msg}
}

func (p *xmlParser) errAt(e *xmlElem, msg string) error { return p.errAtOff(e.off, msg) }

func (p *xmlParser) lookupNS(prefix string) (string, bool) {
	if prefix == "xml" {
		return xmlNS, true
	}
	for i := len(p.ns) - 1; i >= 0; i-- {
		if p.ns[i].prefix == prefix {
			return p.ns[i].uri, true
		}
	}
	return "", prefix == ""
}

// next returns the next token: *xmlElem for a start tag, xml.EndElement,
// xml.CharData or xml.ProcInst; comments and directives are dropped.
// io.EOF marks the end of input.
func (p *xmlParser) next() (any, error) {
	for {
		p.off = p.dec.InputOffset()
		tok, err := p.dec.RawToken()
		if err != nil {
			if err == io.EOF {
				if len(p.stack) > 0 {
					return nil, p.errAtOff(p.off, "unexpected end of input inside <"+p.stack[len(p.stack)-1].name.Local+">")
				}
				return nil, io.EOF
			}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, p.errAtOff(p.dec.InputOffset(), se.Msg)
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return p.start(t)
		case xml.EndElement:
			if len(p.stack) == 0 || p.stack[len(p.stack)-1].name != t.Name {
				return nil, p.errAtOff(p.off, "unexpected end tag </"+qname(t.Name)+">")
			}
			top := p.stack[len(p.stack)-1]
			p.stack = p.stack[:len(p.stack)-1]
			p.ns = p.ns[:top.nsMark]
			return t, nil
		case xml.CharData:
			return xml.CharData(bytes.Clone(t)), nil
		case xml.ProcInst:
			if len(p.stack) > 0 {
				return t.Copy(), nil
			}
		}
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func (p *xmlParser) start(t xml.StartElement) (*xmlElem, error) {
	e := &xmlElem{prefix: t.Name.Space, local: t.Name.Local, off: p.off}
	frame := xmlFrame{name: t.Name, nsMark: len(p.ns), base: p.opt.Base}
	if n := len(p.stack); n > 0 {
		frame.base, frame.lang = p.stack[n-1].base, p.stack[n-1].lang
	}
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "xmlns":
			p.ns = append(p.ns, nsBinding{a.Name.Local, a.Value})
			e.nsDecls = append(e.nsDecls, a)
			if p.opt.OnPrefix != nil && a.Value != "" {
				p.opt.OnPrefix(a.Name.Local, a.Value)
			}
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			p.ns = append(p.ns, nsBinding{"", a.Value})
			e.nsDecls = append(e.nsDecls, a)
		}
	}
	p.stack = append(p.stack, frame)
	if len(p.stack) > p.maxDepth {
		return nil, p.errAtOff(p.off, limits.DepthMessage(p.maxDepth))
	}
	space, ok := p.lookupNS(e.prefix)
	if !ok {
		return nil, p.errAtOff(p.off, "undeclared namespace prefix '"+e.prefix+"'")
	}
	e.space = space
	top := &p.stack[len(p.stack)-1]
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		xa := xmlAttr{prefix: a.Name.Space, local: a.Name.Local, value: a.Value, off: p.off}
		if xa.prefix != "" {
			if xa.space, ok = p.lookupNS(xa.prefix); !ok {
				return nil, p.errAtOff(p.off, "undeclared namespace prefix '"+xa.prefix+"'")
			}
		}
		switch {
		case xa.space == xmlNS && xa.local == "base":
			top.base = iri.Resolve(top.base, xa.value)
			if i := strings.IndexByte(top.base, '#'); i >= 0 {
				top.base = top.base[:i]
			}
		case xa.space == xmlNS && xa.local == "lang":
			if xa.value != "" {
				if err := checkLang(xa.value); err != nil {
					return nil, p.errAtOff(p.off, err.Error())
				}
			}
			top.lang = xa.value
		}
		e.attrs = append(e.attrs, xa)
	}
	e.base, e.lang = top.base, top.lang
	return e, nil
}

func (p *xmlParser) freshBlank() term.Term {
	p.fresh++
	return term.Blank(p.opt.BlankPrefix + "_" + strconv.Itoa(p.fresh))
}

func (p *xmlParser) triple(s, pr, o term.Term) error {
	// Terms are checked where they are made, at their element; this
	// catches any other, at the last token read.
	q := term.Quad{S: s, P: pr, O: o}
	if err := q.Check(); err != nil {
		return p.errAtOff(p.off, err.Error())
	}
	return p.emit(q)
}

// resolve resolves an IRI reference of element e and checks the result.
func (p *xmlParser) resolve(e *xmlElem, ref string) (string, error) {
	s := iri.Resolve(e.base, ref)
	if err := checkIRI(s); err != nil {
		return "", p.errAt(e, err.Error())
	}
	return s, nil
}

// name checks the IRI of an element or attribute name of e: namespace
// and local name together.
func (p *xmlParser) name(e *xmlElem, uri string) (term.Term, error) {
	if err := checkIRI(uri); err != nil {
		return term.Term{}, p.errAt(e, err.Error())
	}
	return term.IRI(uri), nil
}

func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

func (p *xmlParser) document() error {
	for {
		tok, err := p.next()
		if err == io.EOF {
			return p.errAtOff(p.off, "no document element")
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case *xmlElem:
			if t.uri() == term.RDFNS+"RDF" {
				if err := p.checkOnlyXMLAttrs(t); err != nil {
					return err
				}
				if err := p.nodeElementList(); err != nil {
					return err
				}
			} else if _, err := p.nodeElement(t); err != nil {
				return err
			}
			return p.trailer()
		case xml.CharData:
			if !isSpace(t) {
				return p.errAtOff(p.off, "text outside the document element")
			}
		}
	}
}

func (p *xmlParser) trailer() error {
	for {
		tok, err := p.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if cd, ok := tok.(xml.CharData); ok && isSpace(cd) {
			continue
		}
		return p.errAtOff(p.off, "content after the document element")
	}
}

func (p *xmlParser) checkOnlyXMLAttrs(e *xmlElem) error {
	for _, a := range e.attrs {
		if !isXMLAttr(&a) {
			return p.errAt(e, "unexpected attribute "+a.prefix+":"+a.local+" on rdf:RDF")
		}
	}
	return nil
}

// isXMLAttr reports attributes that RDF/XML ignores: those in the xml
// namespace and unqualified ones whose names start with "xml".
func isXMLAttr(a *xmlAttr) bool {
	if a.space == xmlNS {
		return true
	}
	return a.space == "" && len(a.local) >= 3 && strings.EqualFold(a.local[:3], "xml")
}

func (p *xmlParser) nodeElementList() error {
	for {
		tok, err := p.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.CharData:
			if !isSpace(t) {
				return p.errAtOff(p.off, "unexpected text between node elements")
			}
		case *xmlElem:
			if _, err := p.nodeElement(t); err != nil {
				return err
			}
		}
	}
}

// Sets of RDF names from the RDF/XML grammar (section 7.2.2 to 7.2.5).
var (
	coreSyntaxTerms = map[string]bool{"RDF": true, "ID": true, "about": true, "parseType": true, "resource": true, "nodeID": true, "datatype": true}
	oldTerms        = map[string]bool{"aboutEach": true, "aboutEachPrefix": true, "bagID": true}
)

func rdfLocal(uri string) (string, bool) {
	if strings.HasPrefix(uri, term.RDFNS) {
		return uri[len(term.RDFNS):], true
	}
	return "", false
}

func okNodeElementURI(uri string) bool {
	l, ok := rdfLocal(uri)
	return !ok || !coreSyntaxTerms[l] && l != "li" && !oldTerms[l]
}

func okPropertyElementURI(uri string) bool {
	l, ok := rdfLocal(uri)
	return !ok || !coreSyntaxTerms[l] && l != "Description" && !oldTerms[l]
}

func okPropertyAttrURI(uri string) bool {
	l, ok := rdfLocal(uri)
	return !ok || !coreSyntaxTerms[l] && l != "Description" && l != "li" && !oldTerms[l]
}

// attrName gives an attribute's IRI; unqualified attributes are allowed
// only for the few names RDF/XML maps into the rdf namespace.
func (p *xmlParser) attrName(e *xmlElem, a *xmlAttr) (string, error) {
	if a.space != "" {
		if err := checkIRI(a.uri()); err != nil {
			return "", p.errAt(e, err.Error())
		}
		return a.uri(), nil
	}
	switch a.local {
	case "ID", "about", "resource", "parseType", "type":
		return term.RDFNS + a.local, nil
	}
	return "", p.errAt(e, "unqualified attribute '"+a.local+"' is not allowed")
}

func isNCName(s string) bool {
	for i, r := range s {
		switch {
		case unicode.IsLetter(r), r == '_':
		case i > 0 && (unicode.IsDigit(r) || r == '.' || r == '-' || r == 0xB7 || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Lm)):
		default:
			return false
		}
	}
	return s != ""
}

// idIRI turns an rdf:ID into an IRI and checks that it is used once.
func (p *xmlParser) idIRI(e *xmlElem, id string) (term.Term, error) {
	if !isNCName(id) {
		return term.Term{}, p.errAt(e, "rdf:ID '"+id+"' is not an XML name")
	}
	abs, err := p.resolve(e, "#"+id)
	if err != nil {
		return term.Term{}, err
	}
	if p.ids[abs] {
		return term.Term{}, p.errAt(e, "rdf:ID '"+id+"' used twice")
	}
	p.ids[abs] = true
	return term.IRI(abs), nil
}

func (p *xmlParser) nodeID(e *xmlElem, id string) (term.Term, error) {
	if !isNCName(id) {
		return term.Term{}, p.errAt(e, "rdf:nodeID '"+id+"' is not an XML name")
	}
	return term.Blank(blankLabel(p.opt.BlankPrefix, id)), nil
}

func (p *xmlParser) literal(e *xmlElem, s string) term.Term {
	if e.lang != "" {
		return term.LangString(s, e.lang)
	}
	return term.String(s)
}

func (p *xmlParser) nodeElement(e *xmlElem) (term.Term, error) {
	uri := e.uri()
	if e.space == "" {
		return term.Term{}, p.errAt(e, "element <"+e.local+"> has no namespace")
	}
	if !okNodeElementURI(uri) {
		return term.Term{}, p.errAt(e, "rdf:"+e.local+" is not allowed as a node element")
	}
	var subj term.Term
	type propAttr struct{ uri, value string }
	var props []propAttr
	for i := range e.attrs {
		a := &e.attrs[i]
		if isXMLAttr(a) {
			continue
		}
		name, err := p.attrName(e, a)
		if err != nil {
			return subj, err
		}
		var t term.Term
		switch name {
		case term.RDFNS + "ID":
			t, err = p.idIRI(e, a.value)
		case term.RDFNS + "nodeID":
			t, err = p.nodeID(e, a.value)
		case term.RDFNS + "about":
			var s string
			s, err = p.resolve(e, a.value)
			t = term.IRI(s)
		default:
			if !okPropertyAttrURI(name) {
				return subj, p.errAt(e, "rdf:"+a.local+" is not allowed as an attribute here")
			}
			props = append(props, propAttr{name, a.value})
			continue
		}
		if err != nil {
			return subj, err
		}
		if !subj.IsZero() {
			return subj, p.errAt(e, "only one of rdf:ID, rdf:about and rdf:nodeID is allowed")
		}
		subj = t
	}
	if subj.IsZero() {
		subj = p.freshBlank()
	}
	if uri != rdfDescription {
		typ, err := p.name(e, uri)
		if err != nil {
			return subj, err
		}
		if err := p.triple(subj, term.IRI(term.RDFType), typ); err != nil {
			return subj, err
		}
	}
	for _, a := range props {
		if err := p.propertyAttr(e, subj, a.uri, a.value); err != nil {
			return subj, err
		}
	}
	return subj, p.propertyEltList(subj)
}

func (p *xmlParser) propertyEltList(subj term.Term) error {
	li := 1
	for {
		tok, err := p.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.CharData:
			if !isSpace(t) {
				return p.errAtOff(p.off, "unexpected text between property elements")
			}
		case *xmlElem:
			if err := p.propertyElt(subj, t, &li); err != nil {
				return err
			}
		}
	}
}

func (p *xmlParser) propertyElt(subj term.Term, e *xmlElem, li *int) error {
	if e.space == "" {
		return p.errAt(e, "element <"+e.local+"> has no namespace")
	}
	uri := e.uri()
	if uri == term.RDFNS+"li" {
		uri = term.RDFNS + "_" + strconv.Itoa(*li)
		*li++
	} else if !okPropertyElementURI(uri) {
		return p.errAt(e, "rdf:"+e.local+" is not allowed as a property element")
	}
	pred, err := p.name(e, uri)
	if err != nil {
		return err
	}
	var id, datatype, parseType, resource, nodeID *string
	type propAttr struct{ uri, value string }
	var props []propAttr
	for i := range e.attrs {
		a := &e.attrs[i]
		if isXMLAttr(a) {
			continue
		}
		name, err := p.attrName(e, a)
		if err != nil {
			return err
		}
		switch name {
		case term.RDFNS + "ID":
			id = &a.value
		case term.RDFNS + "datatype":
			datatype = &a.value
		case term.RDFNS + "parseType":
			parseType = &a.value
		case term.RDFNS + "resource":
			resource = &a.value
		case term.RDFNS + "nodeID":
			nodeID = &a.value
		default:
			if !okPropertyAttrURI(name) {
				return p.errAt(e, "rdf:"+a.local+" is not allowed as an attribute here")
			}
			props = append(props, propAttr{name, a.value})
		}
	}
	var reif term.Term
	if id != nil {
		var err error
		if reif, err = p.idIRI(e, *id); err != nil {
			return err
		}
	}
	var obj term.Term
	switch {
	case parseType != nil:
		if datatype != nil || resource != nil || nodeID != nil || len(props) > 0 {
			return p.errAt(e, "rdf:parseType cannot be combined with rdf:datatype, rdf:resource, rdf:nodeID or property attributes")
		}
		var err error
		switch *parseType {
		case "Resource":
			obj = p.freshBlank()
			if err := p.triple(subj, pred, obj); err != nil {
				return err
			}
			if err := p.reify(reif, subj, pred, obj); err != nil {
				return err
			}
			return p.propertyEltList(obj)
		case "Collection":
			obj, err = p.collection()
		default:
			var lit string
			lit, err = p.xmlLiteral()
			obj = term.Literal(lit, rdfXMLLiteral)
		}
		if err != nil {
			return err
		}
	default:
		var text []byte
		var child term.Term
		for done := false; !done; {
			tok, err := p.next()
			if err != nil {
				return err
			}
			switch t := tok.(type) {
			case xml.EndElement:
				done = true
			case xml.CharData:
				if !child.IsZero() && !isSpace(t) {
					return p.errAtOff(p.off, "text after the node element of a property")
				}
				text = append(text, t...)
			case xml.ProcInst:
			case *xmlElem:
				if !child.IsZero() {
					return p.errAt(t, "a property element can contain only one node element")
				}
				if !isSpace(text) {
					return p.errAt(t, "mixed text and element content (use rdf:parseType=\"Literal\")")
				}
				if datatype != nil || resource != nil || nodeID != nil || len(props) > 0 {
					return p.errAt(t, "a property element with a node element cannot have rdf:datatype, rdf:resource, rdf:nodeID or property attributes")
				}
				if child, err = p.nodeElement(t); err != nil {
					return err
				}
			}
		}
		switch {
		case !child.IsZero():
			obj = child
		case datatype != nil:
			if resource != nil || nodeID != nil || len(props) > 0 {
				return p.errAt(e, "rdf:datatype cannot be combined with rdf:resource, rdf:nodeID or property attributes")
			}
			dt, err := p.resolve(e, *datatype)
			if err != nil {
				return err
			}
			obj = term.Literal(string(text), dt)
		case len(text) > 0 && (!isSpace(text) || resource == nil && nodeID == nil && len(props) == 0):
			if resource != nil || nodeID != nil || len(props) > 0 {
				return p.errAt(e, "a property element with text cannot have rdf:resource, rdf:nodeID or property attributes")
			}
			obj = p.literal(e, string(text))
		case resource == nil && nodeID == nil && len(props) == 0:
			obj = p.literal(e, "")
		default:
			var err error
			switch {
			case resource != nil && nodeID != nil:
				return p.errAt(e, "rdf:resource and rdf:nodeID cannot both be given")
			case resource != nil:
				var s string
				s, err = p.resolve(e, *resource)
				obj = term.IRI(s)
			case nodeID != nil:
				obj, err = p.nodeID(e, *nodeID)
			default:
				obj = p.freshBlank()
			}
			if err != nil {
				return err
			}
			for _, a := range props {
				if err := p.propertyAttr(e, obj, a.uri, a.value); err != nil {
					return err
				}
			}
		}
	}
	if err := p.triple(subj, pred, obj); err != nil {
		return err
	}
	return p.reify(reif, subj, pred, obj)
}

// propertyAttr emits the triple of a property attribute of e: a literal,
// or for rdf:type an IRI.
func (p *xmlParser) propertyAttr(e *xmlElem, subj term.Term, uri, value string) error {
	o := p.literal(e, value)
	if uri == term.RDFType {
		s, err := p.resolve(e, value)
		if err != nil {
			return err
		}
		o = term.IRI(s)
	}
	return p.triple(subj, term.IRI(uri), o)
}

func (p *xmlParser) reify(r, s, pr, o term.Term) error {
	if r.IsZero() {
		return nil
	}
	for _, t := range [][2]term.Term{
		{term.IRI(term.RDFType), term.IRI(term.RDFNS + "Statement")},
		{term.IRI(term.RDFNS + "subject"), s},
		{term.IRI(term.RDFNS + "predicate"), pr},
		{term.IRI(term.RDFNS + "object"), o},
	} {
		if err := p.triple(r, t[0], t[1]); err != nil {
			return err
		}
	}
	return nil
}

// collection reads the node elements of rdf:parseType="Collection" and
// returns the head of the RDF list built from them.
func (p *xmlParser) collection() (term.Term, error) {
	var items []term.Term
	for {
		tok, err := p.next()
		if err != nil {
			return term.Term{}, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			head := term.IRI(term.RDFNil)
			for i := len(items) - 1; i >= 0; i-- {
				cell := p.freshBlank()
				if err := p.triple(cell, term.IRI(term.RDFFirst), items[i]); err != nil {
					return head, err
				}
				if err := p.triple(cell, term.IRI(term.RDFRest), head); err != nil {
					return head, err
				}
				head = cell
			}
			return head, nil
		case xml.CharData:
			if !isSpace(t) {
				return term.Term{}, p.errAtOff(p.off, "unexpected text in a collection")
			}
		case *xmlElem:
			n, err := p.nodeElement(t)
			if err != nil {
				return n, err
			}
			items = append(items, n)
		}
	}
}

// xmlLiteral reads the content of a rdf:parseType="Literal" property
// element and returns it in exclusive XML canonical form (without
// comments), the lexical form RDF 1.1 gives rdf:XMLLiteral.
func (p *xmlParser) xmlLiteral() (string, error) {
	var b strings.Builder
	// rendered holds the namespace declarations already written on output
	// ancestors, innermost last, as in Exclusive XML Canonicalization.
	rendered := []nsBinding{{"", ""}}
	var marks []int
	depth := 0
	for {
		tok, err := p.next()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
			rendered = rendered[:marks[len(marks)-1]]
			marks = marks[:len(marks)-1]
			b.WriteString("</")
			b.WriteString(qname(t.Name))
			b.WriteByte('>')
		case xml.CharData:
			escapeC14NText(&b, t)
		case xml.ProcInst:
			b.WriteString("<?")
			b.WriteString(t.Target)
			if len(t.Inst) > 0 {
				b.WriteByte(' ')
				b.Write(t.Inst)
			}
			b.WriteString("?>")
		case *xmlElem:
			depth++
			marks = append(marks, len(rendered))
			b.WriteByte('<')
			if t.prefix != "" {
				b.WriteString(t.prefix + ":")
			}
			b.WriteString(t.local)
			// Namespaces visibly used by the element and its attributes.
			used := map[string]string{t.prefix: t.space}
			for _, a := range t.attrs {
				if a.prefix != "" && a.prefix != "xml" {
					used[a.prefix] = a.space
				}
			}
			var decls []nsBinding
			for prefix, uri := range used {
				if prefix == "xml" {
					continue
				}
				cur := ""
				for i := len(rendered) - 1; i >= 0; i-- {
					if rendered[i].prefix == prefix {
						cur = rendered[i].uri
						break
					}
				}
				found := false
				for i := len(rendered) - 1; i >= 0; i-- {
					if rendered[i].prefix == prefix {
						found = true
						break
					}
				}
				if cur != uri || !found && prefix != "" {
					decls = append(decls, nsBinding{prefix, uri})
				}
			}
			sort.Slice(decls, func(i, j int) bool { return decls[i].prefix < decls[j].prefix })
			for _, d := range decls {
				rendered = append(rendered, d)
				if d.prefix == "" {
					b.WriteString(` xmlns="`)
				} else {
					b.WriteString(" xmlns:" + d.prefix + `="`)
				}
				escapeC14NAttr(&b, d.uri)
				b.WriteByte('"')
			}
			attrs := slicesClone(t.attrs)
			sort.Slice(attrs, func(i, j int) bool {
				if attrs[i].space != attrs[j].space {
					return attrs[i].space < attrs[j].space
				}
				return attrs[i].local < attrs[j].local
			})
			for _, a := range attrs {
				b.WriteByte(' ')
				if a.prefix != "" {
					b.WriteString(a.prefix + ":")
				}
				b.WriteString(a.local + `="`)
				escapeC14NAttr(&b, a.value)
				b.WriteByte('"')
			}
			b.WriteByte('>')
		}
	}
}

func slicesClone(a []xmlAttr) []xmlAttr { return append([]xmlAttr(nil), a...) }

func escapeC14NText(b *strings.Builder, s []byte) {
	for _, c := range string(s) {
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteRune(c)
		}
	}
}

func escapeC14NAttr(b *strings.Builder, s string) {
	for _, c := range s {
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteRune(c)
		}
	}
}
