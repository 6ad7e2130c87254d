package ingest

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"kg/ontology"
	"kg/term"
)

const testBase = "https://example.org/kg/"

// fixtureLexicon is the fixture's made-up entities.tsv with the shipped
// patterns and relation cues.
func fixtureLexicon(t *testing.T) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	ents, err := os.ReadFile("testdata/fixture/lexicon/entities.tsv")
	if err != nil {
		t.Fatal(err)
	}
	m["entities.tsv"] = &fstest.MapFile{Data: ents}
	for _, name := range []string{"patterns.tsv", "relations.tsv"} {
		b, err := fs.ReadFile(DefaultLexicon(), name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

func buildFixture(t *testing.T) *Result {
	t.Helper()
	res, err := Build(context.Background(), []string{"testdata/fixture/seeds"}, Options{Base: testBase, Lexicon: fixtureLexicon(t)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func id(s string) term.Term  { return term.IRI(testBase + "id/" + s) }
func kgo(s string) term.Term { return term.IRI(ontology.NS + s) }
func rep(s string) term.Term { return term.IRI(testBase + "report/grona-vagar/" + s) }
func has(qs []term.Quad, q term.Quad) bool {
	_, ok := slices.BinarySearchFunc(qs, q, term.CompareQuads)
	return ok
}

// graphsOf returns the graphs in which s p o is stated.
func graphsOf(qs []term.Quad, s, p, o term.Term) []term.Term {
	var out []term.Term
	for _, q := range qs {
		if q.S == s && q.P == p && q.O == o {
			out = append(out, q.G)
		}
	}
	return out
}

func quoteOf(qs []term.Quad, passage term.Term) string {
	for _, q := range qs {
		if q.S == passage && q.P == kgo("quote") {
			return q.O.Value
		}
	}
	return ""
}

// TestFixtureReport builds a made-up report in the style of the real one
// and checks entities, relations and provenance: nothing about it is known
// to the code, only to its lexicon.
func TestFixtureReport(t *testing.T) {
	res := buildFixture(t)
	qs := res.Quads
	if !slices.IsSortedFunc(qs, term.CompareQuads) {
		t.Fatal("quads not sorted")
	}
	for i := 1; i < len(qs); i++ {
		if qs[i] == qs[i-1] {
			t.Fatalf("duplicate quad %v", qs[i])
		}
	}
	rdfType := term.IRI(rdfType)
	lexG := term.IRI(testBase + "source/lexicon")

	// Entities the patterns found: an agency, a law by its SFS citation,
	// the first example's project.
	for _, c := range []struct{ id, class string }{
		{"fjallverket", "GovernmentAgency"},
		{"fjallbussen", "Project"},
		{"leden-i-oster", "Project"},
	} {
		if len(graphsOf(qs, id(c.id), rdfType, kgo(c.class))) == 0 {
			t.Errorf("%s is not a %s", c.id, c.class)
		}
	}
	var law term.Term
	for _, q := range qs {
		if q.P == kgo("sfsNumber") && q.O.Value == "2099:123" {
			law = q.S
		}
	}
	if law.IsZero() || len(graphsOf(qs, law, rdfType, kgo("Act"))) == 0 {
		t.Errorf("no Act with SFS 2099:123")
	}

	// Worked examples with their regions, theme, subject and link.
	x1, x2 := rep("example/fjallbussen"), rep("example/leden-i-oster")
	h1 := rep("passage/1-6")
	if q := quoteOf(qs, h1); q != "Fjällbussen (Region Nordmark)" {
		t.Fatalf("passage 1-6 quotes %q", q)
	}
	want := []term.Quad{
		{S: x1, P: rdfType, O: kgo("WorkedExample")},
		{S: x1, P: kgo("involvesRegion"), O: id("region-nordmark"), G: h1},
		{S: x1, P: kgo("features"), O: id("fjallbussen"), G: h1},
		{S: x2, P: kgo("involvesRegion"), O: id("region-ost-vast"), G: rep("passage/2-1")},
		{S: x2, P: kgo("involvesRegion"), O: id("region-nordmark"), G: rep("passage/2-1")},
		{S: x1, P: term.IRI(foafPage), O: term.IRI("https://www.example.org/fjall-bussen/"), G: rep("passage/3-1")},
		{S: x2, P: term.IRI(foafPage), O: term.IRI("https://www.example.org/leden"), G: rep("passage/3-2")},
		{S: x1, P: kgo("hasTheme"), O: id("friluftsliv"), G: rep("passage/1-1")},
		{S: rep("chapter/1"), P: kgo("hasTheme"), O: id("friluftsliv"), G: rep("passage/1-1")},
		// Cue phrases within a sentence, with anaphors resolved.
		{S: id("fjallbussen"), P: kgo("fundedBy"), O: id("fjallfonden"), G: rep("passage/1-7")},
		{S: id("region-nordmark"), P: kgo("finances"), O: id("fjallbussen"), G: rep("passage/1-7")},
		{S: id("region-nordmark"), P: kgo("responsibleFor"), O: id("fjallbussen"), G: rep("passage/1-7")},
		{S: id("fjallverket"), P: kgo("participatesIn"), O: id("fjallbussen"), G: rep("passage/1-7")},
		// A sentence that introduces another project moves the focus to it
		// until the example's subject is named again.
		{S: id("region-ost-vast"), P: kgo("responsibleFor"), O: id("vinterleden"), G: rep("passage/2-2")},
		{S: id("fjallforbundet"), P: kgo("participatesIn"), O: id("vinterleden"), G: rep("passage/2-2")},
		// Lexicon facts in the lexicon's graph.
		{S: id("region-nordmark"), P: kgo("servesCounty"), O: id("nordmarks-lan"), G: lexG},
		{S: id("region-nordmark"), P: rdfType, O: kgo("Region"), G: lexG},
		{S: id("region-nordmark"), P: term.IRI(skosPref), O: term.LangString("Nordmark Region", "en"), G: lexG},
		// Variants seen in the text become alternative labels.
		{S: id("region-ost-vast"), P: term.IRI(skosAlt), O: term.LangString("Region Öst Väst", "sv"), G: rep("passage/1-4")},
		// Report metadata from the sidecar.
		{S: term.IRI(testBase + "report/grona-vagar"), P: term.IRI(dcIssued), O: term.Literal("2099", term.XSDGYear)},
		{S: term.IRI(testBase + "report/grona-vagar"), P: term.IRI(dcPublisher), O: id("fjallforbundet")},
		// Printed pages: the footer "4" closes the first printed page; the
		// rest of page 1 and page 2 (whose footnotes are printed after it)
		// are page 5.
		{S: rep("passage/1-1"), P: kgo("page"), O: term.Literal("4", term.XSDInteger)},
		{S: h1, P: kgo("page"), O: term.Literal("5", term.XSDInteger)},
		{S: rep("passage/2-1"), P: kgo("page"), O: term.Literal("5", term.XSDInteger)},
		{S: rep("passage/2-1"), P: kgo("pdfPage"), O: term.Literal("2", term.XSDInteger)},
	}
	for _, q := range want {
		if !has(qs, q) {
			t.Errorf("missing %v", q)
		}
	}
	// Identifier rows: verified ones in their source's graph, others not at all.
	src := term.IRI(testBase + "source/www-example-org-wd")
	if !has(qs, term.Quad{S: id("nordmarks-lan"), P: term.IRI(owlSameAs), O: term.IRI(ontology.WD + "Q999999"), G: src}) {
		t.Error("verified Wikidata row missing")
	}
	for _, q := range qs {
		if q.P == kgo("organisationNumber") {
			t.Errorf("unverified identifier emitted: %v", q)
		}
	}
	if has(qs, term.Quad{S: id("fjallforbundet"), P: kgo("participatesIn"), O: id("leden-i-oster"), G: rep("passage/2-2")}) {
		t.Error("the collaboration is ascribed to the example's subject, not to the project just introduced")
	}
	// The passage keeps "e-hälsoprogrammet" whole, with its hyphen.
	if q := quoteOf(qs, rep("passage/2-2")); !strings.Contains(q, "stöd från e-hälsoprogrammet och") {
		t.Errorf("de-hyphenation: %q", q)
	}
	// Provenance is complete.
	st := res.Stats
	if st.Entities == 0 || st.EntitiesWithProv != st.Entities || st.RelationsWithProv != st.Relations {
		t.Errorf("provenance: %d/%d entities, %d/%d relations", st.EntitiesWithProv, st.Entities, st.RelationsWithProv, st.Relations)
	}
	// Nothing is invented: every typed entity is in the lexicon or named in a passage.
	for _, q := range qs {
		if q.P == rdfType && strings.HasPrefix(q.S.Value, testBase+"id/") && q.G != lexG && !strings.Contains(q.G.Value, "/passage/") {
			t.Errorf("entity typed outside a passage or the lexicon: %v", q)
		}
	}
	// Deterministic.
	again := buildFixture(t)
	if !slices.Equal(qs, again.Quads) {
		t.Error("two builds differ")
	}
}

func TestBuildErrors(t *testing.T) {
	dir := t.TempDir()
	lex := fixtureLexicon(t)
	build := func() error {
		_, err := Build(context.Background(), []string{dir}, Options{Lexicon: lex})
		return err
	}
	if err := build(); !errors.Is(err, ErrNoReports) {
		t.Errorf("empty dir: %v", err)
	}
	if _, err := Build(context.Background(), []string{filepath.Join(dir, "missing")}, Options{Lexicon: lex}); err == nil || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing dir: %v", err)
	}
	write := func(b []byte) {
		if err := os.WriteFile(filepath.Join(dir, "r.txt"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write([]byte(" \n\n  \n"))
	if err := build(); !errors.Is(err, ErrEmpty) {
		t.Errorf("blank report: %v", err)
	}
	write([]byte(" Rubrik\n\nen rad med \xff i\n"))
	err := build()
	if !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), "r.txt:3:12") {
		t.Errorf("bad UTF-8: %v", err)
	}
	if err != nil && strings.Contains(err.Error(), "\n") {
		t.Errorf("error is not one line: %q", err)
	}
}

func TestLexiconErrors(t *testing.T) {
	base := fixtureLexicon(t).(fstest.MapFS)
	cases := []struct{ name, file, data, want string }{
		{"bad slug", "entities.tsv", "id\tclass\tlabel_sv\nBad Slug\tRegion\tX\n", "not a lower-case slug"},
		{"bad class", "entities.tsv", "id\tclass\tlabel_sv\nx\tTown\tX\n", "unknown class"},
		{"duplicate", "entities.tsv", "id\tclass\tlabel_sv\nx\tRegion\tX\nx\tRegion\tY\n", "duplicate id"},
		{"bad regexp", "patterns.tsv", "kind\tclass\tpattern\nname\tRegion\t(?P<name>(\n", "patterns.tsv:2"},
		{"no group", "patterns.tsv", "kind\tclass\tpattern\nname\tRegion\tRegion\n", "needs a"},
		{"bad side", "relations.tsv", "property\tcue\tsubject\tobject\nowns\täger\tleft\tafter\n", "subject side"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := fstest.MapFS{}
			for k, v := range base {
				m[k] = v
			}
			m[c.file] = &fstest.MapFile{Data: []byte(c.data)}
			_, err := LoadLexicon(m)
			if !errors.Is(err, ErrLexicon) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

// TestFixtureRelations checks the constructions of the second fixture
// report, seeds/samverkan.txt: requirements and mandates from a law,
// mandates held by all regions, bare county names in a list about
// regions, members, owners, genitive owners, companions and the county a
// county administrative board is named after.
func TestFixtureRelations(t *testing.T) {
	qs := buildFixture(t).Quads
	sv := func(s string) term.Term { return term.IRI(testBase + "report/samverkan-i-fjallen/" + s) }
	p2, p3, p4 := sv("passage/1-2"), sv("passage/1-3"), sv("passage/1-4")
	law := id("lag-om-regional-fjallplanering")
	want := []term.Quad{
		{S: law, P: kgo("requires"), O: id("fjallplan"), G: p2},
		{S: law, P: kgo("confers"), O: id("regional-fjallplanering"), G: p2},
		{S: id("region-nordmark"), P: kgo("holdsMandate"), O: id("regional-fjallplanering"), G: p2},
		{S: id("region-ost-vast"), P: kgo("holdsMandate"), O: id("regional-fjallplanering"), G: p2},
		{S: id("region-nordmark"), P: kgo("memberOf"), O: id("fjallradet"), G: p3},
		{S: id("lansstyrelsen-i-nordmarks-lan"), P: kgo("memberOf"), O: id("fjallradet"), G: p3},
		{S: id("fjallforbundet"), P: kgo("memberOf"), O: id("fjallradet"), G: p3},
		{S: id("lansstyrelsen-i-nordmarks-lan"), P: kgo("servesCounty"), O: id("nordmarks-lan"), G: p3},
		{S: id("region-ost-vast"), P: kgo("owns"), O: id("fjallstugan-ab"), G: p3},
		{S: id("region-nordmark"), P: kgo("responsibleFor"), O: id("fjallstrategi"), G: p3},
		{S: id("region-nordmark"), P: kgo("responsibleFor"), O: id("fjallplan"), G: p3},
		{S: id("fjallverket"), P: kgo("responsibleFor"), O: id("fjallplan"), G: p3},
		// Coordinated prepositional phrases: "av A, av B och av C".
		{S: id("fjallplan"), P: kgo("fundedBy"), O: id("fjallfonden"), G: p4},
		{S: id("region-nordmark"), P: kgo("finances"), O: id("fjallplan"), G: p4},
		{S: id("fjallforbundet"), P: kgo("finances"), O: id("fjallplan"), G: p4},
		// "regionerna (Nordmark och Öst-Väst)" names the regions; "från
		// Nordmark och Öst-Väst" names places.
		{S: id("region-nordmark"), P: term.IRI(provDerived), O: p2},
		{S: id("region-ost-vast"), P: term.IRI(provDerived), O: p2},
		{S: id("ost-vasts-lan"), P: term.IRI(provDerived), O: p2},
		{S: id("nordmarks-lan"), P: term.IRI(provDerived), O: p3},
		// The act's numbers come from the source the lexicon cites for
		// them, described as such; the theme scheme comes from the lexicon.
		{S: law, P: kgo("sfsAmendment"), O: term.String("2099:456"), G: term.IRI(testBase + "source/lagar-example-2099-123")},
		{S: law, P: kgo("sfsNumber"), O: term.String("2099:123"), G: term.IRI(testBase + "source/lagar-example-2099-123")},
		{S: law, P: term.IRI(provDerived), O: term.IRI(testBase + "source/lagar-example-2099-123")},
		{S: term.IRI(testBase + "source/lagar-example-2099-123"), P: term.IRI(ontology.FOAF + "page"), O: term.IRI("https://lagar.example/2099:123")},
		{S: term.IRI(testBase + "source/lagar-example-2099-123"), P: term.IRI(rdfType), O: kgo("Source")},
		{S: term.IRI(testBase + "id/themes"), P: term.IRI(provDerived), O: term.IRI(testBase + "source/lexicon")},
	}
	for _, q := range want {
		if !has(qs, q) {
			t.Errorf("missing %v", q)
		}
	}
	// A companion runs the plan with the subject; it does not merely take
	// part. The list of regions does not name counties.
	for _, q := range []term.Quad{
		{S: id("fjallverket"), P: kgo("participatesIn"), O: id("fjallplan"), G: p3},
		{S: id("nordmarks-lan"), P: term.IRI(provDerived), O: p2},
	} {
		if has(qs, q) {
			t.Errorf("unexpected %v", q)
		}
	}
	for _, q := range qs {
		if q.P == kgo("fundedBy") || q.P == kgo("finances") {
			if q.G == p2 || q.G == p3 {
				t.Errorf("unexpected funding %v", q)
			}
		}
		if q.O == kgo("Region") && q.P.Value == rdfType && q.G != term.IRI(testBase+"source/lexicon") {
			t.Errorf("region minted from the text: %v", q)
		}
	}
	// A name the report gives by mistake (the lexicon's misnomer) is
	// recognised and recorded as a hidden label, with its passage, never
	// as a label.
	wrong := term.LangString("Lagen om fjällturism", "sv")
	if gs := graphsOf(qs, law, term.IRI(ontology.SKOS+"hiddenLabel"), wrong); len(gs) != 1 || !strings.Contains(quoteOf(qs, gs[0]), "Lagen om fjällturism") {
		t.Errorf("hidden label of the misnomer in graphs %v, want the passage that uses it", gs)
	}
	for _, p := range []string{ontology.SKOS + "altLabel", ontology.SKOS + "prefLabel", ontology.RDFS + "label"} {
		if gs := graphsOf(qs, law, term.IRI(p), wrong); len(gs) > 0 {
			t.Errorf("the misnomer is a %s in %v", p, gs)
		}
	}
}

// TestFixtureOrganisations checks the fixture report
// seeds/organisationer.txt: in a worked example on several things under one
// heading, a paragraph that introduces another company is about it and
// "regionen" is the region of the heading whose county the paragraph names;
// before it, a name in an infinitive clause after a cue is no argument of
// the cue, and a head noun opening a sentence stands for the name before it.
func TestFixtureOrganisations(t *testing.T) {
	qs := buildFixture(t).Quads
	org := func(s string) term.Term { return term.IRI(testBase + "report/fjallens-organisationer/" + s) }
	x := org("example/tva-fjallorganisationer")
	for _, q := range []term.Quad{
		{S: x, P: kgo("features"), O: id("fjallstugan-ab"), G: org("passage/1-3")},
		{S: x, P: kgo("features"), O: id("fjallturism-ab"), G: org("passage/1-3")},
		{S: id("region-ost-vast"), P: kgo("owns"), O: id("fjallstugan-ab"), G: org("passage/1-4")},
		{S: id("region-nordmark"), P: kgo("owns"), O: id("fjallturism-ab"), G: org("passage/1-5")},
		// "Fjällplanen … Planen drivs av Fjällverket i samverkan med
		// Fjällförbundet": the head noun stands for the name before it, and
		// outside worked examples a sentence speaks of what it opens with.
		{S: id("fjallverket"), P: kgo("responsibleFor"), O: id("fjallplan"), G: org("passage/1-2")},
		{S: id("fjallforbundet"), P: kgo("participatesIn"), O: id("fjallplan"), G: org("passage/1-2")},
	} {
		if !has(qs, q) {
			t.Errorf("missing %v", q)
		}
	}
	for _, q := range qs {
		switch {
		case q.S == id("region-nordmark") && q.P == kgo("memberOf") && q.O == id("fjallradet") && q.G == org("passage/1-2"):
			t.Errorf("a name in the clause after the cue taken as its argument: %v", q)
		case q.P == kgo("responsibleFor") && (q.O == id("fjallturism-ab") || q.O == id("fjallstugan-ab")):
			t.Errorf("a region of the heading runs a company the text says it owns: %v", q)
		}
	}
}
