package ingest

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"unicode"
)

var fold = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "Å", "a", "Ä", "a", "Ö", "o",
	"é", "e", "è", "e", "ü", "u", "æ", "ae", "ø", "o", "á", "a", "à", "a", "í", "i", "ó", "o", "ú", "u")

// Slugify returns a lower-case ASCII slug (a–z, 0–9, '-') for a name, at most
// 80 characters long; longer names end in a short hash so that slugs stay
// distinct.
func Slugify(s string) string {
	s = fold.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 80 {
		h := sha1.Sum([]byte(s))
		out = strings.TrimSuffix(out[:71], "-") + "-" + hex.EncodeToString(h[:4])
	}
	if out == "" {
		h := sha1.Sum([]byte(s))
		out = "x-" + hex.EncodeToString(h[:4])
	}
	return out
}
