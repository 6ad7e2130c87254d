package catalog

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// ReadDataset reads a description of the dataset from lines of
// key<TAB>value ('#' starts a comment). Keys: title@LANG,
// description@LANG, keywords@LANG (values separated by " | "), publisher@LANG,
// publisher_homepage, publisher_id, contact, license, issued, modified,
// source. Publishers keep such a file beside the seeds so that the record
// describes their publication without code changes; name is used in
// error messages.
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
		case key == "modified":
			d.Modified = v
		case key == "source":
			d.Source = v
		default:
			return d, fmt.Errorf("%s:%d: unknown key %q", name, line, k)
		}
	}
	if err := sc.Err(); err != nil {
		return d, fmt.Errorf("%s: %w", name, err)
	}
	if d.Publisher.Name != nil && d.Publisher.Type == "" {
		d.Publisher.Type = DefaultPublisher.Type
	}
	return d, nil
}
