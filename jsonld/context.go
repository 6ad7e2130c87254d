package jsonld

import (
	"maps"
	"reflect"
	"slices"
	"strings"

	"kg/iri"
)

// Container mapping flags; a term's container mapping is a set of these.
const (
	cList uint16 = 1 << iota
	cSet
	cIndex
	cID
	cType
	cLanguage
	cGraph
)

var containerNames = map[string]uint16{
	"@list": cList, "@set": cSet, "@index": cIndex, "@id": cID,
	"@type": cType, "@language": cLanguage, "@graph": cGraph,
}

// termDef is a term definition. Once created it is never modified, so
// contexts share definitions freely.
type termDef struct {
	iri       string // IRI mapping: an IRI, a blank node identifier or a keyword
	null      bool   // @id: null, the term maps to nothing
	prefix    bool   // may be used as the prefix of a compact IRI
	protected bool
	reverse   bool
	typ       string // type mapping, "" when none
	hasLang   bool
	lang      string
	langNull  bool // language mapping is explicitly null
	hasDir    bool
	dir       string // "" with hasDir: explicitly no direction
	container uint16
	index     string
	nest      string
	hasCtx    bool
	ctx       any    // scoped context
	baseURL   string // base URL for the scoped context
}

// sameAs compares two definitions ignoring protection, for the protected
// term redefinition check.
func (d *termDef) sameAs(o *termDef) bool {
	if d.iri != o.iri || d.null != o.null || d.prefix != o.prefix || d.reverse != o.reverse ||
		d.typ != o.typ || d.hasLang != o.hasLang || d.lang != o.lang || d.langNull != o.langNull ||
		d.hasDir != o.hasDir || d.dir != o.dir || d.container != o.container ||
		d.index != o.index || d.nest != o.nest || d.hasCtx != o.hasCtx {
		return false
	}
	return !d.hasCtx || jsonEqual(d.ctx, o.ctx)
}

// context is an active context.
type context struct {
	terms        map[string]*termDef
	base         string // base IRI; "" is none
	originalBase string
	vocab        string
	hasVocab     bool
	lang         string // default language; "" is none
	dir          string // default base direction; "" is none
	previous     *context
	protected    bool // some term definition is protected

	// vocabCache memoises vocabIRI on a finished context; expansion asks
	// for the same keys over and over.
	vocabCache map[string]vocabResult
}

type vocabResult struct {
	iri string
	ok  bool
}

func (c *context) clone() *context {
	n := *c
	n.terms = maps.Clone(c.terms)
	n.vocabCache = nil
	return &n
}

// maxRemoteContexts bounds the chain of remote contexts loaded while
// processing one context, which stops recursive inclusion.
const maxRemoteContexts = 32

// ctxKey identifies a context processing call whose result can be reused:
// the same active context and the same local context value (by identity).
type ctxKey struct {
	active   *context
	local    uintptr
	localStr string
	n        int
	base     string
	flags    uint8
}

func localIdentity(v any) (uintptr, string, int, bool) {
	switch x := v.(type) {
	case string:
		return 0, x, 0, true
	case map[string]any:
		return reflect.ValueOf(x).Pointer(), "", len(x), true
	case []any:
		if len(x) == 0 {
			return 0, "", 0, false
		}
		return reflect.ValueOf(x).Pointer(), "", len(x), true
	}
	return 0, "", 0, false
}

// processContext is the Context Processing algorithm (section 4.1.2).
func (p *processor) processContext(active *context, local any, baseURL string, remote []string, overrideProtected, propagate, validateScoped bool) (*context, error) {
	var key ctxKey
	cacheable := len(remote) == 0
	if cacheable {
		var ok bool
		key.local, key.localStr, key.n, ok = localIdentity(local)
		cacheable = ok
		key.active, key.base = active, baseURL
		if overrideProtected {
			key.flags |= 1
		}
		if propagate {
			key.flags |= 2
		}
		if validateScoped {
			key.flags |= 4
		}
		cacheable = cacheable && validateScoped
		if c, ok := p.ctxCache[key]; ok && cacheable {
			return c, nil
		}
	}
	res, err := p.processContext1(active, local, baseURL, remote, overrideProtected, propagate, validateScoped)
	if err == nil && cacheable {
		if p.ctxCache == nil {
			p.ctxCache = map[ctxKey]*context{}
		}
		p.ctxCache[key] = res
	}
	return res, err
}

func (p *processor) processContext1(active *context, local any, baseURL string, remote []string, overrideProtected, propagate, validateScoped bool) (*context, error) {
	result := active.clone()
	if m, ok := local.(map[string]any); ok {
		if v, ok := m["@propagate"]; ok {
			b, ok := v.(bool)
			if !ok {
				return nil, errorf(CodeInvalidPropagateValue, "@propagate must be true or false, not %s", short(v))
			}
			propagate = b
		}
	}
	if !propagate && result.previous == nil {
		result.previous = active
	}
	list, ok := local.([]any)
	if !ok {
		list = []any{local}
	}
	for _, lc := range list {
		switch c := lc.(type) {
		case nil:
			if !overrideProtected && result.protected {
				return nil, errorf(CodeInvalidContextNullification, "a context with protected terms cannot be set to null")
			}
			prev := result
			result = &context{terms: map[string]*termDef{}, base: active.originalBase, originalBase: active.originalBase}
			if !propagate {
				result.previous = prev
			}
			continue
		case string:
			ref := iri.Resolve(baseURL, c)
			if !validateScoped && slices.Contains(remote, ref) {
				continue
			}
			if len(remote) >= maxRemoteContexts {
				return nil, errorf(CodeContextOverflow, "more than %d nested remote contexts (at %s)", maxRemoteContexts, ref)
			}
			remote = append(slices.Clip(remote), ref)
			loaded, err := p.loadContext(ref)
			if err != nil {
				return nil, err
			}
			result, err = p.processContext(result, loaded, ref, remote, overrideProtected, true, validateScoped)
			if err != nil {
				return nil, err
			}
			continue
		case map[string]any:
			if err := p.applyContextMap(result, c, baseURL, remote, overrideProtected); err != nil {
				return nil, err
			}
		default:
			return nil, errorf(CodeInvalidLocalContext, "a context must be an object, a string or null, not %s", short(lc))
		}
	}
	return result, nil
}

// loadContext dereferences a remote context and returns its @context
// value. Documents are cached for the processor's lifetime.
func (p *processor) loadContext(ref string) (any, error) {
	doc, err := p.loadDocument(ref, CodeLoadingRemoteContextFailed)
	if err != nil {
		return nil, err
	}
	m, ok := doc.(map[string]any)
	if !ok {
		return nil, errorf(CodeInvalidRemoteContext, "%s is not a JSON object", ref)
	}
	c, ok := m["@context"]
	if !ok {
		return nil, errorf(CodeInvalidRemoteContext, "%s has no @context", ref)
	}
	return c, nil
}

func (p *processor) loadDocument(ref, code string) (any, error) {
	if d, ok := p.docs[ref]; ok {
		return d, nil
	}
	if p.opt.LoadDocument == nil {
		return nil, errorf(code, "%s: remote documents are not loaded (no document loader)", ref)
	}
	d, err := p.opt.LoadDocument(ref)
	if err != nil {
		return nil, errorf(code, "%s: %v", ref, err)
	}
	if p.docs == nil {
		p.docs = map[string]any{}
	}
	p.docs[ref] = d
	return d, nil
}

// applyContextMap processes one context definition (a JSON object) into
// result: steps 5.5 to 5.13 of Context Processing.
func (p *processor) applyContextMap(result *context, c map[string]any, baseURL string, remote []string, overrideProtected bool) error {
	if v, ok := c["@version"]; ok {
		if f, ok := toFloat(v); !ok || f != 1.1 {
			return errorf(CodeInvalidVersionValue, "@version must be 1.1, not %s", short(v))
		}
		if p.mode10 {
			return errorf(CodeProcessingModeConflict, "@version 1.1 in json-ld-1.0 processing mode")
		}
	}
	if v, ok := c["@import"]; ok {
		if p.mode10 {
			return errorf(CodeInvalidContextEntry, "@import is not allowed in json-ld-1.0")
		}
		s, ok := v.(string)
		if !ok {
			return errorf(CodeInvalidImportValue, "@import must be a string, not %s", short(v))
		}
		ref := iri.Resolve(baseURL, s)
		loaded, err := p.loadContext(ref)
		if err != nil {
			return err
		}
		imp, ok := loaded.(map[string]any)
		if !ok {
			return errorf(CodeInvalidRemoteContext, "imported context %s is not an object", ref)
		}
		if _, ok := imp["@import"]; ok {
			return errorf(CodeInvalidContextEntry, "imported context %s has @import", ref)
		}
		merged := maps.Clone(imp)
		for k, v := range c {
			merged[k] = v
		}
		c = merged
	}
	if v, ok := c["@base"]; ok && len(remote) == 0 {
		switch b := v.(type) {
		case nil:
			result.base = ""
		case string:
			switch {
			case iri.IsAbsolute(b):
				result.base = b
			case result.base != "":
				result.base = iri.Resolve(result.base, b)
			default:
				return errorf(CodeInvalidBaseIRI, "relative @base %q without a base IRI", b)
			}
		default:
			return errorf(CodeInvalidBaseIRI, "@base must be a string or null, not %s", short(v))
		}
	}
	if v, ok := c["@vocab"]; ok {
		switch s := v.(type) {
		case nil:
			result.vocab, result.hasVocab = "", false
		case string:
			if p.mode10 && !iri.IsAbsolute(s) && !strings.HasPrefix(s, "_:") {
				return errorf(CodeInvalidVocabMapping, "@vocab must be an absolute IRI in json-ld-1.0, not %q", s)
			}
			x, ok, err := p.expandIRI(result, s, true, true, nil, nil)
			if err != nil {
				return err
			}
			if !ok || !(iri.IsAbsolute(x) || strings.HasPrefix(x, "_:")) || isKeyword(x) {
				return errorf(CodeInvalidVocabMapping, "@vocab %q is not an IRI", s)
			}
			result.vocab, result.hasVocab = x, true
		default:
			return errorf(CodeInvalidVocabMapping, "@vocab must be a string or null, not %s", short(v))
		}
	}
	if v, ok := c["@language"]; ok {
		switch s := v.(type) {
		case nil:
			result.lang = ""
		case string:
			result.lang = s
		default:
			return errorf(CodeInvalidDefaultLanguage, "@language must be a string or null, not %s", short(v))
		}
	}
	if v, ok := c["@direction"]; ok {
		if p.mode10 {
			return errorf(CodeInvalidContextEntry, "@direction is not allowed in json-ld-1.0")
		}
		switch v {
		case nil:
			result.dir = ""
		case "ltr", "rtl":
			result.dir = v.(string)
		default:
			return errorf(CodeInvalidBaseDirection, "@direction must be \"ltr\", \"rtl\" or null, not %s", short(v))
		}
	}
	if v, ok := c["@propagate"]; ok {
		if p.mode10 {
			return errorf(CodeInvalidContextEntry, "@propagate is not allowed in json-ld-1.0")
		}
		if _, ok := v.(bool); !ok {
			return errorf(CodeInvalidPropagateValue, "@propagate must be true or false, not %s", short(v))
		}
	}
	protected := false
	if v, ok := c["@protected"]; ok {
		if p.mode10 {
			return errorf(CodeInvalidContextEntry, "@protected is not allowed in json-ld-1.0")
		}
		b, ok := v.(bool)
		if !ok {
			return errorf(CodeInvalidProtectedValue, "@protected must be true or false, not %s", short(v))
		}
		protected = b
	}
	// Term definitions created on demand by IRI expansion use the same
	// settings as the ones created below.
	saveBase, saveOverride, saveRemote := p.termBase, p.termOverride, p.termRemote
	p.termBase, p.termOverride, p.termRemote = baseURL, overrideProtected, remote
	defer func() { p.termBase, p.termOverride, p.termRemote = saveBase, saveOverride, saveRemote }()
	defined := map[string]bool{}
	for _, k := range sortedKeys(c) {
		switch k {
		case "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab":
			continue
		}
		if err := p.createTermDef(result, c, k, defined, baseURL, protected, overrideProtected, remote); err != nil {
			return err
		}
	}
	return nil
}

// createTermDef is the Create Term Definition algorithm (section 4.2.2).
func (p *processor) createTermDef(active *context, local map[string]any, term string, defined map[string]bool, baseURL string, protected, overrideProtected bool, remote []string) error {
	if done, ok := defined[term]; ok {
		if done {
			return nil
		}
		return errorf(CodeCyclicIRIMapping, "term %q is defined in terms of itself", term)
	}
	if term == "" {
		return errorf(CodeInvalidTermDefinition, "the empty string is not a valid term")
	}
	defined[term] = false
	value := local[term]
	if term == "@type" {
		if p.mode10 {
			return errorf(CodeKeywordRedefinition, "@type cannot be redefined in json-ld-1.0")
		}
		m, ok := value.(map[string]any)
		if !ok || len(m) == 0 {
			return errorf(CodeKeywordRedefinition, "@type may only be given @container @set and @protected")
		}
		for k, v := range m {
			switch {
			case k == "@container" && v == "@set":
			case k == "@protected":
			default:
				return errorf(CodeKeywordRedefinition, "@type may only be given @container @set and @protected")
			}
		}
	} else if isKeyword(term) {
		return errorf(CodeKeywordRedefinition, "keyword %s cannot be redefined", term)
	} else if hasKeywordForm(term) {
		// Reserved for future keywords: ignored.
		defined[term] = true
		return nil
	}
	previous := active.terms[term]
	delete(active.terms, term)

	var m map[string]any
	simple := false
	switch v := value.(type) {
	case nil:
		m = map[string]any{"@id": nil}
	case string:
		m = map[string]any{"@id": v}
		simple = true
	case map[string]any:
		m = v
	default:
		return errorf(CodeInvalidTermDefinition, "definition of %q must be a string, an object or null, not %s", term, short(value))
	}
	def := &termDef{}
	if v, ok := m["@protected"]; ok {
		if p.mode10 {
			return errorf(CodeInvalidTermDefinition, "@protected is not allowed in json-ld-1.0")
		}
		b, ok := v.(bool)
		if !ok {
			return errorf(CodeInvalidProtectedValue, "@protected of %q must be true or false", term)
		}
		def.protected = b
	} else {
		def.protected = protected
	}
	if v, ok := m["@type"]; ok {
		s, ok := v.(string)
		if !ok {
			return errorf(CodeInvalidTypeMapping, "@type of %q must be a string, not %s", term, short(v))
		}
		t, ok, err := p.expandIRI(active, s, false, true, local, defined)
		if err != nil {
			return err
		}
		if !ok {
			return errorf(CodeInvalidTypeMapping, "@type %q of %q is not an IRI", s, term)
		}
		switch {
		case (t == "@json" || t == "@none") && p.mode10:
			return errorf(CodeInvalidTypeMapping, "@type %s is not allowed in json-ld-1.0", t)
		case t == "@id" || t == "@json" || t == "@none" || t == "@vocab":
		case iri.IsAbsolute(t) && !isKeyword(t):
		default:
			return errorf(CodeInvalidTypeMapping, "@type %q of %q is not an IRI", s, term)
		}
		def.typ = t
	}
	if v, ok := m["@reverse"]; ok {
		if _, ok := m["@id"]; ok {
			return errorf(CodeInvalidReverseProperty, "%q has both @reverse and @id", term)
		}
		if _, ok := m["@nest"]; ok {
			return errorf(CodeInvalidReverseProperty, "%q has both @reverse and @nest", term)
		}
		s, ok := v.(string)
		if !ok {
			return errorf(CodeInvalidIRIMapping, "@reverse of %q must be a string", term)
		}
		if hasKeywordForm(s) {
			defined[term] = true
			return nil
		}
		x, ok, err := p.expandIRI(active, s, false, true, local, defined)
		if err != nil {
			return err
		}
		if !ok || !(iri.IsAbsolute(x) || strings.HasPrefix(x, "_:")) || isKeyword(x) {
			return errorf(CodeInvalidIRIMapping, "@reverse %q of %q is not an IRI", s, term)
		}
		def.iri = x
		if c, ok := m["@container"]; ok {
			switch c {
			case nil:
			case "@set":
				def.container = cSet
			case "@index":
				def.container = cIndex
			default:
				return errorf(CodeInvalidReverseProperty, "a reverse property's container must be @set or @index, not %s", short(c))
			}
		}
		def.reverse = true
	}
	idVal, hasID := m["@id"]
	if def.reverse {
		// The IRI mapping comes from @reverse.
	} else if hasID && idVal != term {
		switch s := idVal.(type) {
		case nil:
			def.null = true
		case string:
			if !isKeyword(s) && hasKeywordForm(s) {
				defined[term] = true
				return nil
			}
			x, ok, err := p.expandIRI(active, s, false, true, local, defined)
			if err != nil {
				return err
			}
			if !ok || !(isKeyword(x) || iri.IsAbsolute(x) || strings.HasPrefix(x, "_:")) {
				return errorf(CodeInvalidIRIMapping, "@id %q of %q is not an IRI, blank node or keyword", s, term)
			}
			if x == "@context" {
				return errorf(CodeInvalidKeywordAlias, "@context cannot be aliased")
			}
			def.iri = x
			if strings.IndexByte(term[min(1, len(term)):max(len(term)-1, 1)], ':') >= 0 || strings.Contains(term, "/") {
				defined[term] = true
				y, ok, err := p.expandIRI(active, term, false, true, local, defined)
				if err != nil {
					return err
				}
				if !ok || y != x {
					return errorf(CodeInvalidIRIMapping, "term %q looks like an IRI but maps to %q", term, x)
				}
			}
			if !strings.ContainsAny(term, ":/") && simple && (endsWithGenDelim(x) || strings.HasPrefix(x, "_:")) {
				def.prefix = true
			}
		default:
			return errorf(CodeInvalidIRIMapping, "@id of %q must be a string or null, not %s", term, short(idVal))
		}
	} else if i := strings.IndexByte(term, ':'); i > 0 {
		prefix, suffix := term[:i], term[i+1:]
		if prefix == "_" || strings.HasPrefix(suffix, "//") {
			def.iri = term
		} else if _, ok := local[prefix]; ok {
			if err := p.createTermDef(active, local, prefix, defined, baseURL, protected, overrideProtected, remote); err != nil {
				return err
			}
		}
		if def.iri == "" {
			if pd, ok := active.terms[prefix]; ok && !pd.null {
				def.iri = pd.iri + suffix
			} else {
				def.iri = term
			}
		}
	} else if strings.Contains(term, "/") {
		x, ok, err := p.expandIRI(active, term, false, true, nil, nil)
		if err != nil {
			return err
		}
		if !ok || !iri.IsAbsolute(x) {
			return errorf(CodeInvalidIRIMapping, "term %q is not an IRI", term)
		}
		def.iri = x
	} else if term == "@type" {
		def.iri = "@type"
	} else if active.hasVocab {
		def.iri = active.vocab + term
	} else {
		return errorf(CodeInvalidIRIMapping, "term %q has no IRI mapping and there is no @vocab", term)
	}
	if v, ok := m["@container"]; ok && !def.reverse {
		c, err := p.parseContainer(term, v)
		if err != nil {
			return err
		}
		def.container = c
		if c&cType != 0 {
			if def.typ == "" {
				def.typ = "@id"
			} else if def.typ != "@id" && def.typ != "@vocab" {
				return errorf(CodeInvalidTypeMapping, "a @type container needs @type @id or @vocab (term %q)", term)
			}
		}
	}
	if v, ok := m["@index"]; ok {
		if p.mode10 || def.container&cIndex == 0 {
			return errorf(CodeInvalidTermDefinition, "@index of %q needs an @index container", term)
		}
		s, ok := v.(string)
		if !ok {
			return errorf(CodeInvalidTermDefinition, "@index of %q must be a string", term)
		}
		x, ok, err := p.expandIRI(active, s, false, true, local, defined)
		if err != nil {
			return err
		}
		if !ok || !iri.IsAbsolute(x) || isKeyword(x) {
			return errorf(CodeInvalidTermDefinition, "@index %q of %q is not an IRI", s, term)
		}
		def.index = s
	}
	if v, ok := m["@context"]; ok {
		if p.mode10 {
			return errorf(CodeInvalidTermDefinition, "scoped contexts are not allowed in json-ld-1.0")
		}
		if _, err := p.processContext(active, v, baseURL, slices.Clone(remote), true, true, false); err != nil {
			return errorf(CodeInvalidScopedContext, "scoped context of %q: %v", term, err)
		}
		def.hasCtx, def.ctx, def.baseURL = true, v, baseURL
	}
	if v, ok := m["@language"]; ok {
		if _, hasType := m["@type"]; !hasType {
			switch s := v.(type) {
			case nil:
				def.hasLang, def.langNull = true, true
			case string:
				def.hasLang, def.lang = true, s
			default:
				return errorf(CodeInvalidLanguageMapping, "@language of %q must be a string or null", term)
			}
		}
	}
	if v, ok := m["@direction"]; ok {
		if _, hasType := m["@type"]; !hasType {
			switch v {
			case nil:
				def.hasDir = true
			case "ltr", "rtl":
				def.hasDir, def.dir = true, v.(string)
			default:
				return errorf(CodeInvalidBaseDirection, "@direction of %q must be \"ltr\", \"rtl\" or null", term)
			}
		}
	}
	if v, ok := m["@nest"]; ok {
		if p.mode10 {
			return errorf(CodeInvalidTermDefinition, "@nest is not allowed in json-ld-1.0")
		}
		s, ok := v.(string)
		if !ok || (isKeyword(s) && s != "@nest") {
			return errorf(CodeInvalidNestValue, "@nest of %q must be a term or @nest", term)
		}
		def.nest = s
	}
	if v, ok := m["@prefix"]; ok {
		if p.mode10 || strings.ContainsAny(term, ":/") {
			return errorf(CodeInvalidTermDefinition, "@prefix is not allowed on %q", term)
		}
		b, ok := v.(bool)
		if !ok {
			return errorf(CodeInvalidPrefixValue, "@prefix of %q must be true or false", term)
		}
		def.prefix = b
		if b && isKeyword(def.iri) {
			return errorf(CodeInvalidTermDefinition, "keyword alias %q cannot be a prefix", term)
		}
	}
	if err := p.checkTermKeys(term, m); err != nil {
		return err
	}
	return p.finishTermDef(active, term, def, previous, defined, overrideProtected)
}

func (p *processor) checkTermKeys(term string, m map[string]any) error {
	for k := range m {
		switch k {
		case "@id", "@reverse", "@container", "@context", "@language", "@type":
		case "@direction", "@index", "@nest", "@prefix", "@protected":
			if p.mode10 {
				return errorf(CodeInvalidTermDefinition, "%s in the definition of %q is not allowed in json-ld-1.0", k, term)
			}
		default:
			return errorf(CodeInvalidTermDefinition, "unexpected %s in the definition of %q", k, term)
		}
	}
	return nil
}

func (p *processor) finishTermDef(active *context, term string, def, previous *termDef, defined map[string]bool, overrideProtected bool) error {
	if !overrideProtected && previous != nil && previous.protected {
		if !def.sameAs(previous) {
			return errorf(CodeProtectedTermRedefinition, "protected term %q cannot be redefined", term)
		}
		def = previous
	}
	active.terms[term] = def
	if def.protected {
		active.protected = true
	}
	defined[term] = true
	return nil
}

func (p *processor) parseContainer(term string, v any) (uint16, error) {
	var items []any
	switch x := v.(type) {
	case string:
		items = []any{x}
	case []any:
		if p.mode10 {
			return 0, errorf(CodeInvalidContainerMapping, "@container of %q must be a string in json-ld-1.0", term)
		}
		items = x
	case nil:
		return 0, nil
	default:
		return 0, errorf(CodeInvalidContainerMapping, "@container of %q must be a string or an array", term)
	}
	var c uint16
	for _, it := range items {
		s, _ := it.(string)
		f, ok := containerNames[s]
		if !ok {
			return 0, errorf(CodeInvalidContainerMapping, "unknown container %s on %q", short(it), term)
		}
		if p.mode10 && (f == cGraph || f == cID || f == cType) {
			return 0, errorf(CodeInvalidContainerMapping, "@container %s is not allowed in json-ld-1.0", s)
		}
		c |= f
	}
	// The combinations the specification allows.
	rest := c &^ cSet
	switch {
	case c == cList:
	case rest == 0 && c != 0:
	case rest == cIndex, rest == cID, rest == cType, rest == cLanguage, rest == cGraph:
	case rest == cGraph|cID, rest == cGraph|cIndex:
	default:
		return 0, errorf(CodeInvalidContainerMapping, "invalid @container combination on %q", term)
	}
	return c, nil
}

func endsWithGenDelim(s string) bool {
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case ':', '/', '?', '#', '[', ']', '@':
		return true
	}
	return false
}

// expandIRI is the IRI Expansion algorithm (section 5.2.2). ok is false
// when the value expands to null.
func (p *processor) expandIRI(active *context, value string, docRel, vocab bool, local map[string]any, defined map[string]bool) (string, bool, error) {
	if isKeyword(value) {
		return value, true, nil
	}
	if hasKeywordForm(value) {
		return "", false, nil
	}
	if local != nil {
		if _, ok := local[value]; ok && !defined[value] {
			if err := p.createTermDef(active, local, value, defined, p.termBase, local["@protected"] == true, p.termOverride, p.termRemote); err != nil {
				return "", false, err
			}
		}
	}
	if d, ok := active.terms[value]; ok {
		if isKeyword(d.iri) {
			return d.iri, true, nil
		}
		if vocab {
			if d.null {
				return "", false, nil
			}
			return d.iri, true, nil
		}
	}
	if i := strings.IndexByte(value[min(1, len(value)):], ':'); i >= 0 {
		i++
		prefix, suffix := value[:i], value[i+1:]
		if prefix == "_" || strings.HasPrefix(suffix, "//") {
			return value, true, nil
		}
		if local != nil {
			if _, ok := local[prefix]; ok && !defined[prefix] {
				if err := p.createTermDef(active, local, prefix, defined, p.termBase, local["@protected"] == true, p.termOverride, p.termRemote); err != nil {
					return "", false, err
				}
			}
		}
		if d, ok := active.terms[prefix]; ok && !d.null && d.prefix {
			return d.iri + suffix, true, nil
		}
		if iri.IsAbsolute(value) {
			return value, true, nil
		}
	}
	if vocab && active.hasVocab {
		return active.vocab + value, true, nil
	}
	if docRel && active.base != "" {
		return iri.Resolve(active.base, value), true, nil
	}
	return value, true, nil
}

var keywords = map[string]bool{
	"@base": true, "@container": true, "@context": true, "@default": true, "@direction": true,
	"@embed": true, "@explicit": true, "@graph": true, "@id": true, "@import": true,
	"@included": true, "@index": true, "@json": true, "@language": true, "@list": true,
	"@nest": true, "@none": true, "@omitDefault": true, "@prefix": true, "@preserve": true,
	"@protected": true, "@propagate": true, "@requireAll": true, "@reverse": true, "@set": true,
	"@type": true, "@value": true, "@version": true, "@vocab": true,
}

func isKeyword(s string) bool { return len(s) > 1 && s[0] == '@' && keywords[s] }

// hasKeywordForm reports whether s looks like a keyword ("@" followed by
// ASCII letters only); such strings are reserved and ignored.
func hasKeywordForm(s string) bool {
	if len(s) < 2 || s[0] != '@' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
