package catalog

import (
	"strconv"
	"strings"

	"kg/term"
)

// DCAT returns a DCAT-AP-SE description of the dataset: a dcat:Catalog
// holding one dcat:Dataset, a dcat:Distribution per dump (and one for the
// SPARQL endpoint, served by a dcat:DataService), the publisher as a
// foaf:Agent, the contact point as a vcard:Organization, the source
// documents the dataset is derived from, and every controlled term it
// refers to typed as DCAT-AP 2.1.1 ranges the property over. The quads are
// in the default graph, sorted by term.CompareTriplesFirst. s adds the
// triple count as the dataset's void:triples.
//
// The record states no publisher or contact kg was not given: check
// Dataset.Missing first; a record of a Dataset that lacks them is
// incomplete.
func DCAT(d Dataset, s Stats) []term.Quad {
	d = withDefaults(d)
	var b builder
	dcatCatalog(&b, d)
	dcatPublisher(&b, d)
	dcatDataset(&b, d, s)
	dcatSources(&b, d)
	dcatRights(&b, d)
	for i, dump := range d.Dumps {
		dcatDump(&b, d, dump, i)
	}
	dcatService(&b, d)
	return b.sorted()
}

// dcatCatalog describes the catalogue (DCAT-AP-SE §Katalog).
func dcatCatalog(b *builder, d Dataset) {
	cat := catalogIRI(d)
	b.iri(cat, nsRDF+"type", nsDCAT+"Catalog")
	b.langs(cat, nsDCTERMS+"title", suffixed(d.Title, map[string]string{"sv": " – datakatalog", "en": " – data catalogue"}))
	b.langs(cat, nsDCTERMS+"description", d.Description)
	b.iri(cat, nsDCTERMS+"publisher", d.Publisher.IRI)
	b.iri(cat, nsDCAT+"dataset", datasetIRI(d))
	b.iri(cat, nsDCTERMS+"license", d.License)
	b.licence(d.License)
	b.iri(cat, nsFOAF+"homepage", d.Base)
	b.iri(d.Base, nsRDF+"type", nsFOAF+"Document")
	b.iri(cat, nsDCAT+"themeTaxonomy", strings.TrimSuffix(DataTheme, "/"))
	b.iri(strings.TrimSuffix(DataTheme, "/"), nsRDF+"type", nsSKOS+"ConceptScheme")
	b.langs(strings.TrimSuffix(DataTheme, "/"), nsDCTERMS+"title", schemeTitles[DataTheme])
	b.date(cat, nsDCTERMS+"issued", d.Issued)
	b.date(cat, nsDCTERMS+"modified", d.Modified)
	for _, l := range d.Language {
		b.iri(cat, nsDCTERMS+"language", l)
	}
	for _, p := range d.Spatial {
		b.iri(cat, nsDCTERMS+"spatial", p)
	}
}

// dcatPublisher describes the publisher (§Aktör) and the contact point
// (§Organisation, vcard).
func dcatPublisher(b *builder, d Dataset) {
	pub, contact := d.Publisher.IRI, contactIRI(d)
	if pub != "" {
		b.iri(pub, nsRDF+"type", nsFOAF+"Agent")
		b.langs(pub, nsFOAF+"name", d.Publisher.Name)
		b.iri(pub, nsDCTERMS+"type", d.Publisher.Type)
		b.concept(d.Publisher.Type)
		b.iri(pub, nsFOAF+"homepage", d.Publisher.Homepage)
		b.iri(d.Publisher.Homepage, nsRDF+"type", nsFOAF+"Document")
		if d.Publisher.Identifier != "" {
			b.add(pub, nsDCTERMS+"identifier", term.String(d.Publisher.Identifier))
		}
	}
	if d.ContactEmail != "" {
		b.iri(contact, nsRDF+"type", nsVCARD+"Organization")
		b.iri(contact, nsRDF+"type", nsVCARD+"Kind")
		b.langs(contact, nsVCARD+"fn", d.Publisher.Name)
		b.iri(contact, nsVCARD+"hasEmail", "mailto:"+strings.TrimPrefix(d.ContactEmail, "mailto:"))
	}
}

// dcatDataset describes the dataset (§Datamängd).
func dcatDataset(b *builder, d Dataset, s Stats) {
	ds := datasetIRI(d)
	b.iri(ds, nsRDF+"type", nsDCAT+"Dataset")
	b.langs(ds, nsDCTERMS+"title", d.Title)
	b.langs(ds, nsDCTERMS+"description", d.Description)
	b.iri(ds, nsDCTERMS+"publisher", d.Publisher.IRI)
	if d.ContactEmail != "" {
		b.iri(ds, nsDCAT+"contactPoint", contactIRI(d))
	}
	b.iri(ds, nsDCTERMS+"accessRights", DefaultAccessRights)
	b.concept(DefaultAccessRights, nsDCTERMS+"RightsStatement")
	b.iri(ds, nsDCAT+"landingPage", d.Base)
	b.date(ds, nsDCTERMS+"issued", d.Issued)
	b.date(ds, nsDCTERMS+"modified", d.Modified)
	b.iri(ds, nsDCTERMS+"conformsTo", d.ConformsTo)
	if d.ConformsTo != "" {
		b.iri(d.ConformsTo, nsRDF+"type", nsDCTERMS+"Standard")
		b.langs(d.ConformsTo, nsDCTERMS+"title", sv("kg-ontologin för regional utveckling", "the kg ontology of regional development"))
	}
	b.iri(ds, nsDCTERMS+"accrualPeriodicity", d.Frequency)
	b.concept(d.Frequency, nsDCTERMS+"Frequency")
	if d.TemporalStart != "" || d.TemporalEnd != "" {
		t := ds + "/temporal"
		b.iri(ds, nsDCTERMS+"temporal", t)
		b.iri(t, nsRDF+"type", nsDCTERMS+"PeriodOfTime")
		b.date(t, nsDCAT+"startDate", d.TemporalStart)
		b.date(t, nsDCAT+"endDate", d.TemporalEnd)
	}
	for _, t := range d.Themes {
		b.iri(ds, nsDCAT+"theme", t)
		b.concept(t)
	}
	for _, l := range d.Language {
		b.iri(ds, nsDCTERMS+"language", l)
		b.concept(l, nsDCTERMS+"LinguisticSystem")
	}
	for _, p := range d.Spatial {
		b.iri(ds, nsDCTERMS+"spatial", p)
		b.concept(p, nsDCTERMS+"Location")
	}
	for _, l := range sortedKeys(d.Keywords) {
		for _, k := range d.Keywords[l] {
			b.add(ds, nsDCAT+"keyword", term.LangString(k, l))
		}
	}
	if s.Triples > 0 {
		b.int(ds, nsVOID+"triples", s.Triples)
	}
}

// dcatSources describes the documents the dataset is derived from. They
// are its dct:source, which DCAT-AP ranges over dcat:Dataset: a report
// is a published collection of text, so each is typed as one (and as a
// foaf:Document), with the title, publisher (an agent named by a hash IRI
// on the document's) and date it was issued.
func dcatSources(b *builder, d Dataset) {
	ds := datasetIRI(d)
	for _, src := range d.Sources {
		b.iri(ds, nsDCTERMS+"source", src.IRI)
		b.iri(ds, nsPROV+"wasDerivedFrom", src.IRI)
		b.iri(src.IRI, nsRDF+"type", nsDCAT+"Dataset")
		b.iri(src.IRI, nsRDF+"type", nsFOAF+"Document")
		title := src.Title
		if len(title) == 0 {
			title = map[string]string{"": src.IRI}
		}
		b.langs(src.IRI, nsDCTERMS+"title", title)
		desc := sv("Källdokument som kunskapsgrafen bygger på", "A source document of the knowledge graph")
		if src.Publisher != "" {
			desc = sv("Källdokument som kunskapsgrafen bygger på, utgivet av "+src.Publisher,
				"A source document of the knowledge graph, published by "+src.Publisher)
		}
		b.langs(src.IRI, nsDCTERMS+"description", desc)
		b.date(src.IRI, nsDCTERMS+"issued", src.Issued)
		if src.Publisher != "" {
			agent := src.IRI + "#publisher"
			b.iri(src.IRI, nsDCTERMS+"publisher", agent)
			b.iri(agent, nsRDF+"type", nsFOAF+"Agent")
			b.add(agent, nsFOAF+"name", term.String(src.Publisher))
		}
		if src.Page != "" {
			b.iri(src.IRI, nsDCAT+"landingPage", src.Page)
			b.iri(src.Page, nsRDF+"type", nsFOAF+"Document")
		}
	}
}

// rightsIRI names the statement of what may be done with the data.
func rightsIRI(d Dataset) string { return datasetIRI(d) + "/rights" }

// dcatRights states the rights honestly: the graph's own statements are
// under the licence, the passages it quotes verbatim are its sources',
// reproduced under the right to quote.
func dcatRights(b *builder, d Dataset) {
	r := rightsIRI(d)
	b.iri(r, nsRDF+"type", nsDCTERMS+"RightsStatement")
	var srcSV, srcEN []string
	for _, src := range d.Sources {
		t := src.Title["sv"]
		if t == "" {
			t = src.Title["en"]
		}
		if t == "" {
			continue
		}
		if src.Publisher != "" {
			t += " (" + src.Publisher + ")"
		}
		srcSV, srcEN = append(srcSV, t), append(srcEN, t)
	}
	svText := "Kunskapsgrafens egna påståenden (entiteter, relationer, identifierare) får användas enligt " +
		licenceLabel(d.License, "sv") + ". De ordagranna citaten ur källdokumenten (kgo:quote) omfattas av " +
		"källornas upphovsrätt och återges med stöd av citaträtten (22 § lagen (1960:729) om upphovsrätt till " +
		"litterära och konstnärliga verk); de får inte återanvändas fritt."
	enText := "The graph's own statements (entities, relations, identifiers) may be used under " +
		licenceLabel(d.License, "en") + ". The passages quoted verbatim from the source documents (kgo:quote) " +
		"remain under their sources' copyright and are reproduced under the right to quote (Swedish Copyright " +
		"Act (1960:729), section 22); they are not free to reuse."
	if len(srcSV) > 0 {
		svText += " Källor: " + strings.Join(srcSV, "; ") + "."
		enText += " Sources: " + strings.Join(srcEN, "; ") + "."
	}
	b.langs(r, nsRDFS+"label", sv(svText, enText))
}

// dcatDump describes one dump (§Distribution).
func dcatDump(b *builder, d Dataset, dump Dump, i int) {
	name := dump.Format
	if name == "" {
		name = "dump" + strconv.Itoa(i+1)
	}
	dist := distIRI(d, name)
	b.iri(datasetIRI(d), nsDCAT+"distribution", dist)
	b.iri(dist, nsRDF+"type", nsDCAT+"Distribution")
	b.iri(dist, nsDCAT+"accessURL", dump.URL)
	b.iri(dist, nsDCAT+"downloadURL", dump.URL)
	b.iri(dist, nsDCTERMS+"license", d.License)
	b.iri(dist, nsDCTERMS+"rights", rightsIRI(d))
	b.iri(dist, nsDCTERMS+"conformsTo", d.ConformsTo)
	if dump.MediaType != "" {
		mt := mediaTypeIRI(dump.MediaType)
		b.iri(dist, nsDCAT+"mediaType", mt)
		b.mediaType(mt)
		label := formatLabels[dump.MediaType]
		if label == "" {
			label = dump.MediaType
		}
		title := sv("Nedladdning i "+label, label+" download")
		if dump.Compression != "" {
			title = sv("Nedladdning i "+label+", gzip-komprimerad", label+" download, gzip-compressed")
		}
		b.langs(dist, nsDCTERMS+"title", title)
	}
	if dump.Compression != "" {
		ct := mediaTypeIRI(dump.Compression)
		b.iri(dist, nsDCAT+"compressFormat", ct)
		b.mediaType(ct)
	}
	if f, ok := mediaFormats[dump.MediaType]; ok {
		b.iri(dist, nsDCTERMS+"format", FileType+f.fileType)
		b.concept(FileType+f.fileType, nsDCTERMS+"MediaTypeOrExtent")
	}
	if dump.ByteSize > 0 {
		b.add(dist, nsDCAT+"byteSize", term.Literal(strconv.FormatInt(dump.ByteSize, 10), term.XSDNS+"decimal"))
	}
	if dump.SHA1 != "" {
		sum := dist + "/checksum"
		b.iri(dist, nsSPDX+"checksum", sum)
		b.iri(sum, nsRDF+"type", nsSPDX+"Checksum")
		// SHA-1, the one algorithm DCAT-AP 2.1.1 accepts.
		b.iri(sum, nsSPDX+"algorithm", nsSPDX+"checksumAlgorithm_sha1")
		b.iri(nsSPDX+"checksumAlgorithm_sha1", nsRDF+"type", nsSPDX+"ChecksumAlgorithm")
		b.add(sum, nsSPDX+"checksumValue", term.Literal(dump.SHA1, term.XSDNS+"hexBinary"))
	}
}

// dcatService describes the SPARQL endpoint: a distribution whose access
// goes through a data service (§Datatjänst).
func dcatService(b *builder, d Dataset) {
	if d.SPARQLEndpoint == "" {
		return
	}
	ds, dist, svc := datasetIRI(d), distIRI(d, "sparql"), serviceIRI(d)
	b.iri(ds, nsDCAT+"distribution", dist)
	b.iri(dist, nsRDF+"type", nsDCAT+"Distribution")
	b.iri(dist, nsDCAT+"accessURL", d.SPARQLEndpoint)
	b.iri(dist, nsDCAT+"accessService", svc)
	b.iri(dist, nsDCTERMS+"license", d.License)
	b.iri(dist, nsDCTERMS+"rights", rightsIRI(d))
	b.langs(dist, nsDCTERMS+"title", sv("SPARQL-ändpunkt", "SPARQL endpoint"))
	b.iri(catalogIRI(d), nsDCAT+"service", svc)
	b.iri(svc, nsRDF+"type", nsDCAT+"DataService")
	b.langs(svc, nsDCTERMS+"title", sv("SPARQL-ändpunkt", "SPARQL endpoint"))
	b.iri(svc, nsDCAT+"endpointURL", d.SPARQLEndpoint)
	b.iri(svc, nsDCAT+"servesDataset", ds)
	b.iri(svc, nsDCTERMS+"publisher", d.Publisher.IRI)
	if d.ContactEmail != "" {
		b.iri(svc, nsDCAT+"contactPoint", contactIRI(d))
	}
	b.iri(svc, nsDCTERMS+"license", d.License)
	b.iri(svc, nsDCTERMS+"accessRights", DefaultAccessRights)
	b.iri(svc, nsDCTERMS+"conformsTo", sparqlProtocol)
	b.iri(sparqlProtocol, nsRDF+"type", nsDCTERMS+"Standard")
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
