package disk

import (
	"encoding/binary"
	"errors"

	"kg/term"
)

// ErrCorrupt marks a generation whose files do not match their manifest
// or their own headers.
var ErrCorrupt = errors.New("store is corrupt or unreadable")

// The files of a generation.
const (
	Manifest    = "MANIFEST"
	termsFile   = "terms.dat"
	graphsFile  = "graphs.dat"
	manifestTag = "kg-store 2"
	headerSize  = 16 // 8-byte magic, 8-byte count
	graphSize   = 24 // key, padding, start, count
)

// orderFiles are the three sorted orders of the triples, in this order.
var orderFiles = [3]string{"spo.dat", "pos.dat", "osp.dat"}

// Magic numbers of the files; the last byte is the format version.
var (
	termsMagic  = [8]byte{'k', 'g', 't', 'e', 'r', 'm', 0, 1}
	graphsMagic = [8]byte{'k', 'g', 'g', 'r', 'a', 'p', 0, 1}
	orderMagic  = [3][8]byte{
		{'k', 'g', 's', 'p', 'o', 0, 0, 1},
		{'k', 'g', 'p', 'o', 's', 0, 0, 1},
		{'k', 'g', 'o', 's', 'p', 0, 0, 1},
	}
)

// Graph keys: the union of all graphs sorts first, then the default graph
// of the stored quads, then each named graph at its term id plus one.
const (
	unionKey   = 0
	defaultKey = 1
)

func keyOf(graphID uint32) uint32 { return graphID + 1 }

// encodeTerm appends the dictionary record of t: its kind, its value and
// its datatype each after its length as a uvarint, then its language tag.
func encodeTerm(buf []byte, t term.Term) []byte {
	buf = append(buf, byte(t.Kind))
	buf = binary.AppendUvarint(buf, uint64(len(t.Value)))
	buf = append(buf, t.Value...)
	buf = binary.AppendUvarint(buf, uint64(len(t.Datatype)))
	buf = append(buf, t.Datatype...)
	return append(buf, t.Lang...)
}

// decodeTerm reads a record written by encodeTerm; ok is false when rec
// is not one.
func decodeTerm(rec []byte) (t term.Term, ok bool) {
	if len(rec) < 3 || rec[0] == 0 || term.Kind(rec[0]) > term.KindLiteral {
		return t, false
	}
	t.Kind = term.Kind(rec[0])
	rest := rec[1:]
	for _, f := range []*string{&t.Value, &t.Datatype} {
		n, w := binary.Uvarint(rest)
		if w <= 0 || n > uint64(len(rest)-w) {
			return term.Term{}, false
		}
		*f = string(rest[w : w+int(n)])
		rest = rest[w+int(n):]
	}
	t.Lang = string(rest)
	return t, true
}
