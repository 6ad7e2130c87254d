package read

import (
	"fmt"
	"slices"

	"kg/ingest/doc"
)

// number gives passages their number within their page and ID, in source
// line order (passage order where the source has no lines), and worked
// examples their slugs.
func number(d *doc.Doc) {
	order := make([]int, len(d.Passages))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return d.Passages[a].Line - d.Passages[b].Line })
	count := map[int]int{}
	for _, i := range order {
		p := &d.Passages[i]
		count[p.Page]++
		p.N = count[p.Page]
		p.ID = fmt.Sprintf("%d-%d", p.Page, p.N)
	}
	used := map[string]int{}
	for i := range d.Examples {
		e := &d.Examples[i]
		slug := doc.Slug(e.Title)
		used[slug]++
		if used[slug] > 1 {
			slug = fmt.Sprintf("%s-%d", slug, used[slug])
		}
		e.Slug = slug
	}
}
