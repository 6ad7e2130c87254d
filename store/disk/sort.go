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
// memory and spills each full buffer to a run file; the runs are merged
// when they are read.
type sorter struct {
	dir   string
	limit int
	buf   []record
	runs  []string
}

func newSorter(dir string, limit int) *sorter {
	return &sorter{dir: dir, limit: limit}
}

func (s *sorter) add(r record) error {
	s.buf = append(s.buf, r)
	if len(s.buf) >= s.limit {
		return s.spill()
	}
	return nil
}

// spill writes the buffer, sorted and without duplicates, as a run.
func (s *sorter) spill() error {
	run := sortRecords(s.buf)
	f, err := os.CreateTemp(s.dir, "run-*")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var b [16]byte
	for _, r := range run {
		putRecord(b[:], r)
		w.Write(b[:])
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
	s.buf = s.buf[:0]
	return nil
}

// each calls fn for every record in order, each once.
func (s *sorter) each(fn func(record) error) error {
	if len(s.runs) == 0 {
		for _, r := range sortRecords(s.buf) {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	if len(s.buf) > 0 {
		if err := s.spill(); err != nil {
			return err
		}
	}
	s.buf = nil
	return s.merge(fn)
}

// merge reads the runs through a heap, dropping duplicates across runs.
func (s *sorter) merge(fn func(record) error) error {
	h := &runHeap{}
	for _, name := range s.runs {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		rr := &runReader{r: bufio.NewReaderSize(f, 1<<18)}
		if ok, err := rr.next(); err != nil {
			return err
		} else if ok {
			heap.Push(h, rr)
		}
	}
	var last record
	first := true
	for h.Len() > 0 {
		rr := (*h)[0]
		if first || rr.cur != last {
			if err := fn(rr.cur); err != nil {
				return err
			}
			last, first = rr.cur, false
		}
		ok, err := rr.next()
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
	s.runs = nil
}

type runReader struct {
	r   *bufio.Reader
	cur record
	b   [16]byte
}

func (rr *runReader) next() (bool, error) {
	if _, err := io.ReadFull(rr.r, rr.b[:]); err != nil {
		if err == io.EOF {
			return false, nil
		}
		return false, fmt.Errorf("reading a sort run: %w", err)
	}
	for i := range rr.cur {
		rr.cur[i] = binary.LittleEndian.Uint32(rr.b[4*i:])
	}
	return true, nil
}

type runHeap []*runReader

func (h runHeap) Len() int           { return len(h) }
func (h runHeap) Less(i, j int) bool { return compareRecords(h[i].cur, h[j].cur) < 0 }
func (h runHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)        { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func putRecord(b []byte, r record) {
	for i, x := range r {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
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
