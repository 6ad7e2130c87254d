package jsonld

import (
	"slices"
	"strings"

	"kg/internal/limits"
)

// noProp stands for the null active property. Real properties never
// contain a NUL character, so it cannot collide with a key.
const noProp = "\x00"

// vocabIRI expands a key or type against the active context (IRI
// expansion with vocab true, no local context).
func (p *processor) vocabIRI(ac *context, s string) (string, bool) {
	if r, ok := ac.vocabCache[s]; ok {
		return r.iri, r.ok
	}
	x, ok, _ := p.expandIRI(ac, s, false, true, nil, nil)
	if ac.vocabCache == nil {
		ac.vocabCache = map[string]vocabResult{}
	}
	if len(ac.vocabCache) < 10000 {
		ac.vocabCache[s] = vocabResult{x, ok}
	}
	return x, ok
}

// expand is the Expansion algorithm (section 13.1).
func (p *processor) expand(ac *context, activeProp string, element any, baseURL string, fromMap bool) (any, error) {
	if element == nil {
		return nil, nil
	}
	p.depth++
	defer func() { p.depth-- }()
	// A scalar inside maxDepth arrays and objects is one call deeper.
	if p.depth > p.maxDepth+1 {
		return nil, errorf(CodeDepthExceeded, "%s", limits.DepthMessage(p.maxDepth))
	}
	var apDef *termDef
	if activeProp != noProp {
		apDef = ac.terms[activeProp]
	}
	switch el := element.(type) {
	case []any:
		result := make([]any, 0, len(el))
		for _, item := range el {
			x, err := p.expand(ac, activeProp, item, baseURL, fromMap)
			if err != nil {
				return nil, err
			}
			if arr, ok := x.([]any); ok && apDef != nil && apDef.container&cList != 0 {
				x = map[string]any{"@list": arr}
			}
			switch v := x.(type) {
			case nil:
			case []any:
				result = append(result, v...)
			default:
				result = append(result, v)
			}
		}
		return result, nil
	case map[string]any:
		return p.expandObject(ac, activeProp, apDef, el, baseURL, fromMap)
	default:
		if activeProp == noProp || activeProp == "@graph" {
			return nil, nil
		}
		if apDef != nil && apDef.hasCtx {
			var err error
			ac, err = p.processContext(ac, apDef.ctx, apDef.baseURL, nil, false, true, true)
			if err != nil {
				return nil, err
			}
		}
		return p.expandValue(ac, activeProp, el)
	}
}

func (p *processor) expandObject(ac *context, activeProp string, apDef *termDef, el map[string]any, baseURL string, fromMap bool) (any, error) {
	var err error
	// A type-scoped context does not apply to nested node objects.
	if ac.previous != nil && !fromMap {
		revert := true
		for k := range el {
			x, _ := p.vocabIRI(ac, k)
			if x == "@value" || (len(el) == 1 && x == "@id") {
				revert = false
				break
			}
		}
		if revert {
			ac = ac.previous
		}
	}
	if apDef != nil && apDef.hasCtx {
		if ac, err = p.processContext(ac, apDef.ctx, apDef.baseURL, nil, true, true, true); err != nil {
			return nil, err
		}
	}
	if c, ok := el["@context"]; ok {
		if ac, err = p.processContext(ac, c, baseURL, nil, false, true, true); err != nil {
			return nil, err
		}
	}
	typeScoped := ac
	keys := sortedKeys(el)
	// Expanded keys, reused by step 13 unless a type-scoped context
	// changes the active context.
	expKeys := make([]string, len(keys))
	for i, k := range keys {
		x, ok := p.vocabIRI(typeScoped, k)
		if !ok {
			x = ""
		}
		expKeys[i] = x
	}
	inputType, found := "", false
	for i, k := range keys {
		if expKeys[i] != "@type" {
			continue
		}
		vals := asArray(el[k])
		var types []string
		for _, v := range vals {
			if s, ok := v.(string); ok {
				types = append(types, s)
			}
		}
		if !found {
			found = true
			if len(vals) > 0 {
				inputType, _ = vals[len(vals)-1].(string)
			}
		}
		slices.Sort(types)
		for _, t := range types {
			if d := typeScoped.terms[t]; d != nil && d.hasCtx {
				if ac, err = p.processContext(ac, d.ctx, d.baseURL, nil, false, false, true); err != nil {
					return nil, err
				}
			}
		}
	}
	if inputType != "" {
		inputType, _ = p.vocabIRI(ac, inputType)
	}
	result := map[string]any{}
	if ac != typeScoped {
		expKeys = nil
	}
	if err := p.expandEntries(ac, typeScoped, activeProp, el, keys, expKeys, baseURL, result, inputType); err != nil {
		return nil, err
	}

	if v, ok := result["@value"]; ok {
		for k := range result {
			switch k {
			case "@direction", "@index", "@language", "@type", "@value":
			default:
				return nil, errorf(CodeInvalidValueObject, "a value object cannot have %s", k)
			}
		}
		_, hasType := result["@type"]
		_, hasLang := result["@language"]
		_, hasDir := result["@direction"]
		if hasType && (hasLang || hasDir) {
			return nil, errorf(CodeInvalidValueObject, "a value object cannot have both @type and @language or @direction")
		}
		switch arr, isArr := v.([]any); {
		case result["@type"] == "@json":
		case v == nil || isArr && len(arr) == 0:
			return nil, nil
		case hasLang:
			if _, isStr := v.(string); !isStr {
				return nil, errorf(CodeInvalidLanguageTaggedValue, "@language on the non-string value %s", short(v))
			}
		case hasType:
			t, ok := result["@type"].(string)
			if !ok || !wellFormedIRI(t) {
				return nil, errorf(CodeInvalidTypedValue, "the @type of a value object must be an IRI, not %s", short(result["@type"]))
			}
		}
	} else if t, ok := result["@type"]; ok {
		if _, isArr := t.([]any); !isArr {
			result["@type"] = []any{t}
		}
	}
	_, hasSet := result["@set"]
	_, hasList := result["@list"]
	if hasSet || hasList {
		_, hasIndex := result["@index"]
		if len(result) > 2 || len(result) == 2 && !hasIndex {
			return nil, errorf(CodeInvalidSetOrListObject, "a @set or @list object may only have @index beside it")
		}
		if hasSet {
			return result["@set"], nil
		}
	}
	if _, ok := result["@language"]; ok && len(result) == 1 {
		return nil, nil
	}
	if activeProp == noProp || activeProp == "@graph" {
		_, hasValue := result["@value"]
		_, hasID := result["@id"]
		if len(result) == 0 || hasValue || hasList || len(result) == 1 && hasID {
			return nil, nil
		}
	}
	return result, nil
}

// expandEntries is step 13 and 14 of the Expansion algorithm: it expands
// the entries of el into result, then the nested properties.
// expKeys, when not nil, holds the keys already expanded against ac ("" for
// null).
func (p *processor) expandEntries(ac, typeScoped *context, activeProp string, el map[string]any, keys, expKeys []string, baseURL string, result map[string]any, inputType string) error {
	var nests []string
	for i, key := range keys {
		if key == "@context" {
			continue
		}
		value := el[key]
		var prop string
		if expKeys != nil {
			prop = expKeys[i]
		} else {
			prop, _ = p.vocabIRI(ac, key)
		}
		if prop == "" || !(isKeyword(prop) || strings.Contains(prop, ":")) {
			continue
		}
		if isKeyword(prop) {
			if activeProp == "@reverse" {
				return errorf(CodeInvalidReversePropertyMap, "a reverse property map cannot contain %s", key)
			}
			if _, exists := result[prop]; exists && (p.mode10 || prop != "@included" && prop != "@type") {
				return errorf(CodeCollidingKeywords, "%s occurs more than once (key %q)", prop, key)
			}
			var ev any
			switch prop {
			case "@id":
				s, ok := value.(string)
				if !ok {
					return errorf(CodeInvalidIDValue, "@id must be a string, not %s", short(value))
				}
				x, ok, _ := p.expandIRI(ac, s, true, false, nil, nil)
				if !ok {
					// A keyword-like @id is ignored but kept as null.
					result["@id"] = nil
					continue
				}
				ev = x
			case "@type":
				var types []any
				switch v := value.(type) {
				case string:
					types = []any{v}
				case []any:
					types = v
				default:
					return errorf(CodeInvalidTypeValue, "@type must be a string or an array of strings, not %s", short(value))
				}
				out := make([]any, 0, len(types))
				for _, t := range types {
					s, ok := t.(string)
					if !ok {
						return errorf(CodeInvalidTypeValue, "@type must be a string or an array of strings, not %s", short(value))
					}
					if x, ok, _ := p.expandIRI(typeScoped, s, true, true, nil, nil); ok {
						out = append(out, x)
					}
				}
				if old, ok := result["@type"]; ok {
					out = append(slices.Clone(asArray(old)), out...)
				}
				if _, isStr := value.(string); isStr && len(out) == 1 {
					ev = out[0]
				} else {
					ev = out
				}
			case "@graph":
				x, err := p.expand(ac, "@graph", value, baseURL, false)
				if err != nil {
					return err
				}
				ev = toArray(x)
			case "@included":
				if p.mode10 {
					continue
				}
				// Expanded under @included, not the null property, so that
				// strings, value and list objects survive to be rejected.
				x, err := p.expand(ac, "@included", value, baseURL, false)
				if err != nil {
					return err
				}
				arr := toArray(x)
				for _, it := range arr {
					m, ok := it.(map[string]any)
					_, v := m["@value"]
					_, l := m["@list"]
					_, s := m["@set"]
					if !ok || v || l || s {
						return errorf(CodeInvalidIncludedValue, "@included must hold node objects, not %s", short(it))
					}
				}
				if old, ok := result["@included"]; ok {
					arr = append(slices.Clone(asArray(old)), arr...)
				}
				ev = arr
			case "@value":
				if inputType == "@json" {
					if p.mode10 {
						return errorf(CodeInvalidValueObjectValue, "JSON literals are not allowed in json-ld-1.0")
					}
				} else if value != nil && !isScalar(value) {
					return errorf(CodeInvalidValueObjectValue, "@value must be a string, number, boolean or null, not %s", short(value))
				}
				result["@value"] = value
				continue
			case "@language":
				s, ok := value.(string)
				if !ok {
					return errorf(CodeInvalidLanguageTaggedString, "@language must be a string, not %s", short(value))
				}
				ev = s
			case "@direction":
				if p.mode10 {
					continue
				}
				if value != "ltr" && value != "rtl" {
					return errorf(CodeInvalidBaseDirection, "@direction must be \"ltr\" or \"rtl\", not %s", short(value))
				}
				ev = value
			case "@index":
				s, ok := value.(string)
				if !ok {
					return errorf(CodeInvalidIndexValue, "@index must be a string, not %s", short(value))
				}
				ev = s
			case "@list":
				if activeProp == noProp || activeProp == "@graph" {
					continue
				}
				x, err := p.expand(ac, activeProp, value, baseURL, false)
				if err != nil {
					return err
				}
				ev = toArray(x)
			case "@set":
				x, err := p.expand(ac, activeProp, value, baseURL, false)
				if err != nil {
					return err
				}
				ev = x
			case "@reverse":
				m, ok := value.(map[string]any)
				if !ok {
					return errorf(CodeInvalidReverseValue, "@reverse must be an object, not %s", short(value))
				}
				x, err := p.expand(ac, "@reverse", m, baseURL, false)
				if err != nil {
					return err
				}
				xm, _ := x.(map[string]any)
				if rv, ok := xm["@reverse"].(map[string]any); ok {
					for _, rp := range sortedKeys(rv) {
						addValues(result, rp, rv[rp])
					}
				}
				for _, rp := range sortedKeys(xm) {
					if rp == "@reverse" {
						continue
					}
					rmap := reverseMap(result)
					for _, item := range asArray(xm[rp]) {
						if isValueObject(item) || isListObject(item) {
							return errorf(CodeInvalidReversePropertyValue, "a reverse property cannot hold %s", short(item))
						}
						addValues(rmap, rp, item)
					}
				}
				continue
			case "@nest":
				nests = append(nests, key)
				continue
			default:
				// Framing keywords have no meaning outside framing.
				continue
			}
			if ev != nil {
				result[prop] = ev
			}
			continue
		}

		def := ac.terms[key]
		var container uint16
		if def != nil {
			container = def.container
		}
		var ev any
		vm, isMap := value.(map[string]any)
		switch {
		case def != nil && def.typ == "@json":
			ev = map[string]any{"@value": value, "@type": "@json"}
		case container&cLanguage != 0 && isMap:
			dir := ac.dir
			if def.hasDir {
				dir = def.dir
			}
			arr := []any{}
			for _, lang := range sortedKeys(vm) {
				expLang, _ := p.vocabIRI(ac, lang)
				for _, item := range asArray(vm[lang]) {
					if item == nil {
						continue
					}
					s, ok := item.(string)
					if !ok {
						return errorf(CodeInvalidLanguageMapValue, "language map values must be strings, not %s", short(item))
					}
					v := map[string]any{"@value": s}
					if expLang != "@none" {
						v["@language"] = lang
					}
					if dir != "" {
						v["@direction"] = dir
					}
					arr = append(arr, v)
				}
			}
			ev = arr
		case container&(cIndex|cType|cID) != 0 && isMap:
			arr, err := p.expandIndexMap(ac, key, def, vm, baseURL)
			if err != nil {
				return err
			}
			ev = arr
		default:
			x, err := p.expand(ac, key, value, baseURL, false)
			if err != nil {
				return err
			}
			ev = x
		}
		if ev == nil {
			continue
		}
		if container&cList != 0 && !isListObject(ev) {
			ev = map[string]any{"@list": toArray(ev)}
		}
		if container&cGraph != 0 && container&(cID|cIndex) == 0 {
			arr := toArray(ev)
			out := make([]any, len(arr))
			for i, e := range arr {
				out[i] = map[string]any{"@graph": toArray(e)}
			}
			ev = out
		}
		if def != nil && def.reverse {
			rmap := reverseMap(result)
			for _, item := range toArray(ev) {
				if isValueObject(item) || isListObject(item) {
					return errorf(CodeInvalidReversePropertyValue, "the reverse property %q cannot hold %s", key, short(item))
				}
				addValues(rmap, prop, item)
			}
			continue
		}
		addValues(result, prop, ev)
	}

	slices.Sort(nests)
	for _, nk := range nests {
		for _, nv := range asArray(el[nk]) {
			nm, ok := nv.(map[string]any)
			if !ok {
				return errorf(CodeInvalidNestValue, "a nested value must be an object, not %s", short(nv))
			}
			for k := range nm {
				if x, _ := p.vocabIRI(ac, k); x == "@value" {
					return errorf(CodeInvalidNestValue, "a nested object cannot be a value object")
				}
			}
			nac := ac
			if d := ac.terms[nk]; d != nil && d.hasCtx {
				var err error
				if nac, err = p.processContext(ac, d.ctx, d.baseURL, nil, true, true, true); err != nil {
					return err
				}
			}
			if err := p.expandEntries(nac, typeScoped, activeProp, nm, sortedKeys(nm), nil, baseURL, result, inputType); err != nil {
				return err
			}
		}
	}
	return nil
}

// expandIndexMap expands the value of a term with an @index, @id or @type
// container given as a map (step 13.8).
func (p *processor) expandIndexMap(ac *context, key string, def *termDef, vm map[string]any, baseURL string) ([]any, error) {
	container := def.container
	indexKey := "@index"
	if def.index != "" {
		indexKey = def.index
	}
	arr := []any{}
	for _, idx := range sortedKeys(vm) {
		mapCtx := ac
		if container&(cID|cType) != 0 && ac.previous != nil {
			mapCtx = ac.previous
		}
		if container&cType != 0 {
			if d := mapCtx.terms[idx]; d != nil && d.hasCtx {
				var err error
				if mapCtx, err = p.processContext(mapCtx, d.ctx, d.baseURL, nil, false, true, true); err != nil {
					return nil, err
				}
			}
		}
		expIdx, _ := p.vocabIRI(ac, idx)
		x, err := p.expand(mapCtx, key, asArray(vm[idx]), baseURL, true)
		if err != nil {
			return nil, err
		}
		for _, item := range toArray(x) {
			if container&cGraph != 0 && !isGraphObject(item) {
				item = map[string]any{"@graph": toArray(item)}
			}
			im, ok := item.(map[string]any)
			if !ok {
				continue
			}
			switch {
			case container&cIndex != 0 && indexKey != "@index" && expIdx != "@none":
				re, err := p.expandValue(ac, indexKey, idx)
				if err != nil {
					return nil, err
				}
				eik, _ := p.vocabIRI(ac, indexKey)
				vals := []any{}
				if re != nil {
					vals = append(vals, re)
				}
				if old, ok := im[eik]; ok {
					vals = append(vals, asArray(old)...)
				}
				im[eik] = vals
				if _, ok := im["@value"]; ok {
					return nil, errorf(CodeInvalidValueObject, "a value object in a property-valued index cannot take the index property")
				}
			case container&cIndex != 0 && expIdx != "@none":
				if _, ok := im["@index"]; !ok {
					im["@index"] = idx
				}
			case container&cID != 0 && expIdx != "@none":
				if _, ok := im["@id"]; !ok {
					id, _, _ := p.expandIRI(ac, idx, true, false, nil, nil)
					im["@id"] = id
				}
			case container&cType != 0 && expIdx != "@none":
				types := []any{expIdx}
				if old, ok := im["@type"]; ok {
					types = append(types, asArray(old)...)
				}
				im["@type"] = types
			}
			arr = append(arr, im)
		}
	}
	return arr, nil
}

// expandValue is the Value Expansion algorithm (section 5.3.2).
func (p *processor) expandValue(ac *context, activeProp string, value any) (any, error) {
	def := ac.terms[activeProp]
	if s, ok := value.(string); ok && def != nil && (def.typ == "@id" || def.typ == "@vocab") {
		x, ok, err := p.expandIRI(ac, s, true, def.typ == "@vocab", nil, nil)
		if err != nil {
			return nil, err
		}
		if !ok {
			// A keyword-like IRI is ignored; the reference stays, empty.
			return map[string]any{"@id": nil}, nil
		}
		return map[string]any{"@id": x}, nil
	}
	res := map[string]any{"@value": value}
	if def != nil && def.typ != "" && def.typ != "@id" && def.typ != "@vocab" && def.typ != "@none" {
		res["@type"] = def.typ
	} else if _, ok := value.(string); ok {
		lang, dir := ac.lang, ac.dir
		if def != nil && def.hasLang {
			lang = def.lang
		}
		if def != nil && def.hasDir {
			dir = def.dir
		}
		if lang != "" {
			res["@language"] = lang
		}
		if dir != "" {
			res["@direction"] = dir
		}
	}
	return res, nil
}

func reverseMap(result map[string]any) map[string]any {
	m, ok := result["@reverse"].(map[string]any)
	if !ok {
		m = map[string]any{}
		result["@reverse"] = m
	}
	return m
}

// addValues appends v (its items, when it is an array) to the array under
// key in m.
func addValues(m map[string]any, key string, v any) {
	old, _ := m[key].([]any)
	if arr, ok := v.([]any); ok {
		m[key] = append(old, arr...)
	} else {
		m[key] = append(old, v)
	}
}

// toArray makes an expanded value an array; null becomes the empty array.
func toArray(v any) []any {
	switch x := v.(type) {
	case nil:
		return []any{}
	case []any:
		return x
	}
	return []any{v}
}

func isValueObject(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, ok = m["@value"]
	return ok
}

func isListObject(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	_, ok = m["@list"]
	return ok
}

func isGraphObject(v any) bool {
	m, ok := v.(map[string]any)
	if !ok {
		return false
	}
	if _, ok := m["@graph"]; !ok {
		return false
	}
	for k := range m {
		switch k {
		case "@graph", "@id", "@index", "@context":
		default:
			return false
		}
	}
	return true
}
