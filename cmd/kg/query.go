package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/urfave/cli/v2"

	"kg/export"
	"kg/ontology"
	"kg/sparql"
	"kg/sparql/algebra"
	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/sparql/results"
	"kg/term"
)

func queryCommand() *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a SPARQL 1.1 query over the store or over RDF files",
		ArgsUsage: "(--query FILE.rq | 'QUERY TEXT')",
		Description: "With --data/--named the query runs over those files in memory; else a query with\n" +
			"FROM / FROM NAMED loads the file: IRIs it names; else it runs over the kg store, whose\n" +
			"default graph is the union of all graphs.\n\n" +
			"Example:\n   kg query 'SELECT ?r WHERE { ?r a <https://w3id.org/regionalkg/ontology#Region> }'\n" +
			"   kg query --data lubm1.nt --results csv --query q01.rq\n" +
			"   kg query - < q01.rq",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "data", Usage: "load `FILE` into the default graph (repeatable)"},
			&cli.StringSliceFlag{Name: "named", Usage: "load `FILE` into a named graph called by its file: IRI (repeatable)"},
			&cli.StringFlag{Name: "base", Usage: "base `IRI` of the query (default: the query file's file: IRI, or the kg base)"},
			&cli.StringFlag{Name: "results", Usage: "SELECT/ASK output: json, xml, csv, tsv, table (default: table on a terminal, json otherwise)"},
			&cli.StringFlag{Name: "format", Value: "ttl", Usage: "CONSTRUCT/DESCRIBE output: ttl, nt, nq, jsonld"},
			&cli.DurationFlag{Name: "timeout", Usage: "stop the query after `DURATION` (e.g. 30s), parsing and loading included"},
			&cli.Int64Flag{Name: "max-memory", Usage: "stop the query when it holds more than `BYTES`, as the evaluator estimates them (default: no limit)"},
			&cli.IntFlag{Name: "max-term", Value: eval.DefaultMaxTermSize, Usage: "stop the query when it computes a string or number of more than `BYTES`"},
			&cli.BoolFlag{Name: "explain", Usage: "print the algebra and the plan instead of results"},
			&cli.StringFlag{Name: "query", Usage: "read the query from `FILE` (- for stdin)"},
		},
		Action: runQuery,
	}
}

func runQuery(c *cli.Context) error {
	if c.Duration("timeout") < 0 || c.Int64("max-memory") < 0 || c.Int("max-term") <= 0 {
		return usagef("query: --timeout and --max-memory must not be negative, --max-term must be positive")
	}
	text, base, err := queryText(c)
	if err != nil {
		return err
	}
	ctx := c.Context
	if d := c.Duration("timeout"); d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	q, err := sparql.Parse(ctx, text, parse.Options{Base: base})
	if err != nil {
		return deadline(c, err)
	}
	ds, done, err := queryDataset(ctx, c, q)
	if err != nil {
		return deadline(c, err)
	}
	defer done()
	// Nothing reaches stdout until the query has succeeded.
	var held heldOutput
	defer held.Discard()
	if err := writeQuery(ctx, c, q, ds, base, &held); err != nil {
		return deadline(c, err)
	}
	_, err = held.WriteTo(os.Stdout)
	return err
}

// writeQuery evaluates q and writes its result to w.
func writeQuery(ctx context.Context, c *cli.Context, q *algebra.Query, ds eval.Dataset, base string, w io.Writer) error {
	opt := eval.Options{Base: base, MaxMemory: c.Int64("max-memory"), MaxTermSize: c.Int("max-term")}
	if c.Bool("explain") {
		// The query runs, so that the plan shows the steps taken with
		// their estimated and actual row counts.
		plan, err := eval.ExplainAnalyze(ctx, ds, q, opt)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "algebra:\n%s\n\nplan:\n%s", algebra.Format(q.Pattern), plan)
		return err
	}
	out := bufio.NewWriterSize(w, 1<<16)
	switch q.Form {
	case algebra.Select:
		f, err := resultFormat(c)
		if err != nil {
			return err
		}
		kgBase, _ := baseIRI(c)
		rw := f.New(out, results.Options{Prefixes: tablePrefixes(q, kgBase)})
		if err := rw.Begin(q.Vars); err != nil {
			return err
		}
		if err := eval.Select(ctx, ds, q, opt, rw.Row); err != nil {
			return err
		}
		if err := rw.End(); err != nil {
			return err
		}
	case algebra.Ask:
		f, err := resultFormat(c)
		if err != nil {
			return err
		}
		res, err := eval.Query(ctx, ds, q, opt)
		if err != nil {
			return err
		}
		if err := results.WriteBoolean(f.Name, out, res.Bool); err != nil {
			return err
		}
	default:
		f, ok := export.ByName(c.String("format"))
		if !ok || f.Parse == nil {
			return usagef("query: unknown --format %q (ttl, nt, nq, jsonld)", c.String("format"))
		}
		res, err := eval.Query(ctx, ds, q, opt)
		if err != nil {
			return err
		}
		quads := make([]term.Quad, len(res.Triples))
		for i, t := range res.Triples {
			quads[i] = t.InGraph(term.Term{})
		}
		slices.SortFunc(quads, term.CompareTriplesFirst)
		quads = slices.Compact(quads)
		kgBase, _ := baseIRI(c)
		if err := encodeAll(out, f, export.Options{Prefixes: ontology.Prefixes(kgBase), Base: kgBase}, quads, nil); err != nil {
			return err
		}
	}
	return out.Flush()
}

// queryText returns the query and its base IRI.
func queryText(c *cli.Context) (string, string, error) {
	base := c.String("base")
	if file := c.String("query"); file != "" {
		if c.NArg() > 0 {
			return "", "", usagef("query: give either --query FILE or the query text, not both")
		}
		b, err := readQuery(file)
		if err != nil {
			return "", "", fmt.Errorf("query: %w", err)
		}
		if base == "" && file == "-" {
			if base, err = baseIRI(c); err != nil {
				return "", "", err
			}
		}
		if base == "" {
			if base, err = sparql.FileIRI(file); err != nil {
				return "", "", err
			}
		}
		return string(b), base, nil
	}
	if c.NArg() > 1 {
		return "", "", usagef("query: give the query as one argument (got %d; quote it)", c.NArg())
	}
	if c.NArg() != 1 {
		return "", "", usagef("query: give the query as one argument or with --query FILE")
	}
	if base == "" {
		b, err := baseIRI(c)
		if err != nil {
			return "", "", err
		}
		base = b
	}
	text := c.Args().First()
	if text == "-" {
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			return "", "", fmt.Errorf("query: stdin: %w", err)
		}
		text = string(b)
	}
	return text, base, nil
}

// readQuery reads a query file, or stdin for "-".
func readQuery(file string) ([]byte, error) {
	if file == "-" {
		return io.ReadAll(os.Stdin)
	}
	return os.ReadFile(file)
}

// queryDataset picks what the query runs over; done releases it.
func queryDataset(ctx context.Context, c *cli.Context, q *algebra.Query) (eval.Dataset, func(), error) {
	data, named := c.StringSlice("data"), c.StringSlice("named")
	if len(data) > 0 || len(named) > 0 {
		ds, err := sparql.Files(ctx, data, named)
		return ds, func() {}, err
	}
	if q.Dataset != nil {
		ds, err := sparql.FromClause(ctx, q.Dataset.Default, q.Dataset.Named)
		return ds, func() {}, err
	}
	st, err := openBuilt(c, false)
	if err != nil {
		return nil, nil, err
	}
	m := newLogger(c).spinner("indexing " + st.Location())
	ds, err := sparql.FromStore(ctx, st)
	m.Finish()
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return ds, func() { st.Close() }, nil
}

func resultFormat(c *cli.Context) (results.Format, error) {
	name := c.String("results")
	if name == "" {
		name = "json"
		if fi, err := os.Stdout.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			name = "table"
		}
	}
	f, ok := results.ByName(name)
	if !ok {
		return f, usagef("query: unknown --results %q (json, xml, csv, tsv, table)", name)
	}
	return f, nil
}

// tablePrefixes are the prefixes a results table shortens IRIs with: the
// query's own, then kg's (ontology.Prefixes) for namespaces and labels the
// query leaves free, so that kg's IRIs read as kg:region-skane even in a
// query that declares no prefixes.
func tablePrefixes(q *algebra.Query, base string) map[string]string {
	m := map[string]string{}
	declared := map[string]bool{}
	for _, p := range q.Prefixes {
		m[p.Name] = p.IRI
		declared[p.IRI] = true
	}
	for _, p := range ontology.Prefixes(base) {
		if _, taken := m[p.Name]; !taken && !declared[p.IRI] {
			m[p.Name] = p.IRI
		}
	}
	return m
}

// deadline rewords a timeout or a limit so the user sees which limit
// stopped the query.
func deadline(c *cli.Context, err error) error {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("query stopped: it exceeded --timeout %s", c.Duration("timeout"))
	case errors.Is(err, eval.ErrMemory):
		return fmt.Errorf("query stopped: it needs more memory than --max-memory %d bytes", c.Int64("max-memory"))
	case errors.Is(err, eval.ErrTermSize):
		return fmt.Errorf("query stopped: it computes a string or number larger than --max-term %d bytes", c.Int("max-term"))
	}
	return err
}
