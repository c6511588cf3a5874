package generator

import (
	"bytes"
	"compress/gzip"
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
	"time"

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
		b.Run(fmt.Sprintf("x%d", scale), func(b *testing.B) { benchBuild(b, root) })
	}
}

// benchBuild builds root, minified, again and again, and reports its pages.
func benchBuild(b *testing.B, root fs.FS) {
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

// BenchmarkBuildCertifications builds sites of P certifications of 8 blocs
// each, sharing a pool of métiers (about 6,000 pages at P=100), to show
// that time, memory and the largest page grow linearly with P.
func BenchmarkBuildCertifications(b *testing.B) {
	for _, certs := range []int{10, 100} {
		root := certificationsSite(b, certs)
		b.Run(fmt.Sprintf("P%d", certs), func(b *testing.B) { benchBuild(b, root) })
	}
}

// certificationsSite generates a site of certs certifications under
// content/certifications/, each of 8 blocs of 5 compétences with 3
// critères, and shared modalités. Each bloc leads to 3 métiers of a pool of
// 40 per level of 10 certifications, so that a métier is shared by about
// ten certifications whatever their number.
func certificationsSite(tb testing.TB, certs int) fstest.MapFS {
	tb.Helper()
	fsys := bundledFS(tb, func(p string) bool {
		return strings.HasPrefix(p, "themes/") || p == "config.toml" || p == "content/modalites.toml" ||
			p == "content/accessibilite.md"
	})
	fsys["content/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Accueil\"\n+++\nLe catalogue des certifications.\n")}
	pool := 40 * max(1, certs/10)
	for p := 1; p <= certs; p++ {
		dir := fmt.Sprintf("content/certifications/cert-%03d/", p)
		fsys[dir+"certification.toml"] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"title = \"Certification numéro %d en ingénierie des systèmes\"\nrncp = \"RNCP%05d\"\nabrege = { code = \"TP\", libelle = \"Titre professionnel\" }\nlevel = %d\ndate_fin = 2031-01-%02d\nsummary = \"Concevoir, déployer et maintenir des systèmes numériques.\"\n\n[[certificateurs]]\nnom = \"Ministère du Travail\"\nsiret = \"11000007200014\"\n",
			p, 30000+p, 3+p%6, 1+p%28))}
		for n := 1; n <= 8; n++ {
			var s strings.Builder
			fmt.Fprintf(&s, "id = \"B%d\"\nnumber = %d\ncode = \"RNCP%05dBC%02d\"\ntitle = \"Concevoir, développer et déployer des solutions numéro %d\"\n", n, n, 30000+p, n, n)
			s.WriteString("activities = [\"Spécifier, concevoir et déployer des architectures logicielles et des réseaux\"]\nmodalites = [\"mise-en-situation\", \"controle-continu\"]\n")
			for m := 0; m < 3; m++ {
				id := (p*7 + n*3 + m*13) % pool
				fmt.Fprintf(&s, "\n[[metiers]]\nid = \"metier-%d\"\ntitle = \"Ingénieur en systèmes numéro %d\"\n", id, id)
			}
			for c := 1; c <= 5; c++ {
				fmt.Fprintf(&s, "\n[[competences]]\nid = \"B%d.C%d\"\nnumber = \"C%d.%d\"\nlabel = \"Concevoir la compétence %d du bloc %d\"\n", n, c, n, c, c, n)
				s.WriteString("text = \"Analyser, formaliser et synthétiser avec esprit critique les besoins clients en matière de développement logiciel en évaluant les contraintes techniques, économiques, organisationnelles et humaines, afin de proposer des solutions adaptées\"\n")
				s.WriteString("criteria = [\n  \"Pertinence et exhaustivité de l'analyse des besoins et qualité de la synthèse produite\",\n  \"Clarté et précision de la documentation des besoins et solutions\",\n  \"Degré d'impact environnemental et sociétal\",\n]\n")
			}
			fsys[fmt.Sprintf("%sblocs/b%d.toml", dir, n)] = &fstest.MapFile{Data: []byte(s.String())}
		}
	}
	return fsys
}

// TestCertificationsSiteScales builds the sites of 10 and 100
// certifications and checks that no page grows faster than the number of
// certifications, and that none is over 150 KB gzipped at 100.
func TestCertificationsSiteScales(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 6,000 pages")
	}
	largest := func(certs int) (string, int, int) {
		out, err := Build(certificationsSite(t, certs), Options{Minify: true})
		if err != nil {
			t.Fatal(err)
		}
		name, size := "", 0
		for f, data := range out.Files {
			if strings.HasSuffix(f, ".html") && len(data) > size {
				name, size = f, len(data)
			}
		}
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(out.Files[name])
		zw.Close()
		return name, size, buf.Len()
	}
	name10, size10, _ := largest(10)
	name100, size100, gz100 := largest(100)
	t.Logf("largest page: %s %d bytes at P=10; %s %d bytes, %d gzipped at P=100", name10, size10, name100, size100, gz100)
	if size100 > 10*size10*12/10 {
		t.Errorf("the largest page grows faster than the number of certifications: %d bytes at 10, %d at 100", size10, size100)
	}
	if gz100 > 150<<10 {
		t.Errorf("%s is %d bytes gzipped, over 150 KB", name100, gz100)
	}
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
	var fsys fs.FS = syntheticSite(t, scale)
	if s := os.Getenv("CURSUS_SYNTHETIC_CERTS"); s != "" {
		// CURSUS_SYNTHETIC_CERTS=100: a site of 100 certifications.
		certs := 0
		fmt.Sscan(s, &certs)
		fsys = certificationsSite(t, certs)
	}
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

// BenchmarkIncremental rebuilds after a critère edit, as the dev server
// does after a save, on the bundled site and on the site of 100
// certifications, and reports the CPU time of a rebuild, the pages it
// took from the last build, and when the page a browser would show (a
// compétence of the bloc edited) was handed over (first-ms/op, the time
// the person waits for, BuildFirst).
func BenchmarkIncremental(b *testing.B) {
	sites := []struct {
		name string
		fsys func() fstest.MapFS
		file func(i int) string
		page func(i int) string // a compétence of file(i)
	}{
		{"bundled", func() fstest.MapFS {
			return bundledFS(b, func(p string) bool {
				return strings.HasPrefix(p, "themes/") || p == "config.toml" || strings.HasPrefix(p, "content/")
			})
		}, func(int) string { return "content/blocs/b1.toml" }, func(int) string { return "competences/b1-c1/index.html" }},
		{"P100", func() fstest.MapFS { return certificationsSite(b, 100) }, func(i int) string {
			return fmt.Sprintf("content/certifications/cert-%03d/blocs/b%d.toml", 1+i*7%100, 1+i%8)
		}, func(i int) string {
			return fmt.Sprintf("cert-%03d/competences/b%d-c1/index.html", 1+i*7%100, 1+i%8)
		}},
	}
	for _, site := range sites {
		b.Run(site.name, func(b *testing.B) {
			fsys := site.fsys()
			inc := NewIncremental(Options{})
			if _, err := inc.Build(fsys); err != nil {
				b.Fatal(err)
			}
			i, reused := 0, 0
			var first time.Duration
			start := cpuTime()
			for b.Loop() {
				name := site.file(i)
				data := strings.Replace(string(fsys[name].Data), "Clarté", fmt.Sprintf("Clarté %d", i), 1)
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
				began, page := time.Now(), site.page(i)
				if _, err := inc.BuildFirst(fsys, []string{page}, func(files map[string][]byte) {
					if files[page] == nil {
						b.Fatalf("%s not given first", page)
					}
					first += time.Since(began)
				}); err != nil {
					b.Fatal(err)
				}
				reused += inc.Reused
				i++
			}
			b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(i), "cpu-ms/op")
			b.ReportMetric(float64(reused)/float64(i), "reused/op")
			b.ReportMetric(float64(first.Microseconds())/1000/float64(i), "first-ms/op")
		})
	}
}
