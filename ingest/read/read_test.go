package read

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.txt", "a.html", "c.pdf", "d.md", "b.meta.tsv", "b.gold.json", "identifiers.csv", "dataset.tsv", "e.docx", ".f.txt"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := Inputs([]string{"testdata/report.txt", dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"testdata/report.txt"}
	for _, f := range []string{"a.html", "b.txt", "c.pdf", "d.md"} {
		want = append(want, filepath.Join(dir, f))
	}
	if !slices.Equal(got, want) {
		t.Errorf("Inputs = %q, want %q", got, want)
	}
	if _, err := Inputs([]string{dir, filepath.Join(dir, "saknas.txt")}); err == nil || !strings.Contains(err.Error(), "saknas.txt") {
		t.Errorf("missing path: err = %v", err)
	}
	empty := t.TempDir()
	if _, err := Inputs([]string{empty}); !errors.Is(err, ErrNoDocuments) {
		t.Errorf("empty directory: err = %v", err)
	}
}

func TestFileFormats(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pdf := makePDF(t, pdfSpec{pages: [][]pdfItem{{{"p", []string{"Regionen tar fram en strategi."}}}}})
	for _, c := range []struct {
		path, format, first string
	}{
		{write("sidan.htm", []byte("<p>En sida.</p>")), "html", "En sida."},
		{write("utan-namn", []byte("<!DOCTYPE html><html><body><p>Sniffad sida.</p></body></html>")), "html", "Sniffad sida."},
		{write("rapport.bin", pdf), "pdf", "Regionen tar fram en strategi."},
		{write("Växjö Rapport.txt", []byte("Text om Växjö.\n")), "text", "Text om Växjö."},
		{write("anteckning.md", []byte("# Rubrik\n\nText under rubriken.\n")), "text", "Rubrik"},
	} {
		d, err := File(c.path, Options{})
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if d.Meta.Format != c.format || d.Passages[0].Text != c.first || d.Meta.File != c.path {
			t.Errorf("%s: format %s, first %q", c.path, d.Meta.Format, d.Passages[0].Text)
		}
	}
	d, err := File(filepath.Join(dir, "Växjö Rapport.txt"), Options{})
	if err != nil || d.Meta.Slug != "vaxjo-rapport" {
		t.Errorf("slug from the file name: %v %+v", err, d)
	}
	if _, err := File(filepath.Join(dir, "saknas.txt"), Options{}); err == nil || !strings.Contains(err.Error(), "saknas.txt") {
		t.Errorf("missing file: %v", err)
	}
}

func TestSidecar(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(txt, []byte("# title: Rubrik i texten\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, sidecar, err, title, slug, lang string
	}{
		{"none", "", "", "Rubrik i texten", "r", "sv"},
		{"fields win", "# kommentar\nslug\tmin-rapport\ntitle\tRätt titel\nlanguage\ten\n", "", "Rätt titel", "min-rapport", "en"},
		{"bad slug", "slug\tMin Rapport\n", "r.meta.tsv:1: slug \"Min Rapport\" is not a lower-case slug", "", "", ""},
		{"no tab", "title Rätt titel\n", "r.meta.tsv:1: want key<TAB>value", "", "", ""},
		{"unknown key", "\nförfattare\tNågon\n", "r.meta.tsv:2: unknown key \"författare\"", "", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			side := filepath.Join(dir, "r.meta.tsv")
			os.Remove(side)
			if c.sidecar != "" {
				if err := os.WriteFile(side, []byte(c.sidecar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			d, err := File(txt, Options{})
			if c.err != "" {
				if err == nil || !strings.HasSuffix(err.Error(), c.err) {
					t.Fatalf("err = %v, want …%s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Meta.Title != c.title || d.Meta.Slug != c.slug || d.Meta.Language != c.lang {
				t.Errorf("meta %+v", d.Meta)
			}
		})
	}
}
