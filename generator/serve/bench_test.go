package serve

import (
	"os"
	"testing"
)

// BenchmarkChanges compares two builds of the bundled site that differ by
// one criterion: the work the server adds to each rebuild.
func BenchmarkChanges(b *testing.B) {
	dir := copySite(b)
	build := func(n int64) *snapshot {
		site, err := realBuild(os.DirFS(dir), BuildOptions{BaseURL: "http://localhost/"})
		if err != nil {
			b.Fatal(err)
		}
		return newSnapshot(site, n)
	}
	prev := build(1)
	edit(b, dir, "content/blocs/b1.toml", "Clarté et précision", "Clarté mesurée et précision", false)
	next := build(2)
	b.ReportAllocs()
	for b.Loop() {
		if m := changes(prev, next, []string{"content/blocs/b1.toml"}, true); len(m.Main) == 0 {
			b.Fatalf("no page swapped: %+v", m)
		}
	}
}
