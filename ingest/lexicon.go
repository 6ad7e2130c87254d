package ingest

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"kg/ontology"
)

// embedded holds the curated lexicon shipped with kg.
//
//go:embed lexicon/*.tsv
var embedded embed.FS

// DefaultLexicon returns the lexicon embedded in the binary.
func DefaultLexicon() fs.FS {
	sub, err := fs.Sub(embedded, "lexicon")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}

// Entry is one row of entities.tsv: a real-world thing the lexicon knows.
type Entry struct {
	ID      string            // slug; the IRI is {base}id/{ID}
	Class   string            // ontology local name, e.g. "Region"
	LabelSV string            // preferred Swedish label
	LabelEN string            // English label, may be empty
	Alt     []string          // variant spellings that resolve to this entry
	Wrong   []string          // names the report gives it by mistake (link key misnomer); also in Alt
	Links   map[string]string // key=value pairs: county, sfs, orgnr, wikidata, parent, …
	Line    int               // line in entities.tsv, for messages
}

// Pattern is one row of patterns.tsv.
type Pattern struct {
	Kind  string // name, title, noun, anaphor, plural, back, group, multi, chapter, stop, abbrev, regions, placeprep, preposition, companion
	Class string // ontology local name (may be empty for layout kinds)
	Re    *regexp.Regexp
	Notes string
	Line  int
}

// Cue is one row of relations.tsv: a phrase that states a relation.
type Cue struct {
	Property string         // ontology local name, e.g. "responsibleFor"
	Re       *regexp.Regexp // the cue phrase
	Subject  Side           // where the subject stands relative to the cue
	Object   Side           // where the object stands
	Domain   []string       // allowed subject classes (local names; top classes cover subclasses)
	Range    []string       // allowed object classes
	Window   int            // how far after the cue an "after" argument may start, in bytes
	Groups   bool           // a quantified group ("alla regioner") stands for each of its members
	Genitive bool           // no phrase: a subject in the genitive right before the object states it
	Notes    string
	Line     int
}

// Side tells where a relation's argument stands relative to its cue phrase.
type Side string

// The sides a cue's arguments may take.
const (
	Before   Side = "before"   // the nearest fitting mention before the cue
	After    Side = "after"    // the nearest fitting mention after the cue, with coordinated ones
	Any      Side = "any"      // the nearest fitting mention on either side
	Context  Side = "context"  // the subject of the enclosing worked example
	Sentence Side = "sentence" // every fitting mention of the sentence but the cue's
)

// Lexicon is the data the pipeline recognises with.
type Lexicon struct {
	Entries  []*Entry
	ByID     map[string]*Entry
	Patterns []Pattern
	Cues     []Cue
}

// ErrLexicon marks a malformed lexicon file.
var ErrLexicon = errors.New("lexicon")

// Classes known to the pipeline, by local name, with their top class.
var classTop = map[string]string{
	"Actor": "Actor", "Region": "Actor", "Municipality": "Actor", "CountyAdministrativeBoard": "Actor",
	"GovernmentAgency": "Actor", "Government": "Actor", "Ministry": "Actor", "Parliament": "Actor",
	"EUBody": "Actor", "University": "Actor", "Company": "Actor", "Association": "Actor", "Partnership": "Actor",
	"Law": "Law", "Act": "Law", "Ordinance": "Law", "EURegulation": "Law",
	"Mandate":    "Mandate",
	"Instrument": "Instrument", "Strategy": "Instrument", "Plan": "Instrument", "Programme": "Instrument",
	"Fund": "Instrument", "Appropriation": "Instrument", "Project": "Instrument", "Platform": "Instrument",
	"Agreement": "Instrument", "Event": "Instrument",
	"Theme": "Theme", "County": "County",
}

// ClassIRI returns the ontology IRI of a class local name.
func ClassIRI(local string) string { return ontology.NS + local }

// fits reports whether class c is one of allowed or a subclass of one.
func fits(c string, allowed []string) bool {
	if len(allowed) == 0 {
		return true
	}
	for _, a := range allowed {
		if a == c || a == classTop[c] {
			return true
		}
	}
	return false
}

// LoadLexicon reads entities.tsv (optional), patterns.tsv and relations.tsv
// from fsys.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	lx := &Lexicon{ByID: map[string]*Entry{}}
	if err := lx.loadEntities(fsys); err != nil {
		return nil, err
	}
	if err := lx.loadPatterns(fsys); err != nil {
		return nil, err
	}
	if err := lx.loadCues(fsys); err != nil {
		return nil, err
	}
	return lx, nil
}

// readTSV calls row for every data line of a tab-separated file with a
// header line, skipping blank and # comment lines. Missing trailing columns
// read as empty.
func readTSV(fsys fs.FS, name string, optional bool, row func(line int, get func(col string) string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		if optional && errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return fmt.Errorf("%w: %s: %w", ErrLexicon, name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var cols map[string]int
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if cols == nil {
			cols = map[string]int{}
			for i, h := range fields {
				cols[strings.ToLower(strings.TrimSpace(h))] = i
			}
			continue
		}
		get := func(col string) string {
			i, ok := cols[col]
			if !ok || i >= len(fields) {
				return ""
			}
			return strings.TrimSpace(fields[i])
		}
		if err := row(n, get); err != nil {
			return fmt.Errorf("%w: %s:%d: %w", ErrLexicon, name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%w: %s: %w", ErrLexicon, name, err)
	}
	return nil
}

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func (lx *Lexicon) loadEntities(fsys fs.FS) error {
	return readTSV(fsys, "entities.tsv", true, func(line int, get func(string) string) error {
		e := &Entry{ID: get("id"), Class: get("class"), LabelSV: get("label_sv"), LabelEN: get("label_en"), Line: line, Links: map[string]string{}}
		if !slugRe.MatchString(e.ID) {
			return fmt.Errorf("id %q is not a lower-case slug", e.ID)
		}
		if _, ok := classTop[e.Class]; !ok {
			return fmt.Errorf("%s: unknown class %q", e.ID, e.Class)
		}
		if e.LabelSV == "" {
			return fmt.Errorf("%s: empty label_sv", e.ID)
		}
		if lx.ByID[e.ID] != nil {
			return fmt.Errorf("duplicate id %q (first on line %d)", e.ID, lx.ByID[e.ID].Line)
		}
		for _, a := range strings.Split(get("alt"), "|") {
			if a = strings.TrimSpace(a); a != "" {
				e.Alt = append(e.Alt, a)
			}
		}
		for _, kv := range strings.Split(get("links"), ";") {
			kv = strings.TrimSpace(kv)
			if kv == "" {
				continue
			}
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return fmt.Errorf("%s: link %q is not key=value", e.ID, kv)
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			if k == "misnomer" {
				// Recognised like any variant, but not a label of the thing.
				e.Wrong = append(e.Wrong, v)
				if !slices.Contains(e.Alt, v) {
					e.Alt = append(e.Alt, v)
				}
				continue
			}
			if prev, dup := e.Links[k]; dup {
				// Several values for one key (e.g. two parents) are kept
				// space-separated; slugs and URLs contain no spaces.
				v = prev + " " + v
			}
			e.Links[k] = v
		}
		lx.Entries = append(lx.Entries, e)
		lx.ByID[e.ID] = e
		return nil
	})
}

var patternKinds = map[string]bool{"name": true, "title": true, "noun": true, "anaphor": true, "plural": true, "group": true,
	"multi": true, "chapter": true, "stop": true, "abbrev": true, "regions": true, "placeprep": true, "back": true, "preposition": true, "companion": true}

func (lx *Lexicon) loadPatterns(fsys fs.FS) error {
	return readTSV(fsys, "patterns.tsv", false, func(line int, get func(string) string) error {
		p := Pattern{Kind: get("kind"), Class: get("class"), Notes: get("notes"), Line: line}
		if !patternKinds[p.Kind] {
			return fmt.Errorf("unknown kind %q", p.Kind)
		}
		if p.Class != "" {
			if _, ok := classTop[p.Class]; !ok {
				return fmt.Errorf("unknown class %q", p.Class)
			}
		}
		re, err := regexp.Compile(get("pattern"))
		if err != nil {
			return err
		}
		if p.Kind == "name" && re.SubexpIndex("name") < 0 && re.SubexpIndex("sfs") < 0 {
			return fmt.Errorf("name pattern needs a (?P<name>…) or (?P<sfs>…) group")
		}
		p.Re = re
		lx.Patterns = append(lx.Patterns, p)
		return nil
	})
}

func (lx *Lexicon) loadCues(fsys fs.FS) error {
	sides := map[string]Side{"before": Before, "after": After, "any": Any, "context": Context, "sentence": Sentence}
	split := func(s string) []string {
		var out []string
		for _, c := range strings.Split(s, ",") {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
		return out
	}
	return readTSV(fsys, "relations.tsv", false, func(line int, get func(string) string) error {
		c := Cue{Property: get("property"), Notes: get("notes"), Line: line, Domain: split(get("domain")), Range: split(get("range"))}
		if c.Property == "" {
			return fmt.Errorf("empty property")
		}
		var ok bool
		if c.Subject, ok = sides[get("subject")]; !ok {
			return fmt.Errorf("subject side %q is not before, after, any, context or sentence", get("subject"))
		}
		if c.Object, ok = sides[get("object")]; !ok {
			return fmt.Errorf("object side %q is not before, after, any, context or sentence", get("object"))
		}
		for _, cl := range append(append([]string{}, c.Domain...), c.Range...) {
			if _, known := classTop[cl]; !known {
				return fmt.Errorf("unknown class %q", cl)
			}
		}
		c.Window = 80
		if w := get("window"); w != "" {
			n, err := strconv.Atoi(w)
			if err != nil || n <= 0 {
				return fmt.Errorf("window %q is not a positive number", w)
			}
			c.Window = n
		}
		switch g := get("groups"); g {
		case "each":
			c.Groups = true
		case "":
		default:
			return fmt.Errorf("groups %q is not empty or each", g)
		}
		if get("cue") == "<genitive>" {
			c.Genitive = true
			lx.Cues = append(lx.Cues, c)
			return nil
		}
		re, err := regexp.Compile("(?i)" + get("cue"))
		if err != nil {
			return err
		}
		c.Re = re
		lx.Cues = append(lx.Cues, c)
		return nil
	})
}

// patterns returns the patterns of one kind.
func (lx *Lexicon) patterns(kind string) []Pattern {
	var out []Pattern
	for _, p := range lx.Patterns {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

// matchAny reports whether s matches a pattern of the given kind.
func (lx *Lexicon) matchAny(kind, s string) (Pattern, bool) {
	for _, p := range lx.Patterns {
		if p.Kind == kind && p.Re.MatchString(s) {
			return p, true
		}
	}
	return Pattern{}, false
}
