package generator

import (
	"testing"
)

// BenchmarkDownloads times the open data of a 100-certification site
// alone, to compare with BenchmarkBuildCertifications/P100: the exports
// must add less than 10 % to the build.
func BenchmarkDownloads(b *testing.B) {
	in, err := load(certificationsSite(b, 100), Options{Minify: true}, nil)
	if err != nil {
		b.Fatal(err)
	}
	view := newView(in.model, in.urls.url, in.french, in.theme.Words)
	b.ReportAllocs()
	for b.Loop() {
		view := *view
		files, err := openDataFiles(in)
		if err != nil {
			b.Fatal(err)
		}
		listDownloads(in, &view, files)
	}
}
