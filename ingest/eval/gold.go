package eval

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// Gold is the hand-made annotation of one text, as the corpus guidelines
// define it (testdata/corpus/GUIDELINES.md).
type Gold struct {
	Name string `json:"-"` // the file it was read from, for messages
	// Source is the text's public address.
	Source string `json:"source"`
	// Document names the annotated document by a path relative to the gold
	// file, for gold kept apart from its text. Empty: the document beside
	// the gold file with the same stem.
	Document string `json:"document,omitempty"`
	// Notes are the annotator's remarks; they are not scored.
	Notes     []string   `json:"notes,omitempty"`
	Entities  []Entity   `json:"entities"`
	Relations []Relation `json:"relations"`
	Facts     []Fact     `json:"facts"`
}

// Entity is one real thing the text names, once.
type Entity struct {
	Label    string   `json:"label"`
	Class    string   `json:"class"`    // Actor, Law, Instrument, Mandate or Theme
	Subclass string   `json:"subclass"` // one of the class's subclasses in the guidelines
	Aliases  []string `json:"aliases"`
	SFS      string   `json:"sfs,omitempty"`
	Group    bool     `json:"group,omitempty"` // a collective actor ("regionerna")
}

// Names returns the label followed by the aliases.
func (e *Entity) Names() []string { return append([]string{e.Label}, e.Aliases...) }

// Relation is a statement between two entities, given by their labels.
type Relation struct {
	S     string `json:"s"`
	P     string `json:"p"`
	O     string `json:"o"`
	Quote string `json:"quote"`
	Note  string `json:"note,omitempty"`
	Page  int    `json:"page,omitempty"` // printed page of the quote, for paged documents
}

// Fact is a date, period, amount or share the text attaches to an entity.
type Fact struct {
	S         string `json:"s"`
	What      string `json:"what"`  // start, end, period, amount, share or date
	Value     string `json:"value"` // verbatim, with its unit
	Quote     string `json:"quote"`
	Qualifier string `json:"qualifier,omitempty"`
	O         string `json:"o,omitempty"` // payer of an amount, company of a share
	Page      int    `json:"page,omitempty"`
}

// The guidelines' vocabulary: classes with their subclasses, predicates
// and fact kinds. It is the gold format's own, checked when a gold file is
// read; how it maps onto the ontology is the scorer's business.
var (
	guidelineClasses = []struct {
		Class      string
		Subclasses []string
	}{
		{"Actor", []string{"Region", "Municipality", "County", "GovernmentAgency", "CountyAdministrativeBoard",
			"University", "Company", "Association", "Ministry", "Government", "Parliament", "EUBody", "PoliticalBody"}},
		{"Law", []string{"Act", "Ordinance", "EURegulation"}},
		{"Instrument", []string{"Strategy", "Plan", "Programme", "Project", "Fund", "Appropriation",
			"Platform", "Partnership", "Network"}},
		{"Mandate", []string{"Mandate"}},
		{"Theme", []string{"Theme"}},
	}
	guidelinePredicates = []string{"holdsMandate", "confersMandate", "responsibleFor", "participatesIn",
		"finances", "fundedBy", "memberOf", "owns", "partOf", "implements", "governs", "requires"}
	factKinds = []string{"start", "end", "period", "amount", "share", "date"}
)

// Classes returns the five classes of the guidelines, in their order.
func Classes() []string {
	out := make([]string, len(guidelineClasses))
	for i, c := range guidelineClasses {
		out[i] = c.Class
	}
	return out
}

// subclassesOf returns the guidelines' subclasses of a class, nil for an
// unknown class.
func subclassesOf(class string) []string {
	for _, c := range guidelineClasses {
		if c.Class == class {
			return c.Subclasses
		}
	}
	return nil
}

// guidelineClass returns the class the guidelines put a subclass under.
func guidelineClass(subclass string) (string, bool) {
	for _, c := range guidelineClasses {
		if slices.Contains(c.Subclasses, subclass) {
			return c.Class, true
		}
	}
	return "", false
}

// ErrInvalid marks a gold file that breaks the guidelines: an unknown
// class, subclass, predicate or fact kind, a relation or fact whose ends
// are not entity labels, a value missing from its quote, or a name or quote
// missing from the text (Verify).
var ErrInvalid = errors.New("invalid gold annotation")

var sfsPattern = regexp.MustCompile(`^[0-9]{4}:[0-9]+$`)

// ReadGold reads and checks a gold file. Errors start with name; a
// syntax error gives its line and column, and the guideline problems are
// all reported together, each wrapping ErrInvalid.
func ReadGold(r io.Reader, name string) (*Gold, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields() // a misspelt field would otherwise vanish
	g := &Gold{Name: name}
	if err := dec.Decode(g); err != nil {
		return nil, fmt.Errorf("%s: %s", name, jsonError(data, dec, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%s: data after the top-level object", name)
	}
	if err := g.check(); err != nil {
		return nil, err
	}
	return g, nil
}

// jsonError places a decoding error at a line and column.
func jsonError(data []byte, dec *json.Decoder, err error) string {
	off := dec.InputOffset()
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		off = int64(len(data))
	}
	off = min(max(off, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := 1 + len([]rune(string(data[bytes.LastIndexByte(data[:off], '\n')+1:off])))
	return fmt.Sprintf("%d:%d: %v", line, col, err)
}

// check applies the guidelines' checks that need no text.
func (g *Gold) check() error {
	var errs []error
	bad := func(where, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s: %w: %s", g.Name, where, ErrInvalid, fmt.Sprintf(format, args...)))
	}
	labels := make(map[string]int, len(g.Entities))
	for i := range g.Entities {
		e := &g.Entities[i]
		where := fmt.Sprintf("entity %d %q", i+1, e.Label)
		if strings.TrimSpace(e.Label) == "" {
			bad(where, "empty label")
		} else if j, dup := labels[e.Label]; dup {
			bad(where, "label already used by entity %d", j+1)
		} else {
			labels[e.Label] = i
		}
		subs := subclassesOf(e.Class)
		switch {
		case subs == nil:
			bad(where, "class %q is not one of %s", e.Class, strings.Join(Classes(), ", "))
		case !slices.Contains(subs, e.Subclass):
			bad(where, "subclass %q is not one of the subclasses of %s: %s", e.Subclass, e.Class, strings.Join(subs, ", "))
		}
		for _, a := range e.Aliases {
			if strings.TrimSpace(a) == "" {
				bad(where, "empty alias")
			}
		}
		if e.SFS != "" && !sfsPattern.MatchString(e.SFS) {
			bad(where, "sfs %q is not of the form YYYY:NNN", e.SFS)
		}
		if e.SFS != "" && e.Class != "Law" {
			bad(where, "sfs on a %s", e.Class)
		}
		if e.Group && e.Class != "Actor" {
			bad(where, "group on a %s; only actors form groups", e.Class)
		}
	}
	entity := func(where, role, label string) {
		if _, ok := labels[label]; !ok {
			bad(where, "%s %q is not an entity label", role, label)
		}
	}
	for i, r := range g.Relations {
		where := fmt.Sprintf("relation %d (%s %s %s)", i+1, r.S, r.P, r.O)
		entity(where, "subject", r.S)
		entity(where, "object", r.O)
		if !slices.Contains(guidelinePredicates, r.P) {
			bad(where, "predicate %q is not one of %s", r.P, strings.Join(guidelinePredicates, ", "))
		}
		if strings.TrimSpace(r.Quote) == "" {
			bad(where, "empty quote")
		}
	}
	for i, f := range g.Facts {
		where := fmt.Sprintf("fact %d (%s %s %q)", i+1, f.S, f.What, f.Value)
		entity(where, "subject", f.S)
		if f.O != "" {
			entity(where, "object", f.O)
		}
		if !slices.Contains(factKinds, f.What) {
			bad(where, "what %q is not one of %s", f.What, strings.Join(factKinds, ", "))
		}
		switch {
		case strings.TrimSpace(f.Value) == "":
			bad(where, "empty value")
		case !strings.Contains(f.Quote, f.Value):
			bad(where, "value is not in its quote")
		}
	}
	return errors.Join(errs...)
}

// Combine joins the gold files of one document, annotated in parts, into
// one gold annotation named name. Entities with the same label are one
// entity, with the aliases of all; relations and facts stated in several
// parts are kept once. Where parts give one label different classes or
// subclasses, the first part's stands and the error, wrapping ErrInvalid,
// lists the disagreements; the combined annotation is returned all the
// same.
func Combine(name string, parts ...*Gold) (*Gold, error) {
	g := &Gold{Name: name}
	at := make(map[string]int)
	rels := make(map[Relation]bool)
	facts := make(map[Fact]bool)
	var errs []error
	for _, p := range parts {
		g.Source = cmp.Or(g.Source, p.Source)
		g.Document = cmp.Or(g.Document, p.Document)
		g.Notes = append(g.Notes, p.Notes...)
		for _, e := range p.Entities {
			i, seen := at[e.Label]
			if !seen {
				at[e.Label] = len(g.Entities)
				e.Aliases = slices.Clone(e.Aliases)
				g.Entities = append(g.Entities, e)
				continue
			}
			have := &g.Entities[i]
			if have.Class != e.Class || have.Subclass != e.Subclass {
				errs = append(errs, fmt.Errorf("%s: entity %q: %w: %s/%s in one part, %s/%s in %s; the first stands",
					name, e.Label, ErrInvalid, have.Class, have.Subclass, e.Class, e.Subclass, p.Name))
				continue
			}
			for _, a := range e.Aliases {
				if !slices.Contains(have.Aliases, a) {
					have.Aliases = append(have.Aliases, a)
				}
			}
			have.Group = have.Group || e.Group
			have.SFS = cmp.Or(have.SFS, e.SFS)
		}
		for _, r := range p.Relations {
			key := r
			key.Note, key.Page = "", 0
			if !rels[key] {
				rels[key] = true
				g.Relations = append(g.Relations, r)
			}
		}
		for _, f := range p.Facts {
			key := f
			key.Qualifier, key.Page = "", 0
			if !facts[key] {
				facts[key] = true
				g.Facts = append(g.Facts, f)
			}
		}
	}
	return g, errors.Join(errs...)
}

// lineHyphen is a hyphen that ends a line, with the white space after it.
var lineHyphen = regexp.MustCompile(`-[ \t]*\n\s*`)

// Body returns the annotated part of a corpus text: what follows its
// leading "# source: …" and "# title: …" header lines. A text without
// such a header is all body.
func Body(text string) string {
	for strings.HasPrefix(text, "# ") {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return ""
		}
		text = text[i+1:]
	}
	return text
}

// Verify checks that every label, alias, SFS number, quote and fact value
// occurs in body, the annotated text (see Body), as written up to white
// space: a text extracted from a PDF breaks lines where the page did. The
// problems are reported together, each wrapping ErrInvalid.
func (g *Gold) Verify(body string) error { return g.verify(body, false) }

// verify is Verify, comparing white space too when exact is set.
func (g *Gold) verify(body string, exact bool) error {
	space := func(s string) string { return s }
	if !exact {
		space = func(s string) string { return strings.Join(strings.Fields(s), " ") }
	}
	// a line that ends in a hyphen joins the next without a space, the
	// hyphen kept ("Jämtland-\nHärjedalen") or dropped ("utveck-\nling")
	bodies := []string{space(body)}
	if !exact {
		bodies = append(bodies, space(lineHyphen.ReplaceAllString(body, "-")), space(lineHyphen.ReplaceAllString(body, "")))
	}
	in := func(s string) bool {
		for _, b := range bodies {
			if strings.Contains(b, space(s)) {
				return true
			}
		}
		return false
	}
	var errs []error
	need := func(where, what, s string) {
		if s != "" && !in(s) {
			errs = append(errs, fmt.Errorf("%s: %s: %w: %s %q is not in the text", g.Name, where, ErrInvalid, what, s))
		}
	}
	for i, e := range g.Entities {
		where := fmt.Sprintf("entity %d %q", i+1, e.Label)
		need(where, "label", e.Label)
		for _, a := range e.Aliases {
			need(where, "alias", a)
		}
		need(where, "sfs", e.SFS)
	}
	for i, r := range g.Relations {
		need(fmt.Sprintf("relation %d (%s %s %s)", i+1, r.S, r.P, r.O), "quote", r.Quote)
	}
	for i, f := range g.Facts {
		where := fmt.Sprintf("fact %d (%s %s %q)", i+1, f.S, f.What, f.Value)
		need(where, "quote", f.Quote)
		need(where, "value", f.Value)
	}
	return errors.Join(errs...)
}
