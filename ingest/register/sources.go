package register

// Source keys, one per vendored file.
const (
	SrcCounties       = "scb-counties"
	SrcMunicipalities = "scb-municipalities"
	SrcAgencies       = "esv-agencies"
	SrcMinistries     = "rk-ministries"
	SrcLaws           = "sfs-laws"
	SrcVocabulary     = "kg-vocabulary"
)

// sources cites each vendored file; data/SOURCES.md says the same at more
// length.
var sources = []Source{
	{
		Key:      SrcCounties,
		Title:    "Län och regioner: SCB-länskoder, ISO 3166-2, NUTS 3, Wikidata, regionernas organisationsnummer",
		URL:      "https://github.com/sjbrg/swedish-geodata",
		Licence:  "Facts from public registers (SCB county codes, ISO 3166-2, Eurostat NUTS); Wikidata identifiers and organisation numbers CC0 1.0",
		File:     "counties.csv",
		Prepared: "2026-12-05",
	},
	{
		Key:      SrcMunicipalities,
		Title:    "Kommuner: SCB-kommunkoder, namn, län, organisationsnummer",
		URL:      "https://github.com/sjbrg/swedish-geodata",
		Licence:  "Facts from public registers (SCB municipality codes, SKL/SKR address list); organisation numbers and Wikidata identifiers CC0 1.0",
		File:     "municipalities.csv",
		Prepared: "2026-12-05",
	},
	{
		Key:      SrcMinistries,
		Title:    "Regeringskansliets departement 2023–2026",
		URL:      "https://www.government.se/government-offices/",
		Licence:  "Facts from public records (ESV and Statskontoret department fields); names of public bodies",
		File:     "ministries.csv",
		Prepared: "2026-12-05",
	},
	{
		Key:      SrcAgencies,
		Title:    "Statliga myndigheter: ESV:s myndighetsregister, Statskontorets myndighetslista, SCB:s myndighetsregister",
		URL:      "https://github.com/civictechsweden/myndighetsdata",
		Licence:  "Facts from public records (ESV, Statskontoret, SCB registers); Wikidata identifiers CC0 1.0; the compilation's own licence is not stated in the reference notes",
		File:     "agencies.csv",
		Prepared: "2026-12-05",
	},
	{
		Key:      SrcLaws,
		Title:    "Svensk författningssamling: lagar och förordningar om regional utveckling",
		URL:      "https://lagen.nu/",
		Licence:  "Statutes are free of copyright (upphovsrättslagen 9 §); numbers and titles are facts",
		File:     "laws.csv",
		Prepared: "2026-12-05",
	},
	{
		Key:      SrcVocabulary,
		Title:    "kg:s vokabulär för regional utvecklingspolitik: EU-fonder och program, nationella instrument, mandat, teman, gruppord",
		URL:      "https://w3id.org/regionalkg/ontology",
		Licence:  "CC0 1.0 (curated by the kg project from general knowledge of the field)",
		File:     "vocabulary.tsv",
		Prepared: "2026-12-05",
	},
}
