package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"cursus/internal/par"
)

// BenchmarkBuildBundled builds the bundled site in memory, minified, as
// cursus build does before writing.
func BenchmarkBuildBundled(b *testing.B) {
	root := os.DirFS("..")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(root, Options{Minify: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildSynthetic builds référentiels generated at about 10×, 60×
// and 120× the seed (the largest: 800 blocs, 4,000 compétences, 1,800
// métiers, over 6,000 pages), to show how time and memory grow.
func BenchmarkBuildSynthetic(b *testing.B) {
	for _, scale := range []int{10, 60, 120} {
		root := syntheticSite(b, scale)
		b.Run(fmt.Sprintf("x%d", scale), func(b *testing.B) {
			b.ReportAllocs()
			var pages int
			for b.Loop() {
				out, err := Build(root, Options{Minify: true})
				if err != nil {
					b.Fatal(err)
				}
				pages = out.Pages
			}
			b.ReportMetric(float64(pages), "pages")
		})
	}
}

// syntheticSite generates a site shaped like the bundled one: scale×~6.7
// blocs of 5 compétences with 3 criteria each, and ~2.3 métiers per bloc,
// plus the bundled theme, config and pages.
func syntheticSite(tb testing.TB, scale int) fs.FS {
	tb.Helper()
	fsys := bundledFS(tb, func(p string) bool {
		return strings.HasPrefix(p, "themes/") || p == "config.toml" || strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md") || p == "content/modalites.toml" || p == "content/certification.toml"
	})
	blocs := scale * 20 / 3
	metier := 0
	for n := 1; n <= blocs; n++ {
		var s strings.Builder
		fmt.Fprintf(&s, "id = \"B%d\"\nnumber = %d\ntitle = \"Concevoir, développer et déployer des solutions numéro %d\"\n", n, n, n)
		s.WriteString("activities = [\"Spécifier, concevoir et déployer des architectures logicielles et des réseaux\"]\nmodalites = [\"mise-en-situation\", \"controle-continu\"]\n")
		for m := 0; m < 2+n%3/2; m++ {
			metier++
			fmt.Fprintf(&s, "\n[[metiers]]\nid = \"metier-%d\"\ntitle = \"Ingénieur en systèmes numéro %d\"\n", metier, metier)
		}
		for c := 1; c <= 5; c++ {
			fmt.Fprintf(&s, "\n[[competences]]\nid = \"B%d.C%d\"\nlabel = \"Concevoir la compétence %d du bloc %d\"\n", n, c, c, n)
			s.WriteString("text = \"Analyser, formaliser et synthétiser avec esprit critique les besoins clients en matière de développement logiciel en évaluant les contraintes techniques, économiques, organisationnelles et humaines, afin de proposer des solutions adaptées\"\n")
			s.WriteString("criteria = [\n  \"Pertinence et exhaustivité de l'analyse des besoins et qualité de la synthèse produite\",\n  \"Clarté et précision de la documentation des besoins et solutions\",\n  \"Degré d'impact environnemental et sociétal\",\n]\n")
		}
		fsys[fmt.Sprintf("content/blocs/b%d.toml", n)] = &fstest.MapFile{Data: []byte(s.String())}
	}
	return fsys
}

// bundledFS copies the files of the bundled site that keep accepts.
func bundledFS(tb testing.TB, keep func(path string) bool) fstest.MapFS {
	tb.Helper()
	fsys := fstest.MapFS{}
	real := os.DirFS("..")
	err := fs.WalkDir(real, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !keep(p) {
			return err
		}
		data, err := fs.ReadFile(real, p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return fsys
}

// TestWriteSyntheticSite writes a synthetic site to $CURSUS_SYNTHETIC_DIR at
// scale $CURSUS_SYNTHETIC_SCALE (default 120), to time the whole process and
// its peak memory. The site gets a copy of the bundled theme: write it again
// after changing the theme.
//
//	CURSUS_SYNTHETIC_DIR=/tmp/syn go test -run TestWriteSyntheticSite ./generator/
//	/usr/bin/time -v go run ./cmd/cursus build -s /tmp/syn
func TestWriteSyntheticSite(t *testing.T) {
	dir := os.Getenv("CURSUS_SYNTHETIC_DIR")
	if dir == "" {
		t.Skip("set CURSUS_SYNTHETIC_DIR to write a synthetic site")
	}
	scale := 120
	if s := os.Getenv("CURSUS_SYNTHETIC_SCALE"); s != "" {
		fmt.Sscan(s, &scale)
	}
	fsys := syntheticSite(t, scale)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := fs.ReadFile(fsys, p)
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkPublish writes the 120× site, already built in memory, into a
// new directory each time: what a first build adds to the in-memory build.
// "floor" does the least any program must, os.MkdirAll and os.WriteFile on
// every core; "cursus" is Write, the publisher of cursus build. On this
// kind of machine the floor moves by a factor of three from one minute to
// the next: compare the two side by side, not with last week's figures.
func BenchmarkPublish(b *testing.B) {
	out, err := Build(syntheticSite(b, 120), Options{Minify: true})
	if err != nil {
		b.Fatal(err)
	}
	names := make([]string, 0, len(out.Files))
	var size int64
	for name, data := range out.Files {
		names = append(names, name)
		size += int64(len(data))
	}
	sort.Strings(names)
	publishers := []struct {
		name    string
		publish func(dest string) error
	}{
		{"floor", func(dest string) error {
			errs := make([]error, len(names))
			par.ForEach(len(names), func(i int) {
				p := filepath.Join(dest, filepath.FromSlash(names[i]))
				if errs[i] = os.MkdirAll(filepath.Dir(p), 0o755); errs[i] == nil {
					errs[i] = os.WriteFile(p, out.Files[names[i]], 0o644)
				}
			})
			return errors.Join(errs...)
		}},
		{"cursus", func(dest string) error { return Write(out, dest) }},
	}
	for _, p := range publishers {
		b.Run(p.name, func(b *testing.B) {
			root := b.TempDir()
			b.SetBytes(size)
			n := 0
			for b.Loop() {
				n++
				if err := p.publish(filepath.Join(root, strconv.Itoa(n))); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(names)), "files")
		})
	}
}
