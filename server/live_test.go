package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// TestLiveClosesReplacedGraphs: a replaced graph is closed when the last
// request on it ends, not before and not later; with no request under way
// it is closed at once; requests after a swap see the new graph.
func TestLiveClosesReplacedGraphs(t *testing.T) {
	var closed [3]atomic.Bool
	started, finish := make(chan struct{}), make(chan struct{})
	graph := func(i int, block bool) (http.Handler, func()) {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if block {
				started <- struct{}{}
				<-finish
			}
			io.WriteString(w, string(rune('A'+i)))
		})
		return h, func() {
			if closed[i].Swap(true) {
				t.Errorf("graph %d closed twice", i)
			}
		}
	}
	live := NewLive(graph(0, true))
	body := func() string {
		w := httptest.NewRecorder()
		live.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		return w.Body.String()
	}
	done := make(chan string)
	go func() { done <- body() }()
	<-started // a request is under way on graph 0
	live.Swap(graph(1, false))
	if closed[0].Load() {
		t.Fatal("graph 0 closed while a request used it")
	}
	if got := body(); got != "B" {
		t.Errorf("after the swap a request saw %q, want B", got)
	}
	close(finish)
	if got := <-done; got != "A" {
		t.Errorf("the request under way finished on %q, want A", got)
	}
	if !closed[0].Load() {
		t.Error("graph 0 not closed when its last request ended")
	}
	live.Swap(graph(2, false))
	if !closed[1].Load() {
		t.Error("idle graph 1 not closed at the swap")
	}
	live.Close()
	if !closed[2].Load() {
		t.Error("Close left the current graph open")
	}
}
