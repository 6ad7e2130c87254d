package eval

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"kg/sparql/algebra"
	"kg/sparql/expr"
	"kg/term"
)

// Options tune an evaluation.
type Options struct {
	// Base resolves relative IRIs made by IRI(); the query's own base
	// when empty.
	Base string
	// Now is the value of NOW(); the time of the call when zero.
	Now time.Time
	// MaxMemory bounds the memory the evaluation holds, in bytes, as
	// estimated from its own allocations: solutions kept for joins,
	// sorting, grouping and DISTINCT, their computed strings, built
	// triples and rows. A query that needs more fails with ErrMemory.
	// Zero means no bound.
	MaxMemory int64
	// MaxTermSize bounds the bytes of a term a function or operator
	// computes (CONCAT, REPLACE, GROUP_CONCAT …); a query that computes a
	// larger one fails with ErrTermSize. Zero means DefaultMaxTermSize.
	MaxTermSize int
	// MaxTriples makes CONSTRUCT and DESCRIBE stop once they have built
	// this many distinct triples and set Result.Truncated when more would
	// follow. Zero means no bound.
	MaxTriples int
}

// Result is the result of a query. SELECT fills Vars and Rows (each row
// aligned with Vars; a zero term is unbound), ASK fills Bool, CONSTRUCT
// and DESCRIBE fill Triples.
type Result struct {
	Form    algebra.Form
	Vars    []string
	Rows    [][]term.Term
	Bool    bool
	Triples []term.Triple
	// Truncated is set when CONSTRUCT or DESCRIBE stopped at
	// Options.MaxTriples.
	Truncated bool
}

// ErrCanceled wraps the context's error when a query is stopped.
var ErrCanceled = errors.New("query canceled")

// Query evaluates q against ds. Cancelling ctx stops it promptly.
func Query(ctx context.Context, ds Dataset, q *algebra.Query, opt Options) (*Result, error) {
	res := &Result{Form: q.Form}
	switch q.Form {
	case algebra.Select:
		res.Vars = q.Vars
		ev, root, err := prepare(ctx, ds, q, opt)
		if err != nil {
			return nil, err
		}
		// The columns of computed values: their strings are the rows' own.
		var computed []int
		for i, v := range q.Vars {
			if slices.Contains(ev.comp.computed, ev.comp.slot(v)) {
				computed = append(computed, i)
			}
		}
		err = ev.selectRows(q, root, func(row []term.Term) error {
			r := append([]term.Term(nil), row...)
			b := sliceBytes + int64(len(r))*termBytes
			for _, i := range computed {
				b += int64(len(r[i].Value))
			}
			if !ev.alloc(b) {
				return ev.err
			}
			res.Rows = append(res.Rows, r)
			return nil
		})
		return res, err
	case algebra.Ask:
		ev, root, err := prepare(ctx, ds, q, opt)
		if err != nil {
			return nil, err
		}
		root.run(ev, term.Term{}, make(solution, ev.nslots), func(solution) bool {
			res.Bool = true
			return false
		})
		return res, ev.err
	case algebra.Construct:
		ts, cut, err := construct(ctx, ds, q, opt)
		res.Triples, res.Truncated = ts, cut
		return res, err
	case algebra.Describe:
		ts, cut, err := describe(ctx, ds, q, opt)
		res.Triples, res.Truncated = ts, cut
		return res, err
	}
	return nil, fmt.Errorf("eval: unknown query form %v", q.Form)
}

// Select streams the solutions of a SELECT query: row is called once per
// solution with values aligned with q.Vars; the slice is reused between
// calls. An error from row stops the query and is returned.
func Select(ctx context.Context, ds Dataset, q *algebra.Query, opt Options, row func([]term.Term) error) error {
	ev, root, err := prepare(ctx, ds, q, opt)
	if err != nil {
		return err
	}
	return ev.selectRows(q, root, row)
}

// selectRows runs root and calls row with the values of q.Vars of each
// solution.
func (ev *evaluator) selectRows(q *algebra.Query, root node, row func([]term.Term) error) error {
	slots := make([]int, len(q.Vars))
	for i, v := range q.Vars {
		slots[i] = ev.comp.slot(v)
	}
	out := make([]term.Term, len(q.Vars))
	root.run(ev, term.Term{}, make(solution, ev.nslots), func(s solution) bool {
		for i, sl := range slots {
			if sl < len(s) {
				out[i] = s[sl]
			} else {
				out[i] = term.Term{}
			}
		}
		if err := row(out); err != nil {
			ev.fail(err)
			return false
		}
		return ev.tick()
	})
	return ev.err
}

// evaluator holds the state of one query evaluation.
type evaluator struct {
	ctx       context.Context
	ds        Dataset
	comp      *compiler
	nslots    int
	err       error
	ticks     int   // work left until the next look at the context
	mem       int64 // estimated bytes held
	maxMem    int64 // Options.MaxMemory
	maxTerm   int   // Options.MaxTermSize
	xctx      expr.Context
	bnodes    map[string]term.Term
	blankSeq  int
	named     map[term.Term]bool
	graphList []term.Term
	nodeCache map[term.Term][]term.Term
	// ids are the term ids of the slots bound by the innermost join group
	// running over a MemDataset (see slotTermID).
	ids []uint32
}

func prepare(ctx context.Context, ds Dataset, q *algebra.Query, opt Options) (*evaluator, node, error) {
	c := &compiler{slots: map[string]int{}, prefixes: q.Prefixes}
	root, err := c.pattern(q.Pattern)
	if err != nil {
		return nil, nil, err
	}
	// Slots for the variables the caller reads after evaluation.
	for _, v := range q.Vars {
		c.slot(v)
	}
	for _, t := range q.Template {
		for _, n := range []algebra.Node{t.S, t.P, t.O} {
			if n.IsVar() {
				c.slot(n.Var)
			}
		}
	}
	for _, n := range q.Describe {
		if n.IsVar() {
			c.slot(n.Var)
		}
	}
	ev := &evaluator{ctx: ctx, ds: ds, comp: c, nslots: len(c.names), ticks: checkEvery, maxMem: opt.MaxMemory, maxTerm: opt.MaxTermSize}
	if ev.maxTerm <= 0 {
		ev.maxTerm = DefaultMaxTermSize
	}
	ev.xctx.MaxLen = ev.maxTerm
	ev.xctx.Base = opt.Base
	if ev.xctx.Base == "" {
		ev.xctx.Base = q.Base
	}
	ev.xctx.Now = opt.Now
	if ev.xctx.Now.IsZero() {
		ev.xctx.Now = time.Now()
	}
	ev.xctx.BNodes = func(label string) term.Term {
		if b, ok := ev.bnodes[label]; ok {
			return b
		}
		if ev.bnodes == nil {
			ev.bnodes = map[string]term.Term{}
		}
		b := ev.newBlank()
		ev.bnodes[label] = b
		return b
	}
	ev.xctx.NewBlank = ev.newBlank
	if err := ctx.Err(); err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrCanceled, err)
	}
	return ev, root, nil
}

func (ev *evaluator) newBlank() term.Term {
	ev.blankSeq++
	return term.Blank("g" + strconv.Itoa(ev.blankSeq))
}

func (ev *evaluator) exprContext() *expr.Context { return &ev.xctx }

// fail records the first error and stops the evaluation.
func (ev *evaluator) fail(err error) {
	if ev.err == nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w: %w", ErrCanceled, err)
		}
		ev.err = err
	}
}

func (ev *evaluator) namedGraphs() (map[term.Term]bool, error) {
	if ev.named != nil {
		return ev.named, nil
	}
	gs, err := ev.ds.NamedGraphs(ev.ctx)
	if err != nil {
		return nil, err
	}
	ev.named = map[term.Term]bool{}
	for _, g := range gs {
		ev.named[g] = true
	}
	ev.graphList = gs
	return ev.named, nil
}

// triples is the set of triples CONSTRUCT and DESCRIBE build, in order,
// each once, up to a limit.
type triples struct {
	ev        *evaluator
	seen      map[term.Triple]bool
	out       []term.Triple
	limit     int
	truncated bool
}

func newTriples(ev *evaluator, limit int) *triples {
	return &triples{ev: ev, seen: map[term.Triple]bool{}, limit: limit}
}

// add adds t unless it is there already; it returns false once the
// building must stop: at the limit, or at the evaluator's.
func (ts *triples) add(t term.Triple) bool {
	if ts.seen[t] {
		return true
	}
	if ts.limit > 0 && len(ts.out) >= ts.limit {
		ts.truncated = true
		return false
	}
	ts.seen[t] = true
	ts.out = append(ts.out, t)
	return ts.ev.alloc(tripleBytes)
}

// construct instantiates the template once per solution, with fresh blank
// nodes each time, and drops triples that are not valid RDF. It stops at
// opt.MaxTriples distinct triples and reports whether more would follow.
func construct(ctx context.Context, ds Dataset, q *algebra.Query, opt Options) ([]term.Triple, bool, error) {
	ev, root, err := prepare(ctx, ds, q, opt)
	if err != nil {
		return nil, false, err
	}
	ts := newTriples(ev, opt.MaxTriples)
	n := 0
	root.run(ev, term.Term{}, make(solution, ev.nslots), func(s solution) bool {
		n++
		fresh := map[string]term.Term{}
		inst := func(x algebra.Node) term.Term {
			if x.IsVar() {
				return s[ev.comp.slot(x.Var)]
			}
			if x.Term.IsBlank() {
				b, ok := fresh[x.Term.Value]
				if !ok {
					b = term.Blank("c" + strconv.Itoa(n) + "_" + x.Term.Value)
					fresh[x.Term.Value] = b
				}
				return b
			}
			return x.Term
		}
		for _, tp := range q.Template {
			t := term.Triple{S: inst(tp.S), P: inst(tp.P), O: inst(tp.O)}
			if t.S.IsZero() || t.S.IsLiteral() || !t.P.IsIRI() || t.O.IsZero() {
				continue
			}
			if !ts.add(t) {
				return false
			}
		}
		return ev.tick()
	})
	return ts.out, ts.truncated, ev.err
}

// describe returns the concise bounded description of every resource the
// query names or binds: the triples with that resource as subject in the
// default graph, followed recursively through blank node objects. It
// stops at opt.MaxTriples distinct triples and reports whether more would
// follow.
func describe(ctx context.Context, ds Dataset, q *algebra.Query, opt Options) ([]term.Triple, bool, error) {
	ev, root, err := prepare(ctx, ds, q, opt)
	if err != nil {
		return nil, false, err
	}
	var resources []term.Term
	have := map[term.Term]bool{}
	add := func(t term.Term) bool {
		if (t.IsIRI() || t.IsBlank()) && !have[t] {
			have[t] = true
			resources = append(resources, t)
			return ev.alloc(2*termBytes + mapEntry)
		}
		return true
	}
	for _, n := range q.Describe {
		if !n.IsVar() {
			add(n.Term)
		}
	}
	root.run(ev, term.Term{}, make(solution, ev.nslots), func(s solution) bool {
		for _, n := range q.Describe {
			if n.IsVar() && !add(s[ev.comp.slot(n.Var)]) {
				return false
			}
		}
		return ev.tick()
	})
	if ev.err != nil {
		return nil, false, ev.err
	}
	ts := newTriples(ev, opt.MaxTriples)
	done := map[term.Term]bool{}
	for len(resources) > 0 && !ts.truncated {
		r := resources[0]
		resources = resources[1:]
		if done[r] {
			continue
		}
		done[r] = true
		err := ds.Match(ctx, r, term.Term{}, term.Term{}, term.Term{}, func(qd term.Quad) bool {
			t := qd.Triple()
			if !ts.add(t) || !ev.tick() {
				return false
			}
			if t.O.IsBlank() && !done[t.O] {
				resources = append(resources, t.O)
			}
			return true
		})
		if err == nil {
			err = ev.err
		}
		if err != nil {
			return nil, false, err
		}
	}
	return ts.out, ts.truncated, nil
}
