package main

import (
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"kg/ingest"
	"kg/store"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:  "build",
		Usage: "ingest the reports in seeds/ into the store, replacing what was there",
		Description: "Reads every report text (*.txt) in the seeds directory, extracts actors, mandates,\n" +
			"laws, instruments and themes with their provenance, and replaces the stored graph in one\n" +
			"step: if the build fails or is interrupted, the previous graph stays as it was.\n\n" +
			"Example:\n   kg build\n   kg --store memory --seeds testdata/seeds build",
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
	res, err := ingest.Build(c.Context, []string{c.String("seeds")}, ingest.Options{Base: base, Progress: log.Progress})
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
	log.Notef("kg: built %d quads from %s into %s in %s", len(res.Quads), c.String("seeds"), st.Location(), time.Since(start).Round(time.Millisecond))
	return len(res.Quads), nil
}
