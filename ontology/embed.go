package ontology

import (
	"bytes"
	_ "embed"
)

//go:embed ontology.ttl
var turtle []byte

// Turtle returns the ontology as the Turtle document kg ships. The slice is
// a copy, so callers may keep or change it.
func Turtle() []byte { return bytes.Clone(turtle) }
