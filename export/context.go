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
// one that JSON-LD output embeds or refers to. It does not depend on the
// base. Callers get a copy.
func Context() []byte { return bytes.Clone(contextJSON) }

// ContextIRI is the IRI at which kg serve publishes the shared context of
// the dataset at base.
func ContextIRI(base string) string { return base + "context.jsonld" }

// PublishedContext is the shared context's IRI under kg's default base.
const PublishedContext = "https://w3id.org/regionalkg/context.jsonld"

// Contexts gives the documents a reader of kg's JSON-LD needs, by IRI, for
// rdfio.Options.Contexts: the shared context, at PublishedContext and
// under each of bases.
func Contexts(bases ...string) map[string][]byte {
	m := map[string][]byte{PublishedContext: Context()}
	for _, b := range bases {
		m[ContextIRI(b)] = Context()
	}
	return m
}

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
