package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and removes its accents: "Ďábel" → "dabel", "Œuvre" →
// "oeuvre". It is the one rule by which cursus compares text without case
// or accents (slugs, the search index, the importer's names), and it is
// the rule the search page applies in the browser, step for step:
// lowercase, decompose (NFD), drop the combining marks, then spell the
// letters that NFD leaves whole (foldLetter). Any other character is kept.
// norm in themes/default/static/search.js is its twin; a browser test in
// generator/search holds the two to the same result for every code point.
func Fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s // the common case in an index: nothing to change
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8) // ß, œ and ligatures spell out longer
	b.WriteString(s[:i])
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		foldRune(&b, s[i:i+n], r)
		i += n
	}
	return b.String()
}

// foldRune writes the fold of r, encoded as enc. It decomposes first and
// lowercases after, which a test holds to the browser's order on every
// code point, so that the decomposition is read from enc without copying.
// Decomposing rune by rune gives what decomposing the whole string gives
// once the marks are dropped: canonical reordering only moves marks (every
// rune of nonzero combining class is in \p{M}, a test holds that too).
func foldRune(b *strings.Builder, enc string, r rune) {
	d := norm.NFD.PropertiesString(enc).Decomposition()
	if '가' <= r && r <= '힣' {
		d = []byte(norm.NFD.String(enc)) // Hangul syllables decompose by rule, not by table
	}
	if d == nil {
		writeLetter(b, unicode.ToLower(r))
		return
	}
	for len(d) > 0 {
		r, n := utf8.DecodeRune(d)
		writeLetter(b, unicode.ToLower(r))
		d = d[n:]
	}
}

// writeLetter writes the decomposed, lowercase rune r: nothing for a mark,
// its spelling for a letter that NFD leaves whole, else r itself.
func writeLetter(b *strings.Builder, r rune) {
	if unicode.Is(unicode.M, r) {
		return
	}
	if f := foldLetter(r); f != "" {
		b.WriteString(f)
		return
	}
	b.WriteRune(r)
}

// foldLetter spells the lowercase letters and ligatures that NFD does not
// decompose, or returns "". The table in search.js is the same. ς is σ
// because browsers lowercase a final Σ to ς and Go to σ.
func foldLetter(r rune) string {
	switch r {
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ß':
		return "ss"
	case 'ø':
		return "o"
	case 'ł', 'ŀ':
		return "l"
	case 'đ', 'ð':
		return "d"
	case 'ħ':
		return "h"
	case 'ı':
		return "i"
	case 'ĳ':
		return "ij"
	case 'ŉ':
		return "n"
	case 'ſ':
		return "s"
	case 'ŧ':
		return "t"
	case 'þ':
		return "th"
	case 'ﬀ':
		return "ff"
	case 'ﬁ':
		return "fi"
	case 'ﬂ':
		return "fl"
	case 'ﬃ':
		return "ffi"
	case 'ﬄ':
		return "ffl"
	case 'ﬅ', 'ﬆ':
		return "st"
	case 'ς':
		return "σ"
	}
	return ""
}
