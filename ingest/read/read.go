package read

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"kg/ingest/doc"
)

// Sentinel errors callers can branch on.
var (
	ErrNoDocuments = errors.New("no documents")
	ErrEmpty       = errors.New("empty report")
	ErrEncoding    = errors.New("not UTF-8")
)

// Options tell the readers what they cannot know from the document alone.
type Options struct {
	// IsRegion tells whether a name in a worked-example heading's
	// parentheses names a region. nil: the general rule of LooksLikeRegion.
	IsRegion func(string) bool
}

func (o Options) isRegion() func(string) bool {
	if o.IsRegion != nil {
		return o.IsRegion
	}
	return LooksLikeRegion
}

// format is one kind of document the readers know: its name in Meta.Format
// and the file extensions that name it.
type format struct {
	name string
	exts []string
	read func(name string, b []byte, meta doc.Meta, opt Options) (*doc.Doc, error)
}

var formats = []format{
	{"text", []string{".txt", ".text", ".md"}, Text},
	{"html", []string{".html", ".htm", ".xhtml"}, func(name string, b []byte, meta doc.Meta, opt Options) (*doc.Doc, error) {
		return readHTML(name, b, meta, opt.isRegion())
	}},
	{"pdf", []string{".pdf"}, PDF},
}

func formatByName(name string) *format {
	for i := range formats {
		if formats[i].name == name {
			return &formats[i]
		}
	}
	return nil
}

func formatByExt(path string) *format {
	ext := strings.ToLower(filepath.Ext(path))
	for i := range formats {
		if slices.Contains(formats[i].exts, ext) {
			return &formats[i]
		}
	}
	return nil
}

// sniff tells a document's format from its first bytes, or from its
// extension when the content does not say.
func sniff(path string, b []byte) *format {
	head := b[:min(len(b), 1024)]
	if bytes.HasPrefix(bytes.TrimLeft(head, "\x00\t\r\n "), []byte("%PDF-")) {
		return formatByName("pdf")
	}
	if f := formatByExt(path); f != nil {
		return f
	}
	low := bytes.ToLower(head)
	if bytes.Contains(low, []byte("<!doctype html")) || bytes.Contains(low, []byte("<html")) {
		return formatByName("html")
	}
	return formatByName("text")
}

// File reads the document at path with the reader its extension or content
// calls for, and its sidecar <name>.meta.tsv when there is one. The
// sidecar's fields win over what the document says of itself.
func File(path string, opt Options) (*doc.Doc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	meta, err := ReadSidecar(path)
	if err != nil {
		return nil, err
	}
	return sniff(path, b).read(path, b, meta, opt)
}

// readable reports whether a file found in a directory is a document.
func readable(name string) bool {
	low := strings.ToLower(name)
	if strings.HasPrefix(name, ".") || strings.HasSuffix(low, ".meta.tsv") || strings.HasSuffix(low, ".gold.json") ||
		low == "identifiers.csv" || low == "dataset.tsv" {
		return false
	}
	return formatByExt(name) != nil
}

// Inputs lists the documents named by args: files as given, directories
// expanded to the documents in them (not their subdirectories) in name
// order. A path that does not exist is an error naming it.
func Inputs(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or directory", a)
			}
			return nil, err
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		entries, err := os.ReadDir(a)
		if err != nil {
			return nil, err
		}
		// ReadDir returns entries sorted by file name.
		for _, e := range entries {
			if e.Type().IsRegular() && readable(e.Name()) {
				add(filepath.Join(a, e.Name()))
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: %w", strings.Join(args, ", "), ErrNoDocuments)
	}
	return out, nil
}

// finishMeta fills what neither the sidecar nor the document gave: the file,
// the format, a slug from the file name and Swedish as the language.
func finishMeta(m *doc.Meta, name, format string) {
	if m.File == "" {
		m.File = name
	}
	m.Format = format
	if m.Slug == "" {
		base := filepath.Base(name)
		m.Slug = doc.Slug(strings.TrimSuffix(base, filepath.Ext(base)))
	}
	if m.Language == "" {
		m.Language = "sv"
	}
}

// fill sets the empty fields of m from what the document says.
func fill(m *doc.Meta, from doc.Meta) {
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = strings.TrimSpace(v)
		}
	}
	set(&m.Title, from.Title)
	set(&m.Publisher, from.Publisher)
	set(&m.Issued, from.Issued)
	set(&m.Language, from.Language)
	set(&m.URL, from.URL)
}
