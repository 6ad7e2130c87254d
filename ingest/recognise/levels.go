package recognise

import (
	"kg/ingest/doc"
	"kg/ingest/lang"
)

// levelGroups gives, for a bare singular noun naming a level of
// government, the group it stands for in a list of levels: "delas mellan
// stat, region och kommun" names the state, the regions and the
// municipalities.
var levelGroups = map[string]string{"stat": "staten", "region": "regionerna", "kommun": "kommunerna", "landsting": "regionerna"}

// levels finds the levels of government listed as bare singular nouns,
// two or more joined by commas and "och"/"samt", as their groups.
func (s Stage) levels(toks []doc.Token) []cand {
	var out []cand
	for i := 0; i < len(toks); {
		var run []cand
		j := i
		for j < len(toks) {
			g, ok := levelGroups[low(toks[j])]
			if !ok || toks[j].Kind != doc.Word {
				break
			}
			if n, ok := s.G.named(g); ok {
				run = append(run, cand{from: j, to: j + 1, class: n.Class, rule: "pattern:levels", key: n.Key, group: n.Group, prio: 2})
			}
			if j+2 < len(toks) && (toks[j+1].Text == "," || low(toks[j+1]) == "och" || low(toks[j+1]) == "samt") {
				j += 2
				continue
			}
			j++
			break
		}
		if len(run) >= 2 {
			out = append(out, run...)
		}
		if j > i {
			i = j
		} else {
			i++
		}
	}
	return out
}

// named returns the name a text is, word for word, when the gazetteer
// knows it.
func (g *Gazetteer) named(text string) (Name, bool) {
	toks := lang.Tokenize(text, 0)
	m, ok := g.longest(toks, stems(toks), 0)
	if !ok || m.from != 0 || m.to != len(toks) {
		return Name{}, false
	}
	return g.names[m.name], true
}
