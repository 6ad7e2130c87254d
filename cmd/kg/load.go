package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"

	"kg/export"
	"kg/iri"
	"kg/rdfio"
	"kg/store"
	"kg/term"
)

func loadCommand() *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "import other RDF (ttl, nt, nq, trig, rdf/xml, jsonld) into the store to link with",
		ArgsUsage: "FILE...",
		Description: "Every file is parsed completely before anything is stored, so a syntax error\n" +
			"(reported as FILE:LINE:COL) leaves the store untouched. Triples go into the named graph\n" +
			"given by --graph, or else into a graph named by the file's file: IRI; quads keep their graph.\n" +
			"Blank nodes of different files and loads never merge.\n\n" +
			"A FILE of - reads stdin (with --format; its triples go to the default graph unless --graph\n" +
			"says otherwise). What the class and property hierarchies in the store (kg's ontology, in a\n" +
			"store kg build made) and in the new data entail goes to the entailed graph.\n\n" +
			"Example:\n   kg load wikidata-regions.ttl\n   kg load scb.nt --graph https://example.org/scb\n" +
			"   curl -s https://example.org/x.ttl | kg load --format ttl -",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "graph", Usage: "load triples into the named graph `IRI` (\"default\" for the default graph)"},
			&cli.StringFlag{Name: "format", Usage: "input format for all files (default: from each file's extension)"},
		},
		Action: runLoad,
	}
}

func runLoad(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("load: name at least one FILE (- for stdin)")
	}
	base, err := baseIRI(c)
	if err != nil {
		return err
	}
	log := newLogger(c)
	start := time.Now()
	if g := c.String("graph"); g != "" && g != "default" {
		if err := iri.Check(g); err != nil {
			return fmt.Errorf("load: --graph %q is not an absolute IRI: %v", g, err)
		}
	}
	stamp := strconv.FormatInt(time.Now().UnixNano(), 36)
	var all []term.Quad
	for _, file := range c.Args().Slice() {
		f, err := formatFor(c, file)
		if err != nil {
			return err
		}
		n := len(all)
		if all, err = parseInput(c, log, f, file, stamp, all); err != nil {
			return err
		}
		log.Debugf("kg: %s: %d quads (%s)", file, len(all)-n, f.Label)
	}
	st, err := openStore(c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	m := log.spinner("entailing")
	var stored []term.Quad
	err = st.Match(c.Context, store.Pattern{}, func(q term.Quad) bool { stored = append(stored, q); return true })
	if err != nil {
		m.Finish()
		return fmt.Errorf("load: %w", err)
	}
	added := append(all, entailedByAdding(base, stored, all)...)
	m.Finish()
	m = log.spinner("writing " + st.Location())
	err = st.Add(c.Context, added)
	m.Finish()
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	from := c.Args().First()
	if from == "-" {
		from = "stdin"
	}
	if c.NArg() > 1 {
		from = strconv.Itoa(c.NArg()) + " files"
	}
	took := time.Since(start)
	log.Notef("kg: loaded %s from %s into %s in %s (%s)", count(len(all), unitOf(c)), from, st.Location(), seconds(took), rate(int64(len(all)), took))
	return nil
}

// unitOf names what kg load reads: quads when a quad format is in play.
func unitOf(c *cli.Context) string {
	for _, file := range c.Args().Slice() {
		if f, err := formatFor(c, file); err == nil && f.Quads {
			return "quad"
		}
	}
	return "triple"
}

// parseInput parses one file ("-": stdin) and appends its quads to all.
func parseInput(c *cli.Context, log *logger, f export.Format, file, stamp string, all []term.Quad) ([]term.Quad, error) {
	graph, base, blank := term.Term{}, "", "stdin"
	if file != "-" {
		abs, err := filepath.Abs(file)
		if err != nil {
			return all, err
		}
		base = rdfio.FileIRI(abs)
		graph = term.IRI(base)
		sum := sha256.Sum256([]byte(abs))
		blank = hex.EncodeToString(sum[:4])
	}
	switch g := c.String("graph"); g {
	case "":
	case "default":
		graph = term.Term{}
	default:
		graph = term.IRI(g)
	}
	name := file
	if file == "-" {
		name = "stdin"
	}
	size := inputSize(file)
	m := log.meter("parsing "+filepath.Base(name), "triples", size, size > 0)
	defer m.Finish()
	in, err := openInput(file, m)
	if err != nil {
		return all, fmt.Errorf("load: %w", err)
	}
	defer in.Close()
	// kg's own JSON-LD refers to its shared context, which is known here.
	kgBase, _ := baseIRI(c)
	opt := rdfio.Options{Base: base, BlankPrefix: "l" + stamp + blank + "_", File: name, Contexts: export.Contexts(kgBase)}
	n := int64(0)
	err = f.Parse(bufio.NewReaderSize(in, 1<<16), opt, func(q term.Quad) error {
		if q.G.IsZero() {
			q.G = graph
		}
		// The parsers check terms where they read them; this is the
		// last word before anything reaches the store.
		if err := q.Check(); err != nil {
			return fmt.Errorf("%s: quad %d: %v", name, n+1, err)
		}
		all = append(all, q)
		if n++; n%4096 == 0 {
			m.Items(n)
		}
		return nil
	})
	return all, err
}

func formatFor(c *cli.Context, file string) (export.Format, error) {
	if file == "-" && c.String("format") == "" {
		return export.Format{}, usagef("load: give --format to read stdin")
	}
	f, ok := export.ForFile(file)
	if c.String("format") != "" {
		f, ok = export.Lookup(c.String("format"))
	}
	if !ok || f.Parse == nil {
		return f, usagef("load: %s: unknown RDF format (use --format or a known extension)", file)
	}
	return f, nil
}
