package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"kg/term"
)

// nodeFields are the columns of Cayley's nodes table that hold the terms
// kg writes, read through an alias.
func nodeFields(alias string) string {
	return alias + ".value_string, " + alias + ".datatype, " + alias + ".language, " + alias + ".iri, " + alias + ".bnode"
}

// nodeScan receives the nodeFields of one term.
type nodeScan struct {
	value, datatype, lang sql.NullString
	iri, bnode            sql.NullBool
}

func (n *nodeScan) dest() []any {
	return []any{&n.value, &n.datatype, &n.lang, &n.iri, &n.bnode}
}

// term decodes the scanned node. A NULL value is the absent graph name of
// the default graph; values of other kinds (Cayley's native numbers and
// times, which kg never writes) are refused.
func (n *nodeScan) term() (term.Term, error) {
	if !n.value.Valid {
		if n.iri.Valid || n.bnode.Valid || n.datatype.Valid || n.lang.Valid {
			return term.Term{}, fmt.Errorf("%w: a node kg cannot read (not an IRI, blank node or string)", ErrCorrupt)
		}
		return term.Term{}, nil
	}
	v := n.value.String
	switch {
	case n.iri.Bool:
		return term.IRI(v), nil
	case n.bnode.Bool:
		return term.Blank(v), nil
	}
	v = strings.ReplaceAll(v, `\x00`, "\x00")
	switch {
	case n.lang.Valid:
		return term.LangString(v, n.lang.String), nil
	case n.datatype.Valid:
		return term.Literal(v, n.datatype.String), nil
	}
	return term.String(v), nil
}

// args collects the parameters of a statement and names their placeholders.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// Match reads the quads matching p, their values with them, in one query.
func (s *sqlStore) Match(ctx context.Context, p Pattern, fn func(term.Quad) bool) error {
	var a args
	var where []string
	for _, c := range []struct {
		col string
		t   term.Term
	}{{"subject_hash", p.S}, {"predicate_hash", p.P}, {"object_hash", p.O}, {"label_hash", p.G}} {
		if c.col == "label_hash" && p.DefaultGraph {
			where = append(where, "q.label_hash IS NULL")
		} else if !c.t.IsZero() {
			where = append(where, "q."+c.col+" = "+a.add(hashOf(c.t)))
		}
	}
	query := `SELECT ` + nodeFields("ns") + `, ` + nodeFields("np") + `, ` + nodeFields("no") + `, ` + nodeFields("nl") + `
	FROM quads q JOIN nodes ns ON ns.hash = q.subject_hash JOIN nodes np ON np.hash = q.predicate_hash
	JOIN nodes no ON no.hash = q.object_hash LEFT JOIN nodes nl ON nl.hash = q.label_hash`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, query, a...)
	if err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	defer rows.Close()
	var ns [4]nodeScan
	dest := append(append(append(ns[0].dest(), ns[1].dest()...), ns[2].dest()...), ns[3].dest()...)
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		var ts [4]term.Term
		for i := range ns {
			if ts[i], err = ns[i].term(); err != nil {
				return err
			}
		}
		if !fn(term.Quad{S: ts[0], P: ts[1], O: ts[2], G: ts[3]}) {
			return nil
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store %s: %w", s.Location(), err)
	}
	return ctx.Err()
}

func (s *sqlStore) Empty(ctx context.Context) (bool, error) {
	var stored bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quads)`).Scan(&stored)
	return !stored, err
}

// manyGraphsSQL is true when quads stand in more than one graph (the
// default graph counting as one): only then can a triple be stated twice,
// so that the union default graph must read it once. The label index
// answers it from its ends.
const manyGraphsSQL = `((SELECT label_hash FROM quads WHERE label_hash IS NOT NULL ORDER BY label_hash LIMIT 1)
	IS DISTINCT FROM (SELECT label_hash FROM quads WHERE label_hash IS NOT NULL ORDER BY label_hash DESC LIMIT 1)
	OR (EXISTS (SELECT 1 FROM quads WHERE label_hash IS NULL)
		AND EXISTS (SELECT 1 FROM quads WHERE label_hash IS NOT NULL)))`
