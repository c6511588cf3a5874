package importer

import (
	"os"
	"strings"
	"testing"
)

// FuzzImport checks that no input makes the importer panic, that whatever
// it accepts comes out as valid TOML, and that importing again over its own
// output changes nothing.
func FuzzImport(f *testing.F) {
	seed, err := os.ReadFile("testdata/referentiel.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(tsv(small...))
	f.Add([]byte(strings.ReplaceAll(string(tsv(small...)), "\n", "\r\n")))
	f.Add([]byte("\uFEFFBloc 2 : T\n" + header + "\n<p>A</p><p>Métiers :</p><ul><li>X</li></ul>\t<p>C</p>\t<p>" + cc + "</p>\t<p>Qualité</p><p>Degré (a) B</p>\n"))
	f.Add([]byte("Bloc 1 : x\n" + header + "\nA\tC\tM (d\tQ\n\tD\t)\tR (\n"))
	f.Add([]byte("Hello\tworld\n"))
	f.Add([]byte("Bloc 1 : &amp;<i>x</i> ,\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := Import("fuzz.txt", src, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.txt:") {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		for p, data := range r.Files {
			if err := validFile(p, data); err != nil {
				t.Fatalf("%v\n%s", err, data)
			}
		}
		again, err := Import("fuzz.txt", src, mapFS(r.Files))
		if err != nil {
			t.Fatalf("import over own output: %v", err)
		}
		for _, c := range again.Changes {
			if c.Kind != Unchanged {
				t.Fatalf("import over own output changes %s:\n%s", c.Path, c.Diff)
			}
		}
	})
}
