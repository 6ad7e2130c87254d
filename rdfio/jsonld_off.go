//go:build !jsonld

package rdfio

import (
	"errors"
	"io"

	"kg/term"
)

// ParseJSONLD would read JSON-LD through github.com/piprate/json-gold, but
// that module's dependency github.com/pquerna/cachecontrol is not in the
// module's go.sum yet, so this build leaves JSON-LD out (build with
// -tags jsonld once go.sum has it).
func ParseJSONLD(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return errors.New("rdfio: JSON-LD support not built in (build with -tags jsonld; needs github.com/pquerna/cachecontrol in go.sum)")
}
