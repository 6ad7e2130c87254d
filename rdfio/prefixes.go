package rdfio

// Prefixes collects prefix declarations in the order they were first seen,
// for writers that want to re-serialise data with the user's prefixes. Its
// Add method fits Options.OnPrefix:
//
//	var px rdfio.Prefixes
//	opt := rdfio.Options{OnPrefix: px.Add}
//
// A prefix declared again keeps its place and takes the new IRI, as a
// redeclaration does in Turtle.
type Prefixes struct {
	names []string
	iris  map[string]string
}

// Add records one declaration.
func (p *Prefixes) Add(prefix, iri string) {
	if p.iris == nil {
		p.iris = make(map[string]string)
	}
	if _, ok := p.iris[prefix]; !ok {
		p.names = append(p.names, prefix)
	}
	p.iris[prefix] = iri
}

// Names returns the prefixes in order of first declaration.
func (p *Prefixes) Names() []string { return append([]string(nil), p.names...) }

// IRI returns the namespace IRI of a prefix.
func (p *Prefixes) IRI(prefix string) (string, bool) {
	iri, ok := p.iris[prefix]
	return iri, ok
}

// Map returns the declarations as a map from prefix to IRI.
func (p *Prefixes) Map() map[string]string {
	m := make(map[string]string, len(p.iris))
	for k, v := range p.iris {
		m[k] = v
	}
	return m
}

// Len returns the number of distinct prefixes.
func (p *Prefixes) Len() int { return len(p.names) }
