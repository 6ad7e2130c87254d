package read

import (
	"os"
	"testing"
)

func TestScratchDump2(t *testing.T) {
	d, err := File(os.Getenv("F"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", d.Meta)
	for _, p := range d.Pages {
		t.Logf("%+v", p)
	}
	for _, p := range d.Passages {
		t.Logf("%s %v ch=%d sec=%d ex=%d list=%d L%d pr=%d fn=%v %q", p.ID, p.Kind, p.Chapter, p.Section, p.Example, p.List, p.Line, p.Printed, p.Footnotes, p.Text)
	}
	t.Logf("%+v", d.Chapters)
	t.Logf("%+v", d.Sections)
	t.Logf("%+v", d.Examples)
	t.Logf("%+v", d.Footnotes)
}
