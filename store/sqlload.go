package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/lib/pq"

	"kg/term"
)

// Writes to PostgreSQL bypass Cayley's writer, which sends one INSERT per
// node and per quad: kg streams rows with COPY into Cayley's own tables
// (nodes keyed by the SHA-1 of the value's N-Quads form, quads by the four
// hashes), so Cayley and its tools still read what kg wrote. Each write is
// one transaction: a failed write leaves the previous content.

// nodeRow is one row of Cayley's nodes table for a term.
type nodeRow struct {
	hash []byte
	refs int
	t    term.Term
}

// hashOf is Cayley's key of a term.
func hashOf(t term.Term) []byte { return quad.HashOf(toValue(t)) }

// encodedQuads is a batch of distinct quads as Cayley stores them: the
// hashes of each quad and one row per distinct term, with the number of
// quad positions that refer to it.
type encodedQuads struct {
	quads [][4][]byte
	nodes []nodeRow
}

func encodeQuads(quads []term.Quad) encodedQuads {
	var e encodedQuads
	seen := make(map[term.Quad]bool, len(quads))
	nodeAt := map[term.Term]int{}
	ref := func(t term.Term) []byte {
		if t.IsZero() {
			return nil
		}
		i, ok := nodeAt[t]
		if !ok {
			i = len(e.nodes)
			nodeAt[t] = i
			e.nodes = append(e.nodes, nodeRow{hash: hashOf(t), t: t})
		}
		e.nodes[i].refs++
		return e.nodes[i].hash
	}
	for _, q := range quads {
		if seen[q] {
			continue
		}
		seen[q] = true
		e.quads = append(e.quads, [4][]byte{ref(q.S), ref(q.P), ref(q.O), ref(q.G)})
	}
	return e
}

// nodeColumns are the columns kg fills; the others stay NULL as Cayley
// leaves them for IRIs, blank nodes and string literals.
var nodeColumns = []string{"hash", "refs", "value_string", "datatype", "language", "iri", "bnode"}

// nodeValues is a row of nodeColumns, in Cayley's encoding: IRIs and blank
// nodes flagged, literals with their datatype (none for xsd:string) or
// language, NUL escaped.
func nodeValues(n nodeRow) []any {
	row := []any{n.hash, n.refs, nil, nil, nil, nil, nil}
	t := n.t
	switch t.Kind {
	case term.KindIRI:
		row[2], row[5] = t.Value, true
	case term.KindBlank:
		row[2], row[6] = t.Value, true
	default:
		row[2] = strings.ReplaceAll(t.Value, "\x00", `\x00`)
		if t.Lang != "" {
			row[4] = t.Lang
		} else if t.Datatype != "" && t.Datatype != term.XSDString {
			row[3] = t.Datatype
		}
	}
	return row
}

// copyRows streams rows into table with COPY.
func copyRows(ctx context.Context, tx *sql.Tx, table string, cols []string, n int, row func(i int) []any) error {
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
	if err != nil {
		return err
	}
	for i := range n {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				stmt.Close()
				return err
			}
		}
		if _, err := stmt.ExecContext(ctx, row(i)...); err != nil {
			stmt.Close()
			return err
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		stmt.Close()
		return err
	}
	return stmt.Close()
}

var quadColumns = []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}

func quadValues(h [4][]byte) []any {
	row := make([]any, 4)
	for i, b := range h {
		if b != nil {
			row[i] = b
		}
	}
	return row
}

// copyEncoded writes e into nodes and quads, which hold nothing that e
// holds (the caller has emptied them or copies into fresh tables).
func copyEncoded(ctx context.Context, tx *sql.Tx, nodes, quads string, e encodedQuads) error {
	if err := copyRows(ctx, tx, nodes, nodeColumns, len(e.nodes), func(i int) []any { return nodeValues(e.nodes[i]) }); err != nil {
		return err
	}
	return copyRows(ctx, tx, quads, quadColumns, len(e.quads), func(i int) []any { return quadValues(e.quads[i]) })
}

// inTx runs fn in one transaction that holds the writers' lock on quads
// (readers go on reading the committed graph), then refreshes the
// planner's statistics.
func (s *sqlStore) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `LOCK TABLE quads IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `ANALYZE quads, nodes`); err != nil {
		return err
	}
	s.mu.Lock()
	s.manyCtx = nil
	s.mu.Unlock()
	return tx.Commit()
}

// replaceSQL empties the tables and copies quads in; until the commit
// readers see the previous graph.
func (s *sqlStore) replaceSQL(ctx context.Context, quads []term.Quad) error {
	e := encodeQuads(quads)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM quads`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM nodes`); err != nil {
			return err
		}
		return copyEncoded(ctx, tx, "nodes", "quads", e)
	})
}

// addSQL copies quads into an empty store directly; into a store that
// holds quads already it copies them into temporary tables and merges
// those, counting node references only for quads that were new.
func (s *sqlStore) addSQL(ctx context.Context, quads []term.Quad) error {
	e := encodeQuads(quads)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var stored bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quads)`).Scan(&stored); err != nil {
			return err
		}
		if !stored {
			if _, err := tx.ExecContext(ctx, `DELETE FROM nodes`); err != nil {
				return err
			}
			return copyEncoded(ctx, tx, "nodes", "quads", e)
		}
		return mergeEncoded(ctx, tx, e)
	})
}

// mergeSQL merges the temporary tables kg_new_nodes and kg_new_quads into
// Cayley's: nodes not yet stored are added with no references, the quads
// not yet stored are added, each of their positions counts one reference,
// and nodes left with none (all their quads were stored already) go.
var mergeSQL = []string{
	`INSERT INTO nodes (hash, refs, value_string, datatype, language, iri, bnode)
	 SELECT hash, 0, value_string, datatype, language, iri, bnode FROM kg_new_nodes
	 ON CONFLICT (hash) DO NOTHING`,
	`WITH added AS (
		INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT subject_hash, predicate_hash, object_hash, label_hash, now() FROM kg_new_quads
		ON CONFLICT DO NOTHING
		RETURNING subject_hash, predicate_hash, object_hash, label_hash
	), used AS (
		SELECT h, count(*) AS n FROM (
			SELECT subject_hash AS h FROM added UNION ALL
			SELECT predicate_hash FROM added UNION ALL
			SELECT object_hash FROM added UNION ALL
			SELECT label_hash FROM added WHERE label_hash IS NOT NULL
		) AS positions GROUP BY h
	)
	UPDATE nodes SET refs = nodes.refs + used.n FROM used WHERE nodes.hash = used.h`,
	`DELETE FROM nodes WHERE refs <= 0`,
}

func mergeEncoded(ctx context.Context, tx *sql.Tx, e encodedQuads) error {
	for _, q := range []string{
		`CREATE TEMPORARY TABLE kg_new_nodes (hash BYTEA, refs INT, value_string TEXT,
			datatype TEXT, language TEXT, iri BOOLEAN, bnode BOOLEAN) ON COMMIT DROP`,
		`CREATE TEMPORARY TABLE kg_new_quads (subject_hash BYTEA, predicate_hash BYTEA,
			object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := copyEncoded(ctx, tx, "kg_new_nodes", "kg_new_quads", e); err != nil {
		return fmt.Errorf("copying: %w", err)
	}
	for _, q := range mergeSQL {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}
