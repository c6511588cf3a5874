package importer

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"cursus/generator/msg"
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

// FuzzClean checks that every character of cleaned text points back at the
// raw cell: at the same character, or at what it was made from (an entity,
// the white space it collapses, the block tag it breaks on), in order.
func FuzzClean(f *testing.F) {
	f.Add("<p>Clarté&nbsp;et <i>précision</i></p>")
	f.Add("pratiques <i>DevOps</i> , afin")
	f.Add("a  \u00a0 b&#233;&nGt;<br/>c <ul style=\"x\"> - d")
	f.Add("a < b &amp c &lt;")
	f.Fuzz(func(t *testing.T, raw string) {
		const base = 7 // a cell is rarely the first of its line
		got := clean(raw, base)
		last := 0
		for i, r := range got.s {
			col := got.col(i, 0)
			at := col - 1 - base
			if at < 0 || at >= len(raw) || col < last {
				t.Fatalf("%q: byte %d of %q at column %d, after %d", raw, i, got.s, col, last)
			}
			last = col
			src, _ := utf8.DecodeRuneInString(raw[at:])
			if src != r && !strings.ContainsRune("&<", src) && !unicode.IsSpace(src) {
				t.Fatalf("%q: %q of %q points at %q", raw, r, got.s, raw[at:])
			}
		}
	})
}

// FuzzSplitCriteria checks that splitting a paragraph loses nothing: the
// criteria joined by spaces give the paragraph back, none is empty, and
// every warning has a column in the paragraph.
func FuzzSplitCriteria(f *testing.F) {
	f.Add("Pertinence et exhaustivité de l'analyse produite Clarté et précision de la documentation Capacité à prioriser")
	f.Add("Les besoins sont identifiés Les risques (SI, IoT) sont évalués. Lien avec les besoins")
	f.Add("Qualité de l'article publié dans le journal Le Monde Exploitabilité des données")
	f.Fuzz(func(t *testing.T, raw string) {
		for para := range clean(raw, 0).paragraphs() {
			p := para.flat()
			warn := func(col int, _ msg.Key, word string) {
				if col < 1 || col > len(raw) {
					t.Fatalf("%q: warning on %q at column %d", raw, word, col)
				}
			}
			crits := splitCriteria(p, warn)
			if strings.Join(crits, " ") != p.s || slices.Contains(crits, "") {
				t.Fatalf("%q split into %q", p.s, crits)
			}
		}
	})
}
