package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/piprate/json-gold/ld"

	"kg/term"
)

// offlineLoader refuses every remote document: the context travels inline
// and nothing is ever fetched.
type offlineLoader struct{}

func (offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, "export: remote documents are not loaded: "+u)
}

// jsonldEncoder collects the union graph and on Close writes it compacted
// with kg's context: JSON-LD compaction needs every statement about a node
// at once, so this writer does not stream.
type jsonldEncoder struct {
	sticky
	w      io.Writer
	base   string
	ctxIRI string
	extra  []Prefix
	ds     *ld.RDFDataset
	last   term.Quad
	any    bool
	closed bool
}

func newJSONLD(w io.Writer, opt Options) Encoder {
	e := &jsonldEncoder{w: w, base: opt.Base, ctxIRI: opt.ContextIRI, extra: opt.Prefixes, ds: ld.NewRDFDataset()}
	if opt.Base != "" {
		if err := checkIRI(opt.Base); err != nil {
			e.fail(fmt.Errorf("export: base: %w", err))
		}
	}
	return e
}

func (e *jsonldEncoder) Encode(q term.Quad) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	q.G = term.Term{}
	if q.O.IsLiteral() {
		q.O = literal(q.O)
	}
	if e.any && q == e.last {
		return nil
	}
	if err := checkQuad(q, false); err != nil {
		return e.fail(err)
	}
	e.last, e.any = q, true
	e.ds.Graphs["@default"] = append(e.ds.Graphs["@default"],
		ld.NewQuad(ldNode(q.S), ldNode(q.P), ldNode(q.O), "@default"))
	return nil
}

func ldNode(t term.Term) ld.Node {
	switch t.Kind {
	case term.KindIRI:
		return ld.NewIRI(t.Value)
	case term.KindBlank:
		return ld.NewBlankNode("_:" + t.Value)
	}
	return ld.NewLiteral(t.Value, t.Datatype, t.Lang)
}

func (e *jsonldEncoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return errClosed
	}
	e.closed = true
	doc, err := e.compact()
	if err != nil {
		return e.fail(err)
	}
	bw := bufio.NewWriter(e.w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	// encoding/json writes map keys sorted, which makes the output
	// deterministic together with the node order fixed in compact.
	if err := enc.Encode(doc); err != nil {
		return e.fail(err)
	}
	if err := bw.Flush(); err != nil {
		return e.fail(err)
	}
	return nil
}

func (e *jsonldEncoder) compact() (map[string]any, error) {
	ctx, err := contextObject()
	if err != nil {
		return nil, err
	}
	// The caller's prefixes join the context where they do not clash with
	// its terms (such as the alias "id" for "@id"). The base becomes the
	// prefix "kg" rather than "@base": relative IRIs would be shorter, but
	// readers that resolve them through net/url (json-gold among them)
	// percent-encode non-ASCII characters and so change the IRIs.
	prefixes := e.extra
	if e.base != "" {
		prefixes = append(slices.Clone(prefixes), Prefix{Name: "kg", IRI: e.base})
	}
	local := map[string]any{} // what the shared context lacks
	for _, p := range prefixes {
		if _, taken := ctx[p.Name]; taken || p.Name == "" || strings.ContainsAny(p.Name, ":@/#") {
			continue
		}
		ctx[p.Name] = p.IRI
		local[p.Name] = p.IRI
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = offlineLoader{}
	opts.ProcessingMode = ld.JsonLd_1_1
	// Keep literals as {"@value": lexical form}: native JSON numbers and
	// booleans would lose forms such as "01" and "1.0". nativeValues
	// then turns the canonical ones into JSON numbers and booleans.
	opts.UseNativeTypes = false
	opts.UseRdfType = false
	opts.Ordered = true
	expanded, err := ld.NewJsonLdApi().FromRDF(e.ds, opts)
	if err != nil {
		return nil, fmt.Errorf("export: JSON-LD from RDF: %w", err)
	}
	doc, err := ld.NewJsonLdProcessor().Compact(expanded, map[string]any{"@context": ctx}, opts)
	if err != nil {
		return nil, fmt.Errorf("export: JSON-LD compaction: %w", err)
	}
	if nodes, ok := doc["@graph"].([]any); ok {
		sort.SliceStable(nodes, func(i, j int) bool { return nodeID(nodes[i]) < nodeID(nodes[j]) })
	}
	nativeValues(doc, "", coercions(ctx))
	if e.ctxIRI != "" {
		doc["@context"] = e.ctxIRI
		if len(local) > 0 {
			doc["@context"] = []any{e.ctxIRI, local}
		}
	}
	return doc, nil
}

func nodeID(n any) string {
	m, _ := n.(map[string]any)
	for _, k := range []string{"id", "@id"} {
		if s, ok := m[k].(string); ok {
			return s
		}
	}
	return ""
}
