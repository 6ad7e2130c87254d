package server

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The pages are in Swedish, the language of the data, or in English.
// A page's language is the one its URL asks for (?lang=en), else the one
// the reader chose before (the lang cookie the switch link sets), else
// the first of the two the Accept-Language header prefers, else Swedish.
const (
	langSV      = "sv"
	langEN      = "en"
	langCookie  = "lang"
	langParam   = "lang"
	defaultLang = langSV
)

// pageLanguages are the languages of the interface, Swedish first.
var pageLanguages = []string{langSV, langEN}

// otherLang is the language the switch link offers.
func otherLang(l string) string {
	if l == langEN {
		return langSV
	}
	return langEN
}

// requestLang returns the language a page is rendered in for r.
func requestLang(r *http.Request) string {
	if l := r.URL.Query().Get(langParam); slices.Contains(pageLanguages, l) {
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil && slices.Contains(pageLanguages, c.Value) {
		return c.Value
	}
	return acceptLang(r.Header.Values("Accept-Language"))
}

// acceptLang picks Swedish or English by an Accept-Language header (RFC
// 9110, 12.5.4): the language with the higher weight, the earlier on a
// tie; a range "sv-FI" counts for sv, "*" for Swedish; Swedish when
// neither is acceptable.
func acceptLang(values []string) string {
	best, bestQ := "", 0.0
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			tag = strings.ToLower(strings.TrimSpace(tag))
			q := 1.0
			for p := range strings.SplitSeq(params, ";") {
				if k, val, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil && f >= 0 && f <= 1 {
						q = f
					}
				}
			}
			primary, _, _ := strings.Cut(tag, "-")
			lang := ""
			switch primary {
			case langSV, "*":
				lang = langSV
			case langEN:
				lang = langEN
			}
			if lang != "" && q > bestQ {
				best, bestQ = lang, q
			}
		}
	}
	return cmp.Or(best, defaultLang)
}

// negotiateLang decides the language of an HTML answer and says so to
// caches: the answer varies with Accept-Language and the cookie. A
// request that names the language (?lang=) keeps it in a cookie, so the
// links of the page, which do not carry it, stay in that language.
func negotiateLang(w http.ResponseWriter, r *http.Request) string {
	w.Header().Add("Vary", "Accept-Language, Cookie")
	l := requestLang(r)
	if q := r.URL.Query().Get(langParam); slices.Contains(pageLanguages, q) {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: q, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode})
	}
	return l
}

// pageParams are the parameters of the pages' URLs; the switch link
// keeps them and drops any other.
var pageParams = []string{"q", "class", "page", "query", "format"}

// switchLink is the link to the page in the other language: the same
// URL with lang= set.
func switchLink(r *http.Request, current string) linkView {
	other := otherLang(current)
	q := url.Values{}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		for _, k := range pageParams {
			if vs, ok := r.URL.Query()[k]; ok {
				q[k] = vs
			}
		}
	}
	q.Set(langParam, other)
	u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
	text := "Svenska"
	if other == langEN {
		text = "English"
	}
	return linkView{Href: u.String(), Text: text, Lang: other}
}

// swedish translates the interface's English strings; a key may be a
// fmt format. TestTranslations checks that every string the templates
// translate is here.
var swedish = map[string]string{
	// layout
	"Skip to content": "Hoppa till innehållet",
	"Site":            "Webbplatsen",
	"Browse":          "Bläddra",
	"Query":           "Fråga",
	"Ontology":        "Ontologi",
	"Site search":     "Sök på webbplatsen",
	"Search labels":   "Sök namn",
	"Search":          "Sök",
	"Language":        "Språk",
	"Data":            "Data",
	"SPARQL endpoint": "SPARQL-ändpunkt",
	"ontology":        "ontologin",
	"Every statement links to the page and quote of the report that states it.": "Varje uppgift länkar till sidan och citatet i rapporten som anger den.",
	// provenance
	"p. %s":              "s. %s",
	"Passage, p. %s":     "Stycke, s. %s",
	"Passage, PDF p. %s": "Stycke, PDF-s. %s",
	"PDF p. %s":          "PDF-s. %s",
	"Source:":            "Källa:",
	"Source":             "Källa",
	"the passage":        "stycket",
	"quoted above":       "citerat ovan",
	// entity page
	"IRI":                              "IRI",
	"Type":                             "Typ",
	"Kind":                             "Slag",
	"Identifiers":                      "Identifierare",
	"Links out":                        "Länkar ut",
	"Names":                            "Namn",
	"Name":                             "Namn",
	"Property":                         "Egenskap",
	"Other names":                      "Andra namn",
	"The passage":                      "Stycket",
	"Printed page %s, PDF page %s.":    "Tryckt sida %s, PDF-sida %s.",
	"PDF page %s.":                     "PDF-sida %s.",
	"Relations":                        "Relationer",
	"Facts":                            "Uppgifter",
	"Held by":                          "Innehas av",
	"Conferred by":                     "Ges av",
	"Confers":                          "Ger mandaten",
	"Linked from":                      "Länkas från",
	"and %d more (use the query page)": "och %d till (använd frågesidan)",
	"Where the report mentions it":     "Var rapporten nämner det",
	"Statements in this graph":         "Uppgifter i denna graf",
	"Subject":                          "Subjekt",
	"Value":                            "Värde",
	"and %d more.":                     "och %d till.",
	"This description as data":         "Beskrivningen som data",
	"N-Quads (with provenance graphs)": "N-Quads (med proveniensgrafer)",
	// front page
	"Find a region, law, agency or project": "Hitta en region, lag, myndighet eller ett projekt",
	"Name, in Swedish or English":           "Namn, på svenska eller engelska",
	"What the graph holds":                  "Vad grafen innehåller",
	"%d distinct triples about %d things, stated in %d quoted passages of the report (%d named graphs); %s of the things link to the passages they come from.": "%d olika tripplar om %d saker, angivna i %d citerade stycken ur rapporten (%d namngivna grafer); %s av sakerna länkar till styckena de kommer från.",
	"Things per class": "Saker per klass",
	"Class":            "Klass",
	"Count":            "Antal",
	"Use the data":     "Använd data",
	"Query page":       "Frågesidan",
	"with example queries; SPARQL 1.1 endpoint at": "med exempelfrågor; SPARQL 1.1-ändpunkt på",
	"(CORS enabled).": "(CORS tillåtet).",
	"The ontology":    "Ontologin",
	": classes, properties and their alignments.": ": klasser, egenskaper och hur de motsvarar andra vokabulärer.",
	"Dataset descriptions:":                       "Beskrivningar av datamängden:",
	"as":                                          "som",
	"and":                                         "och",
	"Downloads":                                   "Nedladdningar",
	"Questions to ask":                            "Frågor att ställa",
	// browse
	"Browse by class":               "Bläddra efter klass",
	"%d things":                     "%d saker",
	", page %d of %d":               ", sida %d av %d",
	"Pages":                         "Sidor",
	"Previous":                      "Föregående",
	"Next":                          "Nästa",
	"Actors":                        "Aktörer",
	"Mandates":                      "Mandat",
	"Laws":                          "Lagar",
	"Instruments":                   "Instrument",
	"Themes":                        "Teman",
	"Places":                        "Platser",
	"The report and its provenance": "Rapporten och dess proveniens",
	"Classes of other vocabularies": "Klasser i andra vokabulärer",
	// search
	"Search: %s":          "Sök: %s",
	"%d matches for “%s”": "%d träffar för ”%s”",
	"1 match for “%s”":    "1 träff för ”%s”",
	"No exact match; these match when å, ä and ö are read as a and o.":                                                                              "Ingen exakt träff; dessa träffar när å, ä och ö läses som a och o.",
	"Nothing found. Searching ignores case and accents other than å, ä and ö, matches word beginnings and Swedish genitive forms (Skånes → Skåne).": "Inget hittades. Sökningen bortser från versaler och från andra accenter än å, ä och ö, hittar ordbörjan och svensk genitiv (Skånes → Skåne).",
	// ontology
	"Version":                            "Version",
	"Namespace":                          "Namnrymd",
	"prefix":                             "prefix",
	"License":                            "Licens",
	"Modified":                           "Ändrad",
	"As data":                            "Som data",
	"Contents":                           "Innehåll",
	"Class hierarchy":                    "Klasshierarki",
	"Classes":                            "Klasser",
	"Properties":                         "Egenskaper",
	"Alignments":                         "Motsvarigheter",
	"Alignments with other vocabularies": "Motsvarigheter i andra vokabulärer",
	"Term":                               "Term",
	"Relation":                           "Relation",
	"Aligned with":                       "Motsvarar",
	"Label":                              "Etikett",
	"Also called":                        "Kallas också",
	"Definition":                         "Definition",
	"Note":                               "Anmärkning",
	"Subclass of":                        "Underklass till",
	"Subproperty of":                     "Underegenskap till",
	"Subclasses":                         "Underklasser",
	"Subproperties":                      "Underegenskaper",
	"Domain":                             "Domän",
	"Range":                              "Värdemängd",
	"Properties of its instances":        "Instansernas egenskaper",
	"Values of":                          "Värde för",
	"In the graph":                       "I grafen",
	"%d instances":                       "%d instanser",
	"ObjectProperty":                     "Objektegenskap",
	"DatatypeProperty":                   "Dataegenskap",
	"AnnotationProperty":                 "Annoteringsegenskap",
	// errors
	"nothing is known about %s":                     "inget är känt om %s",
	"no instances of that class":                    "klassen har inga instanser",
	"no such file":                                  "filen finns inte",
	"no such dump; see the front page for the list": "dumpen finns inte; se startsidan för listan",
	"search text longer than 200 bytes":             "söktexten är längre än 200 byte",
	"Front page":                                    "Startsidan",
	"Not Found":                                     "Hittades inte",
	"Bad Request":                                   "Felaktig begäran",
	"Method Not Allowed":                            "Metoden är inte tillåten",
	"Not Acceptable":                                "Inget godtagbart format",
	"Internal Server Error":                         "Internt serverfel",
	"Service Unavailable":                           "Tjänsten är inte tillgänglig",
}

// translate returns the interface string key in lang, formatted with args
// when there are any.
func translate(lang, key string, args ...any) string {
	if lang == langSV {
		if s, ok := swedish[key]; ok {
			key = s
		}
	}
	if len(args) == 0 {
		return key
	}
	return fmt.Sprintf(key, args...)
}
