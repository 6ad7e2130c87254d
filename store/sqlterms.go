package store

import (
	"context"
	"fmt"
	"sync"

	"github.com/lib/pq"

	"kg/term"
)

// A hash names one term for good (it is the digest of the term), so the
// terms read from the nodes table are kept, up to maxTermBytes: a store
// that answers many queries reads each value once.
const maxTermBytes = 64 << 20

// termCache maps hashes to terms.
type termCache struct {
	mu    sync.Mutex
	terms map[string]term.Term
	bytes int
}

// terms fills in vals the terms of the hashes that are not empty, from
// the cache or, for those it lacks, from the nodes table in one query.
func (s *sqlStore) terms(ctx context.Context, hashes []string, vals []term.Term) error {
	c := &s.cache
	var missing pq.ByteaArray
	asked := map[string]bool{}
	c.mu.Lock()
	for i, h := range hashes {
		if h == "" {
			continue
		}
		if t, ok := c.terms[h]; ok {
			vals[i] = t
		} else if !asked[h] {
			asked[h] = true
			missing = append(missing, []byte(h))
		}
	}
	c.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	found, err := s.lookup(ctx, missing)
	if err != nil {
		return err
	}
	for i, h := range hashes {
		if h == "" || !asked[h] {
			continue
		}
		t, ok := found[h]
		if !ok {
			return fmt.Errorf("store %s: %w: a quad names a value the nodes table lacks", s.Location(), ErrCorrupt)
		}
		vals[i] = t
	}
	c.add(found)
	return nil
}

// warm reports whether the cache holds terms: then joins read the hashes
// of values and look up only those it lacks; a store that has read no
// value yet reads them with the rows.
func (c *termCache) warm() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.terms) > 0
}

// add keeps terms, starting afresh past maxTermBytes.
func (c *termCache) add(terms map[string]term.Term) {
	if len(terms) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.terms == nil || c.bytes > maxTermBytes {
		c.terms, c.bytes = map[string]term.Term{}, 0
	}
	for h, t := range terms {
		if _, ok := c.terms[h]; !ok {
			c.terms[h] = t
			c.bytes += len(h) + len(t.Value) + len(t.Datatype) + len(t.Lang) + 64
		}
	}
}

// lookup reads the terms of hashes from the nodes table.
func (s *sqlStore) lookup(ctx context.Context, hashes pq.ByteaArray) (map[string]term.Term, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT n.hash, `+nodeFields("n")+` FROM nodes n WHERE n.hash = ANY($1::bytea[])`, hashes)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.Location(), err)
	}
	defer rows.Close()
	found := make(map[string]term.Term, len(hashes))
	var h []byte
	var n nodeScan
	dest := append([]any{&h}, n.dest()...)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		t, err := n.term()
		if err != nil {
			return nil, err
		}
		found[string(h)] = t
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store %s: %w", s.Location(), err)
	}
	return found, nil
}
