package content

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Cybersécurité", "cybersecurite"},
		{"DONNÉES", "donnees"},
		{"Mettre en Œuvre", "mettre en oeuvre"},
		{"ex æquo, Straße", "ex aequo, strasse"},
		{"e\u0301quipe", "equipe"}, // accent already decomposed
		{"façade à l’ère", "facade a l’ere"},
		{"B7.C2", "b7.c2"},
		{"Ďábel", "dabel"},                          // the old slug table knew no ď
		{"Łódź, Ørsted, Þór", "lodz, orsted, thor"}, // letters NFD leaves whole
		{"Ǽ", "ae"},                       // decomposes to æ, then spelt
		{"certiﬁcation", "certification"}, // a ligature pasted from a PDF
		{"İstanbul", "istanbul"},
		{"ΟΔΟΣ", "οδοσ"},                               // browsers lowercase the final Σ to ς
		{"한국", "\u1112\u1161\u11ab\u1100\u116e\u11a8"}, // Hangul decomposes to jamo, letters all
		{"日本 ǅ", "日本 ǆ"},
		{"déjà\u00a0vu", "deja\u00a0vu"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// foldReference is the rule of Fold as the browser applies it, on the whole
// string at once: lowercase, NFD, drop marks, spell the letters left whole.
func foldReference(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.M, r):
		case foldLetter(r) != "":
			b.WriteString(foldLetter(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestFoldEveryRune holds Fold, which decomposes rune by rune, to the rule
// on every code point, and checks that folding twice changes nothing.
func TestFoldEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		got := Fold(s)
		if want := foldReference(s); got != want {
			t.Errorf("Fold(%U %s) = %q, want %q", r, s, got, want)
		}
		if again := Fold(got); again != got {
			t.Errorf("Fold(Fold(%U)) = %q, not %q", r, again, got)
		}
	}
}

// TestOnlyMarksReorder checks what lets Fold decompose rune by rune: NFD
// reorders only runes of nonzero combining class, and all of them are
// marks, which the fold drops.
func TestOnlyMarksReorder(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if p := norm.NFD.PropertiesString(string(r)); p.CCC() != 0 && !unicode.Is(unicode.M, r) {
			t.Errorf("%U has combining class %d but is no mark", r, p.CCC())
		}
	}
}

func TestFoldASCIIDoesNotAllocate(t *testing.T) {
	s := strings.Repeat("b7.c2 cybersecurite ", 20)
	if n := testing.AllocsPerRun(100, func() { Fold(s) }); n != 0 {
		t.Errorf("Fold of lowercase ASCII allocates %v times", n)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Cybersécurité", "ŒUVRE Straße", "e\u0301té", "\xff\xfeA", "İstanbul ǅ", "ÀÉÎÕÜ ŉ ı", "ΟΔΟΣ 한", "ﬃ ǽ", "a\u0301\u0316\u0300"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if want := foldReference(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
		if Fold(got) != got {
			t.Fatalf("Fold not idempotent on %q", got)
		}
	})
}
