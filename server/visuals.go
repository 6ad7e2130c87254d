package server

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"kg/ontology"
	"kg/term"
)

// The map of Sweden's 21 counties is the SVG of npm @svg-maps/sweden
// 1.0.1 (Victor Cazanave, after MapSVG; CC BY 4.0), vendored unchanged
// as static/sweden.svg with its licence in static/sweden-svg-LICENSE.txt.
// Pages draw it inline, each county's outline a link to the region that
// serves it, shaded by what the graph holds about that region.

// mapPath is one county's outline in the vendored SVG.
type mapPath struct {
	ID   string `xml:"id,attr"`
	Name string `xml:"name,attr"`
	D    string `xml:"d,attr"`
}

type svgMap struct {
	ViewBox string    `xml:"viewBox,attr"`
	Paths   []mapPath `xml:"path"`
}

// mapISO names the county of each outline of the SVG by its ISO 3166-2
// code, which the graph states of every county (kgo:iso3166_2).
var mapISO = map[string]string{
	"stockholm": "SE-AB", "uppsala": "SE-C", "sodermanland": "SE-D", "ostergotland": "SE-E",
	"jonkoping": "SE-F", "kronoberg": "SE-G", "kalmar": "SE-H", "gotland": "SE-I",
	"blekinge": "SE-K", "skane": "SE-M", "halland": "SE-N", "vastra gotaland": "SE-O",
	"varmland": "SE-S", "orebro": "SE-T", "vastmanland": "SE-U", "dalarna": "SE-W",
	"gavleborg": "SE-X", "vasternorrland": "SE-Y", "jamtland": "SE-Z", "vasterbotten": "SE-AC",
	"norrbotten": "SE-BD",
}

// swedenMap is the parsed SVG; a missing or changed file fails at start.
var swedenMap = func() svgMap {
	b, err := assets.ReadFile("static/sweden.svg")
	if err != nil {
		panic(err)
	}
	var m svgMap
	if err := xml.Unmarshal(b, &m); err != nil {
		panic(fmt.Sprintf("static/sweden.svg: %v", err))
	}
	if len(m.Paths) != len(mapISO) {
		panic(fmt.Sprintf("static/sweden.svg has %d outlines, want %d", len(m.Paths), len(mapISO)))
	}
	for _, p := range m.Paths {
		if mapISO[p.ID] == "" {
			panic(fmt.Sprintf("static/sweden.svg: outline %q is no county kg knows", p.ID))
		}
	}
	return m
}()

// regionRow is one region with its county and what the graph holds of
// it: the rows of the regions table and of the map's text alternative.
type regionRow struct {
	iri      string
	Region   linkView
	County   linkView
	SCB      string // SCB county code
	ISO      string // ISO 3166-2
	NUTS     string
	Examples int // worked examples that involve the region
	Mandates int // mandates the region holds
	Shade    int // class of the map's shading, 0 … len(shadeLegend)-1
}

// mandateRow is one mandate with who holds it and which laws confer it.
type mandateRow struct {
	Mandate linkView
	Holders []linkView
	Laws    []linkView
}

// visuals is what the map and the tables show, gathered once per graph.
type visuals struct {
	regions  []regionRow    // by SCB county code
	byIRI    map[string]int // region → index in regions
	byISO    map[string]int // ISO 3166-2 → index in regions
	mandates []mandateRow   // by the mandate's label
}

// shadeLegend is what each shade of the map means: the number of the
// report's worked examples that involve the region.
var shadeLegend = []string{"none", "1", "2", "3", "4 or more"}

func shadeOf(examples int) int { return min(examples, len(shadeLegend)-1) }

// buildVisuals reads the regions, their counties and codes, the worked
// examples and the mandates from the graph's quads.
func (s *Server) buildVisuals(quads []term.Quad) *visuals {
	triples := map[term.Triple]bool{}
	out := map[[2]string][]string{} // subject, predicate → objects
	in := map[[2]string][]string{}  // object, predicate → subjects
	for _, q := range quads {
		t := q.Triple()
		if triples[t] || !q.S.IsIRI() {
			continue
		}
		triples[t] = true
		switch q.P.Value {
		case ontology.ServesCounty, ontology.HoldsMandate, ontology.Confers, ontology.InvolvesRegion:
			if q.O.IsIRI() {
				out[[2]string{q.S.Value, q.P.Value}] = append(out[[2]string{q.S.Value, q.P.Value}], q.O.Value)
				in[[2]string{q.O.Value, q.P.Value}] = append(in[[2]string{q.O.Value, q.P.Value}], q.S.Value)
			}
		case ontology.SCBCountyCode, ontology.ISO31662Code, ontology.NUTSCode:
			if q.O.IsLiteral() {
				out[[2]string{q.S.Value, q.P.Value}] = append(out[[2]string{q.S.Value, q.P.Value}], q.O.Value)
			}
		}
	}
	objects := func(subj, pred string) []string {
		vs := slices.Clone(out[[2]string{subj, pred}])
		slices.Sort(vs)
		return vs
	}
	first := func(subj, pred string) string {
		if vs := objects(subj, pred); len(vs) > 0 {
			return vs[0]
		}
		return ""
	}
	v := &visuals{byIRI: map[string]int{}, byISO: map[string]int{}}
	for _, r := range s.members[ontology.Region] {
		county := first(r, ontology.ServesCounty)
		if county == "" {
			continue
		}
		row := regionRow{
			iri: r, Region: s.link(term.IRI(r)), County: s.link(term.IRI(county)),
			SCB: first(county, ontology.SCBCountyCode), ISO: first(county, ontology.ISO31662Code),
			NUTS:     first(county, ontology.NUTSCode),
			Examples: len(in[[2]string{r, ontology.InvolvesRegion}]),
			Mandates: len(out[[2]string{r, ontology.HoldsMandate}]),
		}
		row.Shade = shadeOf(row.Examples)
		v.regions = append(v.regions, row)
	}
	slices.SortFunc(v.regions, func(a, b regionRow) int {
		return cmp.Or(cmp.Compare(a.SCB, b.SCB), cmp.Compare(a.iri, b.iri))
	})
	for i, r := range v.regions {
		v.byIRI[r.iri] = i
		if _, dup := v.byISO[r.ISO]; r.ISO != "" && !dup {
			v.byISO[r.ISO] = i
		}
	}
	v.mandates = s.mandateRows(func(o, p string) []string {
		vs := slices.Clone(in[[2]string{o, p}])
		slices.Sort(vs)
		return slices.Compact(vs)
	})
	return v
}

// mandateRows lists every mandate with its holders and conferring laws,
// each list by label.
func (s *Server) mandateRows(subjects func(obj, pred string) []string) []mandateRow {
	byLabel := func(a, b linkView) int {
		return cmp.Or(strings.Compare(fold(a.Text), fold(b.Text)), strings.Compare(a.Href, b.Href))
	}
	links := func(iris []string) []linkView {
		var ls []linkView
		for _, x := range iris {
			ls = append(ls, s.link(term.IRI(x)))
		}
		slices.SortFunc(ls, byLabel)
		return ls
	}
	var rows []mandateRow
	for _, m := range s.members[ontology.Mandate] {
		rows = append(rows, mandateRow{
			Mandate: s.link(term.IRI(m)),
			Holders: links(subjects(m, ontology.HoldsMandate)),
			Laws:    links(subjects(m, ontology.Confers)),
		})
	}
	slices.SortStableFunc(rows, func(a, b mandateRow) int { return byLabel(a.Mandate, b.Mandate) })
	return rows
}

// mapArea is one county's outline on a drawn map.
type mapArea struct {
	Href    string
	Label   string // what a screen reader announces and a tooltip shows
	D       string
	Class   string
	Current bool
}

// legendItem is one shade of the map and what it means.
type legendItem struct {
	Class, Text string
}

// mapView is a drawn map: the full map of the front page and the regions
// page, shaded, or the small one of a region's page, the region marked.
type mapView struct {
	ID      string // prefix of the element ids
	Small   bool
	ViewBox string
	Heading string
	Caption string
	Areas   []mapArea
	Legend  []legendItem
	Rows    []regionRow // the text alternative
}

func examplesPhrase(n int) string {
	if n == 1 {
		return "1 worked example"
	}
	return fmt.Sprintf("%d worked examples", n)
}

// shadedMap is the map of all regions shaded by their worked examples.
func (v *visuals) shadedMap(id string) *mapView {
	m := &mapView{
		ID: id, ViewBox: swedenMap.ViewBox,
		Heading: "The 21 regions on the map",
		Caption: "Each region is shaded by the number of the report's worked examples that involve it; select a region to open its page.",
		Rows:    v.regions,
	}
	for i, t := range shadeLegend {
		m.Legend = append(m.Legend, legendItem{Class: fmt.Sprintf("shade-%d", i), Text: t})
	}
	for _, p := range swedenMap.Paths {
		a := mapArea{D: p.D, Class: "shade-none", Label: p.Name}
		if i, ok := v.byISO[mapISO[p.ID]]; ok {
			r := v.regions[i]
			a.Href, a.Class = r.Region.Href, fmt.Sprintf("shade-%d", r.Shade)
			a.Label = r.Region.Text + ": " + examplesPhrase(r.Examples)
		}
		m.Areas = append(m.Areas, a)
	}
	return m
}

// regionMap is the small map of a region's page, the region marked, or
// nil when iri is no region on the map.
func (v *visuals) regionMap(iri string) *mapView {
	if v == nil {
		return nil
	}
	i, ok := v.byIRI[iri]
	if !ok {
		return nil
	}
	cur := v.regions[i]
	m := &mapView{
		ID: "region-map", Small: true, ViewBox: swedenMap.ViewBox,
		Heading: "On the map",
		Caption: cur.Region.Text + " (" + cur.County.Text + ", marked) among Sweden's 21 regions; select another region to open its page.",
	}
	for _, p := range swedenMap.Paths {
		a := mapArea{D: p.D, Class: "other", Label: p.Name}
		if j, ok := v.byISO[mapISO[p.ID]]; ok {
			a.Href, a.Label = v.regions[j].Region.Href, v.regions[j].Region.Text
			if j == i {
				a.Class, a.Current = "current", true
			}
		}
		m.Areas = append(m.Areas, a)
	}
	return m
}

// withMap puts the small map of a region on its page; m may be nil.
func (p *pageView) withMap(m *mapView) *pageView { p.RegionMap = m; return p }

type regionsView struct {
	Class string
	Map   *mapView
	Rows  []regionRow
}

// regionsPage is the table of the regions with their counties and codes,
// under the shaded map.
func (s *Server) regionsPage(w http.ResponseWriter, r *http.Request) error {
	m := s.visuals.shadedMap("regions-map")
	m.Rows = nil // the table below is the text alternative
	v := regionsView{Class: ontology.Region, Map: m, Rows: s.visuals.regions}
	return s.servePage(w, r, "regions", s.page("The regions", v))
}

type mandatesView struct {
	Count, Held, Conferred int
	Rows                   []mandateRow
}

// mandatesPage is the table of the mandates with their holders and the
// laws that confer them.
func (s *Server) mandatesPage(w http.ResponseWriter, r *http.Request) error {
	v := mandatesView{Count: len(s.visuals.mandates), Rows: s.visuals.mandates}
	for _, m := range v.Rows {
		if len(m.Holders) > 0 {
			v.Held++
		}
		if len(m.Laws) > 0 {
			v.Conferred++
		}
	}
	return s.servePage(w, r, "mandates", s.page("Mandates, holders and laws", v))
}
