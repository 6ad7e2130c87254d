package eval

import (
	"kg/sparql/algebra"
	"kg/term"
)

type pathNode struct {
	s, o slotOrConst
	path algebra.PathExpr
	zero bool // the path can have length zero
}

// canBeZero reports whether p matches some zero-length path, the only
// way a path can reach a term that is not in the graph.
func canBeZero(p algebra.PathExpr) bool {
	switch p := p.(type) {
	case algebra.Inverse:
		return canBeZero(p.P)
	case algebra.Sequence:
		return canBeZero(p.Left) && canBeZero(p.Right)
	case algebra.Alternative:
		return canBeZero(p.Left) || canBeZero(p.Right)
	case algebra.OneOrMore:
		return canBeZero(p.P)
	case algebra.ZeroOrMore, algebra.ZeroOrOne:
		return true
	}
	return false
}

func (n *pathNode) scope() varSet {
	s := varSet{}
	if n.s.slot >= 0 {
		s[n.s.slot] = true
	}
	if n.o.slot >= 0 {
		s[n.o.slot] = true
	}
	return s
}

func (n *pathNode) certain() varSet               { return n.scope() }
func (n *pathNode) safeUnder(func(int) bool) bool { return true }

func (n *pathNode) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	resolve := func(p slotOrConst) term.Term {
		if p.slot < 0 {
			return p.t
		}
		return sol[p.slot]
	}
	s, o := resolve(n.s), resolve(n.o)
	// Evaluated on its own, a path only binds a variable to a node of the
	// graph (a zero-length path reaches a term outside the graph only when
	// the query names it). Bindings substituted from outside must obey that.
	if n.zero {
		for _, p := range [2]slotOrConst{n.s, n.o} {
			if p.slot >= 0 && !sol[p.slot].IsZero() && !ev.isGraphNode(sol[p.slot], g) {
				return ev.err == nil
			}
		}
	}
	sameVar := n.s.slot >= 0 && n.s.slot == n.o.slot && s.IsZero()
	cont := true
	ev.pathPairs(n.path, g, s, o, func(x, y term.Term) bool {
		if !ev.tick() {
			cont = false
			return false
		}
		if sameVar && x != y {
			return true
		}
		var undo [2]int
		nb := 0
		if s.IsZero() && n.s.slot >= 0 {
			sol[n.s.slot] = x
			undo[nb] = n.s.slot
			nb++
		}
		if o.IsZero() && n.o.slot >= 0 && !sameVar {
			sol[n.o.slot] = y
			undo[nb] = n.o.slot
			nb++
		}
		if !yield(sol) {
			cont = false
		}
		for i := 0; i < nb; i++ {
			sol[undo[i]] = term.Term{}
		}
		return cont
	})
	return cont && ev.err == nil
}

// pathPairs calls yield with every pair (x, y) connected by path p in
// graph g; a zero s or o leaves that end open. Sequences, alternatives and
// plain links give a bag of pairs, the *, + and ? operators a set.
func (ev *evaluator) pathPairs(p algebra.PathExpr, g, s, o term.Term, yield func(x, y term.Term) bool) bool {
	if ev.err != nil {
		return false
	}
	switch p := p.(type) {
	case algebra.Link:
		cont := true
		err := ev.ds.Match(ev.ctx, s, p.IRI, o, g, func(q term.Quad) bool {
			// Inside a sequence, most links may lead nowhere: count
			// them here, not only the pairs the path yields.
			cont = ev.tick() && yield(q.S, q.O)
			return cont
		})
		if err != nil {
			ev.fail(err)
			return false
		}
		return cont
	case algebra.Inverse:
		return ev.pathPairs(p.P, g, o, s, func(x, y term.Term) bool { return yield(y, x) })
	case algebra.Sequence:
		if !s.IsZero() || o.IsZero() {
			return ev.pathPairs(p.Left, g, s, term.Term{}, func(x, m term.Term) bool {
				return ev.pathPairs(p.Right, g, m, o, func(_, y term.Term) bool { return yield(x, y) })
			})
		}
		return ev.pathPairs(p.Right, g, term.Term{}, o, func(m, y term.Term) bool {
			return ev.pathPairs(p.Left, g, term.Term{}, m, func(x, _ term.Term) bool { return yield(x, y) })
		})
	case algebra.Alternative:
		return ev.pathPairs(p.Left, g, s, o, yield) && ev.pathPairs(p.Right, g, s, o, yield)
	case algebra.NegatedSet:
		return ev.negatedPairs(p, g, s, o, yield)
	case algebra.ZeroOrOne:
		seen := map[[2]term.Term]bool{}
		emit := func(x, y term.Term) bool {
			k := [2]term.Term{x, y}
			if seen[k] {
				return true
			}
			seen[k] = true
			return yield(x, y)
		}
		if !ev.zeroLength(g, s, o, emit) {
			return false
		}
		return ev.pathPairs(p.P, g, s, o, emit)
	case algebra.ZeroOrMore:
		return ev.closure(p.P, g, s, o, true, yield)
	case algebra.OneOrMore:
		return ev.closure(p.P, g, s, o, false, yield)
	}
	return true
}

// zeroLength yields the pairs (x, x) of the zero-length path: the given
// end, or every node of the graph when both ends are open.
func (ev *evaluator) zeroLength(g, s, o term.Term, yield func(x, y term.Term) bool) bool {
	switch {
	case !s.IsZero() && !o.IsZero():
		if s == o {
			return yield(s, s)
		}
		return true
	case !s.IsZero():
		return yield(s, s)
	case !o.IsZero():
		return yield(o, o)
	}
	nodes, ok := ev.graphNodes(g)
	if !ok {
		return false
	}
	for _, n := range nodes {
		if !yield(n, n) {
			return false
		}
	}
	return true
}

// closure evaluates p* (zero true) or p+ as a set of pairs by a breadth
// first search from the bound end, or from every node when both are open.
func (ev *evaluator) closure(p algebra.PathExpr, g, s, o term.Term, zero bool, yield func(x, y term.Term) bool) bool {
	if s.IsZero() && !o.IsZero() {
		return ev.closure(algebra.Inverse{P: p}, g, o, term.Term{}, zero, func(x, y term.Term) bool {
			return yield(y, x)
		})
	}
	if !s.IsZero() {
		return ev.reach(p, g, s, zero, func(y term.Term) bool {
			if !o.IsZero() && y != o {
				return true
			}
			return yield(s, y)
		})
	}
	nodes, ok := ev.graphNodes(g)
	if !ok {
		return false
	}
	for _, n := range nodes {
		if !ev.reach(p, g, n, zero, func(y term.Term) bool { return yield(n, y) }) {
			return false
		}
	}
	return true
}

// reach calls yield once for every node reachable from start by one or
// more steps of p (zero or more when zero is set).
func (ev *evaluator) reach(p algebra.PathExpr, g, start term.Term, zero bool, yield func(term.Term) bool) bool {
	seen := map[term.Term]bool{}
	if zero {
		seen[start] = true
		if !yield(start) {
			return false
		}
	}
	frontier := []term.Term{start}
	for len(frontier) > 0 {
		var next []term.Term
		for _, x := range frontier {
			cont := true
			ok := ev.pathPairs(p, g, x, term.Term{}, func(_, y term.Term) bool {
				if !ev.tick() {
					cont = false
					return false
				}
				if seen[y] {
					return true
				}
				seen[y] = true
				next = append(next, y)
				cont = yield(y)
				return cont
			})
			if !ok || !cont {
				return false
			}
		}
		frontier = next
	}
	return true
}

func (ev *evaluator) negatedPairs(p algebra.NegatedSet, g, s, o term.Term, yield func(x, y term.Term) bool) bool {
	excluded := func(set []term.Term, t term.Term) bool {
		for _, x := range set {
			if x == t {
				return true
			}
		}
		return false
	}
	cont := true
	if len(p.Forward) > 0 || len(p.Inverse) == 0 {
		err := ev.ds.Match(ev.ctx, s, term.Term{}, o, g, func(q term.Quad) bool {
			if cont = ev.tick(); !cont {
				return false
			}
			if excluded(p.Forward, q.P) {
				return true
			}
			cont = yield(q.S, q.O)
			return cont
		})
		if err != nil {
			ev.fail(err)
			return false
		}
		if !cont {
			return false
		}
	}
	if len(p.Inverse) > 0 {
		err := ev.ds.Match(ev.ctx, o, term.Term{}, s, g, func(q term.Quad) bool {
			if cont = ev.tick(); !cont {
				return false
			}
			if excluded(p.Inverse, q.P) {
				return true
			}
			cont = yield(q.O, q.S)
			return cont
		})
		if err != nil {
			ev.fail(err)
			return false
		}
	}
	return cont
}

// isGraphNode reports whether t is a subject or object in graph g.
func (ev *evaluator) isGraphNode(t, g term.Term) bool {
	found := false
	stop := func(term.Quad) bool {
		found = true
		return false
	}
	if err := ev.ds.Match(ev.ctx, t, term.Term{}, term.Term{}, g, stop); err != nil {
		ev.fail(err)
		return false
	}
	if !found {
		if err := ev.ds.Match(ev.ctx, term.Term{}, term.Term{}, t, g, stop); err != nil {
			ev.fail(err)
		}
	}
	return found
}

// graphNodes lists the subjects and objects of graph g, once per query.
func (ev *evaluator) graphNodes(g term.Term) ([]term.Term, bool) {
	if nodes, ok := ev.nodeCache[g]; ok {
		return nodes, true
	}
	seen := map[term.Term]bool{}
	var nodes []term.Term
	err := ev.ds.Match(ev.ctx, term.Term{}, term.Term{}, term.Term{}, g, func(q term.Quad) bool {
		for _, t := range [2]term.Term{q.S, q.O} {
			if !seen[t] {
				seen[t] = true
				nodes = append(nodes, t)
			}
		}
		return true
	})
	if err != nil {
		ev.fail(err)
		return nil, false
	}
	if ev.nodeCache == nil {
		ev.nodeCache = map[term.Term][]term.Term{}
	}
	ev.nodeCache[g] = nodes
	return nodes, true
}
