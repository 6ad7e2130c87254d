package disk

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// manifest lists a generation's counts and every file with its size and
// SHA-256.
type manifest struct {
	quads, terms int64
	files        []fileSum
}

type fileSum struct {
	name string
	size int64
	sum  string
}

func (m *manifest) write(dir string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nquads %d\nterms %d\n", manifestTag, m.quads, m.terms)
	for _, f := range m.files {
		fmt.Fprintf(&b, "file %s %d %s\n", f.name, f.size, f.sum)
	}
	path := filepath.Join(dir, Manifest)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = f.WriteString(b.String())
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

func readManifest(dir string) (*manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, Manifest))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	bad := fmt.Errorf("%w: %s: unrecognised manifest", ErrCorrupt, Manifest)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) < 3 || lines[0] != manifestTag {
		return nil, bad
	}
	m := &manifest{}
	q, ok1 := strings.CutPrefix(lines[1], "quads ")
	t, ok2 := strings.CutPrefix(lines[2], "terms ")
	if m.quads, err = strconv.ParseInt(q, 10, 64); !ok1 || err != nil {
		return nil, bad
	}
	if m.terms, err = strconv.ParseInt(t, 10, 64); !ok2 || err != nil {
		return nil, bad
	}
	for i, line := range lines[3:] {
		f := strings.Fields(line)
		if len(f) != 4 || f[0] != "file" || strings.ContainsAny(f[1], "/\\") {
			return nil, fmt.Errorf("%w: %s:%d: unrecognised line", ErrCorrupt, Manifest, i+4)
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			return nil, fmt.Errorf("%w: %s:%d: bad size", ErrCorrupt, Manifest, i+4)
		}
		m.files = append(m.files, fileSum{f[1], size, f[3]})
	}
	return m, nil
}

// size returns the size the manifest lists for name.
func (m *manifest) size(name string) (int64, error) {
	for _, f := range m.files {
		if f.name == name {
			return f.size, nil
		}
	}
	return 0, fmt.Errorf("%w: %s does not list %s", ErrCorrupt, Manifest, name)
}

// Verify recomputes the SHA-256 of every file of the generation in dir and
// compares it and the file's size with the manifest.
func Verify(dir string) error {
	m, err := readManifest(dir)
	if err != nil {
		return err
	}
	for _, name := range append([]string{termsFile, graphsFile}, orderFiles[:]...) {
		if _, err := m.size(name); err != nil {
			return err
		}
	}
	for _, f := range m.files {
		if err := verifyFile(filepath.Join(dir, f.name), f); err != nil {
			return err
		}
	}
	return nil
}

func verifyFile(path string, want fileSum) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrCorrupt, want.name, err)
	}
	if n != want.size || hex.EncodeToString(h.Sum(nil)) != want.sum {
		return fmt.Errorf("%w: %s does not match its checksum in %s", ErrCorrupt, want.name, Manifest)
	}
	return nil
}
