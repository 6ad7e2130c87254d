package store

import (
	"context"
	"fmt"
	"net/url"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers "postgres"

	"kg/term"
)

// sqlStore is Cayley's SQL backend on PostgreSQL (CockroachDB speaks the
// same protocol).
type sqlStore struct {
	cayleyGraph
	url string
}

func openSQL(ctx context.Context, u string) (*sqlStore, error) {
	// Creating the schema is idempotent for our purposes: "exists" is fine.
	if err := graph.InitQuadStore("postgres", u, nil); err != nil && err != graph.ErrDatabaseExists {
		return nil, fmt.Errorf("store %s: %w", redact(u), err)
	}
	qs, err := graph.NewQuadStore("postgres", u, nil)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", redact(u), err)
	}
	return &sqlStore{cayleyGraph{qs: qs}, u}, nil
}

// Replace deletes the old content and adds the new in one transaction.
func (s *sqlStore) Replace(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	var old []term.Quad
	if err := s.Match(ctx, Pattern{}, func(q term.Quad) bool { old = append(old, q); return true }); err != nil {
		return err
	}
	keep := make(map[term.Quad]bool, len(quads))
	for _, q := range quads {
		keep[q] = true
	}
	var ds []graph.Delta
	for _, q := range old {
		if !keep[q] {
			ds = append(ds, graph.Delta{Quad: toQuad(q), Action: graph.Delete})
		} else {
			delete(keep, q)
		}
	}
	for _, q := range quads {
		if keep[q] {
			ds = append(ds, graph.Delta{Quad: toQuad(q), Action: graph.Add})
			delete(keep, q)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(ds) == 0 {
		return nil
	}
	if err := s.qs.ApplyDeltas(ds, ignoreDup); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	return nil
}

func (s *sqlStore) Add(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.qs.ApplyDeltas(deltas(quads, graph.Add), ignoreDup); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	return nil
}

func (s *sqlStore) Location() string { return redact(s.url) }
func (s *sqlStore) Close() error     { return s.qs.Close() }

// redact hides a password in messages.
func redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "postgres"
	}
	return p.Redacted()
}
