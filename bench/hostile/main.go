// Command hostile starts kg serve with its default limits on a store and
// sends it the hostile requests of issue 11 one after another, while a
// well-behaved client keeps asking small queries, and reports as markdown:
// whether the server stayed up, its peak resident set size, each hostile
// request's status and answer time against the query deadline, and the
// well-behaved client's latency percentiles.
//
//	go build -o kg ./cmd/kg && kg build
//	go run ./bench/hostile -kg ./kg -store data/kg
//
// The hostile requests: a 1 MB FILTER(!!!…true) (answered 400 by a
// nesting limit, or cleanly); 30 chained BIND(CONCAT(?x, ?x)) from 1 KB;
// 22 chained BIND(?x * ?x); cartesian products under ORDER BY and
// CONSTRUCT; a VALUES block just under the body limit and one over it.
// Each is expected to be answered within the deadline plus one second.
// With -together they are sent all at once, to meet the bound on
// concurrent queries. Afterwards -loads graphs are committed with kg load
// while the server runs (it reloads every 500 ms), and its RSS is reported
// after each: a replaced graph must be released when its last request
// ends. The exit status is 1 if the server died, a hostile request took
// longer than that, or a well-behaved query failed.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// hostile is one hostile request.
type hostile struct {
	name  string
	query string
	post  bool // POST application/sparql-query (else GET)
}

func hostileRequests() []hostile {
	var concat, mul strings.Builder
	concat.WriteString(`SELECT ?v30 WHERE { BIND("` + strings.Repeat("x", 1024) + `" AS ?v0)`)
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&concat, " BIND(CONCAT(?v%d, ?v%d) AS ?v%d)", i-1, i-1, i)
	}
	concat.WriteString(" }")
	mul.WriteString(`SELECT ?v22 WHERE { BIND(7 AS ?v0)`)
	for i := 1; i <= 22; i++ {
		fmt.Fprintf(&mul, " BIND(?v%d * ?v%d AS ?v%d)", i-1, i-1, i)
	}
	mul.WriteString(" }")
	values := func(size int) string {
		var b strings.Builder
		b.WriteString("SELECT (COUNT(*) AS ?n) WHERE { VALUES (?s ?x) {")
		for i := 0; b.Len() < size-40; i++ {
			fmt.Fprintf(&b, ` (<http://example.org/s%d> "%d")`, i, i)
		}
		b.WriteString(" } ?s ?p ?o }")
		return b.String()
	}
	return []hostile{
		{"1 MB FILTER(!!!…true)", "SELECT * WHERE { FILTER(" + strings.Repeat("!", 1_000_000) + "true) }", true},
		{"30 chained CONCAT(?x, ?x) from 1 KB", concat.String(), true},
		{"22 chained ?x * ?x", mul.String(), true},
		{"cartesian ORDER BY", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f", false},
		{"cartesian CONSTRUCT", "CONSTRUCT { ?a <http://example.org/x> ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", false},
		{"cartesian COUNT", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", false},
		{"1 MB VALUES", values(1_000_000), true},
		{"2 MB VALUES (over --max-body)", values(2_000_000), true},
	}
}

// polite are the well-behaved client's queries.
var polite = []string{
	`PREFIX kgo: <https://w3id.org/regionalkg/ontology#>
SELECT ?r WHERE { ?r a kgo:Region } LIMIT 10`,
	`PREFIX kgo: <https://w3id.org/regionalkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?law ?label WHERE { ?law a kgo:Act ; rdfs:label ?label } LIMIT 20`,
	`PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?label WHERE { <https://w3id.org/regionalkg/id/region-skane> skos:prefLabel ?label }`,
	`ASK { ?s ?p ?o }`,
}

func main() {
	kgBin := flag.String("kg", "bench/out/kg", "the kg binary")
	storeDir := flag.String("store", "bench/out/serve-store", "the store kg serve publishes")
	pause := flag.Duration("pause", time.Second, "pause between hostile requests")
	together := flag.Bool("together", false, "send the hostile requests all at once instead of one after another")
	loads := flag.Int("loads", 10, "afterwards, commit this many new graphs with kg load while the server runs, and report its RSS")
	flag.Parse()
	timeout := 30 * time.Second // kg serve's default --timeout

	srv, addr, err := start(*kgBin, *storeDir)
	if err != nil {
		fatal(err)
	}
	defer srv.stop()
	base := "http://" + addr
	client := &http.Client{Timeout: 5 * time.Minute}
	rss := sampleRSS(srv.cmd.Process.Pid)

	var lat latencies
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { lat.run(client, base, stop) })

	time.Sleep(2 * time.Second) // the polite client's baseline
	failed := false
	fmt.Printf("kg serve with default limits (--timeout %s), store %s\n\n", timeout, *storeDir)
	fmt.Println("| hostile request | bytes | status | answer s | within timeout + 1 s | answer |")
	fmt.Println("|---|--:|--:|--:|---|---|")
	hs := hostileRequests()
	rows := make([]string, len(hs))
	var hwg sync.WaitGroup
	var bad atomic.Bool
	for i, h := range hs {
		one := func() {
			status, took, body := send(client, base, h)
			ok := took <= timeout+time.Second && status != 0
			if !ok {
				bad.Store(true)
			}
			rows[i] = fmt.Sprintf("| %s | %d | %d | %.2f | %v | %s |", h.name, len(h.query), status, took.Seconds(), ok, oneLine(body))
		}
		if *together {
			hwg.Go(one)
			continue
		}
		one()
		time.Sleep(*pause)
	}
	hwg.Wait()
	for _, r := range rows {
		fmt.Println(r)
	}
	failed = bad.Load()
	time.Sleep(2 * time.Second)
	close(stop)
	wg.Wait()
	p50, p99, max, n, errs := lat.summary()
	afterHostile := procStatus(srv.cmd.Process.Pid, "VmRSS:")
	if *loads > 0 {
		if err := reloads(*kgBin, *storeDir, *loads, srv.cmd.Process.Pid); err != nil {
			fmt.Fprintln(os.Stderr, "hostile:", err)
			failed = true
		}
	}

	alive := srv.alive(client, base)
	peak, hwm := rss.stop()
	fmt.Println()
	fmt.Printf("server RSS after the hostile requests: %.1f MiB\n", mib(afterHostile))
	fmt.Printf("server alive afterwards: %v\n", alive)
	fmt.Printf("server peak RSS: %.1f MiB sampled every 50 ms, %.1f MiB VmHWM\n", mib(peak), mib(hwm))
	fmt.Printf("well-behaved client: %d queries, %d failed, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
		n, errs, ms(p50), ms(p99), ms(max))
	if !alive || failed || errs > 0 {
		os.Exit(1)
	}
}

// reloads commits n graphs to the store with kg load, one a second, each
// a little larger than the last, while the server picks each up, and
// prints the server's RSS before, after each and after all of them.
func reloads(kgBin, storeDir string, n, pid int) error {
	dir, err := os.MkdirTemp("", "kg-hostile")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	before := procStatus(pid, "VmRSS:")
	var after []string
	for i := range n {
		file := fmt.Sprintf("%s/extra%d.nt", dir, i)
		var b strings.Builder
		for j := range 20000 {
			fmt.Fprintf(&b, "<http://example.org/load%d/s%d> <http://example.org/p> \"%s %d\" .\n", i, j, strings.Repeat("v", 40), j)
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			return err
		}
		out, err := exec.Command(kgBin, "-q", "--store", storeDir, "load", "--graph", fmt.Sprintf("http://example.org/load%d", i), file).CombinedOutput()
		if err != nil {
			return fmt.Errorf("kg load: %v: %s", err, out)
		}
		time.Sleep(1500 * time.Millisecond) // the server reloads every 500 ms
		after = append(after, fmt.Sprintf("%.0f", mib(procStatus(pid, "VmRSS:"))))
	}
	time.Sleep(3 * time.Second)
	last := procStatus(pid, "VmRSS:")
	// For comparison: a server started afresh on the final graph.
	fresh, addr, err := start(kgBin, storeDir)
	if err != nil {
		return err
	}
	defer fresh.stop()
	resp, err := http.Get("http://" + addr + "/sparql?query=" + url.QueryEscape("ASK { ?s ?p ?o }"))
	if err != nil {
		return err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	time.Sleep(3 * time.Second)
	fmt.Printf("\n%d kg loads of 20,000 triples each while serving: RSS %.1f MiB before, after each load (MiB): %s; %.1f MiB 3 s after the last; a server started afresh on the final graph: %.1f MiB\n",
		n, mib(before), strings.Join(after, ", "), mib(last), mib(procStatus(fresh.cmd.Process.Pid, "VmRSS:")))
	return nil
}

// server is the kg serve process.
type server struct {
	cmd  *exec.Cmd
	done chan struct{}
}

// start runs kg serve on a free port and waits for its address.
func start(kgBin, storeDir string) (*server, string, error) {
	cmd := exec.Command(kgBin, "--store", storeDir, "serve", "--addr", "127.0.0.1:0", "--reload", "500ms")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	s := &server{cmd: cmd, done: make(chan struct{})}
	addrs := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`at http://([^/ ]+)/`)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addrs <- m[1]:
				default:
				}
			} else {
				fmt.Fprintln(os.Stderr, "kg serve:", sc.Text())
			}
		}
	}()
	go func() { cmd.Wait(); close(s.done) }()
	select {
	case a := <-addrs:
		return s, a, nil
	case <-s.done:
		return nil, "", fmt.Errorf("kg serve exited: %v", cmd.ProcessState)
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		return nil, "", fmt.Errorf("kg serve did not start within 2 minutes")
	}
}

func (s *server) alive(client *http.Client, base string) bool {
	select {
	case <-s.done:
		return false
	default:
	}
	resp, err := client.Get(base + "/sparql?query=" + url.QueryEscape("ASK {}"))
	if err != nil {
		return false
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode == 200
}

func (s *server) stop() {
	select {
	case <-s.done:
		return
	default:
	}
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
	}
}

// send sends one hostile request and returns its status (0 for a
// transport error), its answer time and the start of its body.
func send(client *http.Client, base string, h hostile) (int, time.Duration, string) {
	var req *http.Request
	var err error
	if h.post {
		req, err = http.NewRequest(http.MethodPost, base+"/sparql", strings.NewReader(h.query))
		if err == nil {
			req.Header.Set("Content-Type", "application/sparql-query")
		}
	} else {
		req, err = http.NewRequest(http.MethodGet, base+"/sparql?query="+url.QueryEscape(h.query), nil)
	}
	if err != nil {
		return 0, 0, err.Error()
	}
	req.Header.Set("Accept", "application/sparql-results+json, application/n-triples;q=0.9")
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, time.Since(start), err.Error()
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<30))
	took := time.Since(start)
	if resp.StatusCode == 200 {
		summary := fmt.Sprintf("%d bytes", len(body))
		if resp.Header.Get("KG-Results-Truncated") == "true" {
			summary += ", truncated at the result limit"
		}
		return resp.StatusCode, took, summary
	}
	return resp.StatusCode, took, string(body)
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 110 {
		s = s[:110] + "…"
	}
	return strings.ReplaceAll(s, "|", "\\|")
}

// latencies is the well-behaved client: one query at a time, in a loop.
type latencies struct {
	mu     sync.Mutex
	d      []time.Duration
	failed int
}

func (l *latencies) run(client *http.Client, base string, stop chan struct{}) {
	for i := 0; ; i++ {
		select {
		case <-stop:
			return
		default:
		}
		q := polite[i%len(polite)]
		start := time.Now()
		resp, err := client.Get(base + "/sparql?query=" + url.QueryEscape(q))
		ok := err == nil
		if ok {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			ok = resp.StatusCode == 200
		}
		d := time.Since(start)
		l.mu.Lock()
		l.d = append(l.d, d)
		if !ok {
			l.failed++
		}
		l.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
}

func (l *latencies) summary() (p50, p99, max time.Duration, n, failed int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	d := slices.Clone(l.d)
	slices.Sort(d)
	if len(d) == 0 {
		return 0, 0, 0, 0, l.failed
	}
	at := func(p int) time.Duration { return d[min(len(d)-1, len(d)*p/100)] }
	return at(50), at(99), d[len(d)-1], len(d), l.failed
}

// rssSampler reads the server's VmRSS every 50 ms.
type rssSampler struct {
	pid  int
	peak atomic.Int64
	done chan struct{}
	wg   sync.WaitGroup
}

func sampleRSS(pid int) *rssSampler {
	s := &rssSampler{pid: pid, done: make(chan struct{})}
	s.wg.Go(func() {
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if v := procStatus(pid, "VmRSS:"); v > s.peak.Load() {
				s.peak.Store(v)
			}
			select {
			case <-s.done:
				return
			case <-t.C:
			}
		}
	})
	return s
}

// stop returns the sampled peak and the kernel's high-water mark, in bytes.
func (s *rssSampler) stop() (peak, hwm int64) {
	close(s.done)
	s.wg.Wait()
	return s.peak.Load(), procStatus(s.pid, "VmHWM:")
}

// procStatus reads a kB field of /proc/PID/status, in bytes.
func procStatus(pid int, field string) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func mib(b int64) float64        { return float64(b) / (1 << 20) }
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "hostile:", err)
	os.Exit(1)
}
