package register

import (
	"kg/ingest/doc"
	"regexp"
	"strings"
)

// ministryKey is the key of a ministry by its Swedish name.
func ministryKey(name string) string { return "ministry:" + doc.Slug(name) }

// readMinistries reads ministries.csv: one Ministry per row.
func (b *builder) readMinistries() error {
	t, err := b.readTable("ministries.csv", "name", "english_name", "wikidata", "notes")
	if err != nil {
		return err
	}
	for i := range t.rows {
		name := t.get(i, "name")
		if name == "" {
			return t.errf(i, ErrValue, "ministry without a name")
		}
		e := Entry{Key: ministryKey(name), ID: doc.Slug(name), Class: "Ministry", Label: name, LabelEN: t.get(i, "english_name"),
			Source: SrcMinistries, Row: t.pos(i), Note: t.get(i, "notes")}
		if err := addWikidata(&e, t, i, "wikidata", SameAs); err != nil {
			return err
		}
		b.add(e)
		b.names.add(e.Key, name, KindLabel, false)
	}
	return nil
}

// agencyClass maps agencies.csv's kind column to a class.
var agencyClass = map[string]string{
	"agency":       "GovernmentAgency",
	"county_board": "CountyAdministrativeBoard",
	"university":   "University",
	"court":        "GovernmentAgency",
	"other":        "GovernmentAgency",
}

var (
	dissolvedStatus = regexp.MustCompile(`^dissolved ([0-9]{4})$`)
	boardCounty     = regexp.MustCompile(`^Länsstyrelsen i (.+ län)$`)
)

// courtNote ends the note of a court, which is kept as a GovernmentAgency.
const courtNote = "a court"

// underRiksdag is how agencies.csv notes a body under the Riksdag rather
// than a ministry.
const underRiksdag = "myndighet under riksdagen"

// readAgencies reads agencies.csv: state agencies, county administrative
// boards, universities, courts and other state bodies.
func (b *builder) readAgencies() error {
	t, err := b.readTable("agencies.csv", "name", "short_names", "orgnr", "ministry", "wikidata", "kind", "status",
		"alt_names", "former_names", "wikidata_basis", "notes")
	if err != nil {
		return err
	}
	countyByLabel := map[string]*county{}
	for _, c := range b.counties {
		countyByLabel[c.label] = c
	}
	for i := range t.rows {
		name, kind := t.get(i, "name"), t.get(i, "kind")
		class, ok := agencyClass[kind]
		if !ok {
			return t.errf(i, ErrValue, "kind %q", kind)
		}
		if name == "" {
			return t.errf(i, ErrValue, "agency without a name")
		}
		nr := t.get(i, "orgnr")
		key := "agency:" + doc.Slug(name)
		if nr != "" {
			key = "agency:" + nr
		}
		e := Entry{Key: key, ID: doc.Slug(name), Class: class, Label: name, Source: SrcAgencies, Row: t.pos(i), Note: t.get(i, "notes")}
		if kind == "court" {
			e.Note = strings.TrimPrefix(e.Note+"; "+courtNote, "; ")
		}
		switch status := t.get(i, "status"); {
		case status == "active" || status == "":
		case dissolvedStatus.MatchString(status):
			e.Dissolved = dissolvedStatus.FindStringSubmatch(status)[1]
			e.Note = strings.TrimSuffix(status+"; "+e.Note, "; ")
		default:
			return t.errf(i, ErrValue, "status %q", status)
		}
		if nr != "" {
			if err := b.checkOrgnr(t, i, nr, key); err != nil {
				return err
			}
			e.Props = append(e.Props, Prop{P: "organisationNumber", V: nr})
		}
		// Only an item whose organisation number is this one's is the same
		// thing; a name match is a candidate.
		p := "wikidataCandidate"
		if strings.Contains(t.get(i, "wikidata_basis"), "P6460") {
			p = SameAs
		}
		if err := addWikidata(&e, t, i, "wikidata", p); err != nil {
			return err
		}
		if m := t.get(i, "ministry"); m != "" {
			e.Props = append(e.Props, Prop{P: "supervisedBy", V: ministryKey(m), Ref: true})
		} else if strings.Contains(e.Note, underRiksdag) {
			e.Props = append(e.Props, Prop{P: "supervisedBy", V: riksdagKey, Ref: true})
		}
		var c *county
		if kind == "county_board" {
			m := boardCounty.FindStringSubmatch(name)
			if m == nil || countyByLabel[m[1]] == nil {
				return t.errf(i, ErrValue, "county board %q names no county", name)
			}
			c = countyByLabel[m[1]]
			e.Props = append(e.Props, Prop{P: "servesCounty", V: c.key, Ref: true})
		}
		b.add(e)
		b.agencyNames(t, i, key, name, c)
	}
	return nil
}

// agencyNames adds the names of an agency's row: its own, short,
// alternative and former names, the forms rules derive from them, and a
// county board's usual forms.
func (b *builder) agencyNames(t *table, i int, key, name string, c *county) {
	shorts := split(t.get(i, "short_names"))
	b.names.add(key, name, KindLabel, false)
	for _, s := range shorts {
		b.names.add(key, s, KindAbbrev, true)
	}
	alts := split(t.get(i, "alt_names"))
	for _, s := range alts {
		b.names.add(key, s, KindAlt, false)
	}
	formers := split(t.get(i, "former_names"))
	for _, s := range formers {
		b.names.add(key, s, KindFormer, false)
	}
	for _, s := range append([]string{name}, alts...) {
		for _, n := range agencyForms(s, shorts) {
			b.names.add(key, n, KindDerived, false)
		}
	}
	for _, s := range formers {
		for _, n := range agencyForms(s, nil) {
			b.names.add(key, n, KindFormer, false)
		}
	}
	for _, s := range append([]string{name}, alts...) {
		if d, ok := statensDefinite(s); ok {
			b.names.add(key, d, KindDefinite, false)
		}
	}
	for _, s := range formers {
		if d, ok := statensDefinite(s); ok {
			b.names.add(key, d, KindFormer, false)
		}
	}
	if c != nil {
		for _, n := range []string{"Länsstyrelsen " + c.base, "Länsstyrelsen i " + c.base, "Länsstyrelsen " + c.label} {
			b.names.add(key, n, KindDerived, false)
		}
	}
}

// agencyForms are the forms an agency's name takes by general rules:
// without the legal-form designation ("Affärsverket svenska kraftnät" →
// "Svenska kraftnät", "Sjöfartsverket, affärsverk" → "Sjöfartsverket"),
// "Kungl." written out ("Kungl. biblioteket" → "Kungliga biblioteket"),
// and without a trailing abbreviation the name repeats ("Riksdagens
// ombudsmän JO" → "Riksdagens ombudsmän").
func agencyForms(name string, shorts []string) []string {
	var out []string
	if rest, ok := strings.CutPrefix(name, "Affärsverket "); ok {
		out = append(out, Capitalise(rest))
	}
	if rest, ok := strings.CutSuffix(name, ", affärsverk"); ok {
		out = append(out, rest)
	}
	if rest, ok := strings.CutPrefix(name, "Kungl. "); ok {
		out = append(out, "Kungliga "+rest)
	}
	for _, s := range shorts {
		if rest, ok := strings.CutSuffix(name, " "+s); ok {
			out = append(out, rest)
		}
	}
	return out
}

// statensDefinite gives the capitalised definite form of the noun in a
// name "Statens <noun>" ("Statens kulturråd" → "Kulturrådet"), as such
// agencies are commonly called. Names with more than one word after
// "Statens" have no such form.
func statensDefinite(name string) (string, bool) {
	noun, ok := strings.CutPrefix(name, "Statens ")
	if !ok || strings.ContainsAny(noun, " -,") || noun == "" {
		return "", false
	}
	d, ok := Definite(noun)
	if !ok {
		return "", false
	}
	return Capitalise(d), true
}
