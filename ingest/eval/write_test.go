package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/")

// sampleReports scores two small hand-made graphs, one document whose
// graph could not be built.
func sampleReports(t *testing.T) []*Report {
	gold := mustGold(t, `{"entities": [
	  {"label": "Region Uppsala", "class": "Actor", "subclass": "Region", "aliases": []},
	  {"label": "regionerna", "class": "Actor", "subclass": "Region", "aliases": [], "group": true},
	  {"label": "Almi Uppsala", "class": "Actor", "subclass": "Company", "aliases": []},
	  {"label": "förordningen om regionalt tillväxtarbete", "class": "Law", "subclass": "Ordinance", "aliases": []},
	  {"label": "det regionala utvecklingsansvaret", "class": "Mandate", "subclass": "Mandate", "aliases": []},
	  {"label": "kompetensförsörjning", "class": "Theme", "subclass": "Theme", "aliases": []}],
	 "relations": [
	  {"s": "Region Uppsala", "p": "owns", "o": "Almi Uppsala", "quote": "q"},
	  {"s": "regionerna", "p": "holdsMandate", "o": "det regionala utvecklingsansvaret", "quote": "q"},
	  {"s": "förordningen om regionalt tillväxtarbete", "p": "confersMandate", "o": "det regionala utvecklingsansvaret", "quote": "q"}],
	 "facts": [
	  {"s": "Region Uppsala", "what": "share", "value": "49 procent", "quote": "q 49 procent", "o": "Almi Uppsala"},
	  {"s": "det regionala utvecklingsansvaret", "what": "start", "value": "1 januari 2019", "quote": "Från 1 januari 2019"}]}`)
	var b graphBuilder
	uppsala := b.entity("region-uppsala", "Region", true, "Region Uppsala")
	almi := b.entity("almi-uppsala", "Company", true, "Almi Uppsala")
	groups := b.group("regionerna", "Region", "regionerna", uppsala)
	ansvar := b.entity("ansvar", "Mandate", true, "det regionala utvecklingsansvaret")
	b.entity("almi", "Company", true, "Almi")
	b.entity("tillvaxtverket", "GovernmentAgency", false, "Tillväxtverket")
	b.rel(uppsala, "owns", almi)
	b.rel(groups, "holdsMandate", ansvar)
	b.rel(almi, "owns", uppsala)
	b.value(uppsala, kgoShare, "49", "", "49 procent", kgoShareOf, almi)
	b.date(ansvar, schemaStart, "2019-01-01", "date")
	one := Score(b.quads, gold)
	one.Document = "dev/uppsala.gold.json"

	two := Score(nil, gold)
	two.Document = "dev/failed.gold.json"
	two.Failed, two.Error = 1, errors.New("no reader for .doc files").Error()
	return []*Report{one, two}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, got)
	}
}

func TestWriteText(t *testing.T) {
	for _, verbose := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteText(&buf, sampleReports(t), verbose); err != nil {
			t.Fatal(err)
		}
		name := "report.txt"
		if verbose {
			name = "report-verbose.txt"
		}
		golden(t, name, buf.Bytes())
	}
}

func TestWriteJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sampleReports(t), true); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.json", buf.Bytes())

	buf.Reset()
	if err := WriteJSON(&buf, sampleReports(t), false); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Documents []map[string]any `json:"documents"`
		Total     map[string]any   `json:"total"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Documents) != 2 || out.Total["documents"] != 2.0 || out.Total["failed"] != 1.0 {
		t.Errorf("JSON: %d documents, total %v", len(out.Documents), out.Total)
	}
	for _, d := range out.Documents {
		if _, ok := d["missed"]; ok {
			t.Error("missed items without verbose")
		}
	}
}
