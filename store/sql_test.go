package store

import (
	"context"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cayleygraph/cayley/graph"

	"kg/term"
)

// A server that accepts the connection but never answers makes Open fail
// (after connect_timeout) instead of hanging.
func TestPostgresConnectTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn // accepted and never answered
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	u := "postgres://kg:secret@" + ln.Addr().String() + "/kg?sslmode=disable&connect_timeout=1"
	_, err = Open(context.Background(), u, Options{})
	if err == nil || !strings.Contains(err.Error(), "did not answer within 1s") || strings.Contains(err.Error(), "secret") {
		t.Fatalf("got %v", err)
	}
}

func TestConnectTimeoutDefault(t *testing.T) {
	p, err := url.Parse(withConnectTimeout("postgres://u@h/db?sslmode=disable"))
	if err != nil || p.Query().Get("connect_timeout") != "10" || p.Query().Get("sslmode") != "disable" {
		t.Errorf("got %v, %v", p, err)
	}
	if got := withConnectTimeout("postgres://u@h/db?connect_timeout=3"); got != "postgres://u@h/db?connect_timeout=3" {
		t.Errorf("an explicit timeout was changed: %s", got)
	}
}

// What kg copies into PostgreSQL is Cayley's own schema: Cayley's reader
// sees the same quads, node reference counts are exact after merging
// overlapping adds, and Cayley's writer can delete everything again.
func TestPostgresKeepsCayleySchema(t *testing.T) {
	u := postgresURL(t)
	if u == "" {
		t.Skip("no PostgreSQL")
	}
	ctx := context.Background()
	st, err := Open(ctx, u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := st.(*sqlStore)
	qs := sample()
	if err := s.Replace(ctx, qs[:6]); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(ctx, qs[4:]); err != nil {
		t.Fatal(err)
	}
	var viaCayley []term.Quad
	if err := s.cayleyGraph.Match(ctx, Pattern{}, func(q term.Quad) bool { viaCayley = append(viaCayley, q); return true }); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(viaCayley, term.CompareQuads)
	want := slices.Clone(qs)
	slices.SortFunc(want, term.CompareQuads)
	if !slices.Equal(viaCayley, want) {
		t.Fatalf("Cayley reads\n%v\nwant\n%v", viaCayley, want)
	}
	var wrong int
	err = s.db.QueryRow(`SELECT count(*) FROM nodes n WHERE refs <> (SELECT count(*) FROM quads q WHERE
		q.subject_hash = n.hash) + (SELECT count(*) FROM quads q WHERE q.predicate_hash = n.hash) +
		(SELECT count(*) FROM quads q WHERE q.object_hash = n.hash) + (SELECT count(*) FROM quads q WHERE q.label_hash = n.hash)`).Scan(&wrong)
	if err != nil || wrong != 0 {
		t.Fatalf("%d nodes with a wrong reference count (%v)", wrong, err)
	}
	if err := s.qs.ApplyDeltas(deltas(qs, graph.Delete), graph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	var nodes int
	if err := s.db.QueryRow(`SELECT count(*) FROM nodes`).Scan(&nodes); err != nil || nodes != 0 {
		t.Fatalf("%d nodes left after Cayley deleted every quad (%v)", nodes, err)
	}
}

// failingCtx fails once its Err has been asked for n times: a write
// interrupted after it has begun. database/sql asks from goroutines of its
// own, so the count is atomic.
type failingCtx struct {
	context.Context
	n atomic.Int64
}

func newFailingCtx(ctx context.Context, n int) *failingCtx {
	c := &failingCtx{Context: ctx}
	c.n.Store(int64(n))
	return c
}

func (c *failingCtx) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// A write that fails part way leaves the previous graph.
func TestPostgresFailedWriteKeepsGraph(t *testing.T) {
	u := postgresURL(t)
	if u == "" {
		t.Skip("no PostgreSQL")
	}
	ctx := context.Background()
	st, err := Open(ctx, u, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Replace(ctx, sample()); err != nil {
		t.Fatal(err)
	}
	before, _ := All(ctx, st, Pattern{}, term.CompareQuads)
	var many []term.Quad
	for i := range 20000 {
		many = append(many, term.Quad{S: term.IRI("http://example.org/s"), P: term.IRI("http://example.org/p"), O: term.String(strconv.Itoa(i))})
	}
	for _, write := range []func(context.Context, []term.Quad) error{st.Replace, st.Add} {
		for _, n := range []int{1, 3, 6} {
			if err := write(newFailingCtx(ctx, n), many); err == nil {
				t.Fatalf("a write interrupted after %d checks succeeded", n)
			}
			after, err := All(ctx, st, Pattern{}, term.CompareQuads)
			if err != nil || !slices.Equal(before, after) {
				t.Fatalf("an interrupted write changed the graph (%v)", err)
			}
		}
	}
}
