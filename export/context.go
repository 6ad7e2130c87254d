package export

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

//go:embed context.jsonld
var contextJSON []byte

// Context returns kg's JSON-LD context document ({"@context": {...}}), the
// one that JSON-LD output embeds. Callers get a copy.
func Context() []byte { return bytes.Clone(contextJSON) }

// contextObject returns the value of "@context" in context.jsonld, freshly
// decoded so that callers may change it.
func contextObject() (map[string]any, error) {
	var doc struct {
		Context map[string]any `json:"@context"`
	}
	if err := json.Unmarshal(contextJSON, &doc); err != nil {
		return nil, fmt.Errorf("export: context.jsonld: %w", err)
	}
	return doc.Context, nil
}
