package recognise

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// A definite class noun refers back to the last thing of its class named
// a few passages before: "Länsplanen … Planen revideras vart fjärde år",
// "… fick i uppdrag att … Uppdraget redovisas …". A compound of the same
// head ("Länsplanen" after "länsplan för regional transportinfrastruktur")
// is a short form of the name.

// backNouns are the definite forms that refer back, with their classes.
var backNouns = map[string]string{
	"planen": "Plan", "strategin": "Strategy", "programmet": "Programme", "projektet": "Project", "fonden": "Fund",
	"satsningen": "Project", "nätverket": "Network", "plattformen": "Platform", "modellen": "Programme",
	"uppdraget": "Mandate", "ansvaret": "Mandate", "lagen": "Act", "förordningen": "Ordinance", "anslaget": "Appropriation",
	"partnerskapet": "Partnership", "samarbetet": "Partnership", "bolaget": "Company", "föreningen": "Association",
	"initiativet": "Project", "kommissionen": "Platform", "rådet": "Platform", "forumet": "Platform", "överenskommelsen": "Agreement", "avtalet": "Agreement",
}

// backNoun returns the class a definite noun refers back to, in the
// genitive too: "Bolagets syfte är …", "projektets mål".
func backNoun(w string) (string, bool) {
	if c, ok := backNouns[w]; ok {
		return c, true
	}
	if b, ok := strings.CutSuffix(w, "s"); ok {
		c, ok := backNouns[b]
		return c, ok
	}
	return "", false
}

// reach is how many passages back an antecedent may stand; a law is
// referred back to further off ("Förordningen …" after a list of what it
// says), lawReach passages.
const (
	reach    = 4
	lawReach = 16
)

func reachOf(class string) int {
	if class == "Act" || class == "Ordinance" {
		return lawReach
	}
	return reach
}

type antecedent struct {
	class, key, sfs, name string
	passage               int
}

type antecedents struct {
	last    map[string]antecedent
	subject map[string]antecedent // the last of each class that opened a sentence
}

// remember notes a sentence's mentions; open is the byte offset where
// the sentence's subject would start.
func (a *antecedents) remember(ms []doc.Mention, passage, open int) {
	for _, m := range ms {
		if m.Group || m.Class == "" || strings.HasPrefix(m.Rule, "closed:") {
			continue
		}
		ant := antecedent{class: m.Class, key: m.Key, sfs: m.SFS, name: m.Name, passage: passage}
		a.last[m.Class] = ant
		if m.Start == open {
			if a.subject == nil {
				a.subject = map[string]antecedent{}
			}
			a.subject[m.Class] = ant
		}
	}
}

// opening returns the token where a sentence's subject would stand,
// after a statute's paragraph number: "2 § Myndigheten ska …".
func opening(toks []doc.Token) int {
	if len(toks) > 2 && toks[0].Kind == doc.Number && toks[1].Text == "§" {
		return 2
	}
	return 0
}

// invertedSubject returns where "regionen", "kommunen" or
// "länsstyrelsen" stands as the subject after "ska" that an adverbial
// opening the sentence put first ("Enligt förordningen ska länsstyrelsen
// samordna …"), or 0.
func invertedSubject(toks []doc.Token) int {
	for k := 1; k+1 < len(toks); k++ {
		if l := low(toks[k-1]); (l == "ska" || l == "skulle") && actorNouns[low(toks[k])] != "" && infinitiveLike(low(toks[k+1])) {
			return k
		}
	}
	return 0
}

// resolve returns the back-references of a sentence.
func (a *antecedents) resolve(toks []doc.Token, cs []cand, passage int) []cand {
	var out []cand
	for i, t := range toks {
		if t.Kind != doc.Word || taken(cs, i) {
			continue
		}
		// "projektet X" introduces a name; "uppdraget att" states a task;
		// "initiativet till X" names what it starts
		if i+1 < len(toks) && (toks[i+1].Kind == doc.Word && lang.UpperFirst(toks[i+1].Text) || low(toks[i+1]) == "att" || low(toks[i+1]) == "för" || low(toks[i+1]) == "till" || toks[i+1].Text == "(") {
			continue
		}
		class, ok := backNoun(low(t))
		prefix := ""
		if !ok {
			// "K.R.O.K-projektet" after "K.R.O.K Dalarna är ett projekt …"
			if k := strings.LastIndex(t.Text, "-"); k > 0 {
				prefix = t.Text[:k]
				class, ok = backNouns[strings.ToLower(t.Text[k+1:])]
			}
			if !ok {
				continue
			}
		}
		ant, ok := a.last[class]
		if !ok || passage-ant.passage > reachOf(class) {
			continue
		}
		if prefix != "" && !strings.HasPrefix(lang.Fold(ant.name), lang.Fold(prefix)) {
			continue
		}
		out = append(out, cand{from: i, to: i + 1, class: ant.class, rule: "anaphor", key: ant.key, sfs: ant.sfs, name: ant.name})
	}
	return out
}

// actorNouns are the definite singulars that, opening a sentence, refer
// to the one actor of their class the text is about: "Region Västmanland
// har det regionala utvecklingsansvaret … Regionen ska utarbeta …".
var actorNouns = map[string]string{"regionen": "Region", "kommunen": "Municipality", "länsstyrelsen": "CountyAdministrativeBoard",
	"myndigheten": "GovernmentAgency"}

// actorReach is how many passages back that actor may have been named.
const actorReach = 12

// subjectActor returns the actor a sentence-opening "Regionen",
// "Kommunen" or "Länsstyrelsen" refers back to.
func (a *antecedents) subjectActor(toks []doc.Token, cs []cand, passage int) []cand {
	i := opening(toks)
	if k := invertedSubject(toks); k > 0 {
		i = k // "Enligt förordningen ska länsstyrelsen samordna …"
	}
	if len(toks) < i+2 || taken(cs, i) || toks[i+1].Kind == doc.Word && (lang.UpperFirst(toks[i+1].Text) || low(toks[i+1]) == "för") {
		return nil
	}
	class, ok := actorNouns[low(toks[i])]
	if !ok {
		return nil
	}
	ant, ok := a.last[class]
	if class == "GovernmentAgency" {
		// "Myndigheten" is the agency the text is about, which opened a
		// sentence before, not the last agency it named in passing
		ant, ok = a.subject[class]
	}
	if !ok || passage-ant.passage > actorReach {
		return nil
	}
	return []cand{{from: i, to: i + 1, class: class, rule: "anaphor", key: ant.key, name: ant.name}}
}

// genericPlural maps the definite singular genitive of a class of actors
// to the group it stands for where a text speaks of the class at large:
// "Att planlägga … är kommunens ansvar", "regionens ansvar för
// folkhälsan" name the municipalities' and the regions' responsibility.
var genericPlural = map[string]string{"regionens": "regionerna", "kommunens": "kommunerna", "länsstyrelsens": "länsstyrelserna"}

// genericSingular maps the definite singular of a class of actors to its
// group, for a sentence that opens with it and states a duty.
var genericSingular = map[string]string{"regionen": "regionerna", "kommunen": "kommunerna", "länsstyrelsen": "länsstyrelserna"}

// subjectDutyVerbs state a duty of the subject before them.
var subjectDutyVerbs = map[string]bool{"ansvarar": true, "ska": true}

// dutyNouns name what an owner in the genitive has as a task.
var dutyNouns = map[string]bool{"ansvar": true, "uppdrag": true, "uppgift": true, "uppgifter": true, "roll": true,
	"ansvarsområde": true, "huvudansvar": true, "grunduppdrag": true}

// genericOwners reads such a genitive before a duty noun as the group, in
// a passage that names no one actor of the class (where "kommunens" would
// be that one).
func (g *Gazetteer) genericOwners(toks []doc.Token, cs []cand, named map[string]bool) []cand {
	var out []cand
	for i := 0; i+1 < len(toks); i++ {
		plural, ok := genericPlural[low(toks[i])]
		if !ok || !dutyNouns[low(toks[i+1])] || taken(cs, i) {
			// "Kommunen ansvarar för …": the class's member as the subject of a duty
			plural, ok = genericSingular[low(toks[i])]
			if !ok || taken(cs, i) || !(i == 0 && subjectDutyVerbs[low(toks[i+1])] || i > 0 && i == invertedSubject(toks)) {
				continue
			}
		}
		words := []doc.Token{{Text: plural, Kind: doc.Word}}
		m, ok := g.longest(words, stems(words), 0)
		if !ok {
			continue
		}
		n := g.names[m.name]
		if !n.Group || named[n.Class] {
			continue
		}
		out = append(out, cand{from: i, to: i + 1, class: n.Class, rule: "generic", key: n.Key, group: true, name: plural})
	}
	return out
}

// namedClasses tracks the classes of the single actors a passage names.
type namedClasses struct {
	passage int
	classes map[string]bool
}

func (n *namedClasses) of(passage int) map[string]bool {
	if n.classes == nil || n.passage != passage {
		n.passage, n.classes = passage, map[string]bool{}
	}
	return n.classes
}

func (n *namedClasses) remember(ms []doc.Mention, passage int) {
	cl := n.of(passage)
	for _, m := range ms {
		if !m.Group && m.Key != "" {
			cl[m.Class] = true
		}
	}
}
