package main

import (
	"bytes"
	"io"
	"os"
)

// heldLimit is how much held output stays in memory before the rest goes
// to a temporary file.
const heldLimit = 32 << 20

// heldOutput keeps what a command writes until it has succeeded, so that
// a command stopped half-way (by its deadline, a limit or an error)
// writes nothing rather than half a document. Output beyond heldLimit is
// kept in a temporary file.
type heldOutput struct {
	mem  bytes.Buffer
	file *os.File
}

func (h *heldOutput) Write(p []byte) (int, error) {
	if h.file == nil && h.mem.Len()+len(p) <= heldLimit {
		return h.mem.Write(p)
	}
	if h.file == nil {
		f, err := os.CreateTemp("", "kg-output-*")
		if err != nil {
			return 0, err
		}
		os.Remove(f.Name()) // unnamed: it goes away with the process
		h.file = f
	}
	return h.file.Write(p)
}

// WriteTo writes everything held to w and discards it.
func (h *heldOutput) WriteTo(w io.Writer) (int64, error) {
	n, err := h.mem.WriteTo(w)
	if err != nil || h.file == nil {
		return n, err
	}
	defer h.Discard()
	if _, err := h.file.Seek(0, io.SeekStart); err != nil {
		return n, err
	}
	m, err := io.Copy(w, h.file)
	return n + m, err
}

// Discard drops what is held.
func (h *heldOutput) Discard() {
	h.mem.Reset()
	if h.file != nil {
		h.file.Close()
		h.file = nil
	}
}
