package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cayleygraph/cayley/graph"
	// Registers the "bbolt" backend: Cayley's key-value store on
	// go.etcd.io/bbolt, the maintained fork of Bolt with the same file
	// format. The original github.com/boltdb/bolt converts pointers in
	// ways Go's checkptr (on under -race) rejects as unsafe.
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"

	"kg/term"
)

var ignoreDup = graph.IgnoreOpts{IgnoreDup: true}

const boltBackend = "bbolt"

// boltStore keeps generations of Cayley's Bolt key-value backend: indexes
// on disk, so graphs larger than memory can be served, at the price of
// slow bulk writes (about 30k quads/s here).
type boltStore struct {
	cayleyGraph
	gens *genDir
}

func openBolt(ctx context.Context, dir string, opt Options) (*boltStore, error) {
	mode := lockExclusive
	if opt.ReadOnly {
		mode = lockShared // Bolt reads its files for as long as it is open
	}
	gens, err := openGenDir(dir, mode)
	if err != nil {
		return nil, err
	}
	b := &boltStore{gens: gens}
	path, ok, err := gens.current()
	if err != nil {
		b.Close()
		return nil, err
	}
	if !ok || opt.ReplaceOnly {
		// Not built yet, or about to be replaced: an empty in-memory view
		// until Replace.
		m, _ := newMemory()
		b.qs = m.qs
		return b, nil
	}
	qs, err := openBoltGeneration(path)
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("store %s: %w: %v", dir, ErrCorrupt, err)
	}
	b.qs = qs
	return b, nil
}

// boltOptions turn off Cayley's bloom filters: two filters sized for 10⁸
// quads cost some 250 MB of memory, and loading 100k quads into a fresh
// generation measured 15% faster without them.
var boltOptions = graph.Options{"no_bloom": true}

func openBoltGeneration(path string) (qs graph.QuadStore, err error) {
	if _, err := os.Stat(filepath.Join(path, "indexes.bolt")); err != nil {
		return nil, err
	}
	// A damaged file can make the backend panic rather than fail.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return graph.NewQuadStore(boltBackend, path, boltOptions)
}

func (b *boltStore) Replace(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", b.Location(), err)
	}
	path, err := b.gens.create()
	if err != nil {
		return err
	}
	fail := func(err error) error {
		os.RemoveAll(path)
		return fmt.Errorf("store %s: %w", b.gens.dir, err)
	}
	opts := graph.Options{"nosync": true, "no_bloom": true}
	if err := graph.InitQuadStore(boltBackend, path, opts); err != nil {
		return fail(err)
	}
	qs, err := graph.NewQuadStore(boltBackend, path, opts)
	if err != nil {
		return fail(err)
	}
	if err := write(ctx, qs, quads); err != nil {
		qs.Close()
		return fail(err)
	}
	if err := qs.Close(); err != nil {
		return fail(err)
	}
	if err := syncFile(filepath.Join(path, "indexes.bolt")); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	nqs, err := openBoltGeneration(path)
	if err != nil {
		return fail(err)
	}
	if err := verifyGraph(ctx, &cayleyGraph{qs: nqs}, quads); err != nil {
		nqs.Close()
		return fail(fmt.Errorf("the new generation did not read back: %w", err))
	}
	if err := b.gens.commit(path); err != nil {
		nqs.Close()
		return fail(err)
	}
	b.qs.Close()
	b.qs = nqs
	b.gens.removeStale()
	return nil
}

// Add writes into the live generation within one Bolt transaction.
func (b *boltStore) Add(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store %s: %w", b.Location(), err)
	}
	if b.gens.readOnly {
		return fmt.Errorf("store %s: opened read-only", b.gens.dir)
	}
	if _, ok, _ := b.gens.current(); !ok {
		return b.Replace(ctx, quads)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return b.qs.ApplyDeltas(deltas(quads, graph.Add), ignoreDup)
}

func (b *boltStore) Location() string { return "bolt:" + b.gens.dir }

func (b *boltStore) Close() error {
	var err error
	if b.qs != nil {
		err = b.qs.Close()
	}
	b.gens.close()
	return err
}
