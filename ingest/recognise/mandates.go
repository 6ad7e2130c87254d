package recognise

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// mandateLeads open a stated responsibility, assignment or task. withLead
// tells whether the mandate's name includes the lead ("ansvar för att
// fördela …") or starts after it ("… fick i uppdrag att ta fram …"; the
// form with the lead is kept as an alternative name).
var mandateLeads = []struct {
	words    []string
	withLead bool
}{
	{[]string{"i", "uppdrag", "att"}, false},
	{[]string{"bestämmelser", "om", "att"}, false},
	{[]string{"uppdrag", "är", "att"}, false},
	{[]string{"uppdraget", "är", "att"}, false},
	{[]string{"uppgift", "är", "att"}, false},
	{[]string{"uppgifter", "är", "att"}, false},
	{[]string{"har", "möjlighet", "att"}, false},
	{[]string{"i", "uppgift", "att"}, false},
	{[]string{"till", "uppgift", "att"}, false},
	{[]string{"uppdraget", "att"}, false},
	{[]string{"uppdrag", "att"}, false},
	{[]string{"uppgiften", "att"}, false},
	{[]string{"ansvaret", "för"}, true},
	{[]string{"huvudmannaskap", "för"}, true},
	{[]string{"huvudmannaskapet", "för"}, true},
	{[]string{"ansvar", "för"}, true},
	{[]string{"huvudansvaret", "för"}, true},
	{[]string{"huvudansvar", "för"}, true},
	{[]string{"ansvarar", "för"}, true},
	{[]string{"ansvariga", "för"}, true},
	{[]string{"ansvarig", "för"}, true},
	{[]string{"ansvara", "för"}, true},
	{[]string{"ansvarade", "för"}, true},
	{[]string{"ansvaret", "att"}, true},
	{[]string{"ansvar", "att"}, true},
	{[]string{"uppdrag", "inom"}, true},
	{[]string{"uppdrag", "knutna", "till"}, true},
	{[]string{"uppdrag", "kopplade", "till"}, true},
	{[]string{"uppgifter", "knutna", "till"}, true},
	{[]string{"uppgifter", "kopplade", "till"}, true},
	{[]string{"uppgifter", "inom"}, true},
	{[]string{"rollen", "som"}, false},
	{[]string{"roll", "som"}, false},
	{[]string{"handlar", "om", "att"}, false},
	{[]string{"omfattar"}, false},
	{[]string{"ingår", "att"}, false},
	{[]string{"uppdrag", "ligger"}, false},
	{[]string{"uppdraget", "ligger"}, false},
	{[]string{"ansvar", "ligger"}, false},
	{[]string{"ansvaret", "ligger"}, false},
	{[]string{"ingår", "även", "att"}, false},
	{[]string{"ingår", "också", "att"}, false},
	{[]string{"handlar", "i", "huvudsak", "om", "att"}, false},
}

// roleHeads end the names of statutory roles placed with an actor
// ("regional bredbandskoordinator", "regionala kollektivtrafikmyndigheter",
// "huvudman"): a role is a mandate.
var roleHeads = []string{"koordinator", "samordnare", "processledare", "huvudman", "kollektivtrafikmyndighet", "pilotregion", "värdregion", "värdkommun"}

// roleWord reports whether w names a role: a function, or a role head
// ("en regional digitaliseringskoordinator som ska …").
func roleWord(w string) bool {
	if w == "funktion" || w == "funktionen" || w == "roll" || w == "rollen" {
		return true
	}
	for _, h := range roleHeads {
		if strings.HasSuffix(w, h) {
			return true
		}
	}
	return false
}

// functionNouns name a role before the role's own name: "Funktionen
// regional bredbandskoordinator".
var functionNouns = map[string]bool{"funktionen": true, "rollen": true, "uppdraget": true}

func roleNoun(w string) bool {
	l := strings.ToLower(w)
	for _, h := range roleHeads {
		if strings.HasSuffix(l, h) || strings.HasSuffix(l, h+"er") || strings.HasSuffix(l, h+"en") || strings.HasSuffix(l, h+"erna") || strings.HasSuffix(l, h+"nen") {
			return true
		}
	}
	return false
}

// roles finds "X är regional bredbandskoordinator", "X utsågs till
// huvudman": a role noun (with its adjectives) after a verb of being
// or becoming that follows an actor.
func roles(toks []doc.Token, actorEndsAt func(i int) bool) []cand {
	var out []cand
	for i := 0; i < len(toks); i++ {
		l := low(toks[i])
		// "I varje region finns även en regional digitaliseringskoordinator"
		exists := (l == "en" || l == "ett") && i > 0 && (low(toks[i-1]) == "finns" || i > 1 && low(toks[i-2]) == "finns")
		if exists {
			l = "som"
		}
		if l != "är" && l != "blev" && l != "som" && l != "till" && l != "utgör" && l != "fungerar" && !functionNouns[l] {
			continue
		}
		if !actorEndsAt(i) && !(l == "som" || l == "till" || functionNouns[l]) {
			continue
		}
		j := i + 1
		for j < len(toks) && j < i+4 && toks[j].Kind == doc.Word && !roleNoun(toks[j].Text) && (policyAdjectives[low(toks[j])] || low(toks[j]) == "som" || strings.HasSuffix(low(toks[j]), "a")) {
			j++
		}
		if j < len(toks) && roleNoun(toks[j].Text) {
			to := j + 1
			// "pilotregion för att främja ökad fysisk aktivitet": the role's purpose names it
			if to+2 < len(toks) && low(toks[to]) == "för" && low(toks[to+1]) == "att" {
				if end := taskEnd(toks, to+2); end > to+2 {
					to = end
				}
			} else if to+1 < len(toks) && low(toks[to]) == "för" && toks[to+1].Kind == doc.Word && !lang.UpperFirst(toks[to+1].Text) {
				// "processledare för vård- och omsorgscollege": the field it leads
				if end := taskEnd(toks, to+1); end > to+1 {
					to = end
				}
			}
			from := i + 1
			if low(toks[from]) == "som" {
				from++ // "fungerar som regionala processledare"
			}
			out = append(out, cand{from: from, to: to, class: "Mandate", rule: "mandate:role"})
			i = to - 1
		}
	}
	return out
}

// mandateStop ends the phrase that names a task.
var mandateStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("som vilket vilka men medan eftersom då där när samt genom enligt utifrån inom bl.a. bland t.ex. exempelvis dock " +
		"inför under efter sedan hos tillsammans jämfört via vid " +
		"är var har hade blir blev ska skulle kan kunde får fick gäller gällde innebär innebar finns fanns " +
		"ansvarar ansvarade framgår framgick vilar vilade åvilar delas delat delades ligger låg återfinns omfattar handlar flyttades överfördes") {
		mandateStop[w] = true
	}
}

// pronoun tells a personal pronoun that may open a clause.
func pronoun(w string) bool {
	switch w {
	case "de", "den", "det", "vi", "man", "han", "hon", "dessa", "denna", "detta":
		return true
	}
	return false
}

// actorBackNoun tells the definite class nouns that refer back to an
// actor: "Bolaget ska marknadsföra …".
func actorBackNoun(w string) bool {
	c, ok := backNouns[w]
	return ok && actorClass(c)
}

// decisionNoun tells a definite noun that names a document or decision
// an actor acts by: a class noun ("strategin", "planen") or "beslutet".
func decisionNoun(w string) bool {
	if _, ok := backNouns[w]; ok || definiteNoun(w) {
		return true
	}
	switch w {
	case "beslutet", "instruktionen", "regleringsbrevet", "ägardirektivet", "direktivet", "propositionen":
		return true
	}
	return false
}

// governedActors reports whether the actors ending at token i, with
// those coordinated before them, stand in a preposition's phrase.
func (sp spans) governedActors(toks []doc.Token, i int) bool {
	from, ok := sp.actorFrom[i]
	if !ok {
		return false
	}
	for from >= 2 && (low(toks[from-1]) == "och" || toks[from-1].Text == ",") && sp.actorEnd[from-1] {
		from = sp.actorFrom[from-1]
	}
	if from == 0 {
		return false
	}
	switch low(toks[from-1]) {
	case "mellan", "med", "av", "för", "hos", "från", "inom", "bland", "mot":
		return true
	}
	return false
}

// quantifier reports whether a group's name starts at i with, or follows,
// a word that counts only some of its members: "många", "flera", "några",
// "vissa".
func quantifier(toks []doc.Token, i int) bool {
	q := func(k int) bool {
		if k < 0 || k >= len(toks) {
			return false
		}
		switch low(toks[k]) {
		case "många", "flera", "några", "vissa", "enstaka", "somliga", "ett", "en":
			return true
		}
		return false
	}
	return q(i) || q(i-1)
}

// appositionEnd reports whether token i follows an apposition set off by
// commas after an actor's name: "Västra Götaland, som en av de sex
// första regionerna, skulle upprätta …".
func (sp spans) appositionEnd(toks []doc.Token, i int) bool {
	if i < 3 || toks[i-1].Text != "," {
		return false
	}
	for k := i - 2; k > 0 && k >= i-14; k-- {
		if toks[k].Text == "," {
			return sp.actorEnd[k] && low(toks[k+1]) == "som"
		}
	}
	return false
}

// genitiveBefore reports whether the name ending at token end is a
// genitive before a noun: "regionernas kunskaper".
func genitiveBefore(toks []doc.Token, end int) bool {
	if end >= len(toks) || toks[end].Kind != doc.Word || infinitiveLike(low(toks[end])) {
		return false
	}
	w := toks[end-1].Text
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// weakVerbs after "ska" do not state a task on their own.
var weakVerbs = map[string]bool{"vara": true, "ha": true, "kunna": true, "få": true, "bli": true, "också": false}

func leadAt(toks []doc.Token, i int) (n int, withLead bool) {
	for _, l := range mandateLeads {
		if i+len(l.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range l.words {
			if low(toks[i+k]) != w {
				ok = false
				break
			}
		}
		if ok {
			return len(l.words), l.withLead
		}
	}
	return 0, false
}

// taskEnd returns the end of the phrase that names a task starting at i.
func taskEnd(toks []doc.Token, i int) int {
	j := i
	limit := 10
	wh := false         // inside "… återrapportera hur de har använt …"
	adjectives := false // inside "effektiva, säkra och robusta …"
	for j < len(toks) && j-i < limit {
		t := toks[j]
		l := low(t)
		if j > i && whWords[l] && !wh {
			// an indirect question is the verb's object: its own verbs do not end the task
			wh, limit = true, j-i+12
			j++
			continue
		}
		if wh && t.Kind != doc.Punct && !(l == "och" && j+1 < len(toks) && low(toks[j+1]) == "att") && !(l == "är" && j+1 < len(toks) && (low(toks[j+1]) == "en" || low(toks[j+1]) == "ett")) {
			j++
			continue
		}
		if t.Kind == doc.Punct {
			// "leder, samordnar och utvecklar …": a comma inside a list of verbs
			if t.Text == "," && j == i+1 {
				j++
				continue
			}
			// "tillgång till effektiva, säkra och robusta …": adjectives
			// after a preposition are listed with commas
			if t.Text == "," && j >= i+2 && functionWord(low(toks[j-2])) && strings.HasSuffix(low(toks[j-1]), "a") &&
				j+1 < len(toks) && toks[j+1].Kind == doc.Word && strings.HasSuffix(low(toks[j+1]), "a") {
				j++
				limit += 3
				adjectives = true
				continue
			}
			// "digitala arbetssätt, verktyg och tjänster": nouns listed
			// with a comma before the last pair
			if t.Text == "," && j > i+1 && nounListAt(toks, j+1) {
				j += 4
				continue
			}
			break
		}
		// a second noun phrase ("ansvaret för biståndet ett intresse …")
		if (l == "en" || l == "ett") && j > i+1 && low(toks[i]) != "att" && !verbLike(toks[i].Text) {
			break
		}
		// "fördela bidrag till vägar och följa upp arbetet": a second task
		if (l == "och" || l == "samt") && adjectives {
			adjectives = false // "… säkra och robusta": the list's last adjective
			j++
			continue
		}
		if (l == "och" || l == "samt") && j >= i+2 && !particles[low(toks[j-1])] && j+1 < len(toks) && infinitiveLike(low(toks[j+1])) && infinitiveLike(low(toks[i])) {
			break
		}
		// an adjunct of manner or place ends the task: "ansvarar för den
		// regionala kollektivtrafiken i varje län i samråd med kommunerna"
		if l == "i" && j > i+1 && j+1 < len(toks) && adjunctAfterI[low(toks[j+1])] {
			break
		}
		if mandateStop[l] || l == "och" && j+1 < len(toks) && (low(toks[j+1]) == "att" || low(toks[j+1]) == "för" && j > i) ||
			l == "för" && j+1 < len(toks) && low(toks[j+1]) == "att" && j > i+1 { // "verka för att …" goes on
			break
		}
		j++
	}
	// no task ends in a function word or a preposition cut off from its
	// object ("… har utvecklats sedan" before "2018")
	for j > i && (functionWord(low(toks[j-1])) || trailingPreps[low(toks[j-1])]) {
		j--
	}
	return j
}

// trailingPreps are prepositions that a task's phrase does not end in.
var trailingPreps = map[string]bool{"sedan": true, "från": true, "under": true, "inom": true, "efter": true, "före": true,
	"mellan": true, "kring": true, "inför": true, "enligt": true, "mot": true, "vid": true, "genom": true, "hos": true}

// nounListAt reports whether tokens from i are the last two nouns of a
// list, "verktyg och tjänster", closing the phrase: neither opens a task
// of its own.
func nounListAt(toks []doc.Token, i int) bool {
	if i+3 > len(toks) {
		return false
	}
	a, c, b := toks[i], low(toks[i+1]), toks[i+2]
	if a.Kind != doc.Word || b.Kind != doc.Word || c != "och" && c != "samt" || lang.UpperFirst(a.Text) || lang.UpperFirst(b.Text) ||
		infinitiveLike(low(a)) || infinitiveLike(low(b)) || functionWord(low(a)) || functionWord(low(b)) {
		return false
	}
	return i+3 == len(toks) || toks[i+3].Kind == doc.Punct
}

// adjunctAfterI follow "i" in an adjunct that is no part of a task.
var adjunctAfterI = map[string]bool{"samråd": true, "samverkan": true, "samarbete": true, "dialog": true, "varje": true,
	"respektive": true, "enlighet": true, "egenskap": true}

// whWords open an indirect question.
var whWords = map[string]bool{"hur": true, "vad": true, "varför": true, "vilka": true, "huruvida": true}

func functionWord(w string) bool {
	switch w {
	case "och", "eller", "att", "i", "för", "på", "med", "till", "av", "om", "en", "ett", "den", "det", "de", "som", "så":
		return true
	}
	return false
}

// spans tells where the names found before mandates start and end.
type spans struct {
	actorEnd   map[int]bool
	actorFrom  map[int]int // end → start
	actorStart map[int]int // start → end
	instrStart map[int]bool
	lawStart   map[int]int // start → end
	// publicEnd marks the ends of the names of public bodies whose
	// standing duties the genre lists in the present tense: agencies,
	// county administrative boards, universities, and the regions or
	// municipalities as a group
	publicEnd map[int]bool
}

// publicBody tells whether a name of class c (a group when group is set)
// is one of those bodies.
func publicBody(c string, group bool) bool {
	switch c {
	case "GovernmentAgency", "CountyAdministrativeBoard", "University":
		return true
	case "Region", "Municipality", "Government":
		return group // "regionerna", "kommunerna", "staten"
	}
	return false
}

func newSpans(toks []doc.Token, picked []cand) spans {
	sp := spans{actorEnd: map[int]bool{}, actorFrom: map[int]int{}, actorStart: map[int]int{}, instrStart: map[int]bool{}, lawStart: map[int]int{},
		publicEnd: map[int]bool{}}
	for _, c := range picked {
		// "Många regioner leder …" tells what some do, no standing duty
		if publicBody(c.class, c.group) && !(c.group && quantifier(toks, c.from)) {
			sp.publicEnd[c.to] = true
		}
		switch {
		case actorClass(c.class):
			sp.actorEnd[c.to] = true
			sp.actorFrom[c.to] = c.from
			sp.actorStart[c.from] = c.to
		case instrumentClass(c.class):
			sp.instrStart[c.from] = true
		case c.class == "Act" || c.class == "Ordinance" || c.class == "EURegulation":
			sp.lawStart[c.from] = c.to
		}
	}
	// "De ska …", "Dessa ansvarar för …": a pronoun opening the sentence
	// stands for actors named before
	// as does "Regionen ska …" for the region the text is about, or for
	// the regions
	if k := invertedSubject(toks); k > 0 {
		sp.actorStart[k] = k + 1 // "… ska länsstyrelsen samordna …"
	}
	if len(toks) > 1 && (low(toks[0]) == "de" || low(toks[0]) == "dessa" || actorNouns[low(toks[0])] != "" || actorBackNoun(low(toks[0]))) {
		sp.actorEnd[1] = true
	}
	return sp
}

func (sp spans) actorEndsAt(i int) bool { return sp.actorEnd[i] }

// mandates finds tasks stated with a lead ("ansvar för …", "i uppdrag att
// …") and tasks an actor "ska" carry out.
func mandates(toks []doc.Token, sp spans) []cand {
	var out []cand
	for i := 0; i < len(toks); i++ {
		if c, ok := duties(toks, sp, i, &out); ok {
			i = c - 1
			continue
		}
		if c, ok := qualifiedRole(toks, i); ok {
			out = append(out, c)
			i = c.to - 1
			continue
		}
		n, withLead := leadAt(toks, i)
		if n == 0 {
			n = offerAt(toks, i)
		}
		if n > 0 && (low(toks[i]) == "handlar" || low(toks[i]) == "omfattar") && !taskNounBefore(toks, i) {
			n = 0 // "handlar om att" names a task only after one: "Uppdraget handlar om att …"
		}
		if n > 0 && sp.actorStart[i+n] > 0 {
			n = 0 // "bestämmelser om att regionerna ska …": the task follows "ska"
		}
		if n > 0 {
			from := i + n
			hedged := skipHedge(toks, from) > from
			from = skipHedge(toks, from) // "ansvarar för bland annat …"
			if l := low(toks[i+n-1]); l == "för" {
				k := from
				if k < len(toks) && (low(toks[k]) == "den" || low(toks[k]) == "det" || low(toks[k]) == "de") {
					k++
				}
				if k < len(toks) && sp.instrStart[k] {
					continue // "ansvarar för länsplanen" is responsibility for an instrument
				}
			}
			end := taskEnd(toks, from)
			if end-from < 1 || end-from == 1 && toks[from].Kind != doc.Word || low(toks[from-1]) == "att" && pronoun(low(toks[from])) {
				continue // "ingår att de erbjuder …" states what someone does, no task
			}
			c := cand{from: from, to: end, class: "Mandate", rule: "mandate:lead"}
			if withLead && hedged {
				c.alt, c.hasAlt = i, true // the name is what follows the hedge
			} else if withLead {
				c.from = i
			} else if l := low(toks[i]); l == "i" || strings.HasPrefix(l, "uppdrag") || strings.HasPrefix(l, "uppgift") || l == "till" {
				// the assignment's own name: "uppdrag att …", not "i uppdrag att …"
				c.alt, c.hasAlt = i, true
				if l := low(toks[i]); l == "i" || l == "till" {
					c.alt++
				}
			}
			out = append(out, c)
			// "… är att utveckla marken och att sälja byggrätterna",
			// "ansvarar för A och för B": a second task of the same lead
			for end+2 < len(toks) && low(toks[end]) == "och" && (low(toks[end+1]) == "att" || low(toks[end+1]) == "för") {
				next := taskEnd(toks, end+2)
				if next-(end+2) < 2 {
					break
				}
				out = append(out, cand{from: end + 2, to: next, class: "Mandate", rule: "mandate:and"})
				end = next
			}
			// "omfattar att vara ett kunskapsstöd, fördela statsbidrag … och
			// stödja …": infinitives listed after one "att"
			if low(toks[from-1]) == "att" && infinitiveLike(low(toks[from])) {
				end = infinitiveList(toks, end, &out)
			}
			i = end - 1
			continue
		}
		i = shallTask(toks, sp, i, &out)
	}
	return out
}

// shallTask reads the task an actor "ska" carry out at token i and
// returns the token the scan goes on from (i when there is none).
func shallTask(toks []doc.Token, sp spans, i int, out *[]cand) int {
	from, ok := sp.shall(toks, i)
	if !ok {
		return i
	}
	// "X ska utvecklas": a passive states what is done to X, no task of X's
	if from >= len(toks) || toks[from].Kind != doc.Word || weakVerbs[low(toks[from])] || passive(low(toks[from])) {
		return i
	}
	if k, _ := leadAt(toks, from); k > 0 {
		return i
	}
	end := taskEnd(toks, from)
	// "… som regionerna ska ta fram.": a bare verb whose object stands
	// before names no task of its own
	bare := end-from < 3 && (end >= len(toks) || toks[end].Kind == doc.Punct)
	if end-from < 2 || bare {
		return i
	}
	*out = append(*out, cand{from: from, to: end, class: "Mandate", rule: "mandate:ska"})
	return infinitiveList(toks, end, out) - 1
}

// infinitiveList adds the tasks that follow the one ending at end as a
// list of infinitives ("…, fördela statsbidrag och stödja …") and returns
// where the list ends.
func infinitiveList(toks []doc.Token, end int, out *[]cand) int {
	for end+1 < len(toks) && (toks[end].Text == "," || low(toks[end]) == "och" || low(toks[end]) == "samt") {
		w := toks[end+1]
		if w.Kind != doc.Word || !infinitiveLike(w.Text) {
			break
		}
		next := taskEnd(toks, end+1)
		if next-(end+1) < 2 {
			break
		}
		*out = append(*out, cand{from: end + 1, to: next, class: "Mandate", rule: "mandate:and"})
		end = next
	}
	return end
}

// infinitiveLike guesses an infinitive that opens a task: lower case,
// ending in -a ("fördela", "stödja") or one of the short verbs, and not
// one of the adjectives and pronouns that also end in -a.
func infinitiveLike(w string) bool {
	if len(w) < 2 || lang.UpperFirst(w) || functionWord(w) || mandateStop[w] || policyAdjectives[w] || notInfinitives[w] {
		return false
	}
	return strings.HasSuffix(w, "a") && len(w) > 2 || shortVerbs[w]
}

// particles end particle verbs ("ta fram", "följa upp"): a verb with its
// particle alone is not yet a task.
var particles = map[string]bool{"fram": true, "upp": true, "ut": true, "in": true, "igång": true, "bort": true, "över": true, "av": true, "om": true}

var shortVerbs = map[string]bool{"gå": true, "stå": true, "se": true, "ge": true, "nå": true, "bo": true, "tro": true, "få": true, "ta": true}

var notInfinitives = map[string]bool{}

func init() {
	for _, w := range strings.Fields("bara andra hela nya flera många olika sina deras dessa enda sista nästa båda egna stora små gamla unga alla vissa samma övriga sådana inga ena") {
		notInfinitives[w] = true
	}
}

// subjectTask finds a task stated as the sentence's subject and called an
// actor's responsibility after it: "Att planlägga användningen av mark och
// vatten är kommunens ansvar".
func subjectTask(toks []doc.Token, sp spans) []cand {
	if len(toks) < 6 || low(toks[0]) != "att" || !infinitiveLike(low(toks[1])) {
		return nil
	}
	end := taskEnd(toks, 1)
	if end-1 < 2 {
		return nil
	}
	tasks := []cand{{from: 1, to: end, class: "Mandate", rule: "mandate:subject"}}
	// "Att ta fram … och att samordna … är en av de viktigaste uppgifterna"
	for end+2 < len(toks) && low(toks[end]) == "och" && (low(toks[end+1]) == "att" || infinitiveLike(low(toks[end+1]))) {
		from := end + 1 // "… och stödja …"
		if low(toks[end+1]) == "att" {
			from++
		}
		next := taskEnd(toks, from)
		if next-from < 2 {
			return nil
		}
		tasks = append(tasks, cand{from: from, to: next, class: "Mandate", rule: "mandate:subject"})
		end = next
	}
	// "… för att utveckla näringslivet är …": a purpose before the verb
	if end+1 < len(toks) && low(toks[end]) == "för" && low(toks[end+1]) == "att" {
		for k := end + 2; k < len(toks) && k < end+16 && toks[k].Kind != doc.Punct; k++ {
			if low(toks[k]) == "är" {
				end = k
				break
			}
		}
	}
	// "… har länge varit en central uppgift …"
	if end+1 < len(toks) && low(toks[end]) == "har" {
		k := end + 1
		if k+1 < len(toks) && low(toks[k]) != "varit" {
			k++ // "har länge varit"
		}
		if low(toks[k]) == "varit" {
			end = k
		}
	}
	if end >= len(toks) || low(toks[end]) != "är" && low(toks[end]) != "var" && low(toks[end]) != "varit" {
		return nil
	}
	for k := end + 1; k < len(toks) && k <= end+6; k++ {
		if toks[k].Kind != doc.Word {
			break
		}
		// an owner in the genitive, named or not ("kommunens ansvar"), or
		// the task's standing among tasks ("en av de viktigaste
		// uppgifterna inom …")
		if taskNounWord(low(toks[k])) && (k > end+1 && strings.HasSuffix(low(toks[k-1]), "s") || rankedTask(toks, end+1, k)) {
			return tasks
		}
	}
	return nil
}

// rankedTask reports whether tokens [a, k) rank the task noun at k among
// tasks: "en av de viktigaste", "en central", "den främsta".
func rankedTask(toks []doc.Token, a, k int) bool {
	if k <= a {
		return false
	}
	switch low(toks[a]) {
	case "en", "ett", "den", "det":
	default:
		return false
	}
	for _, t := range toks[a+1 : k] {
		switch l := low(t); {
		case l == "av" || l == "de" || l == "viktig" || l == "viktigaste" || l == "central" || l == "centrala" || l == "främsta" || l == "huvudsakliga" || l == "grundläggande":
		default:
			return false
		}
	}
	return true
}

// taskNounWord is a noun of responsibility or assignment, bare or
// compound: "ansvar", "uppgift", "huvudansvar".
func taskNounWord(w string) bool {
	for _, n := range []string{"ansvar", "ansvaret", "uppgift", "uppgiften", "uppgifter", "uppgifterna", "uppdrag", "uppdraget", "uppdragen"} {
		if strings.HasSuffix(w, n) {
			return true
		}
	}
	return false
}

// hedges may stand between a lead and its task.
var hedges = [][]string{{"också"}, {"även"}, {"bland", "annat"}, {"bl.a."}, {"exempelvis"}, {"till", "exempel"}, {"t.ex."}, {"bland", "annat", "att"}}

// skipHedge returns the token after a hedge at i, or i. A means adjunct
// ("ansvara för att genom bidrag främja …") and an opening quote before
// the task's verb are skipped too.
func skipHedge(toks []doc.Token, i int) int {
	best := skipMeans(toks, skipTime(toks, i))
	if i < len(toks) && low(toks[i]) == "att" {
		if k := skipMeans(toks, i+1); k > i+1 {
			best = k // "ansvara för att genom bidrag främja …"
		}
	}
	if best < len(toks) && isOpenQuote(toks[best].Text) {
		best++
	}
	if best > i {
		return best
	}
	for _, h := range hedges {
		if i+len(h) > len(toks) {
			continue
		}
		ok := true
		for k, w := range h {
			if low(toks[i+k]) != w {
				ok = false
				break
			}
		}
		if ok && i+len(h) > best {
			best = i + len(h)
		}
	}
	return best
}

// skipTime returns the token after a time adjunct that stands before an
// infinitive ("att under 2024 ta fram …", "att under perioden 2023–2025
// stödja …"), or i.
func skipTime(toks []doc.Token, i int) int {
	if i >= len(toks) || low(toks[i]) != "under" {
		return i
	}
	k := i + 1
	if k < len(toks) && (low(toks[k]) == "perioden" || low(toks[k]) == "året" || low(toks[k]) == "år") {
		k++
	}
	if k >= len(toks) || toks[k].Kind != doc.Number {
		return i
	}
	k++
	if k+1 < len(toks) && (toks[k].Text == "–" || toks[k].Text == "-") && toks[k+1].Kind == doc.Number {
		k += 2
	}
	if k < len(toks) && toks[k].Kind == doc.Word && infinitiveLike(low(toks[k])) {
		return k
	}
	return i
}

// skipMeans returns the token after "genom" and the one to three nouns
// of a means adjunct that stands before an infinitive ("genom bidrag
// främja", "genom riktade insatser stödja"), or i.
func skipMeans(toks []doc.Token, i int) int {
	if i >= len(toks) || low(toks[i]) != "genom" {
		return i
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		t := toks[k]
		if k > i+1 && (isOpenQuote(t.Text) || t.Kind == doc.Word && infinitiveLike(low(t))) {
			return k
		}
		if t.Kind != doc.Word || functionWord(low(t)) {
			return i
		}
	}
	return i
}

// isOpenQuote tells a quotation mark that may open a quote.
func isOpenQuote(s string) bool {
	return s == "”" || s == "“" || s == "\"" || s == "«" || s == "„"
}

// taskNounBefore reports whether a noun of task or work stands among the
// three words before token i: "Uppdraget handlar om att", "Regionernas
// arbete handlar i huvudsak om att".
func taskNounBefore(toks []doc.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if taskCompound(toks[k].Text) {
			return true // "Myndighetens huvudansvar är nationellt övergripande och omfattar …"
		}
		if toks[k].Kind == doc.Punct {
			return false
		}
		switch low(toks[k]) {
		case "uppdraget", "uppdrag", "rollen", "roll", "ansvaret", "uppgiften":
			return true
		case "arbete", "arbetet":
			// "Regionernas arbete handlar om att …" is a task of its owner;
			// "Arbetet handlar om att …" tells what a piece of work does
			return k > 0 && toks[k-1].Kind == doc.Word && strings.HasSuffix(low(toks[k-1]), "s")
		}
	}
	return false
}

// shall reads "X ska …" and, with the subject after the verb, "… ska X
// …"; it returns where the task starts, after adverbs and a law the task
// is given by ("Regionerna ska enligt förordningen följa upp …").
func (sp spans) shall(toks []doc.Token, i int) (int, bool) {
	if l := low(toks[i]); l != "ska" && l != "skulle" || i == 0 {
		return 0, false
	}
	from := i + 1
	if end, ok := sp.actorStart[from]; ok && !sp.actorEnd[i] {
		if genitiveBefore(toks, end) {
			return 0, false // "… ska regionernas kunskaper öka": the actor owns the subject
		}
		from = end // "För att … ska regionerna ta fram …"
	} else if !sp.actorEnd[i] && !sp.appositionEnd(toks, i) && !(i >= 2 && low(toks[i-1]) == "som" && roleWord(low(toks[i-2]))) {
		return 0, false // "en funktion som ska verka för …" states the role's task
	} else if sp.actorEnd[i] && sp.governedActors(toks, i) {
		return 0, false // "Samverkan mellan myndigheterna och regionerna ska …": the subject is no actor
	}
	for from < len(toks) {
		switch l := low(toks[from]); {
		case l == "även" || l == "också" || l == "dessutom":
			from++
		case l == "enligt" && sp.lawStart[from+1] > 0:
			from = sp.lawStart[from+1]
		case l == "enligt" && from+1 < len(toks) && (low(toks[from+1]) == "förordningen" || low(toks[from+1]) == "lagen"):
			from += 2
		case l == "enligt" && from+2 < len(toks) && toks[from+1].Kind == doc.Word && decisionNoun(low(toks[from+1])):
			from += 2 // "ska enligt strategin bidra till …"
		default:
			return from, true
		}
	}
	return from, true
}

// passive guesses a passive infinitive: "utvecklas", "genomföras".
func passive(w string) bool {
	return strings.HasSuffix(w, "as") && len(w) > 4
}

// taskNouns end compound nouns that name a responsibility or an
// assignment: "samordningsansvar", "välfärdsuppdrag".
var taskNouns = []string{"ansvar", "ansvaret", "uppdrag", "uppdraget"}

// ownedTasks finds a compound task noun that an actor holds: after a verb
// of holding ("har ett nationellt samordningsansvar") or an actor's name
// in the genitive ("regionernas välfärdsuppdrag inom hälso- och
// sjukvård"), with its adjectives and an "inom" phrase after it.
func ownedTasks(toks []doc.Token, sp spans) []cand {
	var out []cand
	for i, t := range toks {
		if t.Kind != doc.Word || !taskCompound(t.Text) {
			continue
		}
		from := i
		for from > 0 && i-from < 2 && toks[from-1].Kind == doc.Word && taskAdjective(low(toks[from-1])) {
			from--
		}
		owned := sp.actorEnd[from] && strings.HasSuffix(low(toks[from-1]), "s")
		if !owned && from > 0 {
			k := from - 1
			if l := low(toks[k]); (l == "ett" || l == "en" || l == "sitt" || l == "sina" || l == "det") && k > 0 {
				k--
			}
			owned = holdVerb[low(toks[k])]
		}
		if !owned {
			continue
		}
		to := i + 1
		if to+1 < len(toks) && low(toks[to]) == "inom" {
			to = taskEnd(toks, to+1)
		} else if from == i && sp.actorEnd[from] && strings.HasSuffix(low(toks[from-1]), "s") {
			// a bare "huvudansvar" names nothing; with its owner it does:
			// "Folkhälsomyndighetens huvudansvar"
			from = sp.actorFrom[from]
		}
		out = append(out, cand{from: from, to: to, class: "Mandate", rule: "mandate:owned"})
	}
	return out
}

var holdVerb = map[string]bool{"har": true, "hade": true, "får": true, "fick": true, "fått": true, "haft": true, "ges": true, "gavs": true}

func taskCompound(w string) bool {
	l := strings.ToLower(w)
	for _, n := range taskNouns {
		if strings.HasSuffix(l, n) && len(l) >= len(n)+4 {
			return true
		}
	}
	return false
}

// taskAdjective is an adjective before a task noun: "nationellt",
// "regionala", "särskilt".
func taskAdjective(w string) bool {
	if policyAdjectives[w] {
		return true
	}
	return !functionWord(w) && (strings.HasSuffix(w, "t") || strings.HasSuffix(w, "a")) && len(w) > 4 && !holdVerb[w]
}

// offerAt matches a task given with its giver or to its holders between
// the lead's words: "i uppdrag av regeringen att …", "erbjuda regionerna
// och Gotlands kommun att …"; it returns the length up to and including
// "att".
func offerAt(toks []doc.Token, i int) int {
	l := low(toks[i])
	start := 0
	switch {
	case l == "i" && i+2 < len(toks) && low(toks[i+1]) == "uppdrag" && low(toks[i+2]) == "av":
		start = i + 3
	case l == "erbjuda" || l == "erbjöd" || l == "erbjuder" || l == "uppdrar" || l == "uppdrog" || l == "ålägger" || l == "ålade":
		start = i + 1
	default:
		return 0
	}
	for j := start; j < len(toks) && j < start+10; j++ {
		if low(toks[j]) == "att" && j > start {
			if l := low(toks[j-1]); l == "genom" || l == "för" || l == "med" || l == "utan" {
				return 0 // "erbjuder … insatser genom att etablera …": a means, no task offered
			}
			return j + 1 - i
		}
		if toks[j].Kind == doc.Punct && toks[j].Text != "," {
			return 0
		}
	}
	return 0
}

// verbLike guesses that a task opens with a verb (infinitive or present):
// then an article after it starts the verb's object, not a new phrase.
func verbLike(w string) bool {
	l := strings.ToLower(w)
	return strings.HasSuffix(l, "a") || strings.HasSuffix(l, "ar") || strings.HasSuffix(l, "er") || l == "ta" || l == "ge" || l == "gå" || l == "stå"
}

// dutyVerbs state a public body's standing duty in the present tense:
// "Skolverket stödjer utbildningsanordnarna", "Länsstyrelserna samlar
// statens intressen", "Universitet och högskolor svarar för den högre
// utbildningen". Each is one word or a verb with its particle.
var dutyVerbs = [][]string{
	{"svarar", "för"}, {"verkar", "för"}, {"följer", "upp"}, {"beslutar", "om"}, {"stödjer"}, {"stöder"}, {"administrerar"},
	{"bedömer"}, {"samlar"}, {"samordnar"}, {"fördelar"}, {"handlägger"}, {"granskar"}, {"prövar"}, {"utövar"},
	{"tillhandahåller"}, {"främjar"}, {"utvärderar"}, {"analyserar"}, {"beviljar"}, {"leder"}, {"utvecklar"}, {"anger"},
}

// otherVerbs are finite verbs that, coordinated after a duty, say what
// else the body does without naming a duty of their own: "fördelar stöd
// till bredbandsutbyggnad och samverkar med …".
var otherVerbs = map[string]bool{"samverkar": true, "samarbetar": true, "deltar": true, "medverkar": true, "bidrar": true,
	"arbetar": true, "ansvarar": true, "erbjuder": true, "driver": true, "finansierar": true, "har": true, "är": true}

// dutyAt returns how many words a duty verb takes at token i, or 0.
func dutyAt(toks []doc.Token, i int) int {
	for _, v := range dutyVerbs {
		if i+len(v) > len(toks) {
			continue
		}
		ok := true
		for k, w := range v {
			ok = ok && low(toks[i+k]) == w
		}
		if ok {
			return len(v)
		}
	}
	return 0
}

// vagueObject reports whether the object at token k says no duty: a
// share ("svarar för ungefär halva finansieringen", "för 40 procent") or
// work named only as such ("stödjer arbetet") or as another's.
func vagueObject(toks []doc.Token, k int) bool {
	if k >= len(toks) {
		return true
	}
	switch low(toks[k]) {
	case "ungefär", "cirka", "drygt", "knappt", "hälften", "halva", "merparten", "delar", "del", "arbetet", "dem":
		return true
	case "det", "detta", "dessa", "denna", "den", "de":
		// a pronoun, not an article before its noun ("det regionala …")
		return k+1 >= len(toks) || toks[k+1].Kind != doc.Word || low(toks[k+1]) == "arbetet"
	}
	// "stödjer regionernas arbete med …": another's work, supported
	if k+1 < len(toks) && strings.HasSuffix(low(toks[k]), "s") && strings.HasPrefix(low(toks[k+1]), "arbete") {
		return true
	}
	return toks[k].Kind == doc.Number
}

// duties reads the duties a public body's name right before token i
// states, with those coordinated after ("stödjer X och administrerar
// Y"), and returns the end of the last, or false. A duty whose object is
// a named instrument is no duty of its own: the body runs the instrument.
func duties(toks []doc.Token, sp spans, i int, out *[]cand) (int, bool) {
	if i == 0 || !sp.publicEnd[i] {
		return 0, false
	}
	rule := "mandate:duty"
	for {
		n := dutyAt(toks, i)
		// "leder, samordnar och utvecklar det regionala
		// utvecklingsarbetet": verbs listed before one object
		for n > 0 && i+n+1 < len(toks) && (toks[i+n].Text == "," || low(toks[i+n]) == "och") && dutyAt(toks, i+n+1) > 0 {
			n += 1 + dutyAt(toks, i+n+1)
		}
		// an actor as the object is support for it, no duty ("stödjer
		// Region X"); an actor's genitive starts an object ("samlar statens
		// intressen")
		actorObject := sp.actorStart[i+n] > 0 && !strings.HasSuffix(low(toks[sp.actorStart[i+n]-1]), "s")
		if n == 0 || i+n >= len(toks) || sp.instrStart[i+n] || actorObject || vagueObject(toks, skipHedge(toks, i+n)) {
			break
		}
		end := taskEnd(toks, skipHedge(toks, i+n))
		// "stödjer X och administrerar Y": the next duty ends this one, as
		// does a clause with a subject of its own ("… och regeringen
		// fördelar …")
		for k := i + n + 1; k+1 < end; k++ {
			if low(toks[k]) == "och" && (dutyAt(toks, k+1) > 0 || sp.actorStart[k+1] > 0 || otherVerbs[low(toks[k+1])]) {
				end = k
				break
			}
		}
		if end-(i+n) < 1 {
			break
		}
		*out = append(*out, cand{from: i, to: end, class: "Mandate", rule: rule})
		rule = "mandate:and"
		if end+1 >= len(toks) || low(toks[end]) != "och" {
			return end, true
		}
		i = end + 1
	}
	if rule == "mandate:and" {
		return i - 1, true
	}
	return 0, false
}

// roleAdjectives qualify a role as one placed with an actor: "en särskild
// roll i samverkan kring …", "en utpekad roll i arbetet med …"; "en
// viktig roll" only weighs a part.
var roleAdjectives = map[string]bool{"särskild": true, "särskilda": true, "utpekad": true, "utpekade": true, "central": true,
	"samordnande": true, "ledande": true, "formell": true, "formella": true, "lagstadgad": true, "samlande": true, "drivande": true}

// qualifiedRole reads such a role at token i with what it is in or for:
// "särskild roll i samverkan kring den regionala utvecklingen".
func qualifiedRole(toks []doc.Token, i int) (cand, bool) {
	if !roleAdjectives[low(toks[i])] || i+3 >= len(toks) {
		return cand{}, false
	}
	if r := low(toks[i+1]); r != "roll" && r != "rollen" {
		return cand{}, false
	}
	switch low(toks[i+2]) {
	case "i", "inom", "för", "kring":
	default:
		return cand{}, false
	}
	end := taskEnd(toks, i+3)
	if end <= i+3 {
		return cand{}, false
	}
	return cand{from: i, to: end, class: "Mandate", rule: "mandate:role"}, true
}
