package eval

import (
	"context"

	"kg/sparql/algebra"
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

// JoinSlot is a position of a join step: the variable Var when Var >= 0,
// else the constant Term.
type JoinSlot struct {
	Var  int
	Term term.Term
}

// JoinLink is one way from a step's S to its O: a triple with predicate P
// from S to O, or from O to S when Inverse.
type JoinLink struct {
	P       JoinSlot
	Inverse bool
}

// JoinStep matches the pairs (S, O) one of its links connects, once per
// link (an alternative path is a bag union). A triple pattern is a step
// of one link.
type JoinStep struct {
	S, O  JoinSlot
	Links []JoinLink
	// Closure makes the step the path of one or more links (P+): each
	// pair reachable once. One of its ends is a constant.
	Closure bool
}

// JoinTable is a VALUES table without UNDEF.
type JoinTable struct {
	Vars []int
	Rows [][]term.Term
}

// Join is a conjunction of steps and tables. Variables are the group's
// slots; those at or past the solution's length are the inner nodes of
// sequence paths, never in Out. Conds filter its solutions and Optional
// extends them, as FILTER and OPTIONAL do; with Group its rows are counts
// of groups of solutions instead.
type Join struct {
	Steps  []JoinStep
	Tables []JoinTable
	// Conds must all be true of a solution.
	Conds []JoinExpr
	// Optional are joined to the solutions in order: a solution is
	// extended by each solution of an optional join that is compatible
	// with it (has the same values of the common variables the solution
	// binds) and meets its On conditions, or kept as it is when none is.
	// An optional join reads the enclosing join only through those
	// common variables (and, within an EXISTS, the variables of the joins
	// around it). A common variable that a table binds must be bound in
	// every solution.
	Optional []JoinOptional
	// Out lists the variables whose values each row carries; one an
	// optional join left unbound is the zero term.
	Out []int
	// Group, when set, makes each row one group of the solutions with
	// the same values of Out: those values, then the group's counts as
	// xsd:integer literals.
	Group *JoinGroup
}

// JoinOptional is a join OPTIONAL joins, with the conditions of its
// FILTER, which read the variables of both sides.
type JoinOptional struct {
	Join *Join
	On   []JoinExpr
}

// JoinGroup lists the counts of each group of a grouped join.
type JoinGroup struct {
	Counts []JoinCount
}

// JoinCount counts the solutions of a group (Var < 0) or the values of
// Var in them, each distinct value once when Distinct is set.
type JoinCount struct {
	Var      int
	Distinct bool
}

// JoinOp is the operator of a JoinExpr.
type JoinOp uint8

// The operators of conditions. Like a filter, a condition is true, false
// or an error (an unbound value); a solution passes when it is true.
// ExprVar and ExprTerm stand only as operands of ExprSameTerm.
const (
	ExprVar      JoinOp = iota // the value of Var: an error when unbound
	ExprTerm                   // the term Term
	ExprTrue                   // true
	ExprFalse                  // false
	ExprError                  // an error
	ExprSameTerm               // Args[0] and Args[1] are the same term
	ExprNot                    // Args[0] is false
	ExprAnd                    // every one of Args is true
	ExprOr                     // one of Args is true
	ExprBound                  // Var is bound
	ExprExists                 // Sub has a solution; see below
)

// JoinExpr is a condition on the solutions of a join. ExprExists is true
// when Sub has a solution whose variables in common with the enclosing
// joins have their values there, as EXISTS substitutes them; one they
// leave unbound is free in Sub.
type JoinExpr struct {
	Op   JoinOp
	Args []JoinExpr
	Var  int
	Term term.Term
	Sub  *Join
}

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
				j.Steps = append(j.Steps, ps.ends(s, o))
			}
		case stepTable:
			t, ok := r.joinTable(st.table)
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

// ends puts the ends of a path, placeholders -2 and -3 in its steps.
func (s JoinStep) ends(start, end JoinSlot) JoinStep {
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

// joinTable takes a VALUES table whose variables are all unbound and that
// has no UNDEF.
func (r *groupRun) joinTable(t *tableNode) (JoinTable, bool) {
	if len(t.rows) > maxJoinTable {
		return JoinTable{}, false
	}
	for _, v := range t.slots {
		if !r.sol[v].IsZero() {
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
