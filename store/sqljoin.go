package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"kg/term"
)

// JoinSlot is a position of a join step: the variable Var when Var >= 0,
// else the constant Term.
type JoinSlot struct {
	Var  int
	Term term.Term
}

// JoinLink is one way from a step's S to its O: a quad with predicate P
// from S to O, or from O to S when Inverse.
type JoinLink struct {
	P       JoinSlot
	Inverse bool
}

// JoinStep matches the pairs (S, O) that one of its links connects; a
// pair connected by several links matches once per link, as in a SPARQL
// alternative path. A triple pattern is a step of one link.
type JoinStep struct {
	S, O  JoinSlot
	Links []JoinLink
	// Closure makes the step the path of one or more links (P+): each
	// pair reachable once. One of its ends must be a constant.
	Closure bool
}

// JoinTable is an inline table of values for Vars (a SPARQL VALUES block
// without UNDEF).
type JoinTable struct {
	Vars []int
	Rows [][]term.Term
}

// Join is a conjunction of steps and tables in one graph: Graph, or the
// union default graph (each triple once) when Graph is zero.
type Join struct {
	Graph  term.Term
	Steps  []JoinStep
	Tables []JoinTable
	// Out lists the variables whose values each solution carries, in order.
	Out []int
}

// Joiner is implemented by stores that evaluate a whole Join in one
// request, letting their own planner order it.
type Joiner interface {
	Join(ctx context.Context, j *Join, yield func(row []term.Term) bool) error
}

// joinSQL builds the statement of a Join.
type joinSQL struct {
	a     args
	from  []string
	where []string
	// first is where each variable is first bound: a column, or a column
	// of a table's row number.
	first   map[int]string
	tableOf map[int][2]int // variable → table, column
	dedup   bool
	graph   term.Term
}

// bind equates a slot with the SQL expression col.
func (b *joinSQL) bind(s JoinSlot, col string) {
	if s.Var < 0 {
		b.where = append(b.where, col+" = "+b.a.add(hashOf(s.Term)))
		return
	}
	if f, ok := b.first[s.Var]; ok {
		b.where = append(b.where, col+" = "+f)
		return
	}
	b.first[s.Var] = col
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
func (b *joinSQL) step(i int, st JoinStep) error {
	alias := "q" + strconv.Itoa(i)
	if st.Closure {
		return b.closure(alias, st)
	}
	if len(st.Links) == 1 {
		l := st.Links[0]
		b.from = append(b.from, "quads "+alias)
		b.where = append(b.where, b.quadConds(alias)...)
		s, o := ".subject_hash", ".object_hash"
		if l.Inverse {
			s, o = o, s
		}
		b.bind(st.S, alias+s)
		b.bind(l.P, alias+".predicate_hash")
		b.bind(st.O, alias+o)
		return nil
	}
	b.from = append(b.from, "("+b.edges(st.Links, true)+") "+alias)
	b.bind(st.S, alias+".s")
	b.bind(st.O, alias+".o")
	return nil
}

// edges is the UNION ALL of the links' quads as pairs (s, o), each quad
// read once in the union default graph when dedup is set.
func (b *joinSQL) edges(links []JoinLink, dedup bool) string {
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
func (b *joinSQL) closure(alias string, st JoinStep) error {
	from, to := "o", "s" // walking backwards from a constant O
	start := st.O
	if st.S.Var < 0 {
		from, to, start = "s", "o", st.S
	} else if st.O.Var >= 0 {
		return fmt.Errorf("store: a closure with no constant end")
	}
	e := "(" + b.edges(st.Links, false) + ")"
	c := b.a.add(hashOf(start.Term)) + "::bytea"
	b.from = append(b.from, "(WITH RECURSIVE r(n) AS (SELECT e."+to+" FROM "+e+" e WHERE e."+from+" = "+c+
		" UNION SELECT e."+to+" FROM "+e+" e JOIN r ON e."+from+" = r.n) SELECT n AS "+to+", "+c+" AS "+from+" FROM r) "+alias)
	b.bind(st.S, alias+".s")
	b.bind(st.O, alias+".o")
	return nil
}

// table adds an inline table whose first column numbers its rows.
func (b *joinSQL) table(i int, t JoinTable) {
	alias := "t" + strconv.Itoa(i)
	rows := make([]string, len(t.Rows))
	for r, row := range t.Rows {
		vals := []string{strconv.Itoa(r)}
		for _, v := range row {
			vals = append(vals, b.a.add(hashOf(v))+"::bytea")
		}
		rows[r] = "(" + strings.Join(vals, ", ") + ")"
	}
	cols := []string{"r"}
	for c, v := range t.Vars {
		col := "c" + strconv.Itoa(c)
		cols = append(cols, col)
		if _, seen := b.first[v]; !seen {
			b.tableOf[v] = [2]int{i, c}
		}
		b.bind(JoinSlot{Var: v}, alias+"."+col)
	}
	b.from = append(b.from, "(VALUES "+strings.Join(rows, ", ")+") AS "+alias+"("+strings.Join(cols, ", ")+")")
}

// Join evaluates j in one statement: the steps and tables joined in a
// subquery PostgreSQL plans as a whole, the values of the variables
// looked up in the nodes table around it.
func (s *sqlStore) Join(ctx context.Context, j *Join, yield func(row []term.Term) bool) error {
	b := &joinSQL{first: map[int]string{}, tableOf: map[int][2]int{}, graph: j.Graph}
	if j.Graph.IsZero() {
		var err error
		if b.dedup, err = s.manyGraphs(ctx); err != nil {
			return err
		}
	}
	for i, t := range j.Tables {
		b.table(i, t)
	}
	for i, st := range j.Steps {
		if err := b.step(i, st); err != nil {
			return err
		}
	}
	var core, outer, joins []string
	// src says, for each value of a row, the table and column it comes
	// from (by row number), or -1 for a value read from the nodes table.
	src := make([][2]int, len(j.Out))
	for k, v := range j.Out {
		src[k] = [2]int{-1, -1}
		if t, ok := b.tableOf[v]; ok {
			src[k] = t
			core = append(core, "t"+strconv.Itoa(t[0])+".r AS v"+strconv.Itoa(k))
			outer = append(outer, "NULL, NULL, NULL, NULL, NULL, c.v"+strconv.Itoa(k))
			continue
		}
		col, ok := b.first[v]
		if !ok {
			return fmt.Errorf("store: join variable %d is bound by no step", v)
		}
		n := "n" + strconv.Itoa(k)
		core = append(core, col+" AS v"+strconv.Itoa(k))
		outer = append(outer, nodeFields(n)+", NULL::int")
		joins = append(joins, " JOIN nodes "+n+" ON "+n+".hash = c.v"+strconv.Itoa(k))
	}
	if len(core) == 0 {
		core, outer = []string{"1 AS one"}, []string{"1"}
	}
	query := "SELECT " + strings.Join(core, ", ") + " FROM " + strings.Join(b.from, ", ")
	if len(b.where) > 0 {
		query += " WHERE " + strings.Join(b.where, " AND ")
	}
	// OFFSET 0 keeps the value lookups out of the join order search.
	query = "SELECT " + strings.Join(outer, ", ") + " FROM (" + query + " OFFSET 0) c" + strings.Join(joins, "")
	return s.joinRows(ctx, j, src, query, b.a, yield)
}

// joinRows runs a join's statement and decodes its rows.
func (s *sqlStore) joinRows(ctx context.Context, j *Join, src [][2]int, query string, a args, yield func([]term.Term) bool) error {
	rows, err := s.db.QueryContext(ctx, query, a...)
	if err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	defer rows.Close()
	if len(j.Out) == 0 {
		for rows.Next() {
			if !yield(nil) {
				return nil
			}
		}
		return rows.Err()
	}
	scans := make([]nodeScan, len(j.Out))
	rowNos := make([]*int64, len(j.Out))
	var dest []any
	for k := range scans {
		rowNos[k] = new(int64)
		dest = append(append(dest, scans[k].dest()...), &nullInt{rowNos[k]})
	}
	out := make([]term.Term, len(j.Out))
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for k := range out {
			if t := src[k]; t[0] >= 0 {
				out[k] = j.Tables[t[0]].Rows[*rowNos[k]][t[1]]
			} else if out[k], err = scans[k].term(); err != nil {
				return err
			}
		}
		if !yield(out) {
			return nil
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	return ctx.Err()
}

// nullInt scans an integer that may be NULL.
type nullInt struct{ p *int64 }

func (n *nullInt) Scan(v any) error {
	if i, ok := v.(int64); ok {
		*n.p = i
	}
	return nil
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
