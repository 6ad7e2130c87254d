package catalog

import (
	"strings"
	"testing"
)

func TestReadDataset(t *testing.T) {
	in := "# comment\n" +
		"title@sv\tKunskapsgraf\n" +
		"title@en\tKnowledge graph\n" +
		"keywords@sv\tregioner | kultur\n" +
		"publisher@sv\tSKR\n" +
		"contact\topendata@example.se\n" +
		"issued\t2023-03-01\n"
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
	if d.Publisher.Name["sv"] != "SKR" || d.Publisher.Type == "" || d.ContactEmail != "opendata@example.se" || d.Issued != "2023-03-01" {
		t.Errorf("dataset %+v", d)
	}
	for _, bad := range []string{"title@sv Kunskapsgraf\n", "colour\tblue\n"} {
		if _, err := ReadDataset(strings.NewReader(bad), "d.tsv"); err == nil || !strings.Contains(err.Error(), "d.tsv:1") {
			t.Errorf("%q: want an error at d.tsv:1, got %v", bad, err)
		}
	}
}
