package results

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"kg/term"
)

// tableLookahead is how many rows the table writer holds to size its
// columns; later rows reuse those widths, so memory stays bounded.
const tableLookahead = 1000

// tableMaxWidth caps a column's width; longer values overflow their cell
// rather than widening every row.
const tableMaxWidth = 60

// TableWriter writes results as a text table for terminals: aligned
// columns, IRIs shortened with the given prefixes, literals in Turtle
// syntax, and a line with the row count at the end. Widths count terminal
// cells, so combining marks (decomposed å, ä, ö) take none and East Asian
// wide characters take two.
type TableWriter struct {
	w        *bufio.Writer
	vars     []string
	prefixes []prefix
	pending  [][]string
	widths   []int
	started  bool
	rows     int
	line     []byte
}

type prefix struct{ label, ns string }

// NewTableWriter returns a Writer of text tables.
func NewTableWriter(w io.Writer, opt Options) *TableWriter {
	t := &TableWriter{w: bufio.NewWriter(w)}
	for label, ns := range opt.Prefixes {
		if ns != "" {
			t.prefixes = append(t.prefixes, prefix{label, ns})
		}
	}
	// Longest namespace first, so the most specific prefix wins.
	sort.Slice(t.prefixes, func(i, j int) bool {
		a, b := t.prefixes[i], t.prefixes[j]
		if len(a.ns) != len(b.ns) {
			return len(a.ns) > len(b.ns)
		}
		return a.label < b.label
	})
	return t
}

// Begin implements Writer.
func (t *TableWriter) Begin(vars []string) error {
	if err := checkVars(vars); err != nil {
		return err
	}
	t.vars = append([]string(nil), vars...)
	t.widths = make([]int, len(vars))
	for i, v := range vars {
		t.widths[i] = min(DisplayWidth(v)+1, tableMaxWidth)
	}
	return nil
}

// Row implements Writer.
func (t *TableWriter) Row(values []term.Term) error {
	if len(values) != len(t.vars) {
		return errRowWidth(len(values), len(t.vars))
	}
	cells := make([]string, len(values))
	for i, v := range values {
		cells[i] = t.Cell(v)
	}
	t.rows++
	if t.started {
		t.writeRow(cells)
		return nil
	}
	for i, c := range cells {
		t.widths[i] = max(t.widths[i], min(DisplayWidth(c), tableMaxWidth))
	}
	t.pending = append(t.pending, cells)
	if len(t.pending) >= tableLookahead {
		t.flushPending()
	}
	return nil
}

// End implements Writer.
func (t *TableWriter) End() error {
	t.flushPending()
	if t.rows == 1 {
		t.w.WriteString("1 row\n")
	} else {
		fmt.Fprintf(t.w, "%d rows\n", t.rows)
	}
	return t.w.Flush()
}

func (t *TableWriter) flushPending() {
	if t.started {
		return
	}
	t.started = true
	if len(t.vars) > 0 {
		head := make([]string, len(t.vars))
		for i, v := range t.vars {
			head[i] = "?" + v
		}
		t.writeRow(head)
		for i, w := range t.widths {
			if i > 0 {
				t.w.WriteString("-+-")
			}
			t.w.WriteString(strings.Repeat("-", w))
		}
		t.w.WriteByte('\n')
	}
	for _, r := range t.pending {
		t.writeRow(r)
	}
	t.pending = nil
}

func (t *TableWriter) writeRow(cells []string) {
	if len(cells) == 0 {
		return // a solution of no variables has nothing to show
	}
	t.line = t.line[:0]
	for i, c := range cells {
		if i > 0 {
			t.line = append(t.line, " | "...)
		}
		t.line = append(t.line, c...)
		for pad := t.widths[i] - DisplayWidth(c); pad > 0 && i < len(cells)-1; pad-- {
			t.line = append(t.line, ' ')
		}
	}
	t.w.Write(bytes.TrimRight(t.line, " "))
	t.w.WriteByte('\n')
}

// Cell is how the table shows a term: a prefixed name where a prefix
// applies, else Turtle syntax, with numbers and booleans bare; "" for the
// zero term.
func (t *TableWriter) Cell(v term.Term) string {
	switch v.Kind {
	case term.KindIRI:
		if s, ok := t.shorten(v.Value); ok {
			return s
		}
	case term.KindLiteral:
		if v.Lang == "" {
			if v.Datatype == term.XSDBoolean && (v.Value == "true" || v.Value == "false") {
				return v.Value
			}
			if v.Datatype != term.XSDString {
				if s := TSVValue(v); !strings.HasPrefix(s, `"`) {
					return s
				}
				if dt, ok := t.shorten(v.Datatype); ok {
					return term.String(v.Value).String() + "^^" + dt
				}
			}
		}
	}
	return v.String()
}

// shorten writes iri as label:local when a prefix covers it and the local
// part is plain enough to read back as a prefixed name.
func (t *TableWriter) shorten(iri string) (string, bool) {
	for _, p := range t.prefixes {
		if local, ok := strings.CutPrefix(iri, p.ns); ok && plainLocal(local) {
			return p.label + ":" + local, true
		}
	}
	return "", false
}

func plainLocal(s string) bool {
	for i, r := range s {
		switch {
		case r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r):
		case r == '.' && i > 0 && i < len(s)-1:
		default:
			return false
		}
	}
	return true
}

func writeTableBoolean(w io.Writer, v bool) error {
	_, err := fmt.Fprintf(w, "%t\n", v)
	return err
}

// DisplayWidth is the number of terminal cells s takes: combining marks,
// format characters and zero-width joiners take none, East Asian wide and
// fullwidth characters (and most emoji) take two, all else one.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r < 0x300:
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return 0
		}
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf), r >= 0x1160 && r <= 0x11FF:
		return 0
	}
	for _, w := range wideRanges {
		if r < w[0] {
			return 1
		}
		if r <= w[1] {
			return 2
		}
	}
	return 1
}

// wideRanges are the East Asian Wide and Fullwidth blocks plus the emoji
// blocks terminals draw two cells wide, in ascending order.
var wideRanges = [][2]rune{
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x2614, 0x2615}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
	{0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60},
	{0xFFE0, 0xFFE6}, {0x1F004, 0x1F004}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
	{0x1F200, 0x1F2FF}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF},
	{0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
}
