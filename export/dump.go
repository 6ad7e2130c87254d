package export

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"slices"

	"kg/catalog"
	"kg/term"
)

// Dump is one serialisation of the whole graph as it is published: the
// file and its gzip compression.
type Dump struct {
	Body, Gzip []byte
}

// RenderDump writes quads in the named format and compresses the result.
// quads may be in any order: they are sorted as the format needs. The
// compression is deterministic (no name, no time, best compression), so the
// same graph gives the same bytes, and the sizes and checksums of the DCAT
// record describe what kg serve serves.
func RenderDump(format string, quads []term.Quad, opt Options) (Dump, error) {
	f, ok := ByName(format)
	if !ok || f.Parse == nil {
		return Dump{}, fmt.Errorf("export: no dump format %q", format)
	}
	order := term.CompareTriplesFirst
	if f.Quads {
		order = term.CompareQuads
	}
	if !slices.IsSortedFunc(quads, order) {
		quads = slices.Clone(quads)
		slices.SortFunc(quads, order)
	}
	var b bytes.Buffer
	// Published dumps refer to the shared context kg serve publishes.
	dopt := Options{Prefixes: opt.Prefixes, Base: opt.Base}
	if opt.Base != "" {
		dopt.ContextIRI = ContextIRI(opt.Base)
	}
	enc := f.New(&b, dopt)
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			return Dump{}, err
		}
	}
	if err := enc.Close(); err != nil {
		return Dump{}, err
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(b.Bytes())
	if err := zw.Close(); err != nil {
		return Dump{}, err
	}
	return Dump{Body: b.Bytes(), Gzip: z.Bytes()}, nil
}

// DescribeDumps fills in the size and SHA-1 checksum of every dump of d
// (as catalog.Load lists them) from the bytes render gives for a format.
func DescribeDumps(d *catalog.Dataset, render func(format string) (Dump, error)) error {
	done := map[string]Dump{}
	for i := range d.Dumps {
		dd := &d.Dumps[i]
		name, gz := dd.Format, dd.Compression != ""
		if gz {
			name = name[:len(name)-len(".gz")]
		}
		r, ok := done[name]
		if !ok {
			var err error
			if r, err = render(name); err != nil {
				return err
			}
			done[name] = r
		}
		body := r.Body
		if gz {
			body = r.Gzip
		}
		sum := sha1.Sum(body)
		dd.ByteSize, dd.SHA1 = int64(len(body)), hex.EncodeToString(sum[:])
	}
	return nil
}
