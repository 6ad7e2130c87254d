package read

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"kg/ingest/doc"
)

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// sidecars returns the paths a document's sidecar may have: <name>.meta.tsv
// beside <name>.<ext>, or <name>.<ext>.meta.tsv.
func sidecars(path string) []string {
	return []string{strings.TrimSuffix(path, filepath.Ext(path)) + ".meta.tsv", path + ".meta.tsv"}
}

// ReadSidecar reads the bibliographic description kept beside a document:
// one "key<TAB>value" per line, keys slug, title, publisher, issued,
// language and url; # starts a comment. Without a sidecar the Meta is empty.
func ReadSidecar(path string) (doc.Meta, error) {
	for _, p := range sidecars(path) {
		f, err := os.Open(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return doc.Meta{}, fmt.Errorf("meta: %w", err)
		}
		defer f.Close()
		return parseSidecar(p, f)
	}
	return doc.Meta{}, nil
}

func parseSidecar(path string, f *os.File) (doc.Meta, error) {
	var m doc.Meta
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			return m, fmt.Errorf("%s:%d: want key<TAB>value", path, n)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "slug":
			if !slugRe.MatchString(v) {
				return m, fmt.Errorf("%s:%d: slug %q is not a lower-case slug", path, n, v)
			}
			m.Slug = v
		case "title":
			m.Title = v
		case "publisher":
			m.Publisher = v
		case "issued":
			m.Issued = v
		case "language":
			m.Language = v
		case "url":
			m.URL = v
		default:
			return m, fmt.Errorf("%s:%d: unknown key %q", path, n, k)
		}
	}
	if err := sc.Err(); err != nil {
		return m, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
