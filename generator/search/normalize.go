package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldRune maps the accented letters of French (and their Latin neighbours)
// to ASCII. The browser does the same with NFD and by dropping combining
// marks; a switch keeps the standard library enough here.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'œ':
		return "oe", true
	case 'æ':
		return "ae", true
	case 'ß':
		return "ss", true
	}
	for _, f := range folds {
		if strings.ContainsRune(f[1], r) {
			return f[0], true
		}
	}
	return "", false
}

// folds pairs an ASCII letter with its accented forms. It is a constant
// table, never written to.
var folds = [...][2]string{
	{"a", "àáâãäåāăą"}, {"c", "çćĉċč"}, {"d", "ď"}, {"e", "èéêëēĕėęě"},
	{"g", "ĝğġģ"}, {"h", "ĥ"}, {"i", "ìíîïĩīĭįı"}, {"j", "ĵ"}, {"k", "ķ"},
	{"l", "ĺļľ"}, {"n", "ñńņňŉ"}, {"o", "òóôõöōŏő"}, {"r", "ŕŗř"},
	{"s", "śŝşš"}, {"t", "ţť"}, {"u", "ùúûüũūŭůűų"}, {"w", "ŵ"}, {"y", "ýÿŷ"}, {"z", "źżž"},
}

// foldTable is foldRune for the runes below 0x180, where every fold lies:
// Normalize runs over every text of the index.
var foldTable = func() (t [0x180]string) {
	for r := rune(0x80); r < 0x180; r++ {
		t[r], _ = foldRune(r)
	}
	return t
}()

// Normalize lowercases s and folds its accents: "Cybersécurité" → "cybersecurite".
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		r = unicode.ToLower(r)
		switch {
		case r < 0x180 && foldTable[r] != "":
			b.WriteString(foldTable[r])
		case !unicode.Is(unicode.M, r): // combining marks start at U+0300
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isWordRune reports whether r belongs to a word; anything else separates.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r)
}

// Words splits normalised text into words. A compétence code (b7.c2) stays
// one word, so that it can be searched for exactly.
func Words(s string) []string {
	s = Normalize(s)
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
