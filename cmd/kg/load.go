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
	"kg/rdfio"
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
			"Example:\n   kg load wikidata-regions.ttl\n   kg load --graph https://example.org/scb scb.nt",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "graph", Usage: "load triples into the named graph `IRI` (\"default\" for the default graph)"},
			&cli.StringFlag{Name: "format", Usage: "input format for all files (default: from each file's extension)"},
		},
		Action: runLoad,
	}
}

func runLoad(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("load: name at least one FILE")
	}
	log := newLogger(c)
	stamp := strconv.FormatInt(time.Now().UnixNano(), 36)
	var all []term.Quad
	for i, file := range c.Args().Slice() {
		f, err := formatFor(c, file)
		if err != nil {
			return err
		}
		abs, err := filepath.Abs(file)
		if err != nil {
			return err
		}
		graph := term.IRI(rdfio.FileIRI(abs))
		switch g := c.String("graph"); g {
		case "":
		case "default":
			graph = term.Term{}
		default:
			graph = term.IRI(g)
		}
		in, err := rdfio.OpenFile(file)
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		sum := sha256.Sum256([]byte(abs))
		opt := rdfio.Options{
			Base:        rdfio.FileIRI(abs),
			BlankPrefix: "l" + stamp + hex.EncodeToString(sum[:4]) + "_",
			File:        file,
		}
		n := 0
		err = f.Parse(bufio.NewReaderSize(in, 1<<16), opt, func(q term.Quad) error {
			if q.G.IsZero() {
				q.G = graph
			}
			all = append(all, q)
			n++
			if n%10000 == 0 {
				log.Progress("parsing "+file, n, 0)
			}
			return nil
		})
		in.Close()
		log.Done()
		if err != nil {
			return err
		}
		log.Debugf("kg: %s: %d quads (%s)", file, n, f.Label)
		log.Progress("parsed files", i+1, c.NArg())
	}
	log.Done()
	st, err := openStore(c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Add(c.Context, all); err != nil {
		return fmt.Errorf("load: %w", err)
	}
	log.Notef("kg: loaded %d quads from %d file(s) into %s", len(all), c.NArg(), st.Location())
	return nil
}

func formatFor(c *cli.Context, file string) (export.Format, error) {
	f, ok := export.ForFile(file)
	if c.String("format") != "" {
		f, ok = export.Lookup(c.String("format"))
	}
	if !ok || f.Parse == nil {
		return f, usagef("load: %s: unknown RDF format (use --format or a known extension)", file)
	}
	return f, nil
}
