package eval

import (
	"context"

	"kg/sparql/algebra"
	"kg/store/join"
	"kg/term"
)

// Joiner is implemented by datasets that evaluate a join group in one
// request (a database that plans the join itself) instead of one request
// per triple pattern. A group run hands it the triple patterns, the paths
// it can express (links, inverse links, their alternatives and
// sequences) and the VALUES tables without UNDEF, with the values bound
// so far as constants; what it cannot take (other paths, filters) the
// evaluator runs on each of its solutions.
type Joiner interface {
	// Join calls yield with the values of j.Out for each solution of j
	// in graph g (the default graph when zero), until yield returns
	// false. The row is reused between calls.
	Join(ctx context.Context, g term.Term, j *Join, yield func(row []term.Term) bool) error
}

// The join group a Joiner takes is described in package join, shared
// with the stores that evaluate it. Variables are the group's slots;
// those at or past the solution's length are the inner nodes of sequence
// paths, never in Out. The graph is the Joiner's argument: Join.Graph
// stays zero here.
type (
	JoinSlot     = join.Slot
	JoinLink     = join.Link
	JoinStep     = join.Step
	JoinTable    = join.Table
	Join         = join.Join
	JoinOptional = join.Optional
	JoinGroup    = join.Group
	JoinCount    = join.Count
	JoinExpr     = join.Expr
	JoinOp       = join.Op
)

// maxJoinTable bounds the rows of a VALUES table sent with a join.
const maxJoinTable = 1000

// pushDown evaluates the steps of the group a Joiner can take in one
// request and the rest of the group on each of its solutions. It reports
// whether it did, and then whether to go on.
func (r *groupRun) pushDown(jn Joiner, applied uint64) (bool, bool) {
	j, mask := r.joinOf()
	if j == nil {
		return false, false
	}
	ev := r.ev
	cont := true
	err := jn.Join(ev.ctx, r.g, j, func(row []term.Term) bool {
		if !ev.tick() {
			cont = false
			return false
		}
		for k, v := range j.Out {
			r.sol[v] = row[k]
		}
		cont = r.advance(mask, applied)
		unbind(r.sol, j.Out)
		return cont
	})
	if err != nil {
		ev.fail(err)
		return true, false
	}
	return true, cont && ev.err == nil
}

// joinOf collects the steps a Joiner can take, with the bit mask of those
// steps; nil when there is no triple pattern or path among them.
func (r *groupRun) joinOf() (*Join, uint64) {
	j := &Join{}
	var mask uint64
	fresh := len(r.sol)
	out := map[int]bool{}
	slot := func(p slotOrConst) JoinSlot {
		if p.slot < 0 {
			return JoinSlot{Var: -1, Term: p.t}
		}
		if v := r.sol[p.slot]; !v.IsZero() {
			return JoinSlot{Var: -1, Term: v}
		}
		if !out[p.slot] {
			out[p.slot] = true
			j.Out = append(j.Out, p.slot)
		}
		return JoinSlot{Var: p.slot}
	}
	for i := range r.b.steps {
		st := &r.b.steps[i]
		switch st.kind {
		case stepTriple:
			j.Steps = append(j.Steps, JoinStep{S: slot(st.tp[0]), O: slot(st.tp[2]), Links: []JoinLink{{P: slot(st.tp[1])}}})
		case stepPath:
			steps, ok := pathSteps(st.path.path, JoinSlot{Var: -2}, JoinSlot{Var: -3}, &fresh)
			if !ok || !r.closuresAnchored(steps, st.path) {
				continue
			}
			s, o := slot(st.path.s), slot(st.path.o)
			for _, ps := range steps {
				j.Steps = append(j.Steps, withEnds(ps, s, o))
			}
		case stepTable:
			t, ok := joinTable(st.table, r.sol)
			if !ok {
				continue
			}
			for _, v := range t.Vars {
				slot(slotOrConst{slot: v})
			}
			j.Tables = append(j.Tables, t)
		}
		mask |= 1 << i
	}
	if len(j.Steps) == 0 {
		return nil, 0
	}
	return j, mask
}

// closuresAnchored reports whether every closure among a path's steps
// starts or ends at a constant (a term of the query or a bound value):
// only then can it be evaluated from there.
func (r *groupRun) closuresAnchored(steps []JoinStep, p *pathNode) bool {
	fixed := func(x JoinSlot) bool {
		var pos slotOrConst
		switch x.Var {
		case -2:
			pos = p.s
		case -3:
			pos = p.o
		default:
			return x.Var < 0
		}
		return pos.slot < 0 || !r.sol[pos.slot].IsZero()
	}
	for _, st := range steps {
		if st.Closure && !fixed(st.S) && !fixed(st.O) {
			return false
		}
	}
	return true
}

// withEnds puts the ends of a path, placeholders -2 and -3 in its steps.
func withEnds(s JoinStep, start, end JoinSlot) JoinStep {
	pick := func(x JoinSlot) JoinSlot {
		switch x.Var {
		case -2:
			return start
		case -3:
			return end
		}
		return x
	}
	s.S, s.O = pick(s.S), pick(s.O)
	return s
}

// joinTable takes a VALUES table whose variables sol leaves all unbound
// and that has no UNDEF.
func joinTable(t *tableNode, sol solution) (JoinTable, bool) {
	if len(t.rows) > maxJoinTable {
		return JoinTable{}, false
	}
	for _, v := range t.slots {
		if !sol[v].IsZero() {
			return JoinTable{}, false
		}
	}
	for _, row := range t.rows {
		for _, v := range row {
			if v.IsZero() {
				return JoinTable{}, false
			}
		}
	}
	return JoinTable{Vars: t.slots, Rows: t.rows}, true
}

// pathSteps expresses path p from s to o as join steps: a sequence joins
// its parts through a fresh variable; links, inverse links and their
// alternatives make one step, and so does one or more of those (P+).
// Other paths (*, ?, negated sets) cannot.
func pathSteps(p algebra.PathExpr, s, o JoinSlot, fresh *int) ([]JoinStep, bool) {
	switch p := p.(type) {
	case algebra.Inverse:
		return pathSteps(p.P, o, s, fresh)
	case algebra.Sequence:
		mid := JoinSlot{Var: *fresh}
		*fresh++
		left, ok := pathSteps(p.Left, s, mid, fresh)
		if !ok {
			return nil, false
		}
		right, ok := pathSteps(p.Right, mid, o, fresh)
		return append(left, right...), ok
	}
	closure := false
	if p1, ok := p.(algebra.OneOrMore); ok {
		p, closure = p1.P, true
	}
	links, ok := pathLinks(p, false, nil)
	if !ok {
		return nil, false
	}
	return []JoinStep{{S: s, O: o, Links: links, Closure: closure}}, true
}

// pathLinks flattens links and alternatives of links.
func pathLinks(p algebra.PathExpr, inverse bool, links []JoinLink) ([]JoinLink, bool) {
	switch p := p.(type) {
	case algebra.Link:
		return append(links, JoinLink{P: JoinSlot{Var: -1, Term: p.IRI}, Inverse: inverse}), true
	case algebra.Inverse:
		return pathLinks(p.P, !inverse, links)
	case algebra.Alternative:
		links, ok := pathLinks(p.Left, inverse, links)
		if !ok {
			return nil, false
		}
		return pathLinks(p.Right, inverse, links)
	}
	return nil, false
}
