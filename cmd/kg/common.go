package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

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
	w                   io.Writer
	stage               string // of cur
	cur                 *meter
}

func newLogger(c *cli.Context) *logger {
	tty := term.IsTerminal(int(os.Stderr.Fd()))
	quiet, verbose := false, false
	for _, ctx := range c.Lineage() {
		quiet = quiet || ctx.Bool("quiet")
		verbose = verbose || ctx.Bool("verbose")
	}
	return &logger{quiet: quiet, verbose: verbose, tty: tty, w: os.Stderr}
}

// Progress follows work reported as done of total per stage (ingest,
// eval): one meter per stage.
func (l *logger) Progress(stage string, done, total int) {
	if l.quiet || !l.tty {
		return
	}
	if l.cur == nil || stage != l.stage {
		l.cur.Finish()
		l.cur, l.stage = l.meter(stage, "", int64(total), false), stage
	}
	l.cur.Set(int64(done))
}

// Done ends the meter of Progress.
func (l *logger) Done() {
	l.cur.Finish()
	l.cur = nil
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
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("cannot write %s: is a directory", path)
	}
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
	if err := os.Rename(f.Name(), f.path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
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

// inputSize is the size of a file to read ("-": stdin when it is a regular
// file), 0 when unknown.
func inputSize(path string) int64 {
	var fi os.FileInfo
	var err error
	if path == "-" {
		fi, err = os.Stdin.Stat()
	} else {
		fi, err = os.Stat(path)
	}
	if err != nil || !fi.Mode().IsRegular() {
		return 0
	}
	return fi.Size()
}

// openInput opens a file to read, or stdin for "-", counting the bytes
// read on m and undoing gzip compression (a .gz name, or gzip's magic
// number on stdin).
func openInput(path string, m *meter) (io.ReadCloser, error) {
	f := io.NopCloser(os.Stdin)
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		f = file
	}
	br := bufio.NewReaderSize(m.Reader(f), 1<<16)
	magic, _ := br.Peek(2)
	gz := strings.HasSuffix(strings.ToLower(path), ".gz") || (path == "-" && len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
	if !gz {
		return readCloser{br, f}, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return readCloser{zr, f}, nil
}

type readCloser struct {
	io.Reader
	c io.Closer
}

func (r readCloser) Close() error { return r.c.Close() }
