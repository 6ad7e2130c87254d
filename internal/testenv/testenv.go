// Package testenv finds what the tests read from outside a package: the
// module root and its testdata/ directory, which holds the vendored W3C
// test suites and the benchmark data. It is for tests only.
package testenv

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// ModuleRoot returns the directory holding go.mod, walking up from the
// working directory (a test's package directory).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("module root (go.mod) not found above the working directory")
		}
		dir = parent
	}
}

// Data returns testdata/NAME under the module root: tests read only what
// the repository holds.
func Data(name string) (string, error) {
	root, err := ModuleRoot()
	if err != nil {
		return "", err
	}
	d := filepath.Join(root, "testdata", name)
	if _, err := os.Stat(d); err != nil {
		return "", fmt.Errorf("%s not found: %w", d, err)
	}
	return d, nil
}

// W3CDir returns the W3C test suites vendored in testdata/w3c. The test
// fails when they are missing: conformance is not optional.
func W3CDir(t testing.TB) string {
	t.Helper()
	d, err := Data("w3c")
	if err != nil {
		t.Fatalf("W3C test suites: %v", err)
	}
	return d
}

// Root returns the module root or fails the test.
func Root(t testing.TB) string {
	t.Helper()
	d, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TreeSum hashes every name, link target and file content under dir, for
// tests that show a refused write left a directory byte for byte as it was.
// Files named in skip (a lock file that records its holder) are hashed by
// name only.
func TreeSum(t testing.TB, dir string, skip ...string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		h.Write([]byte(path + "\x00"))
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			h.Write([]byte(target))
			return err
		case d.Type().IsRegular() && !slices.Contains(skip, d.Name()):
			data, err := os.ReadFile(path)
			h.Write(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}
