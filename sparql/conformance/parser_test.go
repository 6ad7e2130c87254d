package conformance

import "kg/sparql/parse"

// kgParser checks syntax with kg/sparql/parse.
type kgParser struct{}

func (kgParser) Parse(src, base string) error {
	_, err := parse.Query(src, parse.Options{Base: base})
	return err
}

func init() { queryParser = kgParser{} }
