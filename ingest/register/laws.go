package register

import (
	"kg/ingest/doc"
	"regexp"
	"strings"
)

var (
	sfsNumber = regexp.MustCompile(`^[0-9]{4}:[0-9]+$`)
	// The register's notes give a law's earlier title as
	// original title (2010) "Lag om regionalt utvecklingsansvar i vissa län".
	originalTitle = regexp.MustCompile(`original title \([0-9]{4}\) "([^"]+)"`)
)

// lawClass maps laws.csv's kind column to a class; a law of unknown kind
// is only a Law.
var lawClass = map[string]string{"lag": "Act", "förordning": "Ordinance", "": "Law"}

// readLaws reads laws.csv: acts and ordinances by SFS number. Only a verified
// row gives a title and the names made from it; an unverified row is
// recognised by its number alone.
func (b *builder) readLaws() error {
	t, err := b.readTable("laws.csv", "sfs", "title", "short_name", "kind", "eli_or_url", "verified", "notes")
	if err != nil {
		return err
	}
	for i := range t.rows {
		sfs := t.get(i, "sfs")
		if !sfsNumber.MatchString(sfs) {
			return t.errf(i, ErrValue, "SFS number %q", sfs)
		}
		class, ok := lawClass[t.get(i, "kind")]
		if !ok {
			return t.errf(i, ErrValue, "kind %q", t.get(i, "kind"))
		}
		verified := t.get(i, "verified")
		if verified != "yes" && verified != "no" {
			return t.errf(i, ErrValue, "verified %q", verified)
		}
		key := "law:" + sfs
		title := t.get(i, "title")
		e := Entry{Key: key, Class: class, Source: SrcLaws, Row: t.pos(i), Note: t.get(i, "notes")}
		e.Props = append(e.Props, Prop{P: "sfsNumber", V: sfs}, Prop{P: Page, V: SFSOfficial + sfs, IRI: true})
		if u := t.get(i, "eli_or_url"); u != "" {
			if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
				return t.errf(i, ErrValue, "URL %q", u)
			}
			e.Props = append(e.Props, Prop{P: Page, V: u, IRI: true})
		}
		if verified == "yes" && title != "" {
			e.Label, e.ID = title, doc.Slug(title)
		} else {
			e.Label, e.ID = "SFS "+sfs, "sfs-"+doc.Slug(sfs)
			if title != "" {
				e.Note = strings.TrimPrefix(e.Note+"; title given by one source only: "+title, "; ")
			}
		}
		b.add(e)

		b.names.add(key, e.Label, KindLabel, false)
		b.names.add(key, "SFS "+sfs, KindNumber, false)
		b.names.add(key, sfs, KindNumber, false)
		if verified != "yes" || title == "" {
			continue
		}
		for _, s := range split(t.get(i, "short_name")) {
			b.names.add(key, s, KindShort, false)
		}
		if d, ok := lawDefinite(title); ok {
			b.names.add(key, d, KindDerived, false)
		}
		if c, ok := lawCitation(title, sfs); ok {
			b.names.add(key, c, KindCitation, false)
		}
		if m := originalTitle.FindStringSubmatch(e.Note); m != nil {
			b.names.add(key, m[1], KindFormer, false)
			if d, ok := lawDefinite(m[1]); ok {
				b.names.add(key, d, KindFormer, false)
			}
			if c, ok := lawCitation(m[1], sfs); ok {
				b.names.add(key, c, KindFormer, false)
			}
		}
	}
	return nil
}

// lawHead splits a title into the word that says what kind of statute it
// is and the rest: "Lag om kollektivtrafik" → "Lag", " om kollektivtrafik";
// "Plan- och bygglag" → "Plan- och bygglag", "".
func lawHead(title string) (head, rest string) {
	if i := strings.IndexByte(title, ' '); i > 0 {
		if w := title[i+1:]; strings.HasPrefix(w, "om ") || strings.HasPrefix(w, "med ") {
			return title[:i], title[i:]
		}
	}
	return title, ""
}

// lawDefinite is the title as running text names the law: definite and
// lower-case ("lagen om kollektivtrafik", "plan- och bygglagen",
// "förordningen om regionalt tillväxtarbete").
func lawDefinite(title string) (string, bool) {
	head, rest := lawHead(title)
	d, ok := Definite(head)
	if !ok {
		return "", false
	}
	return Uncapitalise(d) + rest, true
}

// lawCitation is the citation form with the number after the head noun:
// "lagen (2010:630) om regionalt utvecklingsansvar", "skollagen (2010:800)".
func lawCitation(title, sfs string) (string, bool) {
	head, rest := lawHead(title)
	d, ok := Definite(head)
	if !ok {
		return "", false
	}
	return Uncapitalise(d) + " (" + sfs + ")" + rest, true
}
