package relate

import (
	"slices"
	"strings"

	"kg/ingest/doc"
)

// giveVerbs give someone an assignment: "regeringen gav Tillväxtverket i
// uppdrag att …".
var giveVerbs = map[string]bool{"ger": true, "gav": true, "gett": true, "givit": true, "ge": true}

// holdVerbs between an actor and a named responsibility make the actor its
// holder: "regionerna har det regionala utvecklingsansvaret".
var holdVerbs = map[string]bool{"har": true, "hade": true, "fick": true, "får": true, "fått": true, "tog": true, "tagit": true,
	"övertog": true, "åtagit": true, "ansvarar": true, "bär": true, "innehar": true, "ges": true, "gavs": true, "getts": true,
	"erhöll": true, "utövar": true, "med": true, "tilldelats": true, "övertagit": true, "ska": true}

// restVerbs rest a responsibility on the actor after "på": "ansvaret låg
// på länsstyrelserna".
var restVerbs = map[string]bool{"låg": true, "ligger": true, "vilar": true, "vilade": true, "lades": true, "läggs": true}

// moveVerbs move a responsibility to the actor after "till": "ansvaret
// flyttades till regionerna".
var moveVerbs = map[string]bool{"flyttades": true, "flyttats": true, "överfördes": true, "överförts": true, "förs": true,
	"fördes": true, "övergick": true, "gick": true, "överförs": true, "flyttas": true, "läggs": true, "lades": true}

func (r *relater) mandates(sc *sentence, leadActors, prevLaws, prevSubjects, prevTasks []span) {
	parts := map[int]int{} // task → the task it is part of, in this sentence
	for _, m := range sc.spans {
		if m.class != "Mandate" {
			continue
		}
		rule := r.d.Mentions[m.m].Rule
		holders, giver := sc.holders(m, rule, leadActors)
		if prev, ok := sc.taskBefore(m); ok {
			if rule == "mandate:and" {
				holders, giver = sc.holders(prev, r.d.Mentions[prev.m].Rule, leadActors) // the first task's holders
				if whole, ok := parts[prev.e]; ok {
					r.add(m.e, whole, "partOf", sc.i, "mandate:part") // the next task of the same list
					parts[m.e] = whole
				}
			} else if sc.partLead(prev.to, m.from) {
				r.add(m.e, prev.e, "partOf", sc.i, "mandate:part") // "Uppdraget handlar om att …"
				parts[m.e] = prev.e
			}
		} else if len(prevTasks) > 0 && sc.partLead(0, m.from) && sc.taskReferredBack(m.from) {
			// "… en regional digitaliseringskoordinator som ska … Inom
			// ramen för detta ingår att främja …"
			r.add(m.e, prevTasks[0].e, "partOf", sc.i, "mandate:part") // the task the sentence before was about
		}
		if len(holders) == 0 && sc.otherTasks() {
			holders = r.holdersOf(prevTasks) // "… dess främsta uppgift är att … Andra uppgifter är att …"
		}
		if len(holders) == 0 && (sc.opensWithPronoun() || rule == "mandate:subject") {
			// "De ska verka för …"; "Regionernas arbete … Att ta fram
			// kunskap … är en av de viktigaste uppgifterna."
			holders = prevSubjects
		}
		// "en regional digitaliseringskoordinator som ska bidra till …":
		// the task is part of the role
		if role, ok := sc.roleBefore(m); ok {
			r.add(m.e, role.e, "partOf", sc.i, "mandate:role-task")
		}
		for _, h := range holders {
			r.add(h.e, m.e, "holdsMandate", sc.i, "mandate:holder")
		}
		if giver != nil {
			r.add(giver.e, m.e, "confers", sc.i, "mandate:giver")
		}
		laws := sc.ofClass("Law")
		if len(laws) == 0 && len(holders) > 0 && sc.carriesLaw(holders, prevLaws, prevSubjects) {
			laws = prevLaws
		}
		for _, l := range laws {
			// a law that regulates a task no one is said to hold here
			// governs it; one that gives it to a holder confers it
			if r.has(l.e, m.e, "governs") {
				if len(holders) == 0 {
					continue
				}
				r.remove(l.e, m.e, "governs")
			}
			r.add(l.e, m.e, "confers", sc.i, "mandate:law")
		}
	}
}

// carriesLaw reports whether a law named before grounds a task of this
// sentence's holders: in a list's items, after a pronoun, after a
// sentence the law opened ("Förordningen pekar ut myndigheternas roll. De
// ska …"), or when the holders were the subject of the sentence before.
// A new actor's task is its own: "Enligt bibliotekslagen ska varje kommun
// ha en biblioteksplan. Kungliga biblioteket har ett ansvar för …".
func (sc *sentence) carriesLaw(holders, prevLaws, prevSubjects []span) bool {
	if sc.d.Passages[sc.d.Sentences[sc.i].Passage].Kind == doc.ListItem || sc.opensWithPronoun() {
		return true
	}
	if slices.ContainsFunc(prevLaws, func(l span) bool { return l.from == 0 }) {
		return true
	}
	for _, h := range holders {
		if slices.ContainsFunc(prevSubjects, func(p span) bool { return p.e == h.e }) {
			return true
		}
	}
	return false
}

// holders finds who holds the mandate m, and who gave it.
func (sc *sentence) holders(m span, rule string, leadActors []span) ([]span, *span) {
	if rule == "mandate:list" {
		return leadActors, nil
	}
	if hs := sc.placedHolders(m, rule); len(hs) > 0 {
		return hs, nil
	}
	actor := []string{"Actor"}
	// "X ger/gav Y i uppdrag att …"
	for k := len(sc.spans) - 1; k >= 0; k-- {
		s := sc.spans[k]
		if s.to > m.from || !fits(s.class, actor) {
			continue
		}
		if k > 0 && sc.spans[k-1].to == s.from && fits(sc.spans[k-1].class, actor) && sc.spans[k-1].from > 0 && giveVerbs[low(sc.toks[sc.spans[k-1].from-1])] {
			g := sc.spans[k-1]
			return []span{s}, &g
		}
		if s.from > 0 && giveVerbs[low(sc.toks[s.from-1])] {
			var giver *span
			if g := sc.subjects(s.from-1, actor); len(g) > 0 {
				giver = &g[0]
			} else if s.from > 1 {
				// "gav regeringen Tillväxtverket i uppdrag": the giver follows the verb
				for j := k - 1; j >= 0; j-- {
					if sc.spans[j].to == s.from && fits(sc.spans[j].class, actor) {
						giver, s = &sc.spans[j], sc.spans[k]
					}
				}
			}
			return []span{s}, giver
		}
		break
	}
	if strings.HasPrefix(rule, "mandate:") {
		var giver *span
		for _, s := range sc.spans {
			if s.to <= m.from && s.from >= 2 && s.from >= m.from-6 && low(sc.toks[s.from-1]) == "av" && !sc.partitive(s) && fits(s.class, actor) {
				g := s
				giver = &g
			}
		}
		if off, giver := sc.offer(m); len(off) > 0 {
			return off, giver
		}
		subs := sc.subjects(m.from, actor)
		if len(subs) > 0 && sc.partitive(subs[0]) {
			// "X, som en av de sex första regionerna, skulle …": the
			// actor the apposition describes
			subs = sc.subjects(subs[0].from, actor)
		}
		subs = slices.DeleteFunc(subs, sc.partitive)
		if giver != nil {
			var rest []span
			for _, s := range subs {
				if s.e != giver.e {
					rest = append(rest, s)
				}
			}
			if len(rest) == 0 {
				rest = sc.subjects(giver.from-1, actor)
			}
			return rest, giver
		}
		if len(subs) > 0 {
			return subs, sc.decider(subs[0])
		}
		// no subject before: the task may rest on actors after it, or a
		// relative clause names who carries it ("… som regionerna ska ta fram")
		if rest := sc.restsOn(m); len(rest) > 0 {
			return rest, nil
		}
		return sc.relativeHolder(m), nil
	}
	// a named responsibility (from the vocabulary) needs a verb of holding
	if subs := sc.subjects(m.from, actor); len(subs) > 0 && (sc.holdVerbBetween(subs[0].to, m.from) || sc.roleCopula(subs[0].to, m.from) || sc.invertedHolder(subs, m)) {
		return subs, nil
	}
	return sc.restsOn(m), nil
}

// restsOn finds holders named after a responsibility: "… vilar på A och
// B", "… är delat mellan A och B", "… flyttades till regionerna".
func (sc *sentence) restsOn(m span) []span {
	actor := []string{"Actor"}
	for i := m.to; i < len(sc.toks)-1 && i < m.to+4; i++ {
		// "Ansvaret … är delat mellan A och B", "… delas mellan stat, region och kommun"
		if l := low(sc.toks[i]); l == "delat" || l == "delas" || l == "fördelat" || l == "fördelas" || l == "delades" {
			for j := i + 1; j < len(sc.toks) && j < i+3; j++ {
				if low(sc.toks[j]) == "mellan" {
					return sc.objects(j+1, actor)
				}
			}
		}
		if restVerbs[low(sc.toks[i])] {
			for j := i + 1; j < len(sc.toks) && j < i+4; j++ {
				if low(sc.toks[j]) == "på" {
					return sc.objects(j+1, actor)
				}
			}
		}
	}
	// "I början låg det regionala utvecklingsansvaret på …": the verb before
	if m.from >= 2 && restVerbs[low(sc.toks[m.from-1])] || m.from >= 3 && restVerbs[low(sc.toks[m.from-2])] {
		for j := m.to; j < len(sc.toks) && j < m.to+3; j++ {
			if low(sc.toks[j]) == "på" {
				var out []span
				for _, s := range sc.spans {
					if s.from > j && fits(s.class, actor) {
						out = append(out, s)
					}
				}
				return out
			}
		}
	}
	for i := m.to; i < len(sc.toks)-1; i++ {
		if moveVerbs[low(sc.toks[i])] {
			for j := i + 1; j < len(sc.toks) && j < i+4; j++ {
				if low(sc.toks[j]) == "till" {
					return sc.objects(j+1, actor)
				}
			}
		}
	}
	return nil
}

// roleCopula reports whether tokens [a, b) are a copula with at most its
// adverbs: the actor before them is the role that follows ("Region Kalmar
// län är regional kollektivtrafikmyndighet", "… är numera även …").
func (sc *sentence) roleCopula(a, b int) bool {
	if b <= a || b-a > 3 || !onlyWords(sc.toks[a:b], "är", "var", "blev", "blir", "också", "även", "numera") {
		return false
	}
	l := low(sc.toks[a])
	return l == "är" || l == "var" || l == "blev" || l == "blir"
}

func (sc *sentence) holdVerbBetween(a, b int) bool {
	// "Regionerna har, enligt bibliotekslagen (2013:80), ett ansvar för att
	// bedriva …": a lead noun lets the verb stand further off
	if b-a > 16 || b-a > 8 && !sc.leadNounIn(a, b) {
		return false
	}
	for _, t := range sc.toks[a:b] {
		if holdVerbs[low(t)] {
			return true
		}
	}
	return false
}

// offerVerbs give a task to the actors after them: "regeringen beslutade
// att erbjuda regionerna och Gotlands kommun att ta fram …".
var offerVerbs = map[string]bool{"erbjuda": true, "erbjöd": true, "erbjuder": true, "uppdrar": true, "uppdrog": true,
	"uppdra": true, "ålägger": true, "ålade": true, "åläggs": false, "bad": true, "ber": true}

// offer reads "Regeringen uppdrar åt Tillväxtverket att …": the offer's
// subject gives the task m to the actors after the verb.
func (sc *sentence) offer(m span) ([]span, *span) {
	off, v := sc.offered(m.from)
	if len(off) == 0 {
		return nil, nil
	}
	if g := sc.subjects(v, []string{"Actor"}); len(g) > 0 {
		return off, &g[0]
	}
	return off, nil
}

// offered returns the actors between an offer verb and the task that
// starts at token from, and the verb's token.
func (sc *sentence) offered(from int) ([]span, int) {
	for i := from - 1; i >= 0 && i >= from-12; i-- {
		if !offerVerbs[low(sc.toks[i])] {
			continue
		}
		var out []span
		for _, s := range sc.spans {
			if s.from > i && s.to <= from && fits(s.class, []string{"Actor"}) {
				out = append(out, s)
			}
		}
		return out, i
	}
	return nil, -1
}

// opensWithPronoun reports whether the sentence opens with a pronoun that
// stands for actors named before: "De", "Dessa".
func (sc *sentence) opensWithPronoun() bool {
	if len(sc.toks) == 0 {
		return false
	}
	l := low(sc.toks[0])
	if l != "de" && l != "dessa" {
		return false
	}
	// "De viktigaste aktörerna är …": an article before a noun phrase in
	// the definite plural, not a pronoun
	for k := 1; k < len(sc.toks) && k <= 3 && sc.toks[k].Kind == doc.Word; k++ {
		if w := low(sc.toks[k]); len(w) > 4 && strings.HasSuffix(w, "na") {
			return false
		}
	}
	return true
}

// subject returns the sentence's first actor that no preposition governs,
// with the actors coordinated with it: what a pronoun in the next
// sentence stands for.
func (sc *sentence) subject() []span {
	for k, s := range sc.spans {
		if !fits(s.class, []string{"Actor"}) || sc.governed(s) {
			continue
		}
		out := []span{s}
		for j := k + 1; j < len(sc.spans) && sc.coordinated(sc.spans[j-1].to, sc.spans[j].from); j++ {
			if fits(sc.spans[j].class, []string{"Actor"}) {
				out = append(out, sc.spans[j])
			}
		}
		return out
	}
	return nil
}

// leadWords may stand between an owner in the genitive and its task.
var leadWords = map[string]bool{"uppdrag": true, "uppdraget": true, "uppgift": true, "uppgifter": true, "är": true, "att": true,
	"främsta": true, "viktigaste": true, "huvudsakliga": true}

// leadOnly reports whether tokens [a, b) are only lead words ("uppdrag är
// att").
func (sc *sentence) leadOnly(a, b int) bool {
	if b-a > 4 {
		return false
	}
	for _, t := range sc.toks[a:b] {
		if !leadWords[low(t)] {
			return false
		}
	}
	return true
}

func (sc *sentence) leadNounIn(a, b int) bool {
	for _, t := range sc.toks[a:b] {
		switch low(t) {
		case "ansvar", "ansvaret", "uppdrag", "uppdraget", "uppgift", "uppgiften":
			return true
		}
	}
	return false
}

// taskBefore returns the mandate named last before m in the sentence.
func (sc *sentence) taskBefore(m span) (span, bool) {
	var prev span
	ok := false
	for _, s := range sc.spans {
		if s.class == "Mandate" && s.to <= m.from && s.e != m.e {
			prev, ok = s, true
		}
	}
	return prev, ok
}

// partLead reports whether tokens [a, b) say that what follows is a part
// of what stands before: "handlar om att", "omfattar".
func (sc *sentence) partLead(a, b int) bool {
	if b-a > 9 {
		return false
	}
	for _, t := range sc.toks[a:b] {
		switch low(t) {
		case "handlar", "omfattar", "innebär", "inkluderar", "ingår":
			return true
		}
	}
	return false
}

// assignmentLies reports whether the tokens say that what follows lies in
// an assignment: "uppdrag ligger också" in "I regionernas uppdrag ligger
// också …".
func assignmentLies(toks []doc.Token) bool {
	if len(toks) < 2 || len(toks) > 4 {
		return false
	}
	switch low(toks[0]) {
	case "uppdrag", "uppdraget", "ansvar", "ansvaret", "uppgift", "uppgifter":
		return low(toks[1]) == "ligger" && onlyWords(toks[2:], "också", "även")
	}
	return false
}

// decideVerbs state a decision that someone shall do something.
var decideVerbs = map[string]bool{"beslutade": true, "beslutat": true, "beslöt": true, "beslutar": true, "bestämde": true, "bestämt": true}

// decider finds who decided that the holder h shall carry a task:
// "År 2016 beslutade regeringen att Västra Götaland … skulle upprätta …".
func (sc *sentence) decider(h span) *span {
	if h.from < 2 || low(sc.toks[h.from-1]) != "att" {
		return nil
	}
	for k := h.from - 2; k >= 0 && k >= h.from-4; k-- {
		if !decideVerbs[low(sc.toks[k])] {
			continue
		}
		for _, s := range sc.spans {
			// the decider stands right before the verb or right after it
			if fits(s.class, []string{"Actor"}) && (s.to == k || s.from == k+1 && s.to == h.from-1) {
				g := s
				return &g
			}
		}
	}
	return nil
}

// otherTasks reports whether the sentence opens by naming more tasks of
// someone named before: "Andra uppgifter är att …", "Övriga uppdrag …",
// "Dess uppgifter är att …".
func (sc *sentence) otherTasks() bool {
	if len(sc.toks) < 2 {
		return false
	}
	switch low(sc.toks[0]) {
	case "andra", "övriga", "dess", "deras", "ytterligare":
		return taskNouns[low(sc.toks[1])]
	}
	return false
}

// taskNouns name tasks in the plural or singular.
var taskNouns = map[string]bool{"uppgifter": true, "uppgift": true, "uppdrag": true, "ansvarsområden": true}

// holdersOf returns the actors the graph so far gives as holders of the
// tasks.
func (r *relater) holdersOf(tasks []span) []span {
	var out []span
	for _, rel := range r.d.Relations {
		if rel.P != "holdsMandate" || !slices.ContainsFunc(tasks, func(t span) bool { return t.e == rel.O }) {
			continue
		}
		if !slices.ContainsFunc(out, func(s span) bool { return s.e == rel.S }) {
			out = append(out, span{m: -1, e: rel.S, class: r.d.Entities[rel.S].Class, from: -1, to: -1})
		}
	}
	return out
}

// partitive reports whether s is the whole that a number of its members
// is taken from: "Tre av landets regioner har i uppdrag …" gives the
// task to three regions, not to the regions or by them.
func (sc *sentence) partitive(s span) bool {
	k := s.from - 1 // "av", or the article after it ("en av de sex första regionerna")
	if k >= 1 && (low(sc.toks[k]) == "de" || low(sc.toks[k]) == "dessa") {
		k--
	}
	if k < 1 || low(sc.toks[k]) != "av" {
		return false
	}
	n := sc.toks[k-1]
	return n.Kind == doc.Number || numberWords[low(n)]
}

// numberWords count or quantify members of a whole.
var numberWords = map[string]bool{"en": true, "ett": true, "två": true, "tre": true, "fyra": true, "fem": true, "sex": true,
	"sju": true, "åtta": true, "nio": true, "tio": true, "elva": true, "tolv": true, "några": true, "flera": true, "många": true,
	"hälften": true, "majoriteten": true, "merparten": true, "flertalet": true, "del": true, "någon": true, "ingen": true}

// invertedHolder reports whether the subjects stand between a verb of
// holding and the responsibility, as after an adverbial that opens the
// sentence: "Sedan 2019 har varje region det regionala
// utvecklingsansvaret".
func (sc *sentence) invertedHolder(subs []span, m span) bool {
	from, to := subs[0].from, subs[0].to
	for _, s := range subs {
		from, to = min(from, s.from), max(to, s.to)
	}
	return from > 1 && holdVerbs[low(sc.toks[from-1])] && to == m.from
}

// onlyWords reports whether every token is one of the words.
func onlyWords(toks []doc.Token, words ...string) bool {
	for _, t := range toks {
		if !slices.Contains(words, low(t)) {
			return false
		}
	}
	return true
}

// taskReferredBack reports whether the words before token b refer to a
// task named before the sentence: "Inom ramen för detta", "I uppdraget".
func (sc *sentence) taskReferredBack(b int) bool {
	for _, t := range sc.toks[:b] {
		switch low(t) {
		case "detta", "uppdraget", "uppgiften", "funktionen", "rollen", "ansvaret":
			return true
		}
	}
	return false
}

// relativeHolder finds "… som X ska …" after a task: X carries it.
func (sc *sentence) relativeHolder(m span) []span {
	for i := m.to; i+2 < len(sc.toks) && i < m.to+12; i++ {
		if low(sc.toks[i]) != "som" {
			continue
		}
		for _, s := range sc.spans {
			if s.from == i+1 && fits(s.class, []string{"Actor"}) && s.to < len(sc.toks) && low(sc.toks[s.to]) == "ska" {
				return []span{s}
			}
		}
	}
	return nil
}

// roleBefore returns the role a task is stated for by "som ska" right
// after the role's name.
func (sc *sentence) roleBefore(m span) (span, bool) {
	k := m.from
	if k < 3 || low(sc.toks[k-1]) != "ska" || low(sc.toks[k-2]) != "som" {
		return span{}, false
	}
	for _, s := range sc.spans {
		if s.to == k-2 && s.class == "Mandate" && s.e != m.e {
			return s, true
		}
	}
	return span{}, false
}

// placedHolders finds a holder the words around the task place: the
// owner after a task that opens the sentence ("Att planlägga … är
// kommunens ansvar"), the actor "i egenskap av" a role or "som" a role,
// and the owner in the genitive ("Nyföretagarcentrums uppdrag är att …").
func (sc *sentence) placedHolders(m span, rule string) []span {
	actor := []string{"Actor"}
	if rule == "mandate:subject" {
		for _, s := range sc.spans {
			if s.from >= m.to && fits(s.class, actor) && strings.HasSuffix(low(sc.toks[s.to-1]), "s") {
				return []span{s}
			}
		}
	}
	// "regionerna i egenskap av regionala kollektivtrafikmyndigheter"
	if k := m.from - 3; k >= 1 && low(sc.toks[k]) == "i" && low(sc.toks[k+1]) == "egenskap" && low(sc.toks[k+2]) == "av" {
		if a := sc.adjacentActor(k, actor); len(a) > 0 {
			return a
		}
	}
	// "I varje region finns en regional digitaliseringskoordinator": the
	// place that has the role holds it
	if rule == "mandate:role" {
		for _, s := range sc.spans {
			if s.from >= 1 && low(sc.toks[s.from-1]) == "i" && fits(s.class, actor) && s.to < m.from &&
				low(sc.toks[s.to]) == "finns" && onlyWords(sc.toks[s.to+1:m.from], "även", "också", "en", "ett", "numera", "nu") {
				return []span{s}
			}
		}
	}
	// "med Region X som huvudman": the actor right before "som" has the role
	if rule == "mandate:role" && m.from >= 2 && low(sc.toks[m.from-1]) == "som" {
		if a := sc.adjacentActor(m.from-1, actor); len(a) > 0 {
			return a
		}
	}
	for _, s := range sc.spans {
		owner := s.to <= m.from && (sc.leadOnly(s.to, m.from) || assignmentLies(sc.toks[s.to:m.from])) ||
			s.from == m.from && s.to < m.to // "Folkhälsomyndighetens huvudansvar"
		if owner && fits(s.class, actor) && strings.HasSuffix(low(sc.toks[s.to-1]), "s") {
			return []span{s}
		}
	}
	return nil
}
