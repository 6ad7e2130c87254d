package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
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
			&cli.Int64Flag{Name: "max-memory", Value: server.DefaultMaxMemory, Usage: "stop a query that holds more than `BYTES`, as the evaluator estimates them (503)"},
			&cli.IntFlag{Name: "max-term", Value: server.DefaultMaxTermSize, Usage: "stop a query that computes a string or number of more than `BYTES` (503)"},
			&cli.IntFlag{Name: "max-concurrent", Value: server.DefaultMaxConcurrent, Usage: "run at most `N` queries at once"},
			&cli.IntFlag{Name: "max-queued", Value: server.DefaultMaxQueued, Usage: "let at most `N` more queries wait for a turn; beyond, 503 with Retry-After (0: no queue)"},
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
	if c.Int("max-results") <= 0 || c.Duration("timeout") <= 0 || c.Int64("max-body") <= 0 ||
		c.Int64("max-memory") <= 0 || c.Int("max-term") <= 0 || c.Int("max-concurrent") <= 0 {
		return usagef("serve: --timeout, --max-results, --max-body, --max-memory, --max-term and --max-concurrent must be positive")
	}
	if c.Int("max-queued") < 0 || c.Duration("grace") < 0 || c.Duration("reload") < 0 {
		return usagef("serve: --max-queued, --grace and --reload must not be negative")
	}
	// One bound on concurrent queries for every graph served in turn.
	gate := server.NewGate(c.Int("max-concurrent"), c.Int("max-queued"))
	base, err := baseIRI(c)
	if err != nil {
		return err
	}
	log := newLogger(c)
	pub, err := publishing(c, time.Time{})
	if err != nil {
		return err
	}
	d, err := datasetInfo(c, base, nil, time.Time{})
	if err != nil {
		return err
	}
	open := func(ctx context.Context) (*served, error) {
		st, err := openBuilt(c, false)
		if err != nil {
			return nil, err
		}
		srv, err := server.New(ctx, st, server.Options{
			Base:        base,
			Timeout:     c.Duration("timeout"),
			MaxResults:  c.Int("max-results"),
			MaxBody:     c.Int64("max-body"),
			MaxMemory:   c.Int64("max-memory"),
			MaxTermSize: c.Int("max-term"),
			Gate:        gate,
			Seeds:       global(c, "seeds"),
			Publishing:  pub,
			Logf:        log.Notef,
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
	live := server.NewLive(first.srv, first.close)
	defer live.Close()
	ln, err := net.Listen("tcp", c.String("addr"))
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := &http.Server{
		Handler:           live,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		// Room for the query deadline plus writing the result.
		WriteTimeout:   c.Duration("timeout") + time.Minute,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
	}
	// A local preview needs no publisher; say once what is left out.
	if m := d.Missing(); len(m) > 0 {
		log.Notef("kg: serve: no DCAT record without the dataset's %s (--publisher-name, --contact); /catalog.rdf and /catalog.ttl answer 404 saying so",
			strings.Join(m, " and "))
	}
	log.Notef("serving %s as %s at http://%s/ (Ctrl+C stops)", first.st.Location(), base, ln.Addr())
	// Queries are answered at once; the pages' data is read meanwhile.
	first.srv.Warm()
	if every := c.Duration("reload"); every > 0 {
		go watchStore(c.Context, every, first, live, open, log)
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

// close closes the store of a graph no request uses any more and hands
// its memory back to the system: a graph can take hundreds of megabytes,
// which the runtime would otherwise keep for a while.
func (s *served) close() {
	s.srv.Close()
	s.st.Close()
	go debug.FreeOSMemory()
}

// watchStore swaps in a new graph when the store reports that one was
// committed; the replaced one is closed when its last request ends. A
// graph that fails to load is reported once and the previous one stays up.
func watchStore(ctx context.Context, every time.Duration, cur *served, live *server.Live, open func(context.Context) (*served, error), log *logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	lastErr := ""
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
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
		live.Swap(next.srv, next.close)
		next.srv.Warm()
		cur = next
		log.Notef("serving the graph newly committed to %s", next.st.Location())
	}
}
