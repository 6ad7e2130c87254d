package catalog

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"kg/term"
)

// DatasetFile names the description of the published dataset in the seeds
// directory.
const DatasetFile = "dataset.tsv"

// reportClass is the class of the source reports in the graph; the first
// report becomes the dataset's dcterms:source.
const reportClass = "https://w3id.org/regionalkg/ontology#Report"

// Load describes the dataset published at base: the DatasetFile in
// seedsDir when there is one, the first report of the graph as its source,
// dumps of the triple and quad formats under {base}dump/, and the SPARQL
// endpoint at {base}sparql. contact overrides the file's contact address.
// Dates come from the file, not the clock, so exports are reproducible.
func Load(seedsDir, base, contact string, quads []term.Quad) (Dataset, error) {
	path := filepath.Join(seedsDir, DatasetFile)
	var d Dataset
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return d, err
	default:
		d, err = ReadDataset(f, path)
		f.Close()
		if err != nil {
			return d, err
		}
	}
	d.Base = base
	if contact != "" {
		d.ContactEmail = contact
	}
	if d.Title == nil {
		d.Title = map[string]string{"en": "kg knowledge graph"}
	}
	if d.Source == "" {
		for _, q := range quads {
			if q.P.Value == term.RDFType && q.O.Value == reportClass {
				d.Source = q.S.Value
				break
			}
		}
	}
	for _, dump := range []struct{ name, mediaType string }{
		{"ttl", "text/turtle"}, {"nt", "application/n-triples"}, {"nq", "application/n-quads"}, {"jsonld", "application/ld+json"},
	} {
		d.Dumps = append(d.Dumps, Dump{Format: dump.name, MediaType: dump.mediaType, URL: base + "dump/kg." + dump.name})
	}
	d.SPARQLEndpoint = base + "sparql"
	return d, nil
}
