// Package register holds what kg knows before it reads a text: the public
// registers of Swedish actors, places and laws (vendored with their sources
// under data/), and a curated vocabulary of the genre (EU funds and
// programmes, national strategies, standard mandates, policy themes, group
// nouns). Nothing here exists because one report mentions it.
//
// Load builds the Registry from the embedded files once; LoadFS builds one
// from any directory of the same files. Each file is one register with one
// Source:
//
//	counties.csv        County and, for its regional body, Region     scb-counties
//	municipalities.csv  Municipality                                  scb-municipalities
//	ministries.csv      Ministry                                      rk-ministries
//	agencies.csv        GovernmentAgency, CountyAdministrativeBoard,  esv-agencies
//	                    University (courts are GovernmentAgency)
//	laws.csv            Act, Ordinance                                sfs-laws
//	vocabulary.tsv      the genre: Fund, Programme, Strategy, Plan,   kg-vocabulary
//	                    Mandate, Theme, Group, Government, …
//
// # Names
//
// Registry.Names lists every form a recogniser should match, each with the
// entry it names and its kind. Besides the names the registers give, rules
// of Swedish (swedish.go, language data) make the forms texts use:
// "Stockholms kommun" and "Malmö kommun" from a municipality's short name,
// "Region Kalmar" from "Region Kalmar län", "Länsstyrelsen Skåne" from
// "Länsstyrelsen i Skåne län", "Kulturrådet" from "Statens kulturråd",
// "lagen (2010:630) om regionalt utvecklingsansvar" from a law's title and
// number.
//
// A name two entries share is a Clash. A name a source gives outranks a
// former name, and both outrank a form a rule derived ("Uppsala" is the
// municipality; the county is "Uppsala län"). Between equals the name
// resolves to no entry and stays a label only ("Statskontoret", the name of
// a dissolved agency and of the one that took it over; "ESF", the Social
// Fund and the ESF Council). Spelling variants of an entry's own name in a
// source are left out (Registry.Skipped).
//
// # Decisions
//
// Region Gotland is one entity: a municipality that holds the regional
// body's tasks. Its entry has the key "region:09", class Region, Also
// Municipality, and is found by "municipality:0980" too; it carries both
// codes. Courts are kept as GovernmentAgency entries with a note: their
// names ("Nacka tingsrätt") are distinctive and clash with nothing. Only a
// Wikidata item paired with an identifier (SCB code, ISO code,
// organisation number) becomes owl:sameAs; an item matched by name is a
// "wikidataCandidate".
package register
