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

// readGraph reads what the pages need from the store: from an embedded
// store's index the counts and, by predicate, the quads that name, type
// and place resources; from any other store every quad.
func (s *Server) readGraph() (*graphData, error) {
	g, err := s.readQuads()
	if err != nil {
		err = fmt.Errorf("server: reading %s: %w", s.st.Location(), err)
		s.opt.Logf("%v", err)
		return nil, err
	}
	return g, nil
}

func (s *Server) readQuads() (*graphData, error) {
	if x, ok := s.st.(store.Indexed); ok {
		if ix := x.Index(); ix != nil {
			var quads []term.Quad
			for _, p := range pagePredicates() {
				err := s.st.Match(s.ctx, store.Pattern{P: term.IRI(p)}, func(q term.Quad) bool {
					quads = append(quads, q)
					return true
				})
				if err != nil {
					return nil, err
				}
			}
			slices.SortFunc(quads, term.CompareTriplesFirst)
			return s.newGraphData(quads, summary.OfIndex(ix, s.base), catalog.CountIndex(ix, s.dataset.Base))
		}
	}
	quads, err := store.All(s.ctx, s.st, store.Pattern{}, term.CompareTriplesFirst)
	if err != nil {
		return nil, err
	}
	counter := catalog.NewCounter(s.dataset.Base)
	for _, q := range quads {
		counter.Add(q)
	}
	return s.newGraphData(quads, summary.Of(quads, s.base), counter.Stats())
}

// pagePredicates are the predicates of the quads that index,
// buildVisuals and catalog.Sources read: given only the quads of these,
// sorted triples first, they derive the same as from every quad.
func pagePredicates() []string {
	ps := slices.Concat(labelProps, []string{
		ontology.SKOS + "hiddenLabel", term.RDFType,
		ontology.NS + "page", ontology.NS + "pdfPage", ontology.NS + "quote", ontology.NS + "inChapter", ontology.DCTERMS + "isPartOf",
	}, visualPredicates, catalog.SourcePredicates)
	slices.Sort(ps)
	return slices.Compact(ps)
}

// newGraphData derives the pages' data from quads sorted triples first
// (every quad, or those of pagePredicates), the graph's summary and its
// counts.
func (s *Server) newGraphData(quads []term.Quad, sum *summary.Summary, stats catalog.Stats) (*graphData, error) {
	g := &graphData{s: s, sum: sum, stats: stats}
	g.index(quads)
	g.visuals = g.buildVisuals(quads)
	g.dataset = s.dataset
	g.dataset.Sources = append(slices.Clone(s.dataset.Sources), catalog.Sources(quads)...)
	void := catalog.VoID(g.dataset, g.stats)
	var err error
	if g.voidTTL, err = s.voidTurtle(void); err != nil {
		return nil, err
	}
	if s.catalogErr == nil {
		g.describe = append(g.describe, catalog.DCAT(g.dataset, g.stats)...)
	}
	g.describe = append(g.describe, void...)
	g.describe = append(g.describe, s.serviceDescription(g.stats.Triples)...)
	slices.SortFunc(g.describe, term.CompareTriplesFirst)
	g.describe = slices.Compact(g.describe)
	return g, nil
}

// voidTurtle writes the VoID description as kg export --format=void does:
// Turtle with the namespaces of DCAT-AP, then the graph's.
func (s *Server) voidTurtle(void []term.Quad) ([]byte, error) {
	return describeIn("ttl", slices.Concat(dcatPrefixes, s.prefix), void)
}

// describeIn writes a dataset description in format with the first
// declaration of each prefix name and namespace, as the dcat and void
// export formats do.
func describeIn(format string, ps []export.Prefix, quads []term.Quad) ([]byte, error) {
	var prefixes []export.Prefix
	names, iris := map[string]bool{}, map[string]bool{}
	for _, p := range ps {
		if !names[p.Name] && !iris[p.IRI] {
			names[p.Name], iris[p.IRI] = true, true
			prefixes = append(prefixes, p)
		}
	}
	f, _ := export.ByName(format)
	var b bytes.Buffer
	enc := f.New(&b, export.Options{Prefixes: prefixes})
	for _, q := range quads {
		if err := enc.Encode(q); err != nil {
			return nil, fmt.Errorf("server: dataset description: %w", err)
		}
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("server: dataset description: %w", err)
	}
	return b.Bytes(), nil
}

// dcatPrefixes are the namespaces of the dcat export format, which the
// void format declares first.
var dcatPrefixes = []export.Prefix{
	{Name: "dcat", IRI: ontology.DCAT},
	{Name: "dcterms", IRI: ontology.DCTERMS},
	{Name: "foaf", IRI: ontology.FOAF},
	{Name: "vcard", IRI: ontology.VCARD},
	{Name: "void", IRI: ontology.VOID},
}

// passageInfo locates a passage in the report.
type passageInfo struct {
	Page, PDFPage string
	Quote         term.Term
	Chapter       string
	Report        string
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
// link: labels, types, class members and where passages are. It reads
// only quads of pagePredicates.
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
	g.sortMembers()
	g.search = newSearchIndex(g.labels, hidden)
}

// sortMembers sorts the instances of each class by folded label, then
// IRI; each instance's label is folded once.
func (g *graphData) sortMembers() {
	type keyed struct{ key, iri string }
	keys := map[string]string{}
	for c, m := range g.members {
		ks := make([]keyed, len(m))
		for i, iri := range m {
			k, ok := keys[iri]
			if !ok {
				k = fold(g.label(iri))
				keys[iri] = k
			}
			ks[i] = keyed{k, iri}
		}
		slices.SortFunc(ks, func(a, b keyed) int {
			return cmp.Or(strings.Compare(a.key, b.key), strings.Compare(a.iri, b.iri))
		})
		for i, k := range ks {
			m[i] = k.iri
		}
		g.members[c] = m
	}
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
