package search

import (
	"strings"
	"unicode/utf8"
)

// suffixes are the endings Stem removes, longest first. The list is short on
// purpose: it folds plurals and the commonest derivations of the référentiel
// (données/donnée, robotique/robot, développeur/développer/développement)
// without the surprises of a full stemmer. search.js holds the same list.
var suffixes = [...]string{"ement", "ation", "ition", "euse", "ique", "eur", "ite", "ee", "er", "e"}

// Stem reduces a normalised word to its stem with a light French stemmer: a
// final s or x goes, then at most one suffix, keeping three letters at least.
// Words of three letters or less and words with digits are left alone. The
// stem is always a prefix of the word, which lets the index store it as a
// length.
func Stem(w string) string {
	if utf8.RuneCountInString(w) <= 3 || hasDigit(w) {
		return w
	}
	if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") {
		w = w[:len(w)-1]
	}
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && utf8.RuneCountInString(w)-len(s) >= 3 {
			return w[:len(w)-len(s)]
		}
	}
	return w
}
