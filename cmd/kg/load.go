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
	"kg/store/disk"
	"kg/term"
)

func loadCommand() *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "import other RDF (ttl, nt, nq, trig, rdf/xml, jsonld) into the store to link with",
		ArgsUsage: "FILE...",
		Description: "The files are read as a stream into a new graph written beside the stored one, which\n" +
			"it replaces only once every file has been read to its end: a syntax error (reported as\n" +
			"FILE:LINE:COL) leaves the store untouched. Triples go into the named graph\n" +
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
	in := &loadInput{c: c, log: log, stamp: strconv.FormatInt(time.Now().UnixNano(), 36)}
	for _, file := range c.Args().Slice() {
		f, err := formatFor(c, file)
		if err != nil {
			return err
		}
		in.files, in.formats = append(in.files, file), append(in.formats, f)
	}
	st, err := openStore(c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if ld, ok := st.(store.Loader); ok {
		err = loadStream(c, log, ld, st.Location(), in, base)
	} else {
		err = loadInMemory(c, log, st, in, base)
	}
	if err != nil {
		return err
	}
	from := c.Args().First()
	if from == "-" {
		from = "stdin"
	}
	if c.NArg() > 1 {
		from = strconv.Itoa(c.NArg()) + " files"
	}
	took := time.Since(start)
	log.Notef("kg: loaded %s from %s into %s in %s (%s)", count(int(in.parsed), unitOf(c)), from, st.Location(), seconds(took), rate(in.parsed, took))
	return nil
}

// loadInput is the files of one kg load and what reading them counts.
type loadInput struct {
	c       *cli.Context
	log     *logger
	stamp   string // makes the blank nodes of this load its own
	files   []string
	formats []export.Format
	parsed  int64
	err     error // the first error of reading a file
}

// each parses the files in turn and calls emit for every quad.
func (in *loadInput) each(emit func(term.Quad) error) error {
	for i, file := range in.files {
		start := time.Now()
		n, err := parseInput(in.c, in.log, in.formats[i], file, in.stamp, emit)
		in.parsed += n
		if err != nil {
			in.err = err
			return err
		}
		in.log.Debugf("kg: %s: %d quads (%s) in %s", file, n, in.formats[i].Label, seconds(time.Since(start)))
	}
	return nil
}

// loadStream loads into a store that takes a stream: the quads go into
// the new generation as they are parsed, and the entailment is computed
// from its sorted orders, so memory stays bounded however large the
// files. Until the end the store is untouched.
func loadStream(c *cli.Context, log *logger, ld store.Loader, where string, in *loadInput, base string) error {
	p := &loadProgress{log: log, where: where}
	defer p.finish()
	_, err := ld.Load(c.Context, store.Load{
		Quads:    func(add func(term.Quad) error) error { return in.each(add) },
		Checked:  true,
		Derive:   entailer(base),
		Progress: p.report,
	})
	if in.err != nil {
		return in.err // as the in-memory path reports it: FILE:LINE:COL first
	}
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	return nil
}

// loadInMemory loads into the other stores: every file is parsed into
// memory, then what the hierarchies entail is computed from all stored
// quads and the new ones.
func loadInMemory(c *cli.Context, log *logger, st store.Store, in *loadInput, base string) error {
	var all []term.Quad
	if err := in.each(func(q term.Quad) error { all = append(all, q); return nil }); err != nil {
		return err
	}
	m := log.spinner("entailing")
	var stored []term.Quad
	err := st.Match(c.Context, store.Pattern{}, func(q term.Quad) bool { stored = append(stored, q); return true })
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
	return nil
}

// loadProgress shows the phases of a streamed load after the parsing:
// entailing, sorting and writing, verifying.
type loadProgress struct {
	log   *logger
	where string
	phase string
	start time.Time // of the phase
	m     *meter
}

func (p *loadProgress) report(phase string, done, total int64) {
	if phase != p.phase {
		p.finish()
		p.phase, p.start = phase, time.Now()
		switch phase {
		case disk.PhaseDerive:
			p.m = p.log.meter("entailing", "triples", 0, false)
		case disk.PhaseWrite:
			p.m = p.log.meter("sorting and writing "+p.where, "records", total, false)
		default:
			p.m = p.log.spinner("verifying " + p.where)
		}
	}
	switch phase {
	case disk.PhaseDerive:
		p.m.Items(done)
	case disk.PhaseWrite:
		p.m.Set(done)
	}
}

func (p *loadProgress) finish() {
	if p.phase != "" {
		p.log.Debugf("kg: %s: %s", p.phase, seconds(time.Since(p.start)))
	}
	p.m.Finish()
	p.m, p.phase = nil, ""
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

// parseInput parses one file ("-": stdin), calls emit for each of its
// quads and returns how many there were.
func parseInput(c *cli.Context, log *logger, f export.Format, file, stamp string, emit func(term.Quad) error) (int64, error) {
	graph, base, blank := term.Term{}, "", "stdin"
	if file != "-" {
		abs, err := filepath.Abs(file)
		if err != nil {
			return 0, err
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
		return 0, fmt.Errorf("load: %w", err)
	}
	defer in.Close()
	// kg's own JSON-LD refers to its shared context, which is known here.
	kgBase, _ := baseIRI(c)
	opt := rdfio.Options{Base: base, BlankPrefix: "l" + stamp + blank + "_", File: name, Contexts: export.Contexts(kgBase)}
	n := int64(0)
	var check term.Checker // remembers the IRIs that repeat
	err = f.Parse(bufio.NewReaderSize(in, 1<<16), opt, func(q term.Quad) error {
		if q.G.IsZero() {
			q.G = graph
		}
		// The parsers check terms where they read them; this is the
		// last word before anything reaches the store.
		if err := check.Quad(q); err != nil {
			return fmt.Errorf("%s: quad %d: %v", name, n+1, err)
		}
		if n++; n%4096 == 0 {
			m.Items(n)
		}
		return emit(q)
	})
	return n, err
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
