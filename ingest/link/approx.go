package link

import (
	"strings"
	"unicode/utf8"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// maxDistance is the number of edits a name of n letters may differ from a
// register name and still be taken for it: none below 8 letters, one up to
// 15, two beyond.
func maxDistance(n int) int {
	switch {
	case n < 8:
		return 0
	case n < 16:
		return 1
	}
	return 2
}

// approximate finds the register name nearest to text among names of the
// class ("" for any class). With prefixes, the name may also be a
// proper prefix of text of at least two words ("Region Gävleborgs
// Regionala" → Region Gävleborg). Two register entries at the same
// distance make the match ambiguous, and nothing is returned.
func (x *index) approximate(text, class string, prefixes bool) (string, bool) {
	cands := x.byClass[class]
	if class == "" {
		cands = nil
		for i := range x.names {
			cands = append(cands, i)
		}
	}
	forms := []string{lang.Fold(text)}
	if prefixes {
		ws := strings.Fields(forms[0])
		for k := len(ws) - 1; k >= 2; k-- {
			forms = append(forms, strings.Join(ws[:k], " "))
		}
	}
	for _, f := range forms {
		if b, ok := lang.Genitive(f); ok {
			forms = append(forms, b)
		}
	}
	bestKey, bestD, tie := "", 1<<30, false
	for _, f := range forms {
		limit := maxDistance(utf8.RuneCountInString(f))
		for _, i := range cands {
			n := x.names[i]
			d := lang.Distance(f, n.fold, limit)
			if d > limit {
				continue
			}
			switch {
			case d < bestD:
				bestKey, bestD, tie = n.key, d, false
			case d == bestD && n.key != bestKey:
				tie = true
			}
		}
		if bestKey != "" && !tie {
			return bestKey, true
		}
	}
	return "", false
}

// mergeApproximate takes two entities of a document that no register holds,
// of the same class, whose names differ by one edit (in names of eight or
// more letters) for the same thing: the rarer form becomes a hidden label
// of the more frequent ("Konsluttimmen" beside "Konstluttimmen").
func (l *linker) mergeApproximate() {
	d := l.d
	into := make([]int, len(d.Entities))
	for i := range into {
		into[i] = i
	}
	for i := range d.Entities {
		a := &d.Entities[i]
		if a.Key != "" || a.Class == "Mandate" || into[i] != i {
			continue
		}
		na := lang.Fold(d.Mentions[a.Mentions[0]].Text)
		for j := i + 1; j < len(d.Entities); j++ {
			b := &d.Entities[j]
			if b.Key != "" || b.Class != a.Class || into[j] != j {
				continue
			}
			nb := lang.Fold(d.Mentions[b.Mentions[0]].Text)
			n := min(utf8.RuneCountInString(na), utf8.RuneCountInString(nb))
			if n < 8 || lang.Distance(na, nb, 1) > 1 || inflected(na, nb) {
				continue
			}
			keep, drop := i, j
			if len(b.Mentions) > len(a.Mentions) {
				keep, drop = j, i
			}
			into[drop] = keep
		}
	}
	l.collapse(into)
}

// collapse moves the mentions of merged entities to the entity they were
// merged into and renumbers.
func (l *linker) collapse(into []int) {
	d := l.d
	changed := false
	for i, t := range into {
		if t != i {
			changed = true
		}
	}
	// a merge target is never itself dropped or merged (mergeApproximate
	// and dropPassing both point at kept entities)
	if !changed {
		return
	}
	renum := make([]int, len(d.Entities))
	var out []doc.Entity
	for i, e := range d.Entities {
		if into[i] == i {
			renum[i] = len(out)
			out = append(out, e)
		}
	}
	for i, e := range d.Entities {
		if into[i] == i {
			continue
		}
		if into[i] < 0 { // unlinked: its mentions name nothing the graph keeps
			for _, mi := range e.Mentions {
				d.Mentions[mi].Entity = -1
			}
			continue
		}
		t := &out[renum[into[i]]]
		for _, mi := range e.Mentions {
			t.Hidden = appendNew(t.Hidden, d.Mentions[mi].Text)
		}
		t.Mentions = append(t.Mentions, e.Mentions...)
	}
	for i := range out {
		for _, mi := range out[i].Mentions {
			d.Mentions[mi].Entity = i
		}
	}
	d.Entities = out
}

// labels sets each entity's label and alternative labels: the register's
// name for register entries, else the longest form the text uses (the
// first of equals); every other verbatim form is an alternative label,
// in its base form ("Region Skånes" is "Region Skåne") and once whatever
// its case.
func (l *linker) labels() {
	d := l.d
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Key != "" {
			if r := l.s.Reg.Lookup(e.Key); r != nil {
				e.Label = r.Label
			}
		}
		hidden := map[string]bool{}
		for _, h := range e.Hidden {
			hidden[h] = true
		}
		if e.Label == "" {
			for _, mi := range e.Mentions {
				t := d.Mentions[mi].Text
				if d.Mentions[mi].Rule == "anaphor" {
					continue
				}
				if !hidden[t] && utf8.RuneCountInString(t) > utf8.RuneCountInString(e.Label) {
					e.Label = t
				}
			}
			if e.Label == "" {
				e.Label = d.Mentions[e.Mentions[0]].Text
			}
		}
		for _, mi := range e.Mentions {
			m := d.Mentions[mi]
			if m.Rule == "anaphor" {
				continue // "projektet" is no name of the project
			}
			for _, t := range []string{baseForm(d, e, m), m.Alt} {
				if t != "" && !hidden[t] && !sameForm(t, e.Label, e.Alt) {
					e.Alt = append(e.Alt, t)
				}
			}
		}
	}
}

// baseForm is the form of a mention as a name: without a genitive ending
// when what is left is the entity's label, the mention's name or another
// form the text uses for it ("Region Skånes" → "Region Skåne").
func baseForm(d *doc.Doc, e *doc.Entity, m doc.Mention) string {
	base, ok := lang.Genitive(m.Text)
	if !ok {
		return m.Text
	}
	if strings.EqualFold(base, e.Label) || strings.EqualFold(base, m.Name) {
		return base
	}
	for _, mi := range e.Mentions {
		if strings.EqualFold(base, d.Mentions[mi].Text) {
			return base
		}
	}
	return m.Text
}

// sameForm tells whether form is the label or one of the forms already
// kept, case aside.
func sameForm(form, label string, kept []string) bool {
	if strings.EqualFold(form, label) {
		return true
	}
	for _, k := range kept {
		if strings.EqualFold(form, k) {
			return true
		}
	}
	return false
}

// inflected reports whether two names differ only by a letter ending one
// of their words ("Smart …" and "Smarta …"): an inflection, which a
// misprint seldom is, and often another thing's name.
func inflected(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return false
	}
	for k := range wa {
		if wa[k] == wb[k] {
			continue
		}
		short, long := wa[k], wb[k]
		if len(short) > len(long) {
			short, long = long, short
		}
		return strings.HasPrefix(long, short) && utf8.RuneCountInString(long)-utf8.RuneCountInString(short) == 1
	}
	return false
}
