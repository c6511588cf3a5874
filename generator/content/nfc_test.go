package content

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"cursus/generator/diag"
)

// nfd spells s decomposed, as macOS tools save it: é is e and a
// combining acute accent.
func nfd(s string) string { return norm.NFD.String(s) }

// TestUnicodeForms: an id, a title or a file name typed precomposed (NFC)
// or decomposed (NFD) is the same one, and the model is NFC throughout.
func TestUnicodeForms(t *testing.T) {
	t.Run("ids collide", func(t *testing.T) {
		mods := okModalites + "\n[[modalites]]\nid = \"évaluation\"\nname = \"Évaluation\"\n\n[[modalites]]\nid = \"" + nfd("évaluation") + "\"\nname = \"Autre\"\n"
		_, err := Load(site(map[string]string{"modalites.toml": mods}))
		wantErrors(t, err, `modalites.toml:11:1: id "évaluation" en double : modalité déjà déclaré à modalites.toml:7:1`)
	})
	t.Run("file names collide", func(t *testing.T) {
		_, err := Load(site(map[string]string{
			"développeur.md":      "+++\ntitle = \"A\"\n+++\n",
			nfd("développeur.md"): "+++\ntitle = \"B\"\n+++\n",
		}))
		wantErrors(t, err, "développeur.md:1:1: un autre fichier porte ce nom, ses accents codés autrement (Unicode NFC et NFD) : gardez-en un seul")
	})
	t.Run("one métier, one page, NFC", func(t *testing.T) {
		b2 := strings.NewReplacer(`id = "B1"`, `id = "B2"`, "number = 1", "number = 2", "B1.C1", "B1.C2",
			`id = "dev"`, `id = "`+nfd("développeur")+`"`, `title = "Développeur"`, `title = "`+nfd("Développeur")+`"`).Replace(okBloc)
		b1 := strings.Replace(okBloc, `id = "dev"`, `id = "développeur"`, 1)
		s, err := Load(site(map[string]string{
			"blocs/b1.toml":                b1,
			"blocs/b2.toml":                b2,
			nfd("équipes/présentation.md"): "+++\ntitle = \"" + nfd("Équipe") + "\"\n+++\n" + nfd("Une équipe soudée.\n"),
		}))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Metiers) != 1 || len(s.Metiers[0].Blocs) != 2 {
			t.Fatalf("%d métiers, want one shared by both blocs", len(s.Metiers))
		}
		m, p := s.Metiers[0], s.Pages[0]
		for what, got := range map[string]string{"id": m.ID, "title": m.Title, "page path": p.Path, "page title": p.Title, "body": string(p.Body)} {
			if !norm.NFC.IsNormalString(got) {
				t.Errorf("%s %q is not NFC", what, got)
			}
		}
		if m.Slug != "developpeur" || p.Slug != "equipes/presentation" {
			t.Errorf("slugs %q and %q, want developpeur and equipes/presentation", m.Slug, p.Slug)
		}
	})
}

func wantErrors(t *testing.T, err error, want ...string) {
	t.Helper()
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error %v, want %q", err, want)
	}
	if got := strings.Join(list.Lines(), "\n"); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}
