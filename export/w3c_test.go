package export

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kg/internal/testenv"
	"kg/rdfio"
	"kg/term"
)

// TestW3CCorpus writes the expected results of the W3C Turtle, TriG,
// N-Triples and RDF/XML test suites in every format and reads them back:
// a conformance check on real, deliberately awkward data. A writer error
// counts as "rejected" when the data cannot be expressed in that syntax
// (RDF/XML predicates without an XML name at the end, characters XML
// cannot carry, IRIs RFC 3987 does not allow) and as a failure otherwise.
func TestW3CCorpus(t *testing.T) {
	root := filepath.Join(testenv.W3CDir(t), "rdf-tests", "rdf", "rdf11")
	var files []string
	for _, pattern := range []string{"rdf-turtle/*.nt", "rdf-trig/*.nq", "rdf-n-triples/*.nt", "rdf-xml/*/*.nt"} {
		m, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no test files under %s", root)
	}
	sort.Strings(files)
	// Turtle, TriG and RDF/XML output is also read by Raptor's rapper, an
	// independent parser (the line formats get that check in TestRapper and
	// TestRandomRoundTrip), except TriG with blank node graph names and literals containing
	// U+0000, which Raptor 2.0.15 does not support (it cuts strings at NUL).
	rapper, _ := exec.LookPath("rapper")
	switch {
	case testing.Short():
		rapper = ""
		t.Log("-short: the corpus is read back with rdfio only")
	case rapper == "":
		t.Log("*** rapper NOT INSTALLED: the corpus is read back with rdfio only ***")
	}
	type tally struct{ passed, failed, rejected int }
	counts := map[string]*tally{}
	var datasets int
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var qs []term.Quad
		parseFn := rdfio.ParseNTriples
		if strings.HasSuffix(file, ".nq") {
			parseFn = rdfio.ParseNQuads
		}
		if err := parseFn(bytes.NewReader(data), rdfio.Options{}, func(q term.Quad) error {
			qs = append(qs, q)
			return nil
		}); err != nil {
			continue // a negative syntax test, not a dataset
		}
		datasets++
		rel, _ := filepath.Rel(root, file)
		for _, f := range serialFormats(t) {
			c := counts[f.Name]
			if c == nil {
				c = &tally{}
				counts[f.Name] = c
			}
			var buf bytes.Buffer
			enc := f.New(&buf, testOptions())
			var werr error
			for _, q := range inputFor(f, qs) {
				if werr = enc.Encode(q); werr != nil {
					break
				}
			}
			if werr == nil {
				werr = enc.Close()
			}
			if werr != nil {
				if expressible(f, werr) {
					c.failed++
					t.Errorf("%s via %s: %v", rel, f.Name, werr)
				} else {
					c.rejected++
				}
				continue
			}
			var got []term.Quad
			perr := parsers[f.Name](bytes.NewReader(buf.Bytes()), rdfio.Options{File: rel}, func(q term.Quad) error {
				got = append(got, q)
				return nil
			})
			if perr != nil || !rdfio.Isomorphic(got, expectedFor(f, qs)) {
				c.failed++
				t.Errorf("%s via %s: does not read back (%v):\n%s", rel, f.Name, perr, buf.Bytes())
				continue
			}
			if syn, ok := rapperSyntax[f.Name]; ok && rapper != "" && f.Name != "nt" && f.Name != "nq" && !(f.Name == "trig" && hasBlankGraph(qs)) && !hasNUL(qs) {
				got := parse(t, "nq", runRapperErr(t, rapper, syn.in, syn.out, buf.Bytes(), rel))
				if !rdfio.Isomorphic(got, expectedFor(f, qs)) {
					c.failed++
					t.Errorf("%s via %s: rapper reads a different graph:\n%s", rel, f.Name, diffQuads(expectedFor(f, qs), dedup(got)))
					continue
				}
			}
			c.passed++
		}
	}
	t.Logf("%d datasets from %d files", datasets, len(files))
	floors := readFloors(t, filepath.Join("testdata", "w3c-floor.txt"))
	for _, name := range sortedKeys(counts) {
		c := counts[name]
		t.Logf("%s: %d passed, %d failed (%d rejected as not expressible)", name, c.passed, c.failed, c.rejected)
		if floor, ok := floors[name]; ok && c.passed < floor {
			t.Errorf("%s: %d passed, below the floor of %d in testdata/w3c-floor.txt", name, c.passed, floor)
		} else if !ok {
			t.Errorf("%s: no floor in testdata/w3c-floor.txt", name)
		}
	}
}

// expressible reports whether err is a writer failure on data the syntax
// could have carried.
func expressible(f Format, err error) bool {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "which IRIs do not allow"):
		return false
	case f.Name == "rdfxml" && (strings.Contains(msg, "XML name") || strings.Contains(msg, "cannot carry") || strings.Contains(msg, "cannot write predicate rdf:")):
		return false
	}
	return true
}

// readFloors reads "format minimum-passed" lines.
func readFloors(t *testing.T, path string) map[string]int {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	floors := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var name string
		var n int
		if _, err := fmt.Sscan(line, &name, &n); err != nil {
			t.Fatalf("%s: bad line %q", path, line)
		}
		floors[name] = n
	}
	return floors
}

func hasNUL(qs []term.Quad) bool {
	for _, q := range qs {
		if strings.Contains(q.O.Value, "\x00") {
			return true
		}
	}
	return false
}

func hasBlankGraph(qs []term.Quad) bool {
	for _, q := range qs {
		if q.G.IsBlank() {
			return true
		}
	}
	return false
}

// runRapperErr is runRapper for corpus files: it names the file on failure
// and returns nothing then, so the comparison fails too.
func runRapperErr(t *testing.T, rapper, in, out string, data []byte, name string) []byte {
	t.Helper()
	cmd := exec.Command(rapper, "-q", "-i", in, "-o", out, "-", "http://example.org/base/")
	cmd.Stdin = bytes.NewReader(data)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); (err != nil || stderr.Len() > 0) && !onlyWarnings(stderr.String()) {
		t.Errorf("%s: rapper -i %s: %v %s", name, in, err, stderr.String())
	}
	return stdout.Bytes()
}

// onlyWarnings reports whether rapper's messages are all warnings (it
// exits with status 2 then), such as the one for rdf:foo, a name the RDF
// namespace does not define but RDF/XML allows.
func onlyWarnings(stderr string) bool {
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(line, "rapper: Warning") {
			return false
		}
	}
	return true
}
