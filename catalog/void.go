package catalog

import (
	"sort"

	"kg/term"
)

// VoID returns a VoID description of the dataset (W3C Interest Group Note
// "Describing Linked Datasets with the VoID Vocabulary"): the void:Dataset,
// which is the same resource as the DCAT dataset, with its statistics, a
// class partition per class and a property partition per property, data
// dumps, the SPARQL endpoint, the vocabularies in use, the URI space, a
// linkset per property and dataset linked to (with the target described),
// example resources and the source documents as root resources.
// The quads are in the default graph, sorted by term.CompareTriplesFirst.
func VoID(d Dataset, s Stats) []term.Quad {
	d = withDefaults(d)
	var b builder
	ds := datasetIRI(d)
	b.iri(ds, nsRDF+"type", nsVOID+"Dataset")
	b.langs(ds, nsDCTERMS+"title", d.Title)
	b.langs(ds, nsDCTERMS+"description", d.Description)
	b.iri(ds, nsDCTERMS+"publisher", d.Publisher.IRI)
	b.iri(ds, nsDCTERMS+"license", d.License)
	for _, src := range d.Sources {
		b.iri(ds, nsDCTERMS+"source", src.IRI)
	}
	b.date(ds, nsDCTERMS+"issued", d.Issued)
	b.date(ds, nsDCTERMS+"modified", d.Modified)
	b.int(ds, nsVOID+"triples", s.Triples)
	b.int(ds, nsVOID+"entities", s.Entities)
	b.int(ds, nsVOID+"distinctSubjects", s.Subjects)
	b.int(ds, nsVOID+"distinctObjects", s.Objects)
	b.int(ds, nsVOID+"classes", len(s.Classes))
	b.int(ds, nsVOID+"properties", len(s.Properties))
	if d.Base != "" {
		b.add(ds, nsVOID+"uriSpace", term.String(d.Base))
	}
	for _, dump := range d.Dumps {
		b.iri(ds, nsVOID+"dataDump", dump.URL)
		if f, ok := mediaFormats[dump.MediaType]; ok {
			b.iri(ds, nsVOID+"feature", W3CFormats+f.w3c)
		}
	}
	b.iri(ds, nsVOID+"sparqlEndpoint", d.SPARQLEndpoint)

	voidLinks(&b, d, s)

	vocab := map[string]bool{}
	for _, c := range sortedKeys(s.Classes) {
		p := partitionIRI(d, "class", c)
		b.iri(ds, nsVOID+"classPartition", p)
		b.iri(p, nsVOID+"class", c)
		b.int(p, nsVOID+"entities", s.Classes[c])
		vocab[namespaceOf(c)] = true
	}
	for _, prop := range sortedKeys(s.Properties) {
		p := partitionIRI(d, "property", prop)
		b.iri(ds, nsVOID+"propertyPartition", p)
		b.iri(p, nsVOID+"property", prop)
		b.int(p, nsVOID+"triples", s.Properties[prop])
		vocab[namespaceOf(prop)] = true
	}
	vs := sortedKeys(vocab)
	sort.Strings(vs)
	for _, v := range vs {
		b.iri(ds, nsVOID+"vocabulary", v)
	}
	return b.sorted()
}
