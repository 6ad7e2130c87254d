package catalog_test

import (
	"bytes"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"kg/catalog"
	"kg/export"
	"kg/internal/shacltest"
	"kg/rdfio"
	"kg/term"
)

const (
	base    = "https://w3id.org/regionalkg/"
	rdfType = term.RDFType
	dcat    = "http://www.w3.org/ns/dcat#"
	dct     = "http://purl.org/dc/terms/"
	foaf    = "http://xmlns.com/foaf/0.1/"
	vcard   = "http://www.w3.org/2006/vcard/ns#"
	void    = "http://rdfs.org/ns/void#"
	xsd     = term.XSDNS
)

func testDataset() catalog.Dataset {
	var dumps []catalog.Dump
	for i, f := range catalog.DumpFormats {
		url := base + "dump/kg" + f.Ext
		dumps = append(dumps,
			catalog.Dump{Format: f.Name, MediaType: f.MediaType, URL: url, ByteSize: int64(1000 + i), SHA1: "da39a3ee5e6b4b0d3255bfef95601890afd80709"},
			catalog.Dump{Format: f.Name + ".gz", MediaType: f.MediaType, Compression: "application/gzip", URL: url + ".gz", ByteSize: int64(100 + i), SHA1: "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"})
	}
	return catalog.Dataset{
		Base:         base,
		Title:        map[string]string{"sv": "Regional utveckling – kunskapsgraf", "en": "Regional development knowledge graph"},
		Description:  map[string]string{"sv": "Aktörer, mandat, lagar och instrument.", "en": "Actors, mandates, laws and instruments."},
		Publisher:    catalog.PublisherInfo{Name: map[string]string{"": "Region Exempel"}, Identifier: "232100-0255"},
		ContactEmail: "kg@example.se",
		Issued:       "2025-01-15",
		Modified:     "2025-02-01T10:11:12Z",
		Sources: []catalog.SourceDoc{{IRI: base + "report/2024", Title: map[string]string{"sv": "Rapporten"},
			Publisher: "Sveriges Kommuner och Regioner", Issued: "2024", Page: "https://example.org/rapport.pdf"}},
		TemporalStart:  "2022-01-01",
		TemporalEnd:    "2023-12-31",
		Frequency:      catalog.Frequency + "IRREG",
		ConformsTo:     catalog.OntologyIRI,
		Dumps:          dumps,
		SPARQLEndpoint: base + "sparql",
		Keywords:       map[string][]string{"sv": {"regional utveckling", "län"}, "en": {"regional development"}},
	}
}

func testStats() catalog.Stats {
	return catalog.Stats{Triples: 1200, Quads: 1300, Entities: 150, Subjects: 160, Objects: 400,
		Classes:    map[string]int{"https://w3id.org/regionalkg/ontology#Region": 21, "https://w3id.org/regionalkg/ontology#Law": 12},
		Properties: map[string]int{rdfType: 200, "http://www.w3.org/2000/01/rdf-schema#label": 300}, Graphs: 2}
}

// graph indexes quads by subject and predicate.
type graph map[term.Term]map[string][]term.Term

func index(qs []term.Quad) graph {
	g := graph{}
	for _, q := range qs {
		if g[q.S] == nil {
			g[q.S] = map[string][]term.Term{}
		}
		g[q.S][q.P.Value] = append(g[q.S][q.P.Value], q.O)
	}
	return g
}

// ofType returns the subjects with rdf:type class.
func (g graph) ofType(class string) []term.Term {
	var out []term.Term
	for s, props := range g {
		if slices.Contains(props[rdfType], term.IRI(class)) {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, term.Compare)
	return out
}

// required lists, per class, the properties a DCAT-AP-SE record must have.
// Sources: DCAT-AP 2.1.1 §5 "Mandatory properties" for Catalogue
// (dataset, description, publisher, title), Dataset (description, title),
// Distribution (access URL), Agent (name) and Data Service (endpoint URL,
// title); DCAT-AP-SE 2.x (docs.dataportal.se/dcat), whose minimal example
// exempel/obligatoriskt.ttl adds the catalogue licence and the dataset
// publisher, and whose contact point (vcard:Organization) carries a name
// (vcard:fn) and an e-mail address (vcard:hasEmail). Recommended properties
// the record also fills are checked in TestDCATRecommended.
var required = map[string][]string{
	dcat + "Catalog":       {dct + "title", dct + "description", dct + "publisher", dcat + "dataset", dct + "license"},
	dcat + "Dataset":       {dct + "title", dct + "description", dct + "publisher"},
	dcat + "Distribution":  {dcat + "accessURL"},
	foaf + "Agent":         {foaf + "name"},
	vcard + "Organization": {vcard + "fn", vcard + "hasEmail"},
	dcat + "DataService":   {dct + "title", dcat + "endpointURL"},
}

func TestDCATRequired(t *testing.T) {
	qs := catalog.DCAT(testDataset(), testStats())
	g := index(qs)
	for class, props := range required {
		nodes := g.ofType(class)
		if len(nodes) == 0 {
			t.Errorf("no %s", class)
		}
		for _, n := range nodes {
			if !n.IsIRI() {
				t.Errorf("%s %v is not an IRI", class, n)
			}
			for _, p := range props {
				if len(g[n][p]) == 0 {
					t.Errorf("%s %v lacks %s", class, n, p)
				}
			}
		}
	}
	for _, q := range qs {
		for _, x := range []term.Term{q.S, q.O} {
			if x.IsBlank() {
				t.Errorf("blank node in %v", q)
			}
			if x.IsIRI() && !hasScheme(x.Value) {
				t.Errorf("relative IRI in %v", q)
			}
		}
	}
	if n := len(g.ofType(dcat + "Distribution")); n != len(testDataset().Dumps)+1 {
		t.Errorf("%d distributions, want one per dump plus the SPARQL endpoint", n)
	}
}

func hasScheme(s string) bool {
	for i, c := range s {
		if c == ':' {
			return i > 0
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return false
}

func TestDCATRecommended(t *testing.T) {
	g := index(catalog.DCAT(testDataset(), testStats()))
	ds := term.IRI(base + "dataset")
	has := func(s term.Term, p string, o term.Term) {
		t.Helper()
		if !slices.Contains(g[s][p], o) {
			t.Errorf("%v %s: %v missing (have %v)", s, p, o, g[s][p])
		}
	}
	eu := "http://publications.europa.eu/resource/authority/"
	has(term.IRI(base+"catalog"), dct+"license", term.IRI("http://creativecommons.org/publicdomain/zero/1.0/"))
	has(ds, dcat+"theme", term.IRI(eu+"data-theme/REGI"))
	has(ds, dcat+"theme", term.IRI(eu+"data-theme/GOVE"))
	has(ds, dct+"language", term.IRI(eu+"language/SWE"))
	has(ds, dct+"language", term.IRI(eu+"language/ENG"))
	has(ds, dct+"spatial", term.IRI(eu+"country/SWE"))
	has(ds, dct+"accessRights", term.IRI(eu+"access-right/PUBLIC"))
	has(ds, dcat+"contactPoint", term.IRI(base+"contact"))
	has(ds, dcat+"keyword", term.LangString("län", "sv"))
	has(ds, dct+"issued", term.Literal("2025-01-15", xsd+"date"))
	has(ds, dct+"modified", term.Literal("2025-02-01T10:11:12Z", xsd+"dateTime"))
	has(ds, dct+"source", term.IRI(base+"report/2024"))
	has(ds, "http://www.w3.org/ns/prov#wasDerivedFrom", term.IRI(base+"report/2024"))
	has(ds, dct+"conformsTo", term.IRI(catalog.OntologyIRI))
	has(ds, dct+"accrualPeriodicity", term.IRI(eu+"frequency/IRREG"))
	has(ds, dct+"temporal", term.IRI(base+"dataset/temporal"))
	has(term.IRI(base+"dataset/temporal"), dcat+"startDate", term.Literal("2022-01-01", xsd+"date"))
	has(term.IRI(base+"contact"), vcard+"hasEmail", term.IRI("mailto:kg@example.se"))
	pub := term.IRI("http://dataportal.se/organisation/SE2321000255")
	has(ds, dct+"publisher", pub)
	has(pub, foaf+"name", term.String("Region Exempel"))
	// The report is the dataset's source, not its publisher.
	has(term.IRI(base+"report/2024"), dct+"publisher", term.IRI(base+"report/2024#publisher"))
	has(term.IRI(base+"report/2024#publisher"), foaf+"name", term.String("Sveriges Kommuner och Regioner"))
	gz := term.IRI(base + "dataset/distribution/ttl.gz")
	has(gz, dcat+"compressFormat", term.IRI("http://www.iana.org/assignments/media-types/application/gzip"))
	has(gz, dcat+"byteSize", term.Literal("100", xsd+"decimal"))
	has(gz, "http://spdx.org/rdf/terms#checksum", term.IRI(base+"dataset/distribution/ttl.gz/checksum"))
	has(term.IRI(base+"dataset/distribution/ttl.gz/checksum"), "http://spdx.org/rdf/terms#checksumValue",
		term.Literal("2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", xsd+"hexBinary"))
	has(gz, dct+"rights", term.IRI(base+"dataset/rights"))
	ttl := term.IRI(base + "dataset/distribution/ttl")
	has(ttl, dcat+"mediaType", term.IRI("http://www.iana.org/assignments/media-types/text/turtle"))
	has(ttl, dct+"format", term.IRI(eu+"file-type/RDF_TURTLE"))
	has(ttl, dcat+"downloadURL", term.IRI(base+"dump/kg.ttl"))
	has(ttl, dct+"license", term.IRI("http://creativecommons.org/publicdomain/zero/1.0/"))
	has(term.IRI(base+"dataset/distribution/rdfxml"), dct+"format", term.IRI(eu+"file-type/RDF_XML"))
	has(term.IRI(base+"dataset/distribution/jsonld"), dct+"format", term.IRI(eu+"file-type/JSON_LD"))
	has(term.IRI(base+"service/sparql"), dcat+"servesDataset", ds)
}

func TestDCATOptions(t *testing.T) {
	d := testDataset()
	d.Base = "https://example.se/kg" // no trailing slash
	d.License = "http://creativecommons.org/licenses/by/4.0/"
	d.Publisher = catalog.PublisherInfo{IRI: "https://example.se/org", Name: map[string]string{"sv": "Exempel"}, Identifier: "212000-0000"}
	g := index(catalog.DCAT(d, catalog.Stats{}))
	if got := g[term.IRI("https://example.se/kg/catalog")][dct+"license"]; !slices.Equal(got, []term.Term{term.IRI(d.License)}) {
		t.Errorf("licence %v", got)
	}
	if got := g[term.IRI("https://example.se/org")][dct+"identifier"]; !slices.Equal(got, []term.Term{term.String("212000-0000")}) {
		t.Errorf("identifier %v", got)
	}
	// Without an identifier none is written, and the publisher is named
	// under the base.
	d = testDataset()
	d.Publisher.Identifier = ""
	g = index(catalog.DCAT(d, catalog.Stats{}))
	if got := g[term.IRI(base+"publisher")][dct+"identifier"]; got != nil {
		t.Errorf("identifier %v written without one", got)
	}
	if got := g[term.IRI(base+"publisher")][foaf+"name"]; len(got) != 1 {
		t.Errorf("publisher under the base: names %v", got)
	}
}

// TestDCATNoInventedPublisher: without a publisher or a contact the
// record names neither, and Missing says what is lacking.
func TestDCATNoInventedPublisher(t *testing.T) {
	d := testDataset()
	d.Publisher, d.ContactEmail = catalog.PublisherInfo{}, ""
	if m := d.Missing(); !slices.Equal(m, []string{"publisher", "contact"}) {
		t.Errorf("Missing() = %v", m)
	}
	for _, q := range catalog.DCAT(d, catalog.Stats{}) {
		if q.P.Value == dct+"publisher" && q.S.Value != base+"report/2024" || q.P.Value == vcard+"hasEmail" || q.P.Value == dcat+"contactPoint" {
			t.Errorf("invented: %v", q)
		}
	}
	if m := testDataset().Missing(); len(m) != 0 {
		t.Errorf("complete dataset: Missing() = %v", m)
	}
	d = testDataset()
	d.Publisher.Name = map[string]string{"sv": " "}
	if m := d.Missing(); !slices.Equal(m, []string{"publisher"}) {
		t.Errorf("blank name: Missing() = %v", m)
	}
}

// TestDCATRights: the graph's own statements under the licence, the
// quotes under the right to quote, on every distribution.
func TestDCATRights(t *testing.T) {
	g := index(catalog.DCAT(testDataset(), testStats()))
	r := term.IRI(base + "dataset/rights")
	if !slices.Contains(g[r][rdfType], term.IRI(dct+"RightsStatement")) {
		t.Errorf("rights statement types %v", g[r][rdfType])
	}
	texts := g[r]["http://www.w3.org/2000/01/rdf-schema#label"]
	if len(texts) != 2 {
		t.Fatalf("rights texts %v", texts)
	}
	for _, tx := range texts {
		for _, want := range []string{"CC0 1.0", "1960:729", "kgo:quote", "Rapporten (Sveriges Kommuner och Regioner)"} {
			if !strings.Contains(tx.Value, want) {
				t.Errorf("%s rights text lacks %q: %s", tx.Lang, want, tx.Value)
			}
		}
	}
	for _, dist := range g[term.IRI(base+"dataset")][dcat+"distribution"] {
		if !slices.Equal(g[dist][dct+"rights"], []term.Term{r}) {
			t.Errorf("%v rights %v", dist, g[dist][dct+"rights"])
		}
	}
}

// TestDCATSHACL validates the record against the official DCAT-AP 2.1.1
// shapes: no violation of the base, range or vocabulary shapes. (The
// vocabulary shapes warn that a Swedish publisher is not in the EU
// corporate-body table.)
func TestDCATSHACL(t *testing.T) {
	qs := catalog.DCAT(testDataset(), testStats())
	for _, shapes := range []string{shacltest.DCATAPBase, shacltest.DCATAPRange, shacltest.DCATAPVocab} {
		t.Run(shapes, func(t *testing.T) {
			for _, r := range shacltest.Violations(shacltest.Validate(t, qs, shapes)) {
				t.Error(r)
			}
		})
	}
	// The engine runs: a record without its contact point's class and a
	// dataset without a title are reported.
	var broken []term.Quad
	for _, q := range qs {
		if q.O.Value == vcard+"Kind" || q.S.Value == base+"dataset" && q.P.Value == dct+"title" {
			continue
		}
		broken = append(broken, q)
	}
	if n := len(shacltest.Violations(shacltest.Validate(t, broken, shacltest.DCATAPRange))); n != 1 {
		t.Errorf("range shapes: %d violations of a record whose contact point is no vcard:Kind, want 1", n)
	}
	if n := len(shacltest.Violations(shacltest.Validate(t, broken, shacltest.DCATAPBase))); n != 1 {
		t.Errorf("base shapes: %d violations of a dataset without a title, want 1", n)
	}
}

func TestDeterministic(t *testing.T) {
	a := catalog.DCAT(testDataset(), testStats())
	b := catalog.DCAT(testDataset(), testStats())
	if !slices.Equal(a, b) {
		t.Error("DCAT differs between runs")
	}
	if !slices.IsSortedFunc(a, term.CompareTriplesFirst) {
		t.Error("DCAT quads not sorted")
	}
	v := catalog.VoID(testDataset(), testStats())
	if !slices.Equal(v, catalog.VoID(testDataset(), testStats())) || !slices.IsSortedFunc(v, term.CompareTriplesFirst) {
		t.Error("VoID not deterministic and sorted")
	}
}

func TestVoID(t *testing.T) {
	g := index(catalog.VoID(testDataset(), testStats()))
	ds := term.IRI(base + "dataset")
	want := map[string]term.Term{
		void + "triples":          term.Literal("1200", xsd+"integer"),
		void + "entities":         term.Literal("150", xsd+"integer"),
		void + "distinctSubjects": term.Literal("160", xsd+"integer"),
		void + "distinctObjects":  term.Literal("400", xsd+"integer"),
		void + "classes":          term.Literal("2", xsd+"integer"),
		void + "properties":       term.Literal("2", xsd+"integer"),
		void + "uriSpace":         term.String(base),
		void + "sparqlEndpoint":   term.IRI(base + "sparql"),
		rdfType:                   term.IRI(void + "Dataset"),
	}
	for p, o := range want {
		if !slices.Equal(g[ds][p], []term.Term{o}) {
			t.Errorf("%s = %v, want %v", p, g[ds][p], o)
		}
	}
	if n := len(g[ds][void+"dataDump"]); n != len(testDataset().Dumps) {
		t.Errorf("%d dumps", n)
	}
	if !slices.Contains(g[ds][void+"feature"], term.IRI("http://www.w3.org/ns/formats/Turtle")) {
		t.Errorf("features %v", g[ds][void+"feature"])
	}
	if !slices.Contains(g[ds][void+"vocabulary"], term.IRI("https://w3id.org/regionalkg/ontology#")) {
		t.Errorf("vocabularies %v", g[ds][void+"vocabulary"])
	}
	parts := g[ds][void+"classPartition"]
	if len(parts) != 2 {
		t.Fatalf("class partitions %v", parts)
	}
	counts := map[string]string{}
	for _, p := range parts {
		counts[g[p][void+"class"][0].Value] = g[p][void+"entities"][0].Value
	}
	if counts["https://w3id.org/regionalkg/ontology#Region"] != "21" || counts["https://w3id.org/regionalkg/ontology#Law"] != "12" {
		t.Errorf("class partition counts %v", counts)
	}
	if n := len(g[ds][void+"propertyPartition"]); n != 2 {
		t.Errorf("%d property partitions", n)
	}
}

func TestCounter(t *testing.T) {
	ex := func(s string) term.Term { return term.IRI("http://example.org/" + s) }
	c := catalog.NewCounter("http://example.org/")
	for _, q := range []term.Quad{
		{S: ex("a"), P: term.IRI(rdfType), O: ex("C")},
		{S: ex("a"), P: term.IRI(rdfType), O: ex("C"), G: ex("g1")}, // same triple again
		{S: ex("b"), P: term.IRI(rdfType), O: ex("C"), G: ex("g2")},
		{S: ex("b"), P: ex("p"), O: term.String("x"), G: ex("g2")},
		{S: term.Blank("n"), P: ex("p"), O: ex("a")},
		{S: term.IRI("http://other.org/z"), P: ex("p"), O: ex("a")},
	} {
		c.Add(q)
	}
	s := c.Stats()
	if s.Triples != 5 || s.Quads != 6 || s.Graphs != 2 || s.Subjects != 4 || s.Objects != 3 || s.Entities != 2 {
		t.Errorf("stats %+v", s)
	}
	if s.Classes["http://example.org/C"] != 2 || s.Properties[rdfType] != 2 || s.Properties["http://example.org/p"] != 3 {
		t.Errorf("partitions %+v %+v", s.Classes, s.Properties)
	}
}

// dcatXML writes the record through the export table's dcat format.
func dcatXML(t *testing.T) ([]byte, []term.Quad) {
	t.Helper()
	f, ok := export.ByName("dcat")
	if !ok {
		t.Fatal("no dcat format")
	}
	d := testDataset()
	var buf bytes.Buffer
	enc := f.New(&buf, export.Options{Catalog: &d})
	data := []term.Quad{
		{S: term.IRI(base + "id/a"), P: term.IRI(rdfType), O: term.IRI("https://w3id.org/regionalkg/ontology#Region")},
		{S: term.IRI(base + "id/a"), P: term.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: term.LangString("A", "sv")},
	}
	for _, q := range data {
		if err := enc.Encode(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	c := catalog.NewCounter(base)
	for _, q := range data {
		c.Add(q)
	}
	return buf.Bytes(), catalog.DCAT(d, c.Stats())
}

func TestDCATRDFXMLRoundTrip(t *testing.T) {
	xml, want := dcatXML(t)
	var got []term.Quad
	if err := rdfio.ParseRDFXML(bytes.NewReader(xml), rdfio.Options{Base: base}, func(q term.Quad) error {
		got = append(got, q)
		return nil
	}); err != nil {
		t.Fatalf("%v\n%s", err, xml)
	}
	if !rdfio.Isomorphic(got, want) {
		t.Errorf("RDF/XML reads back differently:\n%s", xml)
	}
}

func TestDCATRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("*** rapper NOT INSTALLED: the independent RDF/XML check did not run (apt-get install raptor2-utils) ***")
	}
	xml, want := dcatXML(t)
	cmd := exec.Command(rapper, "-q", "-i", "rdfxml", "-o", "ntriples", "-", base)
	cmd.Stdin = bytes.NewReader(xml)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("rapper: %v %s\n%s", err, stderr.String(), xml)
	}
	var got []term.Quad
	if err := rdfio.ParseNTriples(&out, rdfio.Options{}, func(q term.Quad) error {
		got = append(got, q)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !rdfio.Isomorphic(got, want) {
		t.Errorf("rapper reads a different graph from\n%s", xml)
	}
}

func TestDCATGolden(t *testing.T) {
	xml, _ := dcatXML(t)
	checkGolden(t, "testdata/dcat.rdf", xml)
}

// TestVoIDLinksets: a linkset per dataset and property linked to, with
// its triple count and an example; example and root resources.
func TestVoIDLinksets(t *testing.T) {
	ex := func(s string) term.Term { return term.IRI(base + "id/" + s) }
	c := catalog.NewCounter(base)
	sameAs, schemaSameAs := "http://www.w3.org/2002/07/owl#sameAs", "https://schema.org/sameAs"
	for _, q := range []term.Quad{
		{S: ex("skane-lan"), P: term.IRI(sameAs), O: term.IRI("http://www.wikidata.org/entity/Q103659")},
		{S: ex("blekinge-lan"), P: term.IRI(sameAs), O: term.IRI("http://www.wikidata.org/entity/Q102377"), G: ex("g")},
		{S: ex("blekinge-lan"), P: term.IRI(sameAs), O: term.IRI("http://www.wikidata.org/entity/Q102377")}, // again, another graph
		{S: ex("skane-lan"), P: term.IRI(schemaSameAs), O: term.IRI("http://data.europa.eu/nuts/code/SE224")},
		{S: term.IRI("http://other.org/x"), P: term.IRI(sameAs), O: term.IRI("http://www.wikidata.org/entity/Q1")}, // not ours
		{S: ex("region-skane"), P: term.IRI(rdfType), O: term.IRI("https://w3id.org/regionalkg/ontology#Region")},
		{S: ex("region-blekinge"), P: term.IRI(rdfType), O: term.IRI("https://w3id.org/regionalkg/ontology#Region")},
	} {
		c.Add(q)
	}
	qs := catalog.VoID(testDataset(), c.Stats())
	g := index(qs)
	ds := term.IRI(base + "dataset")
	sets := map[string]term.Term{} // target → linkset
	for _, ls := range g[ds][void+"subset"] {
		if !slices.Contains(g[ls][rdfType], term.IRI(void+"Linkset")) {
			t.Errorf("subset %v is no void:Linkset", ls)
		}
		target := g[ls][void+"objectsTarget"][0]
		sets[g[target][dct+"title"][0].Value] = ls
		if !slices.Equal(g[ls][void+"subjectsTarget"], []term.Term{ds}) || len(g[target][void+"uriSpace"]) != 1 {
			t.Errorf("linkset %v: %v", ls, g[ls])
		}
	}
	wd, nuts := sets["Wikidata"], sets["NUTS, Nomenclature of territorial units for statistics (Eurostat)"]
	if len(sets) != 2 || wd.IsZero() || nuts.IsZero() {
		t.Fatalf("linksets %v", sets)
	}
	if got := g[wd][void+"triples"]; !slices.Equal(got, []term.Term{term.Literal("2", xsd+"integer")}) {
		t.Errorf("Wikidata links %v, want 2", got)
	}
	if got := g[wd][void+"exampleResource"]; !slices.Equal(got, []term.Term{ex("blekinge-lan")}) {
		t.Errorf("Wikidata example %v", got)
	}
	if got := g[nuts][void+"linkPredicate"]; !slices.Equal(got, []term.Term{term.IRI(schemaSameAs)}) {
		t.Errorf("NUTS predicate %v", got)
	}
	if got := g[ds][void+"exampleResource"]; !slices.Equal(got, []term.Term{ex("region-blekinge")}) {
		t.Errorf("examples %v", got)
	}
	if got := g[ds][void+"rootResource"]; !slices.Equal(got, []term.Term{term.IRI(base + "report/2024")}) {
		t.Errorf("roots %v", got)
	}
}
