package server

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"kg/ontology"
	"kg/term"
)

type ontTermView struct {
	ID          string
	IRI         string
	Compact     string
	Kind        string
	Labels      []labelView
	AltLabels   []labelView
	Definitions []labelView
	Comments    []labelView
	Parents     []linkView
	Children    []linkView
	Domain      []linkView
	Range       []linkView
	InDomainOf  []linkView
	InRangeOf   []linkView
	Instances   int
	Browse      string
}

type treeNode struct {
	Link     linkView
	Children []treeNode
}

type alignView struct {
	Term     linkView
	Relation string
	Target   linkView
}

type ontologyView struct {
	IRI, VersionIRI, Version string
	Titles, Descriptions     []labelView
	Prefix, Namespace        string
	License                  string
	Created, Modified        string
	Classes                  []ontTermView
	Properties               []ontTermView
	Hierarchy                []treeNode
	Alignments               []alignView
	Formats                  []linkView
}

// langOrder shows Swedish first, then English, then any other language.
func langViews(prop string, m map[string]string) []labelView {
	var out []labelView
	for l, t := range m {
		out = append(out, labelView{Prop: prop, Text: t, Lang: l})
	}
	slices.SortFunc(out, func(a, b labelView) int {
		return cmp.Or(cmp.Compare(langRank(a.Lang), langRank(b.Lang)), strings.Compare(a.Lang, b.Lang))
	})
	return out
}

func langRank(l string) int {
	switch l {
	case "sv":
		return 0
	case "en":
		return 1
	}
	return 2
}

// ontologyHTML documents the ontology: metadata, class hierarchy, every
// class and property with its sv/en labels and definitions, domains and
// ranges, and the alignments with standard vocabularies.
func (s *Server) ontologyHTML(r *http.Request) ([]byte, error) {
	v := ontologyView{IRI: ontology.IRI, VersionIRI: ontology.VersionIRI, Version: ontology.Version, Prefix: "kgo", Namespace: ontology.NS}
	graph := ontology.Graph()
	titles, descs := map[string]string{}, map[string]string{}
	var equivalences []alignView
	for _, q := range graph {
		if q.S.Value == ontology.IRI {
			switch q.P.Value {
			case ontology.DCTERMS + "title":
				titles[q.O.Lang] = q.O.Value
			case ontology.DCTERMS + "description":
				descs[q.O.Lang] = q.O.Value
			case ontology.DCTERMS + "license":
				v.License = q.O.Value
			case ontology.DCTERMS + "created":
				v.Created = q.O.Value
			case ontology.DCTERMS + "modified":
				v.Modified = q.O.Value
			}
		}
		if strings.HasPrefix(q.S.Value, ontology.NS) && q.O.IsIRI() && !strings.HasPrefix(q.O.Value, ontology.NS) {
			switch q.P.Value {
			case ontology.OWL + "equivalentClass", ontology.OWL + "equivalentProperty", ontology.SKOS + "exactMatch", ontology.SKOS + "closeMatch":
				equivalences = append(equivalences, alignView{Term: s.ontLink(q.S.Value), Relation: s.compactIRI(q.P.Value), Target: s.ontLink(q.O.Value)})
			}
		}
	}
	v.Titles = langViews("dcterms:title", titles)
	v.Descriptions = langViews("dcterms:description", descs)

	classes, props := ontology.Classes(), ontology.Properties()
	children := map[string][]string{}
	inDomain, inRange := map[string][]string{}, map[string][]string{}
	for _, c := range classes {
		for _, p := range c.Parents {
			children[p] = append(children[p], c.IRI)
		}
	}
	for _, p := range props {
		for _, d := range p.Domain {
			inDomain[d] = append(inDomain[d], p.IRI)
		}
		for _, rg := range p.Range {
			inRange[rg] = append(inRange[rg], p.IRI)
		}
		for _, par := range p.Parents {
			children[par] = append(children[par], p.IRI)
		}
	}
	links := func(iris []string) []linkView {
		var out []linkView
		for _, i := range iris {
			out = append(out, s.ontLink(i))
		}
		return out
	}
	termView := func(t ontology.Term) ontTermView {
		tv := ontTermView{
			ID: t.LocalName(), IRI: t.IRI, Compact: "kgo:" + t.LocalName(), Kind: t.Kind.String(),
			Labels: langViews("rdfs:label", t.Labels), Definitions: langViews("skos:definition", t.Definitions),
			Comments: langViews("rdfs:comment", t.Comments),
			Parents:  links(t.Parents), Children: links(children[t.IRI]),
			Domain: links(t.Domain), Range: links(t.Range),
		}
		for l, alts := range t.AltLabels {
			for _, a := range alts {
				tv.AltLabels = append(tv.AltLabels, labelView{Prop: "skos:altLabel", Text: a, Lang: l})
			}
		}
		slices.SortFunc(tv.AltLabels, func(a, b labelView) int {
			return cmp.Or(cmp.Compare(langRank(a.Lang), langRank(b.Lang)), strings.Compare(a.Text, b.Text))
		})
		if t.Kind == ontology.KindClass {
			tv.InDomainOf, tv.InRangeOf = links(inDomain[t.IRI]), links(inRange[t.IRI])
			if m := s.data().members[t.IRI]; len(m) > 0 {
				tv.Instances, tv.Browse = len(m), browseURL(t.IRI, 0)
			}
		}
		for _, p := range t.Parents {
			if !strings.HasPrefix(p, ontology.NS) {
				rel := "rdfs:subClassOf"
				if t.Kind != ontology.KindClass {
					rel = "rdfs:subPropertyOf"
				}
				v.Alignments = append(v.Alignments, alignView{Term: s.ontLink(t.IRI), Relation: rel, Target: s.ontLink(p)})
			}
		}
		return tv
	}
	for _, c := range classes {
		v.Classes = append(v.Classes, termView(c))
	}
	for _, p := range props {
		v.Properties = append(v.Properties, termView(p))
	}
	v.Alignments = append(v.Alignments, equivalences...)

	// The class tree: roots are classes without a parent in kg's namespace.
	var tree func(iri string, depth int) treeNode
	tree = func(iri string, depth int) treeNode {
		n := treeNode{Link: s.ontLink(iri)}
		if depth < 10 {
			for _, c := range children[iri] {
				if t, ok := ontology.Lookup(c); ok && t.Kind == ontology.KindClass {
					n.Children = append(n.Children, tree(c, depth+1))
				}
			}
		}
		return n
	}
	for _, c := range classes {
		root := true
		for _, p := range c.Parents {
			if strings.HasPrefix(p, ontology.NS) {
				root = false
			}
		}
		if root {
			v.Hierarchy = append(v.Hierarchy, tree(c.IRI, 0))
		}
	}
	for _, f := range []struct{ ext, label string }{{".ttl", "Turtle"}, {".jsonld", "JSON-LD"}, {".rdf", "RDF/XML"}, {".nt", "N-Triples"}} {
		v.Formats = append(v.Formats, linkView{Href: "/ontology" + f.ext, Text: f.label, Datatype: mimeOfExt(f.ext)})
	}
	lang := requestLang(r)
	title, titleLang := titles[lang], lang
	if title == "" {
		title, titleLang = translate(lang, "Ontology"), lang
	}
	return s.renderBytes("ontology", s.page(title, v).lang(titleLang).alternates(v.Formats).in(r, lang))
}

// ontLink links an ontology term to its anchor on this page and any other
// IRI as compact text linking out.
func (s *Server) ontLink(iri string) linkView {
	if local, ok := strings.CutPrefix(iri, ontology.NS); ok {
		return linkView{Href: "#" + local, Text: "kgo:" + local, Title: iri}
	}
	l := s.link(term.IRI(iri))
	l.Text = s.compactIRI(iri)
	return l
}
