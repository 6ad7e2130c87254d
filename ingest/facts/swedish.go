package facts

import "kg/ingest/doc"

// Swedish words the matchers read. Words are lower case; phrases are
// written as text and split into tokens by phrase, so "fr.o.m." matches
// "fr.o.m." and "fr. o. m." alike.

var months = map[string]int{
	"januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6,
	"juli": 7, "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}

// abbreviatedMonth tells the month words that may carry a full stop.
var abbreviatedMonth = map[string]bool{
	"jan": true, "feb": true, "febr": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "okt": true, "nov": true, "dec": true,
}

// numerals are the number words that count amounts ("två miljarder") and
// durations ("under tre år", "treårig").
var numerals = map[string]int{
	"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
	"nio": 9, "tio": 10, "elva": 11, "tolv": 12, "femton": 15, "tjugo": 20, "trettio": 30,
}

// scales multiply the number before them: powers of ten.
var scales = map[string]int{
	"tusen": 3, "tusentals": 3,
	"miljon": 6, "miljoner": 6, "milj": 6, "mn": 6, "mln": 6,
	"miljard": 9, "miljarder": 9, "md": 9, "mdr": 9, "mrd": 9,
}

// scaleStop tells the scale words that may carry a full stop ("milj.").
var scaleStop = map[string]bool{"milj": true, "mn": true, "mln": true, "md": true, "mdr": true, "mrd": true}

// currencies are words for a currency after a number (and scale).
var currencies = map[string]string{
	"kronor": "SEK", "krona": "SEK", "kr": "SEK", "sek": "SEK", "kronors": "SEK",
	"euro": "EUR", "eur": "EUR", "€": "EUR", "euros": "EUR",
	"dollar": "USD", "usd": "USD",
}

// units are words that hold both a scale and a currency.
type unit struct {
	exp      int
	currency string
}

var units = map[string]unit{
	"tkr": {3, "SEK"}, "tsek": {3, "SEK"}, "ksek": {3, "SEK"},
	"mkr": {6, "SEK"}, "mnkr": {6, "SEK"}, "msek": {6, "SEK"}, "mnsek": {6, "SEK"}, "mlnkr": {6, "SEK"},
	"mdkr": {9, "SEK"}, "mdrkr": {9, "SEK"}, "mrdkr": {9, "SEK"}, "mdsek": {9, "SEK"}, "mdrsek": {9, "SEK"},
	"teur": {3, "EUR"}, "keur": {3, "EUR"}, "meur": {6, "EUR"}, "mneur": {6, "EUR"}, "mdeur": {9, "EUR"},
}

// unitStop tells the units that may carry a full stop ("tkr.").
var unitStop = map[string]bool{"tkr": true, "mkr": true, "mnkr": true, "mdkr": true, "mdrkr": true}

// percent words after a number make a share.
var percent = map[string]bool{"procent": true, "%": true, "procents": true}

// fractionWords are the parts a fraction names, each with its whole:
// "en fjärdedel", "tre fjärdedelar". Only those whose per cent is a finite
// decimal (no "tredjedel": a third is no xsd:decimal).
var fractionWords = map[string]int{
	"fjärdedel": 4, "fjärdedelar": 4, "femtedel": 5, "femtedelar": 5, "åttondel": 8, "åttondelar": 8,
	"tiondel": 10, "tiondelar": 10, "tjugondel": 20, "tjugondelar": 20,
}

// hedges stand before an amount or share and go to the qualifier, not the
// value. Longer phrases first.
var hedges = phrases(
	"strax över", "strax under", "mer än", "mindre än", "upp till", "i storleksordningen",
	"drygt", "dryga", "cirka", "ca.", "ca", "c:a", "omkring", "ungefär", "runt", "närmare", "nära",
	"högst", "minst", "över", "nästan", "knappt", "uppemot", "totalt", "sammanlagt", "ytterligare",
)

// scopeWords are the scope phrases of an amount that carry no year.
var scopeWords = phrases(
	"per år", "per månad", "per invånare", "varje år", "varje månad", "om året", "i året",
	"årligen", "totalt", "sammanlagt", "i år",
)

// A cue is a word or phrase before a date that tells what the date is.
type cue struct {
	words []string
	kind  doc.FactKind
}

func cues(kind doc.FactKind, ps ...string) []cue {
	out := make([]cue, len(ps))
	for i, p := range ps {
		out[i] = cue{phrase(p), kind}
	}
	return out
}

// preCues stand before a date or year (past fillers such as "den", "år",
// "i"). "till" alone is a target year ("till 2030"); after a verb of
// lasting it is an end (see lastingVerbs).
var preCues = longestFirst(concat(
	cues(doc.Start,
		"från och med", "fr.o.m.", "fr.o.m", "fr o m", "från", "sedan", "alltsedan", "ända sedan",
		"med start", "med början", "startar", "startade", "startades", "startat", "start",
		"inleddes", "inleds", "inletts", "började", "börjar", "påbörjades", "påbörjas",
		"i kraft", "tillträdde", "tillträder", "bildades", "grundades", "inrättades",
		"etablerades", "infördes", "införs", "införts", "gäller från"),
	cues(doc.End,
		"till och med", "t.o.m.", "t.o.m", "t o m", "fram till och med", "fram till",
		"avslutades", "avslutas", "avslutats", "upphör", "upphörde", "upphört", "upphör att gälla",
		"löper ut", "löpte ut", "avvecklades", "avvecklas", "slutade", "slutar", "utgången av"),
	cues(doc.Date,
		"beslutade", "beslutade om", "beslutades", "beslöt", "beslutat", "fattade beslut",
		"antogs", "antog", "antagen", "antaget", "fastställdes", "fastställd", "fastställt",
		"godkändes", "undertecknades", "presenterades", "lanserades", "senast", "till",
		"klar", "klart", "klara", "färdig", "färdigt", "färdigställd", "färdigställt",
		"färdigställas", "färdigställdes", "slutförd", "slutfört", "slutföras", "genomförd",
		"genomfört", "genomföras", "uppnås", "uppnått", "nås", "målår", "målåret"),
))

// postCues stand right after a date or year that opens a clause ("Den 1
// januari 2019 tog Region X över ansvaret", "2011 infördes modellen").
var postCues = longestFirst(concat(
	cues(doc.Start,
		"startade", "startades", "inleddes", "började", "påbörjades", "tog", "tillträdde", "bildades",
		"grundades", "inrättades", "etablerades", "infördes", "trädde", "övergick"),
	cues(doc.End,
		"avslutades", "upphörde", "avvecklades", "slutade", "löpte ut", "lades ned", "lades ner"),
	cues(doc.Date,
		"beslutade", "beslutades", "beslöt", "antogs", "fastställdes", "godkändes",
		"undertecknades", "lanserades", "presenterades"),
))

// agentVerbs are the verb cues (of preCues) that may stand before a
// phrase naming who or how, the year after it: "inrättades genom ett
// regeringsbeslut 2018", "antogs av regionfullmäktige 2020".
var agentVerbs = map[string]bool{
	"startades": true, "inleddes": true, "påbörjades": true, "bildades": true, "grundades": true,
	"inrättades": true, "etablerades": true, "infördes": true, "avslutades": true, "avvecklades": true,
	"beslutades": true, "antogs": true, "fastställdes": true, "godkändes": true, "undertecknades": true,
	"presenterades": true, "lanserades": true,
}

// agentPreps open the phrase between an agent verb and its year.
var agentPreps = map[string]bool{"av": true, "genom": true, "i": true, "hos": true, "vid": true, "på": true}

// fillers may stand between a cue and its date: "från och med år 2011",
// "senast i december 2025", "trädde i kraft den 1 juli".
var fillers = map[string]bool{
	"den": true, "år": true, "året": true, "i": true, "under": true,
	"våren": true, "hösten": true, "sommaren": true, "vintern": true,
	"slutet": true, "början": true, "mitten": true, "av": true,
}

// lastingVerbs before "till" make it an end ("gäller till 2025").
var lastingVerbs = map[string]bool{
	"gäller": true, "gällde": true, "pågår": true, "pågick": true, "löper": true, "löpte": true,
	"sträcker": true, "sträckte": true, "varar": true, "varade": true, "förlängs": true,
	"förlängdes": true, "förlängts": true, "förlängt": true, "fortsätter": true, "fortsatte": true,
}

// documentNouns before "från" make it a document's date, not a start
// ("en rapport från 2019").
var documentNouns = map[string]bool{
	"rapport": true, "rapporten": true, "rapporter": true, "utredning": true, "utredningen": true,
	"statistik": true, "statistiken": true, "siffror": true, "siffrorna": true, "uppgifter": true,
	"uppgifterna": true, "data": true, "enkät": true, "enkäten": true, "undersökning": true,
	"undersökningen": true, "studie": true, "studien": true, "analys": true, "analysen": true,
	"skrivelse": true, "skrivelsen": true, "proposition": true, "propositionen": true,
	"betänkande": true, "betänkandet": true, "dokument": true, "dokumentet": true,
	"version": true, "versionen": true, "beslut": true, "beslutet": true, "publikation": true,
	"utvärdering": true, "utvärderingen": true, "kartläggning": true, "kartläggningen": true,
}

// durationUnits are the units of a stated duration.
var durationUnits = map[string]string{"år": "Y", "månader": "M", "månad": "M"}

// durationLeads stand before a duration: "under tre år", "pågår i fyra år".
// "på" and "om" lead one only after a word for a period ("en period på tre
// år"): alone they mean "within" and "in" ("om tre år").
var durationLeads = map[string]bool{
	"under": true, "i": true, "pågår": true, "pågick": true, "löper": true, "varar": true,
	"varade": true, "omfattar": true,
}

var periodNouns = map[string]bool{"period": true, "perioden": true, "tidsperiod": true, "tid": true}

// durationTails after "N år" make it an age or a time ago, not a duration.
var durationTails = map[string]bool{
	"sedan": true, "senare": true, "tidigare": true, "efter": true, "gammal": true, "gammalt": true,
	"gamla": true, "äldre": true, "yngre": true, "innan": true, "före": true,
}

// Suffixes of duration adjectives and compounds: "treårig", "tvåårigt",
// "3-åriga", "femårsperiod".
var durationSuffixes = []string{"åriga", "årigt", "årig", "årsperioden", "årsperiod"}

func phrases(ps ...string) [][]string {
	out := make([][]string, len(ps))
	for i, p := range ps {
		out[i] = phrase(p)
	}
	return longestPhrases(out)
}

func longestPhrases(ps [][]string) [][]string {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && len(ps[j]) > len(ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}

func longestFirst(cs []cue) []cue {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && len(cs[j].words) > len(cs[j-1].words); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
	return cs
}

func concat(css ...[]cue) []cue {
	var out []cue
	for _, cs := range css {
		out = append(out, cs...)
	}
	return out
}
