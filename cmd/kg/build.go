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

// runBuild ingests the documents and replaces the stored graph; it
// returns the number of quads stored.
func runBuild(c *cli.Context) (int, error) {
	st, err := store.Open(c.Context, global(c, "store"), store.Options{ReplaceOnly: true})
	if err != nil {
		return 0, err
	}
	defer st.Close()
	return buildInto(c, st)
}

// buildInto ingests the documents named on the command line (the seeds
// when none is) and replaces what st holds with their graph, the ontology
// and what it entails.
func buildInto(c *cli.Context, st store.Store) (int, error) {
	log := newLogger(c)
	base, err := baseIRI(c)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	inputs := c.Args().Slice()
	if len(inputs) == 0 || c.Command.Name != "build" {
		inputs = []string{global(c, "seeds")}
	}
	res, err := ingest.Build(c.Context, inputs, ingest.Options{Base: base, Progress: log.Progress})
	log.Done()
	if err != nil {
		return 0, err
	}
	quads := withOntology(base, res.Quads)
	if err := st.Replace(c.Context, quads); err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	log.Notef("kg: built %d quads from %s into %s in %s", len(quads), strings.Join(inputs, ", "), st.Location(), time.Since(start).Round(time.Millisecond))
	return len(quads), nil
}
