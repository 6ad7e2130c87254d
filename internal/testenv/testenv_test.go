package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRootHoldsGoMod(t *testing.T) {
	if _, err := os.Stat(filepath.Join(Root(t), "go.mod")); err != nil {
		t.Fatal(err)
	}
}

func TestDataIsInTheRepository(t *testing.T) {
	if _, err := Data("no-such-dir-here"); err == nil {
		t.Fatal("a missing data directory must be an error")
	}
	if d, err := Data("w3c"); err != nil || d != filepath.Join(Root(t), "testdata", "w3c") {
		t.Fatalf("the vendored W3C suites: %q, %v", d, err)
	}
}
