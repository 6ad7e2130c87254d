#!/usr/bin/python3
"""Runs SPARQL queries against an endpoint with third-party clients.

    client.py ENDPOINT QUERY.rq...

Each query file names its client in a comment line:

    # client: sparqlwrapper method=GET|POST|POSTDIRECTLY format=json|xml|turtle|n3|rdfxml
    # client: sparqlstore

sparqlwrapper runs the query with SPARQLWrapper (GET with ?query=, POST as
an HTML form, or POST with the query as the body); sparqlstore runs it
through rdflib's SPARQLStore. For every file one JSON line is printed:

    {"query": NAME, "client": ..., "form": "select", "results": SPARQL-JSON}
    {"query": NAME, "client": ..., "form": "ask", "results": SPARQL-JSON}
    {"query": NAME, "client": ..., "form": "graph", "ntriples": TEXT}

Whatever the wire format, solutions are rewritten as SPARQL 1.1 JSON terms
and sorted, and graphs are parsed with rdflib and written as sorted
N-Triples with rdflib's canonical blank node labels, so that the output
depends only on the answer and not on the client's choices. Any HTTP,
parse or protocol error exits with status 1 and one line on stderr.
"""

import json
import os
import sys

import rdflib
from rdflib.compare import to_canonical_graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import SPARQLWrapper
import SPARQLWrapper as sw

RETURN_FORMATS = {
    "json": sw.JSON,
    "xml": sw.XML,
    "turtle": sw.TURTLE,
    "n3": sw.N3,
    "rdfxml": sw.RDFXML,
}

# Media types of graph responses and the rdflib parser for each.
GRAPH_PARSERS = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "text/n3": "n3",
    "text/rdf+n3": "n3",
    "application/rdf+xml": "xml",
}

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class ClientError(Exception):
    pass


def directive(text, name):
    """Returns the words after "# client:" in the query text."""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# client:"):
            words = line[len("# client:"):].split()
            if not words:
                break
            opts = {}
            for w in words[1:]:
                if "=" not in w:
                    raise ClientError("%s: bad client option %r" % (name, w))
                k, v = w.split("=", 1)
                opts[k] = v
            return words[0], opts
    raise ClientError("%s: no '# client:' line" % name)


def json_term(t):
    """Canonical SPARQL JSON term from a SPARQL JSON term (1.0 or 1.1)."""
    kind = t.get("type")
    if kind == "uri":
        return {"type": "uri", "value": t["value"]}
    if kind == "bnode":
        return {"type": "bnode", "value": t["value"]}
    if kind in ("literal", "typed-literal"):
        out = {"type": "literal", "value": t["value"]}
        if t.get("xml:lang"):
            out["xml:lang"] = t["xml:lang"]
        elif t.get("datatype") and t["datatype"] != XSD_STRING:
            out["datatype"] = t["datatype"]
        return out
    raise ClientError("unknown term type %r" % kind)


def rdflib_term(t):
    """Canonical SPARQL JSON term from an rdflib term."""
    if isinstance(t, rdflib.URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, rdflib.BNode):
        return {"type": "bnode", "value": str(t)}
    if isinstance(t, rdflib.Literal):
        out = {"type": "literal", "value": str(t)}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype is not None and str(t.datatype) != XSD_STRING:
            out["datatype"] = str(t.datatype)
        return out
    raise ClientError("unexpected rdflib term %r" % (t,))


def solutions(variables, rows):
    """A SPARQL JSON results document with the rows in a fixed order."""
    rows = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return {"head": {"vars": list(variables)}, "results": {"bindings": rows}}


def from_json(doc):
    if "boolean" in doc:
        return "ask", {"head": {}, "boolean": bool(doc["boolean"])}
    rows = [{k: json_term(v) for k, v in b.items()} for b in doc["results"]["bindings"]]
    return "select", solutions(doc["head"].get("vars", []), rows)


def text_of(node):
    return "".join(c.data for c in node.childNodes if c.nodeType in (c.TEXT_NODE, c.CDATA_SECTION_NODE))


def children(node, name):
    return [c for c in node.childNodes if c.nodeType == c.ELEMENT_NODE and c.localName == name]


def from_xml(dom):
    """Reads the SPARQL Query Results XML document SPARQLWrapper parsed."""
    root = dom.documentElement
    if root.localName != "sparql":
        raise ClientError("results XML: root element %r" % root.localName)
    head = children(root, "head")
    variables = [v.getAttribute("name") for v in children(head[0], "variable")] if head else []
    boolean = children(root, "boolean")
    if boolean:
        return "ask", {"head": {}, "boolean": text_of(boolean[0]).strip() == "true"}
    rows = []
    for res in children(children(root, "results")[0], "result"):
        row = {}
        for b in children(res, "binding"):
            value = [c for c in b.childNodes if c.nodeType == c.ELEMENT_NODE][0]
            kind = value.localName
            if kind == "uri":
                t = {"type": "uri", "value": text_of(value)}
            elif kind == "bnode":
                t = {"type": "bnode", "value": text_of(value)}
            elif kind == "literal":
                t = {"type": "literal", "value": text_of(value)}
                lang = value.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")
                if lang:
                    t["xml:lang"] = lang
                elif value.getAttribute("datatype"):
                    t["datatype"] = value.getAttribute("datatype")
                t = json_term(t)
            else:
                raise ClientError("results XML: unknown term element %r" % kind)
            row[b.getAttribute("name")] = t
        rows.append(row)
    return "select", solutions(variables, rows)


def ntriples(graph):
    """Sorted N-Triples of a graph, blank nodes labelled canonically."""
    text = to_canonical_graph(graph).serialize(format="nt")
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    lines = sorted(l for l in text.splitlines() if l.strip())
    return "".join(l + "\n" for l in lines)


def run_sparqlwrapper(endpoint, name, text, opts):
    client = SPARQLWrapper(endpoint, agent="kg-test-sparqlwrapper")
    client.setQuery(text)
    method = opts.get("method", "GET")
    if method == "GET":
        client.setMethod(sw.GET)
    elif method == "POST":
        client.setMethod(sw.POST)
        client.setRequestMethod(sw.URLENCODED)
    elif method == "POSTDIRECTLY":
        client.setMethod(sw.POST)
        client.setRequestMethod(sw.POSTDIRECTLY)
    else:
        raise ClientError("%s: unknown method %r" % (name, method))
    fmt = opts.get("format", "json")
    if fmt not in RETURN_FORMATS:
        raise ClientError("%s: unknown format %r" % (name, fmt))
    client.setReturnFormat(RETURN_FORMATS[fmt])
    res = client.query()
    ctype = res.info().get("content-type", "").split(";")[0].strip().lower()
    converted = res.convert()
    if client.queryType in (sw.SELECT, sw.ASK):
        if fmt == "json":
            if not isinstance(converted, dict):
                raise ClientError("%s: %s response did not convert to JSON" % (name, ctype))
            return from_json(converted)
        if fmt == "xml":
            if not hasattr(converted, "documentElement"):
                raise ClientError("%s: %s response did not convert to XML" % (name, ctype))
            return from_xml(converted)
        raise ClientError("%s: format %s for %s" % (name, fmt, client.queryType))
    if isinstance(converted, rdflib.Graph):
        graph = converted
    else:
        parser = GRAPH_PARSERS.get(ctype)
        if parser is None:
            raise ClientError("%s: graph in unexpected media type %r" % (name, ctype))
        graph = rdflib.Graph()
        graph.parse(data=converted, format=parser)
    return "graph", ntriples(graph)


def run_sparqlstore(endpoint, name, text, opts):
    # A plain SPARQLStore graph would send its own identifier as
    # default-graph-uri; the union of the endpoint's graphs is wanted.
    store = SPARQLStore(query_endpoint=endpoint, method=opts.get("method", "GET"))
    graph = rdflib.ConjunctiveGraph(store)
    res = graph.query(text)
    if res.type == "ASK":
        return "ask", {"head": {}, "boolean": bool(res.askAnswer)}
    if res.type == "SELECT":
        variables = [str(v) for v in res.vars]
        rows = []
        for row in res:
            rows.append({v: rdflib_term(t) for v, t in zip(variables, row) if t is not None})
        return "select", solutions(variables, rows)
    return "graph", ntriples(res.graph)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: client.py ENDPOINT QUERY.rq...\n")
        return 2
    endpoint = argv[1]
    for path in argv[2:]:
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        try:
            which, opts = directive(text, name)
            if which == "sparqlwrapper":
                form, answer = run_sparqlwrapper(endpoint, name, text, opts)
                client = "SPARQLWrapper %s %s %s" % (sw.__version__, opts.get("method", "GET"), opts.get("format", "json"))
            elif which == "sparqlstore":
                form, answer = run_sparqlstore(endpoint, name, text, opts)
                client = "rdflib %s SPARQLStore" % rdflib.__version__
            else:
                raise ClientError("%s: unknown client %r" % (name, which))
        except Exception as e:  # one line per failure, whatever raised it
            msg = " ".join(str(e).split())
            sys.stderr.write("%s: %s: %s\n" % (name, type(e).__name__, msg))
            return 1
        line = {"query": name, "client": client, "form": form}
        if form == "graph":
            line["ntriples"] = answer
        else:
            line["results"] = answer
        sys.stdout.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
