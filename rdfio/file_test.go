package rdfio

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestOpenFileGzip(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a.nt")
	zipped := filepath.Join(dir, "a.nt.gz")
	data := "<http://example.org/a> <http://example.org/p> \"å\" .\n"
	os.WriteFile(plain, []byte(data), 0o644)
	f, _ := os.Create(zipped)
	zw := gzip.NewWriter(f)
	zw.Write([]byte(data))
	zw.Close()
	f.Close()
	for _, p := range []string{plain, zipped} {
		r, err := OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		if string(b) != data {
			t.Errorf("%s: got %q", p, b)
		}
	}
	if _, err := OpenFile(plain + ".missing.gz"); err == nil {
		t.Error("missing file opened")
	}
	os.WriteFile(zipped, []byte("not gzip"), 0o644)
	if _, err := OpenFile(zipped); err == nil {
		t.Error("corrupt gzip opened")
	}
}
