package algebra

// InScope returns the in-scope variables of p (section 18.2.1) in order of
// first appearance, internal variables included.
func InScope(p Pattern) []string {
	var s scopeSet
	s.pattern(p)
	return s.order
}

type scopeSet struct {
	seen  map[string]bool
	order []string
}

func (s *scopeSet) add(name string) {
	if name == "" {
		return
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[name] {
		s.seen[name] = true
		s.order = append(s.order, name)
	}
}

func (s *scopeSet) node(n Node) { s.add(n.Var) }

func (s *scopeSet) pattern(p Pattern) {
	switch p := p.(type) {
	case BGP:
		for _, t := range p.Triples {
			s.node(t.S)
			s.node(t.P)
			s.node(t.O)
		}
	case Path:
		s.node(p.S)
		s.node(p.O)
	case Join:
		s.pattern(p.Left)
		s.pattern(p.Right)
	case LeftJoin:
		s.pattern(p.Left)
		s.pattern(p.Right)
	case Filter:
		s.pattern(p.Inner)
	case Union:
		s.pattern(p.Left)
		s.pattern(p.Right)
	case Minus:
		s.pattern(p.Left)
	case Graph:
		s.node(p.Name)
		s.pattern(p.Inner)
	case Extend:
		s.pattern(p.Inner)
		s.add(p.Var)
	case Table:
		for _, v := range p.Vars {
			s.add(v)
		}
	case Group:
		for _, v := range p.By {
			s.add(v)
		}
		for _, a := range p.Aggregates {
			s.add(a.Var)
		}
	case Project:
		for _, v := range p.Vars {
			s.add(v)
		}
	case Distinct:
		s.pattern(p.Inner)
	case Reduced:
		s.pattern(p.Inner)
	case Slice:
		s.pattern(p.Inner)
	case OrderBy:
		s.pattern(p.Inner)
	}
}

// ExprVars calls f for every variable mentioned in e outside EXISTS.
func ExprVars(e Expr, f func(string)) {
	switch e := e.(type) {
	case VarExpr:
		f(e.Name)
	case Binary:
		ExprVars(e.Left, f)
		ExprVars(e.Right, f)
	case Unary:
		ExprVars(e.X, f)
	case Call:
		for _, a := range e.Args {
			ExprVars(a, f)
		}
	case In:
		ExprVars(e.X, f)
		for _, a := range e.List {
			ExprVars(a, f)
		}
	}
}
