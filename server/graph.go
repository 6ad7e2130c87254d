package server

import (
	"bytes"
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"kg/catalog"
	"kg/export"
	"kg/ontology"
	"kg/store"
	"kg/summary"
	"kg/term"
)

// graphData is what the pages, the search and the dataset descriptions
// need from every quad of the graph. A Server reads it once, on first use
// or after Warm, and never changes it afterwards.
type graphData struct {
	s        *Server
	labels   map[string][]term.Term // resource → its labels (prefLabel, label, altLabel, title)
	types    map[string][]string    // resource → rdf:type classes
	members  map[string][]string    // class → instances, by label
	passages map[string]passageInfo // passage → where it is in the report
	sum      *summary.Summary
	dataset  catalog.Dataset // Server.dataset with the graph's reports as sources
	stats    catalog.Stats
	search   *searchIndex
	visuals  *visuals // the map and the tables of regions and mandates

	// describe holds the quads of the dataset descriptions (DCAT without
	// the dumps' sizes and checksums, VoID, the SPARQL service
	// description): they are served and dereferenced like stored resources
	// but are not in the store.
	describe []term.Quad
	voidTTL  []byte // the VoID description exactly as kg export --format=void writes it
}

// Warm starts reading, in the background, what the pages need from the
// graph, so that the first page need not wait for all of it. Queries
// never wait for it.
func (s *Server) Warm() { go s.graph() }

// Close stops reading the graph for the pages; call it when the Server
// serves no more requests, before closing its store.
func (s *Server) Close() { s.cancel() }

// label, fallbackLabel, labelIn and linkIn name resources as
// graphData's methods of the same names do.
func (s *Server) label(iri string) string                  { return s.data().label(iri) }
func (s *Server) fallbackLabel(iri string) string          { return s.data().fallbackLabel(iri) }
func (s *Server) labelIn(iri, lang string) term.Term       { return s.data().labelIn(iri, lang) }
func (s *Server) linkIn(t term.Term, lang string) linkView { return s.data().linkIn(t, lang) }

// data returns what the pages need from the graph, reading it first if
// nothing has yet. Handlers that use it are wrapped in needsGraph, which
// answers with the error of a failed read; data itself then returns the
// data of an empty graph.
func (s *Server) data() *graphData {
	g, err := s.graph()
	if err != nil {
		return s.empty()
	}
	return g
}

// needsGraph wraps a handler that uses data: it waits until the graph
// has been read and answers with the error when that failed.
func (s *Server) needsGraph(h func(http.ResponseWriter, *http.Request) error) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		if _, err := s.graph(); err != nil {
			return err
		}
		return h(w, r)
	}
}

// readGraph reads every quad of the store once and derives from them
// what the pages need.
func (s *Server) readGraph() (*graphData, error) {
	quads, err := store.All(s.ctx, s.st, store.Pattern{}, term.CompareTriplesFirst)
	if err != nil {
		err = fmt.Errorf("server: reading %s: %w", s.st.Location(), err)
		s.opt.Logf("%v", err)
		return nil, err
	}
	g, err := s.newGraphData(quads)
	if err != nil {
		s.opt.Logf("%v", err)
	}
	return g, err
}

// newGraphData derives the pages' data from quads sorted triples first.
func (s *Server) newGraphData(quads []term.Quad) (*graphData, error) {
	g := &graphData{s: s}
	g.index(quads)
	g.sum = summary.Of(quads, s.base)
	g.visuals = g.buildVisuals(quads)
	g.dataset = s.dataset
	g.dataset.Sources = append(slices.Clone(s.dataset.Sources), catalog.Sources(quads)...)
	counter := catalog.NewCounter(g.dataset.Base)
	for _, q := range quads {
		counter.Add(q)
	}
	g.stats = counter.Stats()
	var err error
	if g.voidTTL, err = s.encodeDescription("void", quads, g.dataset); err != nil {
		return nil, err
	}
	if s.catalogErr == nil {
		g.describe = append(g.describe, catalog.DCAT(g.dataset, g.stats)...)
	}
	g.describe = append(g.describe, catalog.VoID(g.dataset, g.stats)...)
	g.describe = append(g.describe, s.serviceDescription(g.stats.Triples)...)
	slices.SortFunc(g.describe, term.CompareTriplesFirst)
	g.describe = slices.Compact(g.describe)
	return g, nil
}

// passageInfo locates a passage in the report.
type passageInfo struct {
	Page, PDFPage string
	Quote         term.Term
	Chapter       string
	Report        string
}

// encodeDescription writes the dcat or void export format, which counts
// the quads it is given and describes the dataset.
func (s *Server) encodeDescription(name string, quads []term.Quad, d catalog.Dataset) ([]byte, error) {
	f, _ := export.ByName(name)
	var b bytes.Buffer
	enc := f.New(&b, export.Options{Prefixes: s.prefix, Base: s.base, Catalog: &d})
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			return nil, err
		}
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("server: %s record: %w", name, err)
	}
	return b.Bytes(), nil
}

// Label properties, in the order a display label is chosen from.
var labelProps = []string{
	ontology.SKOS + "prefLabel",
	ontology.RDFS + "label",
	ontology.DCTERMS + "title",
	ontology.FOAF + "name",
	ontology.SKOS + "altLabel",
}

// index collects, from one pass over the graph, what pages need for every
// link: labels, types, class members and where passages are.
func (g *graphData) index(quads []term.Quad) {
	g.labels = map[string][]term.Term{}
	g.types = map[string][]string{}
	g.members = map[string][]string{}
	g.passages = map[string]passageInfo{}
	rank := map[string]int{}
	for i, p := range labelProps {
		rank[p] = i
	}
	type lab struct {
		t    term.Term
		rank int
	}
	labs := map[string][]lab{}
	hidden := map[string][]term.Term{}
	seenType := map[[2]string]bool{}
	entailed := ontology.EntailedGraph(g.s.base)
	var prev term.Triple
	for i, q := range quads {
		t := q.Triple()
		if i > 0 && t == prev {
			continue // the same triple from another graph
		}
		prev = t
		if !q.S.IsIRI() {
			continue
		}
		subj := q.S.Value
		if r, ok := rank[q.P.Value]; ok && q.O.IsLiteral() {
			labs[subj] = append(labs[subj], lab{q.O, r})
		} else if q.P.Value == ontology.SKOS+"hiddenLabel" && q.O.IsLiteral() {
			hidden[subj] = append(hidden[subj], q.O)
		}
		switch q.P.Value {
		case term.RDFType:
			if q.O.IsIRI() && !seenType[[2]string{subj, q.O.Value}] {
				seenType[[2]string{subj, q.O.Value}] = true
				// Browsing a class lists every instance, entailed ones too;
				// a thing's own types are those stated.
				if q.G.Value != entailed {
					g.types[subj] = append(g.types[subj], q.O.Value)
				}
				g.members[q.O.Value] = append(g.members[q.O.Value], subj)
			}
		case ontology.NS + "page", ontology.NS + "pdfPage", ontology.NS + "quote", ontology.NS + "inChapter", ontology.DCTERMS + "isPartOf":
			pi := g.passages[subj]
			switch q.P.Value {
			case ontology.NS + "page":
				pi.Page = q.O.Value
			case ontology.NS + "pdfPage":
				pi.PDFPage = q.O.Value
			case ontology.NS + "quote":
				pi.Quote = q.O
			case ontology.NS + "inChapter":
				pi.Chapter = q.O.Value
			case ontology.DCTERMS + "isPartOf":
				pi.Report = q.O.Value
			}
			g.passages[subj] = pi
		}
	}
	for iri := range g.passages {
		if !slices.Contains(g.types[iri], ontology.NS+"Passage") {
			delete(g.passages, iri) // chapters and examples have pages too but are not passages
		}
	}
	for iri, ls := range labs {
		slices.SortStableFunc(ls, func(a, b lab) int { return cmp.Compare(a.rank, b.rank) })
		out := make([]term.Term, len(ls))
		for i, l := range ls {
			out[i] = l.t
		}
		g.labels[iri] = out
	}
	for c, m := range g.members {
		slices.SortFunc(m, func(a, b string) int {
			return cmp.Or(strings.Compare(fold(g.label(a)), fold(g.label(b))), strings.Compare(a, b))
		})
		g.members[c] = m
	}
	g.search = newSearchIndex(g.labels, hidden)
}

// label returns the display label of a resource: its preferred label in
// Swedish, else English, else any label, else its compact IRI.
func (g *graphData) label(iri string) string {
	if l := g.labelIn(iri, "sv"); l.Value != "" {
		return l.Value
	}
	return g.fallbackLabel(iri)
}

func (g *graphData) fallbackLabel(iri string) string {
	if ls := g.labels[iri]; len(ls) > 0 {
		if l := g.labelIn(iri, "en"); l.Value != "" {
			return l.Value
		}
		return ls[0].Value
	}
	if t, ok := ontology.Lookup(iri); ok {
		if l := ontology.Label(t.IRI, "en", "sv"); l != "" {
			return l
		}
	}
	if pi, ok := g.passages[iri]; ok {
		if pi.Page != "" {
			return "Passage, p. " + pi.Page
		}
		return "Passage, PDF p. " + pi.PDFPage
	}
	return g.s.compactIRI(iri)
}

// labelIn returns the best label in one language, or the zero term.
func (g *graphData) labelIn(iri, lang string) term.Term {
	for _, l := range g.labels[iri] {
		if l.Lang == lang {
			return l
		}
	}
	return term.Term{}
}
