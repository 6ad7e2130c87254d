package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"kg/ontology"
	"kg/summary"
	"kg/term"
)

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:        "stats",
		Usage:       "count entities by class, triples by property, passages by page, links and provenance coverage",
		Description: "Example:\n   kg stats\n   kg stats --json | jq .Classes",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the counts as JSON"},
		},
		Action: func(c *cli.Context) error {
			base, err := baseIRI(c)
			if err != nil {
				return err
			}
			quads, err := storedQuads(c, term.CompareQuads, false)
			if err != nil {
				return err
			}
			s := summary.Of(quads, base)
			if c.Bool("json") {
				enc := json.NewEncoder(os.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			}
			return printSummary(os.Stdout, s)
		},
	}
}

func printSummary(w io.Writer, s *summary.Summary) error {
	short := shortener()
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "quads\t%d\t\n", s.Quads)
	fmt.Fprintf(tw, "distinct triples\t%d\t\n", s.Triples)
	fmt.Fprintf(tw, "named graphs (passages and sources)\t%d\t\n", s.Graphs)
	fmt.Fprintf(tw, "entities\t%d\t\n", s.Entities)
	fmt.Fprintf(tw, "entities with provenance\t%d\t(%.1f%%)\n", s.EntitiesWithProvenance, 100*s.EntityShare())
	fmt.Fprintf(tw, "relations between entities\t%d\t\n", s.Relations)
	fmt.Fprintf(tw, "relations with a source passage\t%d\t(%.1f%%)\n", s.RelationsWithSource, 100*s.RelationShare())
	tw.Flush()
	section := func(title string, rows []summary.Count, key func(string) string) {
		fmt.Fprintf(w, "\n%s\n", title)
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, r := range rows {
			fmt.Fprintf(tw, "  %s\t%d\n", key(r.Key), r.N)
		}
		tw.Flush()
	}
	section("entities by class", s.Classes, short)
	section("triples by property", s.Properties, short)
	section("links out", s.Links, short)
	section("passages by printed page", s.Pages, func(k string) string { return "p. " + k })
	return nil
}

// shortener abbreviates IRIs with the export prefixes.
func shortener() func(string) string {
	prefixes := ontology.Prefixes(defaultBase)
	return func(iri string) string {
		best := ""
		name := ""
		for _, p := range prefixes {
			if strings.HasPrefix(iri, p.IRI) && len(p.IRI) > len(best) {
				best, name = p.IRI, p.Name
			}
		}
		if best == "" {
			return iri
		}
		return name + ":" + iri[len(best):]
	}
}
