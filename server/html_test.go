package server

import (
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"
)

var scriptElement = regexp.MustCompile(`(?s)<script>.*?</script>`)

// TestHTMLStructure parses every kind of page with the XML decoder in its
// lenient mode, with HTML's void elements and entities (it catches stray
// and crossed end tags, not every unclosed element): ids must be unique,
// every form field must have a label, every page has an h1 and one main
// landmark, and no link is empty.
func TestHTMLStructure(t *testing.T) {
	s := testServer(t, Options{})
	for _, target := range []string{
		"/", "/search", "/regions", "/mandates", "/search?q=Sk%C3%A5ne", "/search?q=zzzz", "/browse",
		"/browse?class=" + escape(kgo+"Region"),
		"/id/region-skane", "/id/skane-lan", "/id/lag-om-regionalt-utvecklingsansvar",
		"/report/21-vagar-till-hallbar-regional-utveckling",
		"/report/21-vagar-till-hallbar-regional-utveckling/passage/38-7", "/source/lexicon",
		"/ontology", "/query", "/query?query=" + escape(countyQuery), "/query?query=" + escape("ASK {}"),
		"/query?query=" + escape("SELECT * {"), "/catalog", "/dataset", "/id/nothing-here",
	} {
		t.Run(target, func(t *testing.T) {
			w := do(t, s, get(target, "text/html"))
			body := scriptElement.ReplaceAllString(w.Body.String(), "<script></script>")
			d := xml.NewDecoder(strings.NewReader(body))
			d.Strict = false // AutoClose works only in lenient mode
			d.AutoClose = xml.HTMLAutoClose
			d.Entity = xml.HTMLEntity
			ids := map[string]bool{}
			labels := map[string]bool{}
			var fields []string
			h1, main := 0, 0
			for {
				tok, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("not well-formed: %v", err)
				}
				se, ok := tok.(xml.StartElement)
				if !ok {
					continue
				}
				attr := map[string]string{}
				for _, a := range se.Attr {
					attr[a.Name.Local] = a.Value
				}
				if id := attr["id"]; id != "" {
					if ids[id] {
						t.Errorf("duplicate id %q", id)
					}
					ids[id] = true
				}
				switch se.Name.Local {
				case "label":
					labels[attr["for"]] = true
				case "input", "textarea", "select":
					fields = append(fields, attr["id"])
				case "h1":
					h1++
				case "main":
					main++
				case "a":
					if attr["href"] == "" {
						t.Errorf("link without href")
					}
				}
			}
			for _, f := range fields {
				if f == "" || !labels[f] {
					t.Errorf("form field %q without a label", f)
				}
			}
			if main != 1 {
				t.Errorf("%d main elements", main)
			}
			if h1 < 1 {
				t.Errorf("no h1")
			}
		})
	}
}
