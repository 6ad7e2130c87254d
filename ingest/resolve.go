package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// Entity is one real-world thing in the graph.
type Entity struct {
	ID      string
	Class   string // ontology local name
	Label   string // preferred Swedish label
	LabelEN string
	Entry   *Entry          // the lexicon row, nil for names found by patterns
	SFS     string          // SFS number, for laws found by citation
	Seen    map[string]bool // variant spellings seen in the text
}

// KB is the table of entities shared by all reports of a build: one entity
// per real-world thing.
type KB struct {
	Lex      *Lexicon
	Rec      *Recogniser
	Entities map[string]*Entity
	byKey    map[string]string // normalised name → id
	bySFS    map[string]string // SFS number → id
	regionOf map[string]string // county id → the region serving it
}

// NewKB starts an entity table with every lexicon entry.
func NewKB(lx *Lexicon) *KB {
	kb := &KB{Lex: lx, Rec: NewRecogniser(lx), Entities: map[string]*Entity{}, byKey: map[string]string{}, bySFS: map[string]string{}, regionOf: map[string]string{}}
	for _, e := range lx.Entries {
		if c := e.Links["county"]; c != "" && e.Class == "Region" {
			kb.regionOf[c] = e.ID
		}
		kb.Entities[e.ID] = &Entity{ID: e.ID, Class: e.Class, Label: e.LabelSV, LabelEN: e.LabelEN, Entry: e, Seen: map[string]bool{}}
		for _, n := range append([]string{e.LabelSV, e.LabelEN}, e.Alt...) {
			if k := nameKey(n); k != "" {
				if _, dup := kb.byKey[k]; !dup {
					kb.byKey[k] = e.ID
				}
			}
		}
		for _, k := range []string{"sfs", "sfs_as_printed"} {
			if v := e.Links[k]; v != "" {
				kb.bySFS[v] = e.ID
			}
		}
	}
	return kb
}

var (
	sfsInName = regexp.MustCompile(`\s*\(\d{4}:\d+[^)]*\)`)
	nonWord   = regexp.MustCompile(`[^\p{L}\p{N}]+`)
)

// nameKey normalises a name for comparison: case, punctuation, hyphens and
// slashes, SFS citations and a law's definite ending do not matter.
func nameKey(s string) string {
	s = sfsInName.ReplaceAllString(s, "")
	s = strings.ToLower(s)
	s = strings.TrimSpace(nonWord.ReplaceAllString(s, " "))
	for _, pre := range [][2]string{{"lagen ", "lag "}, {"förordningen ", "förordning "}} {
		if strings.HasPrefix(s, pre[0]) {
			s = pre[1] + strings.TrimPrefix(s, pre[0])
		}
	}
	return s
}

// Find returns the entity a name stands for: by the lexicon's labels, then
// by normalised key, then without a genitive ending.
func (kb *KB) Find(name string) (string, bool) {
	if id, ok := kb.Rec.Lookup(name); ok {
		return id, true
	}
	k := nameKey(name)
	if id, ok := kb.byKey[k]; ok {
		return id, true
	}
	if g, ok := stripGenitive(k); ok {
		if id, ok := kb.byKey[g]; ok {
			return id, true
		}
	}
	return "", false
}

// Mint returns the entity for a name the lexicon does not know, creating it
// with the given class on first sight.
func (kb *KB) Mint(name, class, sfs string) string {
	if sfs != "" {
		if id, ok := kb.bySFS[sfs]; ok {
			return id
		}
	}
	if id, ok := kb.Find(name); ok {
		return id
	}
	label := name
	if sfs != "" && !strings.Contains(name, sfs) {
		label = name + " (" + sfs + ")"
	}
	id := Slugify(label)
	for n := 2; kb.Entities[id] != nil; n++ {
		id = Slugify(label) + "-" + itoa(n)
	}
	e := &Entity{ID: id, Class: class, Label: label, SFS: sfs, Seen: map[string]bool{}}
	kb.Entities[id] = e
	kb.byKey[nameKey(label)] = id
	if label != name && sfs == "" {
		kb.byKey[nameKey(name)] = id
	}
	if sfs != "" {
		kb.bySFS[sfs] = id
	} else {
		kb.byKey[nameKey(name)] = id
	}
	return id
}

func itoa(n int) string {
	var b []byte
	for n > 0 || len(b) == 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// Resolve gives every mention an entity: lexicon mentions keep theirs, SFS
// citations find their law by number, other pattern mentions find a lexicon
// entity by normalised name or become a new entity. Anaphors are left to
// Relate, which knows the examples.
func Resolve(ms []Mention, kb *KB) []Mention {
	out := make([]Mention, 0, len(ms))
	for _, m := range ms {
		if m.Anaphor || m.Group {
			out = append(out, m)
			continue
		}
		if m.RegionOf {
			id, ok := kb.regionFor(m.Entity, m.Name)
			if !ok && m.Entity == "" {
				continue // a capitalised word that names no county
			}
			if ok {
				m.Entity = id
			}
		}
		if m.Entity == "" {
			if m.SFS != "" {
				if id, ok := kb.bySFS[m.SFS]; ok {
					m.Entity = id
				}
			}
			if m.Entity == "" {
				name := m.Name
				if m.Class == "Region" || m.Class == "Municipality" || m.Class == "University" {
					name = trimGenitiveWord(name)
				}
				m.Entity = kb.Mint(name, m.Class, m.SFS)
			}
		}
		if e := kb.Entities[m.Entity]; e != nil {
			if v := variant(e, m.Name); v != "" {
				e.Seen[v] = true
			}
		}
		out = append(out, m)
		out = append(out, kb.nested(m, len(out)-1)...)
	}
	return out
}

// regionFor returns the region serving the county a bare place name names:
// the county mention's entity, or the county found as "<name> län" or
// "<name>s län" ("Kalmar" → Kalmar län, "Stockholm" → Stockholms län).
func (kb *KB) regionFor(county, name string) (string, bool) {
	if county == "" {
		for _, n := range []string{name, name + " län", name + "s län"} {
			if id, ok := kb.Find(n); ok && kb.Entities[id].Class == "County" {
				county = id
				break
			}
		}
	}
	id, ok := kb.regionOf[county]
	return id, ok
}

// nested returns the names standing inside mention m (at index outer): the
// county a county administrative board is named after ("Länsstyrelsen i
// Stockholms län"), and an actor in the genitive opening an instrument's
// name ("Region Norrbottens Smarta specialiseringsstrategi").
func (kb *KB) nested(m Mention, outer int) []Mention {
	e := kb.Entities[m.Entity]
	if e == nil || m.Anaphor {
		return nil
	}
	toks := tokenize(m.Surface)
	var out []Mention
	add := func(i, end, nameEnd int, id string) {
		s := toks[i].start
		out = append(out, Mention{Passage: m.Passage, Start: m.Start + s, End: m.Start + end, Surface: m.Surface[s:end],
			Name: m.Surface[s:nameEnd], Entity: id, Nested: true, Outer: outer})
	}
	switch {
	case e.Class == "CountyAdministrativeBoard":
		for i := 1; i < len(toks); i++ {
			if id, _, end, nameEnd, ok := kb.Rec.m.match(m.Surface, toks, i); ok && kb.Entities[id].Class == "County" {
				add(i, end, nameEnd, id)
				break
			}
		}
	case classTop[e.Class] == "Instrument" && len(toks) > 1:
		id, endTok, end, nameEnd, ok := kb.Rec.m.matchExcept(m.Surface, toks, 0, e.ID)
		if ok && endTok < len(toks) && nameEnd < end && classTop[kb.Entities[id].Class] == "Actor" {
			add(0, end, nameEnd, id)
		}
	}
	return out
}

// trimGenitiveWord takes a genitive -s off the last word of a proper name
// ("Region Skånes" → "Region Skåne") unless the name is a fixed "X län".
func trimGenitiveWord(n string) string {
	f := strings.Fields(n)
	if len(f) < 2 || strings.HasSuffix(n, " län") || strings.HasSuffix(n, " kommun") {
		return n
	}
	if g, ok := stripGenitive(f[len(f)-1]); ok && len(g) > 2 {
		f[len(f)-1] = g
	}
	return strings.Join(f, " ")
}

// variant returns a spelling worth recording as an alternative label: one
// that differs from the preferred label by more than the case of its first
// letter and is not a common noun phrase.
func variant(e *Entity, seen string) string {
	seen = strings.Join(strings.Fields(seen), " ")
	if seen == "" || foldFirst(seen) == foldFirst(e.Label) || (e.LabelEN != "" && seen == e.LabelEN) {
		return ""
	}
	// Lower-case phrases ("regionala utvecklingsstrategier") are usage,
	// not names.
	hasUpper := false
	for _, r := range seen {
		if unicode.IsUpper(r) {
			hasUpper = true
			break
		}
	}
	if !hasUpper && e.Entry != nil {
		for _, a := range e.Entry.Alt {
			if a == seen {
				return seen
			}
		}
		return ""
	}
	return seen
}

// ofClass returns the lexicon entities of a class, in order.
func (kb *KB) ofClass(class string) []string {
	var out []string
	for _, e := range kb.Lex.Entries {
		if e.Class == class {
			out = append(out, e.ID)
		}
	}
	sort.Strings(out)
	return out
}

// sortedIDs returns the entity ids in order.
func (kb *KB) sortedIDs() []string {
	ids := make([]string, 0, len(kb.Entities))
	for id := range kb.Entities {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
