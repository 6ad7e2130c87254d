package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evalCorpus copies one text of the dev corpus and its gold file into a
// temporary directory.
func evalCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"regionuppsala-almi.txt", "regionuppsala-almi.gold.json"} {
		b, err := os.ReadFile(filepath.Join("../../testdata/corpus/dev", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEvalScoresEveryDocument(t *testing.T) {
	dir := evalCorpus(t)
	// Gold kept apart from its text, in two parts naming one document.
	text, err := os.ReadFile(filepath.Join(dir, "regionuppsala-almi.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "texts", "almi.txt"), string(text))
	writeFile(t, filepath.Join(dir, "gold", "almi.part1.gold.json"), `{"document": "../texts/almi.txt",
	  "entities": [{"label": "Region Uppsala", "class": "Actor", "subclass": "Region", "aliases": []}]}`)
	writeFile(t, filepath.Join(dir, "gold", "almi.part2.gold.json"), `{"document": "../texts/almi.txt",
	  "entities": [{"label": "Almi Uppsala", "class": "Actor", "subclass": "Company", "aliases": []},
	               {"label": "Region Uppsala", "class": "Actor", "subclass": "Municipality", "aliases": []}]}`)

	r := kg(t, dir, "eval", ".")
	if r.code != 0 {
		t.Fatalf("kg eval: exit %d: %s", r.code, r.stderr)
	}
	if want := `almi.part1+almi.part2: entities its parts class differently: 1; the first: `; !strings.Contains(r.stderr, want) {
		t.Errorf("kg eval stderr lacks %q:\n%s", want, r.stderr)
	}
	out := r.stdout
	for _, want := range []string{"regionuppsala-almi ", "almi.part1+almi.part2 ", "total ", "entities by class (2 documents)", "Mandate", "relations by predicate", "facts by kind"} {
		if !strings.Contains(out, want) {
			t.Errorf("kg eval output lacks %q:\n%s", want, out)
		}
	}

	out = mustKG(t, dir, "eval", "--json", "--verbose", "regionuppsala-almi.gold.json", "gold")
	var rep struct {
		Documents []struct {
			Document string `json:"document"`
			Entities struct {
				Gold int `json:"gold"`
			} `json:"entities"`
			Missed []any `json:"missed"`
		} `json:"documents"`
		Total struct {
			Documents int `json:"documents"`
			Entities  struct {
				Gold int `json:"gold"`
			} `json:"entities"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("kg eval --json: %v\n%s", err, out)
	}
	if len(rep.Documents) != 2 || rep.Total.Documents != 2 {
		t.Fatalf("kg eval --json: %d documents, total of %d", len(rep.Documents), rep.Total.Documents)
	}
	if d := rep.Documents[1]; d.Document != filepath.Join("gold", "almi.part1+almi.part2") || d.Entities.Gold != 2 {
		t.Errorf("combined gold: %q with %d entities", d.Document, d.Entities.Gold)
	}
	if rep.Total.Entities.Gold != 7 {
		t.Errorf("total gold entities %d, want 5 + 2", rep.Total.Entities.Gold)
	}
}

func TestEvalErrors(t *testing.T) {
	dir := evalCorpus(t)
	writeFile(t, filepath.Join(dir, "bad", "x.gold.json"), `{"entities": [{"label": "A", "class": "Person", "subclass": "Region"}]}`)
	writeFile(t, filepath.Join(dir, "bad", "x.txt"), "A")
	writeFile(t, filepath.Join(dir, "lonely", "y.gold.json"), `{"entities": []}`)
	writeFile(t, filepath.Join(dir, "elsewhere", "z.gold.json"), `{"document": "../nowhere.txt", "entities": []}`)
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval"}, 2, "eval: name gold files"},
		{[]string{"eval", "missing.gold.json"}, 1, "missing.gold.json: no such file"},
		{[]string{"eval", "empty"}, 1, "no gold files (*.gold.json) in empty"},
		{[]string{"eval", "bad"}, 1, `bad/x.gold.json: entity 1 "A": invalid gold annotation: class "Person"`},
		{[]string{"eval", "lonely"}, 1, "lonely/y.gold.json: no document beside it"},
		{[]string{"eval", "elsewhere"}, 1, `elsewhere/z.gold.json: the document "../nowhere.txt": no such file`},
		{[]string{"--base", "ftp://x/", "eval", "."}, 2, "want an absolute http(s) IRI"},
	}
	for _, tt := range tests {
		r := kg(t, dir, tt.args...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("kg %s: exit %d, stderr %q; want exit %d and %q", strings.Join(tt.args, " "), r.code, r.stderr, tt.code, tt.want)
		}
	}
}
