package store

import (
	"context"
	"errors"
	"kg/store/disk"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kg/term"
)

func sample() []term.Quad {
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	g := ex("graph/1")
	return []term.Quad{
		{S: ex("a"), P: ex("n"), O: term.Literal("01", term.XSDInteger)},
		{S: ex("a"), P: ex("n"), O: term.Literal("1", term.XSDInteger)},
		{S: ex("a"), P: ex("d"), O: term.Literal("1.0", term.XSDDecimal)},
		{S: ex("a"), P: ex("d"), O: term.Literal("1e0", term.XSDDouble)},
		{S: ex("a"), P: ex("t"), O: term.Literal("2023-03-01", term.XSDDate)},
		{S: ex("a"), P: ex("b"), O: term.Literal("true", term.XSDBoolean)},
		{S: ex("a"), P: ex("label"), O: term.LangString("Region Skåne", "sv")},
		{S: ex("a"), P: ex("label"), O: term.LangString("Region Skåne", "en")},
		{S: ex("a"), P: ex("s"), O: term.String("plain \"quoted\"\n")},
		{S: term.Blank("b1"), P: ex("p"), O: ex("a"), G: g},
		{S: ex("a"), P: ex("p"), O: ex("c"), G: g},
		{S: ex("a"), P: ex("p"), O: ex("c")},
		{S: ex("odd"), P: ex("x"), O: term.Literal("  spaced  ", "http://example.org/dt")},
	}
}

func backends(t *testing.T) map[string]func() Store {
	t.Helper()
	m := map[string]func() Store{
		"memory": func() Store {
			s, err := Open(context.Background(), "memory", Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		"embedded": func() Store {
			s, err := Open(context.Background(), filepath.Join(t.TempDir(), "kg"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
		"bolt": func() Store {
			s, err := Open(context.Background(), "bolt:"+filepath.Join(t.TempDir(), "kg"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
	}
	if u := postgresURL(t); u != "" {
		m["postgres"] = func() Store {
			s, err := Open(context.Background(), u, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Replace(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			return s
		}
	}
	return m
}

func TestRoundTripKeepsTerms(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open()
			defer s.Close()
			want := sample()
			if err := s.Replace(ctx, want); err != nil {
				t.Fatal(err)
			}
			got, err := All(ctx, s, Pattern{}, term.CompareQuads)
			if err != nil {
				t.Fatal(err)
			}
			slices.SortFunc(want, term.CompareQuads)
			if !slices.Equal(got, want) {
				t.Fatalf("round trip changed quads:\n got %v\nwant %v", got, want)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	ctx := context.Background()
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open()
			defer s.Close()
			if err := s.Replace(ctx, sample()); err != nil {
				t.Fatal(err)
			}
			cases := []struct {
				p    Pattern
				want int
			}{
				{Pattern{}, 13},
				{Pattern{S: ex("a")}, 11},
				{Pattern{S: ex("a"), P: ex("n")}, 2},
				{Pattern{O: term.Literal("01", term.XSDInteger)}, 1},
				{Pattern{P: ex("p")}, 3},
				{Pattern{P: ex("p"), DefaultGraph: true}, 1},
				{Pattern{G: ex("graph/1")}, 2},
				{Pattern{S: ex("missing")}, 0},
				{Pattern{O: term.LangString("Region Skåne", "en")}, 1},
			}
			for _, c := range cases {
				got, err := All(ctx, s, c.p, term.CompareQuads)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != c.want {
					t.Errorf("%+v: got %d quads, want %d: %v", c.p, len(got), c.want, got)
				}
				est, err := s.Estimate(ctx, c.p)
				if err != nil {
					t.Fatal(err)
				}
				if (est == 0) != (c.want == 0) {
					t.Errorf("%+v: estimate %d disagrees with the real count %d about emptiness", c.p, est, c.want)
				}
			}
		})
	}
}

func TestAddKeepsExisting(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			s := open()
			defer s.Close()
			qs := sample()
			if err := s.Replace(ctx, qs[:5]); err != nil {
				t.Fatal(err)
			}
			if err := s.Add(ctx, qs[3:]); err != nil {
				t.Fatal(err)
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Quads != int64(len(qs)) {
				t.Fatalf("got %d quads, want %d", st.Quads, len(qs))
			}
		})
	}
}

func TestEmbeddedPersistsAndReplacesAtomically(t *testing.T) {
	for _, kind := range []string{"", "bolt:"} {
		t.Run(kind+"dir", func(t *testing.T) { testPersists(t, kind) })
	}
}

func testPersists(t *testing.T, kind string) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg")
	s, err := Open(ctx, kind+dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if empty, _ := s.Empty(ctx); !empty {
		t.Fatal("new store is not empty")
	}
	first := sample()[:4]
	if err := s.Replace(ctx, first); err != nil {
		t.Fatal(err)
	}
	// A cancelled build must leave the first graph in place.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Replace(cctx, sample()); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled replace: got %v", err)
	}
	s.Close()

	s, err = Open(ctx, kind+dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := All(ctx, s, Pattern{}, term.CompareQuads)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(first, term.CompareQuads)
	if !slices.Equal(got, first) {
		t.Fatalf("after a failed rebuild got %v, want %v", got, first)
	}
	gens, _ := filepath.Glob(filepath.Join(dir, genPrefix+"*"))
	if len(gens) != 1 {
		t.Fatalf("want exactly one generation left, got %v", gens)
	}
}

// TestLockedStore opens the store in a child process and checks that a
// second writer gets ErrLocked at once.
func TestLockedStore(t *testing.T) {
	if dir := os.Getenv("KG_LOCK_HOLDER"); dir != "" {
		s, err := Open(context.Background(), dir, Options{})
		if err != nil {
			os.Exit(3)
		}
		defer s.Close()
		os.Stdout.WriteString("locked\n")
		buf := make([]byte, 1)
		os.Stdin.Read(buf) // hold until the parent closes stdin
		return
	}
	dir := filepath.Join(t.TempDir(), "kg")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockedStore$")
	cmd.Env = append(os.Environ(), "KG_LOCK_HOLDER="+dir)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	buf := make([]byte, 7)
	if _, err := stdout.Read(buf); err != nil || string(buf[:6]) != "locked" {
		t.Fatalf("holder did not start: %q %v", buf, err)
	}
	_, err := Open(context.Background(), dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: got %v, want ErrLocked", err)
	}
}

func TestCorruptStore(t *testing.T) {
	ctx := context.Background()
	cases := []struct{ kind, file, content string }{
		{"", "spo.dat", "not an index"},
		{"", "terms.dat", ""},
		{"", "graphs.dat", "kggrap\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00"},
		{"", disk.Manifest, "something else"},
		{"bolt:", "indexes.bolt", "not a database"},
	}
	for _, c := range cases {
		dir := filepath.Join(t.TempDir(), "kg")
		s, err := Open(ctx, c.kind+dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Replace(ctx, sample()); err != nil {
			t.Fatal(err)
		}
		s.Close()
		gen, _ := os.Readlink(filepath.Join(dir, currentLink))
		if err := os.WriteFile(filepath.Join(dir, gen, c.file), []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(ctx, c.kind+dir, Options{}); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s%s with %q: got %v, want ErrCorrupt", c.kind, c.file, c.content, err)
		}
	}
}

// postgresURL returns the test database: KG_TEST_POSTGRES, or a server
// started with .ci/start-postgres when PostgreSQL is installed here.
func postgresURL(t *testing.T) string {
	t.Helper()
	if u := os.Getenv("KG_TEST_POSTGRES"); u != "" {
		return u
	}
	if m, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb"); len(m) == 0 {
		t.Log("PostgreSQL is not installed and KG_TEST_POSTGRES is unset: the SQL backend is not tested here (.ci/run installs it)")
		return ""
	}
	out, err := exec.Command("../.ci/start-postgres").Output()
	if err != nil {
		t.Fatalf("starting PostgreSQL: %v", err)
	}
	u := strings.TrimSpace(string(out))
	os.Setenv("KG_TEST_POSTGRES", u)
	return u
}

// Opening a store read-only (kg query, kg serve) never creates it: a store
// that was never built reads as empty and leaves no trace on disk.
func TestReadOnlyOpenCreatesNothing(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "never-built")
	s, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	empty, err := s.Empty(ctx)
	if err != nil || !empty {
		t.Fatalf("Empty = %v, %v; want true", empty, err)
	}
	n := 0
	if err := s.Match(ctx, Pattern{}, func(term.Quad) bool { n++; return true }); err != nil || n != 0 {
		t.Fatalf("Match: %d quads, %v", n, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("read-only open created %s (stat: %v)", dir, err)
	}
	// Once built, a read-only open takes the shared lock as before.
	w, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Replace(ctx, []term.Quad{{S: term.IRI("http://ex/s"), P: term.IRI("http://ex/p"), O: term.String("o")}}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if empty, err := r.Empty(ctx); err != nil || empty {
		t.Fatalf("built store: Empty = %v, %v", empty, err)
	}
}

// A reader of the embedded store holds no lock: a writer builds while it
// is open, the reader keeps its graph, learns that a newer one exists, and
// a new reader sees that.
func TestReadersDoNotBlockBuilds(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg")
	q := func(o string) term.Quad {
		return term.Quad{S: term.IRI("http://ex/s"), P: term.IRI("http://ex/p"), O: term.String(o)}
	}
	count := func(s Store) []term.Quad {
		var got []term.Quad
		if err := s.Match(ctx, Pattern{}, func(x term.Quad) bool { got = append(got, x); return true }); err != nil {
			t.Fatal(err)
		}
		return got
	}
	w, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Replace(ctx, []term.Quad{q("old")}); err != nil {
		t.Fatal(err)
	}
	w.Close()

	r, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ch, ok := r.(Changer)
	if !ok {
		t.Fatal("the embedded store does not implement Changer")
	}
	if changed, err := ch.Changed(); err != nil || changed {
		t.Fatalf("Changed before a build = %v, %v", changed, err)
	}

	w, err = Open(ctx, dir, Options{ReplaceOnly: true})
	if err != nil {
		t.Fatalf("a writer must not wait for readers: %v", err)
	}
	if err := w.Replace(ctx, []term.Quad{q("new")}); err != nil {
		t.Fatal(err)
	}
	if changed, err := w.(Changer).Changed(); err != nil || changed {
		t.Fatalf("the writer's own commit counts as changed: %v, %v", changed, err)
	}
	w.Close()

	if got := count(r); len(got) != 1 || got[0] != q("old") {
		t.Fatalf("the open reader's graph changed under it: %v", got)
	}
	if changed, err := ch.Changed(); err != nil || !changed {
		t.Fatalf("Changed after a build = %v, %v", changed, err)
	}
	r2, err := Open(ctx, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	if got := count(r2); len(got) != 1 || got[0] != q("new") {
		t.Fatalf("a new reader sees %v", got)
	}
	// Only the live generation is left on disk.
	gens, _ := filepath.Glob(filepath.Join(dir, genPrefix+"*"))
	if len(gens) != 1 {
		t.Fatalf("generations on disk: %v", gens)
	}
}
