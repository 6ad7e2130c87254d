package cayleydisk

import (
	"cmp"
	"fmt"
	"slices"

	"kg/store/disk"
)

// directory lists, for every triple of one of the union's orders, the
// graphs that hold it: the ids of triple i's graphs are ids[off[i]:off[i+1]],
// in increasing order. The union holds each triple once; the quads of
// several graphs may share it.
type directory struct {
	off []uint32
	ids []uint32
}

// order returns g's triples in order k: 0 SPO, 1 POS, 2 OSP.
func order(g disk.Graph, k int) []disk.Triple {
	switch k {
	case 0:
		return g.SPO
	case 1:
		return g.POS
	}
	return g.OSP
}

// orderOf says which order a permutation returned by disk.Graph.Scan is.
func orderOf(perm [3]int) int {
	switch perm {
	case [3]int{1, 2, 0}:
		return 1
	case [3]int{2, 0, 1}:
		return 2
	}
	return 0
}

func compareTriples(a, b disk.Triple) int {
	if c := cmp.Compare(a[0], b[0]); c != 0 {
		return c
	}
	if c := cmp.Compare(a[1], b[1]); c != 0 {
		return c
	}
	return cmp.Compare(a[2], b[2])
}

// buildDirectory finds every triple of every graph in the union's order
// k. Each graph's triples are sorted in the same order as the union's, so
// each is sought forward from the previous one, with a galloping search
// that costs little when a graph holds most of the union.
func buildDirectory(union disk.Graph, graphs []disk.Graph, k int) (*directory, error) {
	all := order(union, k)
	var quads int
	for _, g := range graphs {
		quads += len(order(g, k))
	}
	if int64(quads) >= 1<<32 {
		return nil, fmt.Errorf("cayleydisk: %d quads are too many for a graph directory", quads)
	}
	off := make([]uint32, len(all)+1)
	pos := make([]uint32, 0, quads) // where each graph triple is in all
	for _, g := range graphs {
		lo := 0
		for _, t := range order(g, k) {
			i := gallop(all, lo, t)
			if i == len(all) || all[i] != t {
				return nil, fmt.Errorf("%w: a triple of graph %d is missing from the union", disk.ErrCorrupt, g.ID())
			}
			pos = append(pos, uint32(i))
			off[i+1]++
			lo = i
		}
	}
	for i := range all {
		off[i+1] += off[i]
	}
	ids := make([]uint32, quads)
	next := slices.Clone(off[:len(all)])
	j := 0
	for _, g := range graphs {
		id := g.ID()
		for range order(g, k) {
			p := pos[j]
			ids[next[p]] = id
			next[p]++
			j++
		}
	}
	return &directory{off: off, ids: ids}, nil
}

// gallop returns the first index at or after lo whose triple is not less
// than t: it doubles its step until it passes t, then searches the last
// step.
func gallop(all []disk.Triple, lo int, t disk.Triple) int {
	step := 1
	for lo+step < len(all) && compareTriples(all[lo+step], t) < 0 {
		lo += step
		step *= 2
	}
	hi := min(lo+step+1, len(all))
	i, _ := slices.BinarySearchFunc(all[lo:hi], t, compareTriples)
	return lo + i
}
