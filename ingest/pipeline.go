package ingest

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"kg/ingest/doc"
	"kg/ingest/facts"
	"kg/ingest/lang"
	"kg/ingest/link"
	"kg/ingest/read"
	"kg/ingest/recognise"
	"kg/ingest/register"
	"kg/ingest/relate"
)

// Pipeline is the ordered stages every document goes through after it is
// read, with the registry they share.
type Pipeline struct {
	Reg    *register.Registry
	Stages []doc.Stage
	isReg  map[string]bool // folded names of regions, for worked-example headings
}

var defaultPipeline = sync.OnceValues(func() (*Pipeline, error) {
	reg, err := register.Load()
	if err != nil {
		return nil, err
	}
	return NewPipeline(reg)
})

// NewPipeline assembles the stages around a registry: lang → recognise →
// link → relate → facts.
func NewPipeline(reg *register.Registry) (*Pipeline, error) {
	p := &Pipeline{Reg: reg, isReg: map[string]bool{}}
	p.Stages = []doc.Stage{
		lang.Stage{},
		recognise.Stage{G: recognise.NewGazetteer(GazetteerNames(reg)), RegionOf: regionOf(reg)},
		link.New(reg),
		relate.Stage{},
		facts.Stage{},
	}
	if err := doc.Check(p.Stages); err != nil {
		return nil, err
	}
	for _, e := range reg.Entries {
		if e.Class != "Region" {
			continue
		}
		for _, n := range append([]string{e.Label}, e.Names...) {
			p.isReg[lang.Fold(n)] = true
		}
	}
	return p, nil
}

// GazetteerNames lists every name the registry's entries are recognised by.
func GazetteerNames(reg *register.Registry) []recognise.Name {
	var out []recognise.Name
	for _, n := range reg.Names() {
		e := reg.Lookup(n.Key)
		if e == nil || strings.TrimSpace(n.Name) == "" {
			continue
		}
		class, group := e.Class, e.Group != ""
		if group {
			class = e.Group
		}
		out = append(out, recognise.Name{Text: n.Name, Key: e.Key, Class: class, Group: group, Exact: n.Exact})
	}
	return out
}

// isRegion tells the reader whether a name in a worked example's heading
// names a region: a region's name, or a county's name in a heading that
// lists regions.
func (p *Pipeline) isRegion(name string) bool {
	f := lang.Fold(name)
	return p.isReg[f] || p.isReg["region "+f] || read.LooksLikeRegion(name)
}

// Document reads one file and runs it through the stages.
func (p *Pipeline) Document(path string) (*doc.Doc, error) {
	d, err := read.File(path, read.Options{IsRegion: p.isRegion})
	if err != nil {
		return nil, err
	}
	if err := doc.Run(d, p.Stages); err != nil {
		return nil, err
	}
	return d, nil
}

// build reads the inputs, annotates each document (several at a time) and
// emits the graph.
func build(ctx context.Context, inputs []string, opt Options) ([]*doc.Doc, *Pipeline, error) {
	p, err := defaultPipeline()
	if err != nil {
		return nil, nil, err
	}
	files, err := read.Inputs(inputs)
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("%s: %w", strings.Join(inputs, ", "), ErrNoReports)
	}
	docs := make([]*doc.Doc, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var mu sync.Mutex
	done := 0
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			docs[i], errs[i] = p.Document(f)
			mu.Lock()
			done++
			opt.progressFunc()("ingest", done, len(files))
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	uniqueSlugs(docs)
	return docs, p, nil
}

// uniqueSlugs makes the slugs of documents distinct: a later document with
// a slug taken gets its file name's slug, then a number.
func uniqueSlugs(docs []*doc.Doc) {
	seen := map[string]bool{}
	for _, d := range docs {
		s := d.Meta.Slug
		for n := 2; seen[s]; n++ {
			s = fmt.Sprintf("%s-%d", d.Meta.Slug, n)
		}
		d.Meta.Slug = s
		seen[s] = true
	}
}

func (o Options) progressFunc() func(string, int, int) {
	if o.Progress == nil {
		return func(string, int, int) {}
	}
	return o.Progress
}

// regionOf maps each county's key to the region that serves it.
func regionOf(reg *register.Registry) map[string]string {
	out := map[string]string{}
	for _, e := range reg.Entries {
		if e.Class != "Region" {
			continue
		}
		for _, p := range e.Props {
			if p.Ref && p.P == "servesCounty" {
				out[p.V] = e.Key
			}
		}
		// the bare name a list of regions uses: "Sörmland" for Region
		// Sörmland, "Kalmar" for Region Kalmar län
		for _, n := range append([]string{e.Label}, e.Names...) {
			if bare, ok := strings.CutPrefix(n, "Region "); ok {
				out["name:"+lang.Fold(strings.TrimSuffix(bare, " län"))] = e.Key
			}
		}
	}
	return out
}
