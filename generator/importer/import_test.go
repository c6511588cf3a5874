package importer

import (
	"os"
	"testing"
)

func readSeed(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("testdata/referentiel.txt")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestRoundTripContent imports the seed over the hand-made content: the
// importer must reproduce it byte for byte, or it would churn files on every
// import.
func TestRoundTripContent(t *testing.T) {
	content := os.DirFS("../../content")
	r, err := Import("referentiel.txt", readSeed(t), content)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Changes {
		if c.Kind != Unchanged {
			t.Errorf("%s: %s\n%s", c.Path, c.Kind, c.Diff)
		}
	}
	if len(r.Changes) != 9 {
		t.Errorf("got %d files, want 9", len(r.Changes))
	}
	for _, w := range r.Warnings {
		t.Logf("warning: %s", w)
	}
	want := Stats{Blocs: 8, Competences: 37, Criteria: 105, Metiers: 36, Modalites: 2}
	if r.Stats != want {
		t.Errorf("stats = %+v, want %+v", r.Stats, want)
	}
}
