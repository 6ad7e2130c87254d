package sparql

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"kg/export"
	"kg/rdfio"
	"kg/sparql/eval"
	"kg/store"
	"kg/store/disk"
	"kg/term"
)

// storeDataset adapts a kg store to the evaluator. The default graph is the
// union of every graph, each triple once.
type storeDataset struct {
	st store.Store
}

// FromStore returns the SPARQL view of a kg store. The embedded store's
// mapped index is read in place; a store that holds its graph in memory is
// scanned once into the evaluator's dictionary-encoded indexes (SPO, POS,
// OSP per graph); other stores, such as PostgreSQL, are queried pattern by
// pattern with their own cardinality estimates, or join group by join
// group where they evaluate joins themselves.
func FromStore(ctx context.Context, st store.Store) (eval.Dataset, error) {
	if x, ok := st.(store.Indexed); ok {
		if ix := x.Index(); ix != nil {
			return mapped(ix), nil
		}
		return eval.NewMemDataset(), nil
	}
	if r, ok := st.(store.Resident); ok && r.Resident() {
		return index(ctx, st)
	}
	if j, ok := st.(store.Joiner); ok {
		return &joinDataset{storeDataset{st}, j}, nil
	}
	return &storeDataset{st}, nil
}

// mapped views a store's index as a dataset: its union is the default
// graph, its named graphs are the named graphs (the stored default graph
// is only part of the union).
func mapped(ix *disk.Index) *eval.MemDataset {
	u := ix.Union()
	graphs := []eval.IndexedGraph{{SPO: u.SPO, POS: u.POS, OSP: u.OSP}}
	for _, g := range ix.Graphs() {
		if g.ID() != 0 {
			graphs = append(graphs, eval.IndexedGraph{Name: g.ID(), SPO: g.SPO, POS: g.POS, OSP: g.OSP})
		}
	}
	return eval.Indexed(ix, graphs)
}

// index copies the store into a MemDataset whose default graph is the
// union of all graphs.
func index(ctx context.Context, st store.Store) (*eval.MemDataset, error) {
	ds := eval.NewMemDataset()
	n := 0
	var err error
	scanErr := st.Match(ctx, store.Pattern{}, func(q term.Quad) bool {
		if n++; n%65536 == 0 {
			if err = ctx.Err(); err != nil {
				return false
			}
		}
		if !q.G.IsZero() {
			ds.Add(q.Triple().InGraph(term.Term{}))
		}
		ds.Add(q)
		return true
	})
	if scanErr != nil {
		return nil, scanErr
	}
	if err != nil {
		return nil, err
	}
	ds.Len() // sorts the indexes now rather than in the first query
	return ds, nil
}

func (d *storeDataset) Match(ctx context.Context, s, p, o, g term.Term, yield func(term.Quad) bool) error {
	if !g.IsZero() {
		return d.st.Match(ctx, store.Pattern{S: s, P: p, O: o, G: g}, yield)
	}
	// A triple stated in several graphs is one triple of the union.
	seen := map[term.Triple]bool{}
	return d.st.Match(ctx, store.Pattern{S: s, P: p, O: o}, func(q term.Quad) bool {
		t := q.Triple()
		if seen[t] {
			return true
		}
		seen[t] = true
		return yield(t.InGraph(term.Term{}))
	})
}

func (d *storeDataset) Estimate(s, p, o, g term.Term) int {
	n, err := d.st.Estimate(context.Background(), store.Pattern{S: s, P: p, O: o, G: g})
	if err != nil {
		return 1 << 30
	}
	return int(n)
}

func (d *storeDataset) NamedGraphs(ctx context.Context) ([]term.Term, error) {
	seen := map[term.Term]bool{}
	var out []term.Term
	err := d.st.Match(ctx, store.Pattern{}, func(q term.Quad) bool {
		if !q.G.IsZero() && !seen[q.G] {
			seen[q.G] = true
			out = append(out, q.G)
		}
		return true
	})
	return out, err
}

// Files loads RDF files into an in-memory dataset: data files into the
// default graph, named files each into a graph named by its file: IRI.
// Each file is parsed with its own file: IRI as base; the format comes
// from the extension.
func Files(ctx context.Context, data, named []string) (*eval.MemDataset, error) {
	ds := eval.NewMemDataset()
	for i, list := range [][]string{data, named} {
		for j, file := range list {
			iri, err := FileIRI(file)
			if err != nil {
				return nil, err
			}
			g := term.Term{}
			if i == 1 {
				g = term.IRI(iri)
				ds.AddGraph(g)
			}
			prefix := fmt.Sprintf("f%d.%d_", i, j)
			if err := loadFile(ctx, ds, file, iri, g, prefix); err != nil {
				return nil, err
			}
		}
	}
	return ds, nil
}

// FileIRI returns the absolute file: IRI of a path.
func FileIRI(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return rdfio.FileIRI(abs), nil
}

func loadFile(ctx context.Context, ds *eval.MemDataset, file, base string, g term.Term, blankPrefix string) error {
	f, ok := export.ForFile(file)
	if !ok || f.Parse == nil {
		return fmt.Errorf("%s: unknown RDF format (extensions: .ttl .nt .nq .trig .rdf .owl .jsonld)", file)
	}
	in, err := rdfio.OpenFile(file)
	if err != nil {
		return err
	}
	defer in.Close()
	n := 0
	return f.Parse(in, rdfio.Options{Base: base, BlankPrefix: blankPrefix, File: file, Contexts: export.Contexts()}, func(q term.Quad) error {
		if n++; n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if !g.IsZero() {
			q.G = g
		}
		ds.Add(q)
		return nil
	})
}

// PathOfFileIRI turns a file: IRI back into a local path.
func PathOfFileIRI(iri string) (string, bool) {
	if !strings.HasPrefix(iri, "file://") {
		return "", false
	}
	p, err := url.PathUnescape(strings.TrimPrefix(iri, "file://"))
	if err != nil || !strings.HasPrefix(p, "/") {
		return "", false
	}
	return p, true
}

// FromClause loads the graphs a query's FROM and FROM NAMED clauses name
// from local files: FROM graphs merge into the default graph, each FROM
// NAMED file becomes the named graph of its IRI. Only file: IRIs are
// allowed; this is a command-line convenience and must never be offered
// to remote users.
func FromClause(ctx context.Context, from, named []term.Term) (*eval.MemDataset, error) {
	ds := eval.NewMemDataset()
	for i, list := range [][]term.Term{from, named} {
		for j, g := range list {
			path, ok := PathOfFileIRI(g.Value)
			if !ok {
				return nil, fmt.Errorf("FROM <%s>: only local file: IRIs can be loaded", g.Value)
			}
			target := term.Term{}
			if i == 1 {
				target = g
				ds.AddGraph(g)
			}
			if err := loadFile(ctx, ds, path, g.Value, target, fmt.Sprintf("F%d.%d_", i, j)); err != nil {
				return nil, err
			}
		}
	}
	return ds, nil
}
