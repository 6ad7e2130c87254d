package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/cayley/query/graphql"
	"github.com/cayleygraph/cayley/query/mql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/urfave/cli/v2"

	"kg/store"
	"kg/store/cayleydisk"
)

// cayleyLanguages are the query languages of Cayley that kg cayley runs.
var cayleyLanguages = []string{gizmo.Name, graphql.Name, mql.Name}

func cayleyCommand() *cli.Command {
	return &cli.Command{
		Name:      "cayley",
		Usage:     "run a query of Cayley's own languages (Gizmo, GraphQL, MQL) over the embedded store",
		ArgsUsage: "(-f FILE | 'QUERY TEXT' | -)",
		Description: "Cayley reads the embedded store in place as its backend " + cayleydisk.Backend + ", read-only. Each\n" +
			"result is printed as one line of JSON, in Cayley's JSON result form (IRIs as <…>, literals\n" +
			"as their values); --format jsonld writes nodes and literals as JSON-LD, keeping languages\n" +
			"and datatypes. A Gizmo script prints what its .all(), .forEach() and g.emit() give (so\n" +
			"g.emit(g.V().count()), not g.V().count()). Only the embedded store (--store DIR, the default\n" +
			"data/kg) can be read: the memory, bolt: and postgres:// stores cannot.\n\n" +
			"Example:\n   kg cayley 'g.V(\"<https://w3id.org/regionalkg/id/region-skane>\").out().all()'\n" +
			"   kg cayley --lang graphql '{ r(<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>: <https://w3id.org/regionalkg/ontology#Region>, first: 2) { id } }'\n" +
			"   kg cayley --lang mql -f query.json",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "lang", Aliases: []string{"l"}, Value: gizmo.Name, Usage: "query language: " + strings.Join(cayleyLanguages, ", ")},
			&cli.StringFlag{Name: "file", Aliases: []string{"f"}, Usage: "read the query from `FILE` (- for stdin)"},
			&cli.StringFlag{Name: "format", Value: "json", Usage: "result form: json (Cayley's), jsonld (gizmo and graphql)"},
			&cli.IntFlag{Name: "limit", Usage: "stop after `N` results (0: no limit; GraphQL limits with first: in the query)"},
			&cli.DurationFlag{Name: "timeout", Usage: "stop the query after `DURATION` (e.g. 30s)"},
		},
		Action: runCayley,
	}
}

func runCayley(c *cli.Context) error {
	lang, format := c.String("lang"), c.String("format")
	if !slices.Contains(cayleyLanguages, lang) {
		return usagef("cayley: unknown --lang %q (%s)", lang, strings.Join(cayleyLanguages, ", "))
	}
	// Gizmo writes JSON-LD itself; GraphQL's values are rewritten.
	col, ld := query.JSON, false
	switch {
	case format == "jsonld" && lang == gizmo.Name:
		col = query.JSONLD
	case format == "jsonld" && lang == graphql.Name:
		ld = true
	case format == "jsonld":
		return usagef("cayley: %s answers only in --format json", lang)
	case format != "json":
		return usagef("cayley: unknown --format %q (json, jsonld)", format)
	}
	if c.Int("limit") < 0 || c.Duration("timeout") < 0 {
		return usagef("cayley: --limit and --timeout must not be negative")
	}
	text, err := cayleyText(c)
	if err != nil {
		return err
	}
	if loc := global(c, "store"); !store.Embedded(loc) {
		return fmt.Errorf("cayley: --store %s is not an embedded store: Cayley reads only the embedded store "+
			"(--store DIR, the default %s) as its backend %s; the memory, bolt: and postgres:// stores cannot be read", loc, defaultStore, cayleydisk.Backend)
	}
	st, err := openBuilt(c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	qs, ok := store.QuadStore(st)
	if !ok {
		return fmt.Errorf("cayley: no graph at %s; run kg build", st.Location())
	}
	ctx := c.Context
	if d := c.Duration("timeout"); d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	// Nothing reaches stdout until the query has succeeded.
	var held heldOutput
	defer held.Discard()
	if err := writeCayley(ctx, qs, lang, text, query.Options{Collation: col, Limit: c.Int("limit")}, ld, &held); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("cayley: query stopped: it exceeded --timeout %s", c.Duration("timeout"))
		}
		return fmt.Errorf("cayley: %s: %w", lang, err)
	}
	_, err = held.WriteTo(os.Stdout)
	return err
}

// cayleyText returns the query: the argument, stdin for "-", or the file
// of --file.
func cayleyText(c *cli.Context) (string, error) {
	file := c.String("file")
	switch {
	case file != "" && c.NArg() > 0:
		return "", usagef("cayley: give either -f FILE or the query text, not both")
	case file != "":
		b, err := readQuery(file)
		if err != nil {
			return "", fmt.Errorf("cayley: %w", err)
		}
		return string(b), nil
	case c.NArg() > 1:
		return "", usagef("cayley: give the query as one argument (got %d; quote it)", c.NArg())
	case c.NArg() == 0:
		return "", usagef("cayley: give the query as one argument, - for stdin, or -f FILE")
	case c.Args().First() == "-":
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			return "", fmt.Errorf("cayley: stdin: %w", err)
		}
		return string(b), nil
	}
	return c.Args().First(), nil
}

// writeCayley runs a query and writes each result to w as a line of JSON,
// with the Cayley values in it as JSON-LD if ld.
func writeCayley(ctx context.Context, qs graph.QuadStore, lang, text string, opt query.Options, ld bool, w io.Writer) error {
	it, err := query.Execute(ctx, qs, lang, text, opt)
	if err != nil {
		return err
	}
	defer it.Close()
	out := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue // Gizmo's value of the script itself
		}
		if ld {
			r = jsonldValues(r)
		}
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return out.Flush()
}

// jsonldValues writes the Cayley values in a result as JSON-LD: GraphQL
// returns them as they are and has no JSON-LD collation of its own.
func jsonldValues(r any) any {
	switch r := r.(type) {
	case quad.Value:
		return jsonld.FromValue(r)
	case []quad.Value:
		out := make([]any, len(r))
		for i, v := range r {
			out[i] = jsonld.FromValue(v)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(r))
		for k, v := range r {
			out[k] = jsonldValues(v)
		}
		return out
	case []map[string]any:
		out := make([]any, len(r))
		for i, v := range r {
			out[i] = jsonldValues(v)
		}
		return out
	case []any:
		out := make([]any, len(r))
		for i, v := range r {
			out[i] = jsonldValues(v)
		}
		return out
	}
	return r
}
