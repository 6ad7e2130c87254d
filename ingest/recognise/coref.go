package recognise

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// Besides the class nouns of anaphora.go, a sentence takes up a thing
// named just before in three more ways:
//
//   - a definite noun that opens the sentence and is the head of the
//     thing's name or of a compound in it: "Inkubatorn" after
//     "Kulturarvsinkubatorn Gotland", "Arenan" after "eHealth Arena",
//     "Parkerna" (plural) after the group "science parks";
//   - a pronoun that opens the sentence before a finite verb: "Den",
//     "Det", "De", "Dessa" stand for the subject of the sentence before
//     when its number (and, for a common noun, its gender) fits;
//   - in a worked example, a class noun refers to the thing of its class
//     the example's text named last rather than to the example's subject
//     when the text named another ("Science Village Scandinavia AB ägs av
//     … Bolaget bildades år 2009").
//
// Each such reference is a mention with the rule "anaphor", which the
// linker never takes as a name or label of the thing.

// named is a mention remembered as a possible antecedent.
type named struct {
	class, key, sfs, name, text string
	group                       bool
	passage, sentence           int
	opens                       bool // the mention opens its sentence: its subject
	governed                    bool // a preposition governs the mention ("av X", "i samverkan med X och Y")
}

// recent remembers the mentions of the last passages, groups too.
type recent struct{ list []named }

func (r *recent) remember(d *doc.Doc, si int, ms []doc.Mention) {
	sent := d.Sentences[si]
	first := firstWord(sent.Tokens)
	governed := false
	for _, m := range ms {
		at := tokenAt(sent.Tokens, m.Start)
		if at > 0 {
			switch w := low(sent.Tokens[at-1]); {
			case prepositions[w]:
				governed = true
			case w != "," && w != "och" && w != "samt" && w != "eller":
				governed = false // a coordinated name shares its governor
			}
		}
		if m.Class == "" || m.Class == "Theme" || strings.HasPrefix(m.Rule, "closed:") {
			continue
		}
		opens := first >= 0 && at == first
		r.list = append(r.list, named{class: m.Class, key: m.Key, sfs: m.SFS, name: m.Name, text: m.Text, group: m.Group,
			passage: sent.Passage, sentence: si, opens: opens, governed: governed && !opens})
	}
	// what lies beyond every reach is forgotten
	k := 0
	for k < len(r.list) && sent.Passage-r.list[k].passage > reach {
		k++
	}
	r.list = r.list[k:]
}

// prepositions govern the names after them.
var prepositions = map[string]bool{"i": true, "av": true, "för": true, "med": true, "till": true, "på": true, "från": true,
	"mellan": true, "hos": true, "inom": true, "genom": true, "om": true, "under": true, "enligt": true, "vid": true, "mot": true}

// tokenAt returns the index of the token starting at a byte offset, or -1.
func tokenAt(toks []doc.Token, start int) int {
	for i, t := range toks {
		if t.Start == start {
			return i
		}
	}
	return -1
}

// firstWord returns the index of a sentence's first word ("•" and "1."
// may stand before it), or -1.
func firstWord(toks []doc.Token) int {
	for i, t := range toks {
		if t.Kind == doc.Word {
			return i
		}
	}
	return -1
}

func (n named) cand(i int) cand {
	return cand{from: i, to: i + 1, class: n.class, rule: "anaphor", key: n.key, sfs: n.sfs, name: n.name, group: n.group}
}

// headClasses are the classes a head noun refers back to: instruments and
// the bodies a text names by a name of their own. A public body's class
// noun ("Regionen", "Kommunen") is no head of a name but a title of the
// body; laws and tasks have their own class nouns (backNouns).
var headClasses = map[string]bool{"Company": true, "Association": true, "Actor": true, "Partnership": true}

// definiteStems returns the stems a definite noun may be the form of, and
// whether the form is plural: "parkerna" → "park" (plural), "arenan" →
// "arena", "fonden" → "fond", "projektet" → "projekt".
func definiteStems(w string) ([]string, bool) {
	for _, end := range []string{"erna", "arna", "orna"} {
		if strings.HasSuffix(w, end) {
			return []string{strings.TrimSuffix(w, end)}, true
		}
	}
	var out []string
	for _, end := range []string{"en", "et", "n"} {
		if strings.HasSuffix(w, end) {
			out = append(out, strings.TrimSuffix(w, end))
		}
	}
	return out, false
}

// minStem is the fewest letters a head noun's stem has.
const minStem = 4

// heads returns the reference of a definite noun that opens a sentence
// to the last thing, named within reach, whose name it is the head of.
func (r *recent) heads(toks []doc.Token, cs []cand, passage int) []cand {
	i := firstWord(toks)
	if i < 0 || taken(cs, i) || !lang.UpperFirst(toks[i].Text) || notBackRef(toks, i) {
		return nil
	}
	w := low(toks[i])
	if _, ok := backNouns[w]; ok {
		return nil
	}
	stems, plural := definiteStems(w)
	if len(stems) == 0 || len([]rune(w)) <= minStem || functionWord(w) {
		return nil // "De", "I", "Regionala" are no definite nouns
	}
	for k := len(r.list) - 1; k >= 0; k-- {
		n := r.list[k]
		if passage-n.passage > reach || !(instrumentClass(n.class) || headClasses[n.class]) {
			continue
		}
		if plural != n.group && !(plural && pluralName(n.text)) {
			continue
		}
		if headOf(n.text, w, stems) {
			return []cand{n.cand(i)}
		}
	}
	return nil
}

// notBackRef tells a class noun that does not refer back: "projektet X"
// introduces a name, "uppdraget att" states a task, "initiativet till X"
// names what it starts.
func notBackRef(toks []doc.Token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	next := toks[i+1]
	l := low(next)
	return next.Kind == doc.Word && lang.UpperFirst(next.Text) || l == "att" || l == "för" || l == "till" || next.Text == "("
}

// pluralName reports whether a name ends in a plural noun ("science
// parks", "regionala kompetensplattformar").
func pluralName(text string) bool {
	ws := strings.Fields(strings.ToLower(text))
	if len(ws) == 0 || lang.UpperFirst(text[strings.LastIndexByte(text, ' ')+1:]) {
		return false
	}
	last := ws[len(ws)-1]
	for _, end := range []string{"ar", "er", "or", "na", "s"} {
		if strings.HasSuffix(last, end) {
			return true
		}
	}
	return false
}

// headOf reports whether the definite noun w (with its stems) is the head
// of a name: a word of the name is w or a compound ending in w
// ("Kulturarvsinkubatorn" for "inkubatorn"), or the name's last word is
// the stem or a compound of it ("Arena" for "arenan", "parks" for
// "parkerna").
func headOf(text, w string, stems []string) bool {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r == ' ' || r == '-' || r == '–' })
	if len(ws) == 0 {
		return false
	}
	// only a class noun of the genre is the head of a compound: "arbetet"
	// is no short form of "samarbete"
	compound := nounClass(w) != ""
	for _, x := range ws {
		if x == w || compound && strings.HasSuffix(x, w) && len(x) > len(w)+2 {
			return true
		}
	}
	last := strings.TrimSuffix(ws[len(ws)-1], "s")
	for _, s := range stems {
		if len([]rune(s)) >= minStem && (last == s || compound && strings.HasSuffix(last, s) && len(last) > len(s)+2) {
			return true
		}
	}
	return false
}

// pronounNumber tells the pronouns that stand for a thing named before and
// whether they stand for more than one.
var pronounNumber = map[string]bool{"Den": false, "Det": false, "De": true, "Dessa": true}

// finiteVerbs are the auxiliaries and irregular verbs in a finite form;
// other finite verbs are told by their endings (finiteVerb). A line with
// one is a clause rather than a title.
var finiteVerbs = map[string]bool{"ska": true, "skall": true, "skulle": true, "kan": true, "kunde": true, "får": true, "fick": true,
	"bör": true, "borde": true, "måste": true, "har": true, "hade": true, "är": true, "var": true, "blir": true, "blev": true,
	"vill": true, "ville": true, "ger": true, "gav": true, "gör": true, "tar": true, "tog": true, "går": true, "ser": true,
	"når": true, "drev": true, "ges": true, "gavs": true, "finns": true, "fanns": true, "gäller": true,
	"pågår": true, "pågick": true, "består": true, "bestod": true, "utgår": true, "ingår": true, "står": true}

// expletive are the verbs after which "Det" stands for nothing: "Det
// finns …", "Det gäller …", "Det är viktigt att …".
var expletive = map[string]bool{"är": true, "var": true, "vore": true, "finns": true, "fanns": true, "gäller": true, "gällde": true,
	"handlar": true, "handlade": true, "innebär": true, "innebar": true, "betyder": true, "beror": true, "krävs": true,
	"behövs": true, "saknas": true, "blir": true, "blev": true, "sker": true, "skedde": true, "råder": true, "framgår": true,
	"kan": true, "kunde": true, "har": true, "hade": true, "ska": true, "skulle": true, "bör": true, "borde": true, "måste": true,
	"går": true, "gick": true, "återstår": true, "rör": true, "verkar": true, "tycks": true, "syns": true, "märks": true,
	"står": true, "stod": true, "kommer": true, "fungerar": true, "pågår": true, "visar": true, "får": true, "fick": true}

// notVerbs end like finite verbs but are none: "Den här rapporten".
var notVerbs = map[string]bool{"här": true, "där": true, "senare": true, "tidigare": true, "andra": true, "övriga": true}

// finiteVerb guesses a finite verb after a pronoun: an auxiliary, a
// present ("ansvarar", "ligger", "utgår"), a past ("samverkade",
// "beslutade") or a passive ("finansieras") form. A plural noun ends alike
// ("De aktörer som …"); a noun is followed by "som".
func finiteVerb(toks []doc.Token, i int) bool {
	if i >= len(toks) || toks[i].Kind != doc.Word || lang.UpperFirst(toks[i].Text) {
		return false
	}
	w := low(toks[i])
	// "De aktörer som …", "Dessa arenor är …": a plural noun before
	// "som" or a verb
	if notVerbs[w] || strings.HasSuffix(w, "ste") || i+1 < len(toks) && (low(toks[i+1]) == "som" || finiteVerbs[low(toks[i+1])]) {
		return false
	}
	if finiteVerbs[w] {
		return true
	}
	if len([]rune(w)) < 4 {
		return false
	}
	for _, end := range []string{"r", "de", "te", "s"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// neuter tells the gender of a name whose last word is a common noun in
// its definite form: "programmet" is neuter (+1), "strategin" is common
// (-1); a proper name or an indefinite noun tells nothing (0).
func neuter(text string) int {
	last := text[strings.LastIndexByte(text, ' ')+1:]
	if lang.UpperFirst(last) {
		return 0
	}
	switch l := strings.ToLower(last); {
	case strings.HasSuffix(l, "et"):
		return 1
	case strings.HasSuffix(l, "n"):
		return -1
	}
	return 0
}

// pronouns returns the reference of a pronoun that opens sentence si
// before a finite verb: the subject of the sentence before, in the same
// passage or the paragraph before, when its number and gender fit.
func (r *recent) pronouns(d *doc.Doc, si int, cs []cand) []cand {
	toks := d.Sentences[si].Tokens
	i := firstWord(toks)
	if i < 0 || si == 0 || taken(cs, i) {
		return nil
	}
	plural, ok := pronounNumber[toks[i].Text]
	if !ok || !finiteVerb(toks, i+1) || toks[i].Text == "Det" && expletive[low(toks[i+1])] {
		return nil
	}
	prev := d.Sentences[si-1]
	if k := d.Passages[prev.Passage].Kind; k.Heading() || k == doc.FootnoteText {
		return nil
	}
	// the subject, and no other thing of the pronoun's number that the
	// sentence names outside a preposition's phrase: "Flera regioner har
	// tagit fram … folkhälsostrategier. De utgår från …" may speak of
	// either
	var subj []named
	for _, n := range r.list {
		if n.sentence == si-1 && !n.governed && referable(n.class) && plural == (n.group || pluralName(n.text)) {
			subj = append(subj, n)
		}
	}
	if len(subj) != 1 || !subj[0].opens {
		return nil
	}
	n := subj[0]
	switch g := neuter(n.text); {
	case toks[i].Text == "Den" && g > 0, toks[i].Text == "Det" && g < 0:
		return nil
	}
	return []cand{n.cand(i)}
}

// referable tells the classes a pronoun stands for: actors, instruments
// and laws, not tasks or themes.
func referable(class string) bool {
	return actorClass(class) || instrumentClass(class) || class == "Act" || class == "Ordinance"
}

// nearer lets a class noun in a worked example refer to the body of its
// class (a company, an association) the sentence before named, after the
// heading, rather than to the example's subject: the subject is the
// initiative the example is about, the body one of its own that the
// sentence before spoke of.
func (r *recent) nearer(cs []cand, sub subject, heading, si int) {
	for k := range cs {
		c := &cs[k]
		if c.rule != "anaphor" || c.key != "" || c.name != sub.name || !sub.ok {
			continue
		}
		for j := len(r.list) - 1; j >= 0; j-- {
			n := r.list[j]
			if n.passage <= heading {
				break
			}
			if n.class != c.class || n.group || !actorClass(n.class) {
				continue
			}
			if lang.Fold(n.name) != lang.Fold(sub.name) && n.sentence == si-1 {
				*c = n.cand(c.from)
			}
			break
		}
	}
}
