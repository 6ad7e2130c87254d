// Package register holds what kg knows before it reads a text: the public
// registers of Swedish actors, places and laws (vendored with their sources
// under data/), and a curated vocabulary of the genre (EU funds and
// programmes, national strategies, standard mandates, policy themes, group
// nouns). Nothing here exists because one report mentions it.
package register

// Prop is a fact a register states about an entry.
type Prop struct {
	P string // ontology property, local name in kgo: ("organisationNumber", "scbCountyCode", "sfsNumber", "nutsCode", "iso3166_2") or a full IRI (owl:sameAs as "http://www.w3.org/2002/07/owl#sameAs")
	V string // literal value, or for Ref the key of another entry
	// Ref marks V as the key of another entry (e.g. a municipality's
	// county, a region's county, an agency's ministry).
	Ref bool
	// IRI marks V as an IRI (Wikidata items, lagen.nu pages).
	IRI bool
}

// Entry is one thing kg can recognise and link.
type Entry struct {
	Key     string   // stable key, unique over the registry: "municipality:0180", "county:01", "region:01", "agency:202100-2742", "ministry:…", "law:2010:630", "vocab:…"
	ID      string   // canonical lower-case slug for the entity's IRI ({base}id/{ID})
	Class   string   // ontology class, local name ("Municipality", "County", "Region", "GovernmentAgency", "CountyAdministrativeBoard", "University", "Ministry", "Act", "Ordinance", "Fund", "Programme", "Strategy", "Mandate", "Theme", …)
	Label   string   // official Swedish name
	LabelEN string   // English name where the source gives one
	Names   []string // every form the entry is recognised by, in base form (matching adds genitive -s and case folding of the first letter)
	Former  []string // former names: recognised, recorded as alternative labels
	Props   []Prop
	Source  string // the register this entry comes from: key of a Source in Registry.Sources
	Group   string // for group nouns: the class of the members ("Region" for "regionerna"); "" otherwise
	// Members selects the entries a group stands for: every entry whose
	// class is Group ("regionerna" → all 21 regions). Empty: none.
	Note string
}

// Source is a register or vocabulary with its citation.
type Source struct {
	Key     string // "scb-municipalities", "esv-agencies", "kg-vocabulary", …
	Title   string
	URL     string // where the data can be checked
	Licence string
}

// Registry is the loaded knowledge base.
type Registry struct {
	Entries []Entry
	Sources []Source
	byKey   map[string]int
}

// Lookup returns the entry with the key, or nil.
func (r *Registry) Lookup(key string) *Entry {
	if i, ok := r.byKey[key]; ok {
		return &r.Entries[i]
	}
	return nil
}

// index (re)builds the key index; loaders call it after filling Entries.
func (r *Registry) index() {
	r.byKey = make(map[string]int, len(r.Entries))
	for i, e := range r.Entries {
		r.byKey[e.Key] = i
	}
}
