package results

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kg/internal/testenv"
)

// TestW3CResultFiles reads every expected-result file of the SPARQL 1.1
// query suite and checks that it survives a trip through each exact format
// unchanged (and through CSV as text).
func TestW3CResultFiles(t *testing.T) {
	root := filepath.Join(testenv.W3CDir(t), "rdf-tests", "sparql", "sparql11")
	counts := map[string]int{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, ok := ByExtension(filepath.Ext(path))
		if !ok || f.Read == nil {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		res, err := f.Read(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		counts[f.Name]++
		for _, g := range Formats {
			if g.Read == nil {
				continue
			}
			var buf bytes.Buffer
			if err := Write(g.Name, &buf, res, Options{}); err != nil {
				t.Errorf("%s as %s: %v", rel, g.Name, err)
				continue
			}
			back, err := g.Read(&buf)
			if err != nil {
				t.Errorf("%s as %s: reading back: %v", rel, g.Name, err)
				continue
			}
			want := res
			if g.Name == "csv" && res.Boolean == nil {
				want = csvView(res)
			}
			if !sameResult(back, want) {
				t.Errorf("%s changed on a trip through %s", rel, g.Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, name := range []string{"xml", "json", "tsv", "csv"} {
		parts = append(parts, name+" "+strconv.Itoa(counts[name]))
	}
	t.Logf("result files read: %s", strings.Join(parts, ", "))
	if counts["xml"] < 200 || counts["json"] < 6 || counts["tsv"] < 3 || counts["csv"] < 3 {
		t.Errorf("fewer result files than the suite holds: %v", counts)
	}
}
