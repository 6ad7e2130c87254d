package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"kg/store/disk"
	"kg/term"
)

// snapshot is the default embedded store: generations in the format of
// package disk, which is at once the stored graph and the query engine's
// index. Opening maps the live generation's files without reading them,
// so a process pays only for what it touches; writes build a new
// generation beside the live one and switch to it atomically.
type snapshot struct {
	gens *genDir
	mu   sync.Mutex
	gen  string      // name of the generation of ix, "" before the first build
	ix   *disk.Index // the live graph, nil before the first build

	runRecords int // of the sort runs of a build; 0: disk.DefaultRunRecords
}

// Indexed is implemented by stores whose graph is a mapped disk.Index, so
// that the query engine can read its dictionary and orders in place.
type Indexed interface {
	// Index returns the live graph's index; nil when nothing is stored.
	Index() *disk.Index
}

// Verifier is implemented by stores that can check every stored file
// against its checksum.
type Verifier interface {
	Verify(ctx context.Context) error
}

func openSnapshot(ctx context.Context, dir string, opt Options) (*snapshot, error) {
	// Readers map an immutable generation, whose files stay readable
	// even when a writer removes them, so they take no lock: kg query
	// and kg serve keep working while kg build writes the next one.
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
		ix, err := disk.Open(path)
		if err != nil {
			// A writer may have committed a newer generation and removed
			// this one while it was being opened: open the new one.
			if now, ok, _ := gens.current(); ok && now != path && attempt < 5 {
				continue
			}
			s.Close()
			return nil, fmt.Errorf("store %s: %w", dir, err)
		}
		s.ix, s.gen = ix, filepath.Base(path)
		return s, nil
	}
}

// Index implements Indexed.
func (s *snapshot) Index() *disk.Index {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ix
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

// Verify checks every file of the live generation against its checksum.
func (s *snapshot) Verify(ctx context.Context) error {
	ix := s.Index()
	if ix == nil {
		return nil
	}
	if err := disk.Verify(ix.Dir()); err != nil {
		return fmt.Errorf("store %s: %w", s.gens.dir, err)
	}
	return nil
}

func (s *snapshot) Stats(ctx context.Context) (Stats, error) {
	ix := s.Index()
	if ix == nil {
		return Stats{}, nil
	}
	return Stats{Quads: ix.Quads(), Nodes: int64(ix.Terms())}, nil
}

func (s *snapshot) Empty(ctx context.Context) (bool, error) {
	ix := s.Index()
	return ix == nil || ix.Quads() == 0, nil
}

func (s *snapshot) Replace(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", s.gens.dir, err)
	}
	return s.install(ctx, build{fill: func(b *disk.Builder) error { return addAll(ctx, b, quads) }})
}

// Add writes a new generation holding the old quads and the new ones.
func (s *snapshot) Add(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", s.gens.dir, err)
	}
	old := s.Index()
	return s.install(ctx, build{fill: func(b *disk.Builder) error {
		if old != nil {
			if err := b.AddIndex(ctx, old); err != nil {
				return err
			}
		}
		return addAll(ctx, b, quads)
	}})
}

func addAll(ctx context.Context, b *disk.Builder, quads []term.Quad) error {
	for i, q := range quads {
		if i&0xFFFF == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := b.Add(q); err != nil {
			return err
		}
	}
	return nil
}

// build says how install writes a generation: fill adds the quads,
// derive (optional) adds what follows from them, progress (optional) is
// told how the writing advances.
type build struct {
	fill     func(*disk.Builder) error
	derive   *disk.Derivation
	progress func(phase string, done, total int64)
}

// install writes a new generation, checks it against its checksums,
// opens it and switches to it. Until the switch the live generation is
// untouched; a failure removes the new one.
func (s *snapshot) install(ctx context.Context, how build) error {
	path, err := s.gens.create()
	if err != nil {
		return err
	}
	fail := func(err error) error {
		os.RemoveAll(path)
		return fmt.Errorf("store %s: %w", s.gens.dir, err)
	}
	b := disk.NewBuilder(path, s.runRecords)
	b.Progress = how.progress
	if err := how.fill(b); err != nil {
		b.Abandon()
		return fail(err)
	}
	if _, err := b.FinishDerived(ctx, how.derive); err != nil {
		return fail(err)
	}
	if how.progress != nil {
		how.progress(PhaseVerify, 0, 0)
	}
	if err := disk.Verify(path); err != nil {
		return fail(fmt.Errorf("the new generation did not read back: %w", err))
	}
	ix, err := disk.Open(path)
	if err != nil {
		return fail(fmt.Errorf("the new generation did not open: %w", err))
	}
	if err := s.gens.commit(path); err != nil {
		os.RemoveAll(path)
		return err
	}
	s.mu.Lock()
	s.ix, s.gen = ix, filepath.Base(path)
	s.mu.Unlock()
	s.gens.removeStale()
	return nil
}

func (s *snapshot) Location() string { return s.gens.dir }

// Close releases the directory's lock. The mapped files stay readable by
// whoever still holds the index; they are unmapped when it is garbage.
func (s *snapshot) Close() error {
	s.gens.close()
	return nil
}
