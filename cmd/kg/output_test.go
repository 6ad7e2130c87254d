package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// kg export -o naming a directory fails at once and leaves no temporary
// file beside it; a rename that fails late cleans up too.
func TestExportToDirectoryLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	good := filepath.Join(dir, "good.ttl")
	os.WriteFile(good, []byte("<http://example.org/x> <http://example.org/p> 1 .\n"), 0o644)
	mustKG(t, dir, "--store", store, "load", good)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	r := kg(t, dir, "--store", store, "export", "--format=nt", "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, "is a directory") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(m) != 0 {
		t.Errorf("left behind: %v", m)
	}

	af, err := createAtomic(filepath.Join(dir, "late"))
	if err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "late"), 0o755)
	os.WriteFile(filepath.Join(dir, "late", "x"), nil, 0o644) // a non-empty directory cannot be replaced
	if err := af.Commit(); err == nil {
		t.Fatal("rename onto a directory succeeded")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(m) != 0 {
		t.Errorf("left behind: %v", m)
	}
}
