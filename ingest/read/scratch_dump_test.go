package read

import (
	"os"
	"testing"
)

func TestScratchDump(t *testing.T) {
	d, err := File(os.Getenv("F"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", d.Meta)
	for _, p := range d.Passages {
		t.Logf("%s %v ch=%d sec=%d ex=%d list=%d L%d %q %v", p.ID, p.Kind, p.Chapter, p.Section, p.Example, p.List, p.Line, p.Text, p.Links)
	}
}
