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

// A generation built on a stored one (its orders merged as sorted runs)
// holds the same quads as one built from all of them, and keeps the
// stored term ids.
func TestAddIndexMerges(t *testing.T) {
	all := sampleQuads()
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	more := []term.Quad{
		{S: ex("s1"), P: ex("new"), O: ex("o9")},
		{S: ex("s1"), P: ex("q"), O: ex("o1")}, // stored already
		{S: ex("s8"), P: ex("q"), O: ex("o1"), G: ex("h")},
	}
	for _, run := range []int{5, 0} {
		old, err := Open(build(t, all, run))
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		b := NewBuilder(dir, run)
		if err := b.AddIndex(context.Background(), old); err != nil {
			t.Fatal(err)
		}
		for _, q := range more {
			if err := b.Add(q); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := b.Finish(context.Background()); err != nil {
			t.Fatal(err)
		}
		ix, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Open(build(t, append(slices.Clone(all), more...), run))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := quadsOf(ix), quadsOf(want); !slices.Equal(got, want) {
			t.Fatalf("run %d: %d quads, want %d", run, len(got), len(want))
		}
		for id := uint32(1); id <= uint32(old.Terms()); id++ {
			if ix.Term(id) != old.Term(id) {
				t.Fatalf("term %d changed", id)
			}
		}
		if len(ix.Union().SPO) != len(want.Union().SPO) {
			t.Errorf("union of %d triples, want %d", len(ix.Union().SPO), len(want.Union().SPO))
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 6 {
			t.Errorf("the generation holds %d files, want 6 (no runs left)", len(entries))
		}
	}
}

// FinishDerived adds what the derivation computes from the whole graph,
// and a derivation that adds nothing writes the files Finish writes.
func TestFinishDerived(t *testing.T) {
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	q, derived := ex("q"), ex("derived")
	// For each (s q o) stated, (o q s) in the graph "derived".
	reverse := &Derivation{Needs: []term.Term{ex("nothing"), q}}
	reverse.Derive = func(ctx context.Context, v *View, add func(g, s, p, o uint32) error) error {
		qid, ok := v.Lookup(q)
		if !ok {
			return nil
		}
		rng, perm := v.Union().Scan(0, qid, 0)
		if perm != [3]int{1, 2, 0} {
			t.Fatalf("perm %v", perm)
		}
		g := v.Intern(derived)
		for _, t := range rng {
			if err := add(g, t[1], qid, t[2]); err != nil {
				return err
			}
		}
		return nil
	}
	none := &Derivation{Derive: func(ctx context.Context, v *View, add func(g, s, p, o uint32) error) error { return nil }}
	notRun := &Derivation{Needs: []term.Term{ex("nothing")}, Derive: func(ctx context.Context, v *View, add func(g, s, p, o uint32) error) error {
		t.Error("a derivation ran that needs a term the graph lacks")
		return nil
	}}
	for _, run := range []int{5, 0} {
		var want []term.Quad
		for _, x := range sampleQuads() {
			want = append(want, x)
			if x.P == q {
				want = append(want, term.Quad{S: x.O, P: q, O: x.S, G: derived})
			}
		}
		got := finishWith(t, sampleQuads(), run, reverse)
		if g, w := quadsOf(got), quadsOf(mustOpen(t, build(t, want, run))); !slices.Equal(g, w) {
			t.Fatalf("run %d: derived %d quads, want %d", run, len(g), len(w))
		}
		if err := Verify(got.Dir()); err != nil {
			t.Fatal(err)
		}
		plain := build(t, sampleQuads(), run)
		for _, d := range []*Derivation{none, notRun} {
			same := finishWith(t, sampleQuads(), run, d)
			for _, name := range []string{Manifest, termsFile, graphsFile, "spo.dat", "pos.dat", "osp.dat"} {
				a, _ := os.ReadFile(filepath.Join(plain, name))
				b, _ := os.ReadFile(filepath.Join(same.Dir(), name))
				if len(a) == 0 || !slices.Equal(a, b) {
					t.Errorf("run %d: %s differs when nothing is derived", run, name)
				}
			}
		}
	}
}

func finishWith(t *testing.T, quads []term.Quad, run int, derive *Derivation) *Index {
	t.Helper()
	dir := t.TempDir()
	b := NewBuilder(dir, run)
	for _, q := range quads {
		if err := b.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := b.FinishDerived(context.Background(), derive); err != nil {
		t.Fatal(err)
	}
	return mustOpen(t, dir)
}

func mustOpen(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}
