package register

// NewRegistry makes a registry of the given entries and sources, for
// callers that build one by hand (tests, other vocabularies). Each entry
// is recognised by its Label, Names (as KindAlt) and Former names, as
// given: no forms are derived and no variants dropped, but names two
// entries share are settled as Load settles them (see Clashes).
func NewRegistry(entries []Entry, sources []Source) *Registry {
	r := &Registry{Entries: entries, Sources: sources}
	r.index()
	var s nameSet
	for _, e := range r.Entries {
		s.add(e.Key, e.Label, KindLabel, false)
		for _, n := range e.Names {
			s.add(e.Key, n, KindAlt, false)
		}
		for _, n := range e.Former {
			s.add(e.Key, n, KindFormer, false)
		}
	}
	s.resolve(r, false)
	return r
}
