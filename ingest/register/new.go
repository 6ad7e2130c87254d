package register

// NewRegistry makes a registry of the given entries and sources, for
// callers that build one by hand (tests, other vocabularies).
func NewRegistry(entries []Entry, sources []Source) *Registry {
	r := &Registry{Entries: entries, Sources: sources}
	r.index()
	return r
}
