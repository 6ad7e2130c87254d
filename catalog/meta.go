package catalog

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
)

// ReadDataset reads a description of the dataset from lines of
// key<TAB>value ('#' starts a comment). Keys: title@LANG,
// description@LANG, keywords@LANG (values separated by " | "), publisher@LANG,
// publisher_homepage, publisher_id (organisationsnummer), contact,
// license, issued (when the dataset was first published), temporal
// (START/END, dates of the period the data describes), frequency (a code
// of the EU frequency table, such as IRREG) and source (the IRI of a
// source document). Publishers keep such a file beside the seeds so that
// the record describes their publication without code changes; name is
// used in error messages. There is no "modified": that is when the graph
// was built.
func ReadDataset(r io.Reader, name string) (Dataset, error) {
	var d Dataset
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		k, v, ok := strings.Cut(text, "\t")
		if !ok {
			return d, fmt.Errorf("%s:%d: want key<TAB>value", name, line)
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		key, lang, _ := strings.Cut(k, "@")
		set := func(m *map[string]string) {
			if *m == nil {
				*m = map[string]string{}
			}
			(*m)[lang] = v
		}
		switch {
		case key == "title" && lang != "":
			set(&d.Title)
		case key == "description" && lang != "":
			set(&d.Description)
		case key == "publisher" && lang != "":
			set(&d.Publisher.Name)
		case key == "keywords" && lang != "":
			if d.Keywords == nil {
				d.Keywords = map[string][]string{}
			}
			for _, kw := range strings.Split(v, "|") {
				if kw = strings.TrimSpace(kw); kw != "" {
					d.Keywords[lang] = append(d.Keywords[lang], kw)
				}
			}
		case key == "publisher_homepage":
			d.Publisher.Homepage = v
		case key == "publisher_id":
			d.Publisher.Identifier = v
		case key == "contact":
			d.ContactEmail = v
		case key == "license":
			d.License = v
		case key == "issued":
			d.Issued = v
		case key == "temporal":
			start, end, ok := strings.Cut(v, "/")
			if !ok || !isDate(start) || !isDate(end) || end < start {
				return d, fmt.Errorf("%s:%d: temporal %q: want START/END, two dates YYYY-MM-DD", name, line, v)
			}
			d.TemporalStart, d.TemporalEnd = start, end
		case key == "frequency":
			if !isCode(v) {
				return d, fmt.Errorf("%s:%d: frequency %q: want a code of the EU frequency table, such as IRREG or ANNUAL", name, line, v)
			}
			d.Frequency = Frequency + v
		case key == "source":
			d.Sources = append(d.Sources, SourceDoc{IRI: v})
		case key == "modified":
			return d, fmt.Errorf("%s:%d: modified is when the graph was built, not a setting; remove the line", name, line)
		default:
			return d, fmt.Errorf("%s:%d: unknown key %q", name, line, k)
		}
	}
	if err := sc.Err(); err != nil {
		return d, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

// isDate reports whether s has the form YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// isCode reports whether s is an authority-table code: capital letters,
// digits and underscores.
func isCode(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}
