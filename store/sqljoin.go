package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"github.com/lib/pq"

	"kg/store/join"
	"kg/term"
)

// Joiner is implemented by stores that evaluate a whole Join in one
// request, letting their own planner order it.
type Joiner interface {
	Join(ctx context.Context, j *join.Join, yield func(row []term.Term) bool) error
}

// joinSQL builds the statement of a Join: its parameters, and the tables
// of all its levels, numbered.
type joinSQL struct {
	a      args
	dedup  bool
	graph  term.Term
	n      int // aliases made
	tables []join.Table
}

// alias names a new FROM item.
func (b *joinSQL) alias(prefix string) string {
	b.n++
	return prefix + strconv.Itoa(b.n)
}

// column is where a level reads a variable: the SQL expression of its
// hash and, for a variable first bound by a table, of the table's row
// number, from which its term is taken.
type column struct {
	hash     string
	row      string
	table    int
	col      int
	nullable bool
}

// level is one SELECT of a Join: the top one, an optional join's or an
// EXISTS subquery's.
type level struct {
	b     *joinSQL
	from  []string
	where []string
	// vars are the columns of the variables bound so far, those of the
	// enclosing levels included; own lists the level's own.
	vars  map[int]column
	own   []int
	outer map[int]column
}

// level builds the SELECT of j, which may read the columns outer of the
// levels enclosing it.
func (b *joinSQL) level(j *join.Join, outer map[int]column) (*level, error) {
	l := &level{b: b, vars: map[int]column{}, outer: outer}
	maps.Copy(l.vars, outer)
	// A table of distinct values of one variable that a step binds too
	// is a condition on the step's column: fewer items for the planner
	// to order, and estimates from the column's statistics.
	var lists []join.Table
	for _, t := range j.Tables {
		if len(t.Vars) == 1 && distinctRows(t) {
			lists = append(lists, t)
			continue
		}
		l.table(t)
	}
	for _, st := range j.Steps {
		if err := l.step(st); err != nil {
			return nil, err
		}
	}
	for _, t := range lists {
		c, ok := l.vars[t.Vars[0]]
		if !ok || c.nullable {
			l.table(t)
			continue
		}
		hashes := make(pq.ByteaArray, len(t.Rows))
		for i, row := range t.Rows {
			hashes[i] = hashOf(row[0])
		}
		l.where = append(l.where, c.hash+" = ANY("+l.b.a.add(hashes)+"::bytea[])")
	}
	if len(j.Optional) > 0 {
		// The optional joins are LEFT JOINs of the steps and tables,
		// which become one FROM item for them.
		l.wrap()
		for _, o := range j.Optional {
			if err := l.optional(o); err != nil {
				return nil, err
			}
		}
	}
	for _, c := range j.Conds {
		s, err := l.expr(c, l.vars)
		if err != nil {
			return nil, err
		}
		l.where = append(l.where, s)
	}
	return l, nil
}

// distinctRows reports whether no two rows of t are the same.
func distinctRows(t join.Table) bool {
	seen := make(map[string]bool, len(t.Rows))
	for _, row := range t.Rows {
		var k strings.Builder
		for _, v := range row {
			k.Write(hashOf(v))
		}
		if seen[k.String()] {
			return false
		}
		seen[k.String()] = true
	}
	return true
}

// sql is the level's statement with the select list cols.
func (l *level) sql(cols string) string {
	q := "SELECT " + cols
	if len(l.from) > 0 {
		q += " FROM " + strings.Join(l.from, ", ")
	}
	if len(l.where) > 0 {
		q += " WHERE " + strings.Join(l.where, " AND ")
	}
	return q
}

// ownColumns selects the level's own variables as v<var> (and r<var>
// for row numbers).
func (l *level) ownColumns() string {
	var cols []string
	for _, v := range l.own {
		c := l.vars[v]
		cols = append(cols, c.hash+" AS v"+strconv.Itoa(v))
		if c.row != "" {
			cols = append(cols, c.row+" AS r"+strconv.Itoa(v))
		}
	}
	if len(cols) == 0 {
		return "1 AS one"
	}
	return strings.Join(cols, ", ")
}

// renamed returns the columns of the level's own variables as a FROM
// item called alias selects them with ownColumns.
func (l *level) renamed(alias string, nullable bool) map[int]column {
	cols := map[int]column{}
	for _, v := range l.own {
		c := l.vars[v]
		c.hash = alias + ".v" + strconv.Itoa(v)
		if c.row != "" {
			c.row = alias + ".r" + strconv.Itoa(v)
		}
		c.nullable = c.nullable || nullable
		cols[v] = c
	}
	return cols
}

// wrap makes the level's steps and tables one FROM item.
func (l *level) wrap() {
	alias := l.b.alias("b")
	inner := l.sql(l.ownColumns())
	maps.Copy(l.vars, l.renamed(alias, false))
	l.from, l.where = []string{"(" + inner + ") " + alias}, nil
}

// optional LEFT JOINs an optional join to the wrapped level.
func (l *level) optional(o join.Optional) error {
	sub, err := l.b.level(o.Join, l.outer)
	if err != nil {
		return err
	}
	alias := l.b.alias("o")
	cols := sub.renamed(alias, true)
	// The conditions read the level's values, and the optional join's
	// for the variables it adds.
	scope := maps.Clone(cols)
	maps.Copy(scope, l.vars)
	var on []string
	for _, v := range sub.own {
		c, ok := l.vars[v]
		switch {
		case !ok:
		case !c.nullable:
			on = append(on, cols[v].hash+" = "+c.hash)
		case c.row != "" || cols[v].row != "":
			return fmt.Errorf("store: variable %d of a table is common to an optional join and a level that may leave it unbound", v)
		default:
			// Unbound on the left, it takes the optional join's value.
			on = append(on, "("+c.hash+" IS NULL OR "+cols[v].hash+" = "+c.hash+")")
			scope[v] = column{hash: "COALESCE(" + c.hash + ", " + cols[v].hash + ")", nullable: true}
		}
	}
	for _, c := range o.On {
		s, err := l.expr(c, scope)
		if err != nil {
			return err
		}
		on = append(on, s)
	}
	if len(on) == 0 {
		on = []string{"TRUE"}
	}
	l.from[0] += " LEFT JOIN (" + sub.sql(sub.ownColumns()) + ") " + alias + " ON " + strings.Join(on, " AND ")
	for _, v := range sub.own {
		if c, ok := l.vars[v]; !ok {
			l.vars[v] = cols[v]
			l.own = append(l.own, v)
		} else if c.nullable {
			l.vars[v] = scope[v]
		}
	}
	return nil
}

// expr translates a condition that reads the columns vars. SQL's NULL
// stands for an error: NOT, AND and OR treat it as SPARQL's operators
// treat errors.
func (l *level) expr(e join.Expr, vars map[int]column) (string, error) {
	switch e.Op {
	case join.ExprTrue:
		return "TRUE", nil
	case join.ExprFalse:
		return "FALSE", nil
	case join.ExprError:
		return "NULL::boolean", nil
	case join.ExprSameTerm:
		if len(e.Args) != 2 {
			return "", fmt.Errorf("store: sameTerm of %d operands", len(e.Args))
		}
		a, err := l.operand(e.Args[0], vars)
		if err != nil {
			return "", err
		}
		b, err := l.operand(e.Args[1], vars)
		if err != nil {
			return "", err
		}
		return "(" + a + " = " + b + ")", nil
	case join.ExprNot, join.ExprAnd, join.ExprOr:
		var parts []string
		for _, x := range e.Args {
			s, err := l.expr(x, vars)
			if err != nil {
				return "", err
			}
			parts = append(parts, s)
		}
		switch {
		case e.Op == join.ExprNot && len(parts) == 1:
			return "(NOT " + parts[0] + ")", nil
		case e.Op == join.ExprNot:
			return "", fmt.Errorf("store: negation of %d operands", len(parts))
		case len(parts) == 0 && e.Op == join.ExprAnd:
			return "TRUE", nil
		case len(parts) == 0:
			return "FALSE", nil
		case e.Op == join.ExprAnd:
			return "(" + strings.Join(parts, " AND ") + ")", nil
		}
		return "(" + strings.Join(parts, " OR ") + ")", nil
	case join.ExprBound:
		if c, ok := vars[e.Var]; ok {
			return "(" + c.hash + " IS NOT NULL)", nil
		}
		return "FALSE", nil
	case join.ExprExists:
		if e.Sub == nil {
			return "", fmt.Errorf("store: EXISTS without a join")
		}
		sub, err := l.b.level(e.Sub, vars)
		if err != nil {
			return "", err
		}
		return "EXISTS (" + sub.sql("1") + ")", nil
	}
	return "", fmt.Errorf("store: condition operator %d where a condition is wanted", e.Op)
}

// operand is the hash of a variable's value (NULL when no step binds it)
// or of a term.
func (l *level) operand(e join.Expr, vars map[int]column) (string, error) {
	switch e.Op {
	case join.ExprVar:
		if c, ok := vars[e.Var]; ok {
			return c.hash, nil
		}
		return "NULL::bytea", nil
	case join.ExprTerm:
		return l.b.a.add(hashOf(e.Term)) + "::bytea", nil
	}
	return "", fmt.Errorf("store: operator %d where a term is wanted", e.Op)
}

// bind equates a slot with the SQL expression col.
func (l *level) bind(s join.Slot, col string) {
	if s.Var < 0 {
		l.where = append(l.where, col+" = "+l.b.a.add(hashOf(s.Term)))
		return
	}
	if c, ok := l.vars[s.Var]; ok && !c.nullable {
		l.where = append(l.where, col+" = "+c.hash)
		return
	} else if ok {
		// A variable an enclosing level may leave unbound: where it
		// does, the step binds it.
		l.where = append(l.where, "("+c.hash+" IS NULL OR "+col+" = "+c.hash+")")
	}
	l.vars[s.Var] = column{hash: col}
	l.own = append(l.own, s.Var)
}

// quadConds are the conditions of one quad of the graph: its name, or,
// in a union default graph over several graphs, being the first of the
// quads that state its triple.
func (b *joinSQL) quadConds(alias string) []string {
	if !b.graph.IsZero() {
		return []string{alias + ".label_hash = " + b.a.add(hashOf(b.graph))}
	}
	if !b.dedup {
		return nil
	}
	return []string{`NOT EXISTS (SELECT 1 FROM quads d WHERE d.subject_hash = ` + alias + `.subject_hash
		AND d.predicate_hash = ` + alias + `.predicate_hash AND d.object_hash = ` + alias + `.object_hash
		AND d.horizon < ` + alias + `.horizon)`}
}

// step adds a step: a quad alias for a single link, a UNION ALL of the
// links' quads, turned the way each link reads, for several.
func (l *level) step(st join.Step) error {
	b := l.b
	alias := b.alias("q")
	if st.Closure {
		return l.closure(alias, st)
	}
	if len(st.Links) == 1 {
		k := st.Links[0]
		l.from = append(l.from, "quads "+alias)
		l.where = append(l.where, b.quadConds(alias)...)
		s, o := ".subject_hash", ".object_hash"
		if k.Inverse {
			s, o = o, s
		}
		l.bind(st.S, alias+s)
		l.bind(k.P, alias+".predicate_hash")
		l.bind(st.O, alias+o)
		return nil
	}
	l.from = append(l.from, "("+b.edges(st.Links, true)+") "+alias)
	l.bind(st.S, alias+".s")
	l.bind(st.O, alias+".o")
	return nil
}

// edges is the UNION ALL of the links' quads as pairs (s, o), each quad
// read once in the union default graph when dedup is set.
func (b *joinSQL) edges(links []join.Link, dedup bool) string {
	var branches []string
	for _, l := range links {
		s, o := "subject_hash", "object_hash"
		if l.Inverse {
			s, o = o, s
		}
		conds := []string{"x.predicate_hash = " + b.a.add(hashOf(l.P.Term))}
		if dedup || !b.graph.IsZero() {
			conds = append(conds, b.quadConds("x")...)
		}
		branches = append(branches, "SELECT x."+s+" AS s, x."+o+" AS o FROM quads x WHERE "+strings.Join(conds, " AND "))
	}
	return strings.Join(branches, " UNION ALL ")
}

// closure adds the pairs of one or more links from its constant end: a
// recursive query walks the links from there, each node once.
func (l *level) closure(alias string, st join.Step) error {
	from, to := "o", "s" // walking backwards from a constant O
	start := st.O
	if st.S.Var < 0 {
		from, to, start = "s", "o", st.S
	} else if st.O.Var >= 0 {
		return fmt.Errorf("store: a closure with no constant end")
	}
	e := "(" + l.b.edges(st.Links, false) + ")"
	c := l.b.a.add(hashOf(start.Term)) + "::bytea"
	l.from = append(l.from, "(WITH RECURSIVE r(n) AS (SELECT e."+to+" FROM "+e+" e WHERE e."+from+" = "+c+
		" UNION SELECT e."+to+" FROM "+e+" e JOIN r ON e."+from+" = r.n) SELECT n AS "+to+", "+c+" AS "+from+" FROM r) "+alias)
	l.bind(st.S, alias+".s")
	l.bind(st.O, alias+".o")
	return nil
}

// table adds an inline table whose first column numbers its rows.
func (l *level) table(t join.Table) {
	k := len(l.b.tables)
	l.b.tables = append(l.b.tables, t)
	alias := l.b.alias("t")
	rows := make([]string, len(t.Rows))
	for r, row := range t.Rows {
		vals := []string{strconv.Itoa(r)}
		for _, v := range row {
			vals = append(vals, l.b.a.add(hashOf(v))+"::bytea")
		}
		rows[r] = "(" + strings.Join(vals, ", ") + ")"
	}
	cols := []string{"r"}
	for c, v := range t.Vars {
		col := "c" + strconv.Itoa(c)
		cols = append(cols, col)
		if _, seen := l.vars[v]; !seen {
			l.vars[v] = column{hash: alias + "." + col, row: alias + ".r", table: k, col: c}
			l.own = append(l.own, v)
			continue
		}
		l.bind(join.Slot{Var: v}, alias+"."+col)
	}
	l.from = append(l.from, "(VALUES "+strings.Join(rows, ", ")+") AS "+alias+"("+strings.Join(cols, ", ")+")")
}

// Join evaluates j in one statement: the steps and tables joined in a
// subquery PostgreSQL plans as a whole, the values of the variables
// looked up in the nodes table around it.
func (s *sqlStore) Join(ctx context.Context, j *join.Join, yield func(row []term.Term) bool) error {
	b := &joinSQL{graph: j.Graph}
	if j.Graph.IsZero() {
		var err error
		if b.dedup, err = s.manyGraphs(ctx); err != nil {
			return err
		}
	}
	l, err := b.level(j, nil)
	if err != nil {
		return err
	}
	var core []string
	// src says, for each value of a row, the table and column it comes
	// from (by row number), or -1 for a value given by its hash.
	src := make([][2]int, len(j.Out))
	for k, v := range j.Out {
		c, ok := l.vars[v]
		if !ok {
			return fmt.Errorf("store: join variable %d is bound by no step", v)
		}
		src[k] = [2]int{-1, -1}
		if c.row == "" {
			core = append(core, c.hash+" AS v"+strconv.Itoa(k))
			continue
		}
		src[k] = [2]int{c.table, c.col}
		row := c.row
		if j.Group != nil {
			// A group's key: the row number of any of its rows gives it.
			row = "min(" + row + ")"
		}
		core = append(core, row+" AS v"+strconv.Itoa(k))
	}
	var group []string
	if j.Group != nil {
		for _, v := range j.Out {
			group = append(group, l.vars[v].hash)
		}
		for i, c := range j.Group.Counts {
			core = append(core, countSQL(c, l.vars)+" AS n"+strconv.Itoa(i))
		}
	}
	if len(core) == 0 {
		core = []string{"1 AS one"}
	}
	query := l.sql(strings.Join(core, ", "))
	if len(group) > 0 {
		query += " GROUP BY " + strings.Join(group, ", ")
	}
	joined := !s.cache.warm()
	if joined {
		// A store that has read no value yet reads them with the rows.
		var outer, joins []string
		for k, v := range j.Out {
			ck := "c.v" + strconv.Itoa(k)
			if src[k][0] >= 0 {
				outer = append(outer, ck)
				continue
			}
			n := "n" + strconv.Itoa(k)
			outer = append(outer, ck+", "+nodeFields(n))
			kind := " JOIN"
			if l.vars[v].nullable {
				kind = " LEFT JOIN"
			}
			joins = append(joins, kind+" nodes "+n+" ON "+n+".hash = "+ck)
		}
		if j.Group != nil {
			for i := range j.Group.Counts {
				outer = append(outer, "c.n"+strconv.Itoa(i))
			}
		}
		if len(outer) > 0 {
			// OFFSET 0 keeps the value lookups out of the join order search.
			query = "SELECT " + strings.Join(outer, ", ") + " FROM (" + query + " OFFSET 0) c" + strings.Join(joins, "")
		}
	}
	return s.joinRows(ctx, j, b.tables, src, query, b.a, joined, yield)
}

// countSQL is the aggregate of a count.
func countSQL(c join.Count, vars map[int]column) string {
	if c.Var < 0 {
		return "count(*)"
	}
	col, ok := vars[c.Var]
	switch {
	case !ok:
		return "0"
	case c.Distinct:
		return "count(DISTINCT " + col.hash + ")"
	case !col.nullable:
		return "count(*)" // bound in every solution
	}
	return "count(" + col.hash + ")"
}

// joinBatch is the number of rows whose values are looked up together.
const joinBatch = 1024

// joinRows runs a join's statement, which gives the hashes of values (or
// the row numbers of tables, or counts), and yields its rows with the
// values the hashes name: read with them when joined, else from the
// cache or looked up in batches of rows.
func (s *sqlStore) joinRows(ctx context.Context, j *join.Join, tables []join.Table, src [][2]int, query string, a args, joined bool, yield func([]term.Term) bool) error {
	rows, err := s.db.QueryContext(ctx, query, a...)
	if err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	defer rows.Close()
	counts := 0
	if j.Group != nil {
		counts = len(j.Group.Counts)
	}
	width := len(j.Out) + counts
	if width == 0 {
		for rows.Next() {
			if !yield(nil) {
				return nil
			}
		}
		return rows.Err()
	}
	raw := make([]sql.RawBytes, len(j.Out))
	scans := make([]nodeScan, len(j.Out))
	rowNos := make([]sql.NullInt64, len(j.Out))
	ns := make([]int64, counts)
	var dest []any
	for k := range j.Out {
		switch {
		case src[k][0] >= 0:
			dest = append(dest, &rowNos[k])
		case joined:
			dest = append(append(dest, &raw[k]), scans[k].dest()...)
		default:
			dest = append(dest, &raw[k])
		}
	}
	read := map[string]term.Term{} // values read with the rows, for the cache
	for i := range ns {
		dest = append(dest, &ns[i])
	}
	// The batch's values: a hash ("" for none) until looked up.
	var hashes []string
	var vals []term.Term
	out := make([]term.Term, width)
	flush := func() (bool, error) {
		if err := s.terms(ctx, hashes, vals); err != nil {
			return false, err
		}
		s.cache.add(read)
		clear(read)
		for r := 0; r < len(vals); r += width {
			copy(out, vals[r:r+width])
			if !yield(out) {
				return false, nil
			}
		}
		hashes, vals = hashes[:0], vals[:0]
		return true, nil
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for k := range j.Out {
			var v term.Term
			h := ""
			switch t := src[k]; {
			case t[0] < 0 && joined:
				var err error
				if v, err = scans[k].term(); err != nil {
					return err
				}
				if len(raw[k]) > 0 {
					read[string(raw[k])] = v
				}
			case t[0] < 0:
				h = string(raw[k])
			case rowNos[k].Valid:
				v = tables[t[0]].Rows[rowNos[k].Int64][t[1]]
			}
			hashes, vals = append(hashes, h), append(vals, v)
		}
		for _, n := range ns {
			hashes = append(hashes, "")
			vals = append(vals, term.Literal(strconv.FormatInt(n, 10), term.XSDInteger))
		}
		if len(vals) >= joinBatch*width {
			if cont, err := flush(); !cont {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	if _, err := flush(); err != nil {
		return err
	}
	return ctx.Err()
}

// manyGraphs runs manyGraphsSQL, once for all the joins of one query
// (one context): a query reads one state of the graph.
func (s *sqlStore) manyGraphs(ctx context.Context) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.manyCtx != nil && s.manyCtx == ctx {
		return s.manyOver, nil
	}
	var many bool
	if err := s.db.QueryRowContext(ctx, "SELECT "+manyGraphsSQL).Scan(&many); err != nil {
		return false, fmt.Errorf("store %s: %w", s.Location(), err)
	}
	s.manyCtx, s.manyOver = ctx, many
	return many, nil
}
