package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"kg/store"
)

const (
	defaultStore = "data/kg"
	defaultBase  = "https://w3id.org/regionalkg/"
)

// usageError marks errors in how kg was called; they exit with 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	if errors.Is(err, context.Canceled) {
		return 130
	}
	return 1
}

// oneLine keeps error messages to a single line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// openStore opens the store named by --store.
func openStore(c *cli.Context, readOnly bool) (store.Store, error) {
	st, err := store.Open(c.Context, global(c, "store"), store.Options{ReadOnly: readOnly})
	if errors.Is(err, store.ErrCorrupt) {
		return nil, fmt.Errorf("%w (kg build rebuilds it from the seeds)", err)
	}
	return st, err
}

// global returns a global flag's value even where a command defines a flag
// of the same name (kg query has its own --base).
func global(c *cli.Context, name string) string {
	for _, ctx := range c.Lineage() {
		if ctx.Command == nil || ctx.Command.Name == "" || ctx.Command.Name == c.App.Name {
			return ctx.String(name)
		}
	}
	return c.String(name)
}

// baseIRI returns the global --base, checked and ending in / or #.
func baseIRI(c *cli.Context) (string, error) {
	b := global(c, "base")
	if !strings.HasPrefix(b, "http://") && !strings.HasPrefix(b, "https://") {
		return "", usagef("--base %q: want an absolute http(s) IRI", b)
	}
	if !strings.HasSuffix(b, "/") && !strings.HasSuffix(b, "#") {
		b += "/"
	}
	return b, nil
}

// logger prints progress and notes on stderr: progress only on a
// terminal, nothing with --quiet.
type logger struct {
	quiet, verbose, tty bool
	last                time.Time
	w                   io.Writer
}

func newLogger(c *cli.Context) *logger {
	fi, err := os.Stderr.Stat()
	tty := err == nil && fi.Mode()&os.ModeCharDevice != 0
	return &logger{quiet: c.Bool("quiet"), verbose: c.Bool("verbose"), tty: tty, w: os.Stderr}
}

// Progress redraws one status line, at most ten times a second.
func (l *logger) Progress(stage string, done, total int) {
	if l.quiet || !l.tty {
		return
	}
	if now := time.Now(); now.Sub(l.last) > 100*time.Millisecond || done == total {
		l.last = now
		if total > 0 {
			fmt.Fprintf(l.w, "\r\033[K%s %d/%d", stage, done, total)
		} else {
			fmt.Fprintf(l.w, "\r\033[K%s %d", stage, done)
		}
	}
}

// Done ends a progress line.
func (l *logger) Done() {
	if !l.quiet && l.tty {
		fmt.Fprint(l.w, "\r\033[K")
	}
}

// Notef prints a note unless --quiet.
func (l *logger) Notef(format string, args ...any) {
	if !l.quiet {
		fmt.Fprintf(l.w, format+"\n", args...)
	}
}

// Debugf prints only with -v.
func (l *logger) Debugf(format string, args ...any) {
	if l.verbose && !l.quiet {
		fmt.Fprintf(l.w, format+"\n", args...)
	}
}

// atomicFile writes to a temporary file beside path and renames it into
// place on Commit, so a failed export never leaves a partial file.
type atomicFile struct {
	*os.File
	path string
}

func createAtomic(path string) (*atomicFile, error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	return &atomicFile{File: f, path: path}, nil
}

func (f *atomicFile) Commit() error {
	if err := f.File.Sync(); err != nil {
		f.Abort()
		return err
	}
	if err := f.File.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	os.Chmod(f.Name(), 0o644)
	return os.Rename(f.Name(), f.path)
}

func (f *atomicFile) Abort() {
	f.File.Close()
	os.Remove(f.Name())
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
