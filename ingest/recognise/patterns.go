package recognise

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// cand is a candidate mention over tokens [from, to) of a sentence.
type cand struct {
	from, to int
	class    string
	rule     string
	key      string
	sfs      string
	name     string // normalised name; the span's text when empty
	group    bool
	score    float64
	prio     int // higher wins among spans of equal length
	alt      int // with hasAlt: the start of a longer verbatim form (a task with its lead)
	altTo    int // and its end, when not the candidate's own
	hasAlt   bool
}

var sfsRe = regexp.MustCompile(`^(1[89]\d\d|20\d\d):(\d{1,4})$`)

func low(t doc.Token) string { return strings.ToLower(t.Text) }

// lawStop ends the "om …" part of a law's name.
var lawStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("som är var har hade ska skulle kan samt men där vilket vilka när genom enligt tydliggörs finns anger styr reglerar innebär gäller ger och eller i från till med att trädde träder infördes blev fick får sägs säger framgår står beskrivs bygger ligger kräver medför tas togs tagits fram revideras omfattar handlar beslutas beslutades antogs " +
		"beskriver listar innehåller pekar visar syftar lyfter fokuserar utgår tar identifierar bygger " +
		"ansvarar ansvarade ansvar uppgift uppgiften uppdrag uppdraget skyldighet kompletterar ersätter ersatte") {
		lawStop[w] = true
	}
}

// lawHead tells the class of a word that names a law on its own or heads a
// law's name: "lagen", "förordningen", "kommunallagen", "miljöbalken".
func lawHead(w string) string {
	l := strings.ToLower(w)
	switch l {
	case "lag", "lagen", "lagar", "lagarna":
		return "Act"
	case "förordning", "förordningen", "förordningar", "förordningarna":
		return "Ordinance"
	}
	for _, suf := range []string{"lagen", "lag", "balken", "balk"} {
		if !strings.HasSuffix(l, suf) {
			continue
		}
		stem := strings.TrimSuffix(l, suf)
		if len([]rune(stem)) < 3 || notLaw(l) {
			return ""
		}
		return "Act"
	}
	if strings.HasSuffix(l, "förordningen") && len(l) > len("förordningen")+2 {
		return "Ordinance"
	}
	return ""
}

// notLaws are compounds of "-lag" that are no laws: a proposal, a grant,
// a basis, a company, a team.
var notLaws = []string{"förslag", "anslag", "inslag", "utslag", "beslag", "underlag", "upplag", "nedslag", "omslag",
	"genomslag", "avslag", "påslag", "tillslag", "bolag", "förlag", "överlag", "arbetslag", "uppslag"}

func notLaw(w string) bool {
	for _, suf := range []string{"en", "et", "s", ""} {
		b, ok := strings.CutSuffix(w, suf)
		if !ok {
			continue
		}
		for _, n := range notLaws {
			if strings.HasSuffix(b, n) {
				return true
			}
		}
	}
	return false
}

// euActs finds the EU's regulations and directives named by their
// field: "EU:s kollektivtrafikförordning", "EU:s dataskyddsdirektiv".
func euActs(toks []doc.Token) []cand {
	var out []cand
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text != "EU:s" || toks[i+1].Kind != doc.Word {
			continue
		}
		w := low(toks[i+1])
		for _, h := range []string{"förordning", "förordningen", "direktiv", "direktivet"} {
			if strings.HasSuffix(w, h) && len(w) > len(h)+3 {
				out = append(out, cand{from: i, to: i + 2, class: "EURegulation", rule: "pattern:law", prio: 2})
				break
			}
		}
	}
	return out
}

// laws finds law citations: "lagen (2010:630) om regionalt
// utvecklingsansvar", "förordning (2017:583) om …", "plan- och bygglagen",
// "SFS 2010:630".
func laws(toks []doc.Token) []cand {
	var out []cand
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == doc.Number && sfsRe.MatchString(t.Text) && i > 0 && toks[i-1].Text == "SFS" {
			out = append(out, cand{from: i - 1, to: i + 1, class: "Act", rule: "pattern:sfs", sfs: t.Text, prio: 1})
			continue
		}
		class := lawHead(t.Text)
		if class == "" || t.Kind != doc.Word {
			continue
		}
		// Swedish writes laws' names in lower case: a capitalised
		// "-lagen" inside a sentence is a place ("Västerbergslagen")
		if lang.UpperFirst(t.Text) && i > 0 && toks[i-1].Kind != doc.Punct {
			continue
		}
		from, j, sfs := i, i+1, ""
		// "plan- och bygglagen", "hälso- och sjukvårdslagen"
		if i >= 2 && low(toks[i-1]) == "och" && strings.HasSuffix(toks[i-2].Text, "-") {
			from = i - 2
		}
		if j+2 < len(toks) && toks[j].Text == "(" && sfsRe.MatchString(toks[j+1].Text) && toks[j+2].Text == ")" {
			sfs = toks[j+1].Text
			j += 3
		} else if j+5 < len(toks) && toks[j].Text == "(" && sfsRe.MatchString(toks[j+1].Text) && toks[j+2].Text == "," &&
			strings.HasPrefix(low(toks[j+3]), "ändr") && sfsRe.MatchString(toks[j+4].Text) && toks[j+5].Text == ")" {
			// "förordning (2000:284, ändrad 2019:1037)": the number is the first one
			sfs = toks[j+1].Text
			j += 6
		}
		generic := strings.HasPrefix(low(t), "lag") || strings.HasPrefix(low(t), "förordning")
		end := j
		// "lagen (…) om X": only the generic heads take a title; "skollagen
		// om …" is the school act and what it says
		if generic && j < len(toks) && low(toks[j]) == "om" {
			k := j + 1
			for k < len(toks) && k-j <= 8 && toks[k].Kind == doc.Word && (!lawStop[low(toks[k])] || grantTo(toks, k)) && !lang.UpperFirst(toks[k].Text) && lawHead(toks[k].Text) == "" && !titlePassive(low(toks[k])) {
				k++
				// a genitive ends the title: "förordningen om regionalt tillväxtarbetes beskrivning"
				if w := low(toks[k-1]); strings.HasSuffix(w, "s") && k < len(toks) && toks[k].Kind == doc.Word && !lawStop[low(toks[k])] && k-j > 2 {
					if _, gen := lang.Genitive(w); gen && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") {
						toks[k-1].End -= 1 // the name's own form has no genitive s
						break
					}
				}
			}
			if k > j+1 {
				end = k
			}
		}
		if generic && j < len(toks) && low(toks[j]) == "med" {
			end = instructionTitle(toks, j)
		}
		if generic && sfs == "" && end == j {
			continue // "lagen" alone refers back; the linker does not guess
		}
		out = append(out, cand{from: from, to: end, class: class, rule: "pattern:law", sfs: sfs, prio: 2})
		i = end - 1
	}
	return out
}

// titlePassive reports whether a word in a law's title is an s-passive
// ("fördelas", "regleras"), which ends the title; "naturgas" and
// "databas" are nouns.
func titlePassive(w string) bool {
	return passive(w) && len([]rune(w)) >= 6 && !strings.HasSuffix(w, "gas") && !strings.HasSuffix(w, "bas") && !strings.HasSuffix(w, "fas")
}

// grantTo reports whether "till" at k goes on a grant's title: the
// ordinances on grants name the recipient ("förordningen (2000:284) om stöd
// till kommersiell service", "om statsbidrag till regional kulturverksamhet").
func grantTo(toks []doc.Token, k int) bool {
	if low(toks[k]) != "till" || k+1 >= len(toks) || toks[k+1].Kind != doc.Word {
		return false
	}
	w := low(toks[k-1])
	return strings.HasSuffix(w, "stöd") || strings.HasSuffix(w, "bidrag") || strings.HasSuffix(w, "ersättning")
}

// instructionTitle returns the end of an agency's instruction named after
// its ordinance, the "med" at j included: "förordning (2009:145) med
// instruktion för Tillväxtverket", "förordningen (2017:868) med
// länsstyrelseinstruktion", "… med instruktion för Myndigheten för
// tillväxtpolitiska utvärderingar och analyser". It returns j when no
// instruction follows.
func instructionTitle(toks []doc.Token, j int) int {
	if j+1 >= len(toks) || toks[j+1].Kind != doc.Word {
		return j
	}
	w := low(toks[j+1])
	if w != "instruktion" {
		if strings.HasSuffix(w, "instruktion") {
			return j + 2
		}
		return j
	}
	if j+3 >= len(toks) || low(toks[j+2]) != "för" || toks[j+3].Kind != doc.Word || !capWord(toks[j+3].Text) {
		return j
	}
	k := capSeq(toks, j+3)
	// an agency named by a capitalised head and a lower-case complement
	if k+1 < len(toks) && low(toks[k]) == "för" && toks[k+1].Kind == doc.Word && !lang.UpperFirst(toks[k+1].Text) {
		e := k + 1
		for e < len(toks) && toks[e].Kind == doc.Word && !lang.UpperFirst(toks[e].Text) && lawHead(toks[e].Text) == "" &&
			(!lawStop[low(toks[e])] || low(toks[e]) == "och" && e+1 < len(toks) && toks[e+1].Kind == doc.Word &&
				!lawStop[low(toks[e+1])] && !lang.UpperFirst(toks[e+1].Text)) {
			e++
		}
		if e > k+1 {
			k = e
		}
	}
	return k
}

// capWord reports whether a word may be part of a name: capitalised, or
// with a capital after a small first letter ("eHealth", "iTunes").
func capWord(w string) bool {
	if lang.UpperFirst(w) {
		return true
	}
	_, n := utf8.DecodeRuneInString(w)
	return n < len(w) && lang.UpperFirst(w[n:])
}

// capSeq returns the end of a run of capitalised words starting at i:
// connectors inside when a capitalised word follows them, names joined by
// a slash ("Industriell Dynamik/RISE"), and a coordinated compound that
// ends the name ("Sydsvenska industri- och handelskammaren").
func capSeq(toks []doc.Token, i int) int {
	j := i
	for j < len(toks) {
		t := toks[j]
		if j > i && t.Text == "/" && j+1 < len(toks) && toks[j+1].Kind == doc.Word && capWord(toks[j+1].Text) {
			j++
			continue
		}
		if j > i && t.Kind == doc.Word && strings.HasSuffix(t.Text, "-") && j+2 < len(toks) && conj(toks[j+1]) && toks[j+2].Kind == doc.Word {
			return j + 3
		}
		if j >= i+2 && t.Text == "," && ampersandTail(toks, j+1) {
			j += 4
			continue
		}
		// "… för Västernorrland 2021–2024"
		if j > i && (t.Text == "–" || t.Text == "-") && j+1 < len(toks) && toks[j-1].Kind == doc.Number && toks[j+1].Kind == doc.Number {
			j += 2
			continue
		}
		if t.Kind == doc.Word && capWord(t.Text) || t.Kind == doc.Number && j > i ||
			j > i && (t.Text == "län" || t.Text == "läns" || t.Text == "kommun" || t.Text == "kommuns") {
			j++
			if t.Kind == doc.Word && !capWord(t.Text) {
				break // "Region Kalmar län" ends with its "län"
			}
			continue
		}
		if j > i && t.Kind == doc.Word && connectors[low(t)] && j+1 < len(toks) && toks[j+1].Kind == doc.Word && lang.UpperFirst(toks[j+1].Text) {
			j += 2
			continue
		}
		break
	}
	return j
}

// ampersandTail reports whether a name of two words or more goes on after
// a comma with a pair of fields joined by "&", which lists join by "och":
// "Nova Utbildning, FoU & Affärsutveckling".
func ampersandTail(toks []doc.Token, k int) bool {
	if k+2 >= len(toks) || toks[k+1].Text != "&" {
		return false
	}
	for _, t := range []doc.Token{toks[k], toks[k+2]} {
		if t.Kind != doc.Word || !capWord(t.Text) {
			return false
		}
	}
	return k+3 == len(toks) || toks[k+3].Kind == doc.Punct || !capWord(toks[k+3].Text)
}

// companies finds "Almi Företagspartner Uppsala AB" and the like.
func companies(toks []doc.Token) []cand {
	var out []cand
	for i, t := range toks {
		if t.Text != "AB" && t.Text != "Aktiebolag" && t.Text != "HB" && t.Text != "KB" {
			continue
		}
		from := i
		// "Jämtlands länstrafik AB": a lower-case noun that a place's
		// genitive qualifies
		if i >= 2 && toks[i-1].Kind == doc.Word && !lang.UpperFirst(toks[i-1].Text) && !functionWord(low(toks[i-1])) &&
			toks[i-2].Kind == doc.Word && lang.UpperFirst(toks[i-2].Text) && strings.HasSuffix(toks[i-2].Text, "s") {
			from--
		}
		for from > 0 && toks[from-1].Kind == doc.Word && (lang.UpperFirst(toks[from-1].Text) || toks[from-1].Text == "&") {
			from--
		}
		if from < i && !notNames[toks[from].Text] {
			out = append(out, cand{from: from, to: i + 1, class: "Company", rule: "pattern:company", prio: 2})
		}
	}
	return out
}

// closedClass tells the class of a capitalised name that belongs to a class
// the registers list completely; such a name is linked to the register or
// dropped.
func closedClass(toks []doc.Token, from, to int) string {
	first := toks[from].Text
	last := low(toks[to-1])
	switch {
	case first == "Region" && to-from >= 2:
		return "Region"
	case first == "Länsstyrelsen" && to-from >= 2:
		return "CountyAdministrativeBoard"
	case last == "kommun" || last == "kommuns":
		return "Municipality"
	case last == "län" || last == "läns":
		return "County"
	}
	return ""
}

// names finds capitalised names that a class noun before them or an
// apposition after them classifies ("projektet Smart Industri",
// "Reglab, ett nätverk för …"), quoted names, and names that a class noun
// heads ("Kompetensrådet").
func names(toks []doc.Token, start int) []cand {
	var out []cand
	for i := start; i < len(toks); i++ {
		t := toks[i]
		if q := quoteClose(t.Text); q != "" {
			if c, ok := quoted(toks, i, q); ok {
				out = append(out, c)
				i = c.to
			}
			continue
		}
		if t.Kind != doc.Word || !capWord(t.Text) {
			continue
		}
		j := capSeq(toks, i)
		// "Projektet Smart Industri …" at the start of a sentence
		if c := nounClass(t.Text); c != "" && definiteNoun(t.Text) && j-i >= 2 && (i == 0 || toks[i-1].Kind == doc.Punct) {
			out = append(out, cand{from: i + 1, to: lowerTitle(toks, i+1, titleEnd(toks, i+1, j)), class: c, rule: "pattern:name", prio: 1})
			i = j - 1
			continue
		}
		if notNames[t.Text] && (i == 0 || toks[i-1].Kind == doc.Punct) {
			continue // a sentence's first word: the name, if any, starts after it
		}
		// the closed classes are matched by their own leading word
		if c := closedClass(toks, i, j); c != "" {
			out = append(out, cand{from: i, to: j, class: c, rule: "closed:" + c, prio: 0})
			i = j - 1
			continue
		}
		class := ""
		if i > 0 && toks[i-1].Kind == doc.Word {
			class = kindNoun(toks[i-1].Text)
		}
		if class == "" {
			class = introduced(toks, i)
		}
		if class == "" {
			class = dashIntroduced(toks, i, j)
		}

		if class == "" {
			class = apposition(toks, j)
		}
		if class == "" && i > 0 {
			class = headClass(toks[lastWord(toks, i, j)].Text)
		}
		// "bygga ett Science Center": an indefinite article makes an
		// English kind noun a common noun
		if class == "" && (i == 0 || low(toks[i-1]) != "en" && low(toks[i-1]) != "ett") {
			j = englishTail(toks, j)
			class = englishClass(toks, i, j)
		}
		// "Projekten heter Focus Industry Bredd och Focus Industry Spets":
		// a name of several words coordinated with a named instrument is
		// one of its kind
		if n := len(out); class == "" && n > 0 && j-i >= 2 && out[n-1].to == i-1 && conj(toks[i-1]) && instrumentClass(out[n-1].class) && out[n-1].rule == "pattern:name" {
			class = out[n-1].class
		}
		// "Klimatarena Stockholm": a compound of a class noun opens the
		// name; in its definite form it is a common noun before the name
		// ("Moderbolaget Almi")
		titled := false // a definite class noun stands before the name
		if class == "" && j-i >= 2 && toks[i+1].Kind == doc.Word {
			var def bool
			if class, def = kindNounForm(strings.ToLower(t.Text)); class != "" && def {
				if !federationTitle(t.Text) {
					i++
				}
				titled = true
			}
		}
		// "Business Region Kronoberg har tagit fram …": a name of two words
		// or more that acts is an actor
		if class == "" && j-i >= 2 && agentAt(toks, j) {
			class = "Actor"
		}
		if class != "" {
			out = append(out, cand{from: i, to: nameEnd(toks, i, j, class, titled), class: class, rule: "pattern:name", prio: 1})
		}
		i = j - 1
	}
	return out
}

// trimAgencies ends a capitalised name before a government agency's known
// name that closes it: in "Almi, Enterprise Europe Network Tillväxtverket
// och …" the agency is the next item, or the network's host, and never
// part of another organisation's name. A known name after "av" is the
// agent of a passive, not part of the name before it.
func trimAgencies(toks []doc.Token, all []cand) []cand {
	for i := range all {
		c := &all[i]
		if c.rule != "pattern:name" {
			continue
		}
		for _, r := range all {
			if r.rule == "register" && r.class == "GovernmentAgency" && r.from > c.from && r.from < c.to && r.to == c.to {
				c.to = r.from
				break
			}
			// "finansieras programmet Övre Norrland av Europeiska regionala
			// utvecklingsfonden": the agent of a passive
			if r.rule == "register" && r.from > c.from+1 && r.from < c.to && toks[r.from-1].Text == "av" {
				c.to = r.from - 1
				break
			}
		}
	}
	return all
}

// nameEnd returns the end of a classified capitalised name [i, j): over
// the noun its genitive qualifies, what it is for, the lower-case rest of
// its title (titled: a definite class noun stands before it) and an
// instrument's subtitle.
func nameEnd(toks []doc.Token, i, j int, class string, titled bool) int {
	end := genitiveHead(toks, j)
	if end == j && i > 0 && kindNoun(toks[i-1].Text) != "" {
		end = nameTail(toks, j) // "programmet Investering för tillväxt och sysselsättning"
	}
	if end == j && titled {
		end = lowerTitle(toks, i, j)
	}
	if instrumentClass(class) {
		end = subtitle(toks, end)
	}
	return end
}

// subtitle extends an instrument's name at j over a capitalised subtitle
// after a dash that ends the sentence: "Regionplan för Skåne 2022–2040 -
// Utveckling Skåne." A region's or an agency's name there signs the
// title and is none of it.
func subtitle(toks []doc.Token, j int) int {
	if j+1 >= len(toks) || toks[j].Text != "-" && toks[j].Text != "–" || toks[j+1].Kind != doc.Word || !capWord(toks[j+1].Text) || notNames[toks[j+1].Text] {
		return j
	}
	k := capSeq(toks, j+1)
	if k < len(toks) && toks[k].Text != "." || closedClass(toks, j+1, k) != "" {
		return j
	}
	return k
}

// nameTail extends a name a class noun introduced over what it is for,
// in lower case, to the end of its phrase: "Investering för tillväxt och
// sysselsättning", up to a second name ("… och Europeiskt territoriellt
// samarbete").
func nameTail(toks []doc.Token, j int) int {
	if j+1 >= len(toks) || low(toks[j]) != "för" {
		return j
	}
	k := j + 1
	for k < len(toks) && k-j <= 5 && toks[k].Kind == doc.Word && !lang.UpperFirst(toks[k].Text) && low(toks[k]) != "att" {
		if low(toks[k]) == "och" {
			if k+1 >= len(toks) || lang.UpperFirst(toks[k+1].Text) || toks[k+1].Kind != doc.Word {
				break
			}
		} else if lawStop[low(toks[k])] || mandateStop[low(toks[k])] {
			break
		}
		k++
	}
	if k == j+1 || k < len(toks) && toks[k].Kind == doc.Word && low(toks[k]) != "och" && !lawStop[low(toks[k])] && !mandateStop[low(toks[k])] {
		return j // the phrase goes on: no name ends here
	}
	for k > j+1 && functionWord(low(toks[k-1])) {
		k--
	}
	if k == j+1 {
		return j
	}
	return k
}

// agentVerbs are the verbs by which an organisation acts in the genre,
// after "har" in their supine.
var agentVerbs = map[string]bool{"driver": true, "erbjuder": true, "ansvarar": true, "äger": true, "finansierar": true,
	"samverkar": true, "samordnar": true, "leder": true, "arrangerar": true, "tar": true, "tog": true,
	"tagit": true, "genomfört": true, "drivit": true, "arrangerat": true, "startat": true, "bildat": true}

// agentAt reports whether an agent's verb stands at token j: "driver",
// "har tagit fram".
func agentAt(toks []doc.Token, j int) bool {
	if j < len(toks) && low(toks[j]) == "har" {
		j++
	}
	if j >= len(toks) || !agentVerbs[low(toks[j])] {
		return false
	}
	if l := low(toks[j]); l == "tar" || l == "tog" || l == "tagit" {
		return j+1 < len(toks) && low(toks[j+1]) == "fram"
	}
	return true
}

// introduced tells the class of a name that a class noun introduces in
// brackets ("som aktiebolag (Invest in Skåne)") or by name ("en satsning
// under namnet Konsulttimmen", "Projekten heter …"; an initiative when no
// class noun says otherwise), or "".
func introduced(toks []doc.Token, i int) string {
	switch {
	case i >= 2 && toks[i-1].Text == "(" && toks[i-2].Kind == doc.Word:
		return kindNoun(toks[i-2].Text)
	case i >= 1 && (low(toks[i-1]) == "namnet" || low(toks[i-1]) == "namn" || low(toks[i-1]) == "heter" || low(toks[i-1]) == "kallas"):
		for k := i - 2; k >= 0 && k >= i-4; k-- {
			if c := kindNoun(toks[k].Text); c != "" {
				return c
			}
		}
		return "Project"
	}
	return ""
}

// dashIntroduced tells the class of a name that a dash sets after the
// class noun it names, at the end of the sentence: "ett nytt koncept –
// Naturaktivitet på Recept.", "samarbetet för kompetensutveckling –
// Reglab.", or "".
func dashIntroduced(toks []doc.Token, i, j int) string {
	if i < 2 || toks[i-1].Text != "–" && toks[i-1].Text != "-" || j < len(toks) && toks[j].Text != "." {
		return ""
	}
	for k := i - 2; k >= 0 && k >= i-5 && toks[k].Kind == doc.Word && !capWord(toks[k].Text); k-- {
		if c := kindNoun(toks[k].Text); c != "" {
			return c
		}
	}
	return ""
}

// titleEnd returns the end of a name that opens with an article, as
// titles do ("Ett kompetenslyft för Sverige"): it runs to the clause's
// verb or punctuation, at most six words. Other names end at j.
func titleEnd(toks []doc.Token, i, j int) int {
	if l := low(toks[i]); l != "ett" && l != "en" {
		return j
	}
	k := i + 1
	for k < len(toks) && k-i < 6 && toks[k].Kind != doc.Punct && !mandateStop[low(toks[k])] {
		k++
	}
	return k
}

// lowerTitle extends a one-word name [i, j) over the lower-case words
// that go on its title, as Swedish titles capitalise only their first
// word, when the clause's verb follows them: "Livsmedelsstrategin Växande
// värde omfattar …". A word in "-r" may be the verb itself ("Almi äger
// aktier").
func lowerTitle(toks []doc.Token, i, j int) int {
	if j != i+1 {
		return j
	}
	k := j
	for k < len(toks) && k-j < 2 && toks[k].Kind == doc.Word && !capWord(toks[k].Text) && !functionWord(low(toks[k])) &&
		!lawStop[low(toks[k])] && !mandateStop[low(toks[k])] && !finiteVerbs[low(toks[k])] && !strings.HasSuffix(low(toks[k]), "r") && !adverbs[low(toks[k])] &&
		!passiveOrPast(toks[k].Text) {
		k++
	}
	if k == j || k >= len(toks) {
		return j
	}
	// "Digitalt lyft för småföretag pågår": what the title is for
	if m := k + 1; (low(toks[k]) == "för" || low(toks[k]) == "mot") && m < len(toks) {
		for m < len(toks) && m <= k+2 && toks[m].Kind == doc.Word && !capWord(toks[m].Text) && !functionWord(low(toks[m])) && !clauseVerb(toks[m].Text) {
			m++
		}
		if m > k+1 && m < len(toks) && clauseVerb(toks[m].Text) {
			return m
		}
	}
	// "Grön omställning i Bergslagen startade": a place the title names
	if m := k + 1; (low(toks[k]) == "i" || low(toks[k]) == "på") && m < len(toks) && capWord(toks[m].Text) {
		for m < len(toks) && toks[m].Kind == doc.Word && capWord(toks[m].Text) {
			m++
		}
		if m < len(toks) && clauseVerb(toks[m].Text) {
			return m
		}
	}
	if !clauseVerb(toks[k].Text) {
		return j
	}
	return k
}

// clauseVerb guesses the finite verb that follows a clause's subject.
func clauseVerb(w string) bool {
	return finiteVerbs[strings.ToLower(w)] || presentVerb(w) || passiveOrPast(w)
}

// passiveOrPast guesses a finite verb in the passive ("finansieras",
// "genomfördes") or the past ("startade", "samlade").
func passiveOrPast(w string) bool {
	if shortPassives[w] {
		return true
	}
	if lang.UpperFirst(w) || len([]rune(w)) < 7 {
		return false
	}
	return strings.HasSuffix(w, "as") || strings.HasSuffix(w, "des") || strings.HasSuffix(w, "tes") || strings.HasSuffix(w, "ade")
}

// shortPassives are passives too short to guess from their ending: "Projektet
// Nya jobb drivs av …".
var shortPassives = map[string]bool{"drivs": true, "drevs": true, "leds": true, "leddes": true, "ägs": true, "ägdes": true,
	"görs": true, "tas": true, "togs": true, "styrs": true, "sköts": true}

// adverbs stand between a subject and its verb in a subordinate clause
// ("som Reglab också driver"); they go on no title.
var adverbs = map[string]bool{"inte": true, "också": true, "även": true, "redan": true, "ofta": true, "alltid": true, "nu": true,
	"då": true, "därför": true, "dessutom": true, "främst": true, "bland": true, "sedan": true, "numera": true}

// genitiveHead extends a name that ends in a genitive with the noun it
// qualifies: "kommunförbundet Skånes kommuner".
func genitiveHead(toks []doc.Token, j int) int {
	if j < 2 || j >= len(toks) || toks[j].Kind != doc.Word || capWord(toks[j].Text) || functionWord(low(toks[j])) {
		return j
	}
	if last := toks[j-1].Text; strings.HasSuffix(last, "s") && capWord(last) {
		return j + 1
	}
	return j
}

func quoteClose(s string) string {
	switch s {
	case "”", "\"":
		return s
	case "“":
		return "”"
	case "«":
		return "»"
	}
	return ""
}

func quoted(toks []doc.Token, i int, closing string) (cand, bool) {
	k := i + 1
	for k < len(toks) && toks[k].Text != closing && toks[k].Text != "“" && k-i <= 9 {
		k++
	}
	if k >= len(toks) || toks[k].Text != closing && !(closing == "”" && toks[k].Text == "“") || k == i+1 || !lang.UpperFirst(toks[i+1].Text) {
		return cand{}, false
	}
	class := ""
	if i > 0 {
		class = nounClass(toks[i-1].Text)
	}
	if class == "" {
		class = apposition(toks, k+1)
	}
	if class == "" {
		return cand{}, false
	}
	return cand{from: i + 1, to: k, class: class, rule: "pattern:quoted", prio: 2}, true
}

// apposition reads ", ett nätverk" or "är ett projekt" after a name.
func apposition(toks []doc.Token, j int) string {
	// "Visit Halland är Region Hallands besöksnäringsavdelning": an owner's
	// class noun after "är"
	if j+2 < len(toks) && low(toks[j]) == "är" && lang.UpperFirst(toks[j+1].Text) {
		k := capSeq(toks, j+1)
		if k > j+1 && k < len(toks) && strings.HasSuffix(toks[k-1].Text, "s") && toks[k].Kind == doc.Word && (k+1 >= len(toks) || toks[k+1].Kind == doc.Punct) {
			if c := kindNoun(toks[k].Text); c != "" {
				return c
			}
		}
	}
	if j+2 < len(toks) && (toks[j].Text == "," || low(toks[j]) == "är" || toks[j].Text == "–" || toks[j].Text == "-") &&
		(low(toks[j+1]) == "ett" || low(toks[j+1]) == "en") && toks[j+2].Kind == doc.Word {
		// "Film i Väst, ett regionalt filmbolag": adjectives may come first
		// ("är en del av strategin" says what it is part of, not what it is)
		// "Film i Väst, ett av regionen ägt bolag": an agent phrase before
		// a participle
		for k := j + 2; k < len(toks) && k <= j+6 && toks[k].Kind == doc.Word; k++ {
			if low(toks[k]) == "av" && k+2 < len(toks) && strings.HasSuffix(low(toks[k+2]), "t") {
				k++
				continue
			}
			if functionWord(low(toks[k])) {
				break
			}
			if c := kindNoun(toks[k].Text); c != "" {
				return c
			}
		}
	}
	return ""
}

// kindNoun tells the class a lower-case noun names, a class noun or a
// compound ending in one ("filmbolag", "strukturfondsprojektet"), or "".
func kindNoun(w string) string {
	c, _ := kindNounForm(w)
	return c
}

// kindNounForm is kindNoun, telling also whether the noun is in its
// definite singular ("moderbolaget", not "regionplan").
func kindNounForm(w string) (class string, definite bool) {
	if lang.UpperFirst(w) || personTitle(strings.ToLower(w)) {
		return "", false
	}
	if c := nounClass(w); c != "" {
		return c, definiteNoun(w)
	}
	l := strings.ToLower(w)
	for _, n := range classNounList {
		if strings.HasSuffix(l, n.noun) && len(l) >= len(n.noun)+3 {
			return n.class, definiteNouns[n.noun]
		}
	}
	return "", false
}

// headClass tells the class of a capitalised compound from its head:
// "Innovationsrådet", "Kompetensplattformen".
func headClass(w string) string {
	l := strings.ToLower(w)
	for _, h := range []struct{ suffix, class string }{
		{"projektet", "Project"}, {"programmet", "Programme"}, {"nätverket", "Network"}, {"plattformen", "Platform"},
		{"rådet", "Platform"}, {"forumet", "Platform"}, {"strategin", "Strategy"}, {"fonden", "Fund"}, {"partnerskapet", "Partnership"},
		{"föreningen", "Association"}, {"förbundet", "Association"}, {"stiftelsen", "Association"}, {"inkubatorn", "Platform"}, {"kommissionen", "Platform"},
		{"överenskommelsen", "Partnership"},
	} {
		if strings.HasSuffix(l, h.suffix) && len(l) > len(h.suffix)+3 {
			return h.class
		}
	}
	return ""
}

// lastWord returns the index of the last word of the name [i, j): a
// period after it ("Partnerskapsöverenskommelsen 2021–2027") is no part of
// its head.
func lastWord(toks []doc.Token, i, j int) int {
	k := j - 1
	for k > i && toks[k].Kind != doc.Word {
		k--
	}
	return k
}

// policyAdjectives make a compound instrument noun after them a named kind
// of instrument: "regionala tillväxtprogram", "regional kulturplan",
// "nationella strukturfondsprogram".
var policyAdjectives = map[string]bool{}

func init() {
	for _, a := range strings.Fields("regional regionala regionalt nationell nationella nationellt territoriell territoriella territoriellt " +
		"kommunal kommunala kommunalt statlig statliga statligt europeisk europeiska europeiskt gemensam gemensamma gemensamt " +
		"operativ operativa operativt lokal lokala lokalt länsövergripande") {
		policyAdjectives[a] = true
	}
}

// instrumentHeads are the last parts of compound nouns that name kinds of
// instruments, with their classes; a compound must have a first part
// ("kulturplan", not "plan").
var instrumentHeads = []struct{ head, class string }{
	{"program", "Programme"}, {"strategi", "Strategy"}, {"plan", "Plan"}, {"fond", "Fund"}, {"anslag", "Appropriation"},
	{"plattform", "Platform"}, {"partnerskap", "Partnership"}, {"nätverk", "Network"}, {"kommission", "Platform"},
}

// compoundInstrument tells the class of a compound instrument noun in any
// of its inflected forms, or "".
func compoundInstrument(w string) string {
	st := lang.Stem(w)
	for _, h := range instrumentHeads {
		// the head ends the word: "folkhälsostrategi", not "folkhälsostrategisk"
		if i := strings.LastIndex(st, h.head); i >= 3 && (st[i+len(h.head):] == "" || st[i+len(h.head):] == "m") {
			return h.class
		}
	}
	return ""
}

// bareHeads are the instrument nouns that head a kind's name without a
// first part of a compound.
var bareHeads = map[string]bool{"plan": true, "planen": true, "strategi": true, "strategin": true, "program": true, "programmet": true}

// kinds finds named kinds of instruments: a policy adjective (or two) and
// a compound instrument noun ("regionala tillväxtprogram", "regional
// kulturplan"), with a following "för X" when X is capitalised.
func kinds(toks []doc.Token) []cand {
	var out []cand
	for i := 0; i+1 < len(toks); i++ {
		if !policyAdjectives[low(toks[i])] {
			continue
		}
		j := i + 1
		if j < len(toks) && policyAdjectives[low(toks[j])] {
			j++
		}
		// "regionala klimat- och energistrategier"
		if j+2 < len(toks) && strings.HasSuffix(toks[j].Text, "-") && conj(toks[j+1]) {
			j += 2
		}
		if j >= len(toks) || toks[j].Kind != doc.Word {
			continue
		}
		class := compoundInstrument(toks[j].Text)
		end := forPhrase(toks, j+1)
		// a bare head names a kind only with what it is for, at a level of
		// government: "nationell plan för transportsystemet", "den
		// nationella strategin för …", not "en gemensam strategi för …"
		if class == "" && end > j+1 && bareHeads[low(toks[j])] && !strings.HasPrefix(low(toks[i]), "gemensam") {
			class = nounClass(toks[j].Text)
		}
		if class == "" {
			continue
		}
		out = append(out, cand{from: i, to: end, class: class, rule: "pattern:kind", prio: 1})
		i = end - 1
	}
	return out
}

// bodyHeads end the names of the political and administrative bodies of
// regions and municipalities: "regionstyrelsen", "kommunfullmäktige",
// "kultur- och fritidsnämnden", "Trafikförvaltningen".
var bodyHeads = []string{"fullmäktige", "styrelsen", "styrelse", "nämnden", "nämnd", "förvaltningen", "utskottet", "beredningen"}

// bodies finds such bodies; the county administrative board
// ("länsstyrelsen") and a company's board are none of them.
func bodies(toks []doc.Token) []cand {
	var out []cand
	for i, t := range toks {
		if t.Kind != doc.Word {
			continue
		}
		l := low(t)
		for _, h := range bodyHeads {
			if !strings.HasSuffix(l, h) || len(l) < len(h)+4 || strings.HasPrefix(l, "läns") || strings.HasPrefix(l, "bolags") ||
				strings.HasPrefix(l, "led") || strings.HasPrefix(l, "fullmäktige") {
				continue
			}
			from := i
			if i >= 2 && low(toks[i-1]) == "och" && strings.HasSuffix(toks[i-2].Text, "-") {
				from = i - 2
			}
			from = bodyAdjective(toks, from, l)
			out = append(out, cand{from: from, to: i + 1, class: "PoliticalBody", rule: "pattern:body", prio: 1})
			break
		}
	}
	return out
}

// notBodyAdjectives are weak adjective forms that pick out one body among
// others rather than name it: "samma nämnden", "berörda förvaltningen".
var notBodyAdjectives = map[string]bool{"samma": true, "andra": true, "första": true, "övriga": true, "berörda": true,
	"ansvariga": true, "aktuella": true, "enskilda": true}

// bodyAdjective takes the weak adjective a definite body's name opens with
// into it: "regionala utvecklingsnämnden", "tekniska förvaltningen".
func bodyAdjective(toks []doc.Token, from int, head string) int {
	if from == 0 || !strings.HasSuffix(head, "en") && !strings.HasSuffix(head, "et") {
		return from
	}
	w := low(toks[from-1])
	if toks[from-1].Kind != doc.Word || !adjective(w) || notBodyAdjectives[w] || strings.HasSuffix(w, "sta") {
		return from
	}
	return from - 1
}

// partnerCues before a name make it a party acting with others.
var partnerCues = [][]string{{"tillsammans", "med"}, {"samverkan", "med"}, {"samarbete", "med"}, {"samarbetar", "med"}, {"samverkar", "med"}, {"i", "regi", "av"},
	{"samarbete", "mellan"}, {"samverkan", "mellan"}, {"partnerskap", "mellan"}}

// partnerCueBefore reports whether a partner cue ends right before token
// i: "tillsammans med", "i samverkan med".
func partnerCueBefore(toks []doc.Token, i int) bool {
	for _, pc := range partnerCues {
		if i < len(pc) {
			continue
		}
		ok := true
		for k, w := range pc {
			if low(toks[i-len(pc)+k]) != w {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// coordinatedActors finds capitalised names no rule classified that are
// coordinated with an actor ("Region Skåne, Coompanion och Almi") or named
// as a partner ("tillsammans med Företagarna"): they are actors of a kind
// the text does not tell.
func (s Stage) coordinatedActors(toks []doc.Token, picked []cand) ([]cand, map[int]bool) {
	drop := map[int]bool{}    // starts of county names that turn out to end an organisation's name
	actorAt := map[int]bool{} // token index where an actor's name ends (exclusive) or starts
	actorFrom := map[int]bool{}
	for _, c := range picked {
		if actorClass(c.class) {
			actorAt[c.to] = true
			actorFrom[c.from] = true
		}
	}
	var out []cand
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		lead := placeLead(toks, picked, i)
		if t.Kind != doc.Word || !lang.UpperFirst(t.Text) || taken(picked, i) && !lead || i == 0 || toks[i-1].Kind == doc.Punct && toks[i-1].Text != "," {
			continue
		}
		// "Almi Invest": a capitalised word right after a known name goes on
		// with it and is no partner of its own
		if toks[i-1].Kind == doc.Word && lang.UpperFirst(toks[i-1].Text) && taken(picked, i-1) && !lead {
			i = capSeq(toks, i) - 1
			continue
		}
		if personTitle(low(toks[i-1])) {
			i = capSeq(toks, i) - 1 // "regionrådet Per Holm och …": a person, no partner
			continue
		}
		j := capSeq(toks, i)
		for k := i; k < j; k++ {
			if c, ok := takenBy(picked, k); ok && (k > i || !lead) {
				// a county's or a town's bare name ends many organisations'
				// names: "Svensk Form Norrbotten", "Business Region Göteborg"
				if (c.class == "County" || c.class == "Municipality" && c.to-c.from == 1 || toks[k-1].Text == "/") && c.to == j && k > i {
					drop[c.from] = true
					break
				}
				j = k
			}
		}
		if j <= i || j == i+1 && (lead || len([]rune(t.Text)) < 3 || countries[t.Text] || titleNoun(toks, i, j)) {
			continue
		}
		if lead {
			drop[i] = true
		}
		// "Regional utveckling Norrbotten": a name that goes on in lower
		// case to a capitalised word
		if j == i+1 && j+2 < len(toks) && toks[j].Kind == doc.Word && !lang.UpperFirst(toks[j].Text) && !functionWord(low(toks[j])) &&
			toks[j+1].Kind == doc.Word && lang.UpperFirst(toks[j+1].Text) && capSeq(toks, j+1) == j+2 && (toks[j+2].Kind == doc.Punct || conj(toks[j+2])) {
			j += 2 // the place is one word and ends the phrase: "driver Region Skåne" is a clause
		} else if j == i+1 && j+1 < len(toks) && toks[j].Kind == doc.Word && !lang.UpperFirst(toks[j].Text) && !functionWord(low(toks[j])) &&
			!mandateStop[low(toks[j])] && (toks[j+1].Kind == doc.Punct || conj(toks[j+1])) && kindNoun(toks[j].Text) != "" {
			j++ // "Längmanska företagarfonden": a class noun ends the name
		}
		left := i >= 2 && (toks[i-1].Text == "," || conj(toks[i-1])) && actorAt[i-1]
		right := j+1 < len(toks) && (toks[j].Text == "," || conj(toks[j])) && actorFrom[j+1]
		if left || right || partnerCueBefore(toks, i) {
			j = englishTail(toks, j)
			class := englishClass(toks, i, j)
			if class == "" {
				class = "Actor"
			}
			out = append(out, cand{from: i, to: j, class: class, rule: "pattern:partner", prio: 0})
		} else {
			for k := i; k < j; k++ {
				delete(drop, k)
			}
		}
		i = j - 1
	}
	return out, drop
}

// federationTitle reports whether a capitalised word is a compound of a
// federation's or a foundation's noun in its definite form, which opens
// the organisation's name: "Samordningsförbundet Ljusdal",
// "Kommunalförbundet Sörmlands museum", "Sparbanksstiftelsen Gävleborg".
// A bare "Stiftelsen" or "Moderbolaget" is a common noun before the name.
func federationTitle(w string) bool {
	if !lang.UpperFirst(w) {
		return false
	}
	l := strings.ToLower(w)
	for _, n := range []string{"förbundet", "stiftelsen", "föreningen"} {
		if strings.HasSuffix(l, n) && len(l) >= len(n)+4 {
			return true
		}
	}
	return false
}

// titleNoun reports whether the word i, cut off at j by a name that
// follows, is a class noun in its definite form standing before that
// name: "Stiftelsen" in "samverkar med Stiftelsen Jamtli".
func titleNoun(toks []doc.Token, i, j int) bool {
	if j >= len(toks) || toks[j].Kind != doc.Word || !lang.UpperFirst(toks[j].Text) {
		return false
	}
	_, def := kindNounForm(strings.ToLower(toks[i].Text))
	return def
}

// placeLead reports whether token i is a town's or a county's one-word
// name that starts an organisation's name: a capitalised word no rule
// took follows it with nothing between ("Falun Borlänge-regionen").
func placeLead(toks []doc.Token, picked []cand, i int) bool {
	c, ok := takenBy(picked, i)
	return ok && c.from == i && c.to == i+1 && placeClass(c.class) && i+1 < len(toks) &&
		toks[i+1].Kind == doc.Word && lang.UpperFirst(toks[i+1].Text) && !taken(picked, i+1)
}

func takenBy(cs []cand, t int) (cand, bool) {
	for _, c := range cs {
		if c.from <= t && t < c.to {
			return c, true
		}
	}
	return cand{}, false
}

func conj(t doc.Token) bool {
	l := low(t)
	return l == "och" || l == "samt" || l == "eller"
}

// titles finds instruments named by a title that a compound instrument noun
// heads: "Innovationsstrategi för hållbar tillväxt", "Regionplan för Skåne
// 2022–2040", and those named by their owner in the genitive: "Norrbottens
// folkhälsostrategi", "Region Skånes näringslivsstrategi". A title runs
// from the capitalised compound through a "för …" phrase to punctuation.
// afterOwner returns where the name of the instrument at token i starts
// when capitalised words (at most two, the compound itself included) stand
// between it and a capitalised owner in the genitive.
// ownerStart returns the start of the owner's capitalised name that ends
// right before token from: "Region Västernorrlands".
func ownerStart(toks []doc.Token, from int) int {
	k := from - 1
	for k > 0 && toks[k-1].Kind == doc.Word && lang.UpperFirst(toks[k-1].Text) && (!notNames[toks[k-1].Text] || toks[k-1].Text == "Region" || toks[k-1].Text == "Länsstyrelsen") {
		k--
	}
	return k
}

// counted reports whether a token is a numeral that counts what follows.
func counted(t doc.Token) bool {
	return t.Kind == doc.Number || countWords[strings.ToLower(t.Text)]
}

// joinTokens joins tokens' texts with single spaces.
func joinTokens(ts []doc.Token) string {
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = t.Text
	}
	return strings.Join(words, " ")
}

func afterOwner(toks []doc.Token, i int) (int, bool) {
	from := i
	if !lang.UpperFirst(toks[i].Text) {
		from--
	}
	if from < 1 || from < i-1 || !lang.UpperFirst(toks[from].Text) || strings.HasSuffix(toks[from].Text, "s") {
		return 0, false
	}
	owner := toks[from-1]
	if owner.Kind != doc.Word || !lang.UpperFirst(owner.Text) || !strings.HasSuffix(owner.Text, "s") || notNames[owner.Text] {
		return 0, false
	}
	return from, true
}

// titleFor extends a title at end through a short "för …" phrase that
// the sentence's verb ends: "Innovationsstrategi för hållbar tillväxt
// beskriver …", "Program för smart specialisering prioriterar …".
func titleFor(toks []doc.Token, end int) int {
	if end+1 >= len(toks) || low(toks[end]) != "för" {
		return end
	}
	k := end + 1
	for k < len(toks) && k-end <= 4 && toks[k].Kind == doc.Word && !lawStop[low(toks[k])] && !mandateStop[low(toks[k])] && !presentVerb(toks[k].Text) {
		k++
	}
	if k == end+1 || k-end > 4 || k < len(toks) && toks[k].Kind == doc.Word && !presentVerb(toks[k].Text) && !mandateStop[low(toks[k])] {
		return end
	}
	return k
}

// presentVerb guesses a verb in the present tense: "beskriver",
// "prioriterar", "innefattar".
func presentVerb(w string) bool {
	if lang.UpperFirst(w) || len([]rune(w)) < 6 || strings.HasSuffix(w, "bar") { // "hållbar" is an adjective
		return false
	}
	return strings.HasSuffix(w, "ar") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir")
}

// groupGenitive tells a definite plural in the genitive: "Regionernas",
// "Kommunernas", "Länsstyrelsernas".
func groupGenitive(w string) bool {
	l := strings.ToLower(w)
	return strings.HasSuffix(l, "ernas") || strings.HasSuffix(l, "arnas") || strings.HasSuffix(l, "ornas")
}

// capitalTitleEnd returns the end of a title that opens with the
// capitalised compound at i: over what it is for ("Innovationsstrategi
// för hållbar tillväxt") or a year ("Näringslivsstrategi 2030",
// "Kulturplan 2024–2027").
func capitalTitleEnd(toks []doc.Token, i int) int {
	end := i + 1
	if end+1 < len(toks) && low(toks[end]) == "för" {
		k := end + 1
		for k < len(toks) && k-end <= 7 && (toks[k].Kind != doc.Punct || toks[k].Text == "–" && k+1 < len(toks) && toks[k+1].Kind == doc.Number) && !lawStop[low(toks[k])] &&
			!verbAfterPlace(toks, end+1, k) {
			k++
		}
		if k > end+1 {
			return k
		}
	}
	return yearAfter(toks, end)
}

// verbAfterPlace reports whether token k, in a title's for-phrase that
// began at a, is a lower-case word after a capitalised one: the clause
// goes on ("Innovationsstrategi för Västmanland anges …"), for Swedish
// titles write the rest of a phrase in lower case before any place.
func verbAfterPlace(toks []doc.Token, a, k int) bool {
	if k <= a || toks[k].Kind != doc.Word || capWord(toks[k].Text) || functionWord(low(toks[k])) || connectors[low(toks[k])] {
		return false
	}
	return toks[k-1].Kind == doc.Word && capWord(toks[k-1].Text)
}

// yearAfter returns the end of a year or a span of years at i ("2030",
// "2024–2027"), or i.
func yearAfter(toks []doc.Token, i int) int {
	if k := periodAt(toks, i); k > 0 {
		return k
	}
	if i < len(toks) && yearRe.MatchString(toks[i].Text) {
		return i + 1
	}
	return i
}

func titles(toks []doc.Token) []cand {
	var out []cand
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != doc.Word {
			continue
		}
		class := compoundInstrument(t.Text)
		// "Region Jämtland/Härjedalens Program för smart specialisering": a
		// capitalised bare head after its owner starts a title
		if _, ok := afterOwner(toks, i); class == "" && ok && bareHeads[low(t)] && lang.UpperFirst(t.Text) {
			class = nounClass(t.Text)
		}
		// "Region Värmlands folkhälsostrategiska plan": an adjective that
		// tells the field, after an owner in the genitive, makes a bare
		// head a name; the owner is a name of its own
		// ("gemensamma strategi" tells only who shares it: no field)
		if class == "" && bareHeads[low(t)] && i >= 2 && toks[i-1].Kind == doc.Word && !lang.UpperFirst(toks[i-1].Text) && !policyAdjectives[low(toks[i-1])] &&
			strings.HasSuffix(low(toks[i-1]), "a") && len([]rune(toks[i-1].Text)) >= 8 && lang.UpperFirst(toks[i-2].Text) && strings.HasSuffix(toks[i-2].Text, "s") {
			out = append(out, cand{from: i - 1, to: i + 1, class: nounClass(t.Text), rule: "pattern:owned", prio: 1})
			continue
		}
		if class == "" {
			continue
		}
		// owner in the genitive before: "Norrbottens folkhälsostrategi";
		// a group's ("Regionernas kulturplaner") names the kind, each
		// member's own
		if i > 0 && toks[i-1].Kind == doc.Word && lang.UpperFirst(toks[i-1].Text) && strings.HasSuffix(toks[i-1].Text, "s") && !lang.UpperFirst(t.Text) &&
			!groupGenitive(toks[i-1].Text) {
			from := i - 1
			for from > 0 && toks[from-1].Kind == doc.Word && lang.UpperFirst(toks[from-1].Text) && !notNames[toks[from-1].Text] {
				from--
			}
			out = append(out, cand{from: from, to: i + 1, class: class, rule: "pattern:owned", prio: 1})
			continue
		}
		// after an owner in the genitive, capitalised words before the
		// compound belong to its name: "Region Uppsalas Smart
		// specialiseringsstrategi", "Region Västernorrlands Innovationsstrategi"
		if from, ok := afterOwner(toks, i); ok {
			end := titleFor(toks, i+1)
			// an owner's title is a name of its own, never the generic
			// known name it starts with; the owner is part of its name
			// ("Region Västernorrlands Innovationsstrategi"), not of its
			// span, which leaves the owner a mention of its own
			owner := ownerStart(toks, from)
			if counted(toks[owner]) {
				// "Två Business Region-plattformar" counts instruments
				// of a kind: no title
				i = end - 1
				continue
			}
			out = append(out, cand{from: from, to: end, class: class, rule: "pattern:owntitle", prio: 1,
				name: joinTokens(toks[owner:end]), alt: owner, hasAlt: true})
			i = end - 1
			continue
		}
		if !lang.UpperFirst(t.Text) || inURL(toks, i) {
			continue
		}
		end := capitalTitleEnd(toks, i)
		if end == i+1 && !definite(t.Text) && len(toks) > 2 {
			// a capitalised compound alone is a name only in its definite
			// form ("Kompetensförsörjningsstrategin") or as a heading
			continue
		}
		out = append(out, cand{from: i, to: end, class: class, rule: "pattern:title", prio: 1})
		i = end - 1
	}
	return out
}

// inURL reports whether token i is part of a web address: a path's words
// ("…/Filer/Handlingsplan_…") name no instrument.
func inURL(toks []doc.Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch l := low(toks[k]); {
		case l == ")" || l == "(":
			return false
		case (l == "http" || l == "https") && k+1 < len(toks) && toks[k+1].Text == ":", l == "www" && k+1 < len(toks) && toks[k+1].Text == ".":
			return true
		}
	}
	return false
}

// forPhrase extends an instrument's name over what it is for: a
// capitalised name ("… för Europeiska regionala utvecklingsfonden") or up to
// three lower-case words ("innovationsstrategi för smart specialisering"),
// never over a number, a verb or punctuation. It returns the new end.
func forPhrase(toks []doc.Token, end int) int {
	if end+1 >= len(toks) || low(toks[end]) != "för" {
		return end
	}
	if lang.UpperFirst(toks[end+1].Text) {
		// "för Europeiska regionala utvecklingsfonden": a name that goes
		// on in lower case to the end of the phrase
		k := capSeq(toks, end+1)
		return lowerRun(toks, k)
	}
	if k := lowerRun(toks, end+1); k > end+1 {
		return k
	}
	return end
}

// lowerRun returns the end of up to three lower-case words from k that
// end where a phrase does (punctuation, a clause's verb, a function
// word), or k.
func lowerRun(toks []doc.Token, k int) int {
	j := k
	for j < len(toks) && j-k < 3 && toks[j].Kind == doc.Word && !lang.UpperFirst(toks[j].Text) && !lawStop[low(toks[j])] && !mandateStop[low(toks[j])] && !functionWord(low(toks[j])) {
		j++
	}
	if j == k || j < len(toks) && toks[j].Kind != doc.Punct && !lawStop[low(toks[j])] && !mandateStop[low(toks[j])] && !functionWord(low(toks[j])) {
		return k
	}
	return j
}

// describing reports whether the words before a compound instrument noun
// at token k make it describe rather than name: an indefinite determiner,
// with an adjective between or none, or a predicate's "är" with a
// genitive owner ("är länets samverkansplattform").
func describing(toks []doc.Token, k int) bool {
	if k > 0 && indefinite[low(toks[k-1])] {
		return true
	}
	if k > 1 && indefinite[low(toks[k-2])] && adjectiveForm(low(toks[k-1])) {
		return true
	}
	return k > 1 && (low(toks[k-2]) == "är" || low(toks[k-2]) == "blir") && genitive(toks[k-1].Text)
}

// adjectiveForm guesses an adjective by its ending: "digital",
// "regionala", "gemensamt", "skånska".
func adjectiveForm(w string) bool {
	if functionWord(w) || indefinite[w] {
		return false
	}
	for _, e := range []string{"al", "isk", "ig", "ell", "iv"} {
		if strings.HasSuffix(w, e) || strings.HasSuffix(w, e+"a") || strings.HasSuffix(w, e+"t") {
			return true
		}
	}
	return adjective(w)
}

var indefinite = map[string]bool{"en": true, "ett": true, "någon": true, "något": true, "några": true, "flera": true, "många": true, "olika": true, "varje": true, "egen": true, "eget": true, "egna": true}

// compounds finds lower-case compound instrument nouns with a "för"
// phrase: "innovationsstrategi för smart specialisering",
// "handlingsprogrammet för maritima näringar".
func compounds(toks []doc.Token) []cand {
	var out []cand
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != doc.Word || lang.UpperFirst(t.Text) {
			continue
		}
		class := compoundInstrument(t.Text)
		if class == "" {
			continue
		}
		from := i
		// "Näringslivs- och tillväxtstrategi för …"
		if i >= 2 && conj(toks[i-1]) && strings.HasSuffix(toks[i-2].Text, "-") {
			from = i - 2
		}
		// "en samverkansplattform för …", "en digital plattform för …"
		// and "X är länets samverkansplattform för …" describe; they name
		// nothing
		if describing(toks, from) {
			continue
		}
		if end := forPhrase(toks, i+1); end > i+1 {
			out = append(out, cand{from: from, to: end, class: class, rule: "pattern:compound", prio: 1})
			i = end - 1
		} else if definiteCompound(t.Text) && (from == 0 || !determiners[low(toks[from-1])]) {
			// "kompetensförsörjningsstrategin", "folkbildningsanslaget":
			// the definite form of a compound that tells its field is the
			// one instrument of that field the text speaks of
			out = append(out, cand{from: from, to: i + 1, class: class, rule: "pattern:compound", prio: 1})
		}
	}
	return out
}

// determiners before a definite compound make it one of several ("varje
// kulturplanen" does not occur, "denna" and "en sådan" refer back).
var determiners = map[string]bool{"denna": true, "detta": true, "varje": true, "sådan": true, "sådana": true, "samma": true}

// definiteCompound reports whether w is the definite singular of a
// compound instrument noun whose first part, of twelve letters or more,
// names a field of policy ("kompetensförsörjningsstrategin",
// "folkbildningsanslaget"); shorter first parts are as often general
// words ("handlingsplanen") or short forms of a name given before.
func definiteCompound(w string) bool {
	l := strings.ToLower(w)
	for _, h := range []string{"strategin", "planen", "programmet", "anslaget", "fonden"} {
		if strings.HasSuffix(l, h) && len([]rune(l))-len([]rune(h)) >= 12 {
			return true
		}
	}
	return false
}
