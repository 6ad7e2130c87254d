package main

import "kg/summary"

// The JSON that kg stats --json prints. The keys are part of kg's
// interface (the README lists them): snake_case, never renamed; IRIs are
// written in full.
type statsOut struct {
	Quads                  int        `json:"quads"`
	Triples                int        `json:"triples"`
	NamedGraphs            int        `json:"named_graphs"`
	Subjects               int        `json:"subjects"`
	Objects                int        `json:"objects"`
	Entities               int        `json:"entities"`
	EntitiesWithProvenance int        `json:"entities_with_provenance"`
	Relations              int        `json:"relations"`
	RelationsWithSource    int        `json:"relations_with_source"`
	TopClasses             []topOut   `json:"top_classes"`
	OtherClasses           []classOut `json:"other_classes"`
	Properties             []propOut  `json:"properties"`
	LinksOut               []propOut  `json:"links_out"`
	Pages                  []pageOut  `json:"pages"`
}

type classOut struct {
	Class    string `json:"class"`
	Entities int    `json:"entities"`
}

type topOut struct {
	Class      string     `json:"class"`
	Entities   int        `json:"entities"`
	Subclasses []classOut `json:"subclasses"`
}

type propOut struct {
	Property string `json:"property"`
	Triples  int    `json:"triples"`
}

type pageOut struct {
	Page     string `json:"page"`
	Passages int    `json:"passages"`
}

func statsJSON(s *summary.Summary) statsOut {
	out := statsOut{
		Quads: s.Quads, Triples: s.Triples, NamedGraphs: s.Graphs,
		Subjects: s.Subjects, Objects: s.Objects, Entities: s.Entities,
		EntitiesWithProvenance: s.EntitiesWithProvenance,
		Relations:              s.Relations, RelationsWithSource: s.RelationsWithSource,
		TopClasses: []topOut{}, OtherClasses: classesOut(nil),
		Properties: propsOut(s.Properties), LinksOut: propsOut(s.Links), Pages: []pageOut{},
	}
	trees, other := rollUp(s.Classes)
	for _, t := range trees {
		out.TopClasses = append(out.TopClasses, topOut{Class: t.top.Key, Entities: t.top.N, Subclasses: classesOut(t.subs)})
	}
	out.OtherClasses = classesOut(other)
	for _, p := range s.Pages {
		out.Pages = append(out.Pages, pageOut{p.Key, p.N})
	}
	return out
}

func classesOut(cs []summary.Count) []classOut {
	out := []classOut{}
	for _, c := range cs {
		out = append(out, classOut{c.Key, c.N})
	}
	return out
}

func propsOut(cs []summary.Count) []propOut {
	out := []propOut{}
	for _, c := range cs {
		out = append(out, propOut{c.Key, c.N})
	}
	return out
}
