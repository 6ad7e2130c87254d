package register

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestVocabulary(t *testing.T) {
	r := load(t)
	classes := map[string]int{}
	for _, e := range r.Entries {
		if e.Source != SrcVocabulary {
			continue
		}
		classes[e.Class]++
		if e.LabelEN == "" {
			t.Errorf("%s has no English label", e.Key)
		}
		if e.Class == "Theme" && e.Key != "vocab:regional-utveckling" && e.Key != "vocab:hallbar-utveckling" {
			b := e.Refs(Broader)
			if len(b) != 1 || r.Lookup(b[0]).Class != "Theme" {
				t.Errorf("theme %s: broader %v", e.Key, b)
			}
		}
		if e.Class == "Group" && (e.Group == "" || e.Scope == "") {
			t.Errorf("group %s: class %q scope %q", e.Key, e.Group, e.Scope)
		}
	}
	for _, c := range []string{"Fund", "Programme", "Strategy", "Plan", "Appropriation", "Mandate", "Theme", "Group", "Government", "Parliament"} {
		if classes[c] == 0 {
			t.Errorf("no vocabulary entry of class %s", c)
		}
	}
	// A mandate names the law that confers it.
	m := r.Lookup("vocab:regionalt-utvecklingsansvar")
	if !slices.Contains(m.Props, Prop{P: "confers", V: "law:2010:630", Ref: true, Inverse: true}) {
		t.Errorf("regionalt utvecklingsansvar: %v", m.Props)
	}
	// A vocabulary row about a register entry adds to it.
	rk := r.Lookup("agency:202100-3831")
	if rk.Class != "Government" || rk.Source != SrcAgencies || rk.LabelEN == "" {
		t.Errorf("Regeringskansliet: %+v", rk)
	}
	for _, n := range []string{"ERUF", "Regionalfonden", "ESF+", "Interreg", "Leader", "UO 19", "RUS", "kultursamverkansmodellen", "regionerna", "länets kommuner", "det regionala utvecklingsuppdraget", "Riksdagen", "Regeringen"} {
		if len(nameIndex(r)[n]) != 1 {
			t.Errorf("%q is not recognised", n)
		}
	}
}

func TestParseProps(t *testing.T) {
	props, members, err := parseProps("skos:broader=@vocab:a; ^confers=@law:2010:630;owl:sameAs=wd:Q42;foaf:page=<https://example.org/x>;celexNumber=32021R1060;member=@vocab:b")
	if err != nil {
		t.Fatal(err)
	}
	want := []Prop{
		{P: Broader, V: "vocab:a", Ref: true},
		{P: "confers", V: "law:2010:630", Ref: true, Inverse: true},
		{P: SameAs, V: WikidataEntity + "Q42", IRI: true},
		{P: Page, V: "https://example.org/x", IRI: true},
		{P: "celexNumber", V: "32021R1060"},
	}
	if !slices.Equal(props, want) || !slices.Equal(members, []string{"vocab:b"}) {
		t.Errorf("props %v members %v", props, members)
	}
	for _, bad := range []string{"novalue", "p=", "^p=literal", "owl:sameAs=wd:X1", "Bad Name=x", "member=literal"} {
		if _, _, err := parseProps(bad); err == nil {
			t.Errorf("parseProps(%q): no error", bad)
		}
	}
}

// broken returns the embedded data with one file replaced.
func broken(t *testing.T, file, content string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(DataFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(DataFS(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m[file] = &fstest.MapFile{Data: []byte(content)}
	return m
}

func TestLoadErrors(t *testing.T) {
	data := func(file string) string {
		b, err := fs.ReadFile(DataFS(), file)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	lines := func(file string) []string { return strings.Split(data(file), "\n") }
	withLine := func(file string, n int, line string) string {
		l := lines(file)
		l[n-1] = line
		return strings.Join(l, "\n")
	}
	ministries := lines("ministries.csv")
	vocab := data(vocabFile)
	vocabLine := func(key string) int {
		for i, l := range strings.Split(vocab, "\n") {
			if strings.HasPrefix(l, key+"\t") {
				return i + 1
			}
		}
		t.Fatalf("no %s", key)
		return 0
	}
	for _, tc := range []struct {
		name, file, content string
		sentinel            error
		where               string
	}{
		{"bad orgnr", "counties.csv", strings.Replace(data("counties.csv"), "232100-0016", "232100-0017", 1), ErrValue, "counties.csv:2:"},
		{"missing column", "laws.csv", strings.Replace(data("laws.csv"), "short_name,", "short,", 1), ErrColumn, "laws.csv:1:"},
		{"unknown ministry", "ministries.csv", strings.Join(append(ministries[:1], ministries[2:]...), "\n"), ErrRef, "agencies.csv:"},
		{"bad county", "municipalities.csv", withLine("municipalities.csv", 2, strings.Replace(lines("municipalities.csv")[1], ",01,", ",99,", 1)), ErrRef, "municipalities.csv:2:"},
		{"bad kind", "laws.csv", withLine("laws.csv", 3, strings.Replace(lines("laws.csv")[2], ",förordning,", ",dekret,", 1)), ErrValue, "laws.csv:3:"},
		{"duplicate vocabulary key", vocabFile, vocab + "vocab:eruf\tFund\tX\tX\t\t\t\t\t\n", ErrDuplicate, vocabFile + ":"},
		{"dangling reference", vocabFile, strings.Replace(vocab, "@law:2010:630", "@law:1999:1", 1), ErrRef, vocabFile + ":"},
		{"bad class", vocabFile, withLine(vocabFile, vocabLine("vocab:eruf"), strings.Replace(strings.Split(vocab, "\n")[vocabLine("vocab:eruf")-1], "\tFund\t", "\tFonder\t", 1)), ErrValue, vocabFile + ":"},
		{"short row", vocabFile, vocab + "vocab:x\tTheme\n", ErrSyntax, vocabFile + ":"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadFS(broken(t, tc.file, tc.content))
			var le *Error
			if !errors.Is(err, tc.sentinel) || !errors.As(err, &le) || !strings.HasPrefix(err.Error(), tc.where) {
				t.Errorf("err = %v, want %v at %s", err, tc.sentinel, tc.where)
			}
		})
	}
	if _, err := LoadFS(fstest.MapFS{}); err == nil {
		t.Error("an empty directory loads")
	}
}

func TestLoadFSMatchesLoad(t *testing.T) {
	a := load(t)
	b, err := LoadFS(DataFS())
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Entries) != len(b.Entries) || !slices.Equal(a.Names(), b.Names()) {
		t.Error("LoadFS of the embedded data differs from Load")
	}
}
