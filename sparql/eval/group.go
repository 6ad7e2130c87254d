package eval

import (
	"fmt"
	"strings"
	"unsafe"

	"kg/sparql/expr"
	"kg/term"
)

type caggregate struct {
	slot     int
	name     string
	distinct bool
	arg      cexpr // nil for COUNT(*)
	sep      string
}

type groupNode struct {
	inner node
	by    []int
	aggs  []caggregate
	an    *opStats // set in analysed runs only

	// count is the range count plan, once planned is set.
	count   *rangeCount
	join    *joinCount
	planned bool
}

func (n *groupNode) scope() varSet {
	s := varSet{}
	for _, b := range n.by {
		s[b] = true
	}
	for _, a := range n.aggs {
		s[a.slot] = true
	}
	return s
}

func (n *groupNode) certain() varSet               { return varSet{} }
func (n *groupNode) safeUnder(func(int) bool) bool { return false }

// accumulator folds the values of one aggregate over one group.
type accumulator struct {
	agg   *caggregate
	seen  map[string]bool
	count int64
	acc   term.Term // running SUM, MIN, MAX or SAMPLE
	parts []string
	size  int // bytes of the GROUP_CONCAT result so far
	err   error
}

// accBytes and groupBytes are the sizes of an accumulator and a group,
// for the memory estimate.
const (
	accBytes   = int64(unsafe.Sizeof(accumulator{}))
	groupBytes = int64(unsafe.Sizeof(group{}))
)

// countOnly counts sol for a COUNT without DISTINCT of a variable or of
// every solution, which needs no value, only whether there is one; it
// reports whether it did.
func (a *accumulator) countOnly(sol solution) bool {
	if a.agg.name != "COUNT" || a.agg.distinct {
		return false
	}
	if x, ok := a.agg.arg.(varExpr); ok {
		if !sol[x.slot].IsZero() {
			a.count++
		}
		return true
	}
	if a.agg.arg == nil {
		a.count++
		return true
	}
	return false
}

func (a *accumulator) add(ev *evaluator, g term.Term, sol solution) {
	if a.err != nil {
		return
	}
	if a.countOnly(sol) {
		return
	}
	var v term.Term
	if a.agg.arg != nil {
		var err error
		v, err = a.agg.arg.eval(ev, g, sol)
		if err != nil {
			// COUNT, SAMPLE, MIN and MAX skip errors; the numeric and
			// string aggregates fail with them.
			switch a.agg.name {
			case "SUM", "AVG", "GROUP_CONCAT":
				a.err = err
			}
			return
		}
	}
	if a.agg.distinct {
		var k string
		if a.agg.arg == nil {
			k = solutionKey(sol, nil)
		} else {
			k = solutionKey(solution{v}, nil)
		}
		if a.seen == nil {
			a.seen = map[string]bool{}
		}
		if a.seen[k] {
			return
		}
		a.seen[k] = true
		if !ev.alloc(int64(len(k)) + mapEntry) {
			return
		}
	}
	a.count++
	switch a.agg.name {
	case "SUM", "AVG":
		if a.acc.IsZero() {
			a.acc = expr.Integer(0)
		}
		a.acc, a.err = expr.Operator("+", a.acc, v)
	case "MIN":
		if a.acc.IsZero() || expr.OrderCompare(v, a.acc) < 0 {
			a.acc = v
		}
	case "MAX":
		if a.acc.IsZero() || expr.OrderCompare(v, a.acc) > 0 {
			a.acc = v
		}
	case "SAMPLE":
		if a.acc.IsZero() {
			a.acc = v
		}
	case "GROUP_CONCAT":
		if !v.IsLiteral() {
			a.err = fmt.Errorf("%w: GROUP_CONCAT of a non-literal", expr.ErrType)
			return
		}
		a.size += len(v.Value)
		if len(a.parts) > 0 {
			a.size += len(a.agg.sep)
		}
		if a.size > ev.maxTerm {
			ev.fail(fmt.Errorf("%w of %d bytes: GROUP_CONCAT builds more", ErrTermSize, ev.maxTerm))
			return
		}
		if ev.alloc(int64(len(v.Value)) + 16) {
			a.parts = append(a.parts, v.Value)
		}
	}
}

// result returns the aggregate's value; ok is false for an error, which
// leaves the variable unbound.
func (a *accumulator) result() (term.Term, bool) {
	if a.err != nil {
		return term.Term{}, false
	}
	switch a.agg.name {
	case "COUNT":
		return expr.Integer(a.count), true
	case "SUM":
		if a.count == 0 {
			return expr.Integer(0), true
		}
		return a.acc, true
	case "AVG":
		if a.count == 0 {
			return expr.Integer(0), true
		}
		v, err := expr.Operator("/", a.acc, expr.Integer(a.count))
		return v, err == nil
	case "MIN", "MAX", "SAMPLE":
		return a.acc, !a.acc.IsZero()
	case "GROUP_CONCAT":
		// The result is a simple literal even when every part has the
		// same language tag.
		return term.String(strings.Join(a.parts, a.agg.sep)), true
	}
	return term.Term{}, false
}

type group struct {
	key  solution
	accs []accumulator
}

func (n *groupNode) newGroup(key solution) *group {
	gr := &group{key: key, accs: make([]accumulator, len(n.aggs))}
	for i := range n.aggs {
		gr.accs[i].agg = &n.aggs[i]
	}
	return gr
}

func (n *groupNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	if pushed, cont := ev.pushed(n, g, sol, yield); pushed {
		return cont
	}
	if m, ok := asMem(ev.ds); ok {
		if !n.planned {
			n.count, n.planned = n.countPlan(), true
			if n.count == nil {
				n.join = n.joinCountPlan()
			}
		}
		if n.count != nil {
			return n.count.run(ev, n, m, g, sol, yield)
		}
		if n.join != nil {
			if handled, cont := n.join.run(ev, n, m, g, sol, yield); handled {
				return cont
			}
		}
	}
	idx := newGroupIndex(ev, n.by)
	var order []*group
	var mem int64
	defer func() { ev.free(mem) }()
	ok := n.inner.run(ev, g, sol, func(s solution) bool {
		gr, k := idx.find(s)
		if gr == nil {
			key := make(solution, len(s))
			for _, b := range n.by {
				key[b] = s[b]
			}
			gr = n.newGroup(key)
			b := ev.solutionBytes(key) + int64(len(gr.accs))*accBytes + int64(len(k)) + mapEntry + groupBytes
			mem += b
			if !ev.alloc(b) {
				return false
			}
			idx.add(k, gr)
			order = append(order, gr)
		}
		for i := range gr.accs {
			gr.accs[i].add(ev, g, s)
		}
		return ev.tick()
	})
	if !ok {
		return false
	}
	if len(order) == 0 && len(n.by) == 0 {
		// Aggregating over nothing still gives one group.
		order = append(order, n.newGroup(make(solution, len(sol))))
	}
	if n.an != nil {
		n.an.built += int64(len(order))
	}
	for _, gr := range order {
		// HAVING may drop every group: the consumer need not tick.
		if !ev.tick() {
			return false
		}
		out := gr.key
		for i, a := range n.aggs {
			if v, ok := gr.accs[i].result(); ok {
				out[a.slot] = v
			}
		}
		for i, t := range sol {
			if out[i].IsZero() {
				out[i] = t
			}
		}
		if !yield(out) {
			return false
		}
	}
	return true
}
