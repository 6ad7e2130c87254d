package disk

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"unsafe"

	"golang.org/x/sys/unix"

	"kg/term"
)

// Triple is three term ids in the positions of the order it belongs to.
type Triple = [3]uint32

// Graph is one graph's triples in the three sorted orders, viewed in place
// in the mapped files.
type Graph struct {
	key           uint32
	SPO, POS, OSP []Triple
}

// ID is the term id of the graph's name; 0 for the default graph.
func (g Graph) ID() uint32 { return g.key - 1 }

// Index is an open generation: its files mapped read-only. The mappings
// stay until the Index is garbage; slices taken from it are valid only
// while the Index is reachable.
type Index struct {
	dir    string
	quads  int64
	ends   []uint64 // ends[id-1] is where the record of id ends in recs
	sorted []uint32 // ids in the order of their records
	recs   []byte
	union  Graph
	graphs []Graph
	cache  []atomic.Pointer[term.Term]
	found  sync.Map // term.Term → uint32, terms found (misses are not kept, so it stays within the dictionary)
}

// Open maps the generation in dir and checks its manifest, the sizes of
// its files and their headers; anything that does not fit is ErrCorrupt.
func Open(dir string) (*Index, error) {
	if binary.NativeEndian.Uint16([]byte{1, 0}) != 1 {
		return nil, fmt.Errorf("disk: the store format needs a little-endian machine")
	}
	m, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	ix := &Index{dir: dir, quads: m.quads}
	var maps [][]byte
	mapped := map[string][]byte{}
	for _, name := range append([]string{termsFile, graphsFile}, orderFiles[:]...) {
		data, err := mapFile(dir, name, m)
		if err != nil {
			unmap(maps)
			return nil, err
		}
		maps = append(maps, data)
		mapped[name] = data
	}
	runtime.AddCleanup(ix, unmap, maps)
	if err := ix.viewTerms(mapped[termsFile], m.terms); err != nil {
		return nil, err
	}
	if err := ix.viewGraphs(mapped); err != nil {
		return nil, err
	}
	ix.cache = make([]atomic.Pointer[term.Term], len(ix.ends)+1)
	return ix, nil
}

// mapFile maps one file after checking its size against the manifest.
func mapFile(dir, name string, m *manifest) ([]byte, error) {
	want, err := m.size(name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if fi.Size() != want || want < headerSize {
		return nil, fmt.Errorf("%w: %s has %d bytes, %s says %d", ErrCorrupt, name, fi.Size(), Manifest, want)
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(want), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("%w: mapping %s: %v", ErrCorrupt, name, err)
	}
	return data, nil
}

func unmap(maps [][]byte) {
	for _, m := range maps {
		unix.Munmap(m)
	}
}

// viewTerms checks the dictionary's header and sizes and views its arrays.
func (ix *Index) viewTerms(data []byte, terms int64) error {
	bad := func(what string) error { return fmt.Errorf("%w: %s: %s", ErrCorrupt, termsFile, what) }
	if [8]byte(data[:8]) != termsMagic {
		return bad("not a term dictionary of this version")
	}
	n := binary.LittleEndian.Uint64(data[8:])
	if int64(n) != terms || n >= 1<<32-1 {
		return bad("term count differs from the manifest")
	}
	idsAt := headerSize + 8*n
	recsAt := idsAt + 4*n + 4*(n%2)
	if recsAt > uint64(len(data)) {
		return bad("truncated")
	}
	ix.ends = view[uint64](data[headerSize:idsAt])
	ix.sorted = view[uint32](data[idsAt : idsAt+4*n])
	ix.recs = data[recsAt:]
	if n > 0 && ix.ends[n-1] != uint64(len(ix.recs)) {
		return bad("records do not end where the file does")
	}
	return nil
}

// viewGraphs checks the graph table against the order files and views
// each graph's triples.
func (ix *Index) viewGraphs(mapped map[string][]byte) error {
	bad := func(what string) error { return fmt.Errorf("%w: %s: %s", ErrCorrupt, graphsFile, what) }
	data := mapped[graphsFile]
	if [8]byte(data[:8]) != graphsMagic {
		return bad("not a graph table of this version")
	}
	ng := binary.LittleEndian.Uint64(data[8:])
	if uint64(len(data)-headerSize) != ng*graphSize {
		return bad("size does not fit its graph count")
	}
	var orders [3][]Triple
	for i, name := range orderFiles {
		d := mapped[name]
		if [8]byte(d[:8]) != orderMagic[i] || (len(d)-headerSize)%12 != 0 {
			return fmt.Errorf("%w: %s: not a triple order of this version", ErrCorrupt, name)
		}
		orders[i] = view[Triple](d[headerSize:])
	}
	next, quads := uint64(0), int64(0)
	for i := range ng {
		e := data[headerSize+i*graphSize:]
		key := binary.LittleEndian.Uint32(e)
		start, count := binary.LittleEndian.Uint64(e[8:]), binary.LittleEndian.Uint64(e[16:])
		if start != next || count > uint64(len(orders[0]))-start || (i > 0 && key <= ix.graphs[len(ix.graphs)-1].key) ||
			(i == 0) != (key == unionKey) || uint64(key) > uint64(len(ix.ends))+1 {
			return bad(fmt.Sprintf("entry %d does not fit", i))
		}
		next += count
		g := Graph{key: key}
		g.SPO, g.POS, g.OSP = orders[0][start:next], orders[1][start:next], orders[2][start:next]
		if key != unionKey {
			quads += int64(count)
		}
		ix.graphs = append(ix.graphs, g)
	}
	if next != uint64(len(orders[0])) || len(orders[1]) != len(orders[0]) || len(orders[2]) != len(orders[0]) || quads != ix.quads {
		return bad("the graphs do not cover the triple orders")
	}
	if len(ix.graphs) > 0 {
		ix.union, ix.graphs = ix.graphs[0], ix.graphs[1:]
	}
	return nil
}

// view reinterprets mapped bytes as a slice of T without copying.
func view[T any](b []byte) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if len(b) < size {
		return nil
	}
	return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), len(b)/size)
}

// Dir is the generation's directory.
func (ix *Index) Dir() string { return ix.dir }

// Quads is the number of stored quads (the union not counted).
func (ix *Index) Quads() int64 { return ix.quads }

// Terms is the number of terms; ids run from 1 to Terms.
func (ix *Index) Terms() int { return len(ix.ends) }

// Union is the default graph of queries: every triple of every graph, once.
func (ix *Index) Union() Graph { return ix.union }

// Graphs are the stored graphs: the default graph (ID 0) when it holds a
// quad, then the named graphs in order of their ids.
func (ix *Index) Graphs() []Graph { return ix.graphs }

// Graph returns the stored graph whose name has term id id (0: the
// default graph).
func (ix *Index) Graph(id uint32) (Graph, bool) {
	i := sort.Search(len(ix.graphs), func(i int) bool { return ix.graphs[i].key >= id+1 })
	if i < len(ix.graphs) && ix.graphs[i].key == id+1 {
		return ix.graphs[i], true
	}
	return Graph{}, false
}

// record returns the dictionary record of id, nil when there is none.
func (ix *Index) record(id uint32) []byte {
	if id == 0 || int(id) > len(ix.ends) {
		return nil
	}
	start := uint64(0)
	if id > 1 {
		start = ix.ends[id-2]
	}
	end := ix.ends[id-1]
	if start > end || end > uint64(len(ix.recs)) {
		return nil
	}
	return ix.recs[start:end]
}

// Term returns the term of id; the zero Term for 0 or an id the
// dictionary does not hold. Decoded terms are kept for the next call.
func (ix *Index) Term(id uint32) term.Term {
	if int(id) < len(ix.cache) {
		if t := ix.cache[id].Load(); t != nil {
			return *t
		}
	}
	t, ok := decodeTerm(ix.record(id))
	if !ok {
		return term.Term{}
	}
	ix.cache[id].Store(&t)
	return t
}

// Lookup returns the id of t; ok is false when the dictionary lacks it.
func (ix *Index) Lookup(t term.Term) (id uint32, ok bool) {
	// Queries look up the same constants and bound values again and
	// again; a binary search over the records costs far more than a map.
	if v, ok := ix.found.Load(t); ok {
		return v.(uint32), true
	}
	id, ok = ix.search(t)
	if ok {
		ix.found.Store(t, id)
	}
	return id, ok
}

func (ix *Index) search(t term.Term) (id uint32, ok bool) {
	key := encodeTerm(make([]byte, 0, 64), t)
	i := sort.Search(len(ix.sorted), func(i int) bool {
		return bytes.Compare(ix.record(ix.sorted[i]), key) >= 0
	})
	if i < len(ix.sorted) && bytes.Equal(ix.record(ix.sorted[i]), key) {
		return ix.sorted[i], true
	}
	return 0, false
}

// HasIRIPrefix reports whether the term of id is an IRI that starts with
// prefix, reading its record without decoding it.
func (ix *Index) HasIRIPrefix(id uint32, prefix string) bool {
	rec := ix.record(id)
	if len(rec) < 2 || term.Kind(rec[0]) != term.KindIRI {
		return false
	}
	n, w := binary.Uvarint(rec[1:])
	if w <= 0 || n > uint64(len(rec)-1-w) {
		return false
	}
	value := rec[1+w : 1+w+int(n)]
	return len(value) >= len(prefix) && string(value[:len(prefix)]) == prefix
}
