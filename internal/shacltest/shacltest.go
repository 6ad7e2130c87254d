// Package shacltest validates RDF against SHACL shapes with
// rdf-validate-shacl, a maintained SHACL engine run by Node.js, for tests.
// The engine and its parser are npm packages in the node_modules directory
// named by KG_SHACL_MODULES (.ci/run installs them); a test that needs
// them skips, saying so, when node or the packages are missing, and fails
// instead when KG_REQUIRE_SHACL=1.
package shacltest

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kg/export"
	"kg/internal/testenv"
	"kg/term"
)

// Result is one SHACL validation result.
type Result struct {
	Focus      string   `json:"focus"`
	Path       string   `json:"path"`
	Value      string   `json:"value"`
	Severity   string   `json:"severity"`
	Constraint string   `json:"constraint"`
	Shape      string   `json:"shape"`
	Message    []string `json:"message"`
}

// IsViolation reports whether the result has severity sh:Violation.
func (r Result) IsViolation() bool { return strings.HasSuffix(r.Severity, "#Violation") }

func (r Result) String() string {
	return r.Focus + " " + r.Path + " " + r.Value + ": " + strings.Join(r.Message, "; ") + " (" + r.Constraint + ")"
}

// DCATAP names the DCAT-AP 2.1.1 shape files vendored in
// testdata/shacl/dcat-ap-2.1.1.
const (
	DCATAPBase  = "dcat-ap_2.1.1_shacl_shapes.ttl"
	DCATAPRange = "dcat-ap_2.1.1_shacl_range.ttl"
	DCATAPVocab = "dcat-ap_2.1.1_shacl_mdr-vocabularies.shape.ttl"
)

// Validate checks quads against one of the vendored DCAT-AP shape files
// and returns every result.
func Validate(t *testing.T, quads []term.Quad, shapes string) []Result {
	t.Helper()
	node, modules := engine(t)
	dir := filepath.Join(testenv.Root(t), "testdata", "shacl")
	data := filepath.Join(t.TempDir(), "data.nt")
	var b bytes.Buffer
	f, _ := export.ByName("nt")
	enc := f.New(&b, export.Options{})
	for _, q := range quads {
		if err := enc.Encode(q.Triple().InGraph(term.Term{})); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(data, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join(dir, "validate.mjs"), data, filepath.Join(dir, "dcat-ap-2.1.1", shapes))
	cmd.Env = append(os.Environ(), "KG_SHACL_MODULES="+modules)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("rdf-validate-shacl: %v: %s", err, stderr.String())
	}
	var report struct {
		Conforms bool     `json:"conforms"`
		Results  []Result `json:"results"`
	}
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatalf("rdf-validate-shacl printed %q: %v", out.String(), err)
	}
	return report.Results
}

// engine finds node and the npm packages, or skips the test.
func engine(t *testing.T) (node, modules string) {
	t.Helper()
	skip := func(why string) {
		t.Helper()
		if os.Getenv("KG_REQUIRE_SHACL") == "1" {
			t.Fatalf("KG_REQUIRE_SHACL=1 but %s", why)
		}
		t.Skipf("*** SHACL validation NOT RUN: %s (see testdata/shacl/README.md) ***", why)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		skip("node is not installed")
	}
	modules = os.Getenv("KG_SHACL_MODULES")
	if modules == "" {
		skip("KG_SHACL_MODULES is not set")
	}
	for _, p := range []string{"rdf-validate-shacl", "n3"} {
		if _, err := os.Stat(filepath.Join(modules, p, "package.json")); err != nil {
			skip(p + " is not in " + modules)
		}
	}
	return node, modules
}

// Violations keeps the results of severity sh:Violation.
func Violations(rs []Result) []Result {
	var out []Result
	for _, r := range rs {
		if r.IsViolation() {
			out = append(out, r)
		}
	}
	return out
}
