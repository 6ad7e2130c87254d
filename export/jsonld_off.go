//go:build !jsonld

package export

import (
	"errors"
	"io"

	"kg/term"
)

// errNoJSONLD explains why this build cannot write JSON-LD: the writer goes
// through github.com/piprate/json-gold, whose dependency
// github.com/pquerna/cachecontrol is not in the module's go.sum yet. Build
// with -tags jsonld once it is.
var errNoJSONLD = errors.New("export: JSON-LD support not built in (build with -tags jsonld; needs github.com/pquerna/cachecontrol in go.sum)")

type noJSONLD struct{}

func (noJSONLD) Encode(term.Quad) error { return errNoJSONLD }
func (noJSONLD) Close() error           { return errNoJSONLD }

func newJSONLD(io.Writer, Options) Encoder { return noJSONLD{} }

// jsonldBuilt reports whether this build writes JSON-LD.
const jsonldBuilt = false
