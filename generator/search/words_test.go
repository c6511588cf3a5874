package search

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Évaluer la PSSI", []string{"evaluer", "la", "pssi"}},
		{"l’œuvre d'art", []string{"l", "oeuvre", "d", "art"}},
		{"e-Santé, IDS/IPS", []string{"e", "sante", "ids", "ips"}},
		{"voir B7.C2.", []string{"voir", "b7.c2"}},
		{"(b2.c4)", []string{"b2.c4"}},
		{"b7.c2x", []string{"b7", "c2x"}},
		{"b7.", []string{"b7"}},
		{"version 2.0", []string{"version", "2", "0"}},
		{"ISO 27001", []string{"iso", "27001"}},
		{"Bloc\u00a07\u202f:", []string{"bloc", "7"}},
		{"Ďábel, Straße", []string{"dabel", "strasse"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIndexed(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"donnees", true}, {"si", true}, {"7", true}, {"b7", true},
		{"de", false}, {"les", false}, {"l", false}, {"d", false},
	}
	for _, tt := range tests {
		if got := indexed(tt.w); got != tt.want {
			t.Errorf("indexed(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Cybersécurité", "B7.C2 et b7.c", "l’œuvre", "e\u0301", "a.b1.c2", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			if w == "" || !utf8.ValidString(w) && utf8.ValidString(s) {
				t.Fatalf("Words(%q) gave %q", s, w)
			}
			if st := Stem(w); !strings.HasPrefix(w, st) || st == "" {
				t.Fatalf("Stem(%q) = %q: not a non-empty prefix", w, st)
			}
		}
	})
}
