package main

import (
	"bytes"
	"io"
	"slices"

	"github.com/urfave/cli/v2"

	"kg/export"
	"kg/ontology"
	"kg/rdfio"
	"kg/term"
)

func ontologyCommand() *cli.Command {
	return &cli.Command{
		Name:  "ontology",
		Usage: "write kg's OWL ontology of actors, mandates, laws and instruments",
		Description: "Turtle is the ontology's source as embedded in kg; other formats are converted from it.\n\n" +
			"Example:\n   kg ontology --format=ttl > kgo.ttl\n   kg ontology --format=rdfxml -o kgo.owl",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "ttl", Usage: "output format: " + formatNames()},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE`"},
		},
		Action: func(c *cli.Context) error {
			f, err := pickFormat(c)
			if err != nil {
				return err
			}
			src := ontology.Turtle()
			if f.Name == "ttl" {
				return writeOutput(c.String("output"), func(w io.Writer) error {
					_, err := w.Write(src)
					return err
				})
			}
			var quads []term.Quad
			err = rdfio.ParseTurtle(bytes.NewReader(src), rdfio.Options{Base: ontology.IRI, File: "ontology.ttl"},
				func(q term.Quad) error { quads = append(quads, q); return nil })
			if err != nil {
				return err
			}
			order := term.CompareTriplesFirst
			if f.Quads {
				order = term.CompareQuads
			}
			slices.SortFunc(quads, order)
			base, err := baseIRI(c)
			if err != nil {
				return err
			}
			return writeOutput(c.String("output"), func(w io.Writer) error {
				return encodeAll(w, f, export.Options{Prefixes: ontology.Prefixes(base), Base: base}, quads, nil)
			})
		},
	}
}
