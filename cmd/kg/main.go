// Command kg builds, stores, exports and queries the knowledge graph of
// the report "21 vägar till hållbar regional utveckling".
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/urfave/cli/v2"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	app := newApp()
	args := permute(app, os.Args)
	err := app.RunContext(ctx, args)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kg: "+errorLine(app, args, err))
		os.Exit(exitCode(err))
	}
}

func newApp() *cli.App {
	// -v is --verbose; the version has only its long flag.
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Usage: "print the version"}
	cli.VersionPrinter = printVersion
	app := &cli.App{
		Name:    "kg",
		Version: version(),
		Usage:   "a knowledge graph of Swedish regional development, from report to linked open data",
		Description: "kg reads the report in seeds/, maps its actors, mandates, laws and instruments onto\n" +
			"the kg ontology with provenance back to page and quote, keeps the graph in a Cayley\n" +
			"store, exports it as Turtle, N-Triples, N-Quads, TriG, JSON-LD and RDF/XML, answers\n" +
			"SPARQL 1.1 queries over it and publishes it over HTTP (kg serve). kg help COMMAND, or\n" +
			"kg COMMAND --help, tells more of each command.\n\n" +
			"Example:\n   kg build\n   kg query 'SELECT ?x WHERE { ?x a <https://w3id.org/regionalkg/ontology#Actor> }'\n" +
			"   kg export --format=ttl -o kg.ttl",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "store", Value: defaultStore, EnvVars: []string{"KG_STORE"},
				Usage: "where the graph lives: a directory (embedded store), \"memory\", or a postgres:// URL"},
			&cli.StringFlag{Name: "base", Value: defaultBase, EnvVars: []string{"KG_BASE"},
				Usage: "base IRI for minted IRIs"},
			&cli.StringFlag{Name: "seeds", Value: "seeds", EnvVars: []string{"KG_SEEDS"},
				Usage: "directory holding the report texts (*.txt) and identifiers.csv"},
			&cli.StringFlag{Name: "publisher-name", Value: "", EnvVars: []string{"KG_PUBLISHER_NAME"},
				Usage: "the name of the body that publishes the dataset, for the DCAT record (not the author of a report)"},
			&cli.StringFlag{Name: "publisher-orgnr", Value: "", EnvVars: []string{"KG_PUBLISHER_ORGNR"},
				Usage: "the publisher's organisationsnummer (NNNNNN-NNNN): its dataportal.se IRI in the DCAT record"},
			&cli.StringFlag{Name: "contact", Value: "", EnvVars: []string{"KG_CONTACT"},
				Usage: "the publisher's contact e-mail address, for the DCAT record"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but results and errors"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "say more about what happens"},
		},
		Commands: []*cli.Command{
			buildCommand(),
			evalCommand(),
			exportCommand(),
			ontologyCommand(),
			statsCommand(),
			loadCommand(),
			queryCommand(),
			cayleyCommand(),
			serveCommand(),
			helpCommand(),
			versionCommand(),
		},
		Action:               rootAction,
		OnUsageError:         onUsageError,
		HideHelpCommand:      true,
		EnableBashCompletion: true,
		ExitErrHandler:       func(*cli.Context, error) {},
	}
	for _, c := range app.Commands {
		c.OnUsageError = onUsageError
	}
	// urfave/cli adds --help only where it adds its own help command,
	// which kg replaces.
	app.Flags = append(app.Flags, cli.HelpFlag)
	return app
}
