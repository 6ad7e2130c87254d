package server

import (
	"net/http"
	"sync"
)

// Live serves one graph at a time and swaps in the next without a pause.
// Every request holds the graph it started on until it ends; a replaced
// graph is closed as soon as its last request has ended, so that the
// memory of successive graphs is not kept for any fixed time.
type Live struct {
	mu  sync.Mutex
	cur *liveGraph
}

// liveGraph is one graph: its handler, what closes it, and the requests
// using it, plus one while it is the current graph.
type liveGraph struct {
	h     http.Handler
	close func()
	refs  int
}

// NewLive serves h; close is called once h is replaced and idle.
func NewLive(h http.Handler, close func()) *Live {
	return &Live{cur: &liveGraph{h: h, close: close, refs: 1}}
}

// Swap makes h the graph new requests see; the previous one is closed
// when the requests using it have ended (at once when there are none).
func (l *Live) Swap(h http.Handler, close func()) {
	l.mu.Lock()
	old := l.cur
	l.cur = &liveGraph{h: h, close: close, refs: 1}
	l.mu.Unlock()
	l.release(old)
}

// Close closes the current graph once its requests have ended; the Live
// must not serve afterwards.
func (l *Live) Close() {
	l.mu.Lock()
	old := l.cur
	l.mu.Unlock()
	l.release(old)
}

func (l *Live) acquire() *liveGraph {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cur.refs++
	return l.cur
}

func (l *Live) release(g *liveGraph) {
	l.mu.Lock()
	g.refs--
	last := g.refs == 0
	l.mu.Unlock()
	if last && g.close != nil {
		g.close()
	}
}

// ServeHTTP serves the request on the current graph.
func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g := l.acquire()
	defer l.release(g)
	g.h.ServeHTTP(w, r)
}
