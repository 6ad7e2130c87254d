package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"kg/ingest"
	"kg/ontology"
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
			"A FILE of - reads one document from stdin (PDF, HTML or text, as its first bytes tell).\n\n" +
			"Example:\n   kg build\n   kg build report.pdf strategy.html\n   curl -s https://example.org/page.html | kg build -\n   kg --store memory --seeds testdata/seeds build",
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
	shown := slices.Clone(inputs)
	if i := slices.Index(shown, "-"); i >= 0 {
		shown[i] = "stdin"
	}
	names := strings.Join(shown, ", ")
	inputs, cleanup, err := stdinInput(inputs)
	if err != nil {
		return 0, err
	}
	defer cleanup()
	m := log.spinner("reading " + names)
	res, err := ingest.Build(c.Context, inputs, ingest.Options{Base: base, Progress: func(stage string, done, total int) {
		m.Describe(fmt.Sprintf("building: %s %d/%d", stage, done, total))
	}})
	m.Finish()
	if err != nil {
		return 0, err
	}
	m = log.spinner("entailing")
	quads := ontology.Extend(base, res.Quads)
	m.Finish()
	m = log.spinner("writing " + count(len(quads), "quad") + " to " + st.Location())
	err = st.Replace(c.Context, quads)
	m.Finish()
	if err != nil {
		return 0, fmt.Errorf("build: %w", err)
	}
	took := time.Since(start)
	log.Notef("kg: built %s (%s from %s, %s of the ontology, %s entailed) from %s into %s in %s",
		count(len(quads), "quad"), thousands(int64(len(res.Quads))), count(len(res.Reports), "document"),
		thousands(int64(len(ontology.NamedGraph()))), thousands(int64(len(quads)-len(res.Quads)-len(ontology.NamedGraph()))),
		names, st.Location(), seconds(took))
	return len(quads), nil
}

// stdinInput replaces a "-" among the inputs by a file holding what stdin
// reads, named stdin.pdf, stdin.html or stdin.txt after what it holds, as
// the readers go by the extension; cleanup removes it.
func stdinInput(inputs []string) ([]string, func(), error) {
	i := slices.Index(inputs, "-")
	if i < 0 {
		return inputs, func() {}, nil
	}
	b, err := io.ReadAll(os.Stdin)
	if err != nil {
		return nil, nil, fmt.Errorf("build: stdin: %w", err)
	}
	ext := ".txt"
	head := strings.ToLower(strings.TrimSpace(string(b[:min(len(b), 512)])))
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		ext = ".pdf"
	case strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") || strings.Contains(head, "<body"):
		ext = ".html"
	}
	dir, err := os.MkdirTemp("", "kg-stdin-")
	if err != nil {
		return nil, nil, err
	}
	path := filepath.Join(dir, "stdin"+ext)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	out := slices.Clone(inputs)
	out[i] = path
	return out, func() { os.RemoveAll(dir) }, nil
}
