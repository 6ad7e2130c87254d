package store

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/cayleygraph/cayley/graph/memstore"

	"kg/rdfio"
	"kg/term"
)

// The files of a snapshot generation.
const (
	snapshotData     = "quads.nq"
	snapshotManifest = "MANIFEST"
	manifestMagic    = "kg-store 1"
)

// snapshot is the default embedded store: Cayley's in-memory quad store,
// made durable by generations that each hold the whole graph as sorted
// N-Quads plus a manifest with the quad count and a SHA-256 of the data.
// Opening loads the live generation into memory; writes build a new
// generation and switch to it atomically. Bulk loads run at the speed of
// the N-Quads writer instead of a key-value store's per-quad index
// updates, and a damaged file is detected by its checksum.
//
// Full scans read the sorted quads directly; pattern lookups go to the
// Cayley store, which is built on the first lookup, so that commands that
// only write or scan (build, load, export, SPARQL indexing) never pay for
// Cayley's per-quad indexing.
type snapshot struct {
	cayleyGraph
	gens   *genDir
	gen    string      // name of the generation in quads, "" before the first build
	quads  []term.Quad // the live graph, sorted by term.CompareQuads
	mu     sync.Mutex
	loaded bool // qs holds quads
}

func openSnapshot(ctx context.Context, dir string, opt Options) (*snapshot, error) {
	// Readers load the whole generation and never touch the files again,
	// so they take no lock: kg query and kg serve keep working while kg
	// build writes the next generation.
	mode := lockExclusive
	if opt.ReadOnly {
		mode = lockNone
	}
	gens, err := openGenDir(dir, mode)
	if err != nil {
		return nil, err
	}
	s := &snapshot{gens: gens}
	for attempt := 0; ; attempt++ {
		path, ok, err := gens.current()
		if err != nil {
			s.Close()
			return nil, err
		}
		if !ok || opt.ReplaceOnly {
			return s, nil
		}
		quads, err := readSnapshot(ctx, path)
		if err != nil {
			// A writer may have committed a newer generation and removed
			// this one while it was being read: read the new one.
			if now, ok, _ := gens.current(); ok && now != path && attempt < 5 {
				continue
			}
			s.Close()
			return nil, fmt.Errorf("store %s: %w", dir, err)
		}
		s.quads, s.gen = quads, filepath.Base(path)
		return s, nil
	}
}

// Changed reports whether another process has committed a graph newer than
// the one this store holds.
func (s *snapshot) Changed() (bool, error) {
	path, ok, err := s.gens.current()
	if err != nil || !ok {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return filepath.Base(path) != s.gen, nil
}

// cayley returns the Cayley store of the live graph, building it once.
func (s *snapshot) cayley(ctx context.Context) (*cayleyGraph, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.loaded {
		qs := memstore.New()
		if err := write(ctx, qs, s.quads); err != nil {
			return nil, err
		}
		s.qs, s.loaded = qs, true
	}
	return &s.cayleyGraph, nil
}

func (s *snapshot) Match(ctx context.Context, p Pattern, fn func(term.Quad) bool) error {
	if p.S.IsZero() && p.P.IsZero() && p.O.IsZero() && p.G.IsZero() {
		for i, q := range s.quads {
			if i%65536 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if p.Matches(q) && !fn(q) {
				return nil
			}
		}
		return nil
	}
	c, err := s.cayley(ctx)
	if err != nil {
		return err
	}
	return c.Match(ctx, p, fn)
}

func (s *snapshot) Estimate(ctx context.Context, p Pattern) (int64, error) {
	if p.S.IsZero() && p.P.IsZero() && p.O.IsZero() && p.G.IsZero() {
		return int64(len(s.quads)), nil
	}
	c, err := s.cayley(ctx)
	if err != nil {
		return 0, err
	}
	return c.Estimate(ctx, p)
}

func (s *snapshot) Stats(ctx context.Context) (Stats, error) {
	c, err := s.cayley(ctx)
	if err != nil {
		return Stats{}, err
	}
	return c.Stats(ctx)
}

func (s *snapshot) Empty(ctx context.Context) (bool, error) { return len(s.quads) == 0, nil }

// readSnapshot reads and verifies a generation.
func readSnapshot(ctx context.Context, path string) ([]term.Quad, error) {
	var quads []term.Quad
	err := scanSnapshot(ctx, path, func(count int) { quads = make([]term.Quad, 0, count) }, func(q term.Quad) error {
		quads = append(quads, q)
		return nil
	})
	return quads, err
}

// verifySnapshot reads back the generation at path and checks that it
// holds exactly want, in order: what is committed is what its reader
// will see.
func verifySnapshot(ctx context.Context, path string, want []term.Quad) error {
	i := 0
	err := scanSnapshot(ctx, path, nil, func(q term.Quad) error {
		if i >= len(want) || q != want[i] {
			return fmt.Errorf("quad %d reads back as %s", i+1, shortQuad(q))
		}
		i++
		return nil
	})
	if err == nil && i != len(want) {
		err = fmt.Errorf("%d quads read back, %d written", i, len(want))
	}
	if err != nil && !errors.Is(err, ErrCorrupt) {
		err = fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return err
}

// scanSnapshot reads a generation, calling sized with the quad count of
// its manifest (when not nil) and then fn for every quad, and checks the
// data against the manifest. The terms were checked when the generation
// was written, so the parser checks only the grammar.
func scanSnapshot(ctx context.Context, path string, sized func(int), fn func(term.Quad) error) error {
	want, err := os.ReadFile(filepath.Join(path, snapshotManifest))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	count, sum, err := parseManifest(string(want))
	if err != nil {
		return err
	}
	if sized != nil {
		sized(count)
	}
	f, err := os.Open(filepath.Join(path, snapshotData))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer f.Close()
	h := sha256.New()
	n := 0
	opt := rdfio.Options{File: snapshotData, SkipTermCheck: true}
	err = rdfio.ParseNQuads(io.TeeReader(bufio.NewReaderSize(f, 1<<20), h), opt, func(q term.Quad) error {
		n++
		if n%65536 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return fn(q)
	})
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if n != count || hex.EncodeToString(h.Sum(nil)) != sum {
		return fmt.Errorf("%w: %s does not match its manifest", ErrCorrupt, snapshotData)
	}
	return nil
}

func parseManifest(m string) (count int, sum string, err error) {
	lines := strings.Split(strings.TrimSpace(m), "\n")
	if len(lines) != 3 || lines[0] != manifestMagic {
		return 0, "", fmt.Errorf("%w: unrecognised manifest", ErrCorrupt)
	}
	n, ok := strings.CutPrefix(lines[1], "quads ")
	s, ok2 := strings.CutPrefix(lines[2], "sha256 ")
	if count, err = strconv.Atoi(n); !ok || !ok2 || err != nil {
		return 0, "", fmt.Errorf("%w: unrecognised manifest", ErrCorrupt)
	}
	return count, s, nil
}

// writeSnapshot writes quads (sorted and without duplicates) and their
// manifest into the generation at path, synced to disk.
func writeSnapshot(ctx context.Context, path string, quads []term.Quad) error {
	f, err := os.Create(filepath.Join(path, snapshotData))
	if err != nil {
		return err
	}
	h := sha256.New()
	w := bufio.NewWriterSize(io.MultiWriter(f, h), 1<<20)
	for i, q := range quads {
		if i%65536 == 0 {
			if err := ctx.Err(); err != nil {
				f.Close()
				return err
			}
		}
		w.WriteString(q.String())
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	manifest := fmt.Sprintf("%s\nquads %d\nsha256 %s\n", manifestMagic, len(quads), hex.EncodeToString(h.Sum(nil)))
	if err := os.WriteFile(filepath.Join(path, snapshotManifest), []byte(manifest), 0o644); err != nil {
		return err
	}
	if err := syncFile(filepath.Join(path, snapshotManifest)); err != nil {
		return err
	}
	syncDir(path)
	return nil
}

func (s *snapshot) Replace(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", s.gens.dir, err)
	}
	sorted := slices.Clone(quads)
	slices.SortFunc(sorted, term.CompareQuads)
	sorted = slices.Compact(sorted)
	return s.install(ctx, sorted)
}

// install writes sorted quads as a new generation, reads it back and
// verifies it, switches to it and replaces the in-memory graph. Until the
// switch the live generation is untouched.
func (s *snapshot) install(ctx context.Context, sorted []term.Quad) error {
	path, err := s.gens.create()
	if err != nil {
		return err
	}
	if err := writeSnapshot(ctx, path, sorted); err != nil {
		os.RemoveAll(path)
		return fmt.Errorf("store %s: %w", s.gens.dir, err)
	}
	if err := verifySnapshot(ctx, path, sorted); err != nil {
		os.RemoveAll(path)
		return fmt.Errorf("store %s: the new generation did not read back: %w", s.gens.dir, err)
	}
	if err := s.gens.commit(path); err != nil {
		os.RemoveAll(path)
		return err
	}
	s.mu.Lock()
	if s.loaded {
		s.qs.Close()
		s.qs, s.loaded = nil, false
	}
	s.quads, s.gen = sorted, filepath.Base(path)
	s.mu.Unlock()
	s.gens.removeStale()
	return nil
}

// Add writes a new generation holding the old quads and the new ones.
func (s *snapshot) Add(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", s.gens.dir, err)
	}
	all := s.quads
	add := slices.Clone(quads)
	slices.SortFunc(add, term.CompareQuads)
	merged := make([]term.Quad, 0, len(all)+len(add))
	i, j := 0, 0
	for i < len(all) || j < len(add) {
		switch {
		case j == len(add) || i < len(all) && term.CompareQuads(all[i], add[j]) < 0:
			merged = append(merged, all[i])
			i++
		case i == len(all) || term.CompareQuads(all[i], add[j]) > 0:
			merged = append(merged, add[j])
			j++
		default:
			merged = append(merged, all[i])
			i++
			j++
		}
	}
	return s.install(ctx, slices.Compact(merged))
}

func (s *snapshot) Location() string { return s.gens.dir }

func (s *snapshot) Close() error {
	var err error
	if s.loaded {
		err = s.qs.Close()
	}
	s.gens.close()
	return err
}
