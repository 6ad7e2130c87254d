package store

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"kg/store/disk"
	"kg/term"
)

// Load is an addition of many quads, read as a stream.
type Load struct {
	// Quads calls add for every quad to add. An error, its own or one
	// that add returned, abandons the load: the store stays as it was.
	Quads func(add func(term.Quad) error) error
	// Checked says that the caller has checked every quad (term.Checker),
	// where it can name the place of a bad one; otherwise Load checks.
	Checked bool
	// Derive, when set, computes quads to add from everything the store
	// will hold (an entailment), once the stream has ended.
	Derive *disk.Derivation
	// Progress, when set, is told how the writing advances after the
	// stream has ended: a phase (disk.PhaseDerive, disk.PhaseWrite,
	// PhaseVerify) and the records of its total done (0 when unknown).
	Progress func(phase string, done, total int64)
}

// PhaseVerify is the phase of a load that reads the new generation back
// against its checksums.
const PhaseVerify = "verify"

// Loader is implemented by stores that add a stream of quads in bounded
// memory: the quads go into the new graph as they arrive, never all held
// at once.
type Loader interface {
	// Load adds the quads of l (duplicates are ignored) in one
	// transaction and returns how many quads the store then holds.
	Load(ctx context.Context, l Load) (int64, error)
}

// Load writes a new generation holding the old quads, the streamed ones
// and what l.Derive derives from them all. The old generation's orders
// are merged as they are, not decoded to terms.
func (s *snapshot) Load(ctx context.Context, l Load) (int64, error) {
	old := s.Index()
	err := s.install(ctx, build{
		fill: func(b *disk.Builder) error {
			if old != nil {
				if err := b.AddIndex(ctx, old); err != nil {
					return err
				}
			}
			return feed(ctx, b, l)
		},
		derive:   l.Derive,
		progress: l.Progress,
	})
	if err != nil {
		return 0, err
	}
	return s.Index().Quads(), nil
}

// errStopped ends a stream whose consumer has failed.
var errStopped = errors.New("load stopped")

// feed adds the quads of l to b on a goroutine of its own, so that
// reading the stream (parsing) and interning and sorting run at the same
// time; quads pass between them in batches.
func feed(ctx context.Context, b *disk.Builder, l Load) error {
	const batchSize = 1024
	full := make(chan []term.Quad, 8)
	empty := make(chan []term.Quad, 8)
	done := make(chan error, 1)
	var failed atomic.Bool
	go func() {
		var err error
		var c term.Checker
		for batch := range full {
			for i := 0; i < len(batch) && err == nil; i++ {
				if !l.Checked {
					if cerr := c.Quad(batch[i]); cerr != nil {
						err = fmt.Errorf("%w: %s: %v", ErrInvalid, shortQuad(batch[i]), cerr)
						break
					}
				}
				err = b.Add(batch[i])
			}
			if err != nil {
				failed.Store(true)
			}
			clear(batch)
			select {
			case empty <- batch[:0]:
			default:
			}
		}
		done <- err
	}()
	batch := make([]term.Quad, 0, batchSize)
	err := l.Quads(func(q term.Quad) error {
		batch = append(batch, q)
		if len(batch) < batchSize {
			return nil
		}
		if failed.Load() {
			return errStopped
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		select {
		case full <- batch:
		case <-ctx.Done():
			return ctx.Err()
		}
		select {
		case batch = <-empty:
		default:
			batch = make([]term.Quad, 0, batchSize)
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		full <- batch
	}
	close(full)
	werr := <-done
	switch {
	case werr != nil && (err == nil || errors.Is(err, errStopped)):
		return werr
	case err != nil:
		return err
	}
	return ctx.Err()
}
