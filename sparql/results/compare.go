package results

import (
	"slices"
	"strings"

	"kg/term"
)

// Equal reports whether two results are the same: equal booleans, or the
// same variables (in any order) and the same solutions as multisets, with
// blank nodes equal up to one consistent renaming across the whole result
// (a bijection between the blank nodes of a and those of b). Order of
// solutions is ignored; terms are compared exactly.
func Equal(a, b *Result) bool {
	_, ok := Match(a, b)
	return ok
}

// Match is Equal that also returns, for each row of a, the index of the
// row of b it was matched with, so that callers can compare orders.
func Match(a, b *Result) ([]int, bool) {
	if (a.Boolean == nil) != (b.Boolean == nil) {
		return nil, false
	}
	if a.Boolean != nil {
		return nil, *a.Boolean == *b.Boolean
	}
	if len(a.Vars) != len(b.Vars) || len(a.Rows) != len(b.Rows) {
		return nil, false
	}
	// perm[i] is the column of b that holds a's variable i.
	perm := make([]int, len(a.Vars))
	bIndex := varIndex(b.Vars)
	for i, v := range a.Vars {
		j, ok := bIndex[v]
		if !ok {
			return nil, false
		}
		perm[i] = j
	}
	bRows := make([][]term.Term, len(b.Rows))
	for n, row := range b.Rows {
		if len(row) != len(perm) {
			return nil, false
		}
		r := make([]term.Term, len(perm))
		for i, j := range perm {
			r[i] = row[j]
		}
		bRows[n] = r
	}
	m := &matcher{
		a: a.Rows, b: bRows,
		used:  make([]bool, len(bRows)),
		match: make([]int, len(a.Rows)),
		ab:    map[string]string{}, ba: map[string]string{},
		bySig: map[string][]int{},
	}
	for n, row := range bRows {
		s := signature(row)
		m.bySig[s] = append(m.bySig[s], n)
	}
	// Rows without blank nodes match exactly; do them first, then search
	// the rest, most constrained (fewest candidates) first.
	var open []int
	for n, row := range a.Rows {
		if len(row) != len(perm) {
			return nil, false
		}
		if hasBlank(row) {
			open = append(open, n)
			continue
		}
		j := m.take(signature(row))
		if j < 0 {
			return nil, false
		}
		m.match[n] = j
	}
	slices.SortStableFunc(open, func(x, y int) int {
		return len(m.bySig[signature(a.Rows[x])]) - len(m.bySig[signature(a.Rows[y])])
	})
	if !m.search(open) {
		return nil, false
	}
	return m.match, true
}

type matcher struct {
	a, b   [][]term.Term
	used   []bool
	match  []int
	ab, ba map[string]string // blank node labels mapped each way
	bySig  map[string][]int
}

// take claims an unused row of b with the given signature.
func (m *matcher) take(sig string) int {
	for _, j := range m.bySig[sig] {
		if !m.used[j] {
			m.used[j] = true
			return j
		}
	}
	return -1
}

func (m *matcher) search(open []int) bool {
	if len(open) == 0 {
		return true
	}
	n := open[0]
	row := m.a[n]
	for _, j := range m.bySig[signature(row)] {
		if m.used[j] {
			continue
		}
		added, ok := m.bind(row, m.b[j])
		if ok {
			m.used[j] = true
			m.match[n] = j
			if m.search(open[1:]) {
				return true
			}
			m.used[j] = false
		}
		for _, k := range added {
			delete(m.ba, m.ab[k])
			delete(m.ab, k)
		}
	}
	return false
}

// bind extends the blank node bijection so that row x maps onto row y,
// returning the labels of x it added.
func (m *matcher) bind(x, y []term.Term) ([]string, bool) {
	var added []string
	for i, t := range x {
		if !t.IsBlank() {
			continue // signature equality already checked the rest
		}
		u := y[i]
		if to, ok := m.ab[t.Value]; ok {
			if to != u.Value {
				return added, false
			}
			continue
		}
		if _, ok := m.ba[u.Value]; ok {
			return added, false
		}
		m.ab[t.Value] = u.Value
		m.ba[u.Value] = t.Value
		added = append(added, t.Value)
	}
	return added, true
}

func hasBlank(row []term.Term) bool {
	for _, t := range row {
		if t.IsBlank() {
			return true
		}
	}
	return false
}

// signature is a row's text with every blank node replaced by one
// placeholder: rows can only match if their signatures are equal.
func signature(row []term.Term) string {
	var b strings.Builder
	for _, t := range row {
		if t.IsBlank() {
			b.WriteString("_:")
		} else {
			t.AppendNT(&b)
		}
		b.WriteByte('\t')
		// Separate bound literals from look-alike unbound values.
		b.WriteByte(byte('0' + t.Kind))
		b.WriteByte('\n')
	}
	return b.String()
}
