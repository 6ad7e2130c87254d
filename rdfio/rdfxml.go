package rdfio

import (
	"errors"
	"io"

	"kg/term"
)

func ParseRDFXML(r io.Reader, opt Options, emit func(term.Quad) error) error {
	return errors.New("todo")
}
