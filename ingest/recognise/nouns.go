package recognise

import (
	"slices"
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// classNouns are the genre's nouns that tell the class of a name next to
// them ("projektet Smart Industri", "nätverket Reglab", "Almi, ett bolag
// som …"), keyed by stem. Language data of the genre, not of a text.
var classNouns = map[string]string{}

func init() {
	for class, nouns := range map[string][]string{
		"Project":     {"projekt", "projektet", "projekten", "satsning", "satsningen", "initiativ", "initiativet", "pilotprojekt", "pilotprojektet", "förstudie", "förstudien", "insats", "insatsen"},
		"Programme":   {"program", "programmet", "programmen", "modell", "modellen", "koncept", "konceptet", "programområde", "programområdet"},
		"Network":     {"nätverk", "nätverket", "kluster", "klustret"},
		"Platform":    {"plattform", "plattformen", "forum", "forumet", "mötesplats", "mötesplatsen", "arena", "arenan", "råd", "rådet", "centrum", "centret", "inkubator", "inkubatorn", "portal", "portalen", "kommission", "kommissionen", "center", "centret", "applikation", "applikationen", "databas", "databasen"},
		"Strategy":    {"strategi", "strategin", "handlingsplan", "handlingsplanen", "agenda", "agendan"},
		"Plan":        {"plan", "planen"},
		"Fund":        {"fond", "fonden"},
		"Partnership": {"partnerskap", "partnerskapet", "samarbete", "samarbetet", "samverkan", "överenskommelse", "överenskommelsen"},
		"Association": {"förening", "föreningen", "stiftelse", "stiftelsen", "förbund", "förbundet", "organisation", "organisationen", "intresseorganisation", "avdelning", "avdelningen"},
		"Company":     {"bolag", "bolaget", "företag", "företaget", "aktiebolag", "aktiebolaget"},
		"Event":       {"konferens", "konferensen", "mässa", "mässan", "festival", "festivalen"},
	} {
		listed := map[string]bool{}
		for _, n := range nouns {
			classNouns[lang.Stem(n)] = class
			listed[n] = true
			classNounList = append(classNounList, classNoun{n, class})
		}
		for _, n := range nouns {
			for _, end := range []string{"et", "en", "n", "t"} {
				base := strings.TrimSuffix(n, end)
				// "programmet": the consonant doubles before the ending
				if k := len(base); base != n && (listed[base] || k > 2 && base[k-1] == base[k-2] && listed[base[:k-1]]) {
					definiteNouns[n] = true
				}
			}
		}
	}
}

// classNounList holds the class nouns, longest first, for the heads of
// compounds.
var classNounList []classNoun

type classNoun struct{ noun, class string }

func init() {
	slices.SortFunc(classNounList, func(a, b classNoun) int {
		if d := len(b.noun) - len(a.noun); d != 0 {
			return d
		}
		return strings.Compare(a.noun, b.noun)
	})
}

// personTitles are nouns that title a person: "statsrådet Anna Berg"
// names a minister, not a council, and persons are not annotated.
var personTitles = []string{"statsråd", "kommunalråd", "regionråd", "landstingsråd", "oppositionsråd", "landshövding", "generaldirektör"}

// personTitle reports whether the lower-case noun w is a person's title in
// any of its inflected forms ("statsrådet", "landshövdingen").
func personTitle(w string) bool {
	for _, t := range personTitles {
		if rest, ok := strings.CutPrefix(w, t); ok && slices.Contains([]string{"", "s", "en", "et", "ens", "ets", "ar", "arna", "er", "erna", "na"}, rest) {
			return true
		}
	}
	return false
}

// definiteNouns are the definite singular forms of the class nouns
// ("projektet", "strategin"), which refer to one thing named before;
// "företagen" is plural and refers to no one thing.
var definiteNouns = map[string]bool{}

// definiteNoun reports whether w is a class noun in its definite singular.
func definiteNoun(w string) bool { return definiteNouns[strings.ToLower(w)] }

// nounClass returns the class a noun tells, or "".
func nounClass(w string) string {
	if c, ok := classNouns[lang.Stem(w)]; ok {
		return c
	}
	return ""
}

// connectors may stand between the capitalised words of one name
// ("Sätt Östergötland i rörelse", "Forum för folkhälsa").
var connectors = map[string]bool{"i": true, "för": true, "på": true, "med": true, "till": true, "av": true, "&": true, "om": true, "mot": true,
	"in": true, "of": true, "for": true} // and in English names: "Invest in Skåne"

// notNames are capitalised words that open sentences or headings without
// starting a name.
var notNames = map[string]bool{}

func init() {
	for _, w := range strings.Fields("Det Den De Detta Denna Dessa Där Här Som Men Och Att För I På Med Till Av Om En Ett Alla Samtliga Vi Man Sedan Under Efter Genom Inom Även Också Så När Hur Vad Vilka Vilket Både Bland Mellan Utifrån Enligt Inte Nu Idag Många Flera Andra Varje Region Regionen Regionerna Kommunen Kommunerna Länsstyrelsen Projektet Syftet Målet Arbetet Källa Bilden Figur Tabell Exempel Läs Se Mer Kontakt " +
		"Sverige Sveriges Europa Norden Norge Finland Danmark Tyskland Ett") {
		notNames[w] = true
	}
}

// countries are the names of countries and continents, which are not
// actors of the genre however they are coordinated ("mellan Sverige och
// Europeiska kommissionen", "norra Sverige, Finland och Norge").
var countries = map[string]bool{}

func init() {
	for _, w := range strings.Fields("Sverige Norge Finland Danmark Island Tyskland Frankrike Polen Estland Lettland Litauen Nederländerna Belgien " +
		"Storbritannien Irland Spanien Italien Österrike Ryssland Europa Norden Skandinavien Afrika Asien Amerika Kina Indien Japan") {
		countries[w] = true
		countries[w+"s"] = true
	}
}

// englishHeads are the class nouns of organisations named in English
// ("Enterprise Europe Network", "Dalarna Science Park", "Swedish Lapland
// visitors board").
var englishHeads = map[string]string{"network": "Network", "park": "Company", "board": "Association", "council": "Association",
	"centre": "Platform", "center": "Platform", "cluster": "Network", "hub": "Platform", "alliance": "Partnership", "partnership": "Partnership"}

// englishClass tells the class an English head noun among the words
// [i, j) of a name gives it, or "".
func englishClass(toks []doc.Token, i, j int) string {
	for k := j - 1; k > i; k-- {
		if c, ok := englishHeads[low(toks[k])]; ok {
			return c
		}
	}
	return ""
}

// englishTail extends a capitalised name ending at j with the lower-case
// English words that end it in a head noun: "Swedish Lapland visitors
// board".
func englishTail(toks []doc.Token, j int) int {
	for k := j; k < len(toks) && k < j+2 && toks[k].Kind == doc.Word && !lang.UpperFirst(toks[k].Text); k++ {
		if _, ok := englishHeads[low(toks[k])]; ok {
			return k + 1
		}
	}
	return j
}
