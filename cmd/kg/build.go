package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"kg/ingest"
	"kg/store"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "ingest documents (text, HTML, PDF) into the store, replacing what was there",
		ArgsUsage: "[FILE|DIR]...",
		Description: "Reads the documents named (files, or directories of *.txt, *.html and *.pdf files; the\n" +
			"seeds directory when none is named), extracts actors, mandates, laws, instruments, themes,\n" +
			"dates and sums with their provenance, and replaces the stored graph in one step: if the\n" +
			"build fails or is interrupted, the previous graph stays as it was.\n\n" +
			"Example:\n   kg build\n   kg build report.pdf strategy.html\n   kg --store memory --seeds testdata/seeds build",
		Action: func(c *cli.Context) error {
			_, err := runBuild(c)
			return err
		},
	}
}

// runBuild ingests the seeds and replaces the stored graph; it returns the
// number of quads stored.
func runBuild(c *cli.Context) (int, error) {
	log := newLogger(c)
	base, err := baseIRI(c)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	inputs := c.Args().Slice()
	if len(inputs) == 0 {
		inputs = []string{c.String("seeds")}
	}
	res, err := ingest.Build(c.Context, inputs, ingest.Options{Base: base, Progress: log.Progress})
	log.Done()
	if err != nil {
		return 0, err
	}
	st, err := store.Open(c.Context, global(c, "store"), store.Options{ReplaceOnly: true})
	if err != nil {
		return 0, err
	}
	defer st.Close()
	if err := st.Replace(c.Context, res.Quads); err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	log.Notef("kg: built %d quads from %s into %s in %s", len(res.Quads), strings.Join(inputs, ", "), st.Location(), time.Since(start).Round(time.Millisecond))
	return len(res.Quads), nil
}
