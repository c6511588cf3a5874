package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"cursus/generator/content"
)

// isWordRune reports whether r belongs to a word; anything else separates.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r)
}

// Words folds s (content.Fold) and splits it into words. A compétence code (b7.c2) stays
// one word, so that it can be searched for exactly.
func Words(s string) []string {
	s = content.Fold(s)
	if s == "" {
		return nil
	}
	words := make([]string, 0, strings.Count(s, " ")+1) // about right: one growth at most
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := wordEnd(s, i)
		if k := codeEnd(s, i, j); k > j {
			j = k
		}
		words = append(words, s[i:j])
		i = j
	}
	return words
}

func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// codeEnd returns the end of a code such as b7.c2 starting at i, where the
// word s[i:j] is its first half, or j when there is none.
func codeEnd(s string, i, j int) int {
	if !isCodePart(s[i:j]) || j >= len(s)-1 || s[j] != '.' {
		return j
	}
	k := wordEnd(s, j+1)
	if !isCodePart(s[j+1 : k]) {
		return j
	}
	return k
}

// isCodePart reports whether w is a letter followed by digits: b7, c2.
func isCodePart(w string) bool {
	if len(w) < 2 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return isNumber(w[1:])
}

func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

func hasDigit(w string) bool { return strings.ContainsAny(w, "0123456789") }

// isStopWord reports whether w, normalised, carries no meaning of its own in
// a query. Stop words are left out of the index to keep it small. The same
// list is in search.js.
func isStopWord(w string) bool {
	switch w {
	case "le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "au", "aux",
		"ou", "pour", "par", "sur", "dans", "avec", "son", "sa", "ses", "leur", "leurs",
		"ce", "ces", "cet", "cette", "qui", "que", "qu", "se", "ne", "est", "sont":
		return true
	}
	return false
}

// indexed reports whether a word is worth a place in the index: not a stop
// word, and not a lone letter such as the l of l’organisation.
func indexed(w string) bool {
	return !isStopWord(w) && (utf8.RuneCountInString(w) > 1 || isNumber(w))
}
