package importer

import (
	"strings"
	"unicode/utf8"
)

// labelMax bounds a derived label: labels name a compétence or a bloc in
// menus and breadcrumbs, where a whole sentence does not fit.
const labelMax = 60

// deriveLabel makes a short label for a compétence or bloc that has none
// yet: its text up to the first subordinate clause (" en …", ", …",
// " afin …"), cut at a word under labelMax runes. It is a starting point for
// a person to rewrite, which is why existing labels always win.
func deriveLabel(s string) string {
	cut := len(s)
	for _, mark := range []string{", ", " en ", " afin ", " pour ", " dans ", " tout en "} {
		// A clause mark in the first words ("Analyser, formaliser…")
		// belongs to the verb list, not to a clause.
		if i := strings.Index(s, mark); i >= 20 && i < cut {
			cut = i
		}
	}
	label := s[:cut]
	if utf8.RuneCountInString(label) > labelMax {
		label = string([]rune(label)[:labelMax])
		if i := strings.LastIndexByte(label, ' '); i > 0 {
			label = label[:i]
		}
	}
	for {
		label = strings.TrimRight(label, " ,;:.-–(")
		i := strings.LastIndexByte(label, ' ')
		if i < 0 || !joinWords[fold(strings.TrimRight(label[i+1:], "'’"))] {
			return label
		}
		label = label[:i]
	}
}
