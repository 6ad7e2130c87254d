package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
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
			"query. Stop it with Ctrl+C; running requests get --grace to finish. A graph that kg build\n" +
			"or kg load commits to the embedded store while it runs is picked up within --reload;\n" +
			"requests under way finish on the graph they started with.\n\n" +
			"Example:\n   kg build && kg serve --addr 127.0.0.1:8080",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT`"},
			&cli.DurationFlag{Name: "timeout", Value: server.DefaultTimeout, Usage: "stop a query after `DURATION` (503)"},
			&cli.IntFlag{Name: "max-results", Value: server.DefaultMaxResults, Usage: "return at most `N` rows or triples per query"},
			&cli.Int64Flag{Name: "max-body", Value: server.DefaultMaxBody, Usage: "refuse request bodies over `BYTES` (413)"},
			&cli.DurationFlag{Name: "grace", Value: 10 * time.Second, Usage: "on shutdown, let running requests finish for `DURATION`"},
			&cli.DurationFlag{Name: "reload", Value: 2 * time.Second, Usage: "every `DURATION`, look for a graph committed by kg build or kg load and serve it (0: never)"},
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
	open := func(ctx context.Context) (*served, error) {
		st, err := openBuilt(c, false)
		if err != nil {
			return nil, err
		}
		srv, err := server.New(ctx, st, server.Options{
			Base:       base,
			Timeout:    c.Duration("timeout"),
			MaxResults: c.Int("max-results"),
			MaxBody:    c.Int64("max-body"),
			Seeds:      global(c, "seeds"),
			Contact:    global(c, "contact"),
			Logf:       log.Notef,
		})
		if err != nil {
			st.Close()
			return nil, err
		}
		return &served{st: st, srv: srv}, nil
	}
	first, err := open(c.Context)
	if err != nil {
		return err
	}
	var live atomic.Pointer[served]
	live.Store(first)
	defer func() { live.Load().st.Close() }()
	ln, err := net.Listen("tcp", c.String("addr"))
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{
		Handler:           http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { live.Load().srv.ServeHTTP(w, r) }),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		// Room for the query deadline plus writing the result.
		WriteTimeout:   c.Duration("timeout") + time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
	log.Notef("serving %s as %s at http://%s/ (Ctrl+C stops)", first.st.Location(), base, ln.Addr())
	if every := c.Duration("reload"); every > 0 {
		// An old graph is closed only once requests that may still use it
		// are past their write deadline.
		go watchStore(c.Context, every, &live, open, hs.WriteTimeout, log)
	}
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

// served is one graph being served: the store it was read from and the
// handler over it.
type served struct {
	st  store.Store
	srv *server.Server
}

// watchStore swaps in a new graph when the store reports that one was
// committed. A graph that fails to load is reported once and the previous
// one stays up.
func watchStore(ctx context.Context, every time.Duration, live *atomic.Pointer[served], open func(context.Context) (*served, error), linger time.Duration, log *logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	lastErr := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cur := live.Load()
		ch, ok := cur.st.(store.Changer)
		if !ok {
			return // this kind of store cannot tell; nothing to watch
		}
		changed, err := ch.Changed()
		if err != nil || !changed {
			continue
		}
		next, err := open(ctx)
		if err != nil {
			if msg := err.Error(); msg != lastErr {
				log.Notef("kg: serve: the new graph did not load, still serving the previous one: %v", err)
				lastErr = msg
			}
			continue
		}
		lastErr = ""
		live.Store(next)
		time.AfterFunc(linger, func() { cur.st.Close() })
		log.Notef("serving the graph newly committed to %s", next.st.Location())
	}
}
