package importer

import (
	"strings"

	"cursus/generator/content"
)

// fold lower-cases s and folds its accents with content.Fold, the rule of
// slugs and search, keeping every other character.
func fold(s string) string { return content.Fold(s) }

// slug derives an id the way the content package derives URLs.
func slug(s string) string { return content.Slugify(s) }

// normName is the form under which two spellings of a name are the same
// modalité or métier: folded, with white space collapsed.
func normName(s string) string { return strings.Join(strings.Fields(fold(s)), " ") }
