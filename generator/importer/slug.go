package importer

import (
	"strings"
	"unicode"
)

// folds maps the accented letters of French (and a few neighbours) to ASCII.
// The standard library has no Unicode decomposition, and a table this size
// covers every letter a référentiel uses.
var folds = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ã': "a", 'å': "a",
	'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ì': "i",
	'ô': "o", 'ö': "o", 'ó': "o", 'ò': "o", 'õ': "o", 'ø': "o",
	'ù': "u", 'û': "u", 'ü': "u", 'ú': "u", 'ÿ': "y", 'ý': "y", 'ñ': "n",
	'œ': "oe", 'æ': "ae", 'ß': "ss",
}

// fold lower-cases s and replaces accented letters by their ASCII base.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := folds[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// slug derives a URL-safe id: lower-case ASCII letters and digits, accents
// folded, everything else a single hyphen.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold(s) {
		if r < unicode.MaxASCII && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// normName is the form under which two spellings of a name are the same
// modalité or métier: folded, with white space collapsed.
func normName(s string) string { return strings.Join(strings.Fields(fold(s)), " ") }
