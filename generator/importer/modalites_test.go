package importer

import (
	"slices"
	"strings"
	"testing"
)

// TestLoneParentheses: parentheses with no name before them add to the
// detail of the modalité before, in one piece, however many there are.
func TestLoneParentheses(t *testing.T) {
	cell := "Contrôle continu (écrit) (oral) Jury (final)"
	got := splitModalites(clean(cell, 0))
	want := []tModalite{
		{pos: posCol(1), name: "Contrôle continu", detail: "écrit (oral)"},
		{pos: posCol(strings.Index(cell, "Jury") + 1), name: "Jury", detail: "final"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	// Appended one by one, 20,000 of them allocated 1.4 GB.
	cell = "Contrôle continu (écrit) " + strings.Repeat("(oral) ", 20_000)
	src := tsv(small[0], small[1], "A Métiers : - M\tC\t"+cell+"\tQualité")
	if got := allocated(t, src); got > 50*len(src) {
		t.Errorf("importing %d bytes allocated %d bytes, %.1f times; want at most 50", len(src), got, float64(got)/float64(len(src)))
	}
}
