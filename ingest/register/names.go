package register

import (
	"cmp"
	"fmt"
	"kg/ingest/lang"
	"slices"
	"strings"
)

// NameKind says where a recognised name comes from.
type NameKind uint8

// Name kinds, from the register's own names to the forms rules make.
const (
	KindLabel    NameKind = iota // the official name
	KindShort                    // a short name the register gives ("Upplands Väsby")
	KindAlt                      // another current name the register or vocabulary gives ("Energimyndigheten")
	KindAbbrev                   // an abbreviation ("SCB", "HaV"); matched with its case
	KindFormer                   // a former name or abbreviation
	KindDerived                  // made by a rule from the entry's names ("Stockholms kommun", "Länsstyrelsen Skåne", "Region Kalmar")
	KindDefinite                 // the definite form of "Statens <noun>" ("Kulturrådet")
	KindCitation                 // a law's citation form ("lagen (2010:630) om regionalt utvecklingsansvar")
	KindNumber                   // a law's number ("SFS 2010:630", "2010:630")
)

var kindNames = [...]string{"label", "short", "alt", "abbrev", "former", "derived", "definite", "citation", "number"}

func (k NameKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("NameKind(%d)", k)
}

// rank orders kinds when two entries claim one name: a name a source
// gives for an entry (3) outranks a former name (2), which outranks a
// form a rule derived (1).
func (k NameKind) rank() int {
	switch k {
	case KindFormer:
		return 2
	case KindDerived, KindDefinite:
		return 1
	}
	return 3
}

// better reports whether kind a is to be kept over kind b for one name of
// one entry: a current form over a former one, then the higher rank.
func better(a, b NameKind) bool {
	if (a == KindFormer) != (b == KindFormer) {
		return b == KindFormer
	}
	return a.rank() > b.rank()
}

// NameRef is one name the recogniser matches and the entry it names.
type NameRef struct {
	Name string
	Key  string
	Kind NameKind
	// Exact asks for a case-sensitive match: abbreviations ("SiS", "BO")
	// and one-word place names, whose lower-case forms are common words
	// ("Vara", "Mark", "Kil").
	Exact bool
}

// Clash is a name that more than one entry has.
type Clash struct {
	Name string
	Keys []string // every entry that has the name, sorted
	// Winner is the key the name resolves to, "" when it resolves to none.
	Winner string
	Rule   string // why: the rule that decided, or why none could
}

// Skipped is a name a register gives that is not recognised.
type Skipped struct {
	Key, Name, Reason string
}

// Names lists every recognised (name, entry) pair, sorted by name and key.
// Names that two entries share and no rule decides are left out (see
// Clashes).
func (r *Registry) Names() []NameRef { return slices.Clone(r.names) }

// Clashes lists the names more than one entry has, with how each was
// decided, sorted by name.
func (r *Registry) Clashes() []Clash { return slices.Clone(r.clashes) }

// Skipped lists names the registers give that are not recognised: spelling
// variants of an entry's own name and two-letter former abbreviations.
func (r *Registry) Skipped() []Skipped { return slices.Clone(r.skipped) }

// candidate is a name on its way into the registry.
type candidate struct {
	NameRef
	seq int // order of addition, for stable output
}

// nameSet gathers candidate names while the registers load.
type nameSet struct {
	list []candidate
}

func (s *nameSet) add(key, name string, kind NameKind, exact bool) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return
	}
	if kind == KindAbbrev || looksAbbreviated(name) {
		exact = true
	}
	s.list = append(s.list, candidate{NameRef{Name: name, Key: key, Kind: kind, Exact: exact}, len(s.list)})
}

// foldName is the form names are compared in to find clashes: case folded
// throughout, so that a clash the recogniser's first-letter folding could
// meet is never missed.
func foldName(s string) string { return dashes.Replace(strings.ToLower(s)) }

// dashes are the dashes texts write for a hyphen in a name ("2021–2030").
var dashes = strings.NewReplacer("\u2013", "-", "\u2011", "-", "\u2010", "-")

// resolve drops spelling variants, finds clashes and fills the registry's
// name table and, with fill, each entry's Names, Former and Ambiguous.
// Without fill (a registry made by hand) the entries stay as they are and
// every name is taken as given.
func (s *nameSet) resolve(r *Registry, fill bool) {
	cands := s.list
	if fill {
		cands = s.dropVariants(r)
	}
	uniq := bestKinds(cands)
	drop := make([]bool, len(uniq))
	r.clashes = append(r.clashes, settleClashes(uniq, drop)...)
	r.clashes = append(r.clashes, dropDefiniteOpenings(uniq, drop)...)
	slices.SortFunc(r.clashes, func(a, b Clash) int { return cmp.Compare(a.Name, b.Name) })
	r.fillNames(uniq, drop, fill)
}

// bestKinds keeps one candidate per (name, key): the best-ranked kind,
// first added.
func bestKinds(cands []candidate) []candidate {
	type nk struct{ name, key string }
	best := map[nk]int{}
	var uniq []candidate
	for _, c := range cands {
		k := nk{c.Name, c.Key}
		if i, ok := best[k]; ok {
			if better(c.Kind, uniq[i].Kind) {
				seq := uniq[i].seq
				uniq[i] = c
				uniq[i].seq = seq
			}
			continue
		}
		best[k] = len(uniq)
		uniq = append(uniq, c)
	}
	return uniq
}

// settleClashes decides each name two entries share: the better-ranked
// kind wins, equals leave the name to no entry. It marks the losers in drop.
func settleClashes(uniq []candidate, drop []bool) []Clash {
	byFold := map[string][]int{}
	for i, c := range uniq {
		f := foldName(c.Name)
		byFold[f] = append(byFold[f], i)
	}
	folds := make([]string, 0, len(byFold))
	for f := range byFold {
		folds = append(folds, f)
	}
	slices.Sort(folds)
	var out []Clash
	for _, f := range folds {
		idx := byFold[f]
		keys := map[string]int{} // key → best rank
		for _, i := range idx {
			keys[uniq[i].Key] = max(keys[uniq[i].Key], uniq[i].Kind.rank())
		}
		if len(keys) < 2 {
			continue
		}
		top := 0
		for _, rk := range keys {
			top = max(top, rk)
		}
		var winners []string
		for k, rk := range keys {
			if rk == top {
				winners = append(winners, k)
			}
		}
		all := make([]string, 0, len(keys))
		for k := range keys {
			all = append(all, k)
		}
		slices.Sort(all)
		c := Clash{Name: uniq[idx[0]].Name, Keys: all}
		if len(winners) == 1 {
			c.Winner = winners[0]
			c.Rule = "a name a source gives outranks a former name, and both outrank a form a rule derived"
			if top == 2 {
				c.Rule = "a former name outranks a form a rule derived"
			}
		} else {
			c.Rule = "equal standing: the name resolves to no entry"
		}
		for _, i := range idx {
			if uniq[i].Key != c.Winner {
				drop[i] = true
			}
		}
		out = append(out, c)
	}
	return out
}

// dropDefiniteOpenings drops a definite short form that another entry's
// name begins with: "Överklagandenämnden" (Statens överklagandenämnd) also
// opens "Överklagandenämnden för högskolan".
func dropDefiniteOpenings(uniq []candidate, drop []bool) []Clash {
	firstWords := map[string][]string{}
	for _, c := range uniq {
		if i := strings.IndexByte(c.Name, ' '); i > 0 && c.Kind != KindDefinite {
			f := foldName(c.Name[:i])
			firstWords[f] = append(firstWords[f], c.Key)
		}
	}
	var out []Clash
	for i, c := range uniq {
		if c.Kind != KindDefinite || drop[i] {
			continue
		}
		var others []string
		for _, k := range firstWords[foldName(c.Name)] {
			if k != c.Key && !slices.Contains(others, k) {
				others = append(others, k)
			}
		}
		if len(others) == 0 {
			continue
		}
		drop[i] = true
		keys := append([]string{c.Key}, others...)
		slices.Sort(keys)
		out = append(out, Clash{Name: c.Name, Keys: keys,
			Rule: "a definite short form that begins another entry's name resolves to no entry"})
	}
	return out
}

// fillNames records the names that stand (and, with fill, fills each
// entry's names, former names and ambiguous names in the order they were
// added).
func (r *Registry) fillNames(uniq []candidate, drop []bool, fill bool) {
	if fill {
		for i := range r.Entries {
			e := &r.Entries[i]
			e.Names, e.Former, e.Ambiguous = nil, nil, nil
		}
	}
	for i, c := range uniq {
		e := r.Lookup(c.Key)
		if e == nil {
			continue
		}
		switch {
		case !fill:
		case c.Kind == KindFormer:
			if !slices.Contains(e.Former, c.Name) {
				e.Former = append(e.Former, c.Name)
			}
		case drop[i]:
			if !slices.Contains(e.Ambiguous, c.Name) {
				e.Ambiguous = append(e.Ambiguous, c.Name)
			}
		default:
			if !slices.Contains(e.Names, c.Name) {
				e.Names = append(e.Names, c.Name)
			}
		}
		if !drop[i] {
			r.names = append(r.names, c.NameRef)
		}
	}
	slices.SortFunc(r.names, func(a, b NameRef) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Key, b.Key))
	})
}

// dropVariants leaves out names that differ from a better name of the same
// entry by a single letter, hyphen or space ("Rättshjälpnämnden" beside
// "Rättshjälpsnämnden", "Post och telestyrelsen" beside "Post- och
// telestyrelsen"): misprints in a source, not names anyone uses. The
// curated vocabulary is exempt: its variants ("Leadermetoden",
// "Leader-metoden") are there on purpose. Two-letter
// former abbreviations are left out too: out of use, two letters name
// other things far more often than they name the old body.
func (s *nameSet) dropVariants(r *Registry) []candidate {
	given := func(k NameKind) bool {
		return k == KindLabel || k == KindShort || k == KindAlt || k == KindAbbrev || k == KindFormer
	}
	byKey := map[string][]candidate{}
	for _, c := range s.list {
		byKey[c.Key] = append(byKey[c.Key], c)
	}
	var out []candidate
	for _, c := range s.list {
		if c.Kind == KindFormer && c.Exact && len([]rune(c.Name)) <= 2 {
			r.skipped = append(r.skipped, Skipped{c.Key, c.Name, "two-letter former abbreviation"})
			continue
		}
		if (c.Kind == KindAlt || c.Kind == KindFormer) && len([]rune(c.Name)) >= 8 && !strings.HasPrefix(c.Key, "vocab:") {
			var of string
			for _, o := range byKey[c.Key] {
				if o.seq >= c.seq || !given(o.Kind) || o.Kind.rank() < c.Kind.rank() {
					continue
				}
				if d := lang.Distance(foldName(c.Name), foldName(o.Name), 1); d == 1 {
					of = o.Name
					break
				}
			}
			if of != "" {
				r.skipped = append(r.skipped, Skipped{c.Key, c.Name, fmt.Sprintf("spelling variant of %q", of)})
				continue
			}
		}
		out = append(out, c)
	}
	return out
}
