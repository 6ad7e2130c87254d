package store

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"

	"kg/term"
)

// memory is Cayley's in-memory quad store; Replace swaps in a new one.
type memory struct {
	cayleyGraph
}

func newMemory() (*memory, error) {
	return &memory{cayleyGraph{qs: memstore.New()}}, nil
}

func (m *memory) Replace(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store memory: %w", err)
	}
	qs := memstore.New()
	if err := write(ctx, qs, quads); err != nil {
		return err
	}
	m.qs = qs
	return nil
}

func (m *memory) Add(ctx context.Context, quads []term.Quad) error {
	if err := checkQuads(quads); err != nil {
		return fmt.Errorf("store memory: %w", err)
	}
	return m.qs.ApplyDeltas(deltas(quads, graph.Add), ignoreDup)
}

func (m *memory) Location() string { return "memory" }
func (m *memory) Close() error     { return m.qs.Close() }
