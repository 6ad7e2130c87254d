package ontology

import (
	"bytes"
	"flag"
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"kg/rdfio"
	"kg/term"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const (
	rdfType = term.RDFType
	label   = RDFS + "label"
	defn    = SKOS + "definition"
	comment = RDFS + "comment"
)

// graph is the parsed ontology with a few lookups for the tests.
type graph struct{ quads []term.Quad }

func parsed(t *testing.T) graph {
	t.Helper()
	var g graph
	err := rdfio.ParseTurtle(bytes.NewReader(Turtle()), rdfio.Options{Base: IRI, File: "ontology.ttl"},
		func(q term.Quad) error { g.quads = append(g.quads, q); return nil })
	if err != nil {
		t.Fatalf("ontology.ttl does not parse: %v", err)
	}
	return g
}

func (g graph) objects(s, p string) []term.Term {
	var out []term.Term
	for _, q := range g.quads {
		if q.S.IsIRI() && q.S.Value == s && q.P.Value == p {
			out = append(out, q.O)
		}
	}
	return out
}

func (g graph) has(s, p string, o term.Term) bool {
	return slices.Contains(g.objects(s, p), o)
}

// vocabConstants type-checks vocab.go on its own and returns every string
// constant it defines, by name, so that the tests follow the file.
func vocabConstants(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "vocab.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: make(map[*ast.Ident]types.Object)}
	if _, err := (&types.Config{}).Check("ontology", fset, []*ast.File{f}, info); err != nil {
		t.Fatalf("type-checking vocab.go alone: %v", err)
	}
	out := make(map[string]string)
	for id, obj := range info.Defs {
		if c, ok := obj.(*types.Const); ok && c.Val().Kind() == constant.String && c.Parent() == c.Pkg().Scope() {
			out[id.Name] = constant.StringVal(c.Val())
		}
	}
	if len(out) == 0 {
		t.Fatal("no constants found in vocab.go")
	}
	return out
}

// vocabTerms returns the constants of vocab.go that name a term in the
// ontology's namespace.
func vocabTerms(t *testing.T) map[string]string {
	t.Helper()
	out := make(map[string]string)
	for name, v := range vocabConstants(t) {
		if strings.HasPrefix(v, NS) && v != NS {
			out[name] = v
		}
	}
	return out
}

func TestParses(t *testing.T) {
	g := parsed(t)
	if len(g.quads) < 500 {
		t.Fatalf("only %d triples", len(g.quads))
	}
	if len(Graph()) != len(g.quads) {
		t.Errorf("Graph() has %d triples, a fresh parse %d", len(Graph()), len(g.quads))
	}
	t.Logf("%d triples", len(g.quads))
}

// TestRapper checks the Turtle with an independent parser: rapper must
// accept it and produce the same graph as kg's own parser.
func TestRapper(t *testing.T) {
	path, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rapper (raptor2-utils) is not installed")
		}
		t.Skip("rapper (raptor2-utils) is not installed")
	}
	cmd := exec.Command(path, "-q", "-i", "turtle", "-o", "ntriples", "-", IRI)
	cmd.Stdin = bytes.NewReader(Turtle())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("rapper: %v\n%s", err, stderr.String())
	}
	var theirs []term.Quad
	if err := rdfio.ParseNTriples(bytes.NewReader(out), rdfio.Options{File: "rapper output"},
		func(q term.Quad) error { theirs = append(theirs, q); return nil }); err != nil {
		t.Fatal(err)
	}
	ours := parsed(t).quads
	if !rdfio.Isomorphic(ours, theirs) {
		t.Fatalf("rapper's graph (%d triples) differs from kg's (%d)", len(theirs), len(ours))
	}
	t.Logf("rapper agrees: %d triples", len(theirs))
}

func TestHeader(t *testing.T) {
	g := parsed(t)
	date := term.Literal("2026-11-25", XSD+"date")
	want := []struct {
		p string
		o term.Term
	}{
		{rdfType, term.IRI(OWL + "Ontology")},
		{OWL + "versionIRI", term.IRI(VersionIRI)},
		{OWL + "versionInfo", term.String(Version)},
		{DCTERMS + "created", date},
		{DCTERMS + "modified", date},
		{DCTERMS + "license", term.IRI("http://creativecommons.org/publicdomain/zero/1.0/")},
		{VANN + "preferredNamespacePrefix", term.String("kgo")},
		{VANN + "preferredNamespaceUri", term.String(NS)},
	}
	for _, w := range want {
		if !g.has(IRI, w.p, w.o) {
			t.Errorf("ontology header lacks %s %s", Compact(w.p), w.o)
		}
	}
	for _, p := range []string{DCTERMS + "title", DCTERMS + "description"} {
		checkLangs(t, g, IRI, p, "sv", "en")
	}
	for _, p := range []string{DCTERMS + "creator", DCTERMS + "publisher"} {
		os := g.objects(IRI, p)
		if len(os) != 1 || os[0].IsLiteral() {
			t.Errorf("ontology header: want one resource as %s, have %v", Compact(p), os)
			continue
		}
		var names []term.Term
		for _, q := range g.quads {
			if q.S == os[0] && q.P.Value == FOAF+"name" {
				names = append(names, q.O)
			}
		}
		if len(names) == 0 {
			t.Errorf("the %s has no foaf:name", Compact(p))
		}
	}
	if n := len(g.objects(IRI, OWL+"versionIRI")); n != 1 {
		t.Errorf("%d version IRIs", n)
	}
}

// checkLangs wants exactly one literal of p on s in each language.
func checkLangs(t *testing.T, g graph, s, p string, langs ...string) {
	t.Helper()
	count := make(map[string]int)
	for _, o := range g.objects(s, p) {
		if !o.IsLiteral() || o.Lang == "" || strings.TrimSpace(o.Value) == "" {
			t.Errorf("%s %s %s: want a non-empty language-tagged literal", Compact(s), Compact(p), o)
			continue
		}
		count[o.Lang]++
	}
	for _, l := range langs {
		if count[l] != 1 {
			t.Errorf("%s has %d %s@%s, want 1", Compact(s), count[l], Compact(p), l)
		}
	}
}

func TestVocabularyDeclared(t *testing.T) {
	g := parsed(t)
	consts := vocabTerms(t)
	inVocab := make(map[string]bool)
	for name, iri := range consts {
		inVocab[iri] = true
		t.Run(name, func(t *testing.T) {
			var kinds []string
			for _, o := range g.objects(iri, rdfType) {
				if _, ok := kindOf[o.Value]; ok {
					kinds = append(kinds, o.Value)
				}
			}
			if len(kinds) != 1 {
				t.Errorf("%s: want one OWL declaration, have %v", Compact(iri), kinds)
			}
			checkLangs(t, g, iri, label, "sv", "en")
			checkLangs(t, g, iri, defn, "sv", "en")
			for _, o := range g.objects(iri, comment) {
				if o.Lang != "sv" && o.Lang != "en" {
					t.Errorf("%s: comment without sv or en tag: %s", Compact(iri), o)
				}
			}
			if c := g.objects(iri, comment); len(c) != 0 {
				checkLangs(t, g, iri, comment, "sv", "en")
			}
			if !g.has(iri, RDFS+"isDefinedBy", term.IRI(IRI)) {
				t.Errorf("%s: no rdfs:isDefinedBy the ontology", Compact(iri))
			}
		})
	}
	// And the other way: the Go constants cover the whole ontology.
	for _, c := range append(Classes(), Properties()...) {
		if !inVocab[c.IRI] {
			t.Errorf("%s is declared in the ontology but has no constant in vocab.go", Compact(c.IRI))
		}
	}
}

// TestNoUndeclaredTerms finds every IRI in kg's namespace that the
// ontology uses and checks that it declares it.
func TestNoUndeclaredTerms(t *testing.T) {
	g := parsed(t)
	declared := make(map[string]bool)
	for _, q := range g.quads {
		if q.P.Value == rdfType {
			if _, ok := kindOf[q.O.Value]; ok {
				declared[q.S.Value] = true
			}
		}
	}
	for _, q := range g.quads {
		for _, x := range []term.Term{q.S, q.P, q.O} {
			if x.IsIRI() && strings.HasPrefix(x.Value, NS) && !declared[x.Value] {
				t.Errorf("%s is used but not declared: %s", Compact(x.Value), q)
			}
		}
	}
}

// TestWellTyped checks OWL 2 DL typing: everything used as a class is
// declared a class, a property's superproperties are of its own kind, and
// datatype properties range over datatypes.
func TestWellTyped(t *testing.T) {
	ix := loadIndex()
	classUse := func(iri, where string) {
		if ix.declared[iri] != KindClass {
			t.Errorf("%s is used as a class (%s) but declared %v", Compact(iri), where, ix.declared[iri])
		}
	}
	for sub, sups := range ix.superClass {
		classUse(sub, "subclass")
		for _, s := range sups {
			classUse(s, "superclass of "+Compact(sub))
		}
	}
	for pair := range ix.disjoint {
		classUse(pair[0], "disjointness axiom")
	}
	for sub, sups := range ix.superProp {
		for _, s := range sups {
			if ix.declared[s] != ix.declared[sub] {
				t.Errorf("%s (%v) is a subproperty of %s (%v)", Compact(sub), ix.declared[sub], Compact(s), ix.declared[s])
			}
		}
	}
	for _, p := range Properties() {
		for _, d := range p.Domain {
			classUse(d, "domain of "+p.LocalName())
		}
		for _, r := range p.Range {
			switch p.Kind {
			case KindObjectProperty:
				classUse(r, "range of "+p.LocalName())
			case KindDatatypeProperty:
				if !strings.HasPrefix(r, XSD) && r != RDFS+"Literal" {
					t.Errorf("datatype property %s ranges over %s", p.LocalName(), Compact(r))
				}
			}
		}
	}
	for iri, k := range ix.declared {
		if k == KindAnnotationProperty && len(ix.superProp[iri]) > 0 {
			t.Errorf("annotation property %s has superproperties", Compact(iri))
		}
	}
}

func TestHierarchy(t *testing.T) {
	tree := map[string][]string{
		Actor: {Region, Municipality, CountyAdministrativeBoard, GovernmentAgency, Government,
			Ministry, Parliament, EUBody, University, Company, Association, Partnership,
			PoliticalBody, ActorGroup},
		Law:        {Act, Ordinance, EURegulation},
		Instrument: {Strategy, Plan, Programme, Fund, Appropriation, Project, Platform, Agreement, Event, Network},
	}
	tops := []string{Actor, Mandate, Law, Instrument, Theme}
	for _, top := range tops {
		if k := loadIndex().declared[top]; k != KindClass {
			t.Errorf("top class %s declared %v", Compact(top), k)
		}
		for _, s := range SuperClasses(top) {
			if strings.HasPrefix(s, NS) {
				t.Errorf("top class %s is a subclass of %s", Compact(top), Compact(s))
			}
		}
	}
	for top, subs := range tree {
		for _, sub := range subs {
			if !IsSubClassOf(sub, top) {
				t.Errorf("%s is not a subclass of %s", Compact(sub), Compact(top))
			}
			for _, other := range tops {
				if other != top && IsSubClassOf(sub, other) {
					t.Errorf("%s is a subclass of both %s and %s", Compact(sub), Compact(top), Compact(other))
				}
			}
		}
	}
	for _, c := range []string{County, Report, Chapter, Passage, WorkedExample, Source} {
		for _, top := range tops {
			if IsSubClassOf(c, top) {
				t.Errorf("%s is a subclass of %s", Compact(c), Compact(top))
			}
		}
	}
	// The local names of the top classes are part of kg's interface.
	for _, top := range tops {
		name := strings.TrimPrefix(top, NS)
		if !regexp.MustCompile(`^(Actor|Mandate|Law|Instrument|Theme)$`).MatchString(name) {
			t.Errorf("top class local name %q", name)
		}
	}
}

func TestSubsumption(t *testing.T) {
	tests := []struct {
		sub, super string
		want       bool
	}{
		{Region, Actor, true},
		{CountyAdministrativeBoard, GovernmentAgency, true},
		{CountyAdministrativeBoard, Actor, true},
		{Region, ORG + "FormalOrganization", true},
		{Region, ORG + "Organization", true},
		{Region, FOAF + "Agent", true},
		{Region, SCHEMA + "GovernmentOrganization", true},
		{Municipality, SCHEMA + "GovernmentOrganization", true},
		{GovernmentAgency, SCHEMA + "GovernmentOrganization", true},
		{Ministry, ORG + "OrganizationalUnit", true},
		{Partnership, ORG + "OrganizationalCollaboration", true},
		{Partnership, ORG + "FormalOrganization", false},
		{University, SCHEMA + "CollegeOrUniversity", true},
		{Company, SCHEMA + "Corporation", true},
		{Act, ELI + "LegalResource", true},
		{EURegulation, ELI + "LegalResource", true},
		{Theme, SKOS + "Concept", true},
		{Project, SCHEMA + "Project", true},
		{Event, SCHEMA + "Event", true},
		{County, SCHEMA + "AdministrativeArea", true},
		{County, Actor, false},
		{County, ORG + "Organization", false},
		{Report, FOAF + "Document", true},
		{Report, PROV + "Entity", true},
		{Passage, PROV + "Entity", true},
		{Source, PROV + "Entity", true},
		{ActorGroup, Actor, true},
		{ActorGroup, FOAF + "Group", true},
		{ActorGroup, Region, false},
		{PoliticalBody, ORG + "OrganizationalUnit", true},
		{Network, Instrument, true},
		{Network, Partnership, false},
		{Region, Region, true},
		{Actor, Region, false},
		{Region, Municipality, false},
		{Strategy, Law, false},
	}
	for _, tt := range tests {
		if got := IsSubClassOf(tt.sub, tt.super); got != tt.want {
			t.Errorf("IsSubClassOf(%s, %s) = %v, want %v", Compact(tt.sub), Compact(tt.super), got, tt.want)
		}
	}
}

func TestSubProperties(t *testing.T) {
	tests := []struct {
		sub, super string
	}{
		{HasTheme, DCTERMS + "subject"},
		{Quote, PROV + "value"},
		{MemberOf, ORG + "memberOf"},
		{PartOf, DCTERMS + "isPartOf"},
		{InChapter, PartOf},
		{InChapter, DCTERMS + "isPartOf"},
		{InvolvesRegion, Features},
		{SFSNumber, ELI + "id_local"},
		{CelexNumber, ELI + "id_local"},
		{ServesCounty, SCHEMA + "areaServed"},
		{InCounty, SCHEMA + "location"},
		{Amount, SCHEMA + "amount"},
	}
	for _, tt := range tests {
		if !IsSubPropertyOf(tt.sub, tt.super) {
			t.Errorf("%s is not a subproperty of %s", Compact(tt.sub), Compact(tt.super))
		}
	}
	if IsSubPropertyOf(Finances, FundedBy) {
		t.Error("finances must not be a subproperty of fundedBy (they run in opposite directions)")
	}
}

func TestDomainsAndRanges(t *testing.T) {
	tests := []struct {
		prop           string
		domain, range_ []string
	}{
		{Confers, []string{Law}, []string{Mandate}},
		{HoldsMandate, []string{Actor}, []string{Mandate}},
		{Requires, []string{Law}, []string{Instrument}},
		{Governs, []string{Law}, []string{Instrument}},
		{ResponsibleFor, []string{Actor}, []string{Instrument, Partnership}},
		{ParticipatesIn, []string{Actor}, []string{Instrument, Partnership}},
		{Finances, []string{Actor}, []string{Instrument}},
		{FundedBy, []string{Instrument}, []string{Fund, Appropriation, Actor}},
		{Implements, []string{Instrument}, []string{Instrument}},
		{PartOf, nil, nil},
		{Owns, []string{Actor}, []string{Actor, Instrument}},
		{MemberOf, []string{Actor}, []string{Actor}},
		{HasTheme, nil, []string{Theme}},
		{ServesCounty, []string{Actor}, []string{County}},
		{InvolvesRegion, []string{WorkedExample}, []string{Region}},
		{InCounty, nil, []string{County}},
		{MemberClass, []string{ActorGroup}, nil},
		{Amount, nil, []string{SCHEMA + "MonetaryAmount"}},
		{Payer, []string{SCHEMA + "MonetaryAmount"}, []string{Actor, Fund, Appropriation}},
		{OwnershipShare, []string{Actor}, []string{SCHEMA + "QuantitativeValue"}},
		{ShareOf, []string{SCHEMA + "QuantitativeValue"}, []string{Actor}},
		{Qualifier, nil, nil},
		{InChapter, nil, []string{Chapter}},
		{Page, nil, []string{XSD + "integer"}},
		{PDFPage, nil, []string{XSD + "integer"}},
		{ChapterNumber, []string{Chapter}, []string{XSD + "integer"}},
		{Quote, []string{Passage}, nil},
	}
	for _, tt := range tests {
		p, ok := Lookup(tt.prop)
		if !ok {
			t.Errorf("%s not found", Compact(tt.prop))
			continue
		}
		if !slices.Equal(p.Domain, tt.domain) || !slices.Equal(p.Range, tt.range_) {
			t.Errorf("%s: domain %v range %v, want %v and %v", p.LocalName(), p.Domain, p.Range, tt.domain, tt.range_)
		}
	}
}

// TestIdentifiers: identifier properties are datatype properties over
// xsd:string below dcterms:identifier.
func TestIdentifiers(t *testing.T) {
	for _, iri := range []string{OrganisationNo, SFSNumber, CelexNumber, SCBCountyCode, ISO31662Code, NUTSCode} {
		p, _ := Lookup(iri)
		if p.Kind != KindDatatypeProperty || !slices.Equal(p.Range, []string{XSD + "string"}) ||
			!IsSubPropertyOf(iri, DCTERMS+"identifier") {
			t.Errorf("%s: kind %v, range %v, superproperties %v", Compact(iri), p.Kind, p.Range, SuperProperties(iri))
		}
	}
	// A misprinted or borrowed number identifies nothing about its subject.
	for _, iri := range []string{SFSCorrection, InstructionSFS} {
		if IsSubPropertyOf(iri, DCTERMS+"identifier") {
			t.Errorf("%s must not be an identifier", Compact(iri))
		}
	}
}

func TestDisjoint(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{Actor, Law, true},
		{Actor, Instrument, true},
		{Actor, Mandate, true},
		{Law, Instrument, true},
		{Law, Mandate, true},
		{Instrument, Mandate, true},
		{County, Actor, true},
		{County, Region, true},
		{Region, Act, true},
		{Fund, Municipality, true},
		{Region, CountyAdministrativeBoard, true},
		{Region, GovernmentAgency, true},
		{Company, Association, true},
		{Act, Ordinance, true},
		{Fund, Appropriation, true},
		{Passage, Actor, true},
		{WorkedExample, Instrument, true},
		// Overlaps the ontology must allow.
		{Region, Municipality, false},
		{University, GovernmentAgency, false},
		{University, Company, false},
		{CountyAdministrativeBoard, GovernmentAgency, false},
		{Passage, WorkedExample, false},
		{Strategy, Plan, false},
	}
	for _, tt := range tests {
		if got := Disjoint(tt.a, tt.b); got != tt.want {
			t.Errorf("Disjoint(%s, %s) = %v, want %v", Compact(tt.a), Compact(tt.b), got, tt.want)
		}
		if Disjoint(tt.a, tt.b) != Disjoint(tt.b, tt.a) {
			t.Errorf("Disjoint(%s, %s) is not symmetric", Compact(tt.a), Compact(tt.b))
		}
	}
}

// TestSatisfiable: no class of the ontology is below two disjoint classes
// (which would leave it without possible instances).
func TestSatisfiable(t *testing.T) {
	for _, c := range Classes() {
		if Disjoint(c.IRI, c.IRI) {
			t.Errorf("%s is disjoint with itself: its superclasses %v exclude each other", c.LocalName(), SuperClasses(c.IRI))
		}
	}
}

func TestIndexAPI(t *testing.T) {
	if got := Labels(Region); got["sv"] != "region" || got["en"] != "region" {
		t.Errorf("Labels(Region) = %v", got)
	}
	if got := Label(County, "sv", "en"); got != "län" {
		t.Errorf("Label(County, sv) = %q", got)
	}
	if got := Label(County, "fr", "en"); got != "county" {
		t.Errorf("Label(County, fr, en) = %q", got)
	}
	if Labels(NS+"NoSuchTerm") != nil || Label(NS+"NoSuchTerm", "sv") != "" {
		t.Error("an undeclared term has labels")
	}
	if Definitions(Mandate)["en"] == "" || Comments(Region)["sv"] == "" {
		t.Error("missing definition or comment")
	}
	// Results are copies: changing them does not change the ontology.
	Labels(Region)["sv"] = "x"
	if Labels(Region)["sv"] != "region" {
		t.Error("Labels returns the index's own map")
	}
	c := Classes()
	c[0].Labels["sv"] = "x"
	if Classes()[0].Labels["sv"] == "x" {
		t.Error("Classes returns the index's own maps")
	}
	b := Turtle()
	b[0] ^= 0xff
	if Turtle()[0] == b[0] {
		t.Error("Turtle returns the embedded bytes themselves")
	}
	sup := SuperClasses(CountyAdministrativeBoard)
	if len(sup) == 0 || sup[0] != GovernmentAgency {
		t.Errorf("SuperClasses(CountyAdministrativeBoard) = %v, want the nearest first", sup)
	}
	if got, want := len(Classes())+len(Properties()), len(vocabTerms(t)); got != want {
		t.Errorf("%d classes and properties, vocab.go names %d", got, want)
	}
	for _, p := range Properties() {
		if p.Kind == KindClass {
			t.Errorf("%s listed as a property", p.LocalName())
		}
	}
	if v, ok := Lookup(Actor); !ok || v.LocalName() != "Actor" || v.Kind.String() != "Class" {
		t.Errorf("Lookup(Actor) = %+v, %v", v, ok)
	}
}

func TestBuildIndexErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"syntax", "<a> <b> .", "ontology.ttl:1:"},
		{"punning", "<x> a <" + OWL + "ObjectProperty>, <" + OWL + "DatatypeProperty> .", "declared both"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := buildIndex([]byte(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestTable keeps testdata/ontology-table.md, the table the README shows,
// in step with the ontology. Run with -update to rewrite it.
func TestTable(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "ontology-table.md")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./ontology -run TestTable -update)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("%s is out of date; run go test ./ontology -run TestTable -update", golden)
	}
	// Every term is in the table, once.
	for _, c := range append(Classes(), Properties()...) {
		if n := strings.Count(b.String(), "| `"+c.LocalName()+"` |"); n != 1 {
			t.Errorf("%s appears %d times in the table", c.LocalName(), n)
		}
	}
}

func TestCompact(t *testing.T) {
	tests := map[string]string{
		Region:                 "kgo:Region",
		ORG + "Organization":   "org:Organization",
		SCHEMA + "Event":       "schema:Event",
		"http://example.org/x": "<http://example.org/x>",
		XSD + "integer":        "xsd:integer",
		DCTERMS + "identifier": "dcterms:identifier",
	}
	keys := make([]string, 0, len(tests))
	for k := range tests {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, in := range keys {
		if got := Compact(in); got != tests[in] {
			t.Errorf("Compact(%q) = %q, want %q", in, got, tests[in])
		}
	}
}

func TestSuperClassesIsACopy(t *testing.T) {
	s := SuperClasses(Region)
	s[0] = "x"
	if SuperClasses(Region)[0] == "x" {
		t.Error("SuperClasses returns the index's own slice")
	}
}

func BenchmarkIsSubClassOf(b *testing.B) {
	loadIndex()
	for b.Loop() {
		IsSubClassOf(CountyAdministrativeBoard, FOAF+"Agent")
	}
}

func BenchmarkBuildIndex(b *testing.B) {
	for b.Loop() {
		if _, err := buildIndex(turtle); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSubPropertyCompatible: a subproperty's domain and range must leave
// room for the superproperty's, or every use of it would be inconsistent.
func TestSubPropertyCompatible(t *testing.T) {
	overlaps := func(a, b []string) bool {
		if len(a) == 0 || len(b) == 0 {
			return true
		}
		for _, x := range a {
			for _, y := range b {
				if !Disjoint(x, y) {
					return true
				}
			}
		}
		return false
	}
	for _, p := range Properties() {
		for _, s := range p.Parents {
			sup, ok := Lookup(s)
			if !ok {
				continue
			}
			if !overlaps(p.Domain, sup.Domain) || !overlaps(p.Range, sup.Range) {
				t.Errorf("%s (%v → %v) cannot be a subproperty of %s (%v → %v)",
					p.LocalName(), p.Domain, p.Range, sup.LocalName(), sup.Domain, sup.Range)
			}
		}
	}
	// kgo:finances is stated below the inverse of kgo:fundedBy.
	f, _ := Lookup(Finances)
	fb, _ := Lookup(FundedBy)
	if !overlaps(f.Domain, fb.Range) || !overlaps(f.Range, fb.Domain) {
		t.Error("finances does not fit the inverse of fundedBy")
	}
}

// TestGroupsAmountsShares: a group's member class is an annotation (its
// value is a class), a qualifier is text, amounts and shares are resources.
func TestGroupsAmountsShares(t *testing.T) {
	tests := []struct {
		iri  string
		kind Kind
	}{
		{MemberClass, KindAnnotationProperty},
		{Qualifier, KindDatatypeProperty},
		{Amount, KindObjectProperty},
		{Payer, KindObjectProperty},
		{OwnershipShare, KindObjectProperty},
		{ShareOf, KindObjectProperty},
		{InCounty, KindObjectProperty},
	}
	for _, tt := range tests {
		if p, ok := Lookup(tt.iri); !ok || p.Kind != tt.kind {
			t.Errorf("%s: kind %v, want %v", Compact(tt.iri), p.Kind, tt.kind)
		}
	}
}
