package recognise

import (
	"strings"

	"kg/ingest/doc"
	"kg/ingest/lang"
)

// campuses finds the campuses universities keep in other towns: "Campus"
// and a capitalised place ("Campus Västervik"), and a university's name
// joined to its campus by a dash ("Uppsala universitet - Campus Gotland"),
// which names the campus as one body.
func campuses(toks []doc.Token) []cand {
	var out []cand
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Text != "Campus" || toks[i+1].Kind != doc.Word || !lang.UpperFirst(toks[i+1].Text) {
			continue
		}
		from, to := i, i+2
		if k := i - 3; k >= 0 && toks[i-1].Kind == doc.Punct && isDashText(toks[i-1].Text) && universityHead(low(toks[i-2])) &&
			toks[k].Kind == doc.Word && lang.UpperFirst(toks[k].Text) {
			from = k
		}
		out = append(out, cand{from: from, to: to, class: "University", rule: "pattern:campus", prio: 2})
		i = to - 1
	}
	return out
}

// universityHead ends a university's name: "Uppsala universitet",
// "Mälardalens högskola", "Linnéuniversitetet".
func universityHead(w string) bool {
	return w == "universitet" || w == "högskola" || strings.HasSuffix(w, "universitetet")
}

func isDashText(s string) bool { return s == "-" || s == "–" || s == "—" }
