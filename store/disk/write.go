package disk

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
	dir     string
	ids     map[string]uint32
	terms   []string // encoded records; terms[id-1]
	sorters [3]*sorter
	scratch []byte
}

// NewBuilder returns a Builder writing into dir, an existing empty
// directory, with sort runs of runRecords records (DefaultRunRecords when
// zero or less).
func NewBuilder(dir string, runRecords int) *Builder {
	if runRecords <= 0 {
		runRecords = DefaultRunRecords
	}
	b := &Builder{dir: dir, ids: map[string]uint32{}}
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
	return b.addIDs(key, b.intern(q.S), b.intern(q.P), b.intern(q.O))
}

// addIDs adds a triple of term ids to the graph of key and to the union.
func (b *Builder) addIDs(key, s, p, o uint32) error {
	orders := [3][3]uint32{{s, p, o}, {p, o, s}, {o, s, p}}
	for i, t := range orders {
		if err := b.sorters[i].add(record{key, t[0], t[1], t[2]}); err != nil {
			return err
		}
		if err := b.sorters[i].add(record{unionKey, t[0], t[1], t[2]}); err != nil {
			return err
		}
	}
	return nil
}

// AddIndex adds every stored quad of ix (not its union), keeping its term
// ids: it must be called first, before any other Add.
func (b *Builder) AddIndex(ctx context.Context, ix *Index) error {
	if len(b.terms) != 0 {
		return fmt.Errorf("disk: AddIndex after Add")
	}
	for id := uint32(1); id <= uint32(ix.Terms()); id++ {
		rec := string(ix.record(id))
		b.terms = append(b.terms, rec)
		b.ids[rec] = id
	}
	for _, g := range ix.Graphs() {
		for i, t := range g.SPO {
			if i&0xFFFF == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if err := b.addIDs(g.key, t[0], t[1], t[2]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Finish sorts and writes the generation's files and its manifest, all
// synced, and returns the number of quads written.
func (b *Builder) Finish(ctx context.Context) (int64, error) {
	defer func() {
		for _, s := range b.sorters {
			s.remove()
		}
	}()
	var m manifest
	if err := b.writeTerms(ctx, &m); err != nil {
		return 0, err
	}
	var table []graphEntry
	for i, s := range b.sorters {
		t, err := b.writeOrder(ctx, i, s, &m)
		if err != nil {
			return 0, err
		}
		if i > 0 && !slices.Equal(t, table) {
			return 0, fmt.Errorf("disk: the orders of the triples disagree")
		}
		table = t
	}
	if err := b.writeGraphs(table, &m); err != nil {
		return 0, err
	}
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

// close flushes, syncs and closes the file and records it in m.
func (o *output) close(m *manifest) error {
	err := o.w.Flush()
	if err == nil {
		err = o.f.Sync()
	}
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	m.files = append(m.files, fileSum{filepath.Base(o.f.Name()), o.n, hex.EncodeToString(o.h.Sum(nil))})
	return nil
}

// writeTerms writes the dictionary: the header, the end offset of every
// record, the ids sorted by record (for lookups by binary search), padding
// to 8 bytes, and the records.
func (b *Builder) writeTerms(ctx context.Context, m *manifest) error {
	o, err := create(b.dir, termsFile)
	if err != nil {
		return err
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
		return err
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
	return o.close(m)
}

// graphEntry locates one graph's triples in each order file.
type graphEntry struct {
	key          uint32
	start, count uint64
}

// writeOrder writes one order's file from its sorter and returns where
// each graph's triples start.
func (b *Builder) writeOrder(ctx context.Context, i int, s *sorter, m *manifest) ([]graphEntry, error) {
	o, err := create(b.dir, orderFiles[i])
	if err != nil {
		return nil, err
	}
	defer o.f.Close()
	o.Write(orderMagic[i][:])
	o.u64(0) // reserved: the graph table gives the counts
	var table []graphEntry
	var n uint64
	var rec [12]byte
	err = s.each(func(r record) error {
		if n&0xFFFF == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if len(table) == 0 || table[len(table)-1].key != r[0] {
			table = append(table, graphEntry{key: r[0], start: n})
		}
		table[len(table)-1].count++
		n++
		for j := range 3 {
			binary.LittleEndian.PutUint32(rec[4*j:], r[j+1])
		}
		_, err := o.Write(rec[:])
		return err
	})
	if err != nil {
		return nil, err
	}
	s.remove()
	return table, o.close(m)
}

// writeGraphs writes the graph table; every graph that received a quad
// has an entry.
func (b *Builder) writeGraphs(table []graphEntry, m *manifest) error {
	o, err := create(b.dir, graphsFile)
	if err != nil {
		return err
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
	return o.close(m)
}

// Abandon removes the sort runs of a Builder that will not be finished.
func (b *Builder) Abandon() {
	for _, s := range b.sorters {
		s.remove()
	}
}
