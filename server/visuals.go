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
	iri, county string
	Region      linkView
	County      linkView
	SCB         string // SCB county code
	ISO         string // ISO 3166-2
	NUTS        string
	Examples    int // worked examples that involve the region
	Mandates    int // mandates the region holds
	Shade       int // class of the map's shading, 0 … len(shadeLegend)-1
}

// mandateRow is one mandate with who holds it and which laws confer it.
type mandateRow struct {
	Mandate linkView
	Holders []linkView
	Laws    []linkView
}

// visuals is what the map and the tables show, gathered once per graph,
// with names in each language of the pages.
type visuals struct {
	regions  map[string][]regionRow  // language → regions by SCB county code
	byIRI    map[string]int          // region → index in regions
	byISO    map[string]int          // ISO 3166-2 → index in regions
	mandates map[string][]mandateRow // language → mandates by label
}

// shadeLegend is what each shade of the map means: the number of the
// report's worked examples that involve the region.
var shadeLegend = []string{"none", "1", "2", "3", "4 or more"}

// visualsSwedish translates the strings of the map and the tables; they
// join the pages' other translations.
var visualsSwedish = map[string]string{
	"none":                        "inga",
	"4 or more":                   "4 eller fler",
	"%s: 1 worked example":        "%s: 1 exempel",
	"%s: %d worked examples":      "%s: %d exempel",
	"The 21 regions on the map":   "De 21 regionerna på kartan",
	"On the map":                  "På kartan",
	"All regions":                 "Alla regioner",
	"Worked examples per region:": "Exempel per region:",
	"The map as a table":          "Kartan som tabell",
	"Worked examples and mandates per region": "Exempel och mandat per region",
	"Region":                         "Region",
	"County":                         "Län",
	"Worked examples":                "Exempel",
	"Mandates held":                  "Mandat",
	"Map:":                           "Karta:",
	"by Victor Cazanave, after":      "av Victor Cazanave, efter",
	"licensed":                       "licens",
	"shading and links added by kg.": "skuggning och länkar tillagda av kg.",
	"Each region is shaded by the number of the report's worked examples that involve it; select a region to open its page.": "Varje region är skuggad efter hur många av rapportens exempel som rör den; välj en region för att öppna dess sida.",
	"%s (%s, marked) among Sweden's 21 regions; select another region to open its page.":                                     "%s (%s, markerad) bland Sveriges 21 regioner; välj en annan region för att öppna dess sida.",
	"The regions with their counties and county codes":                                                                       "Regionerna med sina län och länskoder",
	"The mandates with their holders and the laws that confer them":                                                          "Mandaten med dem som har dem och lagarna som ger dem",
	"The regions": "Regionerna",
	"Sweden's 21 regions, the county each serves with its codes, and what the graph holds of each: the report's worked examples that involve it and the mandates it holds.": "Sveriges 21 regioner, länet var och en verkar i med dess koder, och vad grafen säger om var och en: rapportens exempel som rör den och mandaten den har.",
	"All regions by name":                                   "Alla regioner efter namn",
	"Regions with their counties and county codes":          "Regioner med sina län och länskoder",
	"SCB county code":                                       "SCB-länskod",
	"Mandates, their holders and the laws that confer them": "Mandaten, vilka som har dem och lagarna som ger dem",
	"Mandates, holders and laws":                            "Mandat, innehavare och lagar",
	"%d mandates: %d held by an actor the report names, %d conferred by a law. Each name links to its page, which quotes the report.": "%d mandat: %d innehas av en aktör som rapporten nämner, %d ges av en lag. Varje namn länkar till sin sida, som citerar rapporten.",
	"Mandates by holder and conferring law": "Mandat efter innehavare och lag som ger dem",
	"Mandate":                               "Mandat",
}

func init() {
	for k, v := range visualsSwedish {
		if old, ok := swedish[k]; ok && old != v {
			panic(fmt.Sprintf("two Swedish translations of %q: %q and %q", k, old, v))
		}
		swedish[k] = v
	}
}

func shadeOf(examples int) int { return min(examples, len(shadeLegend)-1) }

// visualPredicates are those of the quads buildVisuals reads.
var visualPredicates = []string{
	ontology.ServesCounty, ontology.HoldsMandate, ontology.Confers, ontology.InvolvesRegion,
	ontology.SCBCountyCode, ontology.ISO31662Code, ontology.NUTSCode,
}

// buildVisuals reads the regions, their counties and codes, the worked
// examples and the mandates from the graph's quads (of visualPredicates;
// others are skipped).
func (g *graphData) buildVisuals(quads []term.Quad) *visuals {
	triples := map[term.Triple]bool{}
	out := map[[2]string][]string{} // subject, predicate → objects
	in := map[[2]string][]string{}  // object, predicate → subjects
	for _, q := range quads {
		t := q.Triple()
		if !slices.Contains(visualPredicates, q.P.Value) || triples[t] || !q.S.IsIRI() {
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
	v := &visuals{byIRI: map[string]int{}, byISO: map[string]int{}, regions: map[string][]regionRow{}, mandates: map[string][]mandateRow{}}
	var rows []regionRow
	for _, r := range g.members[ontology.Region] {
		county := first(r, ontology.ServesCounty)
		if county == "" {
			continue
		}
		row := regionRow{
			iri: r, county: county,
			SCB: first(county, ontology.SCBCountyCode), ISO: first(county, ontology.ISO31662Code),
			NUTS:     first(county, ontology.NUTSCode),
			Examples: len(in[[2]string{r, ontology.InvolvesRegion}]),
			Mandates: len(out[[2]string{r, ontology.HoldsMandate}]),
		}
		row.Shade = shadeOf(row.Examples)
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b regionRow) int {
		return cmp.Or(cmp.Compare(a.SCB, b.SCB), cmp.Compare(a.iri, b.iri))
	})
	for i, r := range rows {
		v.byIRI[r.iri] = i
		if _, dup := v.byISO[r.ISO]; r.ISO != "" && !dup {
			v.byISO[r.ISO] = i
		}
	}
	subjects := func(o, p string) []string {
		vs := slices.Clone(in[[2]string{o, p}])
		slices.Sort(vs)
		return slices.Compact(vs)
	}
	for _, lang := range pageLanguages {
		named := slices.Clone(rows)
		for i := range named {
			named[i].Region, named[i].County = g.linkIn(term.IRI(named[i].iri), lang), g.linkIn(term.IRI(named[i].county), lang)
		}
		v.regions[lang] = named
		v.mandates[lang] = g.mandateRows(subjects, lang)
	}
	return v
}

// mandateRows lists every mandate with its holders and conferring laws,
// each list by label.
func (g *graphData) mandateRows(subjects func(obj, pred string) []string, lang string) []mandateRow {
	byLabel := func(a, b linkView) int {
		return cmp.Or(strings.Compare(fold(a.Text), fold(b.Text)), strings.Compare(a.Href, b.Href))
	}
	links := func(iris []string) []linkView {
		var ls []linkView
		for _, x := range iris {
			ls = append(ls, g.linkIn(term.IRI(x), lang))
		}
		slices.SortFunc(ls, byLabel)
		return ls
	}
	var rows []mandateRow
	for _, m := range g.members[ontology.Mandate] {
		rows = append(rows, mandateRow{
			Mandate: g.linkIn(term.IRI(m), lang),
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

// areaLabel names a region on the map with its worked examples.
func areaLabel(lang, region string, n int) string {
	if n == 1 {
		return translate(lang, "%s: 1 worked example", region)
	}
	return translate(lang, "%s: %d worked examples", region, n)
}

// shadedMap is the map of all regions shaded by their worked examples,
// named in lang.
func (v *visuals) shadedMap(id, lang string) *mapView {
	regions := v.regions[lang]
	m := &mapView{
		ID: id, ViewBox: swedenMap.ViewBox,
		Heading: translate(lang, "The 21 regions on the map"),
		Caption: translate(lang, "Each region is shaded by the number of the report's worked examples that involve it; select a region to open its page."),
		Rows:    regions,
	}
	for i, t := range shadeLegend {
		m.Legend = append(m.Legend, legendItem{Class: fmt.Sprintf("shade-%d", i), Text: translate(lang, t)})
	}
	for _, p := range swedenMap.Paths {
		a := mapArea{D: p.D, Class: "shade-none", Label: p.Name}
		if i, ok := v.byISO[mapISO[p.ID]]; ok {
			r := regions[i]
			a.Href, a.Class = r.Region.Href, fmt.Sprintf("shade-%d", r.Shade)
			a.Label = areaLabel(lang, r.Region.Text, r.Examples)
		}
		m.Areas = append(m.Areas, a)
	}
	return m
}

// regionMap is the small map of a region's page, the region marked, or
// nil when iri is no region on the map.
func (v *visuals) regionMap(iri, lang string) *mapView {
	if v == nil {
		return nil
	}
	i, ok := v.byIRI[iri]
	if !ok {
		return nil
	}
	regions := v.regions[lang]
	cur := regions[i]
	m := &mapView{
		ID: "region-map", Small: true, ViewBox: swedenMap.ViewBox,
		Heading: translate(lang, "On the map"),
		Caption: translate(lang, "%s (%s, marked) among Sweden's 21 regions; select another region to open its page.", cur.Region.Text, cur.County.Text),
	}
	for _, p := range swedenMap.Paths {
		a := mapArea{D: p.D, Class: "other", Label: p.Name}
		if j, ok := v.byISO[mapISO[p.ID]]; ok {
			a.Href, a.Label = regions[j].Region.Href, regions[j].Region.Text
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
	lang := negotiateLang(w, r)
	m := s.data().visuals.shadedMap("regions-map", lang)
	m.Rows = nil // the table below is the text alternative
	v := regionsView{Class: ontology.Region, Map: m, Rows: s.data().visuals.regions[lang]}
	return s.servePage(w, r, "regions", s.page(translate(lang, "The regions"), v).lang(lang).in(r, lang))
}

type mandatesView struct {
	Count, Held, Conferred int
	Rows                   []mandateRow
}

// mandatesPage is the table of the mandates with their holders and the
// laws that confer them.
func (s *Server) mandatesPage(w http.ResponseWriter, r *http.Request) error {
	lang := negotiateLang(w, r)
	v := mandatesView{Rows: s.data().visuals.mandates[lang]}
	v.Count = len(v.Rows)
	for _, m := range v.Rows {
		if len(m.Holders) > 0 {
			v.Held++
		}
		if len(m.Laws) > 0 {
			v.Conferred++
		}
	}
	return s.servePage(w, r, "mandates", s.page(translate(lang, "Mandates, holders and laws"), v).lang(lang).in(r, lang))
}
