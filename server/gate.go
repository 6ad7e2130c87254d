package server

import (
	"context"
	"net/http"
)

// retryAfter is the Retry-After, in seconds, of a request refused because
// the server is busy with other queries.
const retryAfter = 2

// Gate bounds the queries evaluated at once: a query beyond the running
// bound waits in a queue of bounded length, and one beyond that is
// refused with 503 and Retry-After, as is one whose deadline passes while
// it waits. One Gate may be shared by the servers of successive graphs.
type Gate struct {
	running chan struct{}
	queue   chan struct{}
}

// NewGate returns a Gate that runs at most running queries at once (at
// least one) and lets at most queued wait (zero for none).
func NewGate(running, queued int) *Gate {
	return &Gate{running: make(chan struct{}, max(running, 1)), queue: make(chan struct{}, max(queued, 0))}
}

// enter waits for a turn; the caller calls leave when its query is done.
func (g *Gate) enter(ctx context.Context) error {
	select {
	case g.running <- struct{}{}:
		return nil
	default:
	}
	select {
	case g.queue <- struct{}{}:
	default:
		return busy("the server is running and queueing as many queries as it takes; try again shortly")
	}
	defer func() { <-g.queue }()
	select {
	case g.running <- struct{}{}:
		return nil
	case <-ctx.Done():
		return busy("the query's deadline passed while it waited for other queries to finish; try again shortly")
	}
}

func (g *Gate) leave() { <-g.running }

// busy is a 503 that asks the client to retry.
func busy(msg string) *httpError {
	return &httpError{status: http.StatusServiceUnavailable, msg: msg, retryAfter: retryAfter}
}
