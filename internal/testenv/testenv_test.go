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

func TestDataHonoursEnv(t *testing.T) {
	t.Setenv("KG_TESTENV_X", "/some/where")
	if d, err := Data("KG_TESTENV_X", "nothing"); err != nil || d != "/some/where" {
		t.Fatalf("Data = %q, %v", d, err)
	}
	t.Setenv("KG_TESTENV_X", "")
	if _, err := Data("KG_TESTENV_X", "no-such-dir-here"); err == nil {
		t.Fatal("a missing data directory must be an error")
	}
	if d, err := Data("KG_TESTENV_X", "w3c"); err != nil || d != filepath.Join(Root(t), "testdata", "w3c") {
		t.Fatalf("the vendored W3C suites: %q, %v", d, err)
	}
}
