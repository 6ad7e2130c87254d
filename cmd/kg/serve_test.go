package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"kg/rdfio"
	"kg/sparql/results"
	"kg/term"
)

const (
	kgoNS   = "https://w3id.org/regionalkg/ontology#"
	idSkane = defaultBase + "id/region-skane"
)

// lockedBuffer collects a child's stderr while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) WriteLine(s string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.b.WriteString(s)
	l.b.WriteByte('\n')
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// kgServer is a running kg serve process.
type kgServer struct {
	t      *testing.T
	cmd    *exec.Cmd
	url    string // http://HOST:PORT/
	stderr *lockedBuffer
	exited chan struct{}
	err    error // from Wait, once exited is closed
}

var servingLine = regexp.MustCompile(` at http://([^/\s]+)/`)

// startServe runs kg serve on a port the kernel picks and waits for the
// line that names the address.
func startServe(t *testing.T, dir string, args ...string) *kgServer {
	t.Helper()
	seeds, _ := filepath.Abs("../../seeds")
	argv := append([]string{"--seeds", seeds}, args...)
	argv = append(argv, "serve", "--addr", "127.0.0.1:0")
	cmd := exec.Command(kgBin, argv...)
	cmd.Dir = dir
	pipe, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &kgServer{t: t, cmd: cmd, stderr: &lockedBuffer{}, exited: make(chan struct{})}
	addr := make(chan string, 1)
	scanned := make(chan struct{})
	go func() {
		defer close(scanned)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			s.stderr.WriteLine(sc.Text())
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
	}()
	go func() {
		<-scanned // Wait closes the pipe; read it to the end first
		s.err = cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			cmd.Process.Kill()
			<-s.exited
		}
	})
	select {
	case a := <-addr:
		s.url = "http://" + a + "/"
	case <-s.exited:
		t.Fatalf("kg serve exited before serving: %v\n%s", s.err, s.stderr)
	case <-time.After(60 * time.Second):
		t.Fatalf("kg serve did not say where it listens within a minute; stderr:\n%s", s.stderr)
	}
	return s
}

// stop sends SIGINT, as Ctrl+C does, and checks for a clean exit.
func (s *kgServer) stop() {
	s.t.Helper()
	s.interrupt()
	s.waitExit()
}

func (s *kgServer) interrupt() {
	s.t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGINT); err != nil {
		s.t.Fatal(err)
	}
}

// waitExit waits for the process to end and checks it ended with 0 after
// saying it shuts down.
func (s *kgServer) waitExit() {
	s.t.Helper()
	select {
	case <-s.exited:
	case <-time.After(30 * time.Second):
		s.t.Fatalf("kg serve still running 30s after SIGINT; stderr:\n%s", s.stderr)
	}
	if s.err != nil {
		s.t.Errorf("kg serve after SIGINT: %v (want exit 0); stderr:\n%s", s.err, s.stderr)
	}
	if !strings.Contains(s.stderr.String(), "shutting down") {
		s.t.Errorf("kg serve did not say it shuts down; stderr:\n%s", s.stderr)
	}
}

// waitFor waits until stderr holds text.
func (s *kgServer) waitFor(text string) {
	s.t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(s.stderr.String(), text) {
			return
		}
	}
	s.t.Fatalf("kg serve did not print %q; stderr:\n%s", text, s.stderr)
}

// get fetches path (relative to the server's root) with the given Accept.
func (s *kgServer) get(path, accept string) (*http.Response, []byte) {
	s.t.Helper()
	req, err := http.NewRequest("GET", s.url+strings.TrimPrefix(path, "/"), nil)
	if err != nil {
		s.t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return s.do(req)
}

func (s *kgServer) do(req *http.Request) (*http.Response, []byte) {
	s.t.Helper()
	client := &http.Client{Timeout: 60 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	return resp, body
}

// storeState describes every entry under a store directory: kind, size,
// modification time and content hash, and the targets of symbolic links,
// so that any write to the store shows as a difference.
func storeState(t *testing.T, dir string) map[string]string {
	t.Helper()
	state := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		info, err := d.Info()
		if err != nil {
			return err
		}
		mtime := info.ModTime().UTC().Format(time.RFC3339Nano)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			state[rel] = "link " + target
		case d.IsDir():
			state[rel] = "dir " + mtime
		default:
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			state[rel] = fmt.Sprintf("file %d %s %x", len(data), mtime, sha256.Sum256(data))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return state
}

func diffState(before, after map[string]string) []string {
	var diffs []string
	for k, v := range before {
		if w, ok := after[k]; !ok {
			diffs = append(diffs, "removed "+k)
		} else if w != v {
			diffs = append(diffs, fmt.Sprintf("changed %s: %s -> %s", k, v, w))
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			diffs = append(diffs, "added "+k)
		}
	}
	slices.Sort(diffs)
	return diffs
}

func hasManifest(state map[string]string) bool {
	for k := range state {
		if filepath.Base(k) == "MANIFEST" {
			return true
		}
	}
	return false
}

func TestServe(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	mustKG(t, dir, "--store", store, "build")
	before := storeState(t, store)
	if !hasManifest(before) {
		t.Fatalf("no MANIFEST in the built store: %v", before)
	}

	s := startServe(t, dir, "--store", store)

	t.Run("front page", func(t *testing.T) {
		resp, body := s.get("/", "text/html")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET /: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if !bytes.Contains(body, []byte(`id="class-counts"`)) {
			t.Errorf("front page has no class counts:\n%.500s", body)
		}
	})

	t.Run("entity as Turtle", func(t *testing.T) {
		resp, body := s.get("/id/region-skane", "text/turtle")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/turtle") {
			t.Fatalf("GET /id/region-skane as Turtle: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if loc := resp.Header.Get("Content-Location"); !strings.HasSuffix(loc, "/id/region-skane.ttl") {
			t.Errorf("Content-Location %q, want the .ttl document", loc)
		}
		got := parseRDF(t, "ttl", string(body))
		for _, want := range []term.Quad{
			{S: term.IRI(idSkane), P: term.IRI(term.RDFType), O: term.IRI(kgoNS + "Region")},
			{S: term.IRI(idSkane), P: term.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: term.LangString("Region Skåne", "sv")},
		} {
			if !slices.Contains(got, want) {
				t.Errorf("description of region-skane lacks %v", want)
			}
		}
	})

	t.Run("entity as HTML", func(t *testing.T) {
		resp, body := s.get("/id/region-skane", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("GET /id/region-skane as HTML: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if !bytes.Contains(body, []byte("Region Skåne")) || !bytes.Contains(body, []byte(idSkane)) {
			t.Errorf("page of region-skane lacks its label or IRI")
		}
	})

	t.Run("unknown IRI", func(t *testing.T) {
		if resp, _ := s.get("/id/no-such-region", "text/turtle"); resp.StatusCode != 404 {
			t.Errorf("GET /id/no-such-region: %d, want 404", resp.StatusCode)
		}
	})

	t.Run("sparql", func(t *testing.T) {
		ask := `ASK { <` + idSkane + `> a <` + kgoNS + `Region> }`
		resp, body := s.get("/sparql?query="+url.QueryEscape(ask), "application/sparql-results+json")
		if resp.StatusCode != 200 {
			t.Fatalf("GET /sparql ASK: %d %s", resp.StatusCode, body)
		}
		res, err := results.ReadJSON(bytes.NewReader(body))
		if err != nil || res.Boolean == nil || !*res.Boolean {
			t.Errorf("ASK: %v %s", err, body)
		}

		count := `SELECT (COUNT(?r) AS ?n) WHERE { ?r a <` + kgoNS + `Region> }`
		req, _ := http.NewRequest("POST", s.url+"sparql", strings.NewReader(count))
		req.Header.Set("Content-Type", "application/sparql-query")
		req.Header.Set("Accept", "text/csv")
		resp, body = s.do(req)
		if resp.StatusCode != 200 || strings.TrimSpace(string(body)) != "n\r\n21" {
			t.Errorf("POST /sparql COUNT: %d %q", resp.StatusCode, body)
		}

		resp, body = s.get("/sparql?query="+url.QueryEscape("SELECT * WHERE { ?s ?p }"), "application/sparql-results+json")
		if resp.StatusCode != 400 || !regexp.MustCompile(`\d+:\d+`).Match(body) {
			t.Errorf("syntax error: %d %q, want 400 with line:column", resp.StatusCode, body)
		}
	})

	// The store is read with a shared lock, so kg query runs beside the server.
	if out := mustKG(t, dir, "--store", store, "query", "--results", "csv", `ASK {}`); !strings.Contains(out, "true") {
		t.Errorf("kg query beside kg serve: %q", out)
	}

	// Graceful shutdown: a request whose body is still arriving when
	// SIGINT comes is answered; new connections are not accepted.
	conn, err := net.Dial("tcp", strings.TrimSuffix(strings.TrimPrefix(s.url, "http://"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	body := "SELECT (COUNT(?r) AS ?n) WHERE { ?r a <" + kgoNS + "Region> }"
	fmt.Fprintf(conn, "POST /sparql HTTP/1.1\r\nHost: kg\r\nContent-Type: application/sparql-query\r\n"+
		"Accept: text/csv\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:10])
	time.Sleep(100 * time.Millisecond) // let the server read the headers, so the connection is active
	s.interrupt()
	s.waitFor("shutting down")
	// The note comes just before the listener closes; allow a moment.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", conn.RemoteAddr().String(), time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Error("kg serve still accepts connections 5s after SIGINT")
			break
		}
	}
	io.WriteString(conn, body[10:])
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("request in flight at SIGINT: %v", err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.TrimSpace(string(answer)) != "n\r\n21" {
		t.Errorf("request in flight at SIGINT: %d %q", resp.StatusCode, answer)
	}
	s.waitExit()
	if d := diffState(before, storeState(t, store)); len(d) > 0 {
		t.Errorf("serving changed the store:\n%s", strings.Join(d, "\n"))
	}
}

func TestServeFails(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	mustKG(t, dir, "--store", store, "build")
	// A port that is taken for as long as the test runs.
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unbuilt store", []string{"--store", filepath.Join(dir, "empty"), "serve", "--addr", "127.0.0.1:0"}, 1, "kg build"},
		{"zero max results", []string{"--store", store, "serve", "--addr", "127.0.0.1:0", "--max-results", "0"}, 2, "--max-results"},
		{"negative max body", []string{"--store", store, "serve", "--addr", "127.0.0.1:0", "--max-body", "-1"}, 2, "--max-body"},
		{"zero timeout", []string{"--store", store, "serve", "--addr", "127.0.0.1:0", "--timeout", "0s"}, 2, "--timeout"},
		{"not a number", []string{"--store", store, "serve", "--addr", "127.0.0.1:0", "--max-results", "many"}, 2, "max-results"},
		{"extra argument", []string{"--store", store, "serve", "--addr", "127.0.0.1:0", "now"}, 2, `"now"`},
		{"bad base", []string{"--store", store, "--base", "w3id.org/x", "serve", "--addr", "127.0.0.1:0"}, 2, "--base"},
		{"port taken", []string{"--store", store, "serve", "--addr", busy.Addr().String()}, 1, busy.Addr().String()},
		{"bad address", []string{"--store", store, "serve", "--addr", "127.0.0.1:http-alt-x"}, 1, "serve:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := kg(t, dir, c.args...)
			if r.code == 0 {
				t.Fatalf("exit 0; stderr %q", r.stderr)
			}
			if c.code != 0 && r.code != c.code {
				t.Errorf("exit %d, want %d", r.code, c.code)
			}
			msg := strings.TrimSpace(r.stderr)
			if strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
				t.Errorf("want one line mentioning %q, got %q", c.want, msg)
			}
		})
	}
}

// clientLine is one line of testdata/sparqlclient/client.py's output.
type clientLine struct {
	Query    string          `json:"query"`
	Client   string          `json:"client"`
	Form     string          `json:"form"`
	Results  json.RawMessage `json:"results"`
	NTriples string          `json:"ntriples"`
}

const systemPython = "/usr/bin/python3"

// requireClients skips, or fails where the clients are required (CI),
// when the system Python lacks SPARQLWrapper or rdflib.
func requireClients(t *testing.T) {
	t.Helper()
	out, err := exec.Command(systemPython, "-c", "import SPARQLWrapper, rdflib").CombinedOutput()
	if err == nil {
		return
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	msg := fmt.Sprintf("%s cannot import SPARQLWrapper and rdflib (apt-get install python3-sparqlwrapper python3-rdflib): %v: %s",
		systemPython, err, lines[len(lines)-1])
	if os.Getenv("KG_REQUIRE_CLIENTS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// TestServeSPARQLClients runs queries through clients written elsewhere
// (SPARQLWrapper, rdflib's SPARQLStore) against kg serve, over GET, form
// POST and direct POST, with JSON, XML, Turtle and RDF/XML responses, and
// checks each answer against kg query over the same store.
func TestServeSPARQLClients(t *testing.T) {
	requireClients(t)
	queries, err := filepath.Glob(filepath.Join("testdata", "sparqlclient", "*.rq"))
	if err != nil || len(queries) == 0 {
		t.Fatalf("no queries in testdata/sparqlclient: %v", err)
	}
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	mustKG(t, dir, "--store", store, "build")
	s := startServe(t, dir, "--store", store)

	abs := make([]string, len(queries))
	for i, q := range queries {
		abs[i], _ = filepath.Abs(q)
	}
	script, _ := filepath.Abs(filepath.Join("testdata", "sparqlclient", "client.py"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, systemPython, append([]string{script, s.url + "sparql"}, abs...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("client.py: %v\n%s\nserver:\n%s", err, stderr.String(), s.stderr)
	}
	answers := map[string]clientLine{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var cl clientLine
		if err := json.Unmarshal([]byte(line), &cl); err != nil {
			t.Fatalf("client.py output %q: %v", line, err)
		}
		answers[cl.Query] = cl
	}

	for _, q := range queries {
		name := filepath.Base(q)
		t.Run(strings.TrimSuffix(name, ".rq"), func(t *testing.T) {
			cl, ok := answers[name]
			if !ok {
				t.Fatalf("client.py printed no answer for %s", name)
			}
			switch cl.Form {
			case "select", "ask":
				got, err := results.ReadJSON(bytes.NewReader(cl.Results))
				if err != nil {
					t.Fatalf("%s: %v", cl.Client, err)
				}
				want, err := results.ReadJSON(strings.NewReader(mustKG(t, dir, "--store", store, "query", "--results", "json", "--query", abs[slices.Index(queries, q)])))
				if err != nil {
					t.Fatalf("kg query --results json: %v", err)
				}
				if (cl.Form == "ask") != (want.Boolean != nil) {
					t.Fatalf("%s says %s; kg query disagrees", cl.Client, cl.Form)
				}
				if cl.Form == "select" && len(want.Rows) == 0 {
					t.Fatalf("kg query finds no solutions; the query tests nothing")
				}
				if !results.Equal(got, want) {
					t.Errorf("%s and kg query differ:\nclient:\n%s\nkg query:\n%s", cl.Client, canonicalRows(got), canonicalRows(want))
				}
				if want.Boolean != nil {
					t.Logf("%s: %v, as kg query", cl.Client, *want.Boolean)
				} else {
					t.Logf("%s: %d solutions, as kg query", cl.Client, len(want.Rows))
				}
			case "graph":
				got := parseRDF(t, "nt", cl.NTriples)
				want := parseRDF(t, "nt", mustKG(t, dir, "--store", store, "query", "--format", "nt", "--query", abs[slices.Index(queries, q)]))
				if len(want) == 0 {
					t.Fatalf("kg query constructs nothing; the query tests nothing")
				}
				if !rdfio.Isomorphic(got, want) {
					t.Errorf("%s and kg query construct different graphs (%d and %d triples):\nclient:\n%s\nkg query:\n%s",
						cl.Client, len(got), len(want), cl.NTriples, canonicalQuads(want))
				}
				t.Logf("%s: %d triples, isomorphic to kg query's", cl.Client, len(want))
			default:
				t.Fatalf("client.py: unknown form %q", cl.Form)
			}
		})
	}
	s.stop()
}

// canonicalRows prints a result with its rows sorted, for failure messages.
func canonicalRows(r *results.Result) string {
	if r.Boolean != nil {
		return fmt.Sprint(*r.Boolean)
	}
	lines := make([]string, len(r.Rows))
	for i, row := range r.Rows {
		cells := make([]string, len(row))
		for j, v := range row {
			cells[j] = r.Vars[j] + "=" + v.String()
		}
		slices.Sort(cells)
		lines[i] = strings.Join(cells, " ")
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func canonicalQuads(qs []term.Quad) string {
	lines := make([]string, len(qs))
	for i, q := range qs {
		lines[i] = fmt.Sprint(q)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// TestServeReloads: kg load commits to the store while kg serve runs (the
// server holds no lock on it); the server picks up the new graph, and
// resources that came with it dereference.
func TestServeReloads(t *testing.T) {
	dir := t.TempDir()
	st := filepath.Join(dir, "store")
	mustKG(t, dir, "--store", st, "build")
	s := startServe(t, dir, "--store", st)

	const ask = `ASK { <https://w3id.org/regionalkg/id/reload-probe> ?p ?o }`
	answer := func() string {
		resp, body := s.get("/sparql?query="+url.QueryEscape(ask), "application/sparql-results+json")
		if resp.StatusCode != 200 {
			t.Fatalf("ASK: %d %s", resp.StatusCode, body)
		}
		return string(body)
	}
	if a := answer(); !strings.Contains(a, "false") {
		t.Fatalf("the probe is there before loading: %s", a)
	}
	extra := filepath.Join(dir, "extra.ttl")
	os.WriteFile(extra, []byte(`<https://w3id.org/regionalkg/id/reload-probe> <http://www.w3.org/2000/01/rdf-schema#label> "reload probe"@en .`+"\n"), 0o644)
	mustKG(t, dir, "--store", st, "load", extra)
	s.waitFor("newly committed")
	if a := answer(); !strings.Contains(a, "true") {
		t.Fatalf("after the reload the probe is missing: %s", a)
	}
	resp, body := s.get("/id/reload-probe", "text/turtle")
	if resp.StatusCode != 200 || !bytes.Contains(body, []byte("reload probe")) {
		t.Fatalf("GET /id/reload-probe: %d\n%s", resp.StatusCode, body)
	}
	s.stop()
}
