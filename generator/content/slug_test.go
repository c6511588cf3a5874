package content

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	tests := map[string]string{
		"B1.C2":                   "b1-c2",
		"Ingénieur DevOps":        "ingenieur-devops",
		"Mise en œuvre":           "mise-en-oeuvre",
		"  Consultant / Chef  ":   "consultant-chef",
		"Cœur, Ægis & Straße":     "coeur-aegis-strasse",
		"../../etc/passwd":        "etc-passwd",
		"Modalités d'évaluation":  "modalites-d-evaluation",
		"日本":                      "",
		"--déjà--vu--":            "deja-vu",
		"Ingénieur robotique, 2e": "ingenieur-robotique-2e",
	}
	for in, want := range tests {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"B1.C2", "Ingénieur DevOps", "../x", "œ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Fatalf("Slugify(%q) = %q: stray hyphen", s, got)
		}
		for _, c := range []byte(got) {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				t.Fatalf("Slugify(%q) = %q: byte %q", s, got, c)
			}
		}
		if Slugify(got) != got {
			t.Fatalf("Slugify not idempotent on %q", got)
		}
	})
}
