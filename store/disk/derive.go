package disk

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"

	"kg/term"
)

// Derivation computes quads to add to a generation from all of its quads
// (an entailment).
type Derivation struct {
	// Needs lists terms of which the generation must hold one for Derive
	// to add anything; when it holds none, Derive is not run and the
	// orders are written as by Finish. Empty: Derive always runs.
	Needs []term.Term
	// Derive reads the quads through v and calls add for each quad to
	// add, as term ids, in any order, duplicates allowed. Graph 0 is the
	// default graph; a term the dictionary lacks (a graph's name) gets its
	// id from v.Intern.
	Derive func(ctx context.Context, v *View, add func(g, s, p, o uint32) error) error
}

// needed reports whether d is to run on the dictionary of b.
func (d *Derivation) needed(b *Builder) bool {
	if d == nil || d.Derive == nil {
		return false
	}
	v := &View{b: b}
	for _, t := range d.Needs {
		if _, ok := v.Lookup(t); ok {
			return true
		}
	}
	return len(d.Needs) == 0
}

// View is what a Derive reads of the generation being written: its
// dictionary and the union of its graphs in POS order.
type View struct {
	b     *Builder
	union Graph
}

// Lookup returns the id of t; ok is false when the dictionary lacks it.
func (v *View) Lookup(t term.Term) (id uint32, ok bool) {
	v.b.scratch = encodeTerm(v.b.scratch[:0], t)
	id, ok = v.b.ids[string(v.b.scratch)]
	return id, ok
}

// Term returns the term of id; the zero Term for an id the dictionary
// does not hold.
func (v *View) Term(id uint32) term.Term {
	if id == 0 || int(id) > len(v.b.terms) {
		return term.Term{}
	}
	t, _ := decodeTerm([]byte(v.b.terms[id-1]))
	return t
}

// Kind returns the kind of the term of id without decoding it; 0 for an
// id the dictionary does not hold.
func (v *View) Kind(id uint32) term.Kind {
	if id == 0 || int(id) > len(v.b.terms) {
		return 0
	}
	return term.Kind(v.b.terms[id-1][0])
}

// Intern returns the id of t, adding it to the dictionary when it is new.
func (v *View) Intern(t term.Term) uint32 { return v.b.intern(t) }

// Union returns the union of all graphs with only its POS order: the
// triples as (p, o, s), sorted. Scan answers patterns that bind p.
func (v *View) Union() Graph { return v.union }

// derive writes the POS order to a temporary file, runs derive over it
// and adds what it derives to the other two orders' sorters and, merged
// with the temporary file, to the final POS file. It returns the POS
// file's graph table and checksum.
func (b *Builder) derive(ctx context.Context, d *Derivation) ([]graphEntry, fileSum, error) {
	const tmpName = "pos.tmp"
	w := &writeProgress{b: b, total: b.sorters[1].size()}
	table, sum, err := b.writeOrder(ctx, tmpName, 1, b.sorters[1], w)
	if err != nil {
		return nil, fileSum{}, err
	}
	tmp := filepath.Join(b.dir, tmpName)
	defer os.Remove(tmp)
	data, graphs, err := mapOrder(tmp, table)
	if err != nil {
		return nil, fileSum{}, err
	}
	defer unix.Munmap(data)
	v := &View{b: b}
	if len(graphs) > 0 && graphs[0].key == unionKey {
		v.union = graphs[0]
	}
	extra := newSorter(b.dir, b.runRecords)
	defer extra.remove()
	sorters := [3]*sorter{b.sorters[0], extra, b.sorters[2]}
	n := int64(0)
	b.report(PhaseDerive, 0, 0)
	err = d.Derive(ctx, v, func(g, s, p, o uint32) error {
		if n++; n&0xFFFF == 0 {
			b.report(PhaseDerive, n, 0)
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if g == 0 {
			return addIDs(sorters, defaultKey, s, p, o)
		}
		return addIDs(sorters, keyOf(g), s, p, o)
	})
	b.report(PhaseDerive, n, n)
	if err != nil {
		return nil, fileSum{}, err
	}
	if n == 0 {
		if err := os.Rename(tmp, filepath.Join(b.dir, orderFiles[1])); err != nil {
			return nil, fileSum{}, err
		}
		sum.name = orderFiles[1]
		return table, sum, nil
	}
	extra.pre = append(extra.pre, newOrderSource(graphs, 1))
	w = &writeProgress{b: b, total: extra.size()}
	table, sum, err = b.writeOrder(ctx, orderFiles[1], 1, extra, w)
	return table, sum, err
}

// mapOrder maps an order file written by writeOrder and views each
// graph's triples in it (in the POS field, whatever the order).
func mapOrder(path string, table []graphEntry) ([]byte, []Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	data, err := unix.Mmap(int(f.Fd()), 0, int(fi.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		return nil, nil, fmt.Errorf("mapping %s: %v", path, err)
	}
	all := view[Triple](data[headerSize:])
	graphs := make([]Graph, len(table))
	for i, e := range table {
		if e.start+e.count > uint64(len(all)) {
			unix.Munmap(data)
			return nil, nil, fmt.Errorf("%s: shorter than its graphs", path)
		}
		graphs[i] = Graph{key: e.key, POS: all[e.start : e.start+e.count]}
	}
	return data, graphs, nil
}
