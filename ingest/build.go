package ingest

import (
	"context"
	"errors"
	"time"

	"kg/ingest/emit"
	"kg/term"
)

// DefaultBase is the base of every IRI kg mints.
const DefaultBase = "https://w3id.org/regionalkg/"

// ErrNoReports is returned when the inputs hold no document.
var ErrNoReports = errors.New("no report texts")

// Options configure Build.
type Options struct {
	Base     string                              // base IRI; DefaultBase when empty
	Progress func(stage string, done, total int) // may be nil
}

// ReportInfo describes one ingested document.
type ReportInfo struct {
	File      string
	Slug      string
	IRI       string
	Title     string
	Format    string
	Pages     int
	Chapters  int
	Examples  int
	Passages  int
	Footnotes int
	Mentions  int
	Entities  int
	Relations int
	Facts     int
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

// Build reads the documents named by inputs (files, or directories whose
// documents are read in name order), runs each through the pipeline and
// returns the graph.
func Build(ctx context.Context, inputs []string, opt Options) (*Result, error) {
	start := time.Now()
	base := opt.Base
	if base == "" {
		base = DefaultBase
	}
	docs, p, err := build(ctx, inputs, opt)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	progress := opt.progressFunc()
	progress("emit", 0, 1)
	quads := emit.Emit(base, docs, p.Reg)
	progress("emit", 1, 1)
	res := &Result{Quads: quads}
	for _, d := range docs {
		res.Reports = append(res.Reports, ReportInfo{File: d.Meta.File, Slug: d.Meta.Slug, IRI: emit.ReportIRI(base, d),
			Title: d.Meta.Title, Format: d.Meta.Format, Pages: len(d.Pages), Chapters: len(d.Chapters), Examples: len(d.Examples),
			Passages: len(d.Passages), Footnotes: len(d.Footnotes), Mentions: len(d.Mentions), Entities: len(d.Entities),
			Relations: len(d.Relations), Facts: len(d.Facts)})
	}
	res.Stats = ComputeStats(quads)
	res.Stats.Duration = time.Since(start)
	return res, nil
}
