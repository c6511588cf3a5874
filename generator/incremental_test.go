package generator

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// TestIncrementalMatchesBuild edits a site of three certifications at
// random, step after step (change, add, rename and delete content files,
// break and fix them, edit a template and the stylesheet), and checks after
// each step that the incremental build is, file for file, the full Build of
// the same sources, or fails with the same errors.
func TestIncrementalMatchesBuild(t *testing.T) {
	steps := 300
	if testing.Short() {
		steps = 10
	} else if raceEnabled {
		// Under the race detector (as .ci/run tests) a step costs five
		// times as much: 100 steps keep CI within minutes, and go test
		// ./... without it takes the 300.
		steps = 100
	}
	// CURSUS_INCREMENTAL_STEPS=3000 CURSUS_INCREMENTAL_SEED=7 run longer,
	// other sequences than CI's.
	if n, err := strconv.Atoi(os.Getenv("CURSUS_INCREMENTAL_STEPS")); err == nil {
		steps = n
	}
	t.Run("three certifications", func(t *testing.T) { matchBuild(t, smallCertificationsSite(t), steps) })
	t.Run("one", func(t *testing.T) {
		fsys := syntheticSite(t, 1)
		fsys.(fstest.MapFS)["content/guide.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Guide\"\n+++\nVoir [la compétence](/competences/b1-c1/).\n")}
		matchBuild(t, fsys.(fstest.MapFS), steps)
	})
}

func matchBuild(t *testing.T, fsys fstest.MapFS, steps int) {
	inc := NewIncremental(Options{Preview: true})
	seed := uint64(2026)
	if n, err := strconv.ParseUint(os.Getenv("CURSUS_INCREMENTAL_SEED"), 10, 64); err == nil {
		seed = n
	}
	rng := rand.New(rand.NewPCG(19, seed))
	saved := map[string][]byte{} // files broken, with their good content
	reused := 0
	good := maps.Clone(fsys) // the last sources that built
	failed := false
	var first []string // pages open in a browser
	shown := 0
	for step := range steps {
		what := ""
		if failed && rng.IntN(2) == 0 {
			// Mistakes get fixed: back to the last sources that built.
			fsys, what = maps.Clone(good), "undo"
			clear(saved)
		} else if tmpl := "themes/default/layouts/competence.html"; saved[tmpl] != nil && rng.IntN(2) == 0 {
			// A template edited stops all reuse: undo it soon.
			fsys[tmpl], what = &fstest.MapFile{Data: saved[tmpl]}, "restore "+tmpl
			delete(saved, tmpl)
		} else {
			what = editAtRandom(rng, fsys, saved)
		}
		want, wantErr := Build(fsys, Options{Preview: true})
		// Pages open in a browser come first (BuildFirst): they must be
		// the very pages the build then publishes.
		var early map[string][]byte
		got, gotErr := inc.BuildFirst(fsys, first, func(files map[string][]byte) { early = files })
		failed = wantErr != nil
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Fatalf("step %d (%s): Build: %v\nincremental: %v", step, what, wantErr, gotErr)
		}
		if wantErr != nil {
			continue
		}
		good = maps.Clone(fsys)
		reused += inc.Reused
		sameOutput(t, fmt.Sprintf("step %d (%s)", step, what), want, got)
		for name, data := range early {
			if !bytes.Equal(data, got.Files[name]) {
				t.Fatalf("step %d (%s): %s as given first is not the page published", step, what, name)
			}
			shown++
		}
		for _, name := range first {
			if _, ok := early[name]; !ok && got.Files[name] != nil {
				t.Fatalf("step %d (%s): %s not given first", step, what, name)
			}
		}
		first = pickPages(rng, got.Files)
	}
	if reused == 0 {
		t.Error("no build reused a page")
	}
	if shown == 0 {
		t.Error("no page given first")
	}
	t.Logf("%d steps, %d pages reused", steps, reused)
}

// pickPages picks three pages of a build as a browser would show them,
// and one the site does not have.
func pickPages(rng *rand.Rand, files map[string][]byte) []string {
	var pages []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	slices.Sort(pages)
	var out []string
	for range 3 {
		out = append(out, pages[rng.IntN(len(pages))])
	}
	return append(out, "nulle-part/index.html")
}

// sameOutput fails unless two builds made the same files, sources and
// warnings.
func sameOutput(t *testing.T, step string, want, got *Output) {
	t.Helper()
	for name, data := range want.Files {
		if g, ok := got.Files[name]; !ok {
			t.Fatalf("%s: %s missing", step, name)
		} else if !bytes.Equal(g, data) {
			t.Fatalf("%s: %s differs:\n%s", step, name, firstDifference(data, g))
		}
	}
	for name := range got.Files {
		if _, ok := want.Files[name]; !ok {
			t.Fatalf("%s: %s made but Build does not make it", step, name)
		}
	}
	if len(want.Later) != len(got.Later) {
		t.Fatalf("%s: %d files made later, Build makes %d", step, len(got.Later), len(want.Later))
	}
	for name, build := range want.Later {
		later := got.Later[name]
		if later == nil {
			t.Fatalf("%s: %s missing", step, name)
		}
		w, err1 := build()
		g, err2 := later()
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %s: %v, %v", step, name, err1, err2)
		}
		if !bytes.Equal(w, g) {
			t.Fatalf("%s: %s differs:\n%s", step, name, firstDifference(w, g))
		}
	}
	if fmt.Sprint(want.Sources) != fmt.Sprint(got.Sources) || !slices.Equal(want.Assets, got.Assets) ||
		!slices.Equal(want.Warnings.Lines(), got.Warnings.Lines()) {
		t.Fatalf("%s: sources, assets or warnings differ", step)
	}
}

func firstDifference(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("want …%s…\ngot  …%s…", want[from:min(len(want), i+80)], got[from:min(len(got), i+80)])
}

// smallCertificationsSite is certificationsSite with three certifications
// of two blocs each, and a markdown page linking into one.
func smallCertificationsSite(t *testing.T) fstest.MapFS {
	fsys := certificationsSite(t, 3)
	for name := range fsys {
		if strings.Contains(name, "/blocs/b") && !strings.HasSuffix(name, "/b1.toml") && !strings.HasSuffix(name, "/b2.toml") {
			delete(fsys, name)
		}
	}
	fsys["content/guide.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Guide\"\n+++\nVoir [la compétence](/cert-001/competences/b1-c1/).\n")}
	return fsys
}

// editAtRandom makes one edit of the kinds a person makes while writing a
// référentiel, and says which.
func editAtRandom(rng *rand.Rand, fsys fstest.MapFS, saved map[string][]byte) string {
	var blocs, tomls []string
	for name := range fsys {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, ".toml") {
			tomls = append(tomls, name)
			if strings.Contains(name, "/blocs/") {
				blocs = append(blocs, name)
			}
		}
	}
	slices.Sort(blocs)
	slices.Sort(tomls)
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	word := fmt.Sprintf("mot%d", rng.IntN(5))
	replace := func(name, old, new string) string {
		f := fsys[name]
		if f == nil || !strings.Contains(string(f.Data), old) {
			return "nothing"
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
		return fmt.Sprintf("%s: %q → %q", name, old, new)
	}
	swapWord := func(name string) string {
		f := fsys[name]
		if f == nil {
			return "nothing"
		}
		for i := range 5 {
			old := fmt.Sprintf("mot%d", i)
			if strings.Contains(string(f.Data), old) {
				return replace(name, old, word)
			}
		}
		return "nothing"
	}
	switch rng.IntN(14) {
	case 0: // a critère
		name := pick(blocs)
		if r := swapWord(name); r != "nothing" {
			return r
		}
		return replace(name, "Clarté et précision", "Clarté "+word+" et précision")
	case 1: // a compétence's label
		return replace(pick(blocs), "Concevoir la compétence", "Concevoir "+word+" la compétence")
	case 2: // a métier's title, shared by several certifications
		return replace(pick(blocs), "Ingénieur en systèmes", "Ingénieure "+word+" en systèmes")
	case 3: // a métier leaves a bloc for another
		name := pick(blocs)
		return replace(name, "id = \"metier-", fmt.Sprintf("id = \"metier-%d", rng.IntN(3)))
	case 4: // a bloc added, copied from another
		from := pick(blocs)
		dir := from[:strings.LastIndex(from, "/")+1]
		n := 3 + rng.IntN(2)
		name := fmt.Sprintf("%sb%d.toml", dir, n)
		if fsys[name] != nil {
			return "nothing"
		}
		if fsys[dir+"b1.toml"] == nil {
			return "nothing"
		}
		data := strings.NewReplacer("id = \"B1", fmt.Sprintf("id = \"B%d", n), "number = 1", fmt.Sprintf("number = %d", n), "BC01", fmt.Sprintf("BC%02d", n)).Replace(string(fsys[dir+"b1.toml"].Data))
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
		return "add " + name
	case 5: // a bloc deleted (not the first two)
		name := pick(blocs)
		if base := path.Base(name); !strings.HasPrefix(base, "b3") && !strings.HasPrefix(base, "b4") {
			return "nothing" // the first two stay: a certification needs a bloc
		}
		delete(fsys, name)
		delete(saved, name)
		return "delete " + name
	case 6: // a bloc renamed
		name := pick(blocs)
		to := strings.TrimSuffix(name, ".toml") + "x.toml"
		if strings.HasSuffix(name, "x.toml") {
			to = strings.TrimSuffix(name, "x.toml") + ".toml"
		}
		if fsys[to] != nil || saved[name] != nil {
			return "nothing"
		}
		fsys[to] = fsys[name]
		delete(fsys, name)
		return "rename " + name
	case 7: // a file broken, or fixed
		for name, good := range saved {
			if strings.HasPrefix(name, "themes/") {
				continue
			}
			fsys[name] = &fstest.MapFile{Data: good}
			delete(saved, name)
			return "fix " + name
		}
		name := pick(tomls)
		saved[name] = fsys[name].Data
		fsys[name] = &fstest.MapFile{Data: append(slices.Clone(fsys[name].Data), "\nbroken = = 1\n"...)}
		return "break " + name
	case 8: // the certification's title
		return replace(pick(tomls), "Certification numéro", "Certification "+word+" numéro")
	case 9: // a modalité
		return replace("content/modalites.toml", "name = \"", "name = \""+word+" ")
	case 10: // a markdown page, with a link
		name := "content/guide.md"
		if fsys[name] == nil || rng.IntN(3) == 0 {
			fsys[name] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Guide %s\"\n+++\nVoir [la compétence](/cert-00%d/competences/b1-c%d/).\n", word, 1+rng.IntN(3), 1+rng.IntN(5)))}
			return "write " + name
		}
		delete(fsys, name)
		return "delete " + name
	case 11: // prose attached to a compétence
		name := fmt.Sprintf("content/certifications/cert-00%d/note.md", 1+rng.IntN(3))
		if fsys[name] != nil && rng.IntN(2) == 0 {
			delete(fsys, name)
			return "delete " + name
		}
		attach := []string{"B1", "B1.C2", "B2.C5"}[rng.IntN(3)]
		fsys[name] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Note\"\nattach = \"" + attach + "\"\n+++\nUne note " + word + ".\n")}
		return "write " + name
	case 12: // a template
		name := "themes/default/layouts/competence.html"
		if good := saved[name]; good != nil {
			fsys[name] = &fstest.MapFile{Data: good}
			delete(saved, name)
			return "restore " + name
		}
		saved[name] = fsys[name].Data
		if r := replace(name, "<h2 id=\"texte\">La compétence", "<h2 id=\"texte\">La "+word+" compétence"); r != "nothing" {
			return r
		}
		return swapWord(name)
	default: // the stylesheet
		name := "themes/default/static/style.css"
		fsys[name] = &fstest.MapFile{Data: append(slices.Clone(fsys[name].Data), fmt.Sprintf("\n.%s{color:red}\n", word)...)}
		return "style.css"
	}
}

// TestIncrementalSiteWords: a word the site changes in its own i18n/
// changes every page that shows it, not only those whose data changed:
// here a word templates read ({{t "competence_text"}}), not one of the data.
func TestIncrementalSiteWords(t *testing.T) {
	fsys := syntheticSite(t, 1).(fstest.MapFS)
	inc := NewIncremental(Options{Preview: true})
	if _, err := inc.Build(fsys); err != nil {
		t.Fatal(err)
	}
	fsys["i18n/fr.toml"] = &fstest.MapFile{Data: []byte("competence_text = \"Ce que dit le référentiel\"\n")}
	want, got := buildBoth(t, inc, fsys)
	if !strings.Contains(string(want.Files["competences/b1-c1/index.html"]), "Ce que dit le référentiel") {
		t.Fatal("the site's i18n/fr.toml is not read")
	}
	sameOutput(t, "i18n/fr.toml added", want, got)
}

// TestMemo checks that a memo gives back what it was given without asking
// again, and forgets the texts builds stopped asking for.
func TestMemo(t *testing.T) {
	var m memo
	calls := 0
	upper := func(s string) string { calls++; return strings.ToUpper(s) }
	build := func(texts ...string) {
		for _, s := range texts {
			if got := m.of(s, upper); got != strings.ToUpper(s) {
				t.Fatalf("of(%q) = %q", s, got)
			}
		}
		m.done()
	}
	build("a", "b", "c", "a")
	if calls != 3 {
		t.Fatalf("first build: %d calls, want 3", calls)
	}
	build("a", "b", "c")
	if calls != 3 {
		t.Fatalf("second build asked again: %d calls", calls)
	}
	// A paragraph written save after save: each version once.
	for i := range 10 {
		build("a", fmt.Sprint("draft ", i))
	}
	if calls != 13 {
		t.Fatalf("%d calls, want 13", calls)
	}
	if len(m.all) > 4 {
		t.Errorf("the memo keeps %d texts for builds asking for 2", len(m.all))
	}
	build("a")
	if calls != 13 {
		t.Errorf("a text asked for by every build was made again")
	}
}

// TestIncrementalPageLayout: a markdown page may render with any layout of
// the theme, and one that lists the whole model must follow every change
// of it, not the page's own text only.
func TestIncrementalPageLayout(t *testing.T) {
	fsys := bundledFS(t, func(p string) bool {
		return strings.HasPrefix(p, "themes/") || p == "config.toml" || strings.HasPrefix(p, "content/")
	})
	fsys["content/tous-les-metiers.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Tous les métiers\"\nlayout = \"metiers\"\n+++\nLa liste.\n")}
	inc := NewIncremental(Options{})
	if _, err := inc.Build(fsys); err != nil {
		t.Fatal(err)
	}
	name := "content/blocs/b1.toml"
	fsys[name] = &fstest.MapFile{Data: bytes.Replace(fsys[name].Data, []byte(`"Architecte en solution logicielle"`), []byte(`"Architecte de solutions"`), 1)}
	want, got := buildBoth(t, inc, fsys)
	if !strings.Contains(string(want.Files["tous-les-metiers/index.html"]), "Architecte de solutions") {
		t.Fatal("the page with the métiers layout does not list the métier renamed")
	}
	sameOutput(t, "a métier renamed", want, got)
}

// TestIncrementalCustomLayouts: a site that changes a layout of its theme,
// or overrides one in its own layouts/, keeps the pages of the others from
// build to build; one that changes a partial, which every layout may call,
// renders every page. The output is a full build's either way.
func TestIncrementalCustomLayouts(t *testing.T) {
	const home = "themes/default/layouts/home.html"
	cases := []struct {
		name        string
		change      func(fsys fstest.MapFS)
		page, shows string // a page, and what it shows of the change
		reuse       bool
	}{
		{"the theme's home", func(fsys fstest.MapFS) {
			fsys[home] = &fstest.MapFile{Data: append([]byte("{{define \"main\"}}<p>Bienvenue chez nous</p>"), bytes.TrimPrefix(fsys[home].Data, []byte("{{define \"main\"}}"))...)}
		}, "index.html", "Bienvenue chez nous", true},
		{"the site's own compétence layout", func(fsys fstest.MapFS) {
			data := bytes.Replace(fsys["themes/default/layouts/competence.html"].Data, []byte("{{template \"criteria-or-note\" .}}"), []byte("<p>Nos critères :</p>{{template \"criteria-or-note\" .}}"), 1)
			fsys["layouts/competence.html"] = &fstest.MapFile{Data: data}
		}, "competences/b1-c1/index.html", "Nos critères", true},
		{"a partial", func(fsys fstest.MapFS) {
			name := "themes/default/layouts/partials/entities.html"
			fsys[name] = &fstest.MapFile{Data: append(slices.Clone(fsys[name].Data), "\n{{/* changé */}}"...)}
		}, "", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := bundledFS(t, func(p string) bool {
				return strings.HasPrefix(p, "themes/") || p == "config.toml" || strings.HasPrefix(p, "content/")
			})
			c.change(fsys)
			inc := NewIncremental(Options{})
			for i := range 3 {
				name := "content/blocs/b1.toml"
				fsys[name] = &fstest.MapFile{Data: bytes.Replace(fsys[name].Data, []byte("Clarté"), []byte(fmt.Sprintf("Clarté %d", i)), 1)}
				want, got := buildBoth(t, inc, fsys)
				sameOutput(t, fmt.Sprintf("build %d", i), want, got)
				if c.shows != "" && !strings.Contains(string(want.Files[c.page]), c.shows) {
					t.Fatalf("%s does not show %q", c.page, c.shows)
				}
				if i > 0 && (inc.Reused > 0) != c.reuse {
					t.Errorf("build %d reused %d pages", i, inc.Reused)
				}
			}
		})
	}
}

// buildBoth builds fsys whole, as a preview, and with inc.
func buildBoth(t *testing.T, inc *Incremental, fsys fstest.MapFS) (want, got *Output) {
	t.Helper()
	want, err := Build(fsys, Options{Preview: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, err = inc.Build(fsys); err != nil {
		t.Fatal(err)
	}
	return want, got
}

// TestIncrementalDownloadSizes: a critère made longer changes the sizes of
// its certification's open data files, which its page, the open data page
// and the home of a site with one certification show: the keys of these
// pages follow the sizes, the rest of a critère edit they do not show.
func TestIncrementalDownloadSizes(t *testing.T) {
	long := strings.Repeat("et de la qualité des livrables ", 100)
	for _, site := range []struct {
		name  string
		fsys  fstest.MapFS
		bloc  string
		pages []string // that show the sizes
	}{
		{"one", syntheticSite(t, 1).(fstest.MapFS), "content/blocs/b1.toml", []string{"index.html", "donnees/index.html"}},
		{"several", smallCertificationsSite(t), "content/certifications/cert-001/blocs/b1.toml", []string{"cert-001/index.html", "donnees/index.html"}},
	} {
		t.Run(site.name, func(t *testing.T) {
			inc := NewIncremental(Options{Preview: true})
			before, err := inc.Build(site.fsys)
			if err != nil {
				t.Fatal(err)
			}
			data := string(site.fsys[site.bloc].Data)
			if !strings.Contains(data, "Clarté") {
				t.Fatalf("%s has no critère to lengthen", site.bloc)
			}
			site.fsys[site.bloc] = &fstest.MapFile{Data: []byte(strings.Replace(data, "Clarté", "Clarté "+long, 1))}
			want, got := buildBoth(t, inc, site.fsys)
			for _, page := range site.pages {
				if bytes.Equal(before.Files[page], want.Files[page]) {
					t.Errorf("%s does not change: the test shows nothing", page)
				}
			}
			sameOutput(t, "a critère made longer", want, got)
		})
	}
}
