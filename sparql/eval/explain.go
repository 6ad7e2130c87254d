package eval

import (
	"fmt"
	"strings"

	"kg/sparql/algebra"
)

// Explain describes how Query evaluates q: the physical operators the
// algebra compiles to, which joins substitute bindings ("nested") and which
// hash, and the steps and filters of each join group. The order of the
// steps in a group is chosen while the query runs, from the data.
func Explain(q *algebra.Query) (string, error) {
	c := &compiler{slots: map[string]int{}}
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
	line := func(format string, args ...any) { fmt.Fprintf(b, ind+format+"\n", args...) }
	child := func(ns ...node) {
		for _, x := range ns {
			explainNode(b, c, x, depth+1)
		}
	}
	vars := func(s varSet) string {
		var names []string
		for _, i := range sortedSlots(s) {
			names = append(names, "?"+c.names[i])
		}
		return strings.Join(names, " ")
	}
	switch n := n.(type) {
	case *bgpNode:
		line("group (%d steps, %d filters)", len(n.steps), len(n.filters))
		for _, st := range n.steps {
			switch st.kind {
			case stepTriple:
				var parts []string
				for _, p := range st.tp {
					if p.slot >= 0 {
						parts = append(parts, "?"+c.names[p.slot])
					} else {
						parts = append(parts, p.t.String())
					}
				}
				line("  triple %s", strings.Join(parts, " "))
			case stepPath:
				line("  path %s", algebra.FormatPath(st.path.path))
			case stepTable:
				line("  values (%s) %d rows", vars(st.table.scope()), len(st.table.rows))
			}
		}
		for _, f := range n.filters {
			when := "when bound"
			if f.late {
				when = "at the end"
			}
			vs := varSet{}
			for _, v := range f.vars {
				vs[v] = true
			}
			line("  filter on (%s) %s", vars(vs), when)
		}
	case *joinNode:
		none := func(int) bool { return false }
		if n.right.safeUnder(with(none, n.left.scope())) || n.left.safeUnder(with(none, n.right.scope())) {
			line("join nested")
		} else {
			line("join hash on (%s)", vars(n.left.scope().intersect(n.right.scope())))
		}
		child(n.left, n.right)
	case *leftJoinNode:
		if n.rightSafe(func(int) bool { return false }) {
			line("optional nested")
		} else {
			line("optional hash on (%s)", vars(n.left.scope().intersect(n.right.scope())))
		}
		child(n.left, n.right)
	case *unionNode:
		line("union")
		child(n.left, n.right)
	case *minusNode:
		line("minus hash on (%s)", vars(n.left.scope().intersect(n.right.scope())))
		child(n.left, n.right)
	case *filterNode:
		line("filter (%d conditions)", len(n.conds))
		child(n.inner)
	case *graphNode:
		if n.name.slot >= 0 {
			line("graph ?%s", c.names[n.name.slot])
		} else {
			line("graph %s", n.name.t)
		}
		child(n.inner)
	case *extendNode:
		line("extend ?%s", c.names[n.slot])
		child(n.inner)
	case *pathNode:
		line("path %s", algebra.FormatPath(n.path))
	case *tableNode:
		line("values (%s) %d rows", vars(n.scope()), len(n.rows))
	case *groupNode:
		by := varSet{}
		for _, v := range n.by {
			by[v] = true
		}
		line("group by (%s), %d aggregates", vars(by), len(n.aggs))
		child(n.inner)
	case *projectNode:
		line("project (%s)", vars(n.keep))
		child(n.inner)
	case *distinctNode:
		line("distinct")
		child(n.inner)
	case *sliceNode:
		line("slice offset %d limit %d", n.offset, n.limit)
		child(n.inner)
	case *orderNode:
		line("order (%d keys)", len(n.keys))
		child(n.inner)
	default:
		line("%T", n)
	}
}
