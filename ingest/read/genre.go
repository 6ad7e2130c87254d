package read

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rules about the genre — Swedish public reports on regional development —
// and its language, shared by the readers. None of them is about one report.

// frontBack matches the one-line headings of front and back matter that
// open a chapter of their own.
var frontBack = regexp.MustCompile(`^(?i:Förord|Inledning|Sammanfattning|Summary|Innehåll|Innehållsförteckning|` +
	`Läsanvisning(?:ar)?|Förkortningar|Ordlista|Begreppslista|Definitioner|Slutord|Avslutning|Efterord|` +
	`Referenser|Referenslista|Källor|Källförteckning|Litteratur|Litteraturförteckning|` +
	`Bilaga(?:\s+\S+)?(?:\s*[:–-]\s*.+)?|Bilagor)$`)

// numberedChapter matches a numbered chapter title ("3 Folkhälsa",
// "Kapitel 3 Folkhälsa"); "1.2 …" is a section and "1. …" a list item.
var numberedChapter = regexp.MustCompile(`^(?:Kapitel\s+)?\d{1,2}\s+\p{Lu}[^.]*$`)

// ChapterTitle reports whether a one-line heading opens a chapter by its
// words alone: front and back matter, or a numbered chapter title.
func ChapterTitle(s string) bool {
	s = strings.TrimSpace(s)
	return frontBack.MatchString(s) || numberedChapter.MatchString(s)
}

var multiExamples = regexp.MustCompile(`^(?i:(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|några|flera|\d+)\s+\S|` +
	`(?:ytterligare\s+)?exempel\s+(?:från|på|ur)\s)`)

// MultiExample reports whether a worked example's title introduces several
// examples under one heading ("Tre exempel på …", "Två visitorganisationer",
// "Exempel från …"): who runs what cannot be read from such a title.
func MultiExample(title string) bool {
	return multiExamples.MatchString(strings.TrimSpace(title))
}

// LooksLikeRegion is the rule for a region's name when no register is at
// hand: "Region Skåne", "Västra Götalandsregionen". A bare county name
// ("Skåne") cannot be told from a place by its shape and is not a region here.
func LooksLikeRegion(name string) bool {
	name = strings.TrimSpace(name)
	if rest, ok := strings.CutPrefix(name, "Region "); ok {
		r, _ := utf8.DecodeRuneInString(rest)
		return unicode.IsUpper(r)
	}
	f := strings.Fields(name)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	return startsUpper(name) && startsUpper(last) && strings.HasSuffix(last, "regionen") && last != "Regionen"
}

// conjunctions may follow a hyphen that stands for the shared last part of
// a compound ("kultur- och fritidsförvaltningen"): the hyphen stays, and so
// does the space after it.
var conjunctions = map[string]bool{"och": true, "eller": true, "samt": true, "respektive": true, "resp": true, "till": true}

// suspendedHyphen reports whether a line ending in "pre-" (last field of
// prev) followed by next is a compound whose last part is shared with a
// later word: next starts with a conjunction standing alone, and pre is a
// word, not part of a web address.
func suspendedHyphen(prev, next string) bool {
	f := strings.Fields(prev)
	if len(f) == 0 || strings.ContainsAny(f[len(f)-1], "/.:") {
		return false
	}
	w, rest := next, ""
	if i := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		w, rest = next[:i], next[i:]
	}
	return conjunctions[strings.ToLower(w)] && (rest == "" || rest[0] == ' ')
}

var (
	bulletRe     = regexp.MustCompile(`^(?:[•▪◦●·■□➢►‣⁃]\s*|\d{1,2}\.\s+)`)
	exampleTitle = regexp.MustCompile(`^(.*\S)\s*\(([^()]+)\)$`)
	listSplit    = regexp.MustCompile(`\s*,\s*|\s+och\s+|\s+samt\s+|\s+&\s+`)
)

// exampleHeading splits a worked-example heading "Title (Region X och
// Region Y)" into its title and regions; ok is false when the heading is
// not one (a name in the parentheses is not a region, or the title ends a
// sentence).
func exampleHeading(heading string, isRegion func(string) bool) (title string, regions []string, ok bool) {
	m := exampleTitle.FindStringSubmatch(heading)
	if m == nil {
		return "", nil, false
	}
	title = strings.TrimSpace(m[1])
	if r, _ := utf8.DecodeLastRuneInString(title); strings.ContainsRune(".:;!?", r) {
		return "", nil, false
	}
	for _, n := range listSplit.Split(m[2], -1) {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !isRegion(n) {
			return "", nil, false
		}
		regions = append(regions, n)
	}
	return title, regions, len(regions) > 0
}

// dropHyphen decides whether "…pre-" at the end of a line and "next…" on
// the next were one word broken by hyphenation rather than a compound with
// a real hyphen. Words that are abbreviations or short ("EU-", "e-") keep
// the hyphen. The text's own vocabulary decides the rest: with eager set
// (typeset text, where breaking words is the rule) the hyphen goes unless
// the text spells the word with it; otherwise only when the text spells it
// without.
func dropHyphen(vocab map[string]bool, prevLine, next string, eager bool) bool {
	fields := strings.Fields(prevLine)
	if len(fields) == 0 {
		return false
	}
	pre := strings.TrimSuffix(fields[len(fields)-1], "-")
	pre = strings.TrimLeftFunc(pre, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	word := next
	if i := strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		word = next[:i]
	}
	short := 2 // "e-", "it-": prefixes and abbreviations keep their hyphen
	if eager {
		short = 1 // typesetting breaks "ut-veckling"
	}
	if startsUpper(word) || utf8.RuneCountInString(pre) <= short || strings.ToUpper(pre) == pre ||
		strings.IndexFunc(pre, unicode.IsDigit) >= 0 || strings.ContainsAny(pre, "/.:@") {
		return false
	}
	joined := strings.ToLower(pre + word)
	hyph := strings.ToLower(pre + "-" + word)
	if eager {
		return !vocab[hyph] || vocab[joined]
	}
	return vocab[joined] && !vocab[hyph]
}

// vocabulary collects the lower-cased words of lines, hyphens inside words
// kept, for dropHyphen.
func vocabulary(lines []string) map[string]bool {
	v := map[string]bool{}
	for _, l := range lines {
		for _, w := range strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			v[strings.ToLower(w)] = true
		}
	}
	return v
}

func startsUpper(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '”' || r == '"'
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

func startsWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLetter(r)
}

func startsDigit(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsDigit(r)
}

func isBullet(t string) bool { return bulletRe.MatchString(t) }

// endsClause reports whether a line ends with punctuation that closes a
// sentence or introduces what follows; a heading does not.
func endsClause(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(t))
	return strings.ContainsRune(".:;!?,”\"…", r)
}

// joinNext appends line t to b, which ends with line prev, as running text.
// A line that ends in a hyphen glued to a word (hyphen) joins the next
// without a space, the hyphen dropped where dropHyphen says the word was
// broken ("utveck-\nling"), kept where it is part of the word
// ("e-\nhälsa"); before "och", "eller" … it stands for a shared last part
// and the space stays ("kultur- och"). An en dash after a year joins
// without a space ("2021–\n2030").
func joinNext(b *strings.Builder, prev, t string, hyphen bool, vocab map[string]bool, eager bool) {
	switch {
	case hyphen && startsWord(t) && suspendedHyphen(prev, t):
		b.WriteByte(' ')
	case hyphen && startsWord(t):
		if dropHyphen(vocab, prev, t, eager) {
			str := b.String()
			b.Reset()
			b.WriteString(strings.TrimSuffix(str, "-"))
		}
	case strings.HasSuffix(prev, "–") && len(prev) > 3 && unicode.IsDigit(rune(prev[len(prev)-4])) && startsDigit(t):
	default:
		b.WriteByte(' ')
	}
	b.WriteString(t)
}

// joinWrapped joins the lines of a paragraph into running text.
func joinWrapped(lines []string, vocab map[string]bool, eager bool) string {
	var b strings.Builder
	for k, t := range lines {
		if k == 0 {
			b.WriteString(t)
			continue
		}
		prev := lines[k-1]
		hyphen := strings.HasSuffix(prev, "-") && !strings.HasSuffix(prev, " -")
		joinNext(&b, prev, t, hyphen, vocab, eager)
	}
	return b.String()
}
