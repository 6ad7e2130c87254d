// Package testenv finds what the tests read from outside a package: the
// module root and its testdata/ directory, which holds the vendored W3C
// test suites and the benchmark data. It is for tests only.
package testenv

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
