package importer

import (
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
