package jsonld

import "fmt"

// Error is a JSON-LD processing error. Code is the error code the
// specification names ("invalid IRI mapping", "loading remote context
// failed", ...), so callers and tests can tell errors apart.
type Error struct {
	Code string
	Msg  string
	File string // document the error was found in, when known
}

func (e *Error) Error() string {
	s := "json-ld: " + e.Code
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	if e.File != "" {
		s = e.File + ": " + s
	}
	return s
}

// Error codes of the JSON-LD 1.1 API (section 9.4.2), plus two for the
// limits this package enforces.
const (
	CodeCollidingKeywords           = "colliding keywords"
	CodeConflictingIndexes          = "conflicting indexes"
	CodeContextOverflow             = "context overflow"
	CodeCyclicIRIMapping            = "cyclic IRI mapping"
	CodeInvalidIDValue              = "invalid @id value"
	CodeInvalidImportValue          = "invalid @import value"
	CodeInvalidIncludedValue        = "invalid @included value"
	CodeInvalidIndexValue           = "invalid @index value"
	CodeInvalidNestValue            = "invalid @nest value"
	CodeInvalidPrefixValue          = "invalid @prefix value"
	CodeInvalidPropagateValue       = "invalid @propagate value"
	CodeInvalidProtectedValue       = "invalid @protected value"
	CodeInvalidReverseValue         = "invalid @reverse value"
	CodeInvalidVersionValue         = "invalid @version value"
	CodeInvalidBaseDirection        = "invalid base direction"
	CodeInvalidBaseIRI              = "invalid base IRI"
	CodeInvalidContainerMapping     = "invalid container mapping"
	CodeInvalidContextEntry         = "invalid context entry"
	CodeInvalidContextNullification = "invalid context nullification"
	CodeInvalidDefaultLanguage      = "invalid default language"
	CodeInvalidIRIMapping           = "invalid IRI mapping"
	CodeInvalidJSONLiteral          = "invalid JSON literal"
	CodeInvalidKeywordAlias         = "invalid keyword alias"
	CodeInvalidLanguageMapValue     = "invalid language map value"
	CodeInvalidLanguageMapping      = "invalid language mapping"
	CodeInvalidLanguageTaggedString = "invalid language-tagged string"
	CodeInvalidLanguageTaggedValue  = "invalid language-tagged value"
	CodeInvalidLocalContext         = "invalid local context"
	CodeInvalidRemoteContext        = "invalid remote context"
	CodeInvalidReverseProperty      = "invalid reverse property"
	CodeInvalidReversePropertyMap   = "invalid reverse property map"
	CodeInvalidReversePropertyValue = "invalid reverse property value"
	CodeInvalidScopedContext        = "invalid scoped context"
	CodeInvalidSetOrListObject      = "invalid set or list object"
	CodeInvalidTermDefinition       = "invalid term definition"
	CodeInvalidTypeMapping          = "invalid type mapping"
	CodeInvalidTypeValue            = "invalid type value"
	CodeInvalidTypedValue           = "invalid typed value"
	CodeInvalidValueObject          = "invalid value object"
	CodeInvalidValueObjectValue     = "invalid value object value"
	CodeInvalidVocabMapping         = "invalid vocab mapping"
	CodeIRIConfusedWithPrefix       = "IRI confused with prefix"
	CodeKeywordRedefinition         = "keyword redefinition"
	CodeLoadingDocumentFailed       = "loading document failed"
	CodeLoadingRemoteContextFailed  = "loading remote context failed"
	CodeProcessingModeConflict      = "processing mode conflict"
	CodeProtectedTermRedefinition   = "protected term redefinition"

	// CodeDepthExceeded: the document nests deeper than MaxDepth.
	CodeDepthExceeded = "maximum nesting depth exceeded"
)

func errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Msg: fmt.Sprintf(format, args...)}
}
