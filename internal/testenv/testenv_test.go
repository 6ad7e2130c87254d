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

func TestSharedHonoursEnv(t *testing.T) {
	t.Setenv("KG_TESTENV_X", "/some/where")
	if d, err := Shared("KG_TESTENV_X", "nothing"); err != nil || d != "/some/where" {
		t.Fatalf("Shared = %q, %v", d, err)
	}
	t.Setenv("KG_TESTENV_X", "")
	if _, err := Shared("KG_TESTENV_X", "no-such-dir-here"); err == nil {
		t.Fatal("a missing shared directory must be an error")
	}
}
