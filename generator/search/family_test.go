package search

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"cursus/generator/content"
)

// FamilyCase is a line of testdata/families.txt: words of one family, or
// words that must stay apart.
type FamilyCase struct {
	Line  int
	Apart bool
	Words []string
}

// ReadFamilies gives the browser test (package search_test) the same cases.
var ReadFamilies = readFamilies

func readFamilies(t testing.TB) []FamilyCase {
	t.Helper()
	f, err := os.Open("testdata/families.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []FamilyCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := FamilyCase{Line: n}
		if rest, ok := strings.CutPrefix(line, "≠"); ok {
			c.Apart, line = true, rest
		}
		c.Words = strings.Fields(line)
		cases = append(cases, c)
	}
	return cases
}

func familyOf(w string) string { return Family(Stem(content.Fold(w))) }

// TestFamily checks every line of testdata/families.txt: the words of a
// family share a root, words marked apart do not.
func TestFamily(t *testing.T) {
	for _, c := range readFamilies(t) {
		first := familyOf(c.Words[0])
		for _, w := range c.Words[1:] {
			if got := familyOf(w); (got == first) == c.Apart {
				t.Errorf("families.txt:%d: %s → %q, %s → %q", c.Line, c.Words[0], first, w, got)
			}
		}
	}
}

// TestFamilyRanksBelowExact searches a word on an index where it stands
// with its family: the exact word comes first, its inflections next, the
// rest of its family after, and a word outside the family not at all.
func TestFamilyRanksBelowExact(t *testing.T) {
	ix := &Index{}
	words := []string{"securisation", "securise", "securite", "secours"}
	for _, w := range words {
		ix.Words = append(ix.Words, w)
		ix.Cuts = append(ix.Cuts, len(w)-len(Stem(w)))
	}
	for i, w := range words {
		ix.Docs = append(ix.Docs, Doc{Kind: Page, URL: "/" + w + "/", Title: w, TitleW: []int{i}})
	}
	var got []string
	for _, h := range ix.Search("sécurité") {
		got = append(got, h.Doc.Title)
	}
	if strings.Join(got, " ") != "securite securisation securise" {
		t.Errorf("sécurité finds %q, want securite then its family, not secours", got)
	}
	got = got[:0]
	for _, h := range ix.Search("sécurisé") {
		got = append(got, h.Doc.Title)
	}
	if strings.Join(got, " ") != "securise securisation securite" {
		t.Errorf("sécurisé finds %q, want securise, securisation (same stem), then securite", got)
	}
}
