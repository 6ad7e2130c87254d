package expr

import (
	"strings"

	"kg/iri"
)

// resolveIRI resolves ref against base for IRI()/URI(); the result must
// be an absolute IRI without characters IRIs cannot contain.
func resolveIRI(base, ref string) (string, error) {
	if !iri.IsAbsolute(ref) && base == "" {
		return "", typeErr("IRI: relative reference %q without a base IRI", ref)
	}
	s := iri.Resolve(base, ref)
	if !iri.IsAbsolute(s) {
		return "", typeErr("IRI: %q does not resolve to an absolute IRI", ref)
	}
	for _, r := range s {
		if r <= 0x20 || r == 0x7f || strings.ContainsRune("<>\"{}|\\^`", r) {
			return "", typeErr("IRI: %q contains %q", s, r)
		}
	}
	return s, nil
}
