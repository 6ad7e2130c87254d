package store

import (
	"context"
	"net"
	"net/url"
	"strings"
	"testing"
)

// A server that accepts the connection but never answers makes Open fail
// (after connect_timeout) instead of hanging.
func TestPostgresConnectTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn // accepted and never answered
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	u := "postgres://kg:secret@" + ln.Addr().String() + "/kg?sslmode=disable&connect_timeout=1"
	_, err = Open(context.Background(), u, Options{})
	if err == nil || !strings.Contains(err.Error(), "did not answer within 1s") || strings.Contains(err.Error(), "secret") {
		t.Fatalf("got %v", err)
	}
}

func TestConnectTimeoutDefault(t *testing.T) {
	p, err := url.Parse(withConnectTimeout("postgres://u@h/db?sslmode=disable"))
	if err != nil || p.Query().Get("connect_timeout") != "10" || p.Query().Get("sslmode") != "disable" {
		t.Errorf("got %v, %v", p, err)
	}
	if got := withConnectTimeout("postgres://u@h/db?connect_timeout=3"); got != "postgres://u@h/db?connect_timeout=3" {
		t.Errorf("an explicit timeout was changed: %s", got)
	}
}
