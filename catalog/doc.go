// Package catalog describes kg's dataset for catalogues: a VoID description
// (statistics, partitions, dumps, SPARQL endpoint) and a DCAT-AP-SE record,
// Sweden's profile of DCAT-AP that dataportal.se harvests.
//
// Both functions build plain quads from a Dataset and a Stats value; they
// read no store and do no I/O, so the command line decides where the
// numbers come from (Counter computes them from a stream of quads) and the
// export package decides the syntax (the "dcat" export format writes DCAT
// as RDF/XML, which is what the portal harvests).
//
// Every catalogue, dataset, distribution, data service, publisher and
// contact resource gets an absolute IRI under Dataset.Base; only VoID
// partitions use IRIs derived from the partitioned class or property.
// Controlled values use the EU Publications Office authority tables
// (data themes, languages, file types, access rights, countries) and IANA
// media-type IRIs, as DCAT-AP requires.
//
// Dates are never taken from the clock: Issued and Modified come from the
// caller, so the same input always gives the same description.
package catalog
