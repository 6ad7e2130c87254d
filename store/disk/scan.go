package disk

import (
	"cmp"
	"sort"
)

// Scan returns the triples of g that match s, p, o (0 matches any id)
// as a range of one order, and perm, which says for each position of that
// order which of s (0), p (1), o (2) it holds. Its length is the exact
// number of matches.
func (g Graph) Scan(s, p, o uint32) (rng []Triple, perm [3]int) {
	var idx []Triple
	var key []uint32
	switch {
	case s != 0 && p != 0:
		idx, key, perm = g.SPO, []uint32{s, p, o}, [3]int{0, 1, 2}
		if o == 0 {
			key = key[:2]
		}
	case s != 0 && o != 0:
		idx, key, perm = g.OSP, []uint32{o, s}, [3]int{2, 0, 1}
	case s != 0:
		idx, key, perm = g.SPO, []uint32{s}, [3]int{0, 1, 2}
	case p != 0:
		idx, key, perm = g.POS, []uint32{p, o}, [3]int{1, 2, 0}
		if o == 0 {
			key = key[:1]
		}
	case o != 0:
		idx, key, perm = g.OSP, []uint32{o}, [3]int{2, 0, 1}
	default:
		return g.SPO, [3]int{0, 1, 2}
	}
	lo := sort.Search(len(idx), func(i int) bool { return prefixCompare(idx[i], key) >= 0 })
	hi := lo + sort.Search(len(idx)-lo, func(i int) bool { return prefixCompare(idx[lo+i], key) > 0 })
	return idx[lo:hi], perm
}

func prefixCompare(t Triple, key []uint32) int {
	for i, k := range key {
		if c := cmp.Compare(t[i], k); c != 0 {
			return c
		}
	}
	return 0
}
