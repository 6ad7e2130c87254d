package register

import (
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"kg/ingest/doc"
	"regexp"
	"slices"
	"strings"
	"sync"
)

//go:embed data/*.csv data/vocabulary.tsv data/*.md
var embedded embed.FS

// Sentinel errors callers can branch on; every load error wraps one of
// them in an *Error that names the file and line.
var (
	ErrSyntax    = errors.New("malformed file")
	ErrColumn    = errors.New("missing column")
	ErrValue     = errors.New("bad value")
	ErrDuplicate = errors.New("duplicate")
	ErrRef       = errors.New("reference to no entry")
)

// Error is a fault in a register file, at a line.
type Error struct {
	File string
	Line int // 0 when the fault is in the file as a whole
	Err  error
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

var loadEmbedded = sync.OnceValues(func() (*Registry, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return LoadFS(sub)
})

// Load returns the registry built from the embedded registers and
// vocabulary. It is built once; callers share it and must not change it.
func Load() (*Registry, error) { return loadEmbedded() }

// DataFS returns the embedded data directory: the register files, their
// README and SOURCES.md.
func DataFS() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic(err) // the directory is embedded; it cannot be missing
	}
	return sub
}

// LoadFS builds a registry from the register files at the root of fsys:
// counties.csv, municipalities.csv, ministries.csv, agencies.csv, laws.csv
// and vocabulary.tsv.
func LoadFS(fsys fs.FS) (*Registry, error) {
	b := &builder{r: &Registry{Sources: slices.Clone(sources)}, fsys: fsys, orgnr: map[string]string{}, counties: map[string]*county{}}
	steps := []func() error{b.readCounties, b.readMunicipalities, b.readMinistries, b.readAgencies, b.readLaws, b.readVocabulary}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := b.finish(); err != nil {
		return nil, err
	}
	return b.r, nil
}

// builder holds what loading needs between files.
type builder struct {
	r        *Registry
	fsys     fs.FS
	names    nameSet
	orgnr    map[string]string  // organisation number → key
	counties map[string]*county // SCB county code → county
}

// county is what later files need to know of a county.
type county struct {
	key, region, label, base string // base: the name without "län" and genitive ("Skåne", "Stockholm")
}

// table is a CSV or TSV file read into rows addressed by column name.
type table struct {
	file string
	cols map[string]int
	rows [][]string
	line []int
}

func (t *table) get(row int, col string) string {
	i, ok := t.cols[col]
	if !ok || i >= len(t.rows[row]) {
		return ""
	}
	return strings.TrimSpace(t.rows[row][i])
}

func (t *table) errf(row int, sentinel error, format string, args ...any) error {
	return &Error{File: t.file, Line: t.line[row], Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)}
}

func (t *table) pos(row int) string { return fmt.Sprintf("%s:%d", t.file, t.line[row]) }

// readTable reads a comma-separated file with a header row and
// checks that the required columns are there. Lines starting with '#' are
// comments. Quotes are read leniently: a source field may quote a title
// inside a quoted field without doubling the quotes.
func (b *builder) readTable(file string, required ...string) (*table, error) {
	f, err := b.fsys.Open(file)
	if err != nil {
		return nil, &Error{File: file, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comment = '#'
	cr.LazyQuotes = true
	t := &table{file: file, cols: map[string]int{}}
	header, err := cr.Read()
	if err != nil {
		return nil, &Error{File: file, Err: fmt.Errorf("%w: no header: %v", ErrSyntax, err)}
	}
	for i, h := range header {
		t.cols[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return nil, &Error{File: file, Line: 1, Err: fmt.Errorf("%w: %q", ErrColumn, c)}
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
				err = pe.Err
			}
			return nil, &Error{File: file, Line: line, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
		}
		line, _ := cr.FieldPos(0)
		t.rows = append(t.rows, rec)
		t.line = append(t.line, line)
	}
	return t, nil
}

// add appends an entry and returns its index.
func (b *builder) add(e Entry) int {
	b.r.Entries = append(b.r.Entries, e)
	return len(b.r.Entries) - 1
}

// entry returns the entry with the key while loading.
func (b *builder) entry(key string) *Entry {
	for i := range b.r.Entries {
		if b.r.Entries[i].Key == key {
			return &b.r.Entries[i]
		}
	}
	return nil
}

// checkOrgnr validates an organisation number and claims it for key.
func (b *builder) checkOrgnr(t *table, row int, nr, key string) error {
	if !ValidOrgnr(nr) {
		return t.errf(row, ErrValue, "organisation number %q fails the Luhn check", nr)
	}
	if other, ok := b.orgnr[nr]; ok && other != key {
		return t.errf(row, ErrDuplicate, "organisation number %s is also %s's", nr, other)
	}
	b.orgnr[nr] = key
	return nil
}

var qid = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// wikidata returns the IRI of a Q-id, checking its form.
// addWikidata states the Wikidata item in column col of a row as property
// p of the entry (owl:sameAs, or a candidate), unless the entry names the
// item as the same thing already.
func addWikidata(e *Entry, t *table, row int, col, p string) error {
	q := t.get(row, col)
	if q == "" {
		return nil
	}
	iri, err := wikidata(t, row, q)
	if err != nil {
		return err
	}
	if e.Value(SameAs) != iri {
		e.Props = append(e.Props, Prop{P: p, V: iri, IRI: true})
	}
	return nil
}

func wikidata(t *table, row int, q string) (string, error) {
	if !qid.MatchString(q) {
		return "", t.errf(row, ErrValue, "Wikidata id %q", q)
	}
	return WikidataEntity + q, nil
}

// split splits a multi-valued cell on '|'.
func split(cell string) []string {
	var out []string
	for _, v := range strings.Split(cell, "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// finish checks keys and references, gives every entry a unique ID and
// settles the names.
func (b *builder) finish() error {
	r := b.r
	seen := map[string]string{}
	for _, e := range r.Entries {
		for _, k := range append([]string{e.Key}, e.AltKeys...) {
			if prev, ok := seen[k]; ok {
				return rowError(e.Row, fmt.Errorf("%w: key %s (also %s)", ErrDuplicate, k, prev))
			}
			seen[k] = e.Row
		}
	}
	r.index()
	for _, e := range r.Entries {
		for _, p := range e.Props {
			if p.Ref && r.Lookup(p.V) == nil {
				return rowError(e.Row, fmt.Errorf("%w: %s %s", ErrRef, p.P, p.V))
			}
		}
		for _, k := range e.Listed {
			if r.Lookup(k) == nil {
				return rowError(e.Row, fmt.Errorf("%w: member %s", ErrRef, k))
			}
		}
	}
	if err := b.uniqueIDs(); err != nil {
		return err
	}
	b.names.resolve(r, true)
	return nil
}

// uniqueIDs settles IDs two entries share (slugs fold å, ä, ö, so Håbo
// and Habo meet): when one of them still exists and the others are
// dissolved, it keeps the ID and they get their key's tail appended
// ("statskontoret-202100-0852"); otherwise every one of them does
// ("habo-kommun-0305", "habo-kommun-0643").
func (b *builder) uniqueIDs() error {
	byID := map[string][]int{}
	for i, e := range b.r.Entries {
		if e.ID == "" {
			return rowError(e.Row, fmt.Errorf("%w: %s has no ID", ErrValue, e.Key))
		}
		byID[e.ID] = append(byID[e.ID], i)
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		idx := byID[id]
		if len(idx) < 2 {
			continue
		}
		current := 0
		for _, i := range idx {
			if b.r.Entries[i].Dissolved == "" {
				current++
			}
		}
		for _, i := range idx {
			e := &b.r.Entries[i]
			if current == 1 && e.Dissolved == "" {
				continue
			}
			e.ID = id + "-" + doc.Slug(e.Key[strings.IndexByte(e.Key, ':')+1:])
			if _, taken := byID[e.ID]; taken {
				return rowError(e.Row, fmt.Errorf("%w: ID %s", ErrDuplicate, e.ID))
			}
		}
	}
	return nil
}

// rowError makes an *Error from a Row string "file:line".
func rowError(row string, err error) error {
	file, line := row, 0
	if i := strings.LastIndexByte(row, ':'); i > 0 {
		fmt.Sscan(row[i+1:], &line)
		file = row[:i]
	}
	return &Error{File: file, Line: line, Err: err}
}
