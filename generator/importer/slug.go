package importer

import (
	"strings"

	"cursus/generator/content"
)

// fold lower-cases s and replaces accented letters by their ASCII base,
// with the content package's table, keeping every other character.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f := content.Fold(r); f != "" {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// slug derives an id the way the content package derives URLs.
func slug(s string) string { return content.Slugify(s) }

// normName is the form under which two spellings of a name are the same
// modalité or métier: folded, with white space collapsed.
func normName(s string) string { return strings.Join(strings.Fields(fold(s)), " ") }
