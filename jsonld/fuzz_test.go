package jsonld

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"kg/term"
)

// FuzzToRDF feeds arbitrary JSON to the processor: it must return an error
// or quads, never panic or hang. The W3C toRdf inputs are the seed corpus.
func FuzzToRDF(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join(testsDir(f), "toRdf", "*-in.jsonld"))
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	noRemote := func(string) (any, error) { return nil, errors.New("no remote documents") }
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := DecodeBytes(data, "fuzz")
		if err != nil {
			return
		}
		for _, dir := range []string{"", "compound-literal"} {
			opt := Options{Base: "http://example.org/base/doc", LoadDocument: noRemote, RDFDirection: dir}
			err := ToRDF(doc, opt, func(q term.Quad) error {
				if q.S.IsZero() || q.P.IsZero() || q.O.IsZero() {
					t.Fatalf("incomplete quad %v", q)
				}
				return nil
			})
			var e *Error
			if err != nil && !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
		}
	})
}
