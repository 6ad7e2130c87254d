package register

import (
	"bufio"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Keys of vocabulary entries the loaders of other files point to.
const (
	riksdagKey   = "vocab:riksdagen"
	vocabFile    = "vocabulary.tsv"
	formerPrefix = "former:"
)

// vocabColumns are vocabulary.tsv's columns, in order.
var vocabColumns = []string{"key", "class", "label_sv", "label_en", "names", "props", "group", "scope", "note"}

// vocabClasses are the classes a vocabulary row may have.
var vocabClasses = map[string]bool{
	"Government": true, "Parliament": true, "EUBody": true, "EURegulation": true, "Association": true, "Company": true,
	"Fund": true, "Programme": true, "Strategy": true, "Plan": true, "Appropriation": true, "Platform": true,
	"Agreement": true, "Partnership": true, "Mandate": true, "Theme": true, "Group": true,
}

// memberClasses are the classes a group's members may have.
var memberClasses = map[string]bool{
	"Region": true, "Municipality": true, "CountyAdministrativeBoard": true, "GovernmentAgency": true,
	"University": true, "Ministry": true, "Government": true, "Fund": true, "Programme": true, "Partnership": true,
	"Association": true, "Company": true, "PoliticalBody": true,
}

// prefixes expand the property prefixes vocabulary.tsv may use.
var prefixes = map[string]string{
	"owl:":  "http://www.w3.org/2002/07/owl#",
	"skos:": "http://www.w3.org/2004/02/skos/core#",
	"foaf:": "http://xmlns.com/foaf/0.1/",
	"rdfs:": "http://www.w3.org/2000/01/rdf-schema#",
}

var (
	vocabKey  = regexp.MustCompile(`^vocab:[a-z0-9]+(-[a-z0-9]+)*$`)
	localName = regexp.MustCompile(`^[a-z][A-Za-z0-9_]*$`)
)

// readVocabulary reads vocabulary.tsv, the curated vocabulary of the genre. A
// row whose key is already a register's entry adds to that entry (its
// class, English label, names, props and note) instead of making one:
// Regeringskansliet is in the agency register and is the Government's
// office here.
func (b *builder) readVocabulary() error {
	f, err := b.fsys.Open(vocabFile)
	if err != nil {
		return &Error{File: vocabFile, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line, header := 0, false
	seen := map[string]int{}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		errf := func(sentinel error, format string, args ...any) error {
			return &Error{File: vocabFile, Line: line, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, args...)...)}
		}
		if !header {
			if !slices.Equal(cells, vocabColumns) {
				return errf(ErrColumn, "header %q, want %q", cells, vocabColumns)
			}
			header = true
			continue
		}
		if len(cells) != len(vocabColumns) {
			return errf(ErrSyntax, "%d fields, want %d", len(cells), len(vocabColumns))
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		row := map[string]string{}
		for i, c := range vocabColumns {
			row[c] = cells[i]
		}
		key := row["key"]
		if prev, dup := seen[key]; dup {
			return errf(ErrDuplicate, "key %s (also line %d)", key, prev)
		}
		seen[key] = line
		if err := b.vocabRow(row, line, errf); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &Error{File: vocabFile, Line: line, Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	}
	if !header {
		return &Error{File: vocabFile, Err: fmt.Errorf("%w: no header", ErrSyntax)}
	}
	return nil
}

func (b *builder) vocabRow(row map[string]string, line int, errf func(error, string, ...any) error) error {
	key, class, label := row["key"], row["class"], row["label_sv"]
	if !vocabClasses[class] {
		return errf(ErrValue, "class %q", class)
	}
	props, listed, err := parseProps(row["props"])
	if err != nil {
		return errf(ErrValue, "%v", err)
	}
	// An EU regulation's CELEX number gives its ELI.
	for _, p := range props {
		if eli := celexELI(p.V); p.P == "celexNumber" && eli != "" {
			props = append(props, Prop{P: SchemaSameAs, V: eli, IRI: true})
		}
	}
	e := b.entry(key)
	if e != nil {
		// A row about a register's entry.
		if label != "" && label != e.Label {
			return errf(ErrValue, "label %q of %s is %q in its register", label, key, e.Label)
		}
		if row["group"] != "" || row["scope"] != "" || len(listed) > 0 {
			return errf(ErrValue, "%s: a register entry is no group", key)
		}
		e.Class = class
		if e.LabelEN == "" {
			e.LabelEN = row["label_en"]
		}
		e.Props = append(e.Props, props...)
		if n := row["note"]; n != "" {
			e.Note = strings.TrimPrefix(e.Note+"; "+n, "; ")
		}
	} else {
		if !vocabKey.MatchString(key) {
			return errf(ErrValue, "key %q: want vocab:<lower-case-slug>", key)
		}
		if label == "" {
			return errf(ErrValue, "%s has no label", key)
		}
		ne := Entry{Key: key, ID: strings.TrimPrefix(key, "vocab:"), Class: class, Label: label, LabelEN: row["label_en"],
			Props: props, Source: SrcVocabulary, Group: row["group"], Scope: Scope(row["scope"]), Listed: listed,
			Note: row["note"], Row: fmt.Sprintf("%s:%d", vocabFile, line)}
		switch {
		case class == "Group":
			if !memberClasses[ne.Group] {
				return errf(ErrValue, "%s: member class %q", key, ne.Group)
			}
			switch ne.Scope {
			case ScopeAll, ScopeSome, ScopeCounty:
				if len(listed) > 0 {
					return errf(ErrValue, "%s: members listed for scope %s", key, ne.Scope)
				}
			case ScopeListed:
				if len(listed) == 0 {
					return errf(ErrValue, "%s: scope listed without members", key)
				}
			default:
				return errf(ErrValue, "%s: group scope %q", key, ne.Scope)
			}
		case ne.Group != "" || len(listed) > 0:
			return errf(ErrValue, "%s: group or members on a %s", key, class)
		case ne.Scope != "" && ne.Scope != ScopeEach:
			return errf(ErrValue, "%s: scope %q on a %s", key, ne.Scope, class)
		}
		b.add(ne)
		b.names.add(key, label, KindLabel, false)
	}
	for _, n := range split(row["names"]) {
		if f, ok := strings.CutPrefix(n, formerPrefix); ok {
			b.names.add(key, f, KindFormer, false)
		} else {
			b.names.add(key, n, KindAlt, false)
		}
	}
	return nil
}

// parseProps reads a props cell: "P=V" items separated by ";". P is a kgo:
// local name or prefix:local (owl:, skos:, foaf:, rdfs:), preceded by "^"
// when the statement runs from V to the entry. V is "@key" for another
// entry, "<iri>" for an IRI, "wd:Q…" for a Wikidata item, or a literal.
// "member=@key" lists a group's members.
func parseProps(cell string) (props []Prop, members []string, err error) {
	for _, item := range strings.Split(cell, ";") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		p, v, ok := strings.Cut(item, "=")
		if !ok || v == "" {
			return nil, nil, fmt.Errorf("prop %q: want P=V", item)
		}
		var pr Prop
		p, pr.Inverse = strings.CutPrefix(p, "^")
		pr.P = p
		for pre, ns := range prefixes {
			if local, ok := strings.CutPrefix(p, pre); ok {
				pr.P = ns + local
			}
		}
		if pr.P == p && !localName.MatchString(p) {
			return nil, nil, fmt.Errorf("property %q", p)
		}
		switch {
		case strings.HasPrefix(v, "@"):
			pr.V, pr.Ref = v[1:], true
		case strings.HasPrefix(v, "<") && strings.HasSuffix(v, ">"):
			pr.V, pr.IRI = v[1:len(v)-1], true
		case strings.HasPrefix(v, "wd:"):
			if !qid.MatchString(v[3:]) {
				return nil, nil, fmt.Errorf("Wikidata id %q", v)
			}
			pr.V, pr.IRI = WikidataEntity+v[3:], true
		default:
			pr.V = v
		}
		if pr.Inverse && !pr.Ref {
			return nil, nil, fmt.Errorf("prop %q: only a reference can be inverse", item)
		}
		if p == "member" {
			if !pr.Ref || pr.Inverse {
				return nil, nil, fmt.Errorf("member %q: want member=@key", v)
			}
			members = append(members, pr.V)
			continue
		}
		props = append(props, pr)
	}
	return props, members, nil
}
