package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

const (
	currentLink = "current"
	lockFile    = "LOCK"
	genPrefix   = "gen-"
)

// genDir is a store directory holding generations: complete, immutable
// builds of the graph, of which the symbolic link "current" names the live
// one. A new generation is written beside the current one and the link is
// switched only once it is complete and synced, so a failed or interrupted
// write never damages the graph being read.
type genDir struct {
	dir      string
	lock     *os.File
	readOnly bool
}

// lockMode says how a process holds a store directory.
type lockMode int

const (
	// lockNone: a reader that loads a whole generation into memory needs
	// no lock; generations are immutable and the link switches
	// atomically, so it reads either the old graph or the new one (it
	// retries when a writer removes the generation it was about to read).
	lockNone lockMode = iota
	// lockShared: a reader that keeps reading the generation's files
	// while open keeps writers out.
	lockShared
	// lockExclusive: one writer at a time.
	lockExclusive
)

func openGenDir(dir string, mode lockMode) (*genDir, error) {
	readOnly := mode != lockExclusive
	if !readOnly {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store %s: %w", dir, err)
		}
	}
	if mode == lockNone {
		return &genDir{dir: dir, readOnly: true}, nil
	}
	lock, err := acquireLock(filepath.Join(dir, lockFile), !readOnly)
	if readOnly && errors.Is(err, os.ErrNotExist) {
		// Reading creates nothing: a store never built has no lock file
		// (nor anything else) and is simply empty.
		return &genDir{dir: dir, readOnly: true}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", dir, err)
	}
	return &genDir{dir: dir, lock: lock, readOnly: readOnly}, nil
}

// current returns the path of the live generation; ok is false before the
// first build. The last element of path is the generation's name, which
// changes with every commit.
func (d *genDir) current() (path string, ok bool, err error) {
	gen, err := os.Readlink(filepath.Join(d.dir, currentLink))
	if errors.Is(err, os.ErrNotExist) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store %s: %w: %v", d.dir, ErrCorrupt, err)
	}
	return filepath.Join(d.dir, gen), true, nil
}

// create makes the directory of a new generation.
func (d *genDir) create() (string, error) {
	if d.readOnly {
		return "", fmt.Errorf("store %s: opened read-only", d.dir)
	}
	d.removeStale()
	path := filepath.Join(d.dir, genPrefix+strconv.FormatInt(time.Now().UnixNano(), 36))
	if err := os.Mkdir(path, 0o755); err != nil {
		return "", fmt.Errorf("store %s: %w", d.dir, err)
	}
	return path, nil
}

// commit makes the generation at path the live one.
func (d *genDir) commit(path string) error {
	tmpLink := filepath.Join(d.dir, currentLink+".new")
	os.Remove(tmpLink)
	if err := os.Symlink(filepath.Base(path), tmpLink); err != nil {
		return fmt.Errorf("store %s: %w", d.dir, err)
	}
	if err := os.Rename(tmpLink, filepath.Join(d.dir, currentLink)); err != nil {
		os.Remove(tmpLink)
		return fmt.Errorf("store %s: %w", d.dir, err)
	}
	syncDir(d.dir)
	return nil
}

// removeStale deletes generations other than the live one: leftovers of
// interrupted builds and replaced graphs.
func (d *genDir) removeStale() {
	cur, _ := os.Readlink(filepath.Join(d.dir, currentLink))
	entries, err := os.ReadDir(d.dir)
	if err != nil {
		return
	}
	for _, ent := range entries {
		if strings.HasPrefix(ent.Name(), genPrefix) && ent.Name() != cur {
			os.RemoveAll(filepath.Join(d.dir, ent.Name()))
		}
	}
}

func (d *genDir) close() {
	if d.lock != nil {
		d.lock.Close()
	}
}

// acquireLock takes an advisory lock without waiting, so a store held by
// another process fails at once instead of hanging.
func acquireLock(path string, exclusive bool) (*os.File, error) {
	flag := os.O_RDONLY
	if exclusive {
		flag = os.O_RDWR | os.O_CREATE
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			if pid := strings.TrimSpace(string(holder)); pid != "" {
				return nil, fmt.Errorf("%w (pid %s)", ErrLocked, pid)
			}
			return nil, ErrLocked
		}
		return nil, err
	}
	if exclusive {
		f.Truncate(0)
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return f, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(path string) {
	if d, err := os.Open(path); err == nil {
		d.Sync()
		d.Close()
	}
}
