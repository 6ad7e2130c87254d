package ingest_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"kg/ingest"
	"kg/internal/testenv"
	"kg/ontology"
	"kg/term"
)

// The annotation in testdata/annotation is a hand-made reading of the whole
// report in seeds/: every named entity occurrence (mentions.tsv), every
// relation the text states (relations.tsv) and every worked example
// (examples.tsv). It is kept independent of the lexicon, so that the graph
// is measured against the report and not against the data that built it.
// Relations the graph states beyond relations.tsv are judged one by one
// against their sentence (judged.tsv), which gives relation precision.

const annotationBase = "https://example.org/kg/"

type annMention struct {
	page           int
	surface, class string
	entity         string
	line           int
}

type annRelation struct {
	subject, property, object string
	page                      int
	evidence                  string
	line                      int
}

// annJudgement is a person's verdict on a relation the graph states that
// relations.tsv does not list: correct only if the report states it.
type annJudgement struct {
	subject, property, object string
	page                      int
	correct                   bool
	quote                     string
	line                      int
}

type annExample struct {
	page    int
	title   string
	regions []string
	theme   string
	urls    []string
	line    int
}

// annRead reads a tab-separated file with a header line, skipping
// blank and # lines, and returns the rows as maps keyed by column name.
func annRead(t *testing.T, name string, cols int) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "annotation", name))
	if err != nil {
		t.Fatalf("annotation: %v", err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	n, header := 0, false
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			header = true
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != cols {
			t.Fatalf("%s:%d: %d columns, want %d", name, n, len(fields), cols)
		}
		rows = append(rows, append(fields, strconv.Itoa(n)))
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

func annAtoi(t *testing.T, file, s string, line string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s:%s: page %q is not a positive integer", file, line, s)
	}
	return n
}

func annSplit(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func annLoadMentions(t *testing.T) []annMention {
	var out []annMention
	for _, r := range annRead(t, "mentions.tsv", 4) {
		out = append(out, annMention{page: annAtoi(t, "mentions.tsv", r[0], r[4]), surface: r[1], class: r[2], entity: r[3], line: annAtoi(t, "mentions.tsv", r[4], r[4])})
	}
	return out
}

func annLoadRelations(t *testing.T) []annRelation {
	var out []annRelation
	for _, r := range annRead(t, "relations.tsv", 5) {
		out = append(out, annRelation{subject: r[0], property: r[1], object: r[2], page: annAtoi(t, "relations.tsv", r[3], r[5]), evidence: r[4], line: annAtoi(t, "relations.tsv", r[5], r[5])})
	}
	return out
}

func annLoadJudged(t *testing.T) []annJudgement {
	var out []annJudgement
	for _, r := range annRead(t, "judged.tsv", 6) {
		j := annJudgement{subject: r[0], property: r[1], object: r[2], page: annAtoi(t, "judged.tsv", r[3], r[6]), quote: r[5], line: annAtoi(t, "judged.tsv", r[6], r[6])}
		switch r[4] {
		case "correct":
			j.correct = true
		case "wrong":
		default:
			t.Fatalf("judged.tsv:%s: verdict %q, want correct or wrong", r[6], r[4])
		}
		out = append(out, j)
	}
	return out
}

func annLoadExamples(t *testing.T) []annExample {
	var out []annExample
	for _, r := range annRead(t, "examples.tsv", 5) {
		out = append(out, annExample{page: annAtoi(t, "examples.tsv", r[0], r[5]), title: r[1], regions: annSplit(r[2]), theme: r[3], urls: annSplit(r[4]), line: annAtoi(t, "examples.tsv", r[5], r[5])})
	}
	return out
}

// annLoadFloors reads floors.tsv: metric name and minimum value (for metrics
// named *.max, the maximum).
func annLoadFloors(t *testing.T) map[string]float64 {
	out := map[string]float64{}
	for _, r := range annRead(t, "floors.tsv", 2) {
		v, err := strconv.ParseFloat(r[1], 64)
		if err != nil {
			t.Fatalf("floors.tsv:%s: %v", r[2], err)
		}
		out[r[0]] = v
	}
	return out
}

// annCountyNames returns the county names listed in identifiers.csv.
func annCountyNames(t *testing.T, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("identifiers: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("identifiers: %v", err)
	}
	seen := map[string]bool{}
	var out []string
	for _, r := range rows[1:] {
		if len(r) > 1 && r[1] == "county" && !seen[r[0]] {
			seen[r[0]] = true
			out = append(out, r[0])
		}
	}
	return out
}

// annPages returns the text of each page of the report (1-based), lines
// joined by spaces, in three forms: as joined, with line-end hyphens and
// dashes closed up ("Jämtland-Härjedalen", "2021–2030"), and with
// line-end hyphens dropped (words split across lines).
func annPages(t *testing.T, path string) map[int][3]string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	lines := map[int][]string{}
	page := 0
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, " ") || page == 0 {
			page++
		}
		if l = strings.TrimSpace(l); l != "" {
			lines[page] = append(lines[page], l)
		}
	}
	out := map[int][3]string{}
	for p, ls := range lines {
		joined := strings.Join(ls, " ")
		closed, dropped := joined, joined
		for _, d := range []string{"-", "–"} {
			closed = strings.ReplaceAll(closed, d+" ", d)
		}
		dropped = strings.ReplaceAll(dropped, "- ", "")
		out[p] = [3]string{joined, closed, dropped}
	}
	return out
}

func annOnPage(pages map[int][3]string, p int, s string) bool {
	for _, v := range pages[p] {
		if strings.Contains(v, s) {
			return true
		}
	}
	return false
}

// annGraph answers the questions the test asks of the built quads.
type annGraph struct {
	types    map[term.Term]map[string]bool        // subject → class IRIs
	labels   map[term.Term][]term.Term            // subject → rdfs:label and skos:prefLabel values
	pref     map[term.Term][]term.Term            // subject → skos:prefLabel values
	out      map[term.Term]map[string][]term.Term // subject → predicate → objects (all graphs)
	graphsOf map[[3]term.Term][]term.Term         // triple → graphs holding it
	reifiers map[[3]term.Term][]term.Term         // triple → rdf:Statement nodes describing it
}

func newAnnGraph(qs []term.Quad) *annGraph {
	g := &annGraph{
		types: map[term.Term]map[string]bool{}, labels: map[term.Term][]term.Term{}, pref: map[term.Term][]term.Term{},
		out: map[term.Term]map[string][]term.Term{}, graphsOf: map[[3]term.Term][]term.Term{}, reifiers: map[[3]term.Term][]term.Term{},
	}
	stmt := map[term.Term]*[3]term.Term{}
	for _, q := range qs {
		k := [3]term.Term{q.S, q.P, q.O}
		g.graphsOf[k] = append(g.graphsOf[k], q.G)
		if g.out[q.S] == nil {
			g.out[q.S] = map[string][]term.Term{}
		}
		g.out[q.S][q.P.Value] = append(g.out[q.S][q.P.Value], q.O)
		switch q.P.Value {
		case term.RDFType:
			if g.types[q.S] == nil {
				g.types[q.S] = map[string]bool{}
			}
			g.types[q.S][q.O.Value] = true
		case ontology.SKOS + "prefLabel":
			if !slices.Contains(g.pref[q.S], q.O) {
				g.pref[q.S] = append(g.pref[q.S], q.O)
			}
			g.labels[q.S] = append(g.labels[q.S], q.O)
		case ontology.RDFS + "label":
			g.labels[q.S] = append(g.labels[q.S], q.O)
		case ontology.RDF + "subject", ontology.RDF + "predicate", ontology.RDF + "object":
			s := stmt[q.S]
			if s == nil {
				s = &[3]term.Term{}
				stmt[q.S] = s
			}
			i := map[string]int{"subject": 0, "predicate": 1, "object": 2}[strings.TrimPrefix(q.P.Value, ontology.RDF)]
			s[i] = q.O
		}
	}
	for node, s := range stmt {
		g.reifiers[*s] = append(g.reifiers[*s], node)
	}
	return g
}

func (g *annGraph) objects(s term.Term, p string) []term.Term { return g.out[s][p] }

// pagesOf returns the pdfPage values recorded for a provenance node: its own
// kgo:pdfPage, or that of the passages it was derived from.
func (g *annGraph) pagesOf(n term.Term) []int {
	var out []int
	add := func(x term.Term) {
		for _, o := range g.objects(x, ontology.PDFPage) {
			if v, err := strconv.Atoi(o.Value); err == nil {
				out = append(out, v)
			}
		}
	}
	add(n)
	for _, p := range g.objects(n, ontology.PROV+"wasDerivedFrom") {
		add(p)
	}
	return out
}

// triplePages returns the pages of the passages a triple is stated in: the
// pages of its named graphs and of its reifications.
func (g *annGraph) triplePages(s, p, o term.Term) (found bool, pages []int) {
	k := [3]term.Term{s, p, o}
	gs, ok := g.graphsOf[k]
	if !ok {
		return false, nil
	}
	for _, gr := range gs {
		if !gr.IsZero() {
			pages = append(pages, g.pagesOf(gr)...)
		}
	}
	for _, r := range g.reifiers[k] {
		pages = append(pages, g.pagesOf(r)...)
	}
	return true, pages
}

// annRatio is hits out of total, with an empty total counting as complete.
type annRatio struct{ hit, total int }

func (r annRatio) value() float64 {
	if r.total == 0 {
		return 1
	}
	return float64(r.hit) / float64(r.total)
}

func (r annRatio) String() string { return fmt.Sprintf("%d/%d = %.3f", r.hit, r.total, r.value()) }

// annNormTitle folds case, dashes and spacing so that titles compare as printed.
func annNormTitle(s string) string {
	s = strings.NewReplacer("–", "-", "—", "-", "\u00a0", " ").Replace(strings.ToLower(s))
	s = strings.Join(strings.Fields(s), " ")
	return strings.Trim(s, " .:")
}

// annNormURL compares URLs without scheme, "www." and trailing slash.
func annNormURL(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	s = strings.TrimPrefix(s, "www.")
	return strings.TrimRight(s, "/")
}

// annMostSpecific picks the ontology class of an entity: the narrowest of its
// types in the ontology namespace (a top class only when nothing else).
func annMostSpecific(types map[string]bool) string {
	tops := map[string]bool{"Actor": true, "Law": true, "Instrument": true, "Mandate": true, "Theme": true}
	var narrow, top []string
	for c := range types {
		if !strings.HasPrefix(c, ontology.NS) {
			continue
		}
		l := strings.TrimPrefix(c, ontology.NS)
		if tops[l] {
			top = append(top, l)
		} else {
			narrow = append(narrow, l)
		}
	}
	sort.Strings(narrow)
	sort.Strings(top)
	if len(narrow) > 0 {
		return strings.Join(narrow, "+")
	}
	return strings.Join(top, "+")
}

func TestAnnotation(t *testing.T) {
	mentions, relations, examples := annLoadMentions(t), annLoadRelations(t), annLoadExamples(t)
	floors := annLoadFloors(t)

	// The annotation must be consistent in itself: one class per entity, and
	// every relation end and example region annotated as a mention.
	classOf := map[string]string{}
	for _, m := range mentions {
		if c, ok := classOf[m.entity]; ok && c != m.class {
			t.Errorf("mentions.tsv:%d: %s annotated as %s here, %s before", m.line, m.entity, m.class, c)
		}
		classOf[m.entity] = m.class
	}
	for _, r := range relations {
		for _, id := range []string{r.subject, r.object} {
			if classOf[id] == "" {
				t.Errorf("relations.tsv:%d: %s has no mention", r.line, id)
			}
		}
	}
	for _, e := range examples {
		for _, id := range append(append([]string{}, e.regions...), e.theme) {
			if classOf[id] == "" {
				t.Errorf("examples.tsv:%d: %s has no mention", e.line, id)
			}
		}
	}

	root := testenv.Root(t)
	report := filepath.Join(root, "seeds", "000_166f9742bfc0d13f.txt")
	pages := annPages(t, report)
	for _, m := range mentions {
		if !annOnPage(pages, m.page, m.surface) {
			t.Errorf("mentions.tsv:%d: %q is not on page %d of the report", m.line, m.surface, m.page)
		}
	}
	for _, r := range relations {
		if !annOnPage(pages, r.page, r.evidence) {
			t.Errorf("relations.tsv:%d: evidence %q is not on page %d of the report", r.line, r.evidence, r.page)
		}
	}
	for _, e := range examples {
		if !annOnPage(pages, e.page, e.title) {
			t.Errorf("examples.tsv:%d: title %q is not on page %d of the report", e.line, e.title, e.page)
		}
	}
	res, err := ingest.Build(context.Background(), []string{filepath.Join(root, "seeds")}, ingest.Options{Base: annotationBase})
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	g := newAnnGraph(res.Quads)
	iri := func(id string) term.Term { return term.IRI(annotationBase + "id/" + id) }
	metrics := map[string]float64{}

	// Entities: present, typed with exactly the annotated class, labelled.
	recall := map[string]*annRatio{}
	all := &annRatio{}
	ids := make([]string, 0, len(classOf))
	for id := range classOf {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var missing []string
	for _, id := range ids {
		c := classOf[id]
		if recall[c] == nil {
			recall[c] = &annRatio{}
		}
		recall[c].total++
		all.total++
		s := iri(id)
		switch {
		case g.types[s] == nil:
			missing = append(missing, id+" (absent)")
		case !g.types[s][ontology.NS+c]:
			missing = append(missing, fmt.Sprintf("%s (typed %s, want %s)", id, annMostSpecific(g.types[s]), c))
		case len(g.labels[s]) == 0:
			missing = append(missing, id+" (no label)")
		default:
			recall[c].hit++
			all.hit++
		}
	}
	if len(missing) > 0 {
		t.Logf("annotated entities not found as annotated (%d):\n  %s", len(missing), strings.Join(missing, "\n  "))
	}

	// Mentions: the graph derives each annotated entity from a passage on
	// every page the annotation finds it on. This measures recognition in
	// the text, not the lexicon.
	type entityPage struct {
		id   string
		page int
	}
	wantPages := map[entityPage][]string{}
	for _, m := range mentions {
		k := entityPage{m.entity, m.page}
		wantPages[k] = append(wantPages[k], m.surface)
	}
	// A passage is dated by the page it starts on, so a paragraph that runs
	// over a page break (or over a page holding only footnotes) carries the
	// mentions of the next pages: those count when the passage's quote holds
	// the surface.
	carries := func(p term.Term, page int, surfaces []string) bool {
		for _, n := range g.pagesOf(p) {
			if n < page-2 || n > page {
				continue
			}
			if n == page {
				return true
			}
			for _, q := range g.objects(p, ontology.Quote) {
				quote := strings.Join(strings.Fields(q.Value), " ")
				for _, s := range surfaces {
					if strings.Contains(quote, s) {
						return true
					}
				}
			}
		}
		return false
	}
	menRecall := map[string]*annRatio{}
	menAll := &annRatio{}
	var menMissing []string
	for _, id := range ids {
		derived := g.objects(iri(id), ontology.PROV+"wasDerivedFrom")
		c := classOf[id]
		if menRecall[c] == nil {
			menRecall[c] = &annRatio{}
		}
		var miss []string
		for k, surfaces := range wantPages {
			if k.id != id {
				continue
			}
			menRecall[c].total++
			menAll.total++
			if slices.ContainsFunc(derived, func(p term.Term) bool { return carries(p, k.page, surfaces) }) {
				menRecall[c].hit++
				menAll.hit++
			} else {
				miss = append(miss, strconv.Itoa(k.page))
			}
		}
		if len(miss) > 0 {
			sort.Slice(miss, func(i, j int) bool { a, _ := strconv.Atoi(miss[i]); b, _ := strconv.Atoi(miss[j]); return a < b })
			menMissing = append(menMissing, id+" p"+strings.Join(miss, ",p"))
		}
	}
	if len(menMissing) > 0 {
		t.Logf("annotated mentions the graph does not derive from their page (%d entities):\n  %s", len(menMissing), strings.Join(menMissing, "\n  "))
	}

	// Precision: every entity minted under {base}id/ with a class the
	// annotation covers must be in the annotation. Counties are required
	// coverage from identifiers.csv and are checked on their own below.
	scope := map[string]bool{}
	for _, c := range classOf {
		scope[c] = true
	}
	precision := map[string]*annRatio{}
	allP := &annRatio{}
	var invented []string
	for s, ts := range g.types {
		if s.Kind != term.KindIRI || !strings.HasPrefix(s.Value, annotationBase+"id/") {
			continue
		}
		c := annMostSpecific(ts)
		if c == "County" || !scope[c] && !scope[strings.Split(c, "+")[0]] {
			continue
		}
		if precision[c] == nil {
			precision[c] = &annRatio{}
		}
		precision[c].total++
		allP.total++
		id := strings.TrimPrefix(s.Value, annotationBase+"id/")
		if _, ok := classOf[id]; ok {
			precision[c].hit++
			allP.hit++
		} else {
			invented = append(invented, id+" ("+c+")")
		}
	}
	sort.Strings(invented)
	if len(invented) > 0 {
		t.Logf("entities in the graph but not in the annotation (%d):\n  %s", len(invented), strings.Join(invented, "\n  "))
	}
	classes := map[string]bool{}
	for c := range recall {
		classes[c] = true
	}
	for c := range precision {
		classes[c] = true
	}
	names := make([]string, 0, len(classes))
	for c := range classes {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		r, p := recall[c], precision[c]
		if r == nil {
			r = &annRatio{}
		}
		if p == nil {
			p = &annRatio{}
		}
		mr := menRecall[c]
		if mr == nil {
			mr = &annRatio{}
		}
		t.Logf("%-26s recall %-16s precision %-16s mentions by page %s", c, r, p, mr)
		metrics["recall."+c] = r.value()
		metrics["precision."+c] = p.value()
		metrics["mentions."+c] = mr.value()
	}
	t.Logf("%-26s recall %-16s precision %-16s mentions by page %s", "all entities", all, allP, menAll)
	metrics["recall.entities"] = all.value()
	metrics["precision.entities"] = allP.value()
	metrics["mentions.entities"] = menAll.value()

	// Duplicates: no two entities share a preferred label.
	byLabel := map[string][]string{}
	for s, ls := range g.pref {
		if s.Kind != term.KindIRI || !strings.HasPrefix(s.Value, annotationBase+"id/") {
			continue
		}
		for _, l := range ls {
			k := strings.ToLower(l.Value) + "@" + l.Lang
			byLabel[k] = append(byLabel[k], strings.TrimPrefix(s.Value, annotationBase+"id/"))
		}
	}
	var dups []string
	for l, ss := range byLabel {
		if len(ss) > 1 {
			sort.Strings(ss)
			dups = append(dups, fmt.Sprintf("%q: %s", l, strings.Join(ss, ", ")))
		}
	}
	sort.Strings(dups)
	if len(dups) > 0 {
		t.Logf("entities sharing a prefLabel (%d):\n  %s", len(dups), strings.Join(dups, "\n  "))
	}
	metrics["duplicates.max"] = float64(len(dups))

	// Counties: all 21 from identifiers.csv, as places with their names;
	// every annotated region serves one.
	counties := &annRatio{}
	countyByLabel := map[string]bool{}
	for s, ts := range g.types {
		if ts[ontology.County] {
			for _, l := range g.labels[s] {
				countyByLabel[l.Value] = true
			}
		}
	}
	for _, name := range annCountyNames(t, filepath.Join(root, "seeds", "identifiers.csv")) {
		counties.total++
		if countyByLabel[name] {
			counties.hit++
		} else {
			t.Logf("county %q missing", name)
		}
	}
	serves := &annRatio{}
	for _, id := range ids {
		if classOf[id] != "Region" {
			continue
		}
		serves.total++
		for _, o := range g.objects(iri(id), ontology.ServesCounty) {
			if g.types[o][ontology.County] {
				serves.hit++
				break
			}
		}
	}
	t.Logf("counties %s; regions serving a county %s", counties, serves)
	metrics["counties"] = counties.value()
	metrics["regions.servesCounty"] = serves.value()

	// Relations: the triple exists, stated in a passage on the annotated page.
	rel, relPage := &annRatio{}, &annRatio{}
	byProp := map[string]*annRatio{}
	var relMissing, pageWrong []string
	for _, r := range relations {
		if byProp[r.property] == nil {
			byProp[r.property] = &annRatio{}
		}
		byProp[r.property].total++
		rel.total++
		relPage.total++
		found, pages := g.triplePages(iri(r.subject), term.IRI(ontology.NS+r.property), iri(r.object))
		if !found {
			relMissing = append(relMissing, fmt.Sprintf("%s %s %s (p%d)", r.subject, r.property, r.object, r.page))
			continue
		}
		rel.hit++
		byProp[r.property].hit++
		onPage := false
		for _, p := range pages {
			onPage = onPage || p == r.page
		}
		if onPage {
			relPage.hit++
		} else {
			pageWrong = append(pageWrong, fmt.Sprintf("%s %s %s: annotated p%d, graph %v", r.subject, r.property, r.object, r.page, pages))
		}
	}
	props := make([]string, 0, len(byProp))
	for p := range byProp {
		props = append(props, p)
	}
	sort.Strings(props)
	for _, p := range props {
		t.Logf("relation %-16s recall %s", p, byProp[p])
		metrics["relations."+p] = byProp[p].value()
	}
	t.Logf("relations recall %s; on the annotated page %s", rel, relPage)
	if len(relMissing) > 0 {
		t.Logf("relations missing (%d):\n  %s", len(relMissing), strings.Join(relMissing, "\n  "))
	}
	if len(pageWrong) > 0 {
		t.Logf("relations on another page (%d):\n  %s", len(pageWrong), strings.Join(pageWrong, "\n  "))
	}
	metrics["recall.relations"] = rel.value()
	metrics["relations.onPage"] = relPage.value()

	// Relation precision: every relation of an annotated property that the
	// graph states between entities is either annotated or judged by a
	// reader of its sentence (judged.tsv); precision counts the annotated
	// and the judged-correct ones.
	judged := annLoadJudged(t)
	type triple struct{ s, p, o string }
	annotated := map[triple]bool{}
	for _, r := range relations {
		annotated[triple{r.subject, r.property, r.object}] = true
	}
	verdict := map[triple]annJudgement{}
	for _, j := range judged {
		k := triple{j.subject, j.property, j.object}
		switch {
		case byProp[j.property] == nil:
			t.Errorf("judged.tsv:%d: %s is not an annotated property", j.line, j.property)
		case annotated[k]:
			t.Errorf("judged.tsv:%d: %s %s %s is annotated in relations.tsv; judge only what it does not list", j.line, j.subject, j.property, j.object)
		case verdict[k].line != 0:
			t.Errorf("judged.tsv:%d: %s %s %s judged before, on line %d", j.line, j.subject, j.property, j.object, verdict[k].line)
		}
		if !annOnPage(pages, j.page, j.quote) {
			t.Errorf("judged.tsv:%d: quote %q is not on page %d of the report", j.line, j.quote, j.page)
		}
		verdict[k] = j
	}
	idPrefix := annotationBase + "id/"
	produced := map[triple]bool{}
	for k := range g.graphsOf {
		p := strings.TrimPrefix(k[1].Value, ontology.NS)
		if byProp[p] == nil || !strings.HasPrefix(k[1].Value, ontology.NS) || !strings.HasPrefix(k[0].Value, idPrefix) || !strings.HasPrefix(k[2].Value, idPrefix) {
			continue
		}
		produced[triple{strings.TrimPrefix(k[0].Value, idPrefix), p, strings.TrimPrefix(k[2].Value, idPrefix)}] = true
	}
	prec := map[string]*annRatio{}
	allPrec := &annRatio{}
	var unjudged, wrong []string
	for k := range produced {
		if prec[k.p] == nil {
			prec[k.p] = &annRatio{}
		}
		prec[k.p].total++
		allPrec.total++
		j, isJudged := verdict[k]
		switch {
		case annotated[k]:
		case !isJudged:
			// Show the reader what to judge: the pages and quotes of the
			// passages stating it.
			var where []string
			for _, gr := range g.graphsOf[[3]term.Term{iri(k.s), term.IRI(ontology.NS + k.p), iri(k.o)}] {
				for _, q := range g.objects(gr, ontology.Quote) {
					where = append(where, fmt.Sprintf("p%v %q", g.pagesOf(gr), strings.Join(strings.Fields(q.Value), " ")))
				}
			}
			unjudged = append(unjudged, fmt.Sprintf("%s\t%s\t%s: %s", k.s, k.p, k.o, strings.Join(where, "; ")))
			continue
		case !j.correct:
			wrong = append(wrong, fmt.Sprintf("%s %s %s (p%d): %q", k.s, k.p, k.o, j.page, j.quote))
			continue
		}
		prec[k.p].hit++
		allPrec.hit++
	}
	for _, p := range props {
		if prec[p] == nil {
			prec[p] = &annRatio{}
		}
		t.Logf("relation %-16s precision %s", p, prec[p])
		metrics["precision.relations."+p] = prec[p].value()
	}
	t.Logf("relations precision %s", allPrec)
	metrics["precision.relations"] = allPrec.value()
	sort.Strings(wrong)
	if len(wrong) > 0 {
		t.Logf("relations judged wrong (%d):\n  %s", len(wrong), strings.Join(wrong, "\n  "))
	}
	var stale []string
	for _, j := range judged {
		if !produced[triple{j.subject, j.property, j.object}] {
			stale = append(stale, fmt.Sprintf("judged.tsv:%d: %s %s %s", j.line, j.subject, j.property, j.object))
		}
	}
	if len(stale) > 0 {
		t.Logf("judged relations the graph no longer states (%d):\n  %s", len(stale), strings.Join(stale, "\n  "))
	}
	sort.Strings(unjudged)
	if len(unjudged) > 0 {
		t.Errorf("relations neither annotated nor judged (%d); read each sentence and add a row to judged.tsv:\n  %s", len(unjudged), strings.Join(unjudged, "\n  "))
	}

	// Worked examples: found by title, with their regions, theme and URLs.
	byTitle := map[string][]term.Term{}
	for s, ts := range g.types {
		if !ts[ontology.WorkedExample] {
			continue
		}
		for _, p := range []string{ontology.RDFS + "label", ontology.SKOS + "prefLabel", ontology.DCTERMS + "title", ontology.SCHEMA + "name"} {
			for _, o := range g.objects(s, p) {
				byTitle[annNormTitle(o.Value)] = append(byTitle[annNormTitle(o.Value)], s)
			}
		}
	}
	exFound, exRegions, exTheme, exURLs := &annRatio{}, &annRatio{}, &annRatio{}, &annRatio{}
	var exProblems []string
	for _, e := range examples {
		exFound.total++
		exRegions.total += len(e.regions)
		exTheme.total++
		exURLs.total += len(e.urls)
		cands := byTitle[annNormTitle(e.title)]
		if len(cands) == 0 {
			exProblems = append(exProblems, fmt.Sprintf("p%d %q: absent", e.page, e.title))
			continue
		}
		exFound.hit++
		// Several nodes may carry one title ("Tre exempel på …" split in
		// parts); their facts are pooled.
		regions, themes, urls := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, s := range cands {
			for _, o := range g.objects(s, ontology.InvolvesRegion) {
				regions[o.Value] = true
			}
			for _, o := range g.objects(s, ontology.HasTheme) {
				themes[o.Value] = true
			}
			for _, ch := range g.objects(s, ontology.InChapter) {
				for _, o := range g.objects(ch, ontology.HasTheme) {
					themes[o.Value] = true
				}
			}
			for _, p := range []string{ontology.FOAF + "page", ontology.RDFS + "seeAlso"} {
				for _, o := range g.objects(s, p) {
					urls[annNormURL(o.Value)] = true
				}
			}
		}
		for _, r := range e.regions {
			if regions[iri(r).Value] {
				exRegions.hit++
			} else {
				exProblems = append(exProblems, fmt.Sprintf("p%d %q: region %s missing", e.page, e.title, r))
			}
		}
		if themes[iri(e.theme).Value] {
			exTheme.hit++
		} else {
			exProblems = append(exProblems, fmt.Sprintf("p%d %q: theme %s missing", e.page, e.title, e.theme))
		}
		for _, u := range e.urls {
			if urls[annNormURL(u)] {
				exURLs.hit++
			} else {
				exProblems = append(exProblems, fmt.Sprintf("p%d %q: URL %s missing", e.page, e.title, u))
			}
		}
	}
	t.Logf("examples %s; regions %s; themes %s; URLs %s", exFound, exRegions, exTheme, exURLs)
	if len(exProblems) > 0 {
		t.Logf("example problems (%d):\n  %s", len(exProblems), strings.Join(exProblems, "\n  "))
	}
	metrics["examples"] = exFound.value()
	metrics["examples.regions"] = exRegions.value()
	metrics["examples.theme"] = exTheme.value()
	metrics["examples.urls"] = exURLs.value()

	// Floors: every metric the floors file names must hold.
	keys := make([]string, 0, len(floors))
	for k := range floors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		want := floors[k]
		got, ok := metrics[k]
		if !ok {
			t.Errorf("floors.tsv names %q, which the test does not measure", k)
			continue
		}
		if strings.HasSuffix(k, ".max") {
			if got > want {
				t.Errorf("%s = %v, above the ceiling %v", k, got, want)
			}
		} else if got < want-1e-9 {
			t.Errorf("%s = %.3f, below the floor %.3f", k, got, want)
		}
	}
	var unfloored []string
	for k, v := range metrics {
		if _, ok := floors[k]; !ok {
			unfloored = append(unfloored, fmt.Sprintf("%s=%.3f", k, math.Floor(v*1000)/1000))
		}
	}
	sort.Strings(unfloored)
	if len(unfloored) > 0 {
		t.Logf("metrics without a floor: %s", strings.Join(unfloored, " "))
	}
}
