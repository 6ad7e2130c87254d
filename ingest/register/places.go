package register

import (
	"fmt"
	"kg/ingest/doc"
	"regexp"
	"slices"
	"strings"
)

var (
	countyCode       = regexp.MustCompile(`^[0-9]{2}$`)
	nutsCode         = regexp.MustCompile(`^SE[0-9]{3}$`)
	municipalityCode = regexp.MustCompile(`^[0-9]{4}$`)
)

// readCounties reads counties.csv: a County per row, and the regional body
// that holds the regional development responsibility in it as a Region.
func (b *builder) readCounties() error {
	t, err := b.readTable("counties.csv", "scb_code", "name", "iso_3166_2", "nuts3", "wikidata", "region_org", "region_orgnr", "region_org_wikidata", "notes")
	if err != nil {
		return err
	}
	for i := range t.rows {
		code, label := t.get(i, "scb_code"), t.get(i, "name")
		if !countyCode.MatchString(code) {
			return t.errf(i, ErrValue, "county code %q", code)
		}
		if !strings.HasSuffix(label, " län") {
			return t.errf(i, ErrValue, "county name %q does not end in \"län\"", label)
		}
		c := &county{key: "county:" + code, region: "region:" + code, label: label,
			base: UnGenitive(strings.TrimSuffix(label, " län"))}
		if _, dup := b.counties[code]; dup {
			return t.errf(i, ErrDuplicate, "county code %s", code)
		}
		b.counties[code] = c

		// the English name of a county is its base name and "County" ("Skåne County")
		e := Entry{Key: c.key, ID: doc.Slug(label), Class: "County", Label: label, LabelEN: c.base + " County", Source: SrcCounties, Row: t.pos(i)}
		e.Props = append(e.Props, Prop{P: "scbCountyCode", V: code})
		if v := t.get(i, "iso_3166_2"); v != "" {
			e.Props = append(e.Props, Prop{P: "iso3166_2", V: v})
		}
		if v := t.get(i, "nuts3"); v != "" {
			if !nutsCode.MatchString(v) {
				return t.errf(i, ErrValue, "NUTS code %q", v)
			}
			e.Props = append(e.Props, Prop{P: "nutsCode", V: v}, Prop{P: SchemaSameAs, V: NUTSCode + v, IRI: true})
		}
		if err := addWikidata(&e, t, i, "wikidata", SameAs); err != nil {
			return err
		}
		b.add(e)
		b.names.add(c.key, label, KindLabel, false)
		// The bare name ("Skåne", "Norrbotten") is derived: it yields to a
		// municipality the register names so ("Uppsala", "Kalmar").
		b.names.add(c.key, c.base, KindDerived, !strings.Contains(c.base, " "))

		org := t.get(i, "region_org")
		if org == "" {
			return t.errf(i, ErrValue, "county %s has no regional body", code)
		}
		re := Entry{Key: c.region, ID: doc.Slug(org), Class: "Region", Label: org, Source: SrcCounties, Row: t.pos(i),
			Note: t.get(i, "notes")}
		if nr := t.get(i, "region_orgnr"); nr != "" {
			if err := b.checkOrgnr(t, i, nr, c.region); err != nil {
				return err
			}
			re.Props = append(re.Props, Prop{P: "organisationNumber", V: nr})
		}
		if err := addWikidata(&re, t, i, "region_org_wikidata", SameAs); err != nil {
			return err
		}
		re.Props = append(re.Props, Prop{P: "servesCounty", V: c.key, Ref: true})
		b.add(re)
		b.names.add(c.region, org, KindLabel, false)
		// "Region <county>": "Region Jönköping" beside the register's
		// "Region Jönköpings län", "Region Västra Götaland" beside
		// "Västra Götalandsregionen".
		if n := "Region " + c.base; n != org {
			b.names.add(c.region, n, KindDerived, false)
		}
	}
	return nil
}

// readMunicipalities reads municipalities.csv. A municipality whose
// organisation number (or official name) is that of a county's regional
// body is that body: Region Gotland is one entry, a Region that is also a
// Municipality, found by both keys.
func (b *builder) readMunicipalities() error {
	t, err := b.readTable("municipalities.csv", "scb_code", "name", "official_name", "county_code", "wikidata", "wikidata_name_match", "orgnr", "notes")
	if err != nil {
		return err
	}
	for i := range t.rows {
		code, short, official := t.get(i, "scb_code"), t.get(i, "name"), t.get(i, "official_name")
		if !municipalityCode.MatchString(code) {
			return t.errf(i, ErrValue, "municipality code %q", code)
		}
		if short == "" || official == "" {
			return t.errf(i, ErrValue, "municipality %s has no name", code)
		}
		cc := t.get(i, "county_code")
		c, ok := b.counties[cc]
		if !ok {
			return t.errf(i, ErrRef, "county code %q", cc)
		}
		if code[:2] != cc {
			return t.errf(i, ErrValue, "municipality %s lies in county %s by its code, not %s", code, code[:2], cc)
		}
		key := "municipality:" + code
		nr := t.get(i, "orgnr")

		var e *Entry
		if region := b.entry(c.region); region != nil && (nr != "" && region.Value("organisationNumber") == nr || region.Label == official) {
			e = region
			e.Also = append(e.Also, "Municipality")
			e.AltKeys = append(e.AltKeys, key)
			e.Note = strings.TrimSpace(e.Note + "; a municipality with the regional body's tasks: one entity, also found as " + key)
			if nr != "" {
				b.orgnr[nr] = e.Key
			}
		} else {
			id := official
			if !strings.HasSuffix(official, " kommun") {
				id = KommunName(short)
			}
			b.add(Entry{Key: key, ID: doc.Slug(id), Class: "Municipality", Label: official, Source: SrcMunicipalities, Row: t.pos(i)})
			e = &b.r.Entries[len(b.r.Entries)-1]
			if nr != "" {
				if err := b.checkOrgnr(t, i, nr, key); err != nil {
					return err
				}
				e.Props = append(e.Props, Prop{P: "organisationNumber", V: nr})
			}
			e.Note = t.get(i, "notes")
		}
		e.Props = append(e.Props, Prop{P: "scbMunicipalityCode", V: code}, Prop{P: "county", V: c.key, Ref: true})
		if err := addWikidata(e, t, i, "wikidata", SameAs); err != nil {
			return err
		}
		// A name match, not paired with the code: a candidate, never owl:sameAs.
		if t.get(i, "wikidata_name_match") != t.get(i, "wikidata") {
			if err := addWikidata(e, t, i, "wikidata_name_match", "wikidataCandidate"); err != nil {
				return err
			}
		}

		b.names.add(e.Key, official, KindLabel, false)
		b.names.add(e.Key, short, KindShort, !strings.Contains(short, " "))
		for _, n := range municipalityForms(short, official) {
			b.names.add(e.Key, n, KindDerived, false)
		}
	}
	if n := len(t.rows); n == 0 {
		return &Error{File: t.file, Err: fmt.Errorf("%w: no rows", ErrSyntax)}
	}
	return nil
}

// municipalityForms are the names a municipality goes by besides its
// official one, made from its short name by the rules of Swedish: the
// usual "kommun" name (KommunName: "Malmö kommun", "Stockholms kommun"),
// the genitive form ("Xs kommun", no extra s after s, x or z) and the
// bare form ("X kommun"). For the fourteen that call themselves "stad"
// ("Stockholms stad") these are the kommun forms texts also use.
func municipalityForms(short, official string) []string {
	var out []string
	for _, n := range []string{KommunName(short), Genitive(short) + " kommun", short + " kommun"} {
		if n != official && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
