package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLoadSeveral loads two certifications with the same bloc and
// compétence ids, a shared métier, shared and own modalités.
func TestLoadSeveral(t *testing.T) {
	fsys := fstest.MapFS{
		"modalites.toml":                         {Data: []byte(okModalites)},
		"certifications/tp/certification.toml":   {Data: []byte("title = \"TP\"\nrncp = \"RNCP1\"\nlevel = 5\n\n[[options]]\nid = \"spe\"\nchoose = 1\n")},
		"certifications/tp/blocs/b1.toml":        {Data: []byte("code = \"RNCP1BC01\"\noption = \"spe\"\n" + okBloc)},
		"certifications/tp/index.md":             {Data: []byte("+++\n+++\nLe titre.\n")},
		"certifications/bach/certification.toml": {Data: []byte("title = \"Bachelor\"\n")},
		"certifications/bach/modalites.toml":     {Data: []byte("[[modalites]]\nid = \"oral\"\nname = \"Oral\"\n")},
		"certifications/bach/blocs/b1.toml":      {Data: []byte(strings.Replace(okBloc, `modalites = ["msp"]`, `modalites = ["oral"]`, 1))},
		"certifications/bach/blocs/b1-prose.md":  {Data: []byte("+++\nattach = \"B1.C1\"\n+++\nEn plus.\n")},
		"metiers/dev.md":                         {Data: []byte("+++\ntitle = \"Développeuse ou développeur\"\nrome = [\"M1805\"]\n+++\nÉcrit des logiciels.\n")},
	}
	s, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Several || len(s.Certifications) != 2 || len(s.Blocs) != 2 || len(s.Metiers) != 1 {
		t.Fatalf("several=%v, %d certifications, %d blocs, %d métiers", s.Several, len(s.Certifications), len(s.Blocs), len(s.Metiers))
	}
	bach, tp := s.Certifications[0], s.Certifications[1]
	if bach.Slug != "bach" || tp.Slug != "tp" || tp.Level != 5 || tp.Home == nil {
		t.Errorf("certifications %+v / %+v", bach.Slug, tp.Slug)
	}
	if got := tp.Blocs[0].Path(); got != "/tp/blocs/b1/" {
		t.Errorf("bloc path %s", got)
	}
	if got := bach.Competences[0].Path(); got != "/bach/competences/b1-c1/" {
		t.Errorf("compétence path %s", got)
	}
	if bach.Competences[0].Prose == nil || tp.Competences[0].Prose != nil {
		t.Errorf("prose attached to the wrong compétence")
	}
	if o := tp.Options[0]; len(o.Blocs) != 1 || tp.Blocs[0].Option != o {
		t.Errorf("option group %+v", o)
	}
	m := s.Metiers[0]
	if m.Title != "Développeuse ou développeur" || len(m.Blocs) != 2 || m.ROME[0] != "M1805" || m.Prose == nil {
		t.Errorf("métier %+v", m)
	}
	if len(tp.Modalites) != 1 || tp.Modalites[0].ID != "msp" || len(bach.Modalites) != 1 || bach.Modalites[0].ID != "oral" {
		t.Errorf("modalités: tp %v, bach %v", tp.Modalites, bach.Modalites)
	}
	if len(s.Warnings) != 0 {
		t.Errorf("warnings: %v", s.Warnings)
	}
}
