package browser

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"kg/ingest"
	"kg/internal/testenv"
	"kg/ontology"
	"kg/server"
	"kg/store"
)

const (
	defaultChromium = "/usr/bin/chromium"
	// budget bounds the whole run, the browser's start included, and is
	// generous for a two-core CI machine. Nothing waits a fixed time:
	// every wait ends on a page event, or fails at this deadline.
	budget = 90 * time.Second
	// stepBudget bounds one step, so that a step waiting for something
	// that never comes fails by name and still leaves its screenshot.
	stepBudget = 30 * time.Second
	// faultPath serves a page with a missing style sheet and a throwing
	// script, to show that the watch over the pages catches both. The
	// server itself would answer 404 there.
	faultPath = "/_e2e/faulty-page"
)

// A passage of the report that the graph cites for Region Skåne, with
// the printed page it is on.
const (
	skaneQuote = "Region Skåne har tagit initiativ till en effektkommission som samlar de aktörer som tillsammans kan skapa rätt förutsättningar för den elektrifiering som krävs för klimatet, hållbar tillväxt och den modernisering Sverige ska leda."
	skanePage  = "39"
)

func TestBrowser(t *testing.T) {
	exe := chromium(t)
	root := testenv.Root(t)
	report := reportText(t, filepath.Join(root, "seeds"))
	if !strings.Contains(report, skaneQuote) {
		t.Fatalf("the expected quote is not in the report text under seeds/: %q", skaneQuote)
	}
	ts := startServer(t, filepath.Join(root, "seeds"))
	r := newRun(t, exe, ts.URL)
	start := time.Now()

	r.step("front", r.front)
	r.step("search", r.search)
	r.step("region-skane", func() error { return r.entity(report) })
	r.step("passage", r.passage)
	r.step("map", r.frontMap)
	r.step("map-region", r.otherRegionMap)
	r.step("regions-table", r.regionsTable)
	r.step("mandates-table", r.mandatesTable)
	for _, c := range []struct {
		name, query string
		approx      bool // the page must say the match is approximate
	}{
		{"search-upper-case", "SKÅNE", false},
		{"search-genitive", "Skånes", false},
		{"search-without-ring", "skane", true},
	} {
		r.step(c.name, func() error { return r.searchHeader(c.query, "Region Skåne", c.approx) })
	}
	r.step("query-yasgui", r.queryYASGUI)
	r.step("query-example", r.queryExample)
	r.step("query-editor", r.queryEditor)
	r.step("query-no-script", r.queryNoScript)
	r.step("english-front", r.englishFront)
	r.step("english-region", r.englishRegion)
	r.step("back-to-swedish", r.backToSwedish)
	r.faultCheck()
	t.Logf("%d steps in %v; screenshots in %s", r.n, time.Since(start).Round(time.Millisecond), r.dir)
}

// chromium returns the browser to run, or skips the test when there is
// none, unless KG_REQUIRE_BROWSER=1 makes that a failure.
func chromium(t *testing.T) string {
	t.Helper()
	path := cmp.Or(os.Getenv("KG_CHROMIUM"), defaultChromium)
	exe, err := exec.LookPath(path)
	if err == nil {
		return exe
	}
	msg := fmt.Sprintf("no Chromium at %s (KG_CHROMIUM names another binary): %v", path, err)
	if os.Getenv("KG_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg + "; KG_REQUIRE_BROWSER=1 requires it")
	}
	t.Skip(msg + "; set KG_REQUIRE_BROWSER=1 to make this a failure")
	return ""
}

// reportText is the text of the reports under seeds with runs of white
// space as one space, as quotes hold them.
func reportText(t *testing.T, seeds string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no report text in %s: %v", seeds, err)
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(normSpace(string(data)))
		b.WriteByte('\n')
	}
	return b.String()
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// startServer builds the graph of seeds into a memory store, with the
// ontology and its entailments as kg build stores them, and serves it on
// loopback as kg serve does. The base stays the published one: the
// server maps request paths onto the base whatever host it runs on, so
// links in the pages are paths that work on the test server.
func startServer(t *testing.T, seeds string) *httptest.Server {
	t.Helper()
	ctx := t.Context()
	res, err := ingest.Build(ctx, []string{seeds}, ingest.Options{Base: server.DefaultBase})
	if err != nil {
		t.Fatalf("building the graph of %s: %v", seeds, err)
	}
	st, err := store.Open(ctx, "memory", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Replace(ctx, ontology.Extend(server.DefaultBase, res.Quads)); err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(ctx, st, server.Options{Base: server.DefaultBase, Seeds: seeds})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == faultPath {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, faultyPage)
			return
		}
		srv.ServeHTTP(w, req)
	}))
	t.Cleanup(ts.Close)
	return ts
}

const faultyPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>fault check</title>
<link rel="stylesheet" href="/static/missing.css"></head>
<body><main><h1>fault check</h1></main>
<script>throw new Error("kg-e2e-fault");</script></body></html>`

// run is one browser tab going through the steps.
type run struct {
	t     *testing.T
	tab   context.Context // the browser tab, for the whole run
	ctx   context.Context // the tab under the current step's deadline
	url   string          // of the server, no trailing slash
	dir   string          // where screenshots go
	watch *watch
	n     int // steps taken
}

func newRun(t *testing.T, exe, serverURL string) *run {
	t.Helper()
	dir := artefactDir(t)
	// The deadline stops the browser too, which is what a hung run needs.
	ctx, cancel := context.WithTimeout(t.Context(), budget)
	t.Cleanup(cancel)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		// Only loopback: every host name fails to resolve, so a page that
		// pulls anything from the network shows up as a failed request.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		// A Swedish browser: the pages are Swedish by default; the
		// English ones are reached by the switch on every page.
		chromedp.Flag("lang", "sv-SE"),
		chromedp.Flag("accept-lang", "sv-SE,sv"),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)

	w := &watch{urls: map[network.RequestID]string{}}
	if err := chromedp.Listen(bctx, w.event); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	t.Logf("screenshots go to %s", dir)
	return &run{t: t, tab: bctx, ctx: bctx, url: serverURL, dir: dir, watch: w}
}

// artefactDir is $KG_ARTEFACTS/browser, emptied of earlier screenshots,
// or a temporary directory.
func artefactDir(t *testing.T) string {
	t.Helper()
	base := os.Getenv("KG_ARTEFACTS")
	if base == "" {
		return t.TempDir()
	}
	dir, err := filepath.Abs(filepath.Join(base, "browser"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, _ := filepath.Glob(filepath.Join(dir, "[0-9][0-9]-*.png"))
	for _, f := range old {
		os.Remove(f)
	}
	return dir
}

// step runs one step, saves a screenshot of where it ended, and fails the
// test if the step did or if the page had faults on the way.
func (r *run) step(name string, f func() error) {
	r.t.Helper()
	r.n++
	r.watch.take() // faults are counted from here
	ctx, cancel := context.WithTimeout(r.tab, stepBudget)
	r.ctx = ctx
	err := f()
	cancel()
	file := fmt.Sprintf("%02d-%s.png", r.n, name)
	if err != nil {
		file = fmt.Sprintf("%02d-%s-failed.png", r.n, name)
	}
	r.screenshot(file)
	faults, _ := r.watch.take()
	if err != nil {
		r.t.Fatalf("step %s: %v%s", name, err, listFaults(faults))
	}
	if len(faults) > 0 {
		r.t.Fatalf("step %s: the page had faults:%s", name, listFaults(faults))
	}
}

func listFaults(faults []string) string {
	if len(faults) == 0 {
		return ""
	}
	return "\n\t" + strings.Join(faults, "\n\t")
}

func (r *run) screenshot(file string) {
	r.t.Helper()
	png, err := chromedp.Run(r.tab, chromedp.FullScreenshot(100))
	if err != nil {
		r.t.Errorf("screenshot %s: %v", file, err)
		return
	}
	path := filepath.Join(r.dir, file)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		r.t.Error(err)
		return
	}
	r.t.Logf("screenshot %s", path)
}

// watch collects what went wrong in the tab: uncaught exceptions, console
// and browser-log errors, failed requests and HTTP error responses; and
// the document requests, to tell navigations from script actions.
type watch struct {
	mu        sync.Mutex
	urls      map[network.RequestID]string
	faults    []string
	documents []string // "METHOD path?query" of each document request
}

// event runs on the reader of the tab's messages: it only records.
func (w *watch) event(ev any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		w.urls[ev.RequestID] = ev.Request.URL
		if ev.Type == network.ResourceTypeDocument {
			w.documents = append(w.documents, ev.Request.Method+" "+pathOf(ev.Request.URL))
		}
	case *network.EventLoadingFailed:
		msg := fmt.Sprintf("request failed: %s %s: %s", ev.Type, w.urls[ev.RequestID], ev.ErrorText)
		if ev.BlockedReason != "" {
			msg += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		w.faults = append(w.faults, msg)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			w.faults = append(w.faults, fmt.Sprintf("HTTP %d for %s %s", ev.Response.Status, ev.Type, ev.Response.URL))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		w.faults = append(w.faults, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, cmp.Or(a.Description, string(a.Value)))
			}
			w.faults = append(w.faults, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			w.faults = append(w.faults, fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	}
}

// take returns and forgets the faults and document requests seen so far.
func (w *watch) take() (faults, documents []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	faults, documents = w.faults, w.documents
	w.faults, w.documents = nil, nil
	return faults, documents
}

// documentCount and documentsSince tell which pages an action loaded.
func (w *watch) documentCount() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.documents)
}

func (w *watch) documentsSince(n int) []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.documents[n:])
}

func pathOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return u.RequestURI()
}

// pageHelpers find things in a page the way a reader does: form fields
// by their label, regions by their heading or label, links by their
// text, and only what is rendered.
const pageHelpers = `
const norm = s => (s || "").replace(/\s+/g, " ").trim();
const visible = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
const byLabel = text => {
  for (const l of document.querySelectorAll("label")) {
    if (norm(l.innerText) === text && visible(l.control)) return l.control;
  }
  return null;
};
const nameOf = el => norm(el.getAttribute("aria-label") ||
  (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
    .map(id => { const e = document.getElementById(id); return e ? e.innerText : ""; }).join(" "));
const region = name => [...document.querySelectorAll("section, nav, form, aside")]
  .find(el => visible(el) && (typeof name === "string" ? nameOf(el) === name : new RegExp(name.re).test(nameOf(el)))) || null;
const link = (scope, text) => scope ? [...scope.querySelectorAll("a")].find(a => visible(a) && norm(a.innerText) === text) || null : null;
const lines = el => el ? el.innerText.split("\n").map(norm).filter(Boolean) : null;
const table = el => el && {
  caption: el.caption ? norm(el.caption.innerText) : "",
  headers: el.tHead ? [...el.tHead.rows[0].cells].map(c => norm(c.innerText)) : [],
  rows: [...el.tBodies].flatMap(b => [...b.rows]).filter(visible).map(r => [...r.cells].map(c => norm(c.innerText))),
};
const main = () => document.querySelector("main");
`

// js is a JavaScript expression over the page helpers; args are passed
// as JSON and seen as args[0], args[1], ...
func js(expr string, args ...any) string {
	a, err := json.Marshal(args)
	if err != nil {
		panic(err)
	}
	return "(function (args) {" + pageHelpers + "return (" + expr + ");})(" + string(a) + ")"
}

// re passes a regular expression to the helpers that take a name.
func re(pattern string) map[string]string { return map[string]string{"re": pattern} }

func eval[T any](r *run, expr string, args ...any) (T, error) {
	return chromedp.Run(r.ctx, chromedp.Evaluate[T](js(expr, args...)))
}

// present fails unless the expression gives an element, so that an action
// on it never waits for something that is not there.
func (r *run) present(what, expr string, args ...any) (chromedp.JSPath, error) {
	ok, err := eval[bool](r, "!!("+expr+")", args...)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("no %s on %s", what, r.location())
	}
	return chromedp.JSPath(js(expr, args...)), nil
}

func (r *run) location() string {
	loc, err := chromedp.Run(r.ctx, chromedp.Location())
	if err != nil {
		return "(location unknown: " + err.Error() + ")"
	}
	return pathOf(loc)
}

// follow runs an action that loads a page and checks the page came with
// 200 from the path want.
func (r *run) follow(what string, a chromedp.Action[chromedp.Void], want string) error {
	resp, err := chromedp.RunResponse(r.ctx, a)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	got := pathOf(resp.URL)
	if p, _, _ := strings.Cut(got, "?"); p != want {
		return fmt.Errorf("%s: landed on %s, want path %s", what, got, want)
	}
	if resp.Status != http.StatusOK {
		return fmt.Errorf("%s: %s answered %d %s", what, got, resp.Status, resp.StatusText)
	}
	return r.pageBasics()
}

// pageBasics holds on every page: a language, one visible h1, a main
// landmark, and a name for every visible form control.
func (r *run) pageBasics() error {
	type basics struct {
		Lang       string   `json:"lang"`
		H1         []string `json:"h1"`
		Main       bool     `json:"main"`
		Unlabelled []string `json:"unlabelled"`
	}
	b, err := eval[basics](r, `{
  lang: document.documentElement.lang,
  h1: [...document.querySelectorAll("h1")].filter(visible).map(h => norm(h.innerText)),
  main: !!main(),
  unlabelled: [...document.querySelectorAll("input, textarea, select, button")].filter(visible)
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute("aria-label") && !(el.tagName === "BUTTON" && norm(el.innerText)))
    .map(el => el.outerHTML.slice(0, 80)),
}`)
	if err != nil {
		return err
	}
	var errs []error
	if b.Lang == "" {
		errs = append(errs, errors.New("the page has no lang"))
	}
	if len(b.H1) != 1 {
		errs = append(errs, fmt.Errorf("want one visible h1, got %q", b.H1))
	}
	if !b.Main {
		errs = append(errs, errors.New("no main landmark"))
	}
	if len(b.Unlabelled) > 0 {
		errs = append(errs, fmt.Errorf("form controls without a name: %q", b.Unlabelled))
	}
	return errors.Join(errs...)
}

type tableView struct {
	Caption string     `json:"caption"`
	Headers []string   `json:"headers"`
	Rows    [][]string `json:"rows"`
}

// row returns the first row whose first cell is key.
func (tv *tableView) row(key string) []string {
	for _, r := range tv.Rows {
		if len(r) > 0 && r[0] == key {
			return r
		}
	}
	return nil
}

// front: the front page loads with its style sheet, names the report and
// counts the things per class; Sweden has 21 regions and 21 counties.
func (r *run) front() error {
	if err := r.follow("the front page", chromedp.Navigate(r.url+"/"), "/"); err != nil {
		return err
	}
	title, err := chromedp.Run(r.ctx, chromedp.Title())
	if err != nil {
		return err
	}
	lines, err := eval[[]string](r, `lines(main())`)
	if err != nil {
		return err
	}
	h1 := lines[0]
	if !strings.Contains(h1, "21 vägar till hållbar regional utveckling") {
		return fmt.Errorf("the heading %q does not name the report", h1)
	}
	// The title is the report's name, which heads the page.
	if name, ok := strings.CutSuffix(title, " · kg"); !ok || !slices.Contains(lines, name) {
		return fmt.Errorf("title %q is not a name on the page followed by the site's: %q", title, lines)
	}
	rules, err := eval[int](r, `[...document.styleSheets].reduce((n, s) => n + s.cssRules.length, 0)`)
	if err != nil {
		return err
	}
	if rules == 0 {
		return errors.New("no style rules applied")
	}
	if err := r.classCounts(swedishFront); err != nil {
		return err
	}
	return r.skipLink(swedishFront.skip)
}

// frontText is what the front page says in one language.
type frontText struct {
	lang, counts, summary, caption string
	headers                        []string
	region, county                 string // the classes' labels
	skip                           string
}

var (
	swedishFront = frontText{"sv", "Vad grafen innehåller", `^[1-9]\d* olika tripplar om [1-9]\d* saker, angivna i [1-9]\d* citerade stycken`,
		"Saker per klass", []string{"Klass", "Antal"}, "region", "län", "Hoppa till innehållet"}
	englishFront = frontText{"en", "What the graph holds", `^[1-9]\d* distinct triples about [1-9]\d* things, stated in [1-9]\d* quoted passages`,
		"Things per class", []string{"Class", "Count"}, "region", "county", "Skip to content"}
)

// classCounts checks the front page's summary and its table of things
// per class in one language: Sweden has 21 regions and 21 counties.
func (r *run) classCounts(ft frontText) error {
	lang, err := eval[string](r, `document.documentElement.lang`)
	if err != nil {
		return err
	}
	if lang != ft.lang {
		return fmt.Errorf("the front page is in %q, want %q", lang, ft.lang)
	}
	summary, err := eval[[]string](r, `lines(region(args[0]))`, ft.counts)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(summary, regexp.MustCompile(ft.summary).MatchString) {
		return fmt.Errorf("no summary of the graph in %q", summary)
	}
	tv, err := eval[*tableView](r, `table([...document.querySelectorAll("table")].find(t => t.caption && norm(t.caption.innerText) === args[0]))`, ft.caption)
	if err != nil {
		return err
	}
	if tv == nil {
		return fmt.Errorf("no table %q", ft.caption)
	}
	if !slices.Equal(tv.Headers, ft.headers) {
		return fmt.Errorf("class counts headed %q", tv.Headers)
	}
	for _, row := range tv.Rows {
		if n, err := strconv.Atoi(row[len(row)-1]); err != nil || n <= 0 {
			return fmt.Errorf("class count row %q is not a positive count", row)
		}
		// Classes are named by their labels, those of other
		// vocabularies too, never by a compact IRI.
		if regexp.MustCompile(`^[a-z]+:[A-Za-z]`).MatchString(row[0]) {
			return fmt.Errorf("class count row %q names a class by its compact IRI", row)
		}
	}
	for _, class := range []string{ft.region, ft.county} {
		if row := tv.row(class); !slices.Equal(row, []string{class, "21"}) {
			return fmt.Errorf("class counts: %s row %q, want 21", class, row)
		}
	}
	return nil
}

// skipLink checks that the first Tab reaches a visible link, named text,
// that skips to the main content.
func (r *run) skipLink(text string) error {
	if err := chromedp.Do(r.ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		return err
	}
	type focused struct {
		Text    string `json:"text"`
		Target  bool   `json:"target"`
		OnPage  bool   `json:"onPage"`
		Visible bool   `json:"visible"`
	}
	f, err := eval[focused](r, `(a => ({
  text: norm(a.innerText),
  target: a.hash !== "" && document.querySelector(a.hash) === main(),
  onPage: (b => b.right > 0 && b.bottom > 0 && b.left < innerWidth && b.top < innerHeight)(a.getBoundingClientRect()),
  visible: visible(a),
}))(document.activeElement)`)
	if err != nil {
		return err
	}
	if f.Text != text || !f.Target || !f.OnPage || !f.Visible {
		return fmt.Errorf("first Tab: focused %+v, want a visible link %q to the main content", f, text)
	}
	return nil
}

// typeInto types text into the field labelled label, as a reader does,
// after selecting what the field holds, and checks the field shows it.
func (r *run) typeInto(label, text string) (chromedp.JSPath, error) {
	field, err := r.present(fmt.Sprintf("field labelled %q", label), `byLabel(args[0])`, label)
	if err != nil {
		return "", err
	}
	if err := chromedp.Do(r.ctx, chromedp.Focus(field)); err != nil {
		return "", err
	}
	if _, err := eval[bool](r, `(byLabel(args[0]).select(), true)`, label); err != nil {
		return "", err
	}
	if err := chromedp.Do(r.ctx, chromedp.SendKeys(field, text)); err != nil {
		return "", err
	}
	got, err := eval[string](r, `byLabel(args[0]).value`, label)
	if err != nil {
		return "", err
	}
	if got != text {
		return "", fmt.Errorf("field %q shows %q after typing %q", label, got, text)
	}
	return field, nil
}

// submitSearch types query into the search field labelled label, presses
// Enter and checks the result page lists a link named want, and says the
// match is approximate exactly when approx.
func (r *run) submitSearch(label, query, want string, approx bool) error {
	return r.submitSearchIn(swedishSearch, label, query, want, approx)
}

// searchText is what the search page says in one language: heading is a
// pattern of the results' heading around the quoted query.
type searchText struct{ field, heading, note string }

var (
	swedishSearch = searchText{"Sök namn", `^([1-9]\d*) träff(ar)? för ”%s”$`, "Ingen exakt träff; dessa träffar när å, ä och ö läses som a och o."}
	englishSearch = searchText{"Search labels", `^([1-9]\d*) match(es)? for “%s”$`, "No exact match; these match when å, ä and ö are read as a and o."}
)

// submitSearchIn searches on a page in the language of st.
func (r *run) submitSearchIn(st searchText, label, query, want string, approx bool) error {
	field, err := r.typeInto(label, query)
	if err != nil {
		return err
	}
	enter := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.SendKeys(field, kb.Enter)(ctx, t)
		return err
	})
	if err := r.follow("searching "+query, enter, "/search"); err != nil {
		return err
	}
	loc, err := url.Parse(r.location())
	if err != nil {
		return err
	}
	if q := loc.Query().Get("q"); q != query {
		return fmt.Errorf("searched for %q, want %q", q, query)
	}
	heading := fmt.Sprintf(st.heading, regexp.QuoteMeta(query))
	if _, err := r.present("results for "+query, `region(args[0])`, re(heading)); err != nil {
		return err
	}
	type found struct {
		Heading string   `json:"heading"`
		Links   []string `json:"links"`
		Lines   []string `json:"lines"`
	}
	f, err := eval[found](r, `(s => ({
  heading: nameOf(s),
  links: [...s.querySelectorAll("li a")].filter(visible).map(a => norm(a.innerText)),
  lines: lines(s),
}))(region(args[0]))`, re(heading))
	if err != nil {
		return err
	}
	n, _ := strconv.Atoi(regexp.MustCompile(heading).FindStringSubmatch(f.Heading)[1])
	if n != len(f.Links) {
		return fmt.Errorf("%q but %d results listed: %q", f.Heading, len(f.Links), f.Links)
	}
	if !slices.Contains(f.Links, want) {
		return fmt.Errorf("searching %q lists no link %q: %q", query, want, f.Links)
	}
	if got := slices.Contains(f.Lines, st.note); got != approx {
		return fmt.Errorf("searching %q: approximate note shown %v, want %v (%q)", query, got, approx, f.Lines)
	}
	return nil
}

// search uses the front page's own search box.
func (r *run) search() error {
	return r.submitSearch("Namn, på svenska eller engelska", "Skåne", "Region Skåne", false)
}

// searchHeader uses the search box every page has in its header.
func (r *run) searchHeader(query, want string, approx bool) error {
	return r.submitSearch("Sök namn", query, want, approx)
}

// entity follows the result to Region Skåne and checks the page: a
// summary of what it is, its names, its relations with where the report
// says them (the printed page, and the quote, verbatim in the report,
// collapsed until opened and quoted once), and the passages mentioning it.
func (r *run) entity(report string) error {
	result, err := r.present(`result "Region Skåne"`, `link(region(args[0]), "Region Skåne")`, re(`^\d+ träff(ar)? för ”Skåne”$`))
	if err != nil {
		return err
	}
	if err := r.follow("following Region Skåne", chromedp.Click(result), "/id/region-skane"); err != nil {
		return err
	}
	mainLines, err := eval[[]string](r, `lines(main())`)
	if err != nil {
		return err
	}
	if mainLines[0] != "Region Skåne" {
		return fmt.Errorf("page headed %q", mainLines[0])
	}
	summary, err := eval[[]string](r, `lines(document.getElementById("summary"))`)
	if err != nil {
		return err
	}
	if err := inOrder(summary, "Typ", "region (aktör)", "Länkar ut", "Wikidata Q3232565", "IRI", server.DefaultBase+"id/region-skane"); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	names, err := eval[[]string](r, `[...region("Namn").querySelectorAll("li")].map(li => norm(li.textContent))`)
	if err != nil {
		return err
	}
	if !slices.Contains(names, "Region Skåne (sv)") {
		return fmt.Errorf("names: no Swedish name %q in %q", "Region Skåne", names)
	}
	// A name is listed in its base form, once whatever its case: the
	// report's "Region Skånes" and "region Skåne" are no names of their own.
	for _, name := range []string{"Region Skånes", "region Skåne"} {
		if slices.Contains(names, name) {
			return fmt.Errorf("names: %q listed as a name in %q", name, names)
		}
	}
	// Relations carry their own provenance: Region Skåne is a member of
	// Skånes effektkommission according to the passage on p. 39.
	rels, err := eval[[]string](r, `lines(region("Relationer"))`)
	if err != nil {
		return fmt.Errorf("relations: %w", err)
	}
	if err := inOrder(rels, "är medlem i", "Skånes effektkommission", "s. "+skanePage); err != nil {
		return fmt.Errorf("relations: %w", err)
	}
	return r.quoteOnce(report)
}

// skaneDetails is the collapsible quote of the passage on p. 39.
const skaneDetails = `[...document.querySelectorAll("details")].find(d => { const q = d.querySelector("blockquote"); return q && norm(q.textContent).startsWith(args[0]); })`

// quoteOnce checks that the page quotes the passage once, collapsed until
// its page number is clicked, and that the list of mentions links to it.
func (r *run) quoteOnce(report string) error {
	n, err := eval[int](r, `[...document.querySelectorAll("blockquote")].filter(q => norm(q.textContent).startsWith(args[0])).length`, skaneQuote)
	if err != nil {
		return err
	}
	if n != 1 {
		return fmt.Errorf("the quote of p. %s is on the page %d times, want once", skanePage, n)
	}
	// What a closed <details> holds is in the layout but not rendered:
	// checkVisibility tells.
	const shownExpr = `(d => d.open || d.querySelector("blockquote").checkVisibility())(` + skaneDetails + `)`
	shown, err := eval[bool](r, shownExpr, skaneQuote)
	if err != nil {
		return err
	}
	if shown {
		return errors.New("the quote is shown before it is opened")
	}
	summary, err := r.present("the page number opening the quote", skaneDetails+`.querySelector("summary")`, skaneQuote)
	if err != nil {
		return err
	}
	if err := chromedp.Do(r.ctx, chromedp.Click(summary)); err != nil {
		return err
	}
	if shown, err = eval[bool](r, shownExpr, skaneQuote); err != nil || !shown {
		return fmt.Errorf("clicking p. %s does not open the quote (%v)", skanePage, err)
	}
	quotes, err := eval[[]string](r, `[...document.querySelectorAll("blockquote")].filter(q => q.checkVisibility()).map(q => norm(q.innerText))`)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(quotes, func(q string) bool { return strings.HasPrefix(q, skaneQuote) }) {
		return fmt.Errorf("opening p. %s shows no quote %q: %q", skanePage, skaneQuote, quotes)
	}
	for _, q := range quotes {
		if !strings.Contains(report, q) {
			return fmt.Errorf("quote not verbatim in the report: %q", q)
		}
	}
	// Where the report mentions it: the passage quoted above is a link to
	// its quote.
	mention, err := eval[bool](r, `(d => [...region("Var rapporten nämner det").querySelectorAll("li a")]
  .some(a => norm(a.innerText) === args[1] && a.hash === "#" + d.id))(`+skaneDetails+`)`, skaneQuote, "s. "+skanePage)
	if err != nil {
		return err
	}
	if !mention {
		return fmt.Errorf("no mention on s. %s linking to its quote", skanePage)
	}
	return nil
}

// inOrder checks that lines has the wanted lines in that order, each
// after the one before.
func inOrder(lines []string, want ...string) error {
	i := 0
	for _, w := range want {
		j := slices.Index(lines[i:], w)
		if j < 0 {
			return fmt.Errorf("no line %q after line %d in %q", w, i, lines)
		}
		i += j + 1
	}
	return nil
}

// passage follows the link of the opened quote to the passage, which
// shows the quote and where it is in the report.
func (r *run) passage() error {
	pageLink, err := r.present("link to the passage", `link(`+skaneDetails+`, "stycket")`, skaneQuote)
	if err != nil {
		return err
	}
	href, err := eval[string](r, `new URL(`+string(pageLink)+`.href).pathname`)
	if err != nil {
		return err
	}
	if err := r.follow("following the link to the passage", chromedp.Click(pageLink), href); err != nil {
		return err
	}
	ls, err := eval[[]string](r, `lines(region("Stycket"))`)
	if err != nil {
		return fmt.Errorf("the passage: %w", err)
	}
	if len(ls) != 3 || ls[0] != "Stycket" || !strings.HasPrefix(ls[1], skaneQuote) ||
		!regexp.MustCompile(`^Tryckt sida `+skanePage+`, PDF-sida [1-9]\d*\.$`).MatchString(ls[2]) {
		return fmt.Errorf("the passage reads %q", ls)
	}
	return nil
}

// switchTo follows the link of the site navigation to the page in the
// other language, named name, and checks the page is in lang with a
// link back.
func (r *run) switchTo(name, nav, lang, back string) error {
	sw, err := r.present(fmt.Sprintf("link %q in the site navigation", name), `link(region(args[0]), args[1])`, nav, name)
	if err != nil {
		return err
	}
	path, err := eval[string](r, `location.pathname`)
	if err != nil {
		return err
	}
	if err := r.follow("switching to "+name, chromedp.Click(sw), path); err != nil {
		return err
	}
	got, err := eval[string](r, `document.documentElement.lang`)
	if err != nil {
		return err
	}
	if got != lang {
		return fmt.Errorf("after %q the page is in %q, want %q", name, got, lang)
	}
	if _, err := r.present(fmt.Sprintf("link %q back", back), `link(region(args[0]), args[1])`, map[string]string{"sv": "Webbplatsen", "en": "Site"}[lang], back); err != nil {
		return err
	}
	return nil
}

// englishFront switches the front page to English by its link; the page
// says the same in English.
func (r *run) englishFront() error {
	if err := r.follow("the front page", chromedp.Navigate(r.url+"/"), "/"); err != nil {
		return err
	}
	if err := r.switchTo("English", "Webbplatsen", "en", "Svenska"); err != nil {
		return err
	}
	if err := r.classCounts(englishFront); err != nil {
		return err
	}
	return r.skipLink(englishFront.skip)
}

// englishRegion: the choice holds on the next pages, which show things
// by their English names where they have one.
func (r *run) englishRegion() error {
	if err := r.submitSearchIn(englishSearch, englishSearch.field, "Skåne County", "Skåne County", false); err != nil {
		return err
	}
	result, err := r.present(`result "Skåne County"`, `link(region(args[0]), "Skåne County")`, re(`^\d+ match(es)? for “Skåne County”$`))
	if err != nil {
		return err
	}
	if err := r.follow("following Skåne County", chromedp.Click(result), "/id/skane-lan"); err != nil {
		return err
	}
	summary, err := eval[[]string](r, `lines(document.getElementById("summary"))`)
	if err != nil {
		return err
	}
	if err := inOrder(summary, "Type", "county", "Links out", "Wikidata Q103659", "NUTS SE224"); err != nil {
		return fmt.Errorf("summary: %w", err)
	}
	h1, err := eval[string](r, `norm(document.querySelector("h1").innerText) + " " + document.querySelector("h1").lang`)
	if err != nil {
		return err
	}
	if h1 != "Skåne County en" {
		return fmt.Errorf("page headed %q, want the English name", h1)
	}
	return nil
}

// backToSwedish switches back; the same page reads in Swedish.
func (r *run) backToSwedish() error {
	if err := r.switchTo("Svenska", "Site", "sv", "English"); err != nil {
		return err
	}
	h1, err := eval[string](r, `norm(document.querySelector("h1").innerText)`)
	if err != nil {
		return err
	}
	if h1 != "Skåne län" {
		return fmt.Errorf("page headed %q, want the Swedish name", h1)
	}
	return nil
}

// results reads the results of the query page: the count line and the
// table.
func (r *run) results() (count int, tv *tableView, err error) {
	ls, err := eval[[]string](r, `lines(region("Results"))`)
	if err != nil {
		return 0, nil, fmt.Errorf("results: %w", err)
	}
	if ls == nil {
		errLines, _ := eval[[]string](r, `lines(document.querySelector("[role=alert]"))`)
		return 0, nil, fmt.Errorf("no results on %s; error: %q", r.location(), errLines)
	}
	countLine := regexp.MustCompile(`^(\d+) rows? in .+\.$`)
	i := slices.IndexFunc(ls, countLine.MatchString)
	if i < 0 {
		return 0, nil, fmt.Errorf("no row count in %q", ls)
	}
	count, _ = strconv.Atoi(countLine.FindStringSubmatch(ls[i])[1])
	tv, err = eval[*tableView](r, `table(region("Results").querySelector("table"))`)
	if err != nil {
		return 0, nil, err
	}
	if tv == nil {
		return 0, nil, errors.New("no results table")
	}
	if len(tv.Rows) != count {
		return 0, nil, fmt.Errorf("%q but the table has %d rows", ls[i], len(tv.Rows))
	}
	for _, row := range tv.Rows {
		if len(row) != len(tv.Headers) {
			return 0, nil, fmt.Errorf("row %q under %d headers", row, len(tv.Headers))
		}
	}
	return count, tv, nil
}

const erdfExample = "Which regions run projects funded by the European Regional Development Fund?"

// queryExample follows the front page's question about the regional
// development fund, which runs on the server: the plain query page with
// its results table.
func (r *run) queryExample() error {
	if err := r.follow("the front page", chromedp.Navigate(r.url+"/"), "/"); err != nil {
		return err
	}
	example, err := r.present("question "+erdfExample, `[...main().querySelectorAll("a")].find(a => visible(a) && norm(a.innerText) === args[0])`, erdfExample)
	if err != nil {
		return err
	}
	if err := r.follow("running the example", chromedp.Click(example), "/query"); err != nil {
		return err
	}
	editor, err := eval[string](r, `byLabel(args[0]).value`, editorLabel)
	if err != nil {
		return err
	}
	if !strings.Contains(editor, "kgo:fundedBy kg:eruf") {
		return fmt.Errorf("the editor does not hold the example: %q", editor)
	}
	n, tv, err := r.results()
	if err != nil {
		return err
	}
	if want := []string{"?region", "?regionName", "?project", "?projectName"}; !slices.Equal(tv.Headers, want) {
		return fmt.Errorf("results headed %q, want %q", tv.Headers, want)
	}
	if n == 0 {
		return errors.New("the example found no rows")
	}
	for _, row := range tv.Rows {
		if slices.Contains(row, "") {
			return fmt.Errorf("empty cell in row %q", row)
		}
	}
	return nil
}

const editorLabel = "Query (SPARQL 1.1; Ctrl+Enter runs it)"

// queryEditor loads an example into the editor with its "(edit)" link,
// which the page's script does without leaving the page, and runs it with
// Ctrl+Enter, which the script turns into the form's POST: exactly one
// document request. Both need the script past the page's
// Content-Security-Policy.
func (r *run) queryEditor() error {
	const title = "Counties with their SCB, ISO and NUTS codes and Wikidata items"
	edit, err := r.present(`"(edit)" link of `+title,
		`link(link(region("Examples"), args[0]).closest("li"), "(edit)")`, title)
	if err != nil {
		return err
	}
	text, err := eval[string](r, `link(region("Examples"), args[0]).closest("li").querySelector("pre").textContent`, title)
	if err != nil {
		return err
	}
	field, err := r.present("query editor", `byLabel(args[0])`, editorLabel)
	if err != nil {
		return err
	}
	before := r.watch.documentCount()
	if err := chromedp.Do(r.ctx, chromedp.Click(edit)); err != nil {
		return err
	}
	got, err := eval[string](r, `byLabel(args[0]).value`, editorLabel)
	if err != nil {
		return err
	}
	if got != text {
		return fmt.Errorf("after (edit) the editor holds %q, want the example's text %q", got, text)
	}
	ctrlEnter := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := chromedp.Focus(field)(ctx, t); err != nil {
			return err
		}
		_, err := chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl))(ctx, t)
		return err
	})
	if err := r.follow("Ctrl+Enter in the editor (which the page's script handles)", ctrlEnter, "/query"); err != nil {
		return err
	}
	if docs := r.watch.documentsSince(before); !slices.Equal(docs, []string{"POST /query"}) {
		return fmt.Errorf("page loads for (edit) and Ctrl+Enter: %q, want one POST /query", docs)
	}

	n, tv, err := r.results()
	if err != nil {
		return err
	}
	if want := []string{"?county", "?name", "?scb", "?iso", "?nuts", "?wikidata"}; !slices.Equal(tv.Headers, want) {
		return fmt.Errorf("results headed %q, want %q", tv.Headers, want)
	}
	if n != 21 {
		return fmt.Errorf("%d counties, want 21", n)
	}
	i := slices.IndexFunc(tv.Rows, func(row []string) bool { return row[1] == "Skåne län" })
	if i < 0 {
		return fmt.Errorf("no Skåne län among the counties: %q", tv.Rows)
	}
	if skane := tv.Rows[i]; skane[2] != "12" || skane[3] != "SE-M" || skane[4] != "SE224" {
		return fmt.Errorf("Skåne län reads %q, want SCB 12, SE-M, SE224", skane)
	}
	return nil
}

// faultCheck shows that the watch catches what it is for: a page with a
// missing style sheet and a script that throws must be reported.
func (r *run) faultCheck() {
	r.t.Helper()
	r.n++
	r.watch.take()
	ctx, cancel := context.WithTimeout(r.tab, stepBudget)
	defer cancel()
	_, err := chromedp.RunResponse(ctx, chromedp.Navigate(r.url+faultPath))
	r.screenshot(fmt.Sprintf("%02d-fault-check.png", r.n))
	if err != nil {
		r.t.Fatalf("fault check: %v", err)
	}
	faults, _ := r.watch.take()
	all := strings.Join(faults, "\n")
	// The missing style sheet shows as a 404, or, because the server's
	// 404 is text/plain under nosniff, as a refused and aborted request.
	for _, want := range []string{r.url + "/static/missing.css", "Uncaught Error: kg-e2e-fault"} {
		if !strings.Contains(all, want) {
			r.t.Errorf("fault check: the watch missed %q; it saw:%s", want, listFaults(faults))
		}
	}
}
