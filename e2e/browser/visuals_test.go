package browser

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Helpers over the drawn maps: the links of a map, by the page they open.
const mapHelpers = `
const mapOf = scope => scope ? scope.querySelector("figure svg") : null;
const mapLinks = svg => svg ? [...svg.querySelectorAll("a")].map(a => ({
  href: new URL(a.getAttribute("href"), location.href).pathname,
  name: norm(a.getAttribute("aria-label")),
  current: a.getAttribute("aria-current") || "",
  shade: (a.querySelector("path") || {}).getAttribute ? a.querySelector("path").getAttribute("class") : "",
  visible: (b => b.width > 0 && b.height > 0)(a.getBoundingClientRect()),
})) : null;
const mapLink = (svg, path) => svg ? [...svg.querySelectorAll("a")].find(a => new URL(a.getAttribute("href"), location.href).pathname === path) || null : null;
`

// withMap makes an expression over the page helpers and the map helpers.
func withMap(expr string) string { return "(() => {" + mapHelpers + "return (" + expr + ");})()" }

type mapLinkView struct {
	Href    string `json:"href"`
	Name    string `json:"name"`
	Current string `json:"current"`
	Shade   string `json:"shade"`
	Visible bool   `json:"visible"`
}

// mapView reads the map of the page: its links, its caption and legend.
type mapViewE2E struct {
	Links   []mapLinkView `json:"links"`
	Caption string        `json:"caption"`
	Legend  []string      `json:"legend"`
	Label   string        `json:"label"` // the accessible name of the drawing
}

func (r *run) readMap() (*mapViewE2E, error) {
	m, err := eval[*mapViewE2E](r, withMap(`(svg => svg && {
  links: mapLinks(svg),
  caption: norm(svg.closest("figure").querySelector("figcaption").innerText),
  legend: [...svg.closest("figure").querySelectorAll(".map-legend li")].map(li => norm(li.innerText)),
  label: nameOf(svg),
})(mapOf(main()))`))
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, fmt.Errorf("no map on %s", r.location())
	}
	if len(m.Links) != 21 {
		return nil, fmt.Errorf("the map has %d links, want one per region, 21", len(m.Links))
	}
	hrefs := map[string]bool{}
	for _, l := range m.Links {
		if !strings.HasPrefix(l.Href, "/id/") || l.Name == "" || !l.Visible || hrefs[l.Href] {
			return nil, fmt.Errorf("map link %+v: want a visible, named link to a page of its own", l)
		}
		hrefs[l.Href] = true
	}
	if m.Caption == "" || m.Label != m.Caption {
		return nil, fmt.Errorf("the map is named %q and captioned %q; want its caption as its name", m.Label, m.Caption)
	}
	return m, nil
}

// frontMap goes to the front page, checks the map of the regions there
// is shaded with a legend, and follows the region Skåne on the map to its
// page, which shows a small map with Skåne marked as the current page.
func (r *run) frontMap() error {
	if err := r.follow("the front page", chromedp.Navigate(r.url+"/"), "/"); err != nil {
		return err
	}
	m, err := r.readMap()
	if err != nil {
		return err
	}
	if len(m.Legend) < 2 {
		return fmt.Errorf("the map's legend reads %q", m.Legend)
	}
	shades := map[string]bool{}
	for _, l := range m.Links {
		shades[l.Shade] = true
	}
	if len(shades) < 2 {
		return fmt.Errorf("the map shows the regions in %d shades, want them shaded by what the graph holds", len(shades))
	}
	const skane = "/id/region-skane"
	i := slices.IndexFunc(m.Links, func(l mapLinkView) bool { return l.Href == skane })
	if i < 0 {
		return fmt.Errorf("no link to %s on the map", skane)
	}
	name := m.Links[i].Name
	if err := r.scrollTo(withMap(`mapLink(mapOf(main()), "` + skane + `")`)); err != nil {
		return err
	}
	area, err := r.present("Skåne on the map", withMap(`mapLink(mapOf(main()), args[0]).querySelector("path")`), skane)
	if err != nil {
		return err
	}
	if err := r.follow("following Skåne on the map", chromedp.Click(area), skane); err != nil {
		return err
	}
	h1, err := eval[string](r, `norm(document.querySelector("h1").innerText)`)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(name, h1) {
		return fmt.Errorf("the map's link %q opened the page of %q", name, h1)
	}
	return r.regionMap(skane)
}

// regionMap checks the small map of a region's page: every region
// linked, this one marked as the current page.
func (r *run) regionMap(path string) error {
	m, err := r.readMap()
	if err != nil {
		return err
	}
	var current []string
	for _, l := range m.Links {
		if l.Current != "" {
			current = append(current, l.Href+" "+l.Current)
		}
	}
	if !slices.Equal(current, []string{path + " page"}) {
		return fmt.Errorf("the small map marks %q as the current page, want %s", current, path)
	}
	return nil
}

// otherRegionMap follows another region on the small map of a region's
// page.
func (r *run) otherRegionMap() error {
	const gotland = "/id/region-gotland"
	if err := r.scrollTo(withMap(`mapLink(mapOf(main()), "` + gotland + `")`)); err != nil {
		return err
	}
	area, err := r.present("Gotland on the small map", withMap(`mapLink(mapOf(main()), args[0]).querySelector("path")`), gotland)
	if err != nil {
		return err
	}
	if err := r.follow("following Gotland on the small map", chromedp.Click(area), gotland); err != nil {
		return err
	}
	return r.regionMap(gotland)
}

// scrollTo brings an element into view, so that a screenshot shows it.
func (r *run) scrollTo(expr string) error {
	ok, err := eval[bool](r, `(el => !!el && (el.scrollIntoView({block: "center"}), true))(`+expr+`)`)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("nothing to scroll to on %s", r.location())
	}
	return nil
}

// followFromFront opens the front page and follows its link to path.
func (r *run) followFromFront(path string) error {
	if err := r.follow("the front page", chromedp.Navigate(r.url+"/"), "/"); err != nil {
		return err
	}
	a, err := r.present("link to "+path, `[...main().querySelectorAll("a")].find(a => visible(a) && a.getAttribute("href") === args[0])`, path)
	if err != nil {
		return err
	}
	return r.follow("following the link to "+path, chromedp.Click(a), path)
}

// regionsTable: the front page links to the table of the regions, one
// row per region with the codes of its county.
func (r *run) regionsTable() error {
	if err := r.followFromFront("/regions"); err != nil {
		return err
	}
	if _, err := r.readMap(); err != nil {
		return err
	}
	tv, err := eval[*tableView](r, `table(document.getElementById("regions-table"))`)
	if err != nil {
		return err
	}
	if tv == nil || tv.Caption == "" || len(tv.Headers) != 7 {
		return fmt.Errorf("regions table %+v: want a caption and 7 columns", tv)
	}
	if len(tv.Rows) != 21 {
		return fmt.Errorf("%d rows in the regions table, want 21", len(tv.Rows))
	}
	row := tv.row("Region Skåne")
	if row == nil || !slices.Equal(row[2:5], []string{"12", "SE-M", "SE224"}) {
		return fmt.Errorf("Region Skåne reads %q, want SCB 12, SE-M, SE224", row)
	}
	return nil
}

// mandatesTable: the front page links to the table of the mandates; the
// mandate regionalt utvecklingsansvar is in it with the law conferring it,
// and its holders, each a link to its page.
func (r *run) mandatesTable() error {
	if err := r.followFromFront("/mandates"); err != nil {
		return err
	}
	type mandateRows struct {
		Caption string     `json:"caption"`
		Columns int        `json:"columns"`
		Rows    [][]string `json:"rows"` // the hrefs in each cell, joined by spaces
	}
	t, err := eval[*mandateRows](r, `(t => t && {
  caption: norm(t.caption.innerText),
  columns: t.tHead.rows[0].cells.length,
  rows: [...t.tBodies[0].rows].map(tr => [...tr.cells].map(c => [...c.querySelectorAll("a")].map(a => a.getAttribute("href")).join(" "))),
})(document.getElementById("mandates-table"))`)
	if err != nil {
		return err
	}
	if t == nil || t.Caption == "" || t.Columns != 3 || len(t.Rows) == 0 {
		return fmt.Errorf("mandates table %+v: want a caption, 3 columns and rows", t)
	}
	held, conferred := 0, 0
	for _, row := range t.Rows {
		if len(row) != 3 || !strings.HasPrefix(row[0], "/id/") {
			return fmt.Errorf("mandate row %q does not lead with a link to the mandate", row)
		}
		if row[1] != "" {
			held++
		}
		if row[2] != "" {
			conferred++
		}
	}
	if held == 0 || conferred == 0 {
		return fmt.Errorf("of %d mandates %d have holders and %d laws; want some of each", len(t.Rows), held, conferred)
	}
	i := slices.IndexFunc(t.Rows, func(row []string) bool { return row[0] == "/id/regionalt-utvecklingsansvar" })
	if i < 0 {
		return errors.New("no row for the mandate regionalt utvecklingsansvar")
	}
	if row := t.Rows[i]; !slices.Contains(strings.Fields(row[2]), "/id/lag-om-regionalt-utvecklingsansvar") || row[1] == "" {
		return fmt.Errorf("regionalt utvecklingsansvar reads %q, want its holders and the law on regional development responsibility", row)
	}
	return nil
}

// queryYASGUI goes to the query page by the site navigation, where
// YASGUI replaces the plain form, and runs an example there: the results
// come back as a table without leaving the page.
func (r *run) queryYASGUI() error {
	nav, err := r.present(`link "Query" in the site navigation`, `document.querySelector('nav a[href="/query"]')`)
	if err != nil {
		return err
	}
	if err := r.follow("opening the query page", chromedp.Click(nav), "/query"); err != nil {
		return err
	}
	current, err := eval[string](r, `document.querySelector('nav a[href="/query"]').getAttribute("aria-current")`)
	if err != nil {
		return err
	}
	if current != "page" {
		return fmt.Errorf(`the Query link is not marked as the current page (aria-current %q)`, current)
	}
	type state struct {
		Editor    bool   `json:"editor"`
		PlainForm bool   `json:"plainForm"`
		Query     string `json:"query"`
	}
	s, err := eval[state](r, `{
  editor: visible(document.querySelector("#yasgui .CodeMirror")),
  plainForm: visible(document.getElementById("query-form")),
  query: (c => c ? c.CodeMirror.getValue() : "")(document.querySelector("#yasgui .CodeMirror")),
}`)
	if err != nil {
		return err
	}
	if !s.Editor || s.PlainForm || !strings.Contains(s.Query, "PREFIX kgo:") {
		return fmt.Errorf("query page with scripts: %+v; want YASGUI's editor with a query, and the plain form hidden", s)
	}
	example, err := r.present("example "+erdfExample, `[...document.querySelectorAll("#examples a")].find(a => norm(a.innerText) === args[0])`, erdfExample)
	if err != nil {
		return err
	}
	before := r.watch.documentCount()
	if err := chromedp.Do(r.ctx, chromedp.Click(example)); err != nil {
		return err
	}
	rows, err := chromedp.Run(r.ctx, chromedp.Poll[int](js(`document.querySelectorAll("#yasgui .yasr tbody tr").length`), chromedp.WithPollingMutation()))
	if err != nil {
		return fmt.Errorf("waiting for YASGUI's results: %w", err)
	}
	if docs := r.watch.documentsSince(before); len(docs) != 0 {
		return fmt.Errorf("running the example in YASGUI loaded %q, want no page load", docs)
	}
	type results struct {
		Query   string     `json:"query"`
		Headers []string   `json:"headers"`
		Rows    [][]string `json:"rows"`
	}
	res, err := eval[results](r, `{
  query: document.querySelector("#yasgui .CodeMirror").CodeMirror.getValue(),
  headers: [...document.querySelectorAll("#yasgui .yasr thead th")].map(th => norm(th.innerText)).filter(Boolean),
  rows: [...document.querySelectorAll("#yasgui .yasr tbody tr")].map(tr => [...tr.cells].map(c => norm(c.innerText))),
}`)
	if err != nil {
		return err
	}
	if !strings.Contains(res.Query, "kgo:fundedBy kg:eruf") {
		return fmt.Errorf("YASGUI's editor does not hold the example: %q", res.Query)
	}
	if want := []string{"region", "regionName", "project", "projectName"}; !slices.Equal(res.Headers, want) {
		return fmt.Errorf("YASGUI's results headed %q, want %q", res.Headers, want)
	}
	if rows == 0 || len(res.Rows) != rows {
		return fmt.Errorf("YASGUI shows %d result rows (%q)", rows, res.Rows)
	}
	unnamed, err := eval[[]string](r, `[...document.querySelectorAll("#yasgui input, #yasgui select, #yasgui textarea")].filter(visible)
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")).map(el => el.outerHTML.slice(0, 80))`)
	if err != nil {
		return err
	}
	if len(unnamed) > 0 {
		return fmt.Errorf("YASGUI's fields without a name: %q", unnamed)
	}
	// The regions link to their pages on this server.
	hrefs, err := eval[[]string](r, `[...document.querySelectorAll("#yasgui .yasr tbody a")].map(a => a.getAttribute("href"))`)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(hrefs, func(h string) bool { return strings.HasPrefix(h, "/id/region-") }) {
		return fmt.Errorf("no result links to a region's page on this server: %q", hrefs)
	}
	// kg's prefixes shorten the IRIs of the results.
	if !slices.ContainsFunc(res.Rows, func(row []string) bool {
		return slices.ContainsFunc(row, regexp.MustCompile(`^(\d+)?kg:region-`).MatchString)
	}) {
		return fmt.Errorf("no region written with kg's prefix in %q", res.Rows)
	}
	return r.scrollTo(`document.getElementById("yasgui")`)
}

// scripts switches the tab's scripts on or off.
func scripts(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	})
}

// queryNoScript: with scripts off the query page is the plain form,
// which runs the query on the server and shows the results as a table.
func (r *run) queryNoScript() error {
	if err := chromedp.Do(r.ctx, scripts(false)); err != nil {
		return err
	}
	defer chromedp.Do(r.tab, scripts(true))
	if err := r.follow("the query page without scripts", chromedp.Navigate(r.url+"/query"), "/query"); err != nil {
		return err
	}
	hidden, err := eval[bool](r, `!visible(document.getElementById("yasgui-section"))`)
	if err != nil {
		return err
	}
	if !hidden {
		return errors.New("the YASGUI section shows without scripts")
	}
	run, err := r.present("the plain form's button", `document.querySelector("#query-form button[type=submit]")`)
	if err != nil {
		return err
	}
	if err := r.follow("running the plain form", chromedp.Click(run), "/query"); err != nil {
		return err
	}
	n, _, err := r.results()
	if err != nil {
		return err
	}
	if n == 0 {
		return errors.New("the plain form's query found no rows")
	}
	return nil
}
