package read

import (
	"errors"
	"fmt"

	"kg/ingest/doc"
)

// PDF reads a PDF document.
func PDF(name string, b []byte, meta doc.Meta, opt Options) (*doc.Doc, error) {
	return nil, fmt.Errorf("%s: reading PDF: %w", name, errors.ErrUnsupported)
}
