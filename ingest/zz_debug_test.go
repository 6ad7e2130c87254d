package ingest

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// go test ./ingest -run ZZDump -v  with ZZPAGES=11,12
func TestZZDump(t *testing.T) {
	pg := os.Getenv("ZZPAGES")
	if pg == "" {
		t.Skip()
	}
	want := map[int]bool{}
	for _, s := range strings.Split(pg, ",") {
		n, _ := strconv.Atoi(s)
		want[n] = true
	}
	lx, err := LoadLexicon(DefaultLexicon())
	if err != nil {
		t.Fatal(err)
	}
	kb := NewKB(lx)
	r, err := ingestFile("../seeds/000_166f9742bfc0d13f.txt", kb)
	if err != nil {
		t.Fatal(err)
	}
	doc, ms := r.Doc, r.Mentions
	for pi, p := range doc.Passages {
		if !want[p.PDFPage] {
			continue
		}
		fmt.Printf("--- passage %d %s kind=%s ex=%d list=%d\n%s\n", pi, p.ID, p.Kind, p.Example, p.List, p.Text)
		for _, m := range ms {
			if m.Passage == pi {
				c := ""
				if e := kb.Entities[m.Entity]; e != nil {
					c = e.Class
				}
				fmt.Printf("   [%d,%d] %q name=%q ent=%s(%s) cls=%s ana=%v pl=%v grp=%v nested=%v\n", m.Start, m.End, m.Surface, m.Name, m.Entity, c, m.Class, m.Anaphor, m.Plural, m.Group, m.Nested)
			}
		}
		for _, f := range r.Relations.Facts {
			if f.Passage == pi {
				fmt.Printf("   FACT %v %s %v\n", f.S, strings.TrimPrefix(f.P, "https://w3id.org/regionalkg/ontology#"), f.O)
			}
		}
	}
	for xi, x := range doc.Examples {
		if want[doc.Passages[x.Heading].PDFPage] {
			fmt.Printf("EXAMPLE %d %q regions=%v subjects=%v\n", xi, x.Title, x.Regions, r.Relations.Subjects[xi])
		}
	}
}

func TestZZPassages(t *testing.T) {
	if os.Getenv("ZZPASS") == "" {
		t.Skip()
	}
	lx, _ := LoadLexicon(DefaultLexicon())
	kb := NewKB(lx)
	r, err := ingestFile("../seeds/000_166f9742bfc0d13f.txt", kb)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create(os.Getenv("ZZPASS"))
	defer f.Close()
	for _, p := range r.Doc.Passages {
		fmt.Fprintf(f, "%s %s | %s\n", p.ID, p.Kind, p.Text)
	}
}
