// Command kgbench opens a kg store once and times SPARQL queries over it,
// printing "name<TAB>ms<TAB>results" lines (the median of RUNS runs) after
// an "open" line, in the format the peers' runners print.
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"kg/sparql"
	"kg/sparql/algebra"
	"kg/sparql/eval"
	"kg/sparql/parse"
	"kg/store"
	"kg/term"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: kgbench STORE QUERY.rq...")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, "kgbench:", err)
		os.Exit(1)
	}
}

func run(location string, queries []string) error {
	ctx := context.Background()
	runs := 3
	if n, err := strconv.Atoi(os.Getenv("RUNS")); err == nil && n > 0 {
		runs = n
	}
	t0 := time.Now()
	st, err := store.Open(ctx, location, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := sparql.FromStore(ctx, st)
	if err != nil {
		return err
	}
	fmt.Printf("open\t%.1f\t-\n", ms(time.Since(t0)))
	for _, file := range queries {
		text, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		q, err := parse.Query(string(text), parse.Options{Base: "file://" + file})
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		var times []float64
		count := 0
		for i := 0; i < runs; i++ {
			t0 := time.Now()
			count, err = execute(ctx, ds, q)
			if err != nil {
				return fmt.Errorf("%s: %w", file, err)
			}
			times = append(times, ms(time.Since(t0)))
		}
		slices.Sort(times)
		fmt.Printf("%s\t%.1f\t%d\n", strings.TrimSuffix(filepath.Base(file), ".rq"), times[len(times)/2], count)
	}
	return nil
}

// execute runs q to the end and counts its results: rows, 1 for ASK,
// distinct triples for CONSTRUCT and DESCRIBE.
func execute(ctx context.Context, ds eval.Dataset, q *algebra.Query) (int, error) {
	if q.Form == algebra.Select {
		n := 0
		err := eval.Select(ctx, ds, q, eval.Options{}, func([]term.Term) error { n++; return nil })
		return n, err
	}
	res, err := eval.Query(ctx, ds, q, eval.Options{})
	if err != nil {
		return 0, err
	}
	if q.Form == algebra.Ask {
		return 1, nil
	}
	seen := map[term.Triple]bool{}
	for _, t := range res.Triples {
		seen[t] = true
	}
	return len(seen), nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
