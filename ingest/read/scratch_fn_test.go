package read

import (
	"fmt"
	"os"
	"testing"
)

func TestScratchFn(t *testing.T) {
	d, err := File("../../seeds/000_166f9742bfc0d13f.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create(os.Getenv("OUT"))
	for _, fn := range d.Footnotes {
		fmt.Fprintf(f, "%d %q %q %d\n", fn.N, fn.Title, fn.URL, fn.Anchor)
	}
	for _, p := range d.Passages {
		fmt.Fprintf(f, "%s %v %d %d %d %d %q\n", p.ID, p.Kind, p.Chapter, p.Section, p.Example, p.Printed, p.Text)
	}
	f.Close()
}
