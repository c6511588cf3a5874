package msg

import (
	"regexp"
	"slices"
	"testing"
)

var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// TestCatalogue: every key has a French and an English text, with the same
// verbs in the same order, so that no message is missing or garbled in
// either language.
func TestCatalogue(t *testing.T) {
	for k := range numKeys {
		tx := catalogue[k]
		if tx.fr == "" || tx.en == "" {
			t.Errorf("key %d: fr %q, en %q: both are needed", k, tx.fr, tx.en)
			continue
		}
		if fr, en := verb.FindAllString(tx.fr, -1), verb.FindAllString(tx.en, -1); !slices.Equal(fr, en) {
			t.Errorf("key %d: verbs %q in French, %q in English", k, fr, en)
		}
	}
}

func TestOf(t *testing.T) {
	for code, want := range map[string]Lang{"": FR, "fr": FR, "fr-FR": FR, "en": EN, "en-GB": EN, "EN_us": EN, "de": FR, "eng": FR} {
		if got := Of(code); got != want {
			t.Errorf("Of(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestF(t *testing.T) {
	if got := EN.F(ImportCriteria, "B1.C1", 3); got != "criteria of B1.C1: 3" {
		t.Errorf("EN = %q", got)
	}
	if got := FR.F(ImportCriteria, "B1.C1", 3); got != "critères de B1.C1 : 3" {
		t.Errorf("FR = %q", got)
	}
}
