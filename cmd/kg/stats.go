package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"kg/ontology"
	"kg/store"
	"kg/summary"
	"kg/term"
)

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count entities by class, triples by property, passages by page, links and provenance coverage",
		Description: "Entities are counted under the ontology's top classes (a class counts every instance of\n" +
			"its subclasses too, as the entailed graph states). --json prints the same numbers with the\n" +
			"keys the README documents. --verify checks every file of the embedded store against the\n" +
			"SHA-256 its manifest lists, and fails on the first that differs.\n\n" +
			"Example:\n   kg stats\n   kg stats --json | jq .top_classes",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: "print the counts as JSON"},
			&cli.BoolFlag{Name: "verify", Usage: "check the stored files against their checksums first"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("stats: unexpected argument %q", c.Args().First())
			}
			base, err := baseIRI(c)
			if err != nil {
				return err
			}
			log := newLogger(c)
			if c.Bool("verify") {
				if err := verifyStore(c, log); err != nil {
					return err
				}
			}
			s, err := summarize(c, log, base)
			if err != nil {
				return err
			}
			if c.Bool("json") {
				enc := json.NewEncoder(os.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(statsJSON(s))
			}
			return printSummary(os.Stdout, s, base)
		},
	}
}

// summarize counts what the store holds: from the index of the embedded
// store, where the counts are lengths of sorted runs, else from every
// quad read back.
func summarize(c *cli.Context, log *logger, base string) (*summary.Summary, error) {
	st, err := openBuilt(c, false)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if ixd, ok := st.(store.Indexed); ok {
		if ix := ixd.Index(); ix != nil {
			m := log.spinner("counting " + count(int(ix.Quads()), "quad"))
			defer m.Finish()
			return indexSummary(ix, base), nil
		}
	}
	quads, err := store.All(c.Context, st, store.Pattern{}, term.CompareQuads)
	if err != nil {
		return nil, err
	}
	m := log.spinner("counting " + count(len(quads), "quad"))
	defer m.Finish()
	return summary.Of(quads, base), nil
}

// topClasses are the classes kg stats rolls counts up to, in the order it
// prints them: the ontology's top classes, places, then what records
// provenance.
var topClasses = []string{
	ontology.Actor, ontology.Mandate, ontology.Law, ontology.Instrument, ontology.Theme,
	ontology.County, ontology.Report, ontology.Chapter, ontology.WorkedExample, ontology.Passage, ontology.Source,
}

// classTree is a top class with its count and its subclasses' counts.
type classTree struct {
	top  summary.Count
	subs []summary.Count
}

// rollUp sorts counted classes under the top classes; classes of no top
// class (of other vocabularies, or OWL's for the ontology's own terms)
// come back apart, most first.
func rollUp(classes []summary.Count) (trees []classTree, other []summary.Count) {
	trees = make([]classTree, len(topClasses))
	for i, t := range topClasses {
		trees[i].top.Key = t
	}
next:
	for _, c := range classes {
		for i, t := range topClasses {
			if c.Key == t {
				trees[i].top.N = c.N
				continue next
			}
			if ontology.IsSubClassOf(c.Key, t) {
				trees[i].subs = append(trees[i].subs, c)
				continue next
			}
		}
		other = append(other, c)
	}
	kept := trees[:0]
	for _, t := range trees {
		if t.top.N > 0 || len(t.subs) > 0 {
			kept = append(kept, t)
		}
	}
	return kept, other
}

// table is rows of a label, a number and a note, printed with the labels
// left-aligned and the numbers right-aligned.
type table [][3]string

func (t *table) add(label string, n int, note string) {
	*t = append(*t, [3]string{label, thousands(int64(n)), note})
}

func (t table) print(w io.Writer) {
	wl, wn := 0, 0
	for _, r := range t {
		wl, wn = max(wl, utf8.RuneCountInString(r[0])), max(wn, len(r[1]))
	}
	for _, r := range t {
		line := fmt.Sprintf("%s%*s  %*s", r[0], wl-utf8.RuneCountInString(r[0]), "", wn, r[1])
		if r[2] != "" {
			line += "  " + r[2]
		}
		fmt.Fprintln(w, line)
	}
}

func printSummary(w io.Writer, s *summary.Summary, base string) error {
	short := shortener(base)
	share := func(n, of int) string {
		if of == 0 {
			return ""
		}
		return fmt.Sprintf("(%.1f%%)", 100*float64(n)/float64(of))
	}
	var head table
	head.add("quads", s.Quads, "")
	head.add("distinct triples", s.Triples, "")
	head.add("named graphs", s.Graphs, "")
	head.add("entities", s.Entities, "")
	head.add("entities with provenance", s.EntitiesWithProvenance, share(s.EntitiesWithProvenance, s.Entities))
	head.add("relations between entities", s.Relations, "")
	head.add("relations with a source passage", s.RelationsWithSource, share(s.RelationsWithSource, s.Relations))
	head.print(w)
	section := func(title string, t table) {
		if len(t) > 0 {
			fmt.Fprintf(w, "\n%s\n", title)
			t.print(w)
		}
	}
	counts := func(rows []summary.Count, key func(string) string) table {
		var t table
		for _, r := range rows {
			t.add("  "+key(r.Key), r.N, "")
		}
		return t
	}
	trees, other := rollUp(s.Classes)
	var classes table
	for _, t := range trees {
		classes.add("  "+short(t.top.Key), t.top.N, "")
		for _, sub := range t.subs {
			classes.add("    "+short(sub.Key), sub.N, "")
		}
	}
	section("entities by top class (each counts its subclasses)", classes)
	section("other classes", counts(other, short))
	section("triples by property", counts(s.Properties, short))
	section("links out", counts(s.Links, short))
	section("passages by printed page", counts(s.Pages, func(k string) string { return "p. " + k }))
	return nil
}

// shortener abbreviates IRIs with the export prefixes.
func shortener(base string) func(string) string {
	prefixes := ontology.Prefixes(base)
	return func(iri string) string {
		best := ""
		name := ""
		for _, p := range prefixes {
			if strings.HasPrefix(iri, p.IRI) && len(p.IRI) > len(best) {
				best, name = p.IRI, p.Name
			}
		}
		if best == "" {
			return iri
		}
		return name + ":" + iri[len(best):]
	}
}

// verifyStore checks the stored files against their checksums, where the
// store keeps checksums.
func verifyStore(c *cli.Context, log *logger) error {
	st, err := openBuilt(c, false)
	if err != nil {
		return err
	}
	defer st.Close()
	v, ok := st.(store.Verifier)
	if !ok {
		return nil
	}
	m := log.spinner("verifying " + st.Location())
	defer m.Finish()
	return v.Verify(c.Context)
}
