package recognise

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// Named policy objectives and policy areas are themes: "de nationella
// kulturpolitiska målen", "den nationella folkhälsopolitiken", "de
// nationella bredbandsmålen", "Funktionsmålet".

// objectiveHeads end the nouns that name an objective or a policy.
var objectiveHeads = []string{"målen", "målet", "mål", "politiken", "politik"}

// objectiveHead reports whether w names objectives or a policy, and
// whether it is a compound that tells which ("bredbandsmålen", not
// "målen").
func objectiveHead(w string) (head, compound bool) {
	l := strings.ToLower(w)
	for _, h := range objectiveHeads {
		if strings.HasSuffix(l, h) {
			return true, len(l)-len(h) >= 3
		}
	}
	return false, false
}

// objectiveAdjectives are the levels that objectives and policies are set
// at, besides the policy adjectives.
var objectiveAdjectives = map[string]bool{"global": true, "globala": true, "globalt": true}

// objectives finds named objectives and policies: a level of government,
// at most one adjective and an objective noun, which is a compound or
// follows the adjective ("nationella kulturpolitiska målen"), with what
// they are for; and a capitalised compound objective ("Hänsynsmålet").
func objectives(toks []doc.Token) []cand {
	var out []cand
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != doc.Word {
			continue
		}
		if head, compound := objectiveHead(t.Text); head && compound && lang.UpperFirst(t.Text) && strings.HasSuffix(strings.ToLower(t.Text), "målet") {
			out = append(out, cand{from: i, to: i + 1, class: "Theme", rule: "pattern:objective", prio: 1})
			continue
		}
		l := low(t)
		if !policyAdjectives[l] && !objectiveAdjectives[l] || i+1 >= len(toks) {
			continue
		}
		j, qualified := i+1, false
		if j+1 < len(toks) && toks[j].Kind == doc.Word && !lang.UpperFirst(toks[j].Text) && strings.HasSuffix(low(toks[j]), "a") {
			if head, _ := objectiveHead(toks[j].Text); !head {
				j, qualified = j+1, true // "kulturpolitiska"
			}
		}
		if toks[j].Kind != doc.Word || lang.UpperFirst(toks[j].Text) {
			continue
		}
		head, compound := objectiveHead(toks[j].Text)
		if !head || !compound && !qualified {
			continue
		}
		end := forPhrase(toks, j+1)
		out = append(out, cand{from: i, to: end, class: "Theme", rule: "pattern:objective", prio: 1})
		i = end - 1
	}
	return out
}
