package catalog

import (
	"strconv"
	"strings"

	"kg/term"
)

// DCAT returns a DCAT-AP-SE description of the dataset: a dcat:Catalog
// holding one dcat:Dataset, a dcat:Distribution per dump (and one for the
// SPARQL endpoint, served by a dcat:DataService), the publisher as a
// foaf:Agent and the contact point as a vcard:Organization. The quads are
// in the default graph, sorted by term.CompareTriplesFirst. s is not
// needed by DCAT-AP; it is accepted so that both descriptions are built
// from the same arguments, and adds the triple count as the dataset's
// void:triples.
func DCAT(d Dataset, s Stats) []term.Quad {
	d = withDefaults(d)
	var b builder
	cat, ds, pub, contact := catalogIRI(d), datasetIRI(d), d.Publisher.IRI, contactIRI(d)

	// Catalogue (DCAT-AP-SE §Katalog).
	b.iri(cat, nsRDF+"type", nsDCAT+"Catalog")
	b.langs(cat, nsDCTERMS+"title", suffixed(d.Title, map[string]string{"sv": " – datakatalog", "en": " – data catalogue"}))
	b.langs(cat, nsDCTERMS+"description", d.Description)
	b.iri(cat, nsDCTERMS+"publisher", pub)
	b.iri(cat, nsDCAT+"dataset", ds)
	b.iri(cat, nsDCTERMS+"license", d.License)
	b.iri(cat, nsFOAF+"homepage", d.Base)
	b.iri(cat, nsDCAT+"themeTaxonomy", strings.TrimSuffix(DataTheme, "/"))
	b.date(cat, nsDCTERMS+"issued", d.Issued)
	b.date(cat, nsDCTERMS+"modified", d.Modified)
	for _, l := range d.Language {
		b.iri(cat, nsDCTERMS+"language", l)
	}
	for _, p := range d.Spatial {
		b.iri(cat, nsDCTERMS+"spatial", p)
	}

	// Publisher (§Aktör).
	b.iri(pub, nsRDF+"type", nsFOAF+"Agent")
	b.langs(pub, nsFOAF+"name", d.Publisher.Name)
	b.iri(pub, nsDCTERMS+"type", d.Publisher.Type)
	b.iri(pub, nsFOAF+"homepage", d.Publisher.Homepage)
	if d.Publisher.Identifier != "" {
		b.add(pub, nsDCTERMS+"identifier", term.String(d.Publisher.Identifier))
	}

	// Contact point (§Organisation, vcard).
	b.iri(contact, nsRDF+"type", nsVCARD+"Organization")
	b.langs(contact, nsVCARD+"fn", d.Publisher.Name)
	b.iri(contact, nsVCARD+"hasEmail", "mailto:"+d.ContactEmail)

	// Dataset (§Datamängd).
	b.iri(ds, nsRDF+"type", nsDCAT+"Dataset")
	b.langs(ds, nsDCTERMS+"title", d.Title)
	b.langs(ds, nsDCTERMS+"description", d.Description)
	b.iri(ds, nsDCTERMS+"publisher", pub)
	b.iri(ds, nsDCAT+"contactPoint", contact)
	b.iri(ds, nsDCTERMS+"accessRights", DefaultAccessRights)
	b.iri(ds, nsDCAT+"landingPage", d.Base)
	b.iri(ds, nsDCTERMS+"source", d.Source)
	b.date(ds, nsDCTERMS+"issued", d.Issued)
	b.date(ds, nsDCTERMS+"modified", d.Modified)
	for _, t := range d.Themes {
		b.iri(ds, nsDCAT+"theme", t)
	}
	for _, l := range d.Language {
		b.iri(ds, nsDCTERMS+"language", l)
	}
	for _, p := range d.Spatial {
		b.iri(ds, nsDCTERMS+"spatial", p)
	}
	for _, l := range sortedKeys(d.Keywords) {
		for _, k := range d.Keywords[l] {
			b.add(ds, nsDCAT+"keyword", term.LangString(k, l))
		}
	}
	if s.Triples > 0 {
		b.int(ds, nsVOID+"triples", s.Triples)
	}

	// Distributions (§Distribution), one per dump.
	used := map[string]bool{}
	for i, dump := range d.Dumps {
		name := dump.Format
		if name == "" || used[name] {
			name = "dump" + strconv.Itoa(i+1)
		}
		used[name] = true
		dist := distIRI(d, name)
		b.iri(ds, nsDCAT+"distribution", dist)
		b.iri(dist, nsRDF+"type", nsDCAT+"Distribution")
		b.iri(dist, nsDCAT+"accessURL", dump.URL)
		b.iri(dist, nsDCAT+"downloadURL", dump.URL)
		b.iri(dist, nsDCTERMS+"license", d.License)
		if dump.MediaType != "" {
			b.iri(dist, nsDCAT+"mediaType", mediaTypeIRI(dump.MediaType))
			label := formatLabels[dump.MediaType]
			if label == "" {
				label = dump.MediaType
			}
			b.langs(dist, nsDCTERMS+"title", map[string]string{"sv": "Nedladdning i " + label, "en": label + " download"})
		}
		if f, ok := mediaFormats[dump.MediaType]; ok {
			b.iri(dist, nsDCTERMS+"format", FileType+f.fileType)
		}
	}

	// SPARQL endpoint: a distribution whose access goes through a data
	// service (§Datatjänst).
	if d.SPARQLEndpoint != "" {
		dist, svc := distIRI(d, "sparql"), serviceIRI(d)
		b.iri(ds, nsDCAT+"distribution", dist)
		b.iri(dist, nsRDF+"type", nsDCAT+"Distribution")
		b.iri(dist, nsDCAT+"accessURL", d.SPARQLEndpoint)
		b.iri(dist, nsDCAT+"accessService", svc)
		b.iri(dist, nsDCTERMS+"license", d.License)
		b.langs(dist, nsDCTERMS+"title", map[string]string{"sv": "SPARQL-ändpunkt", "en": "SPARQL endpoint"})
		b.iri(cat, nsDCAT+"service", svc)
		b.iri(svc, nsRDF+"type", nsDCAT+"DataService")
		b.langs(svc, nsDCTERMS+"title", map[string]string{"sv": "SPARQL-ändpunkt", "en": "SPARQL endpoint"})
		b.iri(svc, nsDCAT+"endpointURL", d.SPARQLEndpoint)
		b.iri(svc, nsDCAT+"servesDataset", ds)
		b.iri(svc, nsDCTERMS+"publisher", pub)
		b.iri(svc, nsDCAT+"contactPoint", contact)
		b.iri(svc, nsDCTERMS+"license", d.License)
		b.iri(svc, nsDCTERMS+"accessRights", DefaultAccessRights)
		b.iri(svc, nsDCTERMS+"conformsTo", "https://www.w3.org/TR/sparql11-protocol/")
	}
	return b.sorted()
}

// suffixed appends a per-language suffix to each text of m.
func suffixed(m, suffix map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for l, v := range m {
		if v != "" {
			out[l] = v + suffix[l]
		}
	}
	return out
}
