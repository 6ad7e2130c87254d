package disk

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"kg/term"
)

// DefaultRunRecords is how many records each of the three sorters holds
// in memory before it spills a run: 16 bytes each, so about 3 × 128 MB
// (twice that while a run is sorted) however large the input.
const DefaultRunRecords = 8 << 20

// Builder writes a generation. Add quads (in any order, duplicates
// allowed), then Finish; a Builder that is abandoned leaves only the
// files of its directory, which the caller removes.
type Builder struct {
	dir        string
	runRecords int
	ids        map[string]uint32
	terms      []string // encoded records; terms[id-1]
	sorters    [3]*sorter
	scratch    []byte
	old        *Index // kept reachable while its orders are merged

	// Progress, when set, is told how Finish advances: the phase (one of
	// the Phase constants) and how many of its total records are done.
	// It is called from one goroutine at a time.
	Progress func(phase string, done, total int64)
	mu       sync.Mutex // of Progress
}

// The phases of Finish that Progress reports.
const (
	// PhaseDerive: the Derive function of a Derivation runs.
	PhaseDerive = "derive"
	// PhaseWrite: the sorted runs are merged and the orders written.
	PhaseWrite = "write"
)

// NewBuilder returns a Builder writing into dir, an existing empty
// directory, with sort runs of runRecords records (DefaultRunRecords when
// zero or less).
func NewBuilder(dir string, runRecords int) *Builder {
	if runRecords <= 0 {
		runRecords = DefaultRunRecords
	}
	b := &Builder{dir: dir, runRecords: runRecords, ids: map[string]uint32{}}
	for i := range b.sorters {
		b.sorters[i] = newSorter(dir, runRecords)
	}
	return b
}

// Terms returns how many distinct terms have been interned.
func (b *Builder) Terms() int { return len(b.terms) }

// intern returns the id of t, assigning the next one to a new term.
func (b *Builder) intern(t term.Term) uint32 {
	b.scratch = encodeTerm(b.scratch[:0], t)
	if id, ok := b.ids[string(b.scratch)]; ok {
		return id
	}
	rec := string(b.scratch)
	b.terms = append(b.terms, rec)
	id := uint32(len(b.terms))
	b.ids[rec] = id
	return id
}

// Add adds a quad; a zero G is the default graph.
func (b *Builder) Add(q term.Quad) error {
	key := uint32(defaultKey)
	if !q.G.IsZero() {
		key = keyOf(b.intern(q.G))
	}
	return addIDs(b.sorters, key, b.intern(q.S), b.intern(q.P), b.intern(q.O))
}

// addIDs adds a triple of term ids to the graph of key and to the union,
// in the three orders.
func addIDs(sorters [3]*sorter, key, s, p, o uint32) error {
	orders := [3][3]uint32{{s, p, o}, {p, o, s}, {o, s, p}}
	full := false
	for i, t := range orders {
		sorters[i].add(record{key, t[0], t[1], t[2]})
		full = sorters[i].add(record{unionKey, t[0], t[1], t[2]}) || full
	}
	if !full {
		return nil
	}
	// The sorters fill at the same pace: spill them at the same time.
	var errs [3]error
	var wg sync.WaitGroup
	for i, st := range sorters {
		if st.full() {
			wg.Go(func() { errs[i] = st.spill() })
		}
	}
	wg.Wait()
	return errors.Join(errs[:]...)
}

// AddIndex adds every stored quad of ix, keeping its term ids: it must be
// called first, before any other Add. Its orders are already sorted, so
// Finish merges them with the new quads rather than sorting them again.
func (b *Builder) AddIndex(ctx context.Context, ix *Index) error {
	if len(b.terms) != 0 || b.old != nil {
		return fmt.Errorf("disk: AddIndex after Add")
	}
	b.terms = slices.Grow(b.terms, ix.Terms())
	for id := uint32(1); id <= uint32(ix.Terms()); id++ {
		if id&0xFFFF == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec := string(ix.record(id))
		b.terms = append(b.terms, rec)
		b.ids[rec] = id
	}
	b.old = ix
	graphs := append([]Graph{ix.Union()}, ix.Graphs()...)
	for i, s := range b.sorters {
		s.pre = append(s.pre, newOrderSource(graphs, i))
	}
	return nil
}

// Finish sorts and writes the generation's files and its manifest, all
// synced, and returns the number of quads written.
func (b *Builder) Finish(ctx context.Context) (int64, error) {
	return b.FinishDerived(ctx, nil)
}

// FinishDerived is Finish that first adds what d derives from the
// complete graph; a nil d adds nothing.
func (b *Builder) FinishDerived(ctx context.Context, d *Derivation) (int64, error) {
	defer b.Abandon()
	var m manifest
	var table []graphEntry
	todo := []int{0, 1, 2}
	if d.needed(b) {
		t, sum, err := b.derive(ctx, d)
		if err != nil {
			return 0, err
		}
		table, todo = t, []int{0, 2}
		m.files = append(m.files, sum)
	}
	tables, sums, err := b.writeAll(ctx, todo)
	if err != nil {
		return 0, err
	}
	m.files = append(m.files, sums...)
	for _, t := range tables {
		if table != nil && !slices.Equal(t, table) {
			return 0, fmt.Errorf("disk: the orders of the triples disagree")
		}
		table = t
	}
	sum, err := b.writeGraphs(table)
	if err != nil {
		return 0, err
	}
	m.files = append(m.files, sum)
	order := append([]string{termsFile}, append(orderFiles[:], graphsFile)...)
	slices.SortFunc(m.files, func(x, y fileSum) int {
		return slices.Index(order, x.name) - slices.Index(order, y.name)
	})
	for _, g := range table {
		if g.key != unionKey {
			m.quads += int64(g.count)
		}
	}
	m.terms = int64(len(b.terms))
	if err := m.write(b.dir); err != nil {
		return 0, err
	}
	return m.quads, nil
}

// writeAll writes the dictionary and the orders todo at the same time,
// and returns each order's graph table and every file's checksum.
func (b *Builder) writeAll(ctx context.Context, todo []int) ([][]graphEntry, []fileSum, error) {
	var total int64
	for _, i := range todo {
		total += b.sorters[i].size()
	}
	w := &writeProgress{b: b, total: total}
	w.report(0)
	tables := make([][]graphEntry, len(todo))
	sums := make([]fileSum, len(todo)+1)
	// The first error stops the other writers.
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for j, i := range todo {
		wg.Go(func() {
			var err error
			if tables[j], sums[j], err = b.writeOrder(ctx, orderFiles[i], i, b.sorters[i], w); err != nil {
				cancel(err)
			}
		})
	}
	var err error
	if sums[len(todo)], err = b.writeTerms(ctx); err != nil {
		cancel(err)
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		return nil, nil, err
	}
	return tables, sums, nil
}

// writeProgress adds up the records written by the orders being written
// at the same time.
type writeProgress struct {
	b     *Builder
	total int64
	done  atomic.Int64
}

func (w *writeProgress) add(n int64) { w.report(w.done.Add(n)) }

func (w *writeProgress) report(done int64) {
	if w != nil {
		w.b.report(PhaseWrite, done, w.total)
	}
}

func (b *Builder) report(phase string, done, total int64) {
	if b.Progress == nil {
		return
	}
	b.mu.Lock()
	b.Progress(phase, done, total)
	b.mu.Unlock()
}

// output is a file being written with its checksum.
type output struct {
	f *os.File
	w *bufio.Writer
	h hash.Hash
	n int64
}

func create(dir, name string) (*output, error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	return &output{f: f, h: h, w: bufio.NewWriterSize(io.MultiWriter(f, h), 1<<20)}, nil
}

func (o *output) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	o.n += int64(n)
	return n, err
}

func (o *output) u32(x uint32) { o.Write(binary.LittleEndian.AppendUint32(nil, x)) }
func (o *output) u64(x uint64) { o.Write(binary.LittleEndian.AppendUint64(nil, x)) }

// close flushes, syncs and closes the file and returns its size and
// checksum.
func (o *output) close() (fileSum, error) {
	err := o.w.Flush()
	if err == nil {
		err = o.f.Sync()
	}
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fileSum{}, err
	}
	return fileSum{filepath.Base(o.f.Name()), o.n, hex.EncodeToString(o.h.Sum(nil))}, nil
}

// writeTerms writes the dictionary: the header, the end offset of every
// record, the ids sorted by record (for lookups by binary search), padding
// to 8 bytes, and the records.
func (b *Builder) writeTerms(ctx context.Context) (fileSum, error) {
	o, err := create(b.dir, termsFile)
	if err != nil {
		return fileSum{}, err
	}
	defer o.f.Close()
	n := len(b.terms)
	o.Write(termsMagic[:])
	o.u64(uint64(n))
	end := uint64(0)
	for _, t := range b.terms {
		end += uint64(len(t))
		o.u64(end)
	}
	sorted := make([]uint32, n)
	for i := range sorted {
		sorted[i] = uint32(i + 1)
	}
	slices.SortFunc(sorted, func(x, y uint32) int { return strings.Compare(b.terms[x-1], b.terms[y-1]) })
	if err := ctx.Err(); err != nil {
		return fileSum{}, err
	}
	for _, id := range sorted {
		o.u32(id)
	}
	if n%2 == 1 {
		o.u32(0)
	}
	for _, t := range b.terms {
		io.WriteString(o, t)
	}
	return o.close()
}

// graphEntry locates one graph's triples in each order file.
type graphEntry struct {
	key          uint32
	start, count uint64
}

// writeOrder writes the file name of order i from the sorter s and
// returns where each graph's triples start, and the file's checksum.
func (b *Builder) writeOrder(ctx context.Context, name string, i int, s *sorter, w *writeProgress) ([]graphEntry, fileSum, error) {
	o, err := create(b.dir, name)
	if err != nil {
		return nil, fileSum{}, err
	}
	defer o.f.Close()
	o.Write(orderMagic[i][:])
	o.u64(0) // reserved: the graph table gives the counts
	var table []graphEntry
	var n uint64
	buf := make([]byte, 0, 12<<10)
	size, told := s.size(), int64(0)
	err = s.each(func(r record) error {
		if n&0xFFFF == 0 && n > 0 {
			w.add(0x10000)
			told += 0x10000
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if len(table) == 0 || table[len(table)-1].key != r[0] {
			table = append(table, graphEntry{key: r[0], start: n})
		}
		table[len(table)-1].count++
		n++
		for j := 1; j < 4; j++ {
			buf = binary.LittleEndian.AppendUint32(buf, r[j])
		}
		if len(buf) == cap(buf) {
			_, err := o.Write(buf)
			buf = buf[:0]
			return err
		}
		return nil
	})
	if err == nil {
		_, err = o.Write(buf)
	}
	if err != nil {
		return nil, fileSum{}, err
	}
	s.remove()
	w.add(size - told) // the duplicates dropped, to reach the total
	sum, err := o.close()
	return table, sum, err
}

// writeGraphs writes the graph table; every graph that received a quad
// has an entry.
func (b *Builder) writeGraphs(table []graphEntry) (fileSum, error) {
	o, err := create(b.dir, graphsFile)
	if err != nil {
		return fileSum{}, err
	}
	defer o.f.Close()
	o.Write(graphsMagic[:])
	o.u64(uint64(len(table)))
	for _, g := range table {
		o.u32(g.key)
		o.u32(0)
		o.u64(g.start)
		o.u64(g.count)
	}
	return o.close()
}

// Abandon removes the sort runs of a Builder that will not be finished.
func (b *Builder) Abandon() {
	for _, s := range b.sorters {
		s.remove()
	}
}
