package read

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

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

var fold = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "Å", "a", "Ä", "a", "Ö", "o",
	"é", "e", "è", "e", "ü", "u", "æ", "ae", "ø", "o", "á", "a", "à", "a", "í", "i", "ó", "o", "ú", "u")

// Slugify returns a lower-case ASCII slug (a–z, 0–9, '-') for a name, at most
// 80 characters long; longer names end in a short hash so that slugs stay
// distinct. It makes the same slugs as the rest of the pipeline.
func Slugify(s string) string {
	s = fold.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 80 {
		h := sha1.Sum([]byte(s))
		out = strings.TrimSuffix(out[:71], "-") + "-" + hex.EncodeToString(h[:4])
	}
	if out == "" {
		h := sha1.Sum([]byte(s))
		out = "x-" + hex.EncodeToString(h[:4])
	}
	return out
}
