package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"kg/catalog"
	"kg/export"
	"kg/ontology"
	"kg/term"
)

// datasetFile names the description of the published dataset in the
// seeds directory.
const datasetFile = "dataset.tsv"

// datasetInfo describes the published dataset for the DCAT and VoID
// records from seeds/dataset.tsv, the graph's reports and the flags. Dates
// come from the file, not the clock, so that exports are reproducible.
func datasetInfo(c *cli.Context, base string, quads []term.Quad) (catalog.Dataset, error) {
	path := filepath.Join(global(c, "seeds"), datasetFile)
	var d catalog.Dataset
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return d, err
	default:
		d, err = catalog.ReadDataset(f, path)
		f.Close()
		if err != nil {
			return d, err
		}
	}
	d.Base = base
	if contact := global(c, "contact"); contact != "" {
		d.ContactEmail = contact
	}
	if d.Title == nil {
		d.Title = map[string]string{"en": "kg knowledge graph"}
	}
	if d.Source == "" {
		for _, q := range quads {
			if q.P.Value == term.RDFType && q.O.Value == ontology.Report {
				d.Source = q.S.Value
				break
			}
		}
	}
	for _, name := range []string{"ttl", "nt", "nq", "jsonld"} {
		f, _ := export.ByName(name)
		d.Dumps = append(d.Dumps, catalog.Dump{Format: name, MediaType: f.MediaTypes[0], URL: base + "dump/kg." + name})
	}
	d.SPARQLEndpoint = base + "sparql"
	return d, nil
}
