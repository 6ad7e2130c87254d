package catalog

import (
	"cmp"
	"crypto/sha1"
	"encoding/hex"
	"maps"
	"slices"
	"strings"

	"kg/term"
)

// LinkTarget is a dataset whose IRIs kg links to.
type LinkTarget struct {
	Key      string // names the VoID resources: {base}dataset/target/{Key}
	Title    string
	Homepage string
	URISpace string // the IRIs of the dataset start with it
}

// LinkTargets are the datasets the registers link kg's entities to.
var LinkTargets = []LinkTarget{
	{"wikidata", "Wikidata", "https://www.wikidata.org/", "http://www.wikidata.org/entity/"},
	{"nuts", "NUTS, Nomenclature of territorial units for statistics (Eurostat)", "https://ec.europa.eu/eurostat/web/nuts", "http://data.europa.eu/nuts/"},
	{"eli", "European Legislation Identifier (EUR-Lex)", "https://eur-lex.europa.eu/", "http://data.europa.eu/eli/"},
	{"rkrattsbaser", "Svensk författningssamling, Regeringskansliets rättsdatabaser", "https://rkrattsbaser.gov.se/", "https://rkrattsbaser.gov.se/"},
	{"lagen-nu", "lagen.nu", "https://lagen.nu/", "https://lagen.nu/"},
}

// linkTarget returns the target whose URI space holds iri.
func linkTarget(iri string) (LinkTarget, bool) {
	for _, t := range LinkTargets {
		if strings.HasPrefix(iri, t.URISpace) {
			return t, true
		}
	}
	return LinkTarget{}, false
}

// LinkKey names a linkset: the links of one property to one target.
type LinkKey struct {
	Target    string // LinkTarget.Key
	Predicate string
}

// Linkset counts the links of a LinkKey.
type Linkset struct {
	Triples int
	Example string // the first subject in IRI order
}

// linksetIRI names a linkset after its target and property.
func linksetIRI(d Dataset, k LinkKey) string {
	sum := sha1.Sum([]byte(k.Predicate))
	return d.Base + "dataset/linkset/" + k.Target + "-" + hex.EncodeToString(sum[:4])
}

func targetIRI(d Dataset, key string) string { return d.Base + "dataset/target/" + key }

// exampleClasses are the classes whose first instance is an example
// resource of the dataset.
var exampleClasses = []string{
	OntologyIRI + "#Region", OntologyIRI + "#Mandate", OntologyIRI + "#Law", OntologyIRI + "#Instrument",
}

// voidLinks describes the linksets (void:Linkset, a void:subset of the
// dataset, with its target, property, triple count and an example), the
// example resources and the root resources (the source documents).
func voidLinks(b *builder, d Dataset, s Stats) {
	ds := datasetIRI(d)
	for _, c := range exampleClasses {
		b.iri(ds, nsVOID+"exampleResource", s.Examples[c])
	}
	for _, src := range d.Sources {
		b.iri(ds, nsVOID+"rootResource", src.IRI)
	}
	targets := map[string]bool{}
	for _, k := range sortedLinkKeys(s.Links) {
		l := s.Links[k]
		ls, target := linksetIRI(d, k), targetIRI(d, k.Target)
		b.iri(ds, nsVOID+"subset", ls)
		b.iri(ls, nsRDF+"type", nsVOID+"Linkset")
		b.iri(ls, nsVOID+"subjectsTarget", ds)
		b.iri(ls, nsVOID+"objectsTarget", target)
		b.iri(ls, nsVOID+"linkPredicate", k.Predicate)
		b.int(ls, nsVOID+"triples", l.Triples)
		b.iri(ls, nsVOID+"exampleResource", l.Example)
		targets[k.Target] = true
	}
	for _, t := range LinkTargets {
		if !targets[t.Key] {
			continue
		}
		iri := targetIRI(d, t.Key)
		b.iri(iri, nsRDF+"type", nsVOID+"Dataset")
		b.add(iri, nsDCTERMS+"title", term.String(t.Title))
		b.iri(iri, nsFOAF+"homepage", t.Homepage)
		b.add(iri, nsVOID+"uriSpace", term.String(t.URISpace))
	}
}

func sortedLinkKeys(m map[LinkKey]Linkset) []LinkKey {
	return slices.SortedFunc(maps.Keys(m), func(a, b LinkKey) int {
		return cmp.Or(cmp.Compare(a.Target, b.Target), cmp.Compare(a.Predicate, b.Predicate))
	})
}
