package eval

import (
	"encoding/json"
	"maps"
	"math"
	"slices"
	"strings"

	"kg/ingest/doc"
	"kg/ontology"
	"kg/term"
)

// Count compares a set of gold items with the graph's items of the same
// kind. Found and Correct are counted apart because matching is by name,
// not one to one: two graph nodes for one gold entity are both correct.
type Count struct {
	Gold    int `json:"gold"`    // gold items
	Found   int `json:"found"`   // gold items the graph has
	Graph   int `json:"graph"`   // graph items judged against the gold
	Correct int `json:"correct"` // graph items the gold has
}

// Recall is Found/Gold; ok is false when there is no gold item.
func (c Count) Recall() (r float64, ok bool) {
	if c.Gold == 0 {
		return 0, false
	}
	return float64(c.Found) / float64(c.Gold), true
}

// Precision is Correct/Graph; ok is false when no graph item was judged.
func (c Count) Precision() (p float64, ok bool) {
	if c.Graph == 0 {
		return 0, false
	}
	return float64(c.Correct) / float64(c.Graph), true
}

// F1 is the harmonic mean of precision and recall, an undefined one
// counting as 0; ok is false when there are neither gold nor graph items.
func (c Count) F1() (f float64, ok bool) {
	if c.Gold == 0 && c.Graph == 0 {
		return 0, false
	}
	p, _ := c.Precision()
	r, _ := c.Recall()
	if p+r == 0 {
		return 0, true
	}
	return 2 * p * r / (p + r), true
}

func (c *Count) add(o Count) {
	c.Gold += o.Gold
	c.Found += o.Found
	c.Graph += o.Graph
	c.Correct += o.Correct
}

// MarshalJSON writes the counts with precision, recall and f1 where they
// are defined.
func (c Count) MarshalJSON() ([]byte, error) {
	type counts Count
	out := struct {
		counts
		Precision *float64 `json:"precision,omitempty"`
		Recall    *float64 `json:"recall,omitempty"`
		F1        *float64 `json:"f1,omitempty"`
	}{counts: counts(c)}
	// Four decimals are plenty and keep 0.8 from printing as
	// 0.8000000000000002.
	rounded := func(v float64, ok bool) *float64 {
		if !ok {
			return nil
		}
		v = math.Round(v*1e4) / 1e4
		return &v
	}
	out.Precision = rounded(c.Precision())
	out.Recall = rounded(c.Recall())
	out.F1 = rounded(c.F1())
	return json.Marshal(out)
}

// Agreement counts the gold entities found whose subclass the graph gives
// too.
type Agreement struct {
	Matched int `json:"matched"`
	Agree   int `json:"agree"`
}

// MandateCount follows mandates with holders. Gold counts the gold
// mandates that have a holder, Found those the graph gives one of their
// gold holders; Graph counts the graph's mentioned mandates and Held those
// of them with at least one holder.
type MandateCount struct {
	Gold  int `json:"gold"`
	Found int `json:"found"`
	Graph int `json:"graph"`
	Held  int `json:"held"`
}

// FactCount is the recall of facts. Objects counts the gold amounts and
// shares that name a payer or company, ObjectsFound those found with it.
type FactCount struct {
	Gold         int `json:"gold"`
	Found        int `json:"found"`
	Objects      int `json:"objects"`
	ObjectsFound int `json:"objects_found"`
}

func (c *FactCount) add(o FactCount) {
	c.Gold += o.Gold
	c.Found += o.Found
	c.Objects += o.Objects
	c.ObjectsFound += o.ObjectsFound
}

// Item is a missed or spurious entity, relation or fact, or a note on a
// match (a disagreeing subclass, a duplicate node).
type Item struct {
	Document string `json:"document,omitempty"`
	Kind     string `json:"kind"`            // entity, relation, fact, holder, subclass, duplicate
	Class    string `json:"class,omitempty"` // class/subclass, predicate or fact kind
	Text     string `json:"text"`
	IRI      string `json:"iri,omitempty"` // the graph node, for graph items
}

// Report is the score of a graph against gold annotations: of one
// document (Score) or of a corpus (Merge).
type Report struct {
	Document  string `json:"document"`  // gold file name; "total" for a merged report
	Documents int    `json:"documents"` // documents scored
	Failed    int    `json:"failed"`    // documents whose graph could not be built
	Error     string `json:"error,omitempty"`

	// Entities is the micro average over the five classes, Core over
	// Actor, Law and Mandate. Only entities the text mentions (with
	// prov:wasDerivedFrom) are judged.
	Entities   Count            `json:"entities"`
	Core       Count            `json:"core"`
	ByClass    map[string]Count `json:"by_class"`
	BySubclass map[string]Count `json:"by_subclass"` // strict: class, subclass and name
	Subclass   Agreement        `json:"subclass_agreement"`
	Groups     Count            `json:"groups"` // group actors matched by group actors

	// Relations are judged where both ends match gold entities; the others
	// are Unjudged. Keys of ByPredicate are the ontology's local names.
	Relations   Count            `json:"relations"`
	Unjudged    int              `json:"unjudged_relations"`
	ByPredicate map[string]Count `json:"by_predicate"`

	Mandates MandateCount         `json:"mandates_with_holders"`
	Facts    FactCount            `json:"facts"`
	ByKind   map[string]FactCount `json:"facts_by_kind"`

	// Unmentioned counts register context: entities with a type and no
	// passage. UnmentionedMatching counts gold entities found only among
	// them. Duplicates counts graph entities beyond the first matching
	// one gold entity.
	Unmentioned         int `json:"unmentioned"`
	UnmentionedMatching int `json:"unmentioned_matching"`
	Duplicates          int `json:"duplicates"`

	Missed   []Item `json:"missed,omitempty"`
	Spurious []Item `json:"spurious,omitempty"`
	Notes    []Item `json:"notes,omitempty"`
}

// CoreClasses are the classes whose score is also reported together.
var CoreClasses = []string{"Actor", "Law", "Mandate"}

func newReport(name string) *Report {
	r := &Report{Document: name, ByClass: make(map[string]Count), BySubclass: make(map[string]Count),
		ByPredicate: make(map[string]Count), ByKind: make(map[string]FactCount)}
	for _, c := range Classes() {
		r.ByClass[c] = Count{}
	}
	return r
}

// update changes an entry of a count map in place.
func update[V any](m map[string]V, k string, f func(*V)) {
	v := m[k]
	f(&v)
	m[k] = v
}

// Score scores the graph built from one document against its gold
// annotation.
//
// A gold entity is found by a mentioned graph entity of the same class
// with a name (label, prefLabel, altLabel or hiddenLabel) that matches the
// gold label or an alias under NormaliseName, also when one of the two
// has a genitive -s or -:s the other lacks. A gold relation is found when
// the graph links entities matching its ends by its predicate (the
// guidelines' confersMandate is kgo:confers); a gold fact when an entity
// matching its subject has a fact of its kind with the same normalised
// value, or an amount or share node labelled with the gold value.
func Score(quads []term.Quad, gold *Gold) *Report {
	sc := newScorer(readGraph(quads), gold)
	sc.goldEntities()
	sc.graphEntities()
	sc.relations()
	sc.mandates()
	sc.facts()
	sc.r.total()
	return sc.r
}

// scorer holds one document's graph, its gold and how they match.
type scorer struct {
	g       *graph
	gold    *Gold
	r       *Report
	byLabel map[string]int         // gold label → gold entity
	found   [][]*graphEntity       // per gold entity: every graph entity matching it
	goldOf  map[*graphEntity][]int // per graph entity: the gold entities it matches
}

func newScorer(g *graph, gold *Gold) *scorer {
	sc := &scorer{g: g, gold: gold, r: newReport(gold.Name), byLabel: make(map[string]int, len(gold.Entities)),
		found: make([][]*graphEntity, len(gold.Entities)), goldOf: make(map[*graphEntity][]int, len(g.order))}
	sc.r.Documents = 1
	norms := make([][]string, len(gold.Entities))
	for i := range gold.Entities {
		e := &gold.Entities[i]
		sc.byLabel[e.Label] = i
		for _, n := range e.Names() {
			norms[i] = append(norms[i], NormaliseName(n))
		}
	}
	matches := func(i int, e *graphEntity) bool {
		if !e.hasClass(gold.Entities[i].Class) {
			return false
		}
		if gold.Entities[i].Class == "Mandate" {
			return anySamePhrase(norms[i], e.norms)
		}
		return anySameName(norms[i], e.norms)
	}
	for _, e := range g.order {
		for i := range gold.Entities {
			if matches(i, e) {
				sc.found[i] = append(sc.found[i], e)
				sc.goldOf[e] = append(sc.goldOf[e], i)
			}
		}
	}
	return sc
}

func (sc *scorer) note(list *[]Item, it Item) {
	it.Document = sc.gold.Name
	*list = append(*list, it)
}

// goldEntities counts the gold entities found, by class, subclass and group.
func (sc *scorer) goldEntities() {
	r := sc.r
	for i := range sc.gold.Entities {
		ge := &sc.gold.Entities[i]
		var mentioned []*graphEntity
		for _, e := range sc.found[i] {
			if e.Mentioned {
				mentioned = append(mentioned, e)
			}
		}
		hit := len(mentioned) > 0
		sameSub := slices.ContainsFunc(mentioned, func(e *graphEntity) bool { return e.Subclass == ge.Subclass })
		update(r.ByClass, ge.Class, func(c *Count) {
			c.Gold++
			if hit {
				c.Found++
			}
		})
		update(r.BySubclass, ge.Subclass, func(c *Count) {
			c.Gold++
			if sameSub {
				c.Found++
			}
		})
		if ge.Group {
			r.Groups.Gold++
			if slices.ContainsFunc(mentioned, func(e *graphEntity) bool { return e.Group }) {
				r.Groups.Found++
			}
		}
		sc.noteGoldEntity(i, mentioned, sameSub)
	}
}

// noteGoldEntity records a missed gold entity, or how a found one was found.
func (sc *scorer) noteGoldEntity(i int, mentioned []*graphEntity, sameSub bool) {
	r, ge := sc.r, &sc.gold.Entities[i]
	class := ge.Class + "/" + ge.Subclass
	if len(mentioned) == 0 {
		it := Item{Kind: "entity", Class: class, Text: ge.Label}
		if len(sc.found[i]) > 0 {
			r.UnmentionedMatching++
			it.Text += " (in the graph without a mention)"
			it.IRI = sc.found[i][0].IRI
		}
		sc.note(&r.Missed, it)
		return
	}
	r.Subclass.Matched++
	if sameSub {
		r.Subclass.Agree++
	} else {
		sc.note(&r.Notes, Item{Kind: "subclass", Class: class, IRI: mentioned[0].IRI,
			Text: ge.Label + ": the graph says " + orNone(mentioned[0].Subclass)})
	}
	for _, e := range mentioned[1:] {
		r.Duplicates++
		sc.note(&r.Notes, Item{Kind: "duplicate", Class: class, IRI: e.IRI,
			Text: ge.Label + ": also " + mentioned[0].IRI})
	}
}

// graphEntities judges the graph's mentioned entities against the gold.
func (sc *scorer) graphEntities() {
	r, gold := sc.r, sc.gold
	for _, e := range sc.g.order {
		if !e.Mentioned {
			r.Unmentioned++
			continue
		}
		ms := sc.goldOf[e]
		class := e.Classes[0]
		if len(ms) > 0 {
			class = gold.Entities[ms[0]].Class
		}
		update(r.ByClass, class, func(c *Count) {
			c.Graph++
			if len(ms) > 0 {
				c.Correct++
			}
		})
		if e.Subclass != "" {
			update(r.BySubclass, e.Subclass, func(c *Count) {
				c.Graph++
				if slices.ContainsFunc(ms, func(i int) bool { return gold.Entities[i].Subclass == e.Subclass }) {
					c.Correct++
				}
			})
		}
		if e.Group {
			r.Groups.Graph++
			if slices.ContainsFunc(ms, func(i int) bool { return gold.Entities[i].Group }) {
				r.Groups.Correct++
			}
		}
		if len(ms) == 0 {
			sc.note(&r.Spurious, Item{Kind: "entity", Class: class + "/" + orNone(e.Subclass), Text: e.Label(), IRI: e.IRI})
		}
	}
}

// linked reports whether the graph states p from one of ss to one of os.
func (sc *scorer) linked(p string, ss, os []*graphEntity) bool {
	for _, s := range ss {
		for _, o := range os {
			if sc.g.relSet[graphRelation{s.IRI, p, o.IRI}] {
				return true
			}
		}
	}
	return false
}

// relations counts gold relations found and judges the graph's relations
// between matched entities.
func (sc *scorer) relations() {
	r, g, gold := sc.r, sc.g, sc.gold
	for _, gr := range gold.Relations {
		p := relationPredicates[gr.P]
		hit := sc.linked(p, sc.found[sc.byLabel[gr.S]], sc.found[sc.byLabel[gr.O]])
		update(r.ByPredicate, localName(p), func(c *Count) {
			c.Gold++
			if hit {
				c.Found++
			}
		})
		if !hit {
			sc.note(&r.Missed, Item{Kind: "relation", Class: gr.P, Text: gr.S + " -> " + gr.O})
		}
	}
	for _, rel := range g.relations {
		ss, os := sc.goldOf[g.entities[rel.S]], sc.goldOf[g.entities[rel.O]]
		if len(ss) == 0 || len(os) == 0 {
			r.Unjudged++
			continue
		}
		right := slices.ContainsFunc(gold.Relations, func(gr Relation) bool {
			return relationPredicates[gr.P] == rel.P && slices.Contains(ss, sc.byLabel[gr.S]) && slices.Contains(os, sc.byLabel[gr.O])
		})
		update(r.ByPredicate, localName(rel.P), func(c *Count) {
			c.Graph++
			if right {
				c.Correct++
			}
		})
		if !right {
			sc.note(&r.Spurious, Item{Kind: "relation", Class: localName(rel.P),
				Text: g.entities[rel.S].Label() + " -> " + g.entities[rel.O].Label(), IRI: rel.S})
		}
	}
}

// mandates counts gold mandates with holders found with one, and the
// graph's mandates that have a holder.
func (sc *scorer) mandates() {
	r, gold := sc.r, sc.gold
	for i := range gold.Entities {
		m := &gold.Entities[i]
		if m.Class != "Mandate" {
			continue
		}
		var holders []*graphEntity
		hasHolder := false
		for _, gr := range gold.Relations {
			if gr.P == "holdsMandate" && gr.O == m.Label {
				hasHolder = true
				holders = append(holders, sc.found[sc.byLabel[gr.S]]...)
			}
		}
		if !hasHolder {
			continue
		}
		r.Mandates.Gold++
		if sc.linked(ontology.HoldsMandate, holders, sc.found[i]) {
			r.Mandates.Found++
		} else {
			sc.note(&r.Missed, Item{Kind: "holder", Class: "holdsMandate", Text: m.Label})
		}
	}
	held := make(map[string]bool)
	for _, rel := range sc.g.relations {
		if rel.P == ontology.HoldsMandate {
			held[rel.O] = true
		}
	}
	for _, e := range sc.g.order {
		if e.Mentioned && e.hasClass("Mandate") {
			r.Mandates.Graph++
			if held[e.IRI] {
				r.Mandates.Held++
			}
		}
	}
}

// facts counts the gold facts found, and those found with their payer or
// company.
func (sc *scorer) facts() {
	r := sc.r
	for _, f := range sc.gold.Facts {
		hit, withObject := false, false
		for _, e := range sc.found[sc.byLabel[f.S]] {
			for _, gf := range e.facts {
				if gf.Kind == f.What && sameFact(f, gf) {
					hit = true
					if f.O != "" && slices.ContainsFunc(sc.found[sc.byLabel[f.O]], func(o *graphEntity) bool { return o.IRI == gf.Other }) {
						withObject = true
					}
				}
			}
		}
		update(r.ByKind, f.What, func(c *FactCount) {
			c.Gold++
			if hit {
				c.Found++
			}
			if f.O != "" {
				c.Objects++
				if withObject {
					c.ObjectsFound++
				}
			}
		})
		if !hit {
			sc.note(&r.Missed, Item{Kind: "fact", Class: f.What, Text: f.S + ": " + f.Value})
		}
	}
}

// sameFact reports whether a graph fact gives a gold fact's value.
func sameFact(f Fact, gf graphFact) bool {
	value, currency, from, to, ok := normaliseFact(doc.FactKind(f.What), f.Value)
	if ok {
		switch f.What {
		case "amount":
			if sameDecimal(value, gf.Value) && (currency == "" || gf.Currency == "" || currency == gf.Currency) {
				return true
			}
		case "share":
			if sameDecimal(value, gf.Value) {
				return true
			}
		case "period":
			if value != "" && value == gf.Value {
				return true
			}
			if from != "" && to != "" && from == gf.From && to == gf.To {
				return true
			}
		case "start", "date":
			if from != "" && from == gf.From {
				return true
			}
		case "end":
			if d := cmpOr(to, from); d != "" && d == gf.To {
				return true
			}
		}
	}
	// The value as written, on the node that carries it.
	return gf.Label != "" && NormaliseName(gf.Label) == NormaliseName(f.Value)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// total fills the micro averages from the per-class counts.
func (r *Report) total() {
	r.Entities, r.Core, r.Relations, r.Facts = Count{}, Count{}, Count{}, FactCount{}
	for c, n := range r.ByClass {
		r.Entities.add(n)
		if slices.Contains(CoreClasses, c) {
			r.Core.add(n)
		}
	}
	for _, n := range r.ByPredicate {
		r.Relations.add(n)
	}
	for _, n := range r.ByKind {
		r.Facts.add(n)
	}
}

// Merge adds up reports into corpus totals: every count is summed, so the
// rates of the result are micro averages. The item lists are joined in the
// order of the reports.
func Merge(reports ...*Report) *Report {
	t := newReport("total")
	for _, r := range reports {
		t.Documents += r.Documents
		t.Failed += r.Failed
		for _, m := range []struct{ to, from map[string]Count }{
			{t.ByClass, r.ByClass}, {t.BySubclass, r.BySubclass}, {t.ByPredicate, r.ByPredicate}} {
			for k, v := range m.from {
				update(m.to, k, func(c *Count) { c.add(v) })
			}
		}
		for k, v := range r.ByKind {
			update(t.ByKind, k, func(c *FactCount) { c.add(v) })
		}
		t.Subclass.Matched += r.Subclass.Matched
		t.Subclass.Agree += r.Subclass.Agree
		t.Groups.add(r.Groups)
		t.Unjudged += r.Unjudged
		t.Mandates.Gold += r.Mandates.Gold
		t.Mandates.Found += r.Mandates.Found
		t.Mandates.Graph += r.Mandates.Graph
		t.Mandates.Held += r.Mandates.Held
		t.Unmentioned += r.Unmentioned
		t.UnmentionedMatching += r.UnmentionedMatching
		t.Duplicates += r.Duplicates
		t.Missed = append(t.Missed, r.Missed...)
		t.Spurious = append(t.Spurious, r.Spurious...)
		t.Notes = append(t.Notes, r.Notes...)
	}
	t.total()
	return t
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// displayName shortens a gold file name to the document's stem.
func displayName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSuffix(name, ".gold.json")
}
