package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// block is a fenced code block of the README.
type block struct {
	lang, text string
}

func readmeBlocks(t *testing.T) []block {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []block
	var cur *block
	for line := range strings.SplitSeq(string(b), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			cur = &block{lang: strings.TrimPrefix(trimmed, "```")}
		case cur != nil && trimmed == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		}
	}
	return out
}

// shellWords splits a shell command line as sh would for the README's
// examples: words, '…' and "…" quoting, a # comment after a space. ok is
// false for what this does not handle (pipes, redirections, variables),
// and rest is the text after the command's end.
func shellWords(s string) (words []string, rest string, ok bool) {
	var w strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, "", false
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '\\' && i+1 < len(s) && s[i+1] == '\n':
			i++
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '\n':
			if inWord {
				words = append(words, w.String())
			}
			return words, s[i+1:], true
		case c == '#' && !inWord:
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return words, "", true
			}
			return words, s[i+j+1:], true
		case strings.IndexByte("|<>&;$`", c) >= 0:
			return nil, "", false
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, "", true
}

// TestReadmeExamples runs the README's examples against the real binary,
// in a fresh directory as a fresh clone would: its kg commands (go run
// ./cmd/kg stands for kg), its SPARQL queries over the built store, and
// the usage error it shows.
func TestReadmeExamples(t *testing.T) {
	dir := t.TempDir()
	ran := 0
	for _, b := range readmeBlocks(t) {
		switch b.lang {
		case "sh":
			for rest := b.text; strings.TrimSpace(rest) != ""; {
				words, next, ok := shellWords(rest)
				if !ok {
					t.Fatalf("README example not understood: %q", rest)
				}
				rest = next
				if len(words) >= 2 && words[0] == "go" && words[1] == "run" {
					words = append([]string{"kg"}, words[3:]...)
				}
				if len(words) == 0 || words[0] != "kg" || strings.Contains(strings.Join(words, " "), "postgres://") {
					continue // go test itself, createdb, the PostgreSQL examples
				}
				r := kg(t, dir, words[1:]...)
				if r.code != 0 {
					t.Errorf("README: %s: exit %d, stderr %q", strings.Join(words, " "), r.code, r.stderr)
				}
				if out := argAfter(words, "-o"); out != "" {
					if fi, err := os.Stat(filepath.Join(dir, out)); err != nil || fi.Size() == 0 {
						t.Errorf("README: %s wrote no %s", strings.Join(words, " "), out)
					}
				} else if strings.Count(r.stdout, "\n") < 2 || strings.HasSuffix(r.stdout, "\n0 rows\n") {
					t.Errorf("README: %s: stdout %q; want results", strings.Join(words, " "), r.stdout)
				}
				ran++
			}
		case "sparql":
			out := mustKG(t, dir, "query", "--results", "tsv", b.text)
			if strings.Count(out, "\n") < 2 {
				t.Errorf("README query has no results:\n%s", b.text)
			}
			ran++
		case "":
			if !strings.HasPrefix(b.text, "kg: ") {
				continue
			}
			r := kg(t, dir, "export", "--fromat", "nt")
			if r.code != 2 || r.stderr != b.text || r.stdout != "" {
				t.Errorf("README says kg export --fromat nt prints %q; it printed %q (exit %d)", b.text, r.stderr, r.code)
			}
			ran++
		}
	}
	if ran < 4 {
		t.Errorf("ran %d README examples; the README has more", ran)
	}
}

func argAfter(words []string, flag string) string {
	for i, w := range words[:len(words)-1] {
		if w == flag {
			return words[i+1]
		}
	}
	return ""
}
