package doc

import (
	"errors"
	"strings"
	"testing"
)

type stage struct {
	name      string
	req, prov []Annotation
	err       error
	ran       *[]string
}

func (s stage) Name() string           { return s.name }
func (s stage) Requires() []Annotation { return s.req }
func (s stage) Provides() []Annotation { return s.prov }
func (s stage) Run(*Doc) error         { *s.ran = append(*s.ran, s.name); return s.err }

func TestRunChecksOrder(t *testing.T) {
	var ran []string
	lang := stage{name: "lang", req: []Annotation{Passages}, prov: []Annotation{Sentences}, ran: &ran}
	rec := stage{name: "recognise", req: []Annotation{Sentences}, prov: []Annotation{Mentions}, ran: &ran}
	d := &Doc{}
	if err := Run(d, []Stage{rec, lang}); err == nil || !strings.Contains(err.Error(), "recognise requires sentences") {
		t.Errorf("a stage before what it needs: %v", err)
	}
	if len(ran) != 0 {
		t.Errorf("stages ran before the order was checked: %v", ran)
	}
	if err := Run(d, []Stage{lang, rec}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ran, ",") != "lang,recognise" || !d.Has(Mentions) || !d.Has(Passages) {
		t.Errorf("ran %v, done %v", ran, d.Done)
	}
	boom := errors.New("boom")
	d = &Doc{Meta: Meta{File: "x.txt"}}
	err := Run(d, []Stage{stage{name: "lang", err: boom, ran: &ran}})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "x.txt: lang") {
		t.Errorf("stage error %v", err)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Region Jönköpings län":                     "region-jonkopings-lan",
		"Plan- och bygglagen":                       "plan-och-bygglagen",
		"21 vägar till hållbar regional utveckling": "21-vagar-till-hallbar-regional-utveckling",
		"Kre-hälsa – Kultur":                        "kre-halsa-kultur",
		"ÅÄÖ é":                                     "aao-e",
		"Stockholms kommun":                         "stockholms-kommun",
		"2010:1080":                                 "2010-1080",
		"":                                          "x-da39a3ee",
		strings.Repeat("lång ", 30):                 "lang-lang-lang-lang-lang-lang-lang-lang-lang-lang-lang-lang-lang-lang-lang-lan-",
	} {
		got := Slug(in)
		if len(in) > 100 {
			if len(got) > 80 || !strings.HasPrefix(got, "lang-lang") {
				t.Errorf("Slug(long) = %q", got)
			}
			continue
		}
		if got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
