package register

import (
	"regexp"
	"slices"
	"strconv"
)

// Common property IRIs that registers state with full IRIs.
const (
	SameAs  = "http://www.w3.org/2002/07/owl#sameAs"
	Page    = "http://xmlns.com/foaf/0.1/page"
	SeeAlso = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
	Broader = "http://www.w3.org/2004/02/skos/core#broader"
)

// WikidataEntity is the IRI prefix of Wikidata items.
const WikidataEntity = "http://www.wikidata.org/entity/"

// The IRIs other datasets mint for the identifiers the registers give,
// stated beside the identifiers as links out.
const (
	// SchemaSameAs links a thing to the IRI of another dataset that
	// identifies it, without OWL's merging of the two descriptions.
	SchemaSameAs = "https://schema.org/sameAs"
	// NUTSCode is Eurostat's namespace of NUTS regions (SE224 is Skåne).
	NUTSCode = "http://data.europa.eu/nuts/code/"
	// SFSOfficial is the Government Offices' legal database, which gives
	// the current text of a statute by its SFS number.
	SFSOfficial = "https://rkrattsbaser.gov.se/sfst?bet="
	// ELIRegulation is the European Legislation Identifier of EU
	// regulations: ELIRegulation + "2021/1060/oj".
	ELIRegulation = "http://data.europa.eu/eli/reg/"
)

// celex reads the CELEX number of an EU regulation (3YYYYRNNNN) and gives
// its ELI, or "" for other documents.
func celexELI(celex string) string {
	m := celexRegulation.FindStringSubmatch(celex)
	if m == nil {
		return ""
	}
	n, err := strconv.Atoi(m[2])
	if err != nil || n == 0 {
		return ""
	}
	return ELIRegulation + m[1] + "/" + strconv.Itoa(n) + "/oj"
}

var celexRegulation = regexp.MustCompile(`^3((?:19|20)[0-9]{2})R([0-9]{4})$`)

// Prop is a fact a register states about an entry.
type Prop struct {
	P string // ontology property, local name in kgo: ("organisationNumber", "scbCountyCode", "sfsNumber", "nutsCode", "iso3166_2") or a full IRI (owl:sameAs as "http://www.w3.org/2002/07/owl#sameAs")
	V string // literal value, or for Ref the key of another entry
	// Ref marks V as the key of another entry (e.g. a municipality's
	// county, a region's county, an agency's ministry).
	Ref bool
	// IRI marks V as an IRI (Wikidata items, lagen.nu pages).
	IRI bool
	// Inverse turns the statement round: the entry V (a Ref) is the
	// subject and this entry the object. A mandate states the law that
	// confers it as {P: "confers", V: "law:2010:630", Ref: true, Inverse: true}.
	Inverse bool
}

// Scope says what a group noun or a generic instrument stands for.
type Scope string

// Scopes.
const (
	// ScopeAll: every entry of the group's class ("regionerna").
	ScopeAll Scope = "all"
	// ScopeListed: the entries in Entry.Listed ("strukturfonderna").
	ScopeListed Scope = "listed"
	// ScopeSome: an unspecified subset; the text decides ("flera kommuner").
	ScopeSome Scope = "some"
	// ScopeCounty: the members in the county the text is about ("länets kommuner").
	ScopeCounty Scope = "county"
	// ScopeEach: not a group but a kind of instrument every actor of a
	// kind has its own of ("regional utvecklingsstrategi", "länsplan");
	// the text decides whose.
	ScopeEach Scope = "each"
)

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
	Note    string

	// Also lists further classes the entry belongs to: Region Gotland is a
	// Region and also a Municipality.
	Also []string
	// AltKeys are further keys Lookup finds the entry by
	// ("municipality:0980" for Region Gotland, whose key is "region:09").
	AltKeys []string
	// Scope says what a group stands for (Group set) or that the entry is
	// a kind of instrument each actor has its own of (ScopeEach).
	Scope Scope
	// Listed are the members of a ScopeListed group.
	Listed []string
	// Ambiguous are names of the entry that another entry has too; they
	// stay labels but recognise nothing (see Registry.Clashes).
	Ambiguous []string
	// Dissolved is the year the body ceased, "" while it exists.
	Dissolved string
	// Row is the register row the entry comes from ("counties.csv:3").
	Row string
}

// Is reports whether the entry belongs to the class, as its Class or one
// of Also.
func (e *Entry) Is(class string) bool {
	return e.Class == class || slices.Contains(e.Also, class)
}

// Refs returns the keys the entry's Ref props point to for property p.
func (e *Entry) Refs(p string) []string {
	var out []string
	for _, pr := range e.Props {
		if pr.Ref && pr.P == p {
			out = append(out, pr.V)
		}
	}
	return out
}

// Value returns the first value of property p, or "".
func (e *Entry) Value(p string) string {
	for _, pr := range e.Props {
		if pr.P == p {
			return pr.V
		}
	}
	return ""
}

// Source is a register or vocabulary with its citation.
type Source struct {
	Key      string // "scb-municipalities", "esv-agencies", "kg-vocabulary", …
	Title    string
	URL      string // where the data can be checked
	Licence  string
	File     string // the vendored file under data/
	Prepared string // date the file was prepared, YYYY-MM-DD
}

// Registry is the loaded knowledge base.
type Registry struct {
	Entries []Entry
	Sources []Source
	byKey   map[string]int
	names   []NameRef
	clashes []Clash
	skipped []Skipped
}

// Lookup returns the entry with the key (or one of its AltKeys), or nil.
func (r *Registry) Lookup(key string) *Entry {
	if i, ok := r.byKey[key]; ok {
		return &r.Entries[i]
	}
	return nil
}

// OfClass returns the entries that belong to the class (Entry.Is), in
// registry order.
func (r *Registry) OfClass(class string) []*Entry {
	var out []*Entry
	for i := range r.Entries {
		if r.Entries[i].Is(class) {
			out = append(out, &r.Entries[i])
		}
	}
	return out
}

// Members returns the keys of the entries a group stands for: every entry
// of the group's class when the group is all of it ("regionerna"), the
// listed entries of a listed group ("strukturfonderna"), and nothing for
// groups whose members the text decides ("länets kommuner", "flera
// regioner") or for keys that are not groups.
func (r *Registry) Members(groupKey string) []string {
	g := r.Lookup(groupKey)
	if g == nil || g.Group == "" {
		return nil
	}
	switch g.Scope {
	case ScopeAll:
		var out []string
		for _, e := range r.OfClass(g.Group) {
			out = append(out, e.Key)
		}
		return out
	case ScopeListed:
		return slices.Clone(g.Listed)
	}
	return nil
}

// Source returns the source with the key, or nil.
func (r *Registry) Source(key string) *Source {
	for i := range r.Sources {
		if r.Sources[i].Key == key {
			return &r.Sources[i]
		}
	}
	return nil
}

// index (re)builds the key index; loaders call it after filling Entries.
func (r *Registry) index() {
	r.byKey = make(map[string]int, len(r.Entries))
	for i, e := range r.Entries {
		r.byKey[e.Key] = i
		for _, k := range e.AltKeys {
			r.byKey[k] = i
		}
	}
}
