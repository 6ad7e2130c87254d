package eval

import (
	"context"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"kg/sparql/algebra"
	"kg/term"
)

// Explain describes how Query evaluates q: the physical operators the
// algebra compiles to, which joins substitute bindings ("nested") and which
// hash, and the steps and filters of each join group. The order of the
// steps in a group is chosen while the query runs, from the data; Analyze
// shows the order taken.
func Explain(q *algebra.Query) (string, error) {
	c := &compiler{slots: map[string]int{}, prefixes: q.Prefixes}
	root, err := c.pattern(q.Pattern)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	explainNode(&b, c, root, 0)
	return b.String(), nil
}

func explainNode(b *strings.Builder, c *compiler, n node, depth int) {
	ind := strings.Repeat("  ", depth)
	b.WriteString(ind + nodeLabel(c, n, nil) + "\n")
	if g, ok := n.(*bgpNode); ok {
		for i := range g.steps {
			b.WriteString(ind + "  " + stepLabel(c, &g.steps[i]) + "\n")
		}
		for _, f := range g.filters {
			b.WriteString(ind + "  " + filterLabel(c, f) + "\n")
		}
	}
	for _, x := range children(n) {
		explainNode(b, c, x, depth+1)
	}
}

// children lists the operands of an operator.
func children(n node) []node {
	switch n := n.(type) {
	case *analyzed:
		return children(n.node)
	case *joinNode:
		return []node{n.left, n.right}
	case *leftJoinNode:
		return []node{n.left, n.right}
	case *unionNode:
		return []node{n.left, n.right}
	case *minusNode:
		return []node{n.left, n.right}
	case *filterNode:
		return []node{n.inner}
	case *graphNode:
		return []node{n.inner}
	case *extendNode:
		return []node{n.inner}
	case *groupNode:
		return []node{n.inner}
	case *projectNode:
		return []node{n.inner}
	case *distinctNode:
		return []node{n.inner}
	case *sliceNode:
		return []node{n.inner}
	case *orderNode:
		return []node{n.inner}
	}
	return nil
}

func varList(c *compiler, s varSet) string {
	var names []string
	for _, i := range sortedSlots(s) {
		names = append(names, "?"+c.names[i])
	}
	return strings.Join(names, " ")
}

// nodeLabel names one operator. With st (an analysed run) joins say which
// strategy they took rather than which they would take.
func nodeLabel(c *compiler, n node, st *opStats) string {
	switch n := n.(type) {
	case *bgpNode:
		return fmt.Sprintf("group (%s, %s)", plural(len(n.steps), "step"), plural(len(n.filters), "filter"))
	case *joinNode:
		if st != nil {
			return "join " + st.strategy(c, n.left.scope().intersect(n.right.scope()))
		}
		none := func(int) bool { return false }
		if n.right.safeUnder(with(none, n.left.scope())) || n.left.safeUnder(with(none, n.right.scope())) {
			return "join nested"
		}
		return fmt.Sprintf("join hash on (%s)", varList(c, n.left.scope().intersect(n.right.scope())))
	case *leftJoinNode:
		if st != nil {
			return "optional " + st.strategy(c, n.left.scope().intersect(n.right.scope()))
		}
		if n.rightSafe(func(int) bool { return false }) {
			return "optional nested"
		}
		return fmt.Sprintf("optional hash on (%s)", varList(c, n.left.scope().intersect(n.right.scope())))
	case *unionNode:
		return "union"
	case *minusNode:
		s := fmt.Sprintf("minus hash on (%s)", varList(c, n.left.scope().intersect(n.right.scope())))
		if st != nil && st.hash > 0 {
			s += ", built " + plural(int(st.built), "row")
		}
		return s
	case *filterNode:
		return fmt.Sprintf("filter (%s)", plural(len(n.conds), "condition"))
	case *graphNode:
		if n.name.slot >= 0 {
			return "graph ?" + c.names[n.name.slot]
		}
		return "graph " + c.termLabel(n.name.t, false)
	case *extendNode:
		return "extend ?" + c.names[n.slot]
	case *pathNode:
		return "path " + algebra.FormatPath(n.path)
	case *tableNode:
		return fmt.Sprintf("values (%s) %s", varList(c, n.scope()), plural(len(n.rows), "row"))
	case *groupNode:
		by := varSet{}
		for _, v := range n.by {
			by[v] = true
		}
		s := fmt.Sprintf("group by (%s), %s", varList(c, by), plural(len(n.aggs), "aggregate"))
		if st != nil {
			s += ", " + plural(int(st.built), "group")
		}
		return s
	case *projectNode:
		return fmt.Sprintf("project (%s)", varList(c, n.keep))
	case *distinctNode:
		return "distinct"
	case *sliceNode:
		return fmt.Sprintf("slice offset %d limit %d", n.offset, n.limit)
	case *orderNode:
		if n.keep >= 0 {
			return fmt.Sprintf("order (%s), first %d", plural(len(n.keys), "key"), n.keep)
		}
		return fmt.Sprintf("order (%s)", plural(len(n.keys), "key"))
	}
	return fmt.Sprintf("%T", n)
}

func stepLabel(c *compiler, st *step) string {
	switch st.kind {
	case stepPath:
		return "path " + algebra.FormatPath(st.path.path)
	case stepTable:
		return fmt.Sprintf("values (%s) %s", varList(c, st.table.scope()), plural(len(st.table.rows), "row"))
	}
	var parts []string
	for i, p := range st.tp {
		if p.slot >= 0 {
			parts = append(parts, "?"+c.names[p.slot])
		} else {
			parts = append(parts, c.termLabel(p.t, i == 1))
		}
	}
	return "triple " + strings.Join(parts, " ")
}

// termLabel writes a constant of a plan as the query wrote it: an IRI
// with one of its prefixes when the local part needs no escaping, rdf:type
// as "a" in the predicate position.
func (c *compiler) termLabel(t term.Term, predicate bool) string {
	if !t.IsIRI() {
		return t.String()
	}
	if predicate && t.Value == term.RDFType {
		return "a"
	}
	best := -1
	for i, p := range c.prefixes {
		local, ok := strings.CutPrefix(t.Value, p.IRI)
		if !ok || !plainLocal(local) {
			continue
		}
		if best < 0 || len(p.IRI) > len(c.prefixes[best].IRI) {
			best = i
		}
	}
	if best < 0 {
		return t.String()
	}
	p := c.prefixes[best]
	return p.Name + ":" + strings.TrimPrefix(t.Value, p.IRI)
}

// plainLocal accepts local names that read back unchanged after a
// prefix: letters, digits, '_' and '-', inner dots.
func plainLocal(s string) bool {
	for i, r := range s {
		switch {
		case r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f:
		case r == '.' && i > 0 && i < len(s)-1:
		default:
			return false
		}
	}
	return true
}

func filterLabel(c *compiler, f groupFilter) string {
	when := "when bound"
	if f.late {
		when = "at the end"
	}
	vs := varSet{}
	for _, v := range f.vars {
		vs[v] = true
	}
	return fmt.Sprintf("filter on (%s) %s", varList(c, vs), when)
}

// ---- analysed runs

// PlanNode is one operator of an analysed plan, or one step or filter of
// a join group.
type PlanNode struct {
	// Op describes the operator as Explain does; joins name the strategy
	// they took.
	Op string
	// Est is the estimated number of solutions of a join group step,
	// summed over its loops: the cardinality estimate that chose it (for
	// a store that is asked once per position, the estimates known,
	// extrapolated to every loop). Negative when the operator has none.
	Est float64
	// Loops counts the times the operator ran: once per solution of the
	// left side for the right side of a nested join, once per partial
	// solution for a step of a join group. It is -1 on the headings
	// "exists" and "not exists", which introduce the pattern of an
	// EXISTS in the operator's expressions and have no counts.
	Loops int64
	// Rows counts the solutions it produced over all loops (for a
	// filter: the solutions that passed; Tested those it saw).
	Rows   int64
	Tested int64
	// Time is the time spent in the operator and its operands, without
	// the time its consumers took (zero for steps and filters).
	Time     time.Duration
	Children []*PlanNode
}

// Plan is the analysed plan of a query run.
type Plan struct {
	Root *PlanNode
	// Rows is the number of results: solutions of SELECT and ASK (which
	// stops at the first), of the pattern for CONSTRUCT and DESCRIBE.
	Rows int64
	Time time.Duration
}

// ExplainAnalyze runs q against ds like Query, discarding the results, and
// describes the plan it took: every operator with the number of times it
// ran and the solutions it produced, every step of a join group in the
// order chosen with its cardinality estimate and actual row count. See
// Analyze.
func ExplainAnalyze(ctx context.Context, ds Dataset, q *algebra.Query, opt Options) (string, error) {
	p, err := Analyze(ctx, ds, q, opt)
	if err != nil {
		return "", err
	}
	return p.String(), nil
}

// Analyze runs q against ds with every operator counting what it does and
// returns the annotated plan. Only this run pays for the counting: the
// operators of Query and Select carry no counters. A run that fails (a
// cancelled context, say) returns the error and no plan.
func Analyze(ctx context.Context, ds Dataset, q *algebra.Query, opt Options) (*Plan, error) {
	ev, root, err := prepare(ctx, ds, q, opt)
	if err != nil {
		return nil, err
	}
	a := &analysis{c: ev.comp, exists: map[node][]existsRef{}}
	root = a.instrument(root)
	plan := &Plan{}
	if m, ok := ds.(*MemDataset); ok {
		m.build() // pending additions are indexed outside the timings
	}
	start := time.Now()
	root.run(ev, term.Term{}, make(solution, ev.nslots), func(solution) bool {
		plan.Rows++
		if q.Form == algebra.Ask {
			return false
		}
		return ev.tick()
	})
	plan.Time = time.Since(start)
	if ev.err != nil {
		return nil, ev.err
	}
	plan.Root = a.plan(root)
	return plan, nil
}

// opStats is what an operator records in an analysed run; operators hold
// a nil pointer otherwise.
type opStats struct {
	loops, rows int64
	time        time.Duration
	// joins: runs by substitution, by hash, with the sides swapped, and
	// the solutions hashed; group by: the groups.
	nested, hash, swapped, built int64
}

func (st *opStats) strategy(c *compiler, shared varSet) string {
	var parts []string
	if st.nested > 0 {
		s := "nested"
		if st.swapped > 0 {
			s += " (right side first)"
		}
		parts = append(parts, s)
	}
	if st.hash > 0 || len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("hash on (%s), built %s", varList(c, shared), plural(int(st.built), "row")))
	}
	return strings.Join(parts, "; ")
}

// groupStats records, per step of a join group, when it was chosen and
// what it produced, and per filter what it tested.
type groupStats struct {
	steps   []stepStats
	filters []filterStats
}

type stepStats struct {
	loops    int64
	est      float64 // sum of the known estimates
	estLoops int64   // loops whose estimate is known
	rows     int64
	depth    int64 // sum of the positions it was taken at
}

type filterStats struct{ tested, passed int64 }

// chose records that step i was taken after the steps in done, with
// estimate est when known.
func (g *groupStats) chose(i int, done uint64, est float64, known bool) {
	s := &g.steps[i]
	s.loops++
	s.depth += int64(bits.OnesCount64(done))
	if known {
		s.est += max(est, 0)
		s.estLoops++
	}
}

func (g *groupStats) tested(i int, ok bool) {
	g.filters[i].tested++
	if ok {
		g.filters[i].passed++
	}
}

// analyzed wraps an operator to count its loops and solutions and time
// its runs.
type analyzed struct {
	node
	st *opStats
}

func (a *analyzed) run(ev *evaluator, g term.Term, sol solution, yield func(solution) bool) bool {
	st := a.st
	st.loops++
	start := time.Now()
	var downstream time.Duration
	ok := a.node.run(ev, g, sol, func(s solution) bool {
		st.rows++
		t := time.Now()
		cont := yield(s)
		downstream += time.Since(t)
		return cont
	})
	st.time += time.Since(start) - downstream
	return ok
}

// unwrap returns the operator inside an analysed wrapper.
func unwrap(n node) node {
	if a, ok := n.(*analyzed); ok {
		return a.node
	}
	return n
}

type analysis struct {
	c *compiler
	// the EXISTS patterns in the expressions of each operator
	exists map[node][]existsRef
}

type existsRef struct {
	not     bool
	pattern node
}

// instrument wraps every operator of a freshly compiled tree and gives
// the join operators and groups their counters.
func (a *analysis) instrument(n node) node {
	st := &opStats{}
	switch n := n.(type) {
	case *bgpNode:
		n.an = &groupStats{steps: make([]stepStats, len(n.steps)), filters: make([]filterStats, len(n.filters))}
		n.filters = slices.Clone(n.filters)
		for i := range n.filters {
			n.filters[i].e = a.expr(n, n.filters[i].e)
		}
	case *joinNode:
		n.left, n.right, n.an = a.instrument(n.left), a.instrument(n.right), st
	case *leftJoinNode:
		n.left, n.right, n.an = a.instrument(n.left), a.instrument(n.right), st
		if n.expr != nil {
			n.expr = a.expr(n, n.expr)
		}
	case *unionNode:
		n.left, n.right = a.instrument(n.left), a.instrument(n.right)
	case *minusNode:
		n.left, n.right, n.an = a.instrument(n.left), a.instrument(n.right), st
	case *filterNode:
		n.inner = a.instrument(n.inner)
		n.conds = slices.Clone(n.conds)
		for i := range n.conds {
			n.conds[i] = a.expr(n, n.conds[i])
		}
	case *graphNode:
		n.inner = a.instrument(n.inner)
	case *extendNode:
		n.inner = a.instrument(n.inner)
		n.expr = a.expr(n, n.expr)
	case *groupNode:
		n.inner, n.an = a.instrument(n.inner), st
		n.aggs = slices.Clone(n.aggs)
		for i := range n.aggs {
			if n.aggs[i].arg != nil {
				n.aggs[i].arg = a.expr(n, n.aggs[i].arg)
			}
		}
	case *projectNode:
		n.inner = a.instrument(n.inner)
	case *distinctNode:
		n.inner = a.instrument(n.inner)
	case *sliceNode:
		n.inner = a.instrument(n.inner)
	case *orderNode:
		n.inner = a.instrument(n.inner)
		n.keys = slices.Clone(n.keys)
		for i := range n.keys {
			n.keys[i] = a.expr(n, n.keys[i])
		}
	}
	return &analyzed{node: n, st: st}
}

// expr instruments the EXISTS patterns of an expression of owner.
func (a *analysis) expr(owner node, e cexpr) cexpr {
	switch e := e.(type) {
	case binaryExpr:
		e.l, e.r = a.expr(owner, e.l), a.expr(owner, e.r)
		return e
	case unaryExpr:
		e.x = a.expr(owner, e.x)
		return e
	case callExpr:
		e.args = slices.Clone(e.args)
		for i := range e.args {
			e.args[i] = a.expr(owner, e.args[i])
		}
		return e
	case inExpr:
		e.x = a.expr(owner, e.x)
		e.list = slices.Clone(e.list)
		for i := range e.list {
			e.list[i] = a.expr(owner, e.list[i])
		}
		return e
	case existsExpr:
		e.pattern = a.instrument(e.pattern)
		a.exists[owner] = append(a.exists[owner], existsRef{e.not, e.pattern})
		return e
	}
	return e
}

// plan turns an instrumented tree into PlanNodes.
func (a *analysis) plan(n node) *PlanNode {
	w := n.(*analyzed)
	st := w.st
	p := &PlanNode{Op: nodeLabel(a.c, w.node, st), Est: -1, Loops: st.loops, Rows: st.rows, Time: st.time}
	if g, ok := w.node.(*bgpNode); ok {
		p.Children = a.groupPlan(g)
	}
	for _, x := range children(w.node) {
		p.Children = append(p.Children, a.plan(x))
	}
	for _, x := range a.exists[w.node] {
		op := "exists"
		if x.not {
			op = "not exists"
		}
		p.Children = append(p.Children, &PlanNode{Op: op, Est: -1, Loops: -1, Children: []*PlanNode{a.plan(x.pattern)}})
	}
	return p
}

// groupPlan lists the steps of a group in the order they were taken
// (their mean position; steps never taken last), then its filters.
func (a *analysis) groupPlan(g *bgpNode) []*PlanNode {
	order := make([]int, len(g.steps))
	for i := range order {
		order[i] = i
	}
	pos := func(i int) float64 {
		s := g.an.steps[i]
		if s.loops == 0 {
			return math.Inf(1)
		}
		return float64(s.depth) / float64(s.loops)
	}
	slices.SortStableFunc(order, func(x, y int) int {
		px, py := pos(x), pos(y)
		switch {
		case px < py:
			return -1
		case px > py:
			return 1
		}
		return 0
	})
	var out []*PlanNode
	for _, i := range order {
		s := g.an.steps[i]
		est := 0.0
		if s.estLoops > 0 {
			est = s.est / float64(s.estLoops) * float64(s.loops)
		}
		out = append(out, &PlanNode{Op: stepLabel(a.c, &g.steps[i]), Est: est, Loops: s.loops, Rows: s.rows})
	}
	for i, f := range g.filters {
		s := g.an.filters[i]
		out = append(out, &PlanNode{Op: filterLabel(a.c, f), Est: -1, Loops: s.tested, Rows: s.passed, Tested: s.tested})
	}
	return out
}

// String prints the plan as an indented tree, one operator a line, with
// its counts in aligned columns.
func (p *Plan) String() string {
	type line struct{ op, stats string }
	var lines []line
	var walk func(n *PlanNode, depth int)
	walk = func(n *PlanNode, depth int) {
		var st []string
		switch {
		case n.Loops < 0:
		case n.Est >= 0:
			st = append(st, "est="+formatCount(n.Est))
			fallthrough
		default:
			if n.Tested > 0 || strings.HasPrefix(n.Op, "filter on") {
				st = append(st, fmt.Sprintf("tested=%d passed=%d", n.Tested, n.Rows))
			} else {
				st = append(st, fmt.Sprintf("rows=%d loops=%d", n.Rows, n.Loops))
			}
		}
		if n.Time > 0 {
			st = append(st, "time="+formatDuration(n.Time))
		}
		lines = append(lines, line{strings.Repeat("  ", depth) + n.Op, strings.Join(st, " ")})
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	if p.Root != nil {
		walk(p.Root, 0)
	}
	width := 0
	for _, l := range lines {
		width = max(width, len(l.op))
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimRight(fmt.Sprintf("%-*s  %s", width, l.op, l.stats), " ") + "\n")
	}
	fmt.Fprintf(&b, "%s in %s\n", plural(int(p.Rows), "result"), formatDuration(p.Time))
	return b.String()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func formatCount(f float64) string {
	if f == math.Trunc(f) || f >= 100 {
		return strconv.FormatFloat(math.Round(f), 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', 1, 64)
}

func formatDuration(d time.Duration) string {
	switch {
	case d < time.Microsecond:
		return d.String()
	case d < time.Millisecond:
		return fmt.Sprintf("%.1fµs", float64(d)/float64(time.Microsecond))
	case d < time.Second:
		return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}
