// Command serveload puts a running kg serve under load and reports, per
// kind of request, how many were answered, the throughput, latency
// percentiles, failures and bytes, as a markdown table.
//
//	serveload -url http://127.0.0.1:8080/ -c 64 -d 10s [-pid PID]
//
// Each of -c workers sends one request at a time over kept-alive
// connections (a closed loop: latencies are those of a client that waits
// for each answer, so a stalled server shows as fewer requests rather than
// as queueing delay). Kinds, mixed by weight with -targets:
//
//	html     an entity page, Accept: text/html
//	turtle   an entity's description, Accept: text/turtle
//	sparql   GET /sparql?query= with one of a few queries about the report,
//	         Accept: application/sparql-results+json
//	search   GET /search?q= with a word from the report, as HTML
//
// The entities are those the server itself lists through /sparql at the
// start, mapped from IRIs under -base to paths. A warm-up (-warmup) runs
// the same mix first and is not counted. With -pid, the server's resident
// set size is sampled from /proc/PID/status (VmRSS) during the run, and its
// peak (VmHWM) and the CPU time it used are reported. The exit status is 3 if any counted request
// failed (a non-2xx status or a transport error).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// queries are the /sparql requests: lookups, a join with OPTIONAL, a
// property path, an aggregate, a text filter over all labels.
var queries = []string{
	`PREFIX kgo: <https://w3id.org/regionalkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?region ?county ?name ?scb WHERE {
  ?region a kgo:Region ; kgo:servesCounty ?county .
  ?county rdfs:label ?name ; kgo:scbCountyCode ?scb .
  FILTER (lang(?name) = "sv")
}`,
	`PREFIX kgo: <https://w3id.org/regionalkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?project ?label ?financier WHERE {
  ?project kgo:fundedBy ?fund ; skos:prefLabel ?label .
  ?fund a kgo:Fund .
  OPTIONAL { ?financier kgo:finances ?project }
}`,
	`PREFIX kgo: <https://w3id.org/regionalkg/ontology#>
SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n)`,
	`PREFIX kgo: <https://w3id.org/regionalkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?region (COUNT(DISTINCT ?i) AS ?instruments) (MIN(?page) AS ?first) WHERE {
  ?region a kgo:Region ; kgo:responsibleFor|kgo:participatesIn ?i ; prov:wasDerivedFrom ?p .
  ?p kgo:page ?page .
} GROUP BY ?region`,
	`PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER CONTAINS(LCASE(?label), "kultur") } LIMIT 50`,
	`PREFIX kgo: <https://w3id.org/regionalkg/ontology#>
ASK { <https://w3id.org/regionalkg/id/region-skane> kgo:servesCounty ?c . ?c kgo:scbCountyCode "12" }`,
}

// searchWords are words of the report, Swedish and English, some with
// letters outside ASCII.
var searchWords = []string{"region", "kultur", "fond", "skåne", "innovation", "folkhälsa",
	"kompetens", "länsstyrelse", "strategi", "tillväxtverket", "norrbotten", "regional development"}

type kind struct {
	name   string
	weight int
	next   func(r *rand.Rand) *http.Request
}

// sample is one worker's record of one kind.
type sample struct {
	lat       []time.Duration
	non2xx    int
	transport int
	bytes     int64
	statuses  map[int]int
	lastError string
}

func main() {
	var (
		base    = flag.String("url", "http://127.0.0.1:8080/", "root `URL` of the server")
		iriBase = flag.String("base", "https://w3id.org/regionalkg/", "base `IRI` the server maps onto its root")
		conc    = flag.Int("c", 64, "concurrent clients")
		dur     = flag.Duration("d", 10*time.Second, "how long to run (counted part)")
		total   = flag.Int("n", 0, "send `N` requests instead of running for -d")
		warmup  = flag.Duration("warmup", 2*time.Second, "uncounted warm-up with the same mix")
		targets = flag.String("targets", "html=3,turtle=3,sparql=2,search=2", "request mix as `kind=weight,...` (html, turtle, sparql, search)")
		pid     = flag.Int("pid", 0, "sample the resident set of process `PID` (Linux)")
		timeout = flag.Duration("timeout", 30*time.Second, "per-request timeout")
		label   = flag.String("label", "", "first column of the table (default: c=N)")
		noHead  = flag.Bool("no-header", false, "print table rows only, to append to another table")
		seed    = flag.Uint64("seed", 1, "random seed of the mix")
	)
	flag.Parse()
	if *conc < 1 || (*total <= 0 && *dur <= 0) {
		fatal(errors.New("-c must be positive, and -n or -d"))
	}
	root := strings.TrimSuffix(*base, "/") + "/"
	if *label == "" {
		*label = "c=" + strconv.Itoa(*conc)
	}
	client := &http.Client{
		Timeout: *timeout,
		Transport: &http.Transport{
			MaxIdleConns:        *conc * 2,
			MaxIdleConnsPerHost: *conc * 2,
			IdleConnTimeout:     time.Minute,
			// Bodies are counted as the server sends them.
			DisableCompression: true,
		},
	}
	paths, err := entityPaths(client, root, *iriBase)
	if err != nil {
		fatal(err)
	}
	kinds, err := mix(*targets, root, paths)
	if err != nil {
		fatal(err)
	}

	if *warmup > 0 {
		run(client, kinds, *conc, *warmup, 0, *seed+1000)
	}
	var rss *rssSampler
	if *pid > 0 {
		rss = startRSS(*pid)
	}
	samples, elapsed := run(client, kinds, *conc, *dur, *total, *seed)
	var rssLine string
	if rss != nil {
		rssLine = rss.stop()
	}
	failed := report(os.Stdout, *label, !*noHead, kinds, samples, elapsed)
	if rssLine != "" {
		fmt.Fprintf(os.Stderr, "%s: %s\n", *label, rssLine)
	}
	if failed {
		os.Exit(3)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "serveload:", err)
	os.Exit(1)
}

// entityPaths asks the server for the things it publishes under base and
// returns their paths on the server.
func entityPaths(client *http.Client, root, base string) ([]string, error) {
	q := `SELECT DISTINCT ?s WHERE { ?s a ?class FILTER(STRSTARTS(STR(?s), "` + base + `id/")) } LIMIT 2000`
	req, _ := http.NewRequest("GET", root+"sparql?query="+url.QueryEscape(q), nil)
	req.Header.Set("Accept", "application/sparql-results+json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		return nil, fmt.Errorf("listing entities: %s: %s", resp.Status, b)
	}
	var doc struct {
		Results struct {
			Bindings []map[string]struct{ Type, Value string }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		return nil, fmt.Errorf("listing entities: %w", err)
	}
	var paths []string
	for _, b := range doc.Results.Bindings {
		if p, ok := strings.CutPrefix(b["s"].Value, base); ok {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("the server lists no entities under %s", base)
	}
	slices.Sort(paths)
	return paths, nil
}

func mix(spec, root string, paths []string) ([]kind, error) {
	get := func(target, accept string) *http.Request {
		req, _ := http.NewRequest("GET", root+target, nil)
		req.Header.Set("Accept", accept)
		return req
	}
	makers := map[string]func(r *rand.Rand) *http.Request{
		"html": func(r *rand.Rand) *http.Request {
			return get(paths[r.IntN(len(paths))], "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
		},
		"turtle": func(r *rand.Rand) *http.Request {
			return get(paths[r.IntN(len(paths))], "text/turtle")
		},
		"sparql": func(r *rand.Rand) *http.Request {
			return get("sparql?query="+url.QueryEscape(queries[r.IntN(len(queries))]), "application/sparql-results+json")
		},
		"search": func(r *rand.Rand) *http.Request {
			return get("search?q="+url.QueryEscape(searchWords[r.IntN(len(searchWords))]), "text/html")
		},
	}
	var kinds []kind
	for _, part := range strings.Split(spec, ",") {
		name, w, found := strings.Cut(strings.TrimSpace(part), "=")
		weight := 1
		if found {
			n, err := strconv.Atoi(w)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("-targets: bad weight %q", part)
			}
			weight = n
		}
		next, ok := makers[name]
		if !ok {
			return nil, fmt.Errorf("-targets: unknown kind %q (html, turtle, sparql, search)", name)
		}
		if weight > 0 {
			kinds = append(kinds, kind{name, weight, next})
		}
	}
	if len(kinds) == 0 {
		return nil, errors.New("-targets: nothing to send")
	}
	return kinds, nil
}

// run drives conc workers for d, or until n requests are sent when n > 0,
// and returns each worker's samples per kind and the time it took.
func run(client *http.Client, kinds []kind, conc int, d time.Duration, n int, seed uint64) ([][]sample, time.Duration) {
	sum := 0
	for _, k := range kinds {
		sum += k.weight
	}
	ctx := context.Background()
	var cancel context.CancelFunc = func() {}
	if n <= 0 {
		ctx, cancel = context.WithTimeout(ctx, d)
	}
	defer cancel()
	var sent atomic.Int64
	out := make([][]sample, conc)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range conc {
		out[w] = make([]sample, len(kinds))
		for i := range out[w] {
			out[w][i].statuses = map[int]int{}
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(w)))
			buf := make([]byte, 32<<10)
			for ctx.Err() == nil {
				if n > 0 && sent.Add(1) > int64(n) {
					return
				}
				pick, k := r.IntN(sum), 0
				for pick >= kinds[k].weight {
					pick -= kinds[k].weight
					k++
				}
				req := kinds[k].next(r).WithContext(ctx)
				s := &out[w][k]
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					var nb int64
					for {
						m, rerr := resp.Body.Read(buf)
						nb += int64(m)
						if rerr != nil {
							if rerr != io.EOF {
								err = rerr
							}
							break
						}
					}
					resp.Body.Close()
					s.bytes += nb
				}
				lat := time.Since(t0)
				if ctx.Err() != nil && n <= 0 {
					return // cut off by the end of the run, not a failure
				}
				switch {
				case err != nil:
					s.transport++
					s.lastError = err.Error()
				case resp.StatusCode < 200 || resp.StatusCode > 299:
					s.non2xx++
					s.statuses[resp.StatusCode]++
					s.lastError = req.URL.Path + ": " + resp.Status
				default:
					s.statuses[resp.StatusCode]++
				}
				s.lat = append(s.lat, lat)
			}
		}()
	}
	wg.Wait()
	return out, time.Since(start)
}

// report prints the table and says whether any request failed.
func report(w io.Writer, label string, header bool, kinds []kind, samples [][]sample, elapsed time.Duration) bool {
	if header {
		fmt.Fprintln(w, "| run | target | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | transport errors | MiB |")
		fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	}
	failed := false
	var all sample
	row := func(name string, s sample, explain bool) {
		slices.Sort(s.lat)
		fmt.Fprintf(w, "| %s | %s | %d | %.0f | %s | %s | %s | %s | %d | %d | %.1f |\n",
			label, name, len(s.lat), float64(len(s.lat))/elapsed.Seconds(),
			ms(pct(s.lat, 50)), ms(pct(s.lat, 90)), ms(pct(s.lat, 99)), ms(pct(s.lat, 100)),
			s.non2xx, s.transport, float64(s.bytes)/(1<<20))
		if explain && s.non2xx+s.transport > 0 {
			failed = true
			fmt.Fprintf(os.Stderr, "%s %s: %d failed, statuses %v, last: %s\n", label, name, s.non2xx+s.transport, s.statuses, s.lastError)
		}
	}
	for k, kd := range kinds {
		var s sample
		for _, ws := range samples {
			s.lat = append(s.lat, ws[k].lat...)
			s.non2xx += ws[k].non2xx
			s.transport += ws[k].transport
			s.bytes += ws[k].bytes
			if ws[k].lastError != "" {
				s.lastError = ws[k].lastError
			}
			if s.statuses == nil {
				s.statuses = map[int]int{}
			}
			for c, n := range ws[k].statuses {
				s.statuses[c] += n
			}
		}
		all.lat = append(all.lat, s.lat...)
		all.non2xx += s.non2xx
		all.transport += s.transport
		all.bytes += s.bytes
		row(kd.name, s, true)
	}
	if len(kinds) > 1 {
		row("**all**", all, false)
	}
	return failed
}

// pct is the nearest-rank percentile of sorted durations.
func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (p*len(sorted)+99)/100 - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	if v < 10 {
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// rssSampler reads VmRSS every 50 ms while the run lasts.
type rssSampler struct {
	pid     int
	start   int64 // kB
	cpu0    float64
	t0      time.Time
	maxRSS  atomic.Int64
	done    chan struct{}
	stopped chan struct{}
}

func startRSS(pid int) *rssSampler {
	s := &rssSampler{pid: pid, done: make(chan struct{}), stopped: make(chan struct{})}
	s.start, _ = procStatus(pid, "VmRSS")
	s.maxRSS.Store(s.start)
	s.cpu0, _ = procCPU(pid)
	s.t0 = time.Now()
	go func() {
		defer close(s.stopped)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-s.done:
				return
			case <-t.C:
				if v, err := procStatus(pid, "VmRSS"); err == nil && v > s.maxRSS.Load() {
					s.maxRSS.Store(v)
				}
			}
		}
	}()
	return s
}

func (s *rssSampler) stop() string {
	close(s.done)
	<-s.stopped
	hwm, err := procStatus(s.pid, "VmHWM")
	if err != nil {
		return "RSS: " + err.Error()
	}
	cpu, _ := procCPU(s.pid)
	cpu -= s.cpu0
	return fmt.Sprintf("server RSS at start %.1f MiB, highest sampled %.1f MiB, peak since start of process (VmHWM) %.1f MiB; server CPU %.1f s (%.0f%% of one core)",
		float64(s.start)/1024, float64(s.maxRSS.Load())/1024, float64(hwm)/1024, cpu, 100*cpu/time.Since(s.t0).Seconds())
}

// procCPU reads the user and system time of a process from /proc/PID/stat,
// in seconds (USER_HZ is 100 on Linux).
func procCPU(pid int) (float64, error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, err
	}
	// The command name, field 2, is in parentheses and may hold spaces.
	rest := string(data)
	if i := strings.LastIndexByte(rest, ')'); i >= 0 {
		rest = rest[i+1:]
	}
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0, fmt.Errorf("/proc/%d/stat: too few fields", pid)
	}
	// utime and stime are fields 14 and 15; f starts at field 3.
	u, err1 := strconv.ParseFloat(f[11], 64)
	st, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc/%d/stat: bad times", pid)
	}
	return (u + st) / 100, nil
}

// procStatus reads a kB field of /proc/PID/status.
func procStatus(pid int, field string) (int64, error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB"))
			return strconv.ParseInt(v, 10, 64)
		}
	}
	return 0, fmt.Errorf("no %s in /proc/%d/status", field, pid)
}
