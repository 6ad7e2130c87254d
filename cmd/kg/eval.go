package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"kg/ingest"
	"kg/ingest/eval"
)

// goldSuffix ends the name of every gold annotation file.
const goldSuffix = ".gold.json"

// documentExts are tried in order for the document beside a gold file.
var documentExts = []string{".txt", ".html", ".pdf"}

func evalCommand() *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score the extractor against gold annotations",
		ArgsUsage: "PATH...",
		Description: "Each PATH is a gold file (X.gold.json) or a directory searched for them. The document\n" +
			"a gold file annotates is X.txt, X.html or X.pdf beside it, or the path its \"document\"\n" +
			"field gives relative to the gold file. Each document is built alone, as kg build would\n" +
			"build it, and its graph scored against its gold: entities by class, relations, mandates\n" +
			"with holders and facts. Gold files naming the same document are scored together. One line\n" +
			"per document, the corpus total and the total by class follow. An evaluation is not a test:\n" +
			"kg eval exits 0 however low the scores, and a document that cannot be built scores nothing.\n\n" +
			"Example:\n   kg eval testdata/corpus/dev\n   kg eval --verbose testdata/corpus/dev/regionuppsala-almi.gold.json\n" +
			"   kg eval --json testdata/corpus | jq .total.entities",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the reports as JSON"},
			&cli.BoolFlag{Name: "verbose", Usage: "list what was missed and what is spurious, and the scores by subclass"},
		},
		Action: runEval,
	}
}

// evalDoc is a document with the gold files that annotate it.
type evalDoc struct {
	path  string
	golds []*eval.Gold
}

func runEval(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("eval: name gold files (X%s) or directories of them", goldSuffix)
	}
	log := newLogger(c)
	verbose := false
	for _, ctx := range c.Lineage() {
		verbose = verbose || ctx.Bool("verbose")
	}
	base, err := baseIRI(c)
	if err != nil {
		return err
	}
	paths, err := goldFiles(c.Args().Slice())
	if err != nil {
		return err
	}

	// Read every gold file first, so that a broken one stops the run
	// before any building.
	var docs []*evalDoc
	byPath := make(map[string]*evalDoc)
	bad := 0
	for _, p := range paths {
		g, docPath, err := readGoldFile(p)
		if err != nil {
			// Gold errors run to several lines; show them all.
			fmt.Fprintln(os.Stderr, "kg: "+err.Error())
			bad++
			continue
		}
		if body, err := os.ReadFile(docPath); err == nil && strings.HasSuffix(docPath, ".txt") {
			if err := g.Verify(eval.Body(string(body))); err != nil {
				warnGold(log, verbose, p, "names, values or quotes not in "+docPath+":", err)
			}
		}
		d := byPath[docPath]
		if d == nil {
			d = &evalDoc{path: docPath}
			byPath[docPath] = d
			docs = append(docs, d)
		}
		d.golds = append(d.golds, g)
	}
	if bad > 0 {
		return fmt.Errorf("eval: %d of %d gold files cannot be used", bad, len(paths))
	}

	var reports []*eval.Report
	for i, d := range docs {
		gold, name := d.golds[0], d.golds[0].Name
		if len(d.golds) > 1 {
			var stems []string
			for _, g := range d.golds {
				stems = append(stems, strings.TrimSuffix(filepath.Base(g.Name), goldSuffix))
			}
			name = filepath.Join(filepath.Dir(name), strings.Join(stems, "+"))
			if gold, err = eval.Combine(name, d.golds...); err != nil {
				warnGold(log, verbose, name, "entities its parts class differently:", err)
			}
		}
		log.Progress("eval "+filepath.Base(d.path), i, len(docs))
		res, err := ingest.Build(c.Context, []string{d.path}, ingest.Options{Base: base})
		if ctxErr := c.Context.Err(); ctxErr != nil {
			log.Done()
			return ctxErr
		}
		var r *eval.Report
		if err != nil {
			r = eval.Score(nil, gold)
			r.Failed, r.Error = 1, oneLine(err.Error())
		} else {
			r = eval.Score(res.Quads, gold)
		}
		r.Document = name
		reports = append(reports, r)
	}
	log.Done()
	if c.Bool("json") {
		return eval.WriteJSON(os.Stdout, reports, verbose)
	}
	return eval.WriteText(os.Stdout, reports, verbose)
}

// warnGold notes problems of a gold annotation that do not stop the
// evaluation: a count and the first, or with verbose all of them.
func warnGold(log *logger, verbose bool, name, what string, err error) {
	n := strings.Count(err.Error(), "\n") + 1
	if verbose {
		log.Notef("kg: %s: %s %d\n%s", name, what, n, err)
		return
	}
	log.Notef("kg: %s: %s %d; the first: %s", name, what, n, oneLine(err.Error()))
}

// goldFiles expands the command's arguments into gold files: a file is
// taken as it is, a directory is searched, subdirectories too, for names
// ending in .gold.json. The result is in argument order, each directory's
// files sorted, without repeats.
func goldFiles(args []string) ([]string, error) {
	var out []string
	seen := make(map[string]bool)
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		if !fi.IsDir() {
			add(filepath.Clean(arg))
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), goldSuffix) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("eval: no gold files (*%s) in %s", goldSuffix, arg)
		}
		slices.Sort(found)
		for _, p := range found {
			add(p)
		}
	}
	return out, nil
}

// readGoldFile reads a gold file and finds the document it annotates.
func readGoldFile(path string) (*eval.Gold, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	g, err := eval.ReadGold(f, path)
	if err != nil {
		return nil, "", err
	}
	if g.Document != "" {
		doc := filepath.Join(filepath.Dir(path), filepath.FromSlash(g.Document))
		if _, err := os.Stat(doc); err != nil {
			return nil, "", fmt.Errorf("%s: the document %q: %w", path, g.Document, unwrapPathError(err))
		}
		return g, doc, nil
	}
	stem := strings.TrimSuffix(path, goldSuffix)
	if stem == path {
		stem = strings.TrimSuffix(path, filepath.Ext(path))
	}
	for _, ext := range documentExts {
		if _, err := os.Stat(stem + ext); err == nil {
			return g, stem + ext, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil, "", fmt.Errorf("%s: no document beside it (%s with %s) and no \"document\" field",
		path, filepath.Base(stem), strings.Join(documentExts, ", "))
}
