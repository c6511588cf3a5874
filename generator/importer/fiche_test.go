package importer

import (
	"flag"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"

	"cursus/generator/msg"
	"cursus/generator/rncp"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/fiche")

// readFiches reads fiches of the test export of the rncp package.
func readFiches(t *testing.T, numeros ...string) []*rncp.Fiche {
	t.Helper()
	f, err := os.Open("../rncp/testdata/variants.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found, err := rncp.Read(msg.FR, "variants.xml", f, numeros)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]*rncp.Fiche, len(numeros))
	for i, n := range numeros {
		out[i] = found[n]
	}
	return out
}

// golden compares the files of r with testdata/fiche/name, or rewrites
// them with -update. The golden files are reviewed by hand: they are what
// faculty will read.
func golden(t *testing.T, name string, files map[string][]byte) {
	t.Helper()
	dir := filepath.Join("testdata", "fiche", name)
	if *update {
		os.RemoveAll(dir)
		for p, data := range files {
			target := filepath.Join(dir, filepath.FromSlash(p))
			os.MkdirAll(filepath.Dir(target), 0o755)
			if err := os.WriteFile(target, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := map[string]bool{}
	fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			want[p] = true
		}
		return nil
	})
	for p, data := range files {
		old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s: not in the golden files (run go test -update)", p)
			continue
		}
		if string(old) != string(data) {
			t.Errorf("%s differs from the golden file:\n%s", p, unifiedDiff(p, string(old), string(data)))
		}
		delete(want, p)
	}
	for p := range want {
		t.Errorf("%s: golden file not written by the import", p)
	}
}

// parsesBack decodes every file the import writes, front matter included.
func parsesBack(t *testing.T, files map[string][]byte) {
	t.Helper()
	for p, data := range files {
		if err := validFile(p, data); err != nil {
			t.Error(err)
		}
	}
}

func TestFicheOneCertification(t *testing.T) {
	r, err := ImportFiches(msg.FR, readFiches(t, "RNCP10001"), nil)
	if err != nil {
		t.Fatal(err)
	}
	parsesBack(t, r.Files)
	golden(t, "one", r.Files)
	if !slices.Equal(r.Certifications, []string{""}) || len(r.Moves) != 0 {
		t.Errorf("certifications %q, moves %v: want the root, no move", r.Certifications, r.Moves)
	}
	s := r.Stats
	if s.Blocs != 2 || s.Competences != 4 || s.Metiers != 4 {
		t.Errorf("stats %+v, want 2 blocs, 4 compétences, 4 métiers", s)
	}
}

func TestFicheSeveralCertifications(t *testing.T) {
	r, err := ImportFiches(msg.FR, readFiches(t, "RNCP10001", "RNCP10002"), nil)
	if err != nil {
		t.Fatal(err)
	}
	parsesBack(t, r.Files)
	golden(t, "several", r.Files)
}

// Importing beside a root certification moves it, unchanged, into
// certifications/; its métiers are shared by name with the fiche's.
func TestFicheBesideRootCertification(t *testing.T) {
	existing := fstest.MapFS{
		"certification.toml": {Data: []byte("title = \"Référentiel\"\n")},
		"modalites.toml":     {Data: []byte("[[modalites]]\nid = \"oral\"\nname = \"Oral\"\n")},
		"blocs/b1.toml": {Data: []byte("id = \"B1\"\nnumber = 1\ntitle = \"Bloc\"\n\n[[metiers]]\n" +
			"id = \"tech-support\"\ntitle = \"Technicien support\"\n\n[[competences]]\nid = \"B1.C1\"\ntext = \"Faire\"\n")},
	}
	r, err := ImportFiches(msg.FR, readFiches(t, "RNCP10001"), existing)
	if err != nil {
		t.Fatal(err)
	}
	want := []Move{{"certification.toml", "certifications/referentiel/certification.toml"},
		{"blocs/b1.toml", "certifications/referentiel/blocs/b1.toml"}}
	if !slices.Equal(r.Moves, want) {
		t.Errorf("moves %v, want %v", r.Moves, want)
	}
	for _, mv := range r.Moves {
		if string(r.Files[mv.To]) != string(existing[mv.From].Data) {
			t.Errorf("%s: moved file changed", mv.To)
		}
	}
	if _, ok := r.Files[ModalitesPath]; ok {
		t.Error("modalites.toml rewritten: the shared modalités stay as they are")
	}
	bloc := string(r.Files["certifications/technicien-des-listes/blocs/b1.toml"])
	if !strings.Contains(bloc, "id = \"tech-support\"\ntitle = \"Technicien support\"") {
		t.Errorf("métier not shared by name:\n%s", bloc)
	}
}

// A re-import updates what the fiche owns and keeps what people added.
func TestFicheReimport(t *testing.T) {
	first, err := ImportFiches(msg.FR, readFiches(t, "RNCP10002"), nil)
	if err != nil {
		t.Fatal(err)
	}
	existing := fstest.MapFS{}
	for p, data := range first.Files {
		existing[p] = &fstest.MapFile{Data: data}
	}
	edit := func(p, old, new string) {
		s := string(existing[p].Data)
		if !strings.Contains(s, old) {
			t.Fatalf("%s has no %q", p, old)
		}
		existing[p].Data = []byte(strings.Replace(s, old, new, 1))
	}
	edit("blocs/b1.toml", "text = \"Analyser le besoin\"\n",
		"label = \"Analyse\"\ntext = \"Analyser le besoin du client\"\ncriteria = [\"Pertinence de l'analyse\"]\nmodalites = [\"oral\"]\n")
	edit("blocs/b1.toml", "modalites = []\n", "modalites = [\"oral\"]\nnote = \"ajout\"\n")
	edit("certification.toml", "rncp = ", "summary = \"Un bachelor.\"\nrncp = ")
	edit("metiers/expertise-et-support-en-systemes-d-information.md", "+++\n", "+++\nonisep = \"https://www.onisep.fr/x\"\n")
	existing["metiers/expertise-et-support-en-systemes-d-information.md"].Data =
		append(existing["metiers/expertise-et-support-en-systemes-d-information.md"].Data, "Le métier.\n"...)

	again, err := ImportFiches(msg.FR, readFiches(t, "RNCP10002"), existing)
	if err != nil {
		t.Fatal(err)
	}
	bloc := string(again.Files["blocs/b1.toml"])
	for _, want := range []string{
		"label = \"Analyse\"\ntext = \"Analyser le besoin\"\nmodalites = [\"oral\"]\ncriteria = [\"Pertinence de l'analyse\"]\n",
		"modalites = [\"oral\"]\n", "note = \"ajout\"\n",
	} {
		if !strings.Contains(bloc, want) {
			t.Errorf("re-imported bloc lacks %q:\n%s", want, bloc)
		}
	}
	if cert := string(again.Files["certification.toml"]); !strings.Contains(cert, "summary = \"Un bachelor.\"") {
		t.Errorf("summary lost:\n%s", cert)
	}
	page := string(again.Files["metiers/expertise-et-support-en-systemes-d-information.md"])
	if !strings.HasSuffix(page, "+++\nLe métier.\n") || !strings.Contains(page, "onisep = ") {
		t.Errorf("métier page lost its description or link:\n%s", page)
	}
	if d := again.Changes[0].Diff; !strings.Contains(d, "-text = \"Analyser le besoin du client\"\n-criteria") ||
		!strings.Contains(d, "+text = \"Analyser le besoin\"\n") {
		t.Errorf("diff does not show the wording the fiche restores:\n%s", d)
	}
	// Keys added by hand move after the keys of the fiche once; from
	// then on a re-import changes nothing.
	for p, data := range again.Files {
		existing[p] = &fstest.MapFile{Data: data}
	}
	third, err := ImportFiches(msg.FR, readFiches(t, "RNCP10002"), existing)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range third.Changes {
		if c.Kind != Unchanged {
			t.Errorf("%s: %s on a second re-import\n%s", c.Path, c.Kind, c.Diff)
		}
	}
}

func TestFicheErrors(t *testing.T) {
	_, err := ImportFiches(msg.FR, readFiches(t, "RNCP10001", "RNCP10003"), nil)
	want := `variants.xml:40:1: la fiche RNCP10003 n'est pas active (ACTIF : "INACTIVE") : elle n'est pas importée`
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

// Every bloc the writer makes holds the keys of docs/certifications.md and
// no other.
func TestFicheKeys(t *testing.T) {
	r, err := ImportFiches(msg.FR, readFiches(t, "RNCP10001", "RNCP10002"), nil)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"id": true, "number": true, "code": true, "title": true, "label": true,
		"activities": true, "modalites": true, "evaluation": true, "metiers": true, "metiers.id": true,
		"metiers.title": true, "competences": true, "competences.id": true, "competences.number": true,
		"competences.label": true, "competences.text": true, "competences.criteria": true}
	for p, data := range r.Files {
		if path.Base(path.Dir(p)) != BlocsDir {
			continue
		}
		var v map[string]any
		md, err := toml.Decode(string(data), &v)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range md.Keys() {
			if !allowed[k.String()] {
				t.Errorf("%s: key %q is not in the schema", p, k)
			}
		}
	}
}
