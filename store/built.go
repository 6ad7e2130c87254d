package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"kg/store/disk"
)

// Builder is implemented by stores that know when their graph was
// committed.
type Builder interface {
	// Built returns when the graph was committed; ok is false when the
	// store cannot tell.
	Built() (t time.Time, ok bool)
}

// Built returns when the live generation was committed: the time its
// manifest was written.
func (s *snapshot) Built() (time.Time, bool) {
	s.mu.Lock()
	gen := s.gen
	s.mu.Unlock()
	if gen == "" {
		return time.Time{}, false
	}
	fi, err := os.Stat(filepath.Join(s.gens.dir, gen, disk.Manifest))
	if err != nil {
		return time.Time{}, false
	}
	return fi.ModTime(), true
}

// BuiltAt is when the graph in st was built, for the dataset's
// dcterms:modified: the time in the environment variable SOURCE_DATE_EPOCH
// (seconds since 1970, the convention of reproducible builds) when it is
// set, else the commit time of a store that knows it, else now (a graph
// built in this process, or a store that cannot tell). A malformed
// SOURCE_DATE_EPOCH is an error.
func BuiltAt(st Store) (time.Time, error) {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want seconds since 1970-01-01", v)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if b, ok := st.(Builder); ok {
		if t, ok := b.Built(); ok {
			return t.UTC(), nil
		}
	}
	return time.Now().UTC(), nil
}
