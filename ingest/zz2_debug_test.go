package ingest

import (
	"fmt"
	"os"
	"testing"
)

func TestZZFixture(t *testing.T) {
	if os.Getenv("ZZFIX") == "" {
		t.Skip()
	}
	lx, _ := LoadLexicon(fixtureLexicon(t))
	kb := NewKB(lx)
	r, err := ingestFile("testdata/fixture/seeds/gronavagar.txt", kb)
	if err != nil {
		t.Fatal(err)
	}
	for pi, p := range r.Doc.Passages {
		fmt.Printf("--- %d %s ex=%d %s\n", pi, p.ID, p.Example, p.Text)
		for _, m := range r.Mentions {
			if m.Passage == pi {
				fmt.Printf("   %q ent=%s ana=%v\n", m.Surface, m.Entity, m.Anaphor)
			}
		}
		for _, f := range r.Relations.Facts {
			if f.Passage == pi {
				fmt.Printf("   FACT %v %s %v\n", f.S, f.P, f.O)
			}
		}
	}
}
