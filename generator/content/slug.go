package content

import "strings"

// Slugify derives a URL segment from s: lowercase ASCII letters and digits,
// accents folded by Fold (é → e, œ → oe), every other run of characters
// turned into one hyphen, no hyphen at either end. It is how ids become
// URLs, so that a URL never depends on prose that faculty may reword.
func Slugify(s string) string {
	folded := Fold(s)
	var b strings.Builder
	b.Grow(len(folded))
	hyphen := false
	for i := 0; i < len(folded); i++ {
		c := folded[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteByte(c)
	}
	return b.String()
}
