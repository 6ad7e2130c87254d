package jsonld

import (
	"strconv"
	"strings"
)

// nodeMap is the result of the Node Map Generation algorithm (section
// 7.2): for every graph, its nodes with their types and properties.
// Graphs, nodes and properties keep the order in which they were first
// met, which makes the RDF output deterministic.
type nodeMap struct {
	graphs map[string]*graphNodes
	order  []string
	blanks map[string]string // blank node identifiers of the input, relabelled
	next   int
}

type graphNodes struct {
	nodes map[string]*node
	order []string
}

type node struct {
	types    []string
	index    string
	hasIndex bool
	props    map[string][]any // values: ref, value objects (map), *listObj
	order    []string
}

// ref is a node reference ({"@id": ...}) inside the node map.
type ref string

// listObj is a list object ({"@list": [...]}) inside the node map.
type listObj struct{ items []any }

func newNodeMap() *nodeMap {
	return &nodeMap{graphs: map[string]*graphNodes{}, blanks: map[string]string{}}
}

// blank returns the new label for the input blank node identifier old, or
// a fresh label when old is empty (Generate Blank Node Identifier).
func (nm *nodeMap) blank(old string) string {
	if old != "" {
		if l, ok := nm.blanks[old]; ok {
			return l
		}
	}
	l := "_:b" + strconv.Itoa(nm.next)
	nm.next++
	if old != "" {
		nm.blanks[old] = l
	}
	return l
}

func (nm *nodeMap) graph(name string) *graphNodes {
	g, ok := nm.graphs[name]
	if !ok {
		g = &graphNodes{nodes: map[string]*node{}}
		nm.graphs[name] = g
		nm.order = append(nm.order, name)
	}
	return g
}

func (g *graphNodes) node(id string) *node {
	n, ok := g.nodes[id]
	if !ok {
		n = &node{props: map[string][]any{}}
		g.nodes[id] = n
		g.order = append(g.order, id)
	}
	return n
}

func (n *node) ensure(prop string) {
	if _, ok := n.props[prop]; !ok {
		n.props[prop] = nil
		n.order = append(n.order, prop)
	}
}

// addUnique adds v to prop unless an equal value is already there.
func (n *node) addUnique(prop string, v any) {
	n.ensure(prop)
	for _, old := range n.props[prop] {
		if sameNodeMapValue(old, v) {
			return
		}
	}
	n.props[prop] = append(n.props[prop], v)
}

func (n *node) appendValue(prop string, v any) {
	n.ensure(prop)
	n.props[prop] = append(n.props[prop], v)
}

func sameNodeMapValue(a, b any) bool {
	switch x := a.(type) {
	case ref:
		y, ok := b.(ref)
		return ok && x == y
	case map[string]any:
		y, ok := b.(map[string]any)
		return ok && jsonEqual(x, y)
	}
	return false // lists are never merged
}

func isBlank(s string) bool { return strings.HasPrefix(s, "_:") }

// add is the Node Map Generation algorithm for an expanded element. When
// reverse is true, activeSubject is the node that the element's nodes
// point to through activeProp.
func (nm *nodeMap) add(element any, activeGraph, activeSubject string, reverse bool, activeProp string, list *listObj) error {
	switch el := element.(type) {
	case []any:
		for _, item := range el {
			if err := nm.add(item, activeGraph, activeSubject, reverse, activeProp, list); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		return nm.addMap(el, activeGraph, activeSubject, reverse, activeProp, list)
	}
	return nil
}

func (nm *nodeMap) addMap(el map[string]any, activeGraph, activeSubject string, reverse bool, activeProp string, list *listObj) error {
	g := nm.graph(activeGraph)
	var subject *node
	if activeSubject != "" && !reverse {
		subject = g.node(activeSubject)
	}
	if _, ok := el["@value"]; ok {
		switch {
		case list != nil:
			list.items = append(list.items, el)
		case subject != nil:
			subject.addUnique(activeProp, el)
		}
		return nil
	}
	if items, ok := el["@list"]; ok {
		res := &listObj{}
		if err := nm.add(items, activeGraph, activeSubject, reverse, activeProp, res); err != nil {
			return err
		}
		switch {
		case list != nil:
			list.items = append(list.items, res)
		case subject != nil:
			subject.appendValue(activeProp, res)
		}
		return nil
	}
	idv, hasID := el["@id"]
	id, _ := idv.(string)
	if hasID && id == "" {
		// A reference whose IRI was ignored ({"@id": null}) denotes nothing.
		return nil
	}
	switch {
	case id == "":
		id = nm.blank("")
	case isBlank(id):
		id = nm.blank(id)
	}
	n := g.node(id)
	switch {
	case reverse:
		n.addUnique(activeProp, ref(activeSubject))
	case activeProp != "":
		if list != nil {
			list.items = append(list.items, ref(id))
		} else if subject != nil {
			subject.addUnique(activeProp, ref(id))
		}
	}
	if ts, ok := el["@type"].([]any); ok {
	types:
		for _, t := range ts {
			s, ok := t.(string)
			if !ok {
				continue
			}
			if isBlank(s) {
				s = nm.blank(s)
			}
			for _, old := range n.types {
				if old == s {
					continue types
				}
			}
			n.types = append(n.types, s)
		}
	}
	if v, ok := el["@index"]; ok {
		s, _ := v.(string)
		if n.hasIndex && n.index != s {
			return errorf(CodeConflictingIndexes, "node %s has two indexes, %q and %q", id, n.index, s)
		}
		n.index, n.hasIndex = s, true
	}
	if rm, ok := el["@reverse"].(map[string]any); ok {
		for _, prop := range sortedKeys(rm) {
			if err := nm.add(rm[prop], activeGraph, id, true, prop, nil); err != nil {
				return err
			}
		}
	}
	if gv, ok := el["@graph"]; ok {
		if err := nm.add(gv, id, "", false, "", nil); err != nil {
			return err
		}
	}
	if inc, ok := el["@included"]; ok {
		if err := nm.add(inc, activeGraph, "", false, "", nil); err != nil {
			return err
		}
	}
	for _, prop := range sortedKeys(el) {
		if strings.HasPrefix(prop, "@") {
			continue
		}
		v := el[prop]
		if isBlank(prop) {
			prop = nm.blank(prop)
		}
		n.ensure(prop)
		if err := nm.add(v, activeGraph, id, false, prop, nil); err != nil {
			return err
		}
	}
	return nil
}
