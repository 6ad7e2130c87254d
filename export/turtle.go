package export

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/knakk/rdf"

	"kg/term"
)

// The shorthand forms of Turtle numbers and booleans (RDF 1.1 Turtle §2.5.2,
// grammar rules INTEGER, DECIMAL, DOUBLE, BooleanLiteral). A literal of one
// of these datatypes is written bare only when its lexical form matches,
// since the reader takes the datatype from the shape of the token.
var shorthand = map[string]*regexp.Regexp{
	term.XSDInteger: regexp.MustCompile(`^[+-]?[0-9]+$`),
	term.XSDDecimal: regexp.MustCompile(`^[+-]?[0-9]*\.[0-9]+$`),
	term.XSDDouble:  regexp.MustCompile(`^[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+$`),
	term.XSDBoolean: regexp.MustCompile(`^(true|false)$`),
}

// turtleEncoder writes Turtle, or TriG when trig is set. It keeps one
// subject's statements at a time, so that rdf:type can lead the predicate
// list; everything before that subject is already written.
type turtleEncoder struct {
	sticky
	w        *bufio.Writer
	trig     bool
	prefixes []Prefix // longest namespace first
	declared []Prefix // in the caller's order
	started  bool
	closed   bool

	graph   term.Term // graph of the open block (TriG)
	inBlock bool      // a "g {" block is open
	subj    term.Term
	group   []term.Quad // statements of subj
	last    term.Quad
	any     bool
	line    strings.Builder
}

func newTurtle(w io.Writer, opt Options) Encoder { return newTurtleEncoder(w, opt, false) }
func newTriG(w io.Writer, opt Options) Encoder   { return newTurtleEncoder(w, opt, true) }

func newTurtleEncoder(w io.Writer, opt Options, trig bool) *turtleEncoder {
	e := &turtleEncoder{w: bufio.NewWriterSize(w, 64<<10), trig: trig}
	seen := map[string]bool{}
	for _, p := range opt.Prefixes {
		if !validPrefixName(p.Name) {
			e.fail(fmt.Errorf("export: %q is not a valid Turtle prefix name", p.Name))
			break
		}
		if err := checkIRI(p.IRI); err != nil {
			e.fail(fmt.Errorf("export: prefix %s: %w", p.Name, err))
			break
		}
		if seen[p.Name] {
			e.fail(fmt.Errorf("export: prefix %q declared twice", p.Name))
			break
		}
		seen[p.Name] = true
		e.declared = append(e.declared, p)
	}
	e.prefixes = append([]Prefix(nil), e.declared...)
	sort.SliceStable(e.prefixes, func(i, j int) bool { return len(e.prefixes[i].IRI) > len(e.prefixes[j].IRI) })
	return e
}

func (e *turtleEncoder) start() {
	e.started = true
	for _, p := range e.declared {
		fmt.Fprintf(e.w, "@prefix %s: <%s> .\n", p.Name, p.IRI)
	}
	if len(e.declared) > 0 {
		e.w.WriteByte('\n')
	}
}

func (e *turtleEncoder) Encode(q term.Quad) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	if !e.trig {
		q.G = term.Term{}
	}
	if q.O.IsLiteral() {
		q.O = literal(q.O)
	}
	if e.any && q == e.last {
		return nil
	}
	if err := checkQuad(q, e.trig); err != nil {
		return e.fail(err)
	}
	if !e.started {
		e.start()
	}
	if !e.any || q.G != e.last.G || q.S != e.subj {
		e.flushSubject()
	}
	if e.trig && (!e.any || q.G != e.last.G) {
		e.closeBlock()
		if !q.G.IsZero() {
			// TriG 1.1 makes the GRAPH keyword optional; Raptor 2.0.15,
			// still the rapper in Debian, rejects it, so it is left out.
			e.w.WriteString(e.node(q.G))
			e.w.WriteString(" {\n")
			e.inBlock = true
		}
		e.graph = q.G
	}
	e.subj = q.S
	e.group = append(e.group, q)
	e.last, e.any = q, true
	if _, err := e.w.Write(nil); err != nil {
		return e.fail(err)
	}
	return nil
}

func (e *turtleEncoder) Close() error {
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
	e.flushSubject()
	e.closeBlock()
	if err := e.w.Flush(); err != nil {
		return e.fail(err)
	}
	return nil
}

func (e *turtleEncoder) closeBlock() {
	if e.inBlock {
		e.w.WriteString("}\n\n")
		e.inBlock = false
	}
}

// flushSubject writes the buffered statements of one subject as
//
//	subject a Class ;
//	    pred obj1 , obj2 ;
//	    pred2 obj3 .
//
// with rdf:type first and otherwise the input order.
func (e *turtleEncoder) flushSubject() {
	if len(e.group) == 0 {
		return
	}
	g := e.group
	sort.SliceStable(g, func(i, j int) bool {
		return g[i].P.Value == term.RDFType && g[j].P.Value != term.RDFType
	})
	indent := ""
	if e.inBlock {
		indent = "    "
	}
	b := &e.line
	b.Reset()
	b.WriteString(indent)
	b.WriteString(e.node(g[0].S))
	for i := 0; i < len(g); {
		j := i + 1
		for j < len(g) && g[j].P == g[i].P {
			j++
		}
		if i > 0 {
			b.WriteString(" ;\n")
			b.WriteString(indent)
			b.WriteString("   ")
		}
		b.WriteByte(' ')
		if g[i].P.Value == term.RDFType {
			b.WriteByte('a')
		} else {
			b.WriteString(e.node(g[i].P))
		}
		objs := make([]string, j-i)
		width := 0
		for k := i; k < j; k++ {
			objs[k-i] = e.node(g[k].O)
			width += len(objs[k-i]) + 3
		}
		// Short object lists stay on one line; long ones get a line each.
		sep := " , "
		if len(objs) > 1 && (width > 80 || strings.Contains(strings.Join(objs, ""), "\n")) {
			sep = " ,\n" + indent + "        "
		}
		b.WriteByte(' ')
		b.WriteString(strings.Join(objs, sep))
		i = j
	}
	b.WriteString(" .\n")
	if !e.inBlock {
		b.WriteByte('\n')
	}
	e.w.WriteString(b.String())
	e.group = e.group[:0]
}

// node returns the Turtle form of an IRI, blank node or literal.
func (e *turtleEncoder) node(t term.Term) string {
	switch t.Kind {
	case term.KindIRI:
		return e.iri(t.Value)
	case term.KindBlank:
		if k, ok := knakkTurtle(t); ok {
			return k
		}
		return "_:" + blankLabel(t.Value, validBlankLabel)
	}
	return e.literal(t)
}

// iri writes a prefixed name when a declared namespace fits and the rest is
// a valid local name; otherwise the IRI in full.
func (e *turtleEncoder) iri(s string) string {
	for _, p := range e.prefixes {
		if strings.HasPrefix(s, p.IRI) && validLocal(s[len(p.IRI):]) {
			return p.Name + ":" + s[len(p.IRI):]
		}
	}
	if k, ok := knakkTurtle(term.IRI(s)); ok {
		return k
	}
	var b strings.Builder
	term.IRI(s).AppendNT(&b)
	return b.String()
}

func (e *turtleEncoder) literal(t term.Term) string {
	if !strings.Contains(t.Value, "\n") {
		if k, ok := knakkTurtle(t); ok {
			return k
		}
	}
	var b strings.Builder
	if strings.Contains(t.Value, "\n") {
		writeLongString(&b, t.Value)
	} else {
		b.WriteByte('"')
		term.EscapeString(&b, t.Value)
		b.WriteByte('"')
	}
	switch {
	case t.Lang != "":
		b.WriteByte('@')
		b.WriteString(t.Lang)
	case t.Datatype != term.XSDString:
		b.WriteString("^^")
		b.WriteString(e.iri(t.Datatype))
	}
	return b.String()
}

// knakkTurtle serialises t with github.com/knakk/rdf where that library's
// output is known to be right, and reports false elsewhere. Its Turtle
// serialisation is wrong or unusable for:
//   - numbers and booleans: written bare whatever the lexical form, so
//     "1"^^xsd:decimal becomes the integer 1 and "abc"^^xsd:integer a
//     syntax error; here only lexical forms that match the shorthand
//     grammar are passed to it;
//   - other typed literals: the datatype is written as a full IRI (and
//     xsd:dateTime values are not escaped at all), so they are written here
//     with a prefixed datatype instead;
//   - control characters other than CR and LF, which it leaves raw;
//   - IRIs and blank node labels, which it never checks or escapes;
//   - language tags with more than two subtags, which NewLangLiteral
//     rejects.
func knakkTurtle(t term.Term) (string, bool) {
	switch t.Kind {
	case term.KindIRI:
		i, err := rdf.NewIRI(t.Value)
		if err != nil || checkIRI(t.Value) != nil {
			return "", false
		}
		return i.Serialize(rdf.Turtle), true
	case term.KindBlank:
		if !validBlankLabel(t.Value) || strings.HasPrefix(t.Value, encodedBlankPrefix) {
			return "", false
		}
		b, err := rdf.NewBlank(t.Value)
		if err != nil {
			return "", false
		}
		return b.Serialize(rdf.Turtle), true
	case term.KindLiteral:
	default:
		return "", false
	}
	if re := shorthand[t.Datatype]; re != nil {
		if !re.MatchString(t.Value) {
			return "", false
		}
		dt, _ := rdf.NewIRI(t.Datatype)
		return rdf.NewTypedLiteral(t.Value, dt).Serialize(rdf.Turtle), true
	}
	for _, r := range t.Value {
		if r < 0x20 && r != '\n' && r != '\r' || r == 0x7F {
			return "", false
		}
	}
	switch t.Datatype {
	case term.XSDString:
		dt, _ := rdf.NewIRI(term.XSDString)
		return rdf.NewTypedLiteral(t.Value, dt).Serialize(rdf.Turtle), true
	case term.RDFLangString:
		l, err := rdf.NewLangLiteral(t.Value, t.Lang)
		if err != nil {
			return "", false
		}
		return l.Serialize(rdf.Turtle), true
	}
	return "", false
}

// writeLongString writes s between triple quotes with its line breaks
// as they are. Every '"' is escaped, which rules out a run of three quotes
// and a quote just before the closing delimiter.
func writeLongString(b *strings.Builder, s string) {
	b.WriteString(`"""`)
	for _, r := range s {
		switch r {
		case '\n':
			b.WriteByte('\n')
		case '\t':
			b.WriteByte('\t')
		default:
			if r == '"' || r == '\\' || r < 0x20 || r == 0x7F {
				term.EscapeString(b, string(r))
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteString(`"""`)
}
