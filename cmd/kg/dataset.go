package main

import (
	"github.com/urfave/cli/v2"

	"kg/catalog"
	"kg/term"
)

// datasetInfo describes the published dataset for the DCAT and VoID records.
func datasetInfo(c *cli.Context, base string, quads []term.Quad) (catalog.Dataset, error) {
	return catalog.Load(global(c, "seeds"), base, global(c, "contact"), quads)
}
