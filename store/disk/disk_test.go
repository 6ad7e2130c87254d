package disk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"kg/term"
)

func sampleQuads() []term.Quad {
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	g := ex("g")
	var qs []term.Quad
	for i := range 50 {
		s := ex(fmt.Sprint("s", i%7))
		qs = append(qs,
			term.Quad{S: s, P: ex("p"), O: term.Literal(fmt.Sprint("0", i), term.XSDInteger)},
			term.Quad{S: s, P: ex("q"), O: ex(fmt.Sprint("o", i%5)), G: g},
			term.Quad{S: s, P: ex("q"), O: ex(fmt.Sprint("o", i%5))},
			term.Quad{S: term.Blank(fmt.Sprint("b", i)), P: ex("label"), O: term.LangString("namn", "sv")},
		)
	}
	return qs
}

// build writes quads as a generation, with sort runs of runRecords.
func build(t *testing.T, quads []term.Quad, runRecords int) string {
	t.Helper()
	dir := t.TempDir()
	b := NewBuilder(dir, runRecords)
	for _, q := range quads {
		if err := b.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.Finish(context.Background()); err != nil {
		t.Fatal(err)
	}
	return dir
}

// quadsOf reads every stored quad back through the dictionary.
func quadsOf(ix *Index) []term.Quad {
	var out []term.Quad
	for _, g := range ix.Graphs() {
		for _, t := range g.SPO {
			out = append(out, term.Quad{S: ix.Term(t[0]), P: ix.Term(t[1]), O: ix.Term(t[2]), G: ix.Term(g.ID())})
		}
	}
	slices.SortFunc(out, term.CompareQuads)
	return out
}

func TestRoundTrip(t *testing.T) {
	want := sampleQuads()
	slices.SortFunc(want, term.CompareQuads)
	want = slices.Compact(want)
	// Runs of 5 records spill many times and exercise the merge.
	for _, run := range []int{5, 0} {
		ix, err := Open(build(t, sampleQuads(), run))
		if err != nil {
			t.Fatal(err)
		}
		if err := Verify(ix.Dir()); err != nil {
			t.Fatal(err)
		}
		if got := quadsOf(ix); !slices.Equal(got, want) {
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("run %d: %d: %#v != %#v", run, i, got[i], want[i])
				}
			}
		}
		if ix.Quads() != int64(len(want)) {
			t.Errorf("Quads() = %d, want %d", ix.Quads(), len(want))
		}
		for _, q := range want {
			id, ok := ix.Lookup(q.O)
			if !ok || ix.Term(id) != q.O {
				t.Fatalf("lookup of %v: %d %v", q.O, id, ok)
			}
		}
		if _, ok := ix.Lookup(term.Literal("01", term.XSDString)); ok {
			t.Error("a string literal found as the integer of the same lexical form")
		}
	}
}

// The union holds each triple once and every order the same triples.
func TestUnionAndOrders(t *testing.T) {
	ix, err := Open(build(t, sampleQuads(), 7))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[term.Triple]bool{}
	for _, q := range sampleQuads() {
		seen[q.Triple()] = true
	}
	u := ix.Union()
	if len(u.SPO) != len(seen) {
		t.Fatalf("union has %d triples, want %d", len(u.SPO), len(seen))
	}
	p, _ := ix.Lookup(term.IRI("http://example.org/q"))
	o, _ := ix.Lookup(term.IRI("http://example.org/o1"))
	rng, perm := u.Scan(0, p, o)
	n := 0
	for _, tr := range u.SPO {
		if tr[1] == p && tr[2] == o {
			n++
		}
	}
	if len(rng) != n || n == 0 || perm != [3]int{1, 2, 0} {
		t.Errorf("scan of ?s q o1: %d matches (perm %v), want %d", len(rng), perm, n)
	}
}

func TestCorruption(t *testing.T) {
	cases := []struct {
		name   string
		damage func(path string) error
		atOpen bool
	}{
		{"truncated order", func(p string) error { return truncate(filepath.Join(p, "pos.dat"), 12) }, true},
		{"truncated terms", func(p string) error { return truncate(filepath.Join(p, termsFile), 1) }, true},
		{"missing graphs", func(p string) error { return os.Remove(filepath.Join(p, graphsFile)) }, true},
		{"bad magic", func(p string) error { return flip(filepath.Join(p, "spo.dat"), 0) }, true},
		{"bad manifest", func(p string) error { return os.WriteFile(filepath.Join(p, Manifest), []byte("x\n"), 0o644) }, true},
		{"flipped triple", func(p string) error { return flip(filepath.Join(p, "osp.dat"), headerSize+5) }, false},
		{"flipped term", func(p string) error { return flip(filepath.Join(p, termsFile), -3) }, false},
	}
	for _, c := range cases {
		dir := build(t, sampleQuads(), 0)
		if err := c.damage(dir); err != nil {
			t.Fatal(err)
		}
		_, err := Open(dir)
		if !c.atOpen {
			if err != nil {
				t.Fatalf("%s: open: %v", c.name, err)
			}
			err = Verify(dir)
		}
		if !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: got %v, want ErrCorrupt", c.name, err)
		}
	}
}

func truncate(path string, by int64) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.Truncate(path, fi.Size()-by)
}

// flip inverts one byte at off (from the end when negative).
func flip(path string, off int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if off < 0 {
		off += len(data)
	}
	data[off] ^= 0xFF
	return os.WriteFile(path, data, 0o644)
}
