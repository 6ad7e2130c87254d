package disk

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
)

// record is one entry of a sorted order: the graph key, then the three
// term ids in the order's positions.
type record [4]uint32

func compareRecords(a, b record) int {
	for i := range a {
		if c := cmp.Compare(a[i], b[i]); c != 0 {
			return c
		}
	}
	return 0
}

// sorter sorts records in bounded memory: it sorts up to limit records in
// memory and spills each full buffer to a run file; the runs, the last
// buffer (sorted in memory) and any sorted sources given (the orders of a
// stored generation) are merged when they are read.
type sorter struct {
	dir   string
	limit int
	buf   []record
	runs  []string
	count int64 // records in the runs
	pre   []source
}

// source is a sorted sequence of records, read one at a time.
type source interface {
	// next reads the next record into *r; false at the end.
	next(r *record) (bool, error)
}

func newSorter(dir string, limit int) *sorter {
	return &sorter{dir: dir, limit: limit}
}

// add adds r and reports whether the buffer is full, to be spilled.
func (s *sorter) add(r record) bool {
	s.buf = append(s.buf, r)
	return s.full()
}

func (s *sorter) full() bool { return len(s.buf) >= s.limit }

// spill writes the buffer, sorted and without duplicates, as a run.
func (s *sorter) spill() error {
	run := sortRecords(s.buf)
	f, err := os.CreateTemp(s.dir, "run-*")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	b := make([]byte, 0, 16<<10)
	var last record
	for i, r := range run {
		b = appendDelta(b, last, r)
		last = r
		if len(b) > cap(b)-32 || i == len(run)-1 {
			w.Write(b)
			b = b[:0]
		}
	}
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	s.runs = append(s.runs, f.Name())
	s.count += int64(len(run))
	s.buf = s.buf[:0]
	return nil
}

// appendDelta appends r as it follows prev in a run, in a few bytes: the
// index i of the first column in which they differ, the difference there
// and the columns after i, all as uvarints. Sorted records share their
// first columns, and ids that follow each other differ little.
func appendDelta(b []byte, prev, r record) []byte {
	i := 0
	for i < 3 && r[i] == prev[i] {
		i++
	}
	b = append(b, byte(i))
	b = binary.AppendUvarint(b, uint64(r[i]-prev[i]))
	for _, x := range r[i+1:] {
		b = binary.AppendUvarint(b, uint64(x))
	}
	return b
}

// size is the number of records added and given, duplicates counted.
func (s *sorter) size() int64 {
	n := int64(len(s.buf)) + s.count
	for _, p := range s.pre {
		if o, ok := p.(*orderSource); ok {
			n += o.len() + int64(len(o.ts))
		}
	}
	return n
}

// each calls fn for every record in order, each once. The sorter is
// spent afterwards.
func (s *sorter) each(fn func(record) error) error {
	last := sortRecords(s.buf)
	s.buf = nil
	if len(s.runs) == 0 && len(s.pre) == 0 {
		for _, r := range last {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	srcs := append([]source{&memSource{rs: last}}, s.pre...)
	for _, name := range s.runs {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		srcs = append(srcs, &runReader{r: bufio.NewReaderSize(f, 1<<18)})
	}
	return merge(srcs, fn)
}

// merge reads sorted sources through a heap, dropping duplicates across
// them.
func merge(srcs []source, fn func(record) error) error {
	h := &runHeap{}
	for _, src := range srcs {
		c := &cursor{src: src}
		if ok, err := src.next(&c.cur); err != nil {
			return err
		} else if ok {
			*h = append(*h, c)
		}
	}
	heap.Init(h)
	var last record
	first := true
	for h.Len() > 0 {
		c := (*h)[0]
		if first || c.cur != last {
			if err := fn(c.cur); err != nil {
				return err
			}
			last, first = c.cur, false
		}
		ok, err := c.src.next(&c.cur)
		if err != nil {
			return err
		}
		if ok {
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	return nil
}

// remove deletes the run files.
func (s *sorter) remove() {
	for _, name := range s.runs {
		os.Remove(name)
	}
	s.runs, s.count = nil, 0
}

// memSource reads a sorted slice.
type memSource struct {
	rs []record
	i  int
}

func (m *memSource) next(r *record) (bool, error) {
	if m.i == len(m.rs) {
		return false, nil
	}
	*r = m.rs[m.i]
	m.i++
	return true, nil
}

// runReader reads a run file written by spill.
type runReader struct {
	r    *bufio.Reader
	last record
}

func (rr *runReader) next(r *record) (bool, error) {
	i, err := rr.r.ReadByte()
	if err == io.EOF {
		return false, nil
	}
	bad := func(err error) (bool, error) {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return false, fmt.Errorf("reading a sort run: %w", err)
	}
	if err != nil {
		return bad(err)
	}
	if i > 3 {
		return false, fmt.Errorf("reading a sort run: bad record")
	}
	d, err := binary.ReadUvarint(rr.r)
	if err != nil {
		return bad(err)
	}
	rr.last[i] += uint32(d)
	for j := i + 1; j < 4; j++ {
		x, err := binary.ReadUvarint(rr.r)
		if err != nil {
			return bad(err)
		}
		rr.last[j] = uint32(x)
	}
	*r = rr.last
	return true, nil
}

// orderSource reads one order of stored graphs (the union first, then
// the graphs in key order) as records.
type orderSource struct {
	graphs []Graph
	order  int
	key    uint32
	ts     []Triple
}

func newOrderSource(graphs []Graph, order int) *orderSource {
	return &orderSource{graphs: graphs, order: order}
}

func (o *orderSource) triples(g Graph) []Triple {
	return [3][]Triple{g.SPO, g.POS, g.OSP}[o.order]
}

func (o *orderSource) len() int64 {
	n := int64(0)
	for _, g := range o.graphs {
		n += int64(len(o.triples(g)))
	}
	return n
}

func (o *orderSource) next(r *record) (bool, error) {
	for len(o.ts) == 0 {
		if len(o.graphs) == 0 {
			return false, nil
		}
		o.key, o.ts = o.graphs[0].key, o.triples(o.graphs[0])
		o.graphs = o.graphs[1:]
	}
	t := o.ts[0]
	o.ts = o.ts[1:]
	*r = record{o.key, t[0], t[1], t[2]}
	return true, nil
}

type cursor struct {
	src source
	cur record
}

type runHeap []*cursor

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return compareRecords(h[i].cur, h[j].cur) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*cursor)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// sortRecords sorts rs and drops duplicates. Large slices are radix
// sorted (least significant digit first, 16-bit digits, skipping the
// digits above each column's largest value), several times faster than
// comparison sorting for millions of records.
func sortRecords(rs []record) []record {
	if len(rs) < 4096 {
		slices.SortFunc(rs, compareRecords)
		return slices.Compact(rs)
	}
	var top record
	for _, r := range rs {
		for i, x := range r {
			top[i] = max(top[i], x)
		}
	}
	buf := make([]record, len(rs))
	src, dst := rs, buf
	var count [1 << 16]int
	for col := 3; col >= 0; col-- {
		for shift := uint(0); shift < 32 && (shift == 0 || top[col]>>shift != 0); shift += 16 {
			clear(count[:])
			for _, r := range src {
				count[(r[col]>>shift)&0xFFFF]++
			}
			pos := 0
			for i, c := range count {
				count[i], pos = pos, pos+c
			}
			for _, r := range src {
				k := (r[col] >> shift) & 0xFFFF
				dst[count[k]] = r
				count[k]++
			}
			src, dst = dst, src
		}
	}
	if &src[0] != &rs[0] {
		copy(rs, src)
	}
	return slices.Compact(rs)
}
