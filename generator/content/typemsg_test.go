package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/msg"
)

// TestTypeMessages: a value of the wrong type is said in words a teacher
// reads, in the site's language, at its key.
func TestTypeMessages(t *testing.T) {
	fsys := fstest.MapFS{
		"modalites.toml":     {Data: []byte(okModalites)},
		"certification.toml": {Data: []byte("title = \"T\"\nactif = \"oui\"\nanciennes = \"RNCP1\"\n")},
		"blocs/b1.toml":      {Data: []byte(okBloc + "\n[[competences]]\nid = \"B1.C9\"\ntext = \"T\"\ncriteria = \"x\"\n")},
	}
	for _, tt := range []struct {
		lang msg.Lang
		want []string
	}{
		{msg.FR, []string{
			`certification.toml:2:1: toml : il faut true ou false, pas un texte entre guillemets (clé "actif")`,
			`certification.toml:3:1: toml : il faut une liste entre crochets [ ], pas un texte entre guillemets (clé "anciennes")`,
		}},
		{msg.EN, []string{
			`certification.toml:2:1: toml: expected true or false, not a text in quotes (key "actif")`,
			`certification.toml:3:1: toml: expected a list in brackets [ ], not a text in quotes (key "anciennes")`,
		}},
	} {
		_, err := LoadAgain(fsys, tt.lang, nil)
		if err == nil {
			t.Fatal("no error")
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("errors:\n%v\nwant a line %s", err, w)
			}
		}
		if strings.Contains(err.Error(), "incompatible types") {
			t.Errorf("the library's words are left:\n%v", err)
		}
	}
}
