package register

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"unicode"
)

var foldLetters = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "é", "e", "è", "e", "ü", "u",
	"æ", "ae", "ø", "o", "á", "a", "à", "a", "í", "i", "ó", "o", "ú", "u")

// Slug returns the lower-case ASCII slug (a–z, 0–9, '-') of a name, as
// entity IDs use: "Statens kulturråd" → "statens-kulturrad". Slugs longer
// than 80 characters end in a short hash so that they stay distinct.
func Slug(s string) string {
	s = foldLetters.Replace(strings.ToLower(s))
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
	return out
}
