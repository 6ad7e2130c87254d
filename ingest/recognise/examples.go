package recognise

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// A worked example's heading names what the example is about: "Timbanken
// (Region Jämtland Härjedalen, Region Halland)". The title is a name when
// its words or the example's text tell its class ("Projektet …",
// "… är ett nätverk"); a title that announces several examples ("Tre
// exempel på …") names nothing. In the example's text a definite class
// noun of the subject's class ("projektet", "strategin") refers to it.

// subject is what a worked example is about.
type subject struct {
	class, name string
	ok          bool
}

var countWords = map[string]bool{"två": true, "tre": true, "fyra": true, "fem": true, "sex": true, "sju": true, "åtta": true,
	"nio": true, "tio": true, "några": true, "flera": true, "exempel": true}

// exampleSubjects decides the subject of every worked example.
func exampleSubjects(d *doc.Doc) []subject {
	out := make([]subject, len(d.Examples))
	for xi, x := range d.Examples {
		title := titleName(strings.TrimSpace(x.Title))
		ws := lang.Words(title)
		if len(ws) == 0 || countWords[strings.ToLower(ws[0])] || titleList(title, ws) {
			continue
		}
		class := titleClass(ws)
		if class == "" {
			class = bodyClass(d, x, ws)
		}
		// a worked example is about an initiative: a short title that
		// names one thing and tells no class is taken as a project
		if class == "" && len(ws) <= maxTitleWords && lang.UpperFirst(ws[0]) {
			class = "Project"
		}
		if class != "" {
			out[xi] = subject{class: class, name: title, ok: true}
		}
	}
	return out
}

// titleName returns the part of a worked example's title that names it:
// a subtitle after a spaced dash that tells no class describes the
// example ("Kre-hälsa – Kultur som en del av folkhälsoarbetet"), while
// one that tells the class is part of the name ("Växande värde -
// Livsmedelsstrategi Kalmar län").
func titleName(title string) string {
	for _, dash := range []string{" – ", " — ", " - "} {
		name, sub, ok := strings.Cut(title, dash)
		if ok && strings.TrimSpace(name) != "" && titleClass(lang.Words(sub)) == "" {
			return strings.TrimSpace(name)
		}
	}
	return title
}

// titleList reports whether a title lists several names ("ESS, Max IV
// och innovationssystemet Science Village"): a comma and a conjunction
// join its parts, so it names no one thing.
func titleList(title string, ws []string) bool {
	if !strings.Contains(title, ",") {
		return false
	}
	for _, w := range ws[1:] {
		if w == "och" || w == "samt" {
			return true
		}
	}
	return false
}

// titleClass reads a class from the title's own words: "Forum för
// folkhälsa", "Strategiskt kulturarvsprogram för …", "Klimatarena
// Stockholm".
func titleClass(ws []string) string {
	for _, w := range ws {
		if c := compoundInstrument(w); c != "" {
			return c
		}
		if c := nounClass(w); c != "" {
			return c
		}
		if c := headClass(w); c != "" {
			return c
		}
		if c := kindNoun(strings.ToLower(w)); c != "" {
			return c // "Exportcenter Väst"
		}
	}
	return ""
}

// maxTitleWords is the most words a worked example's title has when it is
// a name.
const maxTitleWords = 6

// bodyClass reads the class from the example's first sentences: a
// sentence opening with a definite class noun ("Projektet …",
// "Nätverket …"), an apposition ("… är ett samarbete …") or a class noun
// right before the title's words ("mötesplatsen Almedalsveckan").
func bodyClass(d *doc.Doc, x doc.Example, title []string) string {
	seen := 0
	for _, pi := range x.Passages {
		for si := range d.Sentences {
			s := d.Sentences[si]
			if s.Passage != pi || len(s.Tokens) == 0 {
				continue
			}
			seen++
			if seen > 4 {
				return ""
			}
			t := s.Tokens[0]
			if c := nounClass(t.Text); c != "" && definiteNoun(t.Text) {
				return c
			}
			if c := nounBefore(s.Tokens, title); c != "" {
				return c
			}
			for k := 0; k+2 < len(s.Tokens); k++ {
				if low(s.Tokens[k]) == "är" && (low(s.Tokens[k+1]) == "ett" || low(s.Tokens[k+1]) == "en") {
					if c := nounClass(s.Tokens[k+2].Text); c != "" {
						return c
					}
				}
			}
		}
	}
	return ""
}

// nounBefore returns the class of a class noun standing right before the
// title's words in a sentence, or "".
func nounBefore(toks []doc.Token, title []string) string {
	for k := 1; k+len(title) <= len(toks); k++ {
		match := true
		for j, w := range title {
			if toks[k+j].Text != w {
				match = false
				break
			}
		}
		if match {
			if c := nounClass(toks[k-1].Text); c != "" {
				return c
			}
		}
	}
	return ""
}

// definite reports whether a class noun is in its definite singular form
// ("projektet", "satsningen", "strategin").
func definite(w string) bool {
	l := strings.ToLower(w)
	return strings.HasSuffix(l, "et") || strings.HasSuffix(l, "en") || strings.HasSuffix(l, "in") || strings.HasSuffix(l, "an") || strings.HasSuffix(l, "tet")
}

// titleMention returns the candidate for the title in an example's
// heading sentence.
func titleMention(text string, toks []doc.Token, sub subject) (cand, bool) {
	at := strings.Index(text, sub.name)
	if at < 0 {
		return cand{}, false
	}
	from, to := -1, -1
	for k, t := range toks {
		if from < 0 && t.Start >= at {
			from = k
		}
		if t.End <= at+len(sub.name) {
			to = k + 1
		}
	}
	if from < 0 || to <= from {
		return cand{}, false
	}
	return cand{from: from, to: to, class: sub.class, rule: "example:title", name: sub.name, prio: 5}, true
}

// anaphor returns a candidate for a definite class noun in an example's
// text that refers to the example's subject ("Projektet finansieras av …").
func anaphor(toks []doc.Token, i int, sub subject) (cand, bool) {
	t := toks[i]
	// the subject's own class noun refers to it, and in an example about
	// an initiative any initiative noun does ("Satsningen" for a platform)
	c := nounClass(t.Text)
	if t.Kind != doc.Word || !definiteNoun(t.Text) || c != sub.class && !(instrumentClass(c) && instrumentClass(sub.class)) {
		return cand{}, false
	}
	// "projektet X" introduces another name; "initiativet till X" names
	// what it starts
	if i+1 < len(toks) && (lang.UpperFirst(toks[i+1].Text) && toks[i+1].Kind == doc.Word || low(toks[i+1]) == "till") {
		return cand{}, false
	}
	return cand{from: i, to: i + 1, class: sub.class, rule: "anaphor", name: sub.name, prio: 0}, true
}
