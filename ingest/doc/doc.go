// Package doc is the document model of kg's ingest pipeline: one Doc owns a
// text and every annotation the stages add to it, in order.
//
// A reader (package ingest/read) makes the Doc: its metadata, pages and
// passages (paragraphs, headings, list items, footnotes) with their
// verbatim text, and for reports laid out as such, chapters, sections,
// worked examples and footnotes. Each later stage takes the Doc, adds its
// own annotations and leaves those of earlier stages as they were:
//
//	read       Meta, Pages, Passages, Chapters, Sections, Examples, Footnotes, Links
//	lang       Sentences with their Tokens (Swedish abbreviations, numbers, hyphens)
//	recognise  Mentions: spans naming an actor, law, mandate, instrument or theme,
//	           each with its class and normalised name
//	link       Entities: one per real thing, with the register key it is linked to
//	           (or none), labels and approximate matches; Mention.Entity set
//	relate     Relations between entities, stated by a sentence
//	facts      Facts: dates, periods, amounts and shares attached to entities
//
// The emitter (package ingest/emit) turns Docs into quads. Positions are byte
// offsets into Passage.Text; Sentence, Mention and Fact point to their
// passage through the sentence index. No stage calls back into an earlier
// one: each reads the Doc and appends.
package doc

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Meta describes a document: where it came from and who wrote it.
type Meta struct {
	File      string // path the document was read from
	Slug      string // lower-case slug naming the document in IRIs
	Title     string
	Publisher string
	Issued    string // YYYY, YYYY-MM or YYYY-MM-DD as the document or its sidecar gives it
	Language  string // BCP 47; "sv" unless told otherwise
	URL       string // the document's public address
	Format    string // "text", "html" or "pdf"
}

// PassageKind tells what a passage is.
type PassageKind uint8

// Passage kinds.
const (
	Paragraph PassageKind = iota
	ChapterHeading
	SectionHeading
	ExampleHeading
	ListItem
	FootnoteText
)

var kindNames = [...]string{"paragraph", "chapter heading", "section heading", "example heading", "list item", "footnote"}

func (k PassageKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("PassageKind(%d)", k)
}

// Heading reports whether the kind is a heading of any level.
func (k PassageKind) Heading() bool {
	return k == ChapterHeading || k == SectionHeading || k == ExampleHeading
}

// Passage is the unit of provenance: a paragraph, heading, list item or
// footnote with the page it starts on and its verbatim text (lines joined,
// running footers and footnote markers taken out).
type Passage struct {
	ID        string // "{page}-{n}": n counts passages within the page
	Kind      PassageKind
	Page      int // 1-based page of the source (PDF page, or page of the text); 1 for HTML
	N         int
	Printed   int // printed page number, 0 when unknown
	Line      int // first source line, 0 when the source has no lines
	Chapter   int // index into Doc.Chapters, -1 before the first chapter
	Section   int // index into Doc.Sections, -1 when none
	Example   int // index into Doc.Examples, -1 when none
	List      int // list number for list items, -1 otherwise
	Text      string
	Footnotes []int  // numbers of the footnotes whose markers stand in this passage
	Footnote  int    // for FootnoteText: the footnote's number
	Links     []Link // hyperlinks in the text (HTML)
}

// Link is a hyperlink inside a passage.
type Link struct {
	Start, End int // the anchor text, byte offsets in Passage.Text
	URL        string
}

// Page is one page of the source.
type Page struct {
	Index     int  // 1-based
	Line      int  // source line of the page start, 0 when the source has no lines
	Printed   int  // printed page number, 0 when unknown
	Footnotes bool // the page holds footnote text
}

// Chapter is a chapter of a report.
type Chapter struct {
	N       int // 1-based
	Title   string
	Heading int // passage index of the heading
}

// Section is a titled part of a chapter.
type Section struct {
	Title   string
	Heading int
	Chapter int
}

// Example is a worked example: a heading such as "Title (Region X och
// Region Y)" and the passages under it.
type Example struct {
	Title    string   // heading without the parenthesised list of regions
	Regions  []string // names in the parentheses, as printed
	Heading  int      // passage index of the heading
	Passages []int    // passages under the heading
	Chapter  int
	Section  int
	Slug     string
}

// Footnote is a numbered footnote with the URL it cites.
type Footnote struct {
	N       int
	Title   string
	URL     string // the link target, "" when the footnote has none
	Passage int    // the footnote's own passage
	Anchor  int    // passage carrying the marker, -1 when no marker was found
}

// TokenKind tells what a token is.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, digits inside words, inner hyphens and colons ("EU:s", "kultur-")
	Number                  // digits with inner spaces, dots, commas ("8 567 000", "2,5", "2017:583")
	Punct                   // anything else, one rune per token
)

// Token is a word, number or punctuation mark of a sentence.
type Token struct {
	Start, End int // byte offsets in the passage text
	Text       string
	Kind       TokenKind
}

// Sentence is a sentence of a passage (a heading or list item is one
// sentence unless it holds several).
type Sentence struct {
	Passage    int
	Start, End int // byte offsets in the passage text
	Tokens     []Token
}

// Mention is a span that names a thing of one of the ontology's classes.
type Mention struct {
	Sentence   int
	Start, End int    // byte offsets in the passage text
	Text       string // verbatim
	Alt        string // a longer verbatim form of the same name, "" when none ("uppdrag att ta fram …" for "ta fram …")
	Name       string // normalised name: base form, genitive and definite endings undone where it is a name
	Class      string // ontology class, local name ("Region", "Act", "Mandate", …)
	Rule       string // what recognised it ("register", "vocabulary", "pattern:…", "group", "mandate:…")
	Key        string // register or vocabulary key when recognised from one
	Group      bool   // a collective actor ("regionerna", "länets kommuner")
	SFS        string // for laws: the SFS number printed with the name
	Score      float64
	Entity     int // index into Doc.Entities, -1 before linking or when unlinked
}

// Entity is one real thing a document mentions.
type Entity struct {
	ID       string   // canonical slug, the same in every document
	Class    string   // ontology class, local name
	Label    string   // preferred Swedish label
	Alt      []string // other forms the text uses
	Hidden   []string // forms matched approximately (misprints); never labels
	Key      string   // register or vocabulary key, "" for a name no register holds
	Group    bool
	Mentions []int // indexes into Doc.Mentions
}

// Relation is a statement between two entities made by one sentence.
type Relation struct {
	S, O     int    // indexes into Doc.Entities
	P        string // ontology property, local name
	Sentence int    // the sentence that states it
	Rule     string
}

// FactKind tells what a fact states.
type FactKind string

// Fact kinds, as in the corpus guidelines.
const (
	Start  FactKind = "start"
	End    FactKind = "end"
	Period FactKind = "period"
	Amount FactKind = "amount"
	Share  FactKind = "share"
	Date   FactKind = "date"
)

// Fact is a date, period, amount of money or share a sentence attaches to
// an entity.
type Fact struct {
	Kind       FactKind
	Entity     int // index into Doc.Entities, -1 when nothing takes it
	Other      int // the payer of an amount or the company of a share, -1 when none
	Sentence   int
	Start, End int    // the value's span in the passage text
	Text       string // the value as written ("8 567 000 kronor", "2021–2023")
	Qualifier  string // hedge or scope as written ("drygt", "för 2022"), "" when none
	// Normalised value. For amounts: Value is an xsd:decimal in canonical
	// form and Currency an ISO 4217 code; for shares Value is the percentage
	// as xsd:decimal; for dates From (and To for periods) are xsd:date,
	// xsd:gYearMonth or xsd:gYear lexical forms.
	Value    string
	Currency string
	From, To string
}

// Doc is a document and everything the stages have found in it.
type Doc struct {
	Meta      Meta
	Pages     []Page
	Passages  []Passage
	Chapters  []Chapter
	Sections  []Section
	Examples  []Example
	Footnotes []Footnote
	Sentences []Sentence
	Mentions  []Mention
	Entities  []Entity
	Relations []Relation
	Facts     []Fact
	Done      []Annotation // annotations present, in the order stages added them
}

// Text returns the text of a sentence.
func (d *Doc) Text(sentence int) string {
	s := d.Sentences[sentence]
	return d.Passages[s.Passage].Text[s.Start:s.End]
}

// PassageOf returns the passage a sentence belongs to.
func (d *Doc) PassageOf(sentence int) *Passage { return &d.Passages[d.Sentences[sentence].Passage] }

// Annotation names what a stage adds to a Doc.
type Annotation string

// Annotations, in pipeline order.
const (
	Passages  Annotation = "passages"
	Sentences Annotation = "sentences"
	Mentions  Annotation = "mentions"
	Entities  Annotation = "entities"
	Relations Annotation = "relations"
	Facts     Annotation = "facts"
)

// Has reports whether the Doc carries an annotation.
func (d *Doc) Has(a Annotation) bool { return slices.Contains(d.Done, a) }

// Stage is a pipeline component: it declares what it needs and what it
// adds, and annotates a Doc.
type Stage interface {
	Name() string
	Requires() []Annotation
	Provides() []Annotation
	Run(d *Doc) error
}

// Check returns an error when a stage of the order requires an annotation
// that neither the reader (Passages) nor an earlier stage provides.
func Check(stages []Stage) error {
	have := map[Annotation]bool{Passages: true}
	for _, s := range stages {
		for _, r := range s.Requires() {
			if !have[r] {
				return fmt.Errorf("stage %s requires %s, which no earlier stage provides", s.Name(), r)
			}
		}
		for _, p := range s.Provides() {
			have[p] = true
		}
	}
	return nil
}

// Run checks the order and runs the stages on d.
func Run(d *Doc, stages []Stage) error {
	if err := Check(stages); err != nil {
		return err
	}
	if !d.Has(Passages) {
		d.Done = append(d.Done, Passages)
	}
	for _, s := range stages {
		if err := s.Run(d); err != nil {
			return fmt.Errorf("%s: %s: %w", d.Meta.File, s.Name(), err)
		}
		for _, p := range s.Provides() {
			if !d.Has(p) {
				d.Done = append(d.Done, p)
			}
		}
	}
	return nil
}

var slugFold = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "Å", "a", "Ä", "a", "Ö", "o",
	"é", "e", "è", "e", "ü", "u", "æ", "ae", "ø", "o", "á", "a", "à", "a", "í", "i", "ó", "o", "ú", "u")

// Slug returns a lower-case ASCII slug (a–z, 0–9, '-') for a name, at most
// 80 characters long; longer names end in a short hash so that slugs stay
// distinct.
func Slug(s string) string {
	s = slugFold.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 80 {
		h := sha1.Sum([]byte(s))
		out = strings.TrimSuffix(out[:71], "-") + "-" + hex.EncodeToString(h[:4])
	}
	if out == "" {
		h := sha1.Sum([]byte(s))
		out = "x-" + hex.EncodeToString(h[:4])
	}
	return out
}
