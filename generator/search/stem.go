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

// familySuffixes are the endings Family removes from a stem, longest first:
// what is left of a derivation once Stem took the inflection off
// (sécuris·er, sécuris·ation → sécur, as sécur·ité; organis·ation,
// organisationnel → organ; administrat·if, administr·ation → administr;
// automat·ique, automatis·ation → autom). testdata/families.txt holds the
// families both implementations are tested on.
// search.js holds the same list.
var familySuffixes = [...]string{"isationnell", "isationnel", "ationnell", "ationnel", "ativ", "atif", "atis", "is", "at", "iv", "if"}

// familyMin is the fewest letters a family root keeps: below, unrelated
// words meet (motiv·ation and mot).
const familyMin = 4

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

// Family reduces a stem to the root its word family shares: sécurité,
// sécuriser, sécurisation and sécurisé all give "secur". It removes at most
// one of familySuffixes, keeping familyMin letters. Like the stem, the root
// is a prefix of the word, so the browser computes it from the stem the
// index gives and the index does not grow.
func Family(stem string) string {
	for _, s := range familySuffixes {
		if strings.HasSuffix(stem, s) && utf8.RuneCountInString(stem)-len(s) >= familyMin {
			return stem[:len(stem)-len(s)]
		}
	}
	return stem
}
