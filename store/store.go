package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/clog"

	"kg/store/disk"
	"kg/term"
)

// Sentinel errors callers branch on.
var (
	ErrLocked   = errors.New("store is in use by another process")
	ErrCorrupt  = disk.ErrCorrupt // the same error as the generation format's
	ErrNotBuilt = errors.New("store has not been built")
)

// Pattern selects quads. A zero term is a wildcard. With DefaultGraph set,
// only quads of the default graph match and G is ignored.
type Pattern struct {
	S, P, O, G   term.Term
	DefaultGraph bool
}

// Matches reports whether q fits the pattern.
func (p Pattern) Matches(q term.Quad) bool {
	if !p.S.IsZero() && p.S != q.S {
		return false
	}
	if !p.P.IsZero() && p.P != q.P {
		return false
	}
	if !p.O.IsZero() && p.O != q.O {
		return false
	}
	if p.DefaultGraph {
		return q.G.IsZero()
	}
	return p.G.IsZero() || p.G == q.G
}

// Stats counts what a store holds.
type Stats struct {
	Quads int64
	Nodes int64
}

// Store is the graph as kg uses it.
type Store interface {
	// Replace atomically replaces everything stored with quads.
	Replace(ctx context.Context, quads []term.Quad) error
	// Add adds quads (duplicates are ignored) in one transaction.
	Add(ctx context.Context, quads []term.Quad) error
	// Match calls fn for each stored quad that matches p, in no
	// particular order, until fn returns false.
	Match(ctx context.Context, p Pattern, fn func(term.Quad) bool) error
	// Estimate returns a cheap estimate of the number of quads matching p
	// (zero only when nothing matches), for join ordering.
	Estimate(ctx context.Context, p Pattern) (int64, error)
	// Stats returns the number of quads and nodes.
	Stats(ctx context.Context) (Stats, error)
	// Empty reports whether nothing has been stored yet.
	Empty(ctx context.Context) (bool, error)
	// Location describes where the store lives, for messages.
	Location() string
	Close() error
}

// Options tune how a store is opened.
type Options struct {
	// ReadOnly opens an embedded store for reading only, so that several
	// readers (a server, queries) may share it.
	ReadOnly bool
	// ReplaceOnly opens an embedded store without reading the current
	// graph, for a caller that will only Replace it; a damaged store can
	// then be rebuilt.
	ReplaceOnly bool
}

// Open opens (creating if needed) the store at location: "memory", a
// postgres:// or postgresql:// URL, "bolt:DIR" for Cayley's on-disk Bolt
// backend, or a directory path for the default embedded store.
func Open(ctx context.Context, location string, opt Options) (Store, error) {
	switch {
	case location == "memory":
		return newMemory()
	case strings.HasPrefix(location, "postgres://"), strings.HasPrefix(location, "postgresql://"):
		return openSQL(ctx, location)
	case strings.HasPrefix(location, "bolt:"):
		return openBolt(ctx, strings.TrimPrefix(location, "bolt:"), opt)
	case location == "":
		return nil, fmt.Errorf("store: empty location")
	default:
		return openSnapshot(ctx, location, opt)
	}
}

// All returns every quad matching p, sorted by cmp (use term.CompareQuads
// or term.CompareTriplesFirst) so that output built from it is
// deterministic.
func All(ctx context.Context, s Store, p Pattern, cmp func(a, b term.Quad) int) ([]term.Quad, error) {
	var out []term.Quad
	err := s.Match(ctx, p, func(q term.Quad) bool {
		out = append(out, q)
		return true
	})
	if err != nil {
		return nil, err
	}
	sortQuads(out, cmp)
	return out, nil
}

// quiet discards Cayley's own log lines; kg reports errors itself.
type quiet struct{}

func (quiet) Infof(string, ...interface{})    {}
func (quiet) Warningf(string, ...interface{}) {}
func (quiet) Errorf(string, ...interface{})   {}
func (quiet) Fatalf(format string, args ...interface{}) {
	panic(fmt.Sprintf(format, args...))
}

func (quiet) V(int) bool { return false }
func (quiet) SetV(int)   {}

func init() { clog.SetLogger(quiet{}) }

// Changer is implemented by stores that can tell when another process has
// committed a newer graph than the one they read, so that a long-running
// reader (kg serve) can reopen the store and serve the new graph.
type Changer interface {
	Changed() (bool, error)
}

// Resident is implemented by stores that hold the whole graph in memory
// (the embedded default and "memory"): readers may then build their own
// indexes from one scan instead of issuing many pattern lookups.
type Resident interface {
	Resident() bool
}

func (m *memory) Resident() bool { return true }
