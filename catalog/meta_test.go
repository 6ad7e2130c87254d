package catalog

import (
	"strings"
	"testing"
	"time"
)

func TestReadDataset(t *testing.T) {
	in := "# comment\n" +
		"title@sv\tKunskapsgraf\n" +
		"title@en\tKnowledge graph\n" +
		"keywords@sv\tregioner | kultur\n" +
		"publisher@sv\tSKR\n" +
		"contact\topendata@example.se\n" +
		"issued\t2023-03-01\n" +
		"temporal\t2022-01-01/2023-12-31\n" +
		"frequency\tIRREG\n"
	d, err := ReadDataset(strings.NewReader(in), "dataset.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if d.Title["sv"] != "Kunskapsgraf" || d.Title["en"] != "Knowledge graph" {
		t.Errorf("titles %v", d.Title)
	}
	if len(d.Keywords["sv"]) != 2 || d.Keywords["sv"][1] != "kultur" {
		t.Errorf("keywords %v", d.Keywords)
	}
	if d.Publisher.Name["sv"] != "SKR" || d.ContactEmail != "opendata@example.se" || d.Issued != "2023-03-01" {
		t.Errorf("dataset %+v", d)
	}
	if d.TemporalStart != "2022-01-01" || d.TemporalEnd != "2023-12-31" || d.Frequency != Frequency+"IRREG" {
		t.Errorf("temporal %s–%s, frequency %s", d.TemporalStart, d.TemporalEnd, d.Frequency)
	}
	for _, bad := range []string{"title@sv Kunskapsgraf\n", "colour\tblue\n", "modified\t2023-03-01\n",
		"temporal\t2023-12-31/2022-01-01\n", "temporal\t2022\n", "frequency\tirregular\n"} {
		if _, err := ReadDataset(strings.NewReader(bad), "d.tsv"); err == nil || !strings.Contains(err.Error(), "d.tsv:1") {
			t.Errorf("%q: want an error at d.tsv:1, got %v", bad, err)
		}
	}
}

func TestLoadPublishing(t *testing.T) {
	dir := t.TempDir()
	built := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	d, err := Load(dir, "https://example.org/", Publishing{PublisherName: "Region Exempel", PublisherOrgnr: "2321000255", Contact: "data@example.se", Built: built}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m := d.Missing(); len(m) != 0 {
		t.Errorf("Missing() = %v", m)
	}
	if d.Publisher.Identifier != "232100-0255" || d.Modified != "2026-03-04T05:06:07Z" || len(d.Dumps) != 2*len(DumpFormats) {
		t.Errorf("identifier %q, modified %q, %d dumps", d.Publisher.Identifier, d.Modified, len(d.Dumps))
	}
	if got := withDefaults(d).Publisher.IRI; got != "http://dataportal.se/organisation/SE2321000255" {
		t.Errorf("publisher IRI %s", got)
	}
	d, err = Load(dir, "https://example.org/", Publishing{}, nil)
	if err != nil || len(d.Missing()) != 2 {
		t.Errorf("no publishing: %v, Missing() = %v", err, d.Missing())
	}
	for _, bad := range []Publishing{{PublisherOrgnr: "232100-0254"}, {PublisherOrgnr: "12345"}, {Contact: "nobody"}, {Contact: "a@b"}} {
		if err := bad.Check(); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}
