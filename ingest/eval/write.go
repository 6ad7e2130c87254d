package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// WriteText writes a plain-text table: one line per document and the
// corpus total, then the total by class, predicate and fact kind. With
// verbose it adds the total by subclass and, per document, what was missed,
// what is spurious and the notes.
func WriteText(w io.Writer, reports []*Report, verbose bool) error {
	total := Merge(reports...)
	// The numbers are right-aligned; names are padded to one width so that
	// they stay left-aligned.
	width := len("document")
	for _, r := range reports {
		width = max(width, utf8.RuneCountInString(displayName(r.Document)))
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\tgold\tgraph\tP\tR\tF1\tcore F1\tsubclass\trel R\trel P\tholders\tfacts\tunmentioned\t\n", width, "document")
	row := func(name string, r *Report) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t\n",
			pad(name, width), r.Entities.Gold, r.Entities.Graph,
			rate(r.Entities.Precision()), rate(r.Entities.Recall()), rate(r.Entities.F1()), rate(r.Core.F1()),
			frac(r.Subclass.Agree, r.Subclass.Matched),
			frac(r.Relations.Found, r.Relations.Gold), frac(r.Relations.Correct, r.Relations.Graph),
			frac(r.Mandates.Found, r.Mandates.Gold), frac(r.Facts.Found, r.Facts.Gold), r.Unmentioned)
	}
	for _, r := range reports {
		row(displayName(r.Document), r)
	}
	row("total", total)
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range reports {
		if r.Error != "" {
			fmt.Fprintf(w, "%s: no graph: %s\n", displayName(r.Document), r.Error)
		}
	}

	const label = 34 // width of the row names below
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tgold\tfound\tR\tgraph\tcorrect\tP\tF1\t\n", pad(fmt.Sprintf("entities by class (%d documents)", total.Documents), label))
	countRow := func(tw *tabwriter.Writer, name string, c Count) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%d\t%s\t%s\t\n", pad(name, label), c.Gold, c.Found, rate(c.Recall()),
			c.Graph, c.Correct, rate(c.Precision()), rate(c.F1()))
	}
	for _, c := range Classes() {
		countRow(tw, "  "+c, total.ByClass[c])
	}
	countRow(tw, "  core ("+strings.Join(CoreClasses, ", ")+")", total.Core)
	countRow(tw, "  all", total.Entities)
	countRow(tw, "  group actors", total.Groups)
	if verbose {
		for _, s := range sortedKeys(total.BySubclass) {
			countRow(tw, "  /"+s, total.BySubclass[s])
		}
	}
	fmt.Fprintf(tw, "\n%s\tgold\tfound\tR\tgraph\tcorrect\tP\tF1\t\n", pad("relations by predicate", label))
	for _, p := range sortedKeys(total.ByPredicate) {
		countRow(tw, "  "+p, total.ByPredicate[p])
	}
	countRow(tw, "  all", total.Relations)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "relations with an end outside the gold (not judged): %d\n", total.Unjudged)
	fmt.Fprintf(w, "gold mandates with holders found with one: %s; graph mandates with a holder: %s\n",
		frac(total.Mandates.Found, total.Mandates.Gold), frac(total.Mandates.Held, total.Mandates.Graph))
	fmt.Fprintf(w, "subclass agreement of found entities: %s; duplicate nodes: %d\n",
		frac(total.Subclass.Agree, total.Subclass.Matched), total.Duplicates)
	fmt.Fprintf(w, "unmentioned entities (register context): %d, of which gold entities not otherwise found: %d\n",
		total.Unmentioned, total.UnmentionedMatching)

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%s\tgold\tfound\tR\twith o\tfound with o\t\n", pad("facts by kind", label))
	factRow := func(name string, c FactCount) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%d\t\n", pad(name, label), c.Gold, c.Found, rate(ratio(c.Found, c.Gold)), c.Objects, c.ObjectsFound)
	}
	for _, k := range factKinds {
		if c, ok := total.ByKind[k]; ok {
			factRow("  "+k, c)
		}
	}
	factRow("  all", total.Facts)
	if err := tw.Flush(); err != nil {
		return err
	}

	if verbose {
		for _, r := range reports {
			writeItems(w, displayName(r.Document), r)
		}
	}
	return nil
}

func writeItems(w io.Writer, name string, r *Report) {
	if len(r.Missed)+len(r.Spurious)+len(r.Notes) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", name)
	list := func(head string, items []Item) {
		for _, it := range items {
			fmt.Fprintf(w, "  %-9s%-10s %-28s %s", head, it.Kind, it.Class, it.Text)
			if it.IRI != "" && head != "missed" {
				fmt.Fprintf(w, "  <%s>", it.IRI)
			}
			fmt.Fprintln(w)
		}
	}
	list("missed", r.Missed)
	list("spurious", r.Spurious)
	list("note", r.Notes)
}

// pad fills s with spaces to n runes.
func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s)))
}

func ratio(n, d int) (float64, bool) {
	if d == 0 {
		return 0, false
	}
	return float64(n) / float64(d), true
}

func rate(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}

func frac(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d", n, d)
}

// WriteJSON writes {"documents": [...], "total": {...}} with the reports
// and their Merge. Without verbose the lists of missed and spurious items
// and the notes are left out.
func WriteJSON(w io.Writer, reports []*Report, verbose bool) error {
	strip := func(r *Report) *Report {
		if verbose {
			return r
		}
		c := *r
		c.Missed, c.Spurious, c.Notes = nil, nil, nil
		return &c
	}
	out := struct {
		Documents []*Report `json:"documents"`
		Total     *Report   `json:"total"`
	}{Documents: make([]*Report, 0, len(reports)), Total: Merge(reports...)}
	// The total's lists would repeat the documents' lists.
	out.Total.Missed, out.Total.Spurious, out.Total.Notes = nil, nil, nil
	for _, r := range reports {
		out.Documents = append(out.Documents, strip(r))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
