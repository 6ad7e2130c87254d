package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"kg/export"
	"kg/ontology"
	"kg/term"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the stored graph in an RDF format (to stdout or -o FILE)",
		Description: "Formats: " + formatNames() + ".\n" +
			"Triple formats (ttl, nt, jsonld, rdfxml) write the union of all graphs; quad formats\n" +
			"(nq, trig) keep the passage graphs that carry provenance. JSON-LD refers to kg's context\n" +
			"at {base}context.jsonld (kg serve publishes it; --self-contained embeds it instead).\n" +
			"dcat and void describe the dataset (dcat needs --publisher-name and --contact). When\n" +
			"the default store (data/kg) holds no graph yet, kg builds it from the seeds first; any\n" +
			"other store must have been built (with --store memory, kg builds the graph in the same\n" +
			"process).\n\n" +
			"Example:\n   kg export --format=ttl -o kg.ttl\n   kg export --format=nq | gzip > kg.nq.gz",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "ttl", Usage: "output format: " + formatNames()},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (replaced only when the export succeeds); the format follows its extension unless --format is given"},
			&cli.BoolFlag{Name: "self-contained", Usage: "jsonld: embed kg's JSON-LD context instead of referring to it at {base}context.jsonld (where kg serve publishes it)"},
		},
		Action: runExport,
	}
}

func formatNames() string {
	var names []string
	for _, f := range export.Formats {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// pickFormat resolves --format, or the extension of -o when --format was
// not given.
func pickFormat(c *cli.Context) (export.Format, error) {
	name := c.String("format")
	if !c.IsSet("format") && c.String("output") != "" {
		if f, ok := export.ByExtension(extOf(c.String("output"))); ok {
			return f, nil
		}
	}
	f, ok := export.ByName(name)
	if !ok {
		if f, ok = export.ByExtension("." + name); !ok {
			return f, usagef("unknown format %q (known: %s)", name, formatNames())
		}
	}
	return f, nil
}

func extOf(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return strings.ToLower(path[i:])
	}
	return ""
}

func runExport(c *cli.Context) error {
	f, err := pickFormat(c)
	if err != nil {
		return err
	}
	base, err := baseIRI(c)
	if err != nil {
		return err
	}
	if f.Name == "dcat" {
		// Refuse before building: the record needs who publishes it.
		d, err := datasetInfo(c, base, nil, time.Time{})
		if err != nil {
			return err
		}
		if m := d.Missing(); len(m) > 0 {
			return missingPublisher("export", m)
		}
	}
	order := term.CompareTriplesFirst
	if f.Quads {
		order = term.CompareQuads
	}
	log := newLogger(c)
	start := time.Now()
	quads, built, err := storedQuadsBuilt(c, order, true)
	if err != nil {
		return err
	}
	opt, err := exportOptions(c, f, base, quads, built)
	if err != nil {
		return err
	}
	out := c.String("output")
	m := log.meter("writing "+f.Label, "quads", int64(len(quads)), false)
	err = writeOutput(out, func(w io.Writer) error {
		return encodeAll(w, f, opt, quads, m)
	})
	m.Finish()
	if err == nil && out != "" && out != "-" {
		took := time.Since(start)
		log.Notef("kg: wrote %s as %s to %s in %s (%s)", count(len(quads), "quad"), f.Label, out, seconds(took), rate(int64(len(quads)), took))
	}
	return err
}

// exportOptions gathers what every writer may need, including the
// description of the dataset for the catalogue formats. The DCAT record
// needs the publisher and contact, and describes every dump with its size
// and checksum.
func exportOptions(c *cli.Context, f export.Format, base string, quads []term.Quad, built time.Time) (export.Options, error) {
	d, err := datasetInfo(c, base, quads, built)
	if err != nil {
		return export.Options{}, err
	}
	opt := export.Options{Prefixes: ontology.Prefixes(base), Base: base, Catalog: &d}
	if !c.Bool("self-contained") {
		opt.ContextIRI = export.ContextIRI(base)
	}
	if f.Name == "dcat" {
		if m := d.Missing(); len(m) > 0 {
			return opt, missingPublisher("export", m)
		}
		if err := describeDumps(&d, quads, opt); err != nil {
			return opt, err
		}
	}
	return opt, nil
}

// encodeAll writes quads (already in the format's order) with f, counting
// them on m (which may be nil).
func encodeAll(w io.Writer, f export.Format, opt export.Options, quads []term.Quad, m *meter) error {
	enc := f.New(w, opt)
	for i, q := range quads {
		if err := enc.Encode(q); err != nil {
			return err
		}
		if i%4096 == 0 {
			m.Set(int64(i))
		}
	}
	return enc.Close()
}

// writeOutput runs write against stdout or an atomically replaced file.
func writeOutput(path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		bw := bufio.NewWriterSize(os.Stdout, 1<<16)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	af, err := createAtomic(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(af, 1<<16)
	if err := write(bw); err != nil {
		af.Abort()
		return err
	}
	if err := bw.Flush(); err != nil {
		af.Abort()
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	if err := af.Commit(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	return nil
}
