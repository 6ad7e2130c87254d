// Package link is the stage that decides which real thing each mention
// names: one doc.Entity per thing, linked to its register entry where the
// registers hold it.
//
// It reads Doc.Mentions and adds Doc.Entities, setting Mention.Entity. A
// mention the recogniser found in the registers or the genre's vocabulary
// carries its key already. A law cited by SFS number is linked to the
// register's law of that number. A name of a class the registers list
// completely (regions, county boards, municipalities, counties) that does
// not match exactly is matched approximately against the register's names
// (a misprint such as "Region Jönköping län"); it is kept as a hidden label
// and, without a close enough name, dropped. Other names no register holds
// become entities of their own, with the same name in its genitive or with
// a misprint of one letter taken as the same thing within a document.
package link

import (
	"slices"
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
	"kg/ingest/register"
)

// Stage links mentions to entities.
type Stage struct {
	Reg *register.Registry
	idx *index
}

// New prepares the linker's index of the registry.
func New(reg *register.Registry) *Stage { return &Stage{Reg: reg, idx: newIndex(reg)} }

// Name implements doc.Stage.
func (*Stage) Name() string { return "link" }

// Requires implements doc.Stage.
func (*Stage) Requires() []doc.Annotation { return []doc.Annotation{doc.Mentions} }

// Provides implements doc.Stage.
func (*Stage) Provides() []doc.Annotation { return []doc.Annotation{doc.Entities} }

// approxName is a register name for approximate matching.
type approxName struct {
	fold  string
	key   string
	class string
}

type index struct {
	bySFS   map[string]string // SFS number → law key
	laws    map[string]string // folded name of a law → key
	names   []approxName      // proper names of the registers
	byClass map[string][]int
}

func newIndex(reg *register.Registry) *index {
	x := &index{bySFS: map[string]string{}, laws: map[string]string{}, byClass: map[string][]int{}}
	if reg == nil {
		return x
	}
	for _, e := range reg.Entries {
		for _, p := range e.Props {
			if p.P == "sfsNumber" {
				x.bySFS[p.V] = e.Key
			}
		}
		for _, n := range append(append([]string{e.Label}, e.Names...), e.Former...) {
			if e.Class == "Act" || e.Class == "Ordinance" {
				x.laws[lang.Fold(n)] = e.Key
			}
			if n == "" || !lang.UpperFirst(n) {
				continue
			}
			x.byClass[e.Class] = append(x.byClass[e.Class], len(x.names))
			x.names = append(x.names, approxName{fold: lang.Fold(n), key: e.Key, class: e.Class})
		}
	}
	return x
}

// Run implements doc.Stage.
func (s *Stage) Run(d *doc.Doc) error {
	if s.idx == nil {
		s.idx = newIndex(s.Reg)
	}
	l := &linker{s: s, d: d, byID: map[string]int{}}
	for mi := range d.Mentions {
		l.link(mi)
	}
	l.mergeApproximate()
	l.dropPassing()
	l.labels()
	return nil
}

// dropPassing unlinks themes a document names only in passing: a theme is
// a subject of the text when it is named twice or more, in a heading or
// a list item, or as one of the areas a lead-in announces. (The guidelines: "a word used only in passing is not a
// Theme".)
func (l *linker) dropPassing() {
	d := l.d
	into := make([]int, len(d.Entities))
	drop := false
	for i, e := range d.Entities {
		into[i] = i
		if e.Class != "Theme" || len(e.Mentions) > 1 {
			continue
		}
		m := d.Mentions[e.Mentions[0]]
		p := d.Passages[d.Sentences[m.Sentence].Passage]
		if p.Kind.Heading() || p.Kind == doc.ListItem || strings.HasPrefix(m.Rule, "theme:") || m.Rule == "pattern:objective" {
			continue
		}
		into[i] = -1
		drop = true
	}
	if drop {
		l.collapse(into)
	}
}

type linker struct {
	s    *Stage
	d    *doc.Doc
	byID map[string]int
}

func (l *linker) link(mi int) {
	m := &l.d.Mentions[mi]
	key, hidden := m.Key, false
	if key == "" && m.SFS != "" {
		key = l.s.idx.bySFS[m.SFS]
		if key == "" {
			// a misprinted number beside a law's own name: "bibliotekslagen (2013:80)"
			key, hidden = l.s.idx.lawByName(m.Text)
		}
	}
	if key == "" && (m.Class == "Act" || m.Class == "Ordinance") {
		// a law's name without its number: "förordningen om regionalt
		// tillväxtarbetes beskrivning"
		if k, _ := l.s.idx.lawByName(m.Text); k != "" {
			key = k
		}
	}
	if key == "" && strings.HasPrefix(m.Rule, "closed:") {
		k, ok := l.s.idx.approximate(m.Text, m.Class, true)
		if !ok {
			return // a region, county board or municipality no register has is no such thing
		}
		key, hidden = k, true
	}
	if key == "" && m.Class != "Mandate" && lang.UpperFirst(m.Text) && (strings.HasPrefix(m.Rule, "pattern:") || m.Rule == "example:title") {
		if k, ok := l.s.idx.approximate(m.Text, "", false); ok {
			key, hidden = k, true
		}
	}
	id, class, group := l.identity(m, key)
	ei, ok := l.byID[id]
	if !ok {
		ei = len(l.d.Entities)
		l.byID[id] = ei
		l.d.Entities = append(l.d.Entities, doc.Entity{ID: id, Class: class, Key: baseKey(key), Group: group})
	}
	e := &l.d.Entities[ei]
	e.Mentions = append(e.Mentions, mi)
	if hidden {
		e.Hidden = appendNew(e.Hidden, m.Text)
	}
	m.Entity = ei
}

// baseKey is the register key of a key narrowed by a scope ("…@länets"):
// the narrowed group is not the register's.
func baseKey(k string) string {
	if strings.Contains(k, "@") {
		return ""
	}
	return k
}

// identity gives a mention's entity ID, class and whether it is a group.
func (l *linker) identity(m *doc.Mention, key string) (id, class string, group bool) {
	if key != "" {
		if base, _, ok := strings.Cut(key, "@"); ok {
			e := l.s.Reg.Lookup(base)
			class = m.Class
			if e != nil && e.Group != "" {
				class = e.Group
			}
			// "länets kommuner", "fem skånska kommuner" mean a set the
			// document decides: the entity is the document's own
			return doc.Slug(l.d.Meta.Slug + " " + lang.Fold(m.Text)), class, true
		}
		if e := l.s.Reg.Lookup(key); e != nil {
			if e.Group != "" {
				return e.ID, e.Group, true
			}
			return e.ID, e.Class, false
		}
	}
	if m.SFS != "" {
		return "sfs-" + strings.ReplaceAll(m.SFS, ":", "-"), m.Class, false
	}
	if m.Class == "Mandate" {
		return "uppdrag-" + doc.Slug(lang.StemPhrase(strings.TrimPrefix(m.Name, "att "))), m.Class, false
	}
	return doc.Slug(nameKey(m)), m.Class, m.Group
}

// nameKey is the form under which mentions of a name no register holds are
// the same thing: folded, without a genitive -s after a name of two or
// more words or a capitalised word, and for common nouns by stem.
func nameKey(m *doc.Mention) string {
	n := lang.Fold(m.Name)
	if !lang.UpperFirst(m.Name) {
		return lang.StemPhrase(n)
	}
	text := m.Text
	if m.Rule == "anaphor" {
		// "projektet" for "Grön kompetens" is the same thing as the name
		// itself: it is keyed as the name's own mention is
		text = m.Name
	}
	if b, ok := lang.Genitive(n); ok && !strings.HasSuffix(b, "s") && len(b) > 3 && strings.HasSuffix(text, "s") {
		// "Reglabs" and "Reglab": the genitive is undone only where the
		// text's last word is not itself the name's end
		if strings.HasSuffix(n, ":s") || endsGenitive(text) {
			return b
		}
	}
	return n
}

// endsGenitive guesses that a name's final s is a genitive when the word is
// long and the s follows a vowel or a consonant that rarely ends Swedish
// nouns in -s.
func endsGenitive(t string) bool {
	w := t[strings.LastIndexByte(t, ' ')+1:]
	if len(w) < 5 {
		return false
	}
	prev := w[len(w)-2]
	return strings.IndexByte("aeiouynrlkgtdmb", prev) >= 0
}

func appendNew(xs []string, s string) []string {
	if slices.Contains(xs, s) {
		return xs
	}
	return append(xs, s)
}

// lawByName finds the register's law that a citation names, leaving out
// the number in brackets: "bibliotekslagen (2013:80)" → the library act.
// hidden is true: the citation's form is no label of the law.
func (x *index) lawByName(text string) (key string, hidden bool) {
	name := text
	if i := strings.Index(name, "("); i > 0 {
		if j := strings.Index(name[i:], ")"); j > 0 {
			name = strings.TrimSpace(name[:i]) + " " + strings.TrimSpace(name[i+j+1:])
		}
	}
	if k, ok := x.laws[lang.Fold(strings.TrimSpace(name))]; ok {
		return k, true
	}
	return "", false
}
