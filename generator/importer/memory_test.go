package importer

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// TestMemoryOfALongLine imports a table whose one criterion is a line of
// several megabytes. Cleaning a cell used to keep an int for each of its
// bytes, three times over: a 50 MB line took 1.6 GB. All that an import
// allocates, garbage included, must now stay within a few times the table.
func TestMemoryOfALongLine(t *testing.T) {
	long := "Pertinence " + strings.Repeat("de l'<i>analyse</i> produite ", 1<<17)
	src := tsv(small[0], small[1], "A Métiers : - M\tC\t"+mes+"\t"+long)
	if got := allocated(t, src); got > 12*len(src) {
		t.Errorf("importing %d bytes allocated %d bytes, %.1f times; want at most 12", len(src), got, float64(got)/float64(len(src)))
	}
}

// allocated returns the bytes allocated while src is imported.
func allocated(t *testing.T, src []byte) int {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Import("ref.txt", src, nil)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	return int(after.TotalAlloc - before.TotalAlloc)
}

// TestTooManyErrors: a file that is not quite a table gives an error per
// line; past maxMessages reading stops, and says where.
func TestTooManyErrors(t *testing.T) {
	lines := []string{small[0], small[1]}
	for range 150 {
		lines = append(lines, "a\tb")
	}
	_, err := Import("ref.txt", tsv(lines...), nil)
	got := strings.Split(err.Error(), "\n")
	want := "ref.txt:103:1: trop d'erreurs : lecture du tableau arrêtée ici"
	if len(got) != maxMessages+1 || got[maxMessages] != want {
		t.Errorf("%d errors, the last %q; want %d, the last %q", len(got), got[len(got)-1], maxMessages+1, want)
	}
}

// TestTooManyWarnings: warnings past maxMessages are counted, not kept.
func TestTooManyWarnings(t *testing.T) {
	lines := []string{small[0], small[1], "A Métiers : - M\tC\t" + mes + "\tQualité"}
	for i := range 150 {
		lines = append(lines, fmt.Sprintf("\tC%d\t\tQualité de l'application Web", i))
	}
	r := mustImport(t, tsv(lines...))
	last := r.Warnings[len(r.Warnings)-1].String()
	// A warning a row, from line 4: the 101st is on line 104.
	col := strings.Index(lines[103], "Web") + 1
	want := fmt.Sprintf("ref.txt:104:%d: et 50 autres avertissements à partir d'ici, non affichés : vérifiez la suite du tableau", col)
	if len(r.Warnings) != maxMessages+1 || last != want {
		t.Errorf("%d warnings, the last %q; want %d, the last %q", len(r.Warnings), last, maxMessages+1, want)
	}
}
