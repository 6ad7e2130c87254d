package algebra

import (
	"fmt"
	"strconv"
	"strings"

	"kg/term"
)

// String prints the node: ?name for variables, N-Triples for terms.
func (n Node) String() string {
	if n.IsVar() {
		return varString(n.Var)
	}
	return n.Term.String()
}

func varString(name string) string { return "?" + name }

// Format prints a pattern as an indented S-expression.
func Format(p Pattern) string {
	var b strings.Builder
	writePattern(&b, p, 0)
	return b.String()
}

// FormatExpr prints an expression as an S-expression.
func FormatExpr(e Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

// FormatPath prints a property path as an S-expression.
func FormatPath(p PathExpr) string {
	var b strings.Builder
	writePath(&b, p)
	return b.String()
}

// String prints the query: its form, dataset and algebra.
func (q *Query) String() string {
	var b strings.Builder
	b.WriteString("(" + strings.ToLower(q.Form.String()))
	if q.Base != "" {
		fmt.Fprintf(&b, " (base <%s>)", q.Base)
	}
	if q.Dataset != nil {
		for _, g := range q.Dataset.Default {
			b.WriteString(" (from " + g.String() + ")")
		}
		for _, g := range q.Dataset.Named {
			b.WriteString(" (from-named " + g.String() + ")")
		}
	}
	switch q.Form {
	case Construct:
		b.WriteString("\n  (template")
		for _, t := range q.Template {
			b.WriteString("\n    ")
			writeTriple(&b, t)
		}
		b.WriteString(")")
	case Describe:
		b.WriteString(" (describe")
		for _, n := range q.Describe {
			b.WriteString(" " + n.String())
		}
		b.WriteString(")")
	}
	b.WriteString("\n  ")
	writePattern(&b, q.Pattern, 1)
	b.WriteString(")")
	return b.String()
}

func indent(b *strings.Builder, depth int) {
	b.WriteByte('\n')
	for i := 0; i < depth; i++ {
		b.WriteString("  ")
	}
}

func writeVars(b *strings.Builder, vars []string) {
	b.WriteByte('(')
	for i, v := range vars {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(varString(v))
	}
	b.WriteByte(')')
}

func writeTriple(b *strings.Builder, t TriplePattern) {
	fmt.Fprintf(b, "(triple %s %s %s)", t.S, t.P, t.O)
}

func writePattern(b *strings.Builder, p Pattern, d int) {
	// sub writes the operands on their own lines and closes the form.
	sub := func(ps ...Pattern) {
		for _, q := range ps {
			indent(b, d+1)
			writePattern(b, q, d+1)
		}
		b.WriteByte(')')
	}
	switch p := p.(type) {
	case nil:
		b.WriteString("(null)")
	case BGP:
		b.WriteString("(bgp")
		for _, t := range p.Triples {
			b.WriteByte(' ')
			writeTriple(b, t)
		}
		b.WriteByte(')')
	case Path:
		fmt.Fprintf(b, "(path %s ", p.S)
		writePath(b, p.Path)
		fmt.Fprintf(b, " %s)", p.O)
	case Join:
		b.WriteString("(join")
		sub(p.Left, p.Right)
	case LeftJoin:
		b.WriteString("(leftjoin")
		for _, q := range []Pattern{p.Left, p.Right} {
			indent(b, d+1)
			writePattern(b, q, d+1)
		}
		if p.Expr != nil {
			indent(b, d+1)
			writeExpr(b, p.Expr)
		}
		b.WriteByte(')')
	case Filter:
		b.WriteString("(filter ")
		writeExpr(b, p.Expr)
		sub(p.Inner)
	case Union:
		b.WriteString("(union")
		sub(p.Left, p.Right)
	case Minus:
		b.WriteString("(minus")
		sub(p.Left, p.Right)
	case Graph:
		b.WriteString("(graph " + p.Name.String())
		sub(p.Inner)
	case Extend:
		fmt.Fprintf(b, "(extend (%s ", varString(p.Var))
		writeExpr(b, p.Expr)
		b.WriteByte(')')
		sub(p.Inner)
	case Table:
		b.WriteString("(table ")
		writeVars(b, p.Vars)
		for _, row := range p.Rows {
			indent(b, d+1)
			b.WriteString("(row")
			for i, t := range row {
				if !t.IsZero() {
					fmt.Fprintf(b, " (%s %s)", varString(p.Vars[i]), t)
				}
			}
			b.WriteByte(')')
		}
		b.WriteByte(')')
	case Group:
		b.WriteString("(group ")
		writeVars(b, p.By)
		b.WriteString(" (")
		for i, a := range p.Aggregates {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(b, "(%s ", varString(a.Var))
			writeAggregate(b, a.Agg)
			b.WriteByte(')')
		}
		b.WriteByte(')')
		sub(p.Inner)
	case Project:
		b.WriteString("(project ")
		writeVars(b, p.Vars)
		sub(p.Inner)
	case Distinct:
		b.WriteString("(distinct")
		sub(p.Inner)
	case Reduced:
		b.WriteString("(reduced")
		sub(p.Inner)
	case Slice:
		fmt.Fprintf(b, "(slice %d %d", p.Offset, p.Limit)
		sub(p.Inner)
	case OrderBy:
		b.WriteString("(order (")
		for i, c := range p.Conds {
			if i > 0 {
				b.WriteByte(' ')
			}
			if c.Desc {
				b.WriteString("(desc ")
				writeExpr(b, c.Expr)
				b.WriteByte(')')
			} else {
				writeExpr(b, c.Expr)
			}
		}
		b.WriteByte(')')
		sub(p.Inner)
	default:
		fmt.Fprintf(b, "(unknown %T)", p)
	}
}

func writeAggregate(b *strings.Builder, a Aggregate) {
	b.WriteString("(" + strings.ToLower(a.Name))
	if a.Distinct {
		b.WriteString(" distinct")
	}
	if a.Arg == nil {
		b.WriteString(" *")
	} else {
		b.WriteByte(' ')
		writeExpr(b, a.Arg)
	}
	if a.Name == "GROUP_CONCAT" {
		b.WriteString(" (separator " + strconv.Quote(a.Separator) + ")")
	}
	b.WriteByte(')')
}

func writeExpr(b *strings.Builder, e Expr) {
	switch e := e.(type) {
	case VarExpr:
		b.WriteString(varString(e.Name))
	case TermExpr:
		b.WriteString(e.Term.String())
	case Binary:
		b.WriteString("(" + e.Op + " ")
		writeExpr(b, e.Left)
		b.WriteByte(' ')
		writeExpr(b, e.Right)
		b.WriteByte(')')
	case Unary:
		b.WriteString("(" + e.Op + " ")
		writeExpr(b, e.X)
		b.WriteByte(')')
	case Call:
		name := e.Name
		if strings.Contains(name, ":") {
			name = term.IRI(name).String()
		} else {
			name = strings.ToLower(name)
		}
		b.WriteString("(" + name)
		for _, a := range e.Args {
			b.WriteByte(' ')
			writeExpr(b, a)
		}
		b.WriteByte(')')
	case In:
		if e.Not {
			b.WriteString("(notin ")
		} else {
			b.WriteString("(in ")
		}
		writeExpr(b, e.X)
		for _, a := range e.List {
			b.WriteByte(' ')
			writeExpr(b, a)
		}
		b.WriteByte(')')
	case Exists:
		if e.Not {
			b.WriteString("(notexists ")
		} else {
			b.WriteString("(exists ")
		}
		writePattern(b, e.Pattern, 0)
		b.WriteByte(')')
	default:
		fmt.Fprintf(b, "(unknown %T)", e)
	}
}

func writePath(b *strings.Builder, p PathExpr) {
	switch p := p.(type) {
	case Link:
		b.WriteString(p.IRI.String())
	case Inverse:
		b.WriteString("(reverse ")
		writePath(b, p.P)
		b.WriteByte(')')
	case Sequence:
		b.WriteString("(seq ")
		writePath(b, p.Left)
		b.WriteByte(' ')
		writePath(b, p.Right)
		b.WriteByte(')')
	case Alternative:
		b.WriteString("(alt ")
		writePath(b, p.Left)
		b.WriteByte(' ')
		writePath(b, p.Right)
		b.WriteByte(')')
	case ZeroOrMore:
		b.WriteString("(path* ")
		writePath(b, p.P)
		b.WriteByte(')')
	case OneOrMore:
		b.WriteString("(path+ ")
		writePath(b, p.P)
		b.WriteByte(')')
	case ZeroOrOne:
		b.WriteString("(path? ")
		writePath(b, p.P)
		b.WriteByte(')')
	case NegatedSet:
		b.WriteString("(notoneof")
		for _, t := range p.Forward {
			b.WriteString(" " + t.String())
		}
		for _, t := range p.Inverse {
			b.WriteString(" (reverse " + t.String() + ")")
		}
		b.WriteByte(')')
	default:
		fmt.Fprintf(b, "(unknown %T)", p)
	}
}
