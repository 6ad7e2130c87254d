package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/urfave/cli/v2"

	"kg/server"
	"kg/store"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "publish the stored graph: SPARQL endpoint, dereferenceable IRIs, pages, dumps",
		Description: "Serves the store read-only over HTTP: the SPARQL 1.1 Protocol at /sparql, every IRI\n" +
			"minted under --base at the same path on this server (/id/x is {base}id/x) as HTML,\n" +
			"Turtle, JSON-LD, N-Triples, RDF/XML or N-Quads by content negotiation, the ontology at\n" +
			"/ontology, VoID at /.well-known/void, DCAT-AP-SE at /catalog.rdf and /catalog.ttl,\n" +
			"dumps at /dump/kg.{ttl,nt,nq,jsonld,trig,rdf}[.gz], and pages to search, browse and\n" +
			"query. Stop it with Ctrl+C; running requests get --grace to finish.\n\n" +
			"Example:\n   kg build && kg serve --addr 127.0.0.1:8080",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT`"},
			&cli.DurationFlag{Name: "timeout", Value: server.DefaultTimeout, Usage: "stop a query after `DURATION` (503)"},
			&cli.IntFlag{Name: "max-results", Value: server.DefaultMaxResults, Usage: "return at most `N` rows or triples per query"},
			&cli.Int64Flag{Name: "max-body", Value: server.DefaultMaxBody, Usage: "refuse request bodies over `BYTES` (413)"},
			&cli.DurationFlag{Name: "grace", Value: 10 * time.Second, Usage: "on shutdown, let running requests finish for `DURATION`"},
		},
		Action: runServe,
	}
}

func runServe(c *cli.Context) error {
	if c.NArg() > 0 {
		return usagef("serve: unexpected argument %q", c.Args().First())
	}
	if c.Int("max-results") <= 0 || c.Duration("timeout") <= 0 || c.Int64("max-body") <= 0 {
		return usagef("serve: --timeout, --max-results and --max-body must be positive")
	}
	base, err := baseIRI(c)
	if err != nil {
		return err
	}
	log := newLogger(c)
	st, err := openStore(c, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if empty, err := st.Empty(c.Context); err != nil {
		return err
	} else if empty {
		return fmt.Errorf("serve: %s: %w; run kg build first", st.Location(), store.ErrNotBuilt)
	}
	srv, err := server.New(c.Context, st, server.Options{
		Base:       base,
		Timeout:    c.Duration("timeout"),
		MaxResults: c.Int("max-results"),
		MaxBody:    c.Int64("max-body"),
		Seeds:      global(c, "seeds"),
		Contact:    global(c, "contact"),
		Logf:       log.Notef,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.String("addr"))
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		// Room for the query deadline plus writing the result.
		WriteTimeout:   c.Duration("timeout") + time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
	log.Notef("serving %s as %s at http://%s/ (Ctrl+C stops)", st.Location(), base, ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-c.Context.Done():
	}
	log.Notef("shutting down")
	ctx, cancel := context.WithTimeout(context.Background(), c.Duration("grace"))
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("serve: %w", err)
	}
	<-done
	return nil
}
