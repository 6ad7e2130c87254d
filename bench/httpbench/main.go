// Command httpbench times SPARQL queries against any SPARQL 1.1 Protocol
// endpoint, for bench/compare.sh, so that kg serve and its peers are
// measured by the same client over the same kind of connection.
//
//	httpbench -url http://127.0.0.1:8080/sparql [-runs 5] [-warmup 1] [-param k=v] QUERY.rq...
//
// Each query is sent as a form POST (query=...), asking for SPARQL JSON
// results (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE). Per query it
// sends -warmup untimed requests, then -runs timed ones, and prints
// "name<TAB>median ms<TAB>results". A timed request runs from sending the
// request to reading the last byte of the answer; the answer is parsed
// afterwards, untimed, to count results: rows, 1 for ASK, distinct
// triple lines for graphs. A failed request prints "name<TAB>-<TAB>ERROR"
// and the message on stderr; the exit status is then 1.
//
//	httpbench -first -url URL -within 120s QUERY.rq
//
// sends QUERY every 10 ms until one answer succeeds and prints the
// milliseconds since -since (a Unix time in nanoseconds, default: now), for
// measuring how long a server just started takes to answer.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

type params []string

func (p *params) String() string     { return strings.Join(*p, ",") }
func (p *params) Set(v string) error { *p = append(*p, v); return nil }

func main() {
	endpoint := flag.String("url", "", "the SPARQL endpoint")
	runs := flag.Int("runs", 5, "timed runs per query")
	warmup := flag.Int("warmup", 1, "untimed runs per query before the timed ones")
	timeout := flag.Duration("timeout", 10*time.Minute, "give up on one request after this")
	first := flag.Bool("first", false, "poll with the one query until it is answered; print the time taken")
	within := flag.Duration("within", 2*time.Minute, "with -first, give up after this")
	since := flag.Int64("since", 0, "with -first, count from this Unix time in nanoseconds")
	var extra params
	flag.Var(&extra, "param", "add `key=value` to every request (repeatable), e.g. default-graph-uri=...")
	flag.Parse()
	if *endpoint == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: httpbench -url URL [-runs N] [-warmup N] [-param k=v] QUERY.rq...")
		os.Exit(2)
	}
	c := &client{url: *endpoint, extra: extra, http: &http.Client{Timeout: *timeout}}
	if *first {
		start := time.Now()
		if *since != 0 {
			start = time.Unix(0, *since)
		}
		if err := c.first(flag.Arg(0), start, *within); err != nil {
			fmt.Fprintln(os.Stderr, "httpbench:", err)
			os.Exit(1)
		}
		return
	}
	failed := false
	for _, file := range flag.Args() {
		name := strings.TrimSuffix(filepath.Base(file), ".rq")
		ms, n, err := c.time(file, *warmup, *runs)
		if err != nil {
			fmt.Fprintf(os.Stderr, "httpbench: %s: %v\n", name, err)
			fmt.Printf("%s\t-\tERROR\n", name)
			failed = true
			continue
		}
		fmt.Printf("%s\t%.1f\t%d\n", name, ms, n)
	}
	if failed {
		os.Exit(1)
	}
}

type client struct {
	url   string
	extra params
	http  *http.Client
}

// time runs one query file warmup+runs times and returns the median of
// the timed runs and the result count of the last.
func (c *client) time(file string, warmup, runs int) (float64, int, error) {
	text, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, err
	}
	var times []float64
	n := 0
	for i := 0; i < warmup+runs; i++ {
		d, body, graph, err := c.send(string(text))
		if err != nil {
			return 0, 0, err
		}
		if n, err = count(body, graph); err != nil {
			return 0, 0, err
		}
		if i >= warmup {
			times = append(times, float64(d.Microseconds())/1000)
		}
	}
	slices.Sort(times)
	return times[len(times)/2], n, nil
}

func (c *client) first(file string, start time.Time, within time.Duration) error {
	text, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	c.http.Timeout = within
	for {
		_, body, graph, err := c.send(string(text))
		if err == nil {
			if _, err = count(body, graph); err == nil {
				fmt.Printf("%.1f\n", float64(time.Since(start).Microseconds())/1000)
				return nil
			}
		}
		if time.Since(start) > within {
			return fmt.Errorf("no answer within %v: %v", within, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// send posts one query and returns the time to the end of the answer, the
// answer, and whether it is a graph (N-Triples) rather than results.
func (c *client) send(query string) (time.Duration, []byte, bool, error) {
	graph := slices.Contains([]string{"CONSTRUCT", "DESCRIBE"}, form(query))
	accept := "application/sparql-results+json"
	if graph {
		accept = "application/n-triples"
	}
	v := url.Values{"query": {query}}
	for _, kv := range c.extra {
		k, val, _ := strings.Cut(kv, "=")
		v.Add(k, val)
	}
	req, err := http.NewRequest("POST", c.url, strings.NewReader(v.Encode()))
	if err != nil {
		return 0, nil, graph, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", accept)
	t0 := time.Now()
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, graph, err
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	d := time.Since(t0)
	if err != nil {
		return 0, nil, graph, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, nil, graph, fmt.Errorf("%s: %.300s", res.Status, body)
	}
	return d, body, graph, nil
}

var prologue = regexp.MustCompile(`(?is)^\s*(?:#[^\n]*|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)`)
var keyword = regexp.MustCompile(`^\s*([A-Za-z]+)`)

// form is the query's first keyword after its prologue, upper-cased.
func form(q string) string {
	for {
		loc := prologue.FindStringIndex(q)
		if loc == nil {
			break
		}
		q = q[loc[1]:]
	}
	m := keyword.FindStringSubmatch(q)
	if m == nil {
		return ""
	}
	return strings.ToUpper(m[1])
}

// count counts the results in an answer: solutions, 1 for a boolean, or
// distinct non-comment lines of N-Triples.
func count(body []byte, graph bool) (int, error) {
	if graph {
		seen := map[string]bool{}
		sc := bufio.NewScanner(bytes.NewReader(body))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line != "" && !strings.HasPrefix(line, "#") {
				seen[line] = true
			}
		}
		return len(seen), sc.Err()
	}
	var r struct {
		Boolean *bool `json:"boolean"`
		Results *struct {
			Bindings []json.RawMessage `json:"bindings"`
		} `json:"results"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return 0, fmt.Errorf("not SPARQL JSON results: %v: %.200s", err, body)
	}
	switch {
	case r.Boolean != nil:
		return 1, nil
	case r.Results != nil:
		return len(r.Results.Bindings), nil
	}
	return 0, errors.New("SPARQL JSON results with neither boolean nor results")
}
