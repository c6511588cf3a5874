package content

import (
	"bytes"
	"testing"
	"testing/fstest"
)

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"+++\ntitle = \"x\"\n+++\nbody", "+++\r\n+++\r\n", "+++", "", "+++\n+++", "# x\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		front, body, line, err := splitFrontMatter(src)
		if err != nil {
			return
		}
		afterFence := src[bytes.IndexByte(src, '\n')+1:]
		if line < 3 || !bytes.HasPrefix(afterFence, front) {
			t.Fatalf("body line %d, front %q not a prefix of %q", line, front, src)
		}
		if len(body) > len(src) {
			t.Fatal("body longer than source")
		}
	})
}

// FuzzLoad feeds arbitrary bytes as a bloc file and as a page: the loader
// must report errors, never panic.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(okBloc), []byte("+++\ntitle = \"x\"\n+++\n# Hello\n"))
	f.Add([]byte("[[competences]]\n[[competences.x]]\nid=1"), []byte("+++\n+++\n"))
	f.Add([]byte("a = [\n\"x\",\n"), []byte("+++\nattach = \"B1\"\n+++\n"))
	// Wrong types in arrays of tables, inline tables and front matter, and
	// decomposed accents: the paths that place type errors and normalise.
	f.Add([]byte(okBloc+"\n[[competences]]\nid = \"B1.C2\"\ntext = [\"x\"]\ncriteria = 42\n[[metiers]]\ntitle = 3\n"), []byte("+++\ntitle = 1\nweight = \"x\"\n+++\n"))
	f.Add([]byte("id = \"B1\"\nnumber = 1\nmetiers = [{id = \"a\", title = 2}, {id = 3}]\ncompetences = \"x\"\n"), []byte("+++\ntitle = \"E\u0301te\u0301\"\n+++\nde\u0301veloppeur [x](/e\u0301/)\n"))
	f.Fuzz(func(t *testing.T, bloc, page []byte) {
		fsys := fstest.MapFS{
			"modalites.toml": {Data: []byte(okModalites)},
			"blocs/b1.toml":  {Data: bloc},
			"p.md":           {Data: page},
		}
		s, err := Load(fsys)
		if err == nil && s == nil {
			t.Fatal("nil site without error")
		}
	})
}
