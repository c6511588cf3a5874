package search

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		// plurals and feminines meet
		{"donnees", "donn"}, {"donnee", "donn"}, {"donner", "donn"},
		{"reseaux", "reseau"}, {"reseau", "reseau"},
		{"systemes", "system"}, {"systeme", "system"},
		{"objets", "objet"},
		// common derivations
		{"robotique", "robot"}, {"robotiques", "robot"}, {"robot", "robot"},
		{"developpeur", "developp"}, {"developper", "developp"}, {"developpement", "developp"},
		{"securite", "secur"}, {"cybersecurite", "cybersecur"},
		{"automatisation", "automatis"}, {"automatiser", "automatis"},
		{"analyses", "analys"}, {"analyser", "analys"},
		{"sante", "sant"},
		// left alone: short words, codes, numbers, no known suffix
		{"iot", "iot"}, {"si", "si"}, {"data", "data"}, {"cloud", "cloud"},
		{"b7.c2", "b7.c2"}, {"27001", "27001"},
		// never below three letters
		{"idee", "ide"}, {"ete", "ete"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"securite", "securite", true},
		{"securiter", "securite", true}, // insertion
		{"secrite", "securite", true},   // deletion
		{"secutite", "securite", true},  // substitution
		{"devosp", "devops", true},      // swap
		{"sécurté", "sécurité", true},   // runes, not bytes
		{"securiterr", "securite", false},
		{"dveosp", "devops", false},
		{"abcde", "abced", true},
		{"abcde", "badce", false},
	}
	for _, tt := range tests {
		if got := oneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := oneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("oneEdit(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"données de santé", []string{"donnees", "sante"}},
		{"données de", []string{"donnees", "de"}}, // "de" may be the start of "déployer"
		{"données de ", []string{"donnees"}},
		{"l'iot", []string{"iot"}},
		{"d", nil}, // one letter matches half the site
		{"  ", nil},
		{"bloc 7", []string{"bloc", "7"}},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range parseQuery(tt.q) {
			got = append(got, term.word)
		}
		if len(got) != len(tt.want) {
			t.Errorf("parseQuery(%q) = %q, want %q", tt.q, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("parseQuery(%q) = %q, want %q", tt.q, got, tt.want)
				break
			}
		}
	}
}
