package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/generator/msg"
)

// TestLoadAgain: loading with the TOML files decoded by the last load
// gives what a load from nothing gives, through edits, a broken file, its
// fix and a removed file.
func TestLoadAgain(t *testing.T) {
	fsys := fstest.MapFS{
		"modalites.toml":     {Data: []byte(okModalites)},
		"blocs/b1.toml":      {Data: []byte(okBloc)},
		"blocs/b2.toml":      {Data: []byte(strings.NewReplacer("B1", "B2", "number = 1", "number = 2").Replace(okBloc))},
		"metiers/dev.md":     {Data: []byte("+++\ntitle = \"Dev\"\n+++\nÉcrit.\n")},
		"certification.toml": {Data: []byte("title = \"Concepteur\"\nlevel = 6\n")},
	}
	b1 := string(fsys["blocs/b1.toml"].Data)
	var decoded Decoded
	for i, edit := range []func(){
		func() {},
		func() {
			fsys["blocs/b2.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["blocs/b2.toml"].Data), "number = 2", "number = 3", 1))}
		},
		func() { fsys["blocs/b1.toml"] = &fstest.MapFile{Data: []byte(b1 + "\n[[competences]\n")} },
		func() { fsys["blocs/b1.toml"] = &fstest.MapFile{Data: []byte(b1)} },
		func() { delete(fsys, "blocs/b2.toml") },
		func() {},
		func() {
			fsys["modalites.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(okModalites, "projets", "projets menés", 1))}
		},
		func() {
			fsys["certification.toml"] = &fstest.MapFile{Data: []byte("title = \"Concepteur\"\nlevel = 12\n")}
		},
		func() {
			fsys["certification.toml"] = &fstest.MapFile{Data: []byte("title = \"Concepteur\"\nlevel = 7\n")}
		},
		func() { fsys["modalites.toml"] = &fstest.MapFile{Data: []byte(okModalites + "[[modalites]\n")} },
		func() { fsys["modalites.toml"] = &fstest.MapFile{Data: []byte(okModalites)} },
	} {
		edit()
		want, wantErr := Load(fsys)
		got, err := LoadAgain(fsys, msg.FR, &decoded)
		if fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("step %d: error %v, want %v", i, err, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d: the model differs from a load from nothing", i)
		}
	}
	if len(decoded.last) != 3 {
		t.Errorf("%d files kept after b2 was removed, want 3 (b1, modalites.toml, certification.toml)", len(decoded.last))
	}
}
