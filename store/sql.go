package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers "postgres"

	"kg/term"
)

// sqlStore is Cayley's SQL backend on PostgreSQL (CockroachDB speaks the
// same protocol). Cayley creates the schema; kg reads and writes its
// tables with its own SQL (sqlload.go, sqlread.go, sqljoin.go) so that
// pattern matches, joins and loads each take one statement.
type sqlStore struct {
	cayleyGraph
	url string
	db  *sql.DB

	// cache keeps the terms of hashes read from the nodes table.
	cache termCache

	// many caches manyGraphs for the context of one query.
	mu       sync.Mutex
	manyCtx  context.Context
	manyOver bool
}

// ConnectTimeout is how long opening a PostgreSQL store waits for the
// server to accept and answer, unless the URL sets connect_timeout: a
// server that accepts connections but never answers fails the command
// instead of hanging it.
const ConnectTimeout = 10 * time.Second

func openSQL(ctx context.Context, location string) (*sqlStore, error) {
	u := withConnectTimeout(location)
	// Creating the schema is idempotent for our purposes: "exists" is fine.
	if err := graph.InitQuadStore("postgres", u, nil); err != nil && err != graph.ErrDatabaseExists {
		return nil, sqlOpenError(u, err)
	}
	qs, err := graph.NewQuadStore("postgres", u, nil)
	if err != nil {
		return nil, sqlOpenError(u, err)
	}
	// With binary parameters lib/pq sends a statement and its hashes in
	// one round trip instead of preparing it first.
	db, err := sql.Open("postgres", withParam(u, "binary_parameters", "yes"))
	if err != nil {
		qs.Close()
		return nil, sqlOpenError(u, err)
	}
	// An index of graph names answers "how many graphs" at once; Cayley
	// ignores indexes it did not create.
	if _, err := db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS kg_label_index ON quads (label_hash)`); err != nil {
		qs.Close()
		db.Close()
		return nil, sqlOpenError(u, err)
	}
	return &sqlStore{cayleyGraph: cayleyGraph{qs: qs}, url: location, db: db}, nil
}

// withConnectTimeout adds connect_timeout (in seconds, as libpq reads it)
// to a URL that has none.
func withConnectTimeout(u string) string {
	return withParam(u, "connect_timeout", strconv.Itoa(int(ConnectTimeout/time.Second)))
}

// withParam sets a connection parameter the URL does not set.
func withParam(u, key, value string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := p.Query()
	if q.Has(key) {
		return u
	}
	q.Set(key, value)
	p.RawQuery = q.Encode()
	return p.String()
}

// sqlOpenError explains a failure to reach the server; a timeout says
// which one it was.
func sqlOpenError(u string, err error) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		timeout := "connect_timeout"
		if p, perr := url.Parse(u); perr == nil {
			timeout = p.Query().Get("connect_timeout") + "s"
		}
		return fmt.Errorf("store %s: the server did not answer within %s", redact(u), timeout)
	}
	return fmt.Errorf("store %s: %w", redact(u), err)
}

// Replace deletes the old content and copies the new in, in one
// transaction.
func (s *sqlStore) Replace(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	if err := s.replaceSQL(ctx, quads); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	return nil
}

func (s *sqlStore) Add(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	if len(quads) == 0 {
		return ctx.Err()
	}
	if err := s.addSQL(ctx, quads); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	return nil
}

func (s *sqlStore) Location() string { return redact(s.url) }

func (s *sqlStore) Close() error {
	return errors.Join(s.db.Close(), s.qs.Close())
}

// redact hides a password in messages.
func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "postgres"
	}
	return p.Redacted()
}
