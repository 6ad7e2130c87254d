package ingest

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"kg/term"
)

// DefaultBase is the base of every IRI kg mints.
const DefaultBase = "https://w3id.org/regionalkg/"

// Options configure Build.
type Options struct {
	Base     string                              // base IRI; DefaultBase when empty
	Lexicon  fs.FS                               // nil: the embedded ingest/lexicon
	Progress func(stage string, done, total int) // may be nil
}

// ReportInfo describes one ingested report.
type ReportInfo struct {
	File      string
	Slug      string
	IRI       string
	Title     string
	Pages     int
	Chapters  int
	Examples  int
	Passages  int
	Footnotes int
	Mentions  int
}

// Stats summarises a build.
type Stats struct {
	Quads             int
	Entities          int
	EntitiesByClass   map[string]int // ontology local name → count
	Relations         int            // distinct entity–entity and example links
	ByProperty        map[string]int // property IRI → distinct triples
	EntitiesWithProv  int            // entities with prov:wasDerivedFrom
	RelationsWithProv int            // relations stated in a named graph
	Duration          time.Duration
}

// Result is what Build produces.
type Result struct {
	Quads   []term.Quad // sorted by term.CompareQuads, no duplicates
	Reports []ReportInfo
	Stats   Stats
}

// Report is one report through the pipeline.
type Report struct {
	File      string
	Meta      Meta
	Doc       *Document
	Mentions  []Mention
	Relations *Relations
}

// Build reads the documents named by inputs (files, or directories whose
// documents are read in name order) and returns the graph.
func Build(ctx context.Context, inputs []string, opt Options) (*Result, error) {
	seedsDir := inputs[0]
	start := time.Now()
	progress := opt.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	base := opt.Base
	if base == "" {
		base = DefaultBase
	}
	lexFS := opt.Lexicon
	if lexFS == nil {
		lexFS = DefaultLexicon()
	}
	lx, err := LoadLexicon(lexFS)
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(seedsDir)
	if err != nil {
		return nil, fmt.Errorf("seeds: %w", err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			files = append(files, filepath.Join(seedsDir, e.Name()))
		}
	}
	slices.Sort(files)
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w", seedsDir, ErrNoReports)
	}
	kb := NewKB(lx)
	var reports []*Report
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		progress("ingest", i, len(files))
		r, err := ingestFile(f, kb)
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	progress("ingest", len(files), len(files))
	var ids []IdentifierRow
	idPath := filepath.Join(seedsDir, "identifiers.csv")
	if f, err := os.Open(idPath); err == nil {
		ids, err = ReadIdentifiers(f, idPath)
		f.Close()
		if err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("identifiers: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	progress("emit", 0, 1)
	quads := Emit(base, reports, kb, ids)
	progress("emit", 1, 1)
	res := &Result{Quads: quads}
	for _, r := range reports {
		res.Reports = append(res.Reports, ReportInfo{File: r.File, Slug: r.Meta.Slug, IRI: base + "report/" + r.Meta.Slug,
			Title: r.Meta.Title, Pages: len(r.Doc.Pages), Chapters: len(r.Doc.Chapters), Examples: len(r.Doc.Examples),
			Passages: len(r.Doc.Passages), Footnotes: len(r.Doc.Footnotes), Mentions: len(r.Mentions)})
	}
	res.Stats = ComputeStats(quads)
	res.Stats.Duration = time.Since(start)
	return res, nil
}

// ingestFile runs one report through segment, recognise, resolve and relate.
func ingestFile(path string, kb *KB) (*Report, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	meta, err := ReadMeta(path)
	if err != nil {
		return nil, err
	}
	lay := Layout{
		Title:         meta.Title,
		IsRegion:      kb.Rec.IsRegion,
		ChapterTitle:  func(s string) bool { _, ok := kb.Lex.matchAny("chapter", s); return ok },
		MultiExamples: func(s string) bool { _, ok := kb.Lex.matchAny("multi", s); return ok },
	}
	doc, err := Segment(path, b, lay)
	if err != nil {
		return nil, err
	}
	ms := Resolve(Recognise(doc, kb.Rec), kb)
	rel := Relate(doc, ms, kb)
	return &Report{File: path, Meta: meta, Doc: doc, Mentions: ms, Relations: rel}, nil
}

// Meta is a report's bibliographic description, read from the sidecar file
// <name>.meta.tsv next to <name>.txt: one "key<TAB>value" per line, keys
// slug, title, publisher, issued, language and url; # starts a comment.
type Meta struct {
	Slug, Title, Publisher, Issued, Language, URL string
}

// ReadMeta reads the sidecar of a report text; without one, the slug is the
// file name and the other fields are empty.
func ReadMeta(txtPath string) (Meta, error) {
	name := strings.TrimSuffix(filepath.Base(txtPath), ".txt")
	m := Meta{Slug: Slugify(name), Language: "sv"}
	path := strings.TrimSuffix(txtPath, ".txt") + ".meta.tsv"
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("meta: %w", err)
	}
	defer f.Close()
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

// IdentifierRow is one row of identifiers.csv.
type IdentifierRow struct {
	Entity, Kind, Scheme, Value, Source, Verified string
	Line                                          int
}

// ReadIdentifiers reads identifiers.csv (columns entity, kind,
// identifier_scheme, value, source_url, verified).
func ReadIdentifiers(r io.Reader, name string) ([]IdentifierRow, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, c := range []string{"entity", "identifier_scheme", "value", "source_url", "verified"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s: no column %q", name, c)
		}
	}
	var out []IdentifierRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		get := func(c string) string {
			i, ok := col[c]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		out = append(out, IdentifierRow{Entity: get("entity"), Kind: get("kind"), Scheme: get("identifier_scheme"),
			Value: get("value"), Source: get("source_url"), Verified: get("verified"), Line: line})
	}
	return out, nil
}
